// SPDX-License-Identifier: GPL-2.0-or-later
#include "generatekeysdialog.h"

#include "core/async.h"
#include "ui/widgets/problemlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Oobm::Gui {

GenerateKeysDialog::GenerateKeysDialog(Core::Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_count(new QSpinBox(this))
    , m_defaultPassword(new QLineEdit(QStringLiteral("admin"), this))
    , m_newPassword(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_problem(new ProblemLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Generate Security Keys"));
    m_count->setObjectName(QStringLiteral("count"));
    m_count->setRange(1, Core::KeyGenerationRequest::MaxGenerate);
    m_count->setValue(1);
    m_count->setGroupSeparatorShown(true);
    m_defaultPassword->setObjectName(QStringLiteral("defaultPassword"));
    m_newPassword->setObjectName(QStringLiteral("newPassword"));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    for (QLineEdit *e : {m_defaultPassword, m_newPassword, m_confirm})
        e->setEchoMode(QLineEdit::Password);
    m_newPassword->setToolTip(
            tr("8-32 characters with an upper-case letter, a lower-case letter, a digit and a special "
               "character; not ':' ',' or '\"'"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->hide();

    auto *countForm = new QFormLayout;
    countForm->addRow(tr("&Number of security keys to generate:"), m_count);
    auto *defaultBox = new QGroupBox(tr("Factory Default Intel® Management Engine Password"), this);
    auto *defaultForm = new QFormLayout(defaultBox);
    defaultForm->addRow(tr("Intel® &ME Password:"), m_defaultPassword);
    auto *newBox = new QGroupBox(tr("New Intel® Management Engine Password"), this);
    auto *newLayout = new QVBoxLayout(newBox);
    auto *hint = new QLabel(tr("This password is either uploaded from a USB key or typed in "
                               "manually into the Management "
                               "Engine BIOS Extension screen."),
                            newBox);
    hint->setWordWrap(true);
    auto *newForm = new QFormLayout;
    newForm->addRow(tr("Intel® ME &Password:"), m_newPassword);
    newForm->addRow(tr("&Confirm:"), m_confirm);
    newLayout->addWidget(hint);
    newLayout->addLayout(newForm);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(countForm);
    layout->addWidget(defaultBox);
    layout->addWidget(newBox);
    layout->addWidget(m_problem);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &GenerateKeysDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &GenerateKeysDialog::reject);
    for (QLineEdit *e : {m_defaultPassword, m_newPassword, m_confirm})
        connect(e, &QLineEdit::textChanged, this, &GenerateKeysDialog::validate);
    connect(m_count, &QSpinBox::valueChanged, this, &GenerateKeysDialog::validate);
    validate();
}

GenerateKeysDialog::~GenerateKeysDialog()
{
    if (m_running)
        m_future.cancel();
}

Core::KeyGenerationRequest GenerateKeysDialog::request() const
{
    Core::KeyGenerationRequest r;
    r.count = m_count->value();
    r.mePassword = m_defaultPassword->text();
    r.newMePassword = m_newPassword->text();
    r.actor = Core::AuditActor::current();
    return r;
}

QString GenerateKeysDialog::problem() const
{
    if (m_newPassword->text().isEmpty())
        return tr("Enter the new Intel ME password.");
    if (const QString p = request().problem(); !p.isEmpty())
        return p;
    if (m_confirm->text() != m_newPassword->text())
        return tr("The confirmation does not match the new Intel ME password.");
    return {};
}

void GenerateKeysDialog::validate()
{
    const QString why = problem();
    // Say nothing before the user has typed anything.
    m_problem->setText(m_newPassword->text().isEmpty() && m_confirm->text().isEmpty() ? QString() : why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty() && !m_running);
}

void GenerateKeysDialog::accept()
{
    if (m_running || !problem().isEmpty())
        return;
    m_running = true;
    for (QWidget *w : std::initializer_list<QWidget *>{m_count, m_defaultPassword, m_newPassword, m_confirm})
        w->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_progress->setRange(0, m_count->value());
    m_progress->setValue(0);
    m_progress->show();
    m_future = m_store->generateKeys(request());
    auto *watcher = new QFutureWatcher<Core::StoreResult<Core::KeyBatchResult>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        finishRun(watcher->future().resultCount() > 0 ? watcher->future().result()
                                                      : Core::StoreResult<Core::KeyBatchResult>{});
    });
    watcher->setFuture(m_future);
}

void GenerateKeysDialog::reject()
{
    if (m_running) {
        m_future.cancel(); // the store rolls back; finishRun() closes the dialog
        m_problem->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void GenerateKeysDialog::finishRun(const Core::StoreResult<Core::KeyBatchResult> &result)
{
    m_running = false;
    m_result = result;
    if (result.ok() && result.value.count > 0) {
        Q_EMIT generated(result.value);
        QDialog::accept();
        return;
    }
    if (result.error.kind == Core::StoreError::Kind::Cancelled || m_future.isCanceled()) {
        QDialog::reject();
        return;
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_count, m_defaultPassword, m_newPassword, m_confirm})
        w->setEnabled(true);
    m_progress->hide();
    m_problem->setText(result.error.message);
    validate();
}

} // namespace Oobm::Gui
