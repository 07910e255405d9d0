// SPDX-License-Identifier: GPL-2.0-or-later
#include "checkresultsview.h"

#include "ui/models/checkresultsmodel.h"
#include "ui/widgets/recordtable.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Oobm::Gui {

CheckResultsView::CheckResultsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new CheckResultsModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_details(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_save(new QPushButton(tr("&Save As…"), this))
{
    m_view->setObjectName(QStringLiteral("checkResults"));
    m_view->setModel(m_model);
    setUpRecordTable(m_view);
    m_view->horizontalHeader()->resizeSection(CheckResultsModel::ResultColumn, 80);
    m_view->horizontalHeader()->resizeSection(CheckResultsModel::CheckColumn, 250);
    m_view->horizontalHeader()->resizeSection(CheckResultsModel::AnswerColumn, 250);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->hide();
    // The selected check in full: its answer, cause and fix, which the row only begins.
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(6);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 4 + 12);
    m_details->hide();

    m_empty->setObjectName(QStringLiteral("emptyText"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMinimumHeight(120);

    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(QStringLiteral("copyResults"));
    m_copy->setToolTip(tr("Copy the results as text, one line per check"));
    m_save->setObjectName(QStringLiteral("saveResults"));
    m_save->setToolTip(tr("Save the results as a text file"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDetails(current.row()); });
    connect(m_copy, &QPushButton::clicked, this, &CheckResultsView::copy);
    connect(m_save, &QPushButton::clicked, this, &CheckResultsView::save);
    auto *copyShortcut = new QAction(this);
    copyShortcut->setShortcut(QKeySequence::Copy);
    copyShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyShortcut, &QAction::triggered, this, &CheckResultsView::copy);
    m_view->addAction(copyShortcut);
    updateButtons();
}

CheckResultsView::~CheckResultsView() = default;

void CheckResultsView::showDetails(int row)
{
    const QList<Core::CheckResult> &results = m_model->results();
    if (row < 0 || row >= results.size()) {
        m_details->clear();
        m_details->hide();
        return;
    }
    const Core::CheckResult &r = results.at(row);
    QString html = QStringLiteral("<b>%1</b>").arg(r.check.toHtmlEscaped());
    if (!r.answer.isEmpty())
        html += QStringLiteral(": %1").arg(r.answer.toHtmlEscaped());
    if (!r.cause.isEmpty())
        html += QStringLiteral("<br>%1").arg(r.cause.toHtmlEscaped());
    if (!r.fix.isEmpty())
        html += tr("<br><b>Fix:</b> %1").arg(r.fix.toHtmlEscaped());
    m_details->setText(html);
    m_details->show();
}

void CheckResultsView::selectFirstProblem()
{
    const QList<Core::CheckResult> &results = m_model->results();
    for (int i = 0; i < results.size(); ++i) {
        if (results.at(i).verdict == Core::CheckVerdict::Fail || results.at(i).verdict == Core::CheckVerdict::Warning) {
            m_view->setCurrentIndex(m_model->index(i, 0));
            return;
        }
    }
    if (!results.isEmpty())
        m_view->setCurrentIndex(m_model->index(0, 0));
}

void CheckResultsView::clear()
{
    m_model->clear();
    showDetails(-1);
    m_summary->clear();
    m_summaryText.clear();
    updateButtons();
}

void CheckResultsView::append(const Core::CheckResult &result)
{
    m_model->append(result);
    m_empty->hide();
    m_view->show();
    updateButtons();
}

void CheckResultsView::setSummary(const QString &summary, bool problem)
{
    m_summaryText = summary;
    m_summary->setText(summary);
    QPalette p = palette();
    if (problem)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_summary->setPalette(p);
}

void CheckResultsView::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

QString CheckResultsView::reportText() const
{
    QString text = m_header.isEmpty() ? QString() : m_header + u'\n';
    text += Core::DnsChecker::toText(m_model->results());
    if (!m_summaryText.isEmpty())
        text += m_summaryText + u'\n';
    return text;
}

void CheckResultsView::copy()
{
    QApplication::clipboard()->setText(reportText());
    m_summary->setText(tr("%1 Copied %n lines.", nullptr, int(m_model->results().size())).arg(m_summaryText).trimmed());
}

void CheckResultsView::save()
{
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Results"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
            tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const QByteArray bytes = reportText().toUtf8();
    // Written to a temporary name and renamed, off the GUI thread.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        m_summary->setText(QStringLiteral("%1 %2")
                                   .arg(m_summaryText, error.isEmpty() ? tr("Saved to %1.").arg(path) : error)
                                   .trimmed());
    });
    watcher->setFuture(QtConcurrent::run([path, bytes] {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return tr("Could not save %1: %2. Choose another folder.").arg(path, f.errorString());
        return QString();
    }));
}

void CheckResultsView::updateButtons()
{
    const bool any = !m_model->results().isEmpty();
    m_copy->setEnabled(any);
    m_save->setEnabled(any);
}

} // namespace Oobm::Gui
