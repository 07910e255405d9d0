// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctordialog.h"

#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/models/checkresultsmodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/checkresultsview.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Oobm::Gui {

using Core::CheckResult;
using Core::CheckVerdict;
using Core::DoctorReport;
using Core::ProvisioningDoctor;

DoctorDialog::DoctorDialog(const PageContext &context, const QString &subject, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_subject(new QLineEdit(subject, this))
    , m_run(new QPushButton(tr("&Diagnose"), this))
    , m_progress(new QProgressBar(this))
    , m_verdict(new QLabel(this))
    , m_results(new CheckResultsView(this))
{
    setWindowTitle(tr("Diagnose Provisioning"));
    setWindowIcon(themedIcon(QStringLiteral("information")));
    resize(980, 560);

    auto *intro = new QLabel(tr("Walks the reference's troubleshooting method for a system that "
                                "does not provision: its hellos, its UUID in the log, its key, "
                                "DNS and the listener, authorization, the hello window and its "
                                "last attempt. The verdict is the first check that fails."),
                             this);
    intro->setWordWrap(true);
    m_subject->setObjectName(QStringLiteral("subject"));
    m_subject->setPlaceholderText(tr("UUID, IP address or FQDN; empty: every system that is not provisioned"));
    m_subject->setClearButtonEnabled(true);
    m_run->setObjectName(QStringLiteral("diagnose"));
    m_run->setDefault(true);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_results->setEmptyText(tr("Enter a system, or leave it empty for every system that is not "
                               "provisioned, and press Diagnose."));

    auto *subjectRow = new QHBoxLayout;
    auto *label = new QLabel(tr("&System:"), this);
    label->setBuddy(m_subject);
    subjectRow->addWidget(label);
    subjectRow->addWidget(m_subject, 1);
    subjectRow->addWidget(m_run);
    subjectRow->addWidget(m_progress);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(subjectRow);
    layout->addWidget(m_verdict);
    layout->addWidget(m_results, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &DoctorDialog::diagnose);
    connect(m_subject, &QLineEdit::returnPressed, this, [this] {
        if (!isRunning())
            diagnose();
    });
    // In a diagnosis of several systems, a row opens that system's full diagnosis.
    connect(m_results->view(), &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (m_single || isRunning() || index.row() >= m_reports.size())
            return;
        const DoctorReport &r = m_reports.at(index.row());
        m_subject->setText(r.uuid.isEmpty() ? r.subject : r.uuid);
        diagnose();
    });
    connect(&m_watcher, &QFutureWatcherBase::resultReadyAt, this, [this](int i) { onReport(m_watcher.resultAt(i)); });
    connect(&m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &DoctorDialog::finished);
}

DoctorDialog::~DoctorDialog()
{
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished(); // it reads the store through this dialog's context
}

void DoctorDialog::done(int result)
{
    if (m_watcher.isRunning()) {
        m_closeWith = result;
        m_watcher.cancel();
        hide();
        return;
    }
    QDialog::done(result);
}

void DoctorDialog::diagnose()
{
    if (isRunning()) {
        if (m_starting) {
            m_starting = false;
            ++m_generation;
            finished();
            return;
        }
        m_watcher.cancel();
        m_run->setEnabled(false);
        m_verdict->setText(tr("Cancelling…"));
        return;
    }
    m_results->clear();
    m_reports.clear();
    m_run->setText(tr("&Cancel"));
    const QString subject = m_subject->text().trimmed();
    m_single = !subject.isEmpty();
    if (m_single) {
        start({subject});
        return;
    }
    m_verdict->setText(tr("Finding the systems that are not provisioned…"));
    m_starting = true;
    const quint64 run = ++m_generation;
    Core::whenReady(m_context.store->listSystems(ProvisioningDoctor::unprovisionedFilter()), this,
                    [this, run](const Core::StoreResult<QList<Core::AmtSystem>> &r) {
        if (run != m_generation || !m_starting)
            return; // cancelled meanwhile
        m_starting = false;
        QStringList uuids;
        for (const Core::AmtSystem &s : r.value)
            uuids << s.uuid;
        if (!r.ok() || uuids.isEmpty()) {
            m_run->setText(tr("&Diagnose"));
            m_verdict->setText(r.ok() ? tr("Every system is provisioned; nothing to diagnose.") : r.error.message);
            Q_EMIT diagnosed();
            return;
        }
        start(uuids);
    });
}

void DoctorDialog::start(const QStringList &subjects)
{
    m_verdict->setText(tr("Diagnosing %n systems…", nullptr, int(subjects.size())));
    m_progress->setRange(0, int(subjects.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_results->setReportHeader(
            tr("Diagnosis of %1 at %2")
                    .arg(m_single ? subjects.first() : tr("%n systems", nullptr, int(subjects.size())),
                         QDateTime::currentDateTime().toString(Qt::ISODate)));
    Core::Store *store = m_context.store;
    m_watcher.setFuture(QtConcurrent::run([store, subjects](QPromise<DoctorReport> &promise) {
        promise.setProgressRange(0, int(subjects.size()));
        int done = 0;
        for (const QString &subject : subjects) {
            if (promise.isCanceled())
                return;
            const auto cancelled = [&promise] { return promise.isCanceled(); };
            promise.addResult(ProvisioningDoctor::diagnose(ProvisioningDoctor::gather(store, subject, cancelled)));
            promise.setProgressValue(++done);
        }
    }));
}

void DoctorDialog::onReport(const DoctorReport &report)
{
    m_reports << report;
    const bool healthy = report.verdict.isPass();
    if (m_context.log)
        m_context.log->log(healthy ? Core::Severity::Information : Core::Severity::Warning,
                           tr("Diagnosis of %1: %2").arg(report.subject, report.verdict.toText()), report.toText(),
                           report.uuid, QStringLiteral("console"));
    if (m_single) {
        for (const CheckResult &c : report.checks)
            m_results->append(c);
        m_verdict->setText(tr("<b>Verdict: %1</b> %2 %3")
                                   .arg(report.verdict.check.toHtmlEscaped(), report.verdict.cause.toHtmlEscaped(),
                                        report.verdict.fix.isEmpty()
                                                ? QString()
                                                : tr("<br>Fix: %1").arg(report.verdict.fix.toHtmlEscaped())));
        return;
    }
    CheckResult row = report.verdict;
    row.check = QStringLiteral("%1: %2").arg(report.subject, report.verdict.check);
    m_results->append(row);
}

void DoctorDialog::finished()
{
    m_progress->hide();
    m_run->setEnabled(true);
    m_run->setText(tr("&Diagnose"));
    m_results->selectFirstProblem();
    if (m_closeWith >= 0) {
        QDialog::done(m_closeWith);
        return;
    }
    if (m_watcher.isCanceled() || m_reports.isEmpty()) {
        m_verdict->setText(tr("Cancelled after %n systems.", nullptr, int(m_reports.size())));
    } else if (!m_single) {
        int healthy = 0;
        for (const DoctorReport &r : std::as_const(m_reports))
            healthy += r.verdict.isPass();
        m_verdict->setText(tr("%1 of %n systems have a problem. Double-click a row for all of its checks.", nullptr,
                              int(m_reports.size()))
                                   .arg(m_reports.size() - healthy));
    }
    Q_EMIT diagnosed();
}

} // namespace Oobm::Gui
