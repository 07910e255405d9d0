// SPDX-License-Identifier: GPL-2.0-or-later
#include "auxiliaryprofiledialog.h"

#include "core/async.h"
#include "core/store/store.h"
#include "ui/widgets/aclusersedit.h"
#include "ui/widgets/problemlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

AuxiliaryProfileDialog::AuxiliaryProfileDialog(Core::Store *store, const Core::AuxiliaryProfile &profile,
                                               QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_id(profile.id)
    , m_name(new QLineEdit(profile.name, this))
    , m_tlsCertificate(new QComboBox(this))
    , m_users(new AclUsersEdit(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("auxiliaryProfileDialog"));
    setWindowTitle(profile.id > 0 ? tr("Edit auxiliary profile %1").arg(profile.name) : tr("New auxiliary profile"));
    m_name->setObjectName(QStringLiteral("name"));
    m_tlsCertificate->setObjectName(QStringLiteral("tlsCertificate"));
    m_tlsCertificate->addItem(tr("(none)"), qint64(0));
    if (profile.tlsCertificateId > 0) {
        m_tlsCertificate->addItem(profile.tlsCertificateName, profile.tlsCertificateId);
        m_tlsCertificate->setCurrentIndex(1);
    }
    m_users->setUsers(profile.aclUsers);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("TLS &certificate:"), m_tlsCertificate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(profile.id > 0 ? tr("Intel AMT users (enter their passwords again to save):")
                                                : tr("Intel AMT users (Digest accounts the profiles add):"),
                                 this));
    layout->addWidget(m_users, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AuxiliaryProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &AuxiliaryProfileDialog::validate);
    connect(m_users, &AclUsersEdit::changed, this, &AuxiliaryProfileDialog::validate);
    connect(m_tlsCertificate, &QComboBox::currentIndexChanged, this, &AuxiliaryProfileDialog::validate);
    resize(600, 460);
    validate();
    Core::whenReady(m_store->listTlsCertificates(), this,
                    [this](const Core::StoreResult<QList<Core::TlsCertificate>> &r) {
        const qint64 selected = m_tlsCertificate->currentData().toLongLong();
        const QSignalBlocker blocker(m_tlsCertificate);
        m_tlsCertificate->clear();
        m_tlsCertificate->addItem(tr("(none)"), qint64(0));
        for (const Core::TlsCertificate &c : r.value)
            m_tlsCertificate->addItem(c.isExpired() ? tr("%1 (expired)").arg(c.name) : c.name, c.id);
        m_tlsCertificate->setCurrentIndex(qMax(0, m_tlsCertificate->findData(selected)));
        validate();
    });
}

AuxiliaryProfileDialog::~AuxiliaryProfileDialog() = default;

Core::AuxiliaryProfile AuxiliaryProfileDialog::profile() const
{
    Core::AuxiliaryProfile a;
    a.id = m_id;
    a.name = m_name->text().trimmed();
    a.aclUsers = m_users->users();
    a.tlsCertificateId = m_tlsCertificate->currentData().toLongLong();
    a.tlsCertificateName = a.tlsCertificateId > 0 ? m_tlsCertificate->currentText() : QString();
    return a;
}

void AuxiliaryProfileDialog::validate()
{
    QString problem = m_users->problem();
    if (problem.isEmpty())
        problem = profile().problem();
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

void AuxiliaryProfileDialog::accept()
{
    validate();
    if (!m_buttons->button(QDialogButtonBox::Save)->isEnabled())
        return;
    m_buttons->setEnabled(false);
    Core::whenReady(m_store->saveAuxiliaryProfile(profile()), this, [this](const Core::StoreResult<qint64> &r) {
        m_buttons->setEnabled(true);
        if (!r.ok()) {
            m_problem->setText(r.error.message);
            return;
        }
        m_id = r.value;
        QDialog::accept();
    });
}

} // namespace Oobm::Gui
