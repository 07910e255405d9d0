// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiledialog.h"

#include "core/async.h"
#include "core/store/store.h"
#include "ui/widgets/aclusersedit.h"
#include "ui/widgets/problemlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {

// Fills a "none or one of these" combo, keeping the chosen id selected.
void fillChoices(QComboBox *combo, const QList<QPair<qint64, QString>> &choices, qint64 selected)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(QCoreApplication::translate("Oobm::Gui::ProfileDialog", "(none)"), qint64(0));
    for (const auto &[id, name] : choices)
        combo->addItem(name, id);
    const int index = combo->findData(selected);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

ProfileDialog::ProfileDialog(Core::Store *store, const Core::ProvisionProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_id(profile.id)
    , m_name(new QLineEdit(profile.name, this))
    , m_default(new QCheckBox(tr("Default profile: systems that no assignment names get this one"), this))
    , m_adminUser(new QLineEdit(profile.adminUser, this))
    , m_randomPassword(new QCheckBox(tr("A random admin password per device (instead of one for all)"), this))
    , m_adminPassword(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_domain(new QLineEdit(profile.domainName, this))
    , m_hostPattern(new QLineEdit(profile.hostNamePattern, this))
    , m_webUi(new QCheckBox(tr("Web UI"), this))
    , m_sol(new QCheckBox(tr("Serial-over-LAN"), this))
    , m_ider(new QCheckBox(tr("IDE redirection"), this))
    , m_tls(new QCheckBox(tr("Turn TLS on: the device serves 16993 with the server certificate below"), this))
    , m_tlsCertificate(new QComboBox(this))
    , m_auxiliary(new QComboBox(this))
    , m_users(new AclUsersEdit(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(profile.id > 0 ? tr("Edit provision profile %1").arg(profile.name) : tr("New provision profile"));
    m_name->setObjectName(QStringLiteral("name"));
    m_default->setChecked(profile.isDefault);
    m_randomPassword->setObjectName(QStringLiteral("randomAdminPassword"));
    m_randomPassword->setChecked(profile.randomAdminPassword);
    m_randomPassword->setToolTip(tr("Provisioning gives each device a password of its own, stored encrypted for "
                                    "that system; the Intel AMT Systems details show it (written to the Security "
                                    "Audit log)."));
    m_adminPassword->setObjectName(QStringLiteral("adminPassword"));
    m_adminPassword->setEchoMode(QLineEdit::Password);
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_adminPassword->setPlaceholderText(profile.id > 0 ? tr("enter it again to save the profile") : QString());
    m_adminPassword->setToolTip(tr("8-32 characters with an upper-case and a lower-case letter, a digit and a "
                                   "special character; not : , or \". Provisioned systems get it as their "
                                   "admin password."));
    m_domain->setPlaceholderText(tr("e.g. example.com (empty: keep the device's)"));
    m_hostPattern->setPlaceholderText(tr("e.g. amt-{uuid8} (empty: keep the device's; {host} is its current name)"));
    m_webUi->setChecked(profile.interfaces.contains(QStringLiteral("WebUI")));
    m_sol->setChecked(profile.interfaces.contains(QStringLiteral("SOL")));
    m_ider->setChecked(profile.interfaces.contains(QStringLiteral("IDER")));

    m_users->setUsers(profile.aclUsers);
    m_tls->setObjectName(QStringLiteral("tls"));
    m_tls->setChecked(profile.tlsEnabled);
    m_tlsCertificate->setObjectName(QStringLiteral("tlsCertificate"));
    m_tlsCertificate->setToolTip(tr("The TLS server certificate provisioned systems get (import one under Auxiliary "
                                    "Profiles). None: the auxiliary profile's."));
    m_auxiliary->setObjectName(QStringLiteral("auxiliaryProfile"));
    m_auxiliary->setToolTip(tr("Its users are added to this profile's own; its certificate is used when this "
                               "profile names none."));
    // Until the lists arrive, the current choices stay selectable by name.
    fillChoices(m_tlsCertificate,
                profile.tlsCertificateId > 0
                        ? QList<QPair<qint64, QString>>{{profile.tlsCertificateId, profile.tlsCertificateName}}
                        : QList<QPair<qint64, QString>>{},
                profile.tlsCertificateId);
    fillChoices(m_auxiliary,
                profile.auxiliaryProfileId > 0
                        ? QList<QPair<qint64, QString>>{{profile.auxiliaryProfileId, profile.auxiliaryProfileName}}
                        : QList<QPair<qint64, QString>>{},
                profile.auxiliaryProfileId);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_default);
    form->addRow(tr("Admin &user:"), m_adminUser);
    form->addRow(QString(), m_randomPassword);
    form->addRow(tr("Admin &password:"), m_adminPassword);
    form->addRow(tr("&Confirm password:"), m_confirm);
    form->addRow(tr("&Domain name:"), m_domain);
    form->addRow(tr("&Host name:"), m_hostPattern);
    auto *interfaces = new QHBoxLayout;
    interfaces->addWidget(m_webUi);
    interfaces->addWidget(m_sol);
    interfaces->addWidget(m_ider);
    interfaces->addStretch();
    form->addRow(tr("Enabled interfaces:"), interfaces);
    form->addRow(tr("TLS:"), m_tls);
    form->addRow(tr("TLS &certificate:"), m_tlsCertificate);
    form->addRow(tr("A&uxiliary profile:"), m_auxiliary);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Intel AMT users (Digest accounts besides admin):"), this));
    layout->addWidget(m_users, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_name, m_adminUser, m_adminPassword, m_confirm, m_domain, m_hostPattern})
        connect(e, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    connect(m_users, &AclUsersEdit::changed, this, &ProfileDialog::validate);
    connect(m_tls, &QCheckBox::toggled, this, &ProfileDialog::validate);
    connect(m_randomPassword, &QCheckBox::toggled, this, [this](bool random) {
        for (QLineEdit *e : {m_adminPassword, m_confirm}) {
            e->setEnabled(!random);
            if (random)
                e->clear();
        }
        validate();
    });
    for (QLineEdit *e : {m_adminPassword, m_confirm})
        e->setEnabled(!profile.randomAdminPassword);
    for (QComboBox *c : {m_tlsCertificate, m_auxiliary})
        connect(c, &QComboBox::currentIndexChanged, this, &ProfileDialog::validate);
    resize(640, 620);
    validate();
    loadChoices();
}

ProfileDialog::~ProfileDialog() = default;

Core::ProvisionProfile ProfileDialog::profile() const
{
    Core::ProvisionProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.isDefault = m_default->isChecked();
    p.adminUser = m_adminUser->text().trimmed();
    p.randomAdminPassword = m_randomPassword->isChecked();
    p.adminPassword = p.randomAdminPassword ? QString() : m_adminPassword->text();
    p.domainName = m_domain->text().trimmed();
    p.hostNamePattern = m_hostPattern->text().trimmed();
    p.interfaces.clear();
    if (m_webUi->isChecked())
        p.interfaces << QStringLiteral("WebUI");
    if (m_sol->isChecked())
        p.interfaces << QStringLiteral("SOL");
    if (m_ider->isChecked())
        p.interfaces << QStringLiteral("IDER");
    p.aclUsers = m_users->users();
    p.tlsEnabled = m_tls->isChecked();
    p.tlsCertificateId = m_tlsCertificate->currentData().toLongLong();
    p.tlsCertificateName = p.tlsCertificateId > 0 ? m_tlsCertificate->currentText() : QString();
    p.auxiliaryProfileId = m_auxiliary->currentData().toLongLong();
    p.auxiliaryProfileName = p.auxiliaryProfileId > 0 ? m_auxiliary->currentText() : QString();
    return p;
}

void ProfileDialog::validate()
{
    QString problem = m_users->problem();
    if (problem.isEmpty())
        problem = profile().problem();
    if (problem.isEmpty() && m_adminPassword->text() != m_confirm->text())
        problem = tr("The two admin passwords differ.");
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

void ProfileDialog::loadChoices()
{
    Core::whenReady(m_store->listTlsCertificates(), this,
                    [this](const Core::StoreResult<QList<Core::TlsCertificate>> &r) {
        QList<QPair<qint64, QString>> choices;
        for (const Core::TlsCertificate &c : r.value)
            choices.append({c.id, c.isExpired() ? tr("%1 (expired)").arg(c.name) : c.name});
        fillChoices(m_tlsCertificate, choices, m_tlsCertificate->currentData().toLongLong());
        validate();
    });
    Core::whenReady(m_store->listAuxiliaryProfiles(), this,
                    [this](const Core::StoreResult<QList<Core::AuxiliaryProfile>> &r) {
        QList<QPair<qint64, QString>> choices;
        for (const Core::AuxiliaryProfile &a : r.value)
            choices.append({a.id, a.name});
        fillChoices(m_auxiliary, choices, m_auxiliary->currentData().toLongLong());
        validate();
    });
}

void ProfileDialog::accept()
{
    validate();
    if (!m_buttons->button(QDialogButtonBox::Save)->isEnabled())
        return;
    m_buttons->setEnabled(false);
    Core::whenReady(m_store->saveProfile(profile()), this, [this](const Core::StoreResult<qint64> &r) {
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
