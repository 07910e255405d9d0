// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiledialog.h"

#include "core/async.h"
#include "core/store/store.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {

// User ACL realms by name (PROTOCOL.md §5.5), as typed into the users table.
const QList<QPair<QString, unsigned>> &realmNames()
{
    static const QList<QPair<QString, unsigned>> names{
            {QStringLiteral("Redirection"), 2},      {QStringLiteral("PTAdministration"), 3},
            {QStringLiteral("HardwareAsset"), 4},    {QStringLiteral("RemoteControl"), 5},
            {QStringLiteral("Storage"), 6},          {QStringLiteral("EventManager"), 7},
            {QStringLiteral("StorageAdmin"), 8},     {QStringLiteral("AgentPresenceLocal"), 9},
            {QStringLiteral("AgentPresenceRemote"), 10}, {QStringLiteral("CircuitBreaker"), 11},
            {QStringLiteral("NetworkTime"), 12},     {QStringLiteral("GeneralInfo"), 13},
            {QStringLiteral("FirmwareUpdate"), 14},  {QStringLiteral("EIT"), 15},
            {QStringLiteral("LocalUN"), 16},         {QStringLiteral("EndpointAccessControl"), 17},
            {QStringLiteral("EndpointAccessControlAdmin"), 18}, {QStringLiteral("EventLogReader"), 19},
            {QStringLiteral("AuditLog"), 20},        {QStringLiteral("ACL"), 21},
            {QStringLiteral("LocalSystem"), 24}};
    return names;
}

QString realmText(const QList<unsigned> &realms)
{
    QStringList out;
    for (unsigned r : realms) {
        QString name = QString::number(r);
        for (const auto &[n, v] : realmNames()) {
            if (v == r)
                name = n;
        }
        out << name;
    }
    return out.join(QStringLiteral(", "));
}

bool parseRealms(const QString &text, QList<unsigned> *realms, QString *bad)
{
    for (QString part : text.split(u',', Qt::SkipEmptyParts)) {
        part = part.trimmed();
        bool ok = false;
        unsigned value = part.toUInt(&ok);
        if (!ok) {
            for (const auto &[n, v] : realmNames()) {
                if (part.compare(n, Qt::CaseInsensitive) == 0) {
                    value = v;
                    ok = true;
                }
            }
        }
        if (!ok) {
            *bad = part;
            return false;
        }
        realms->append(value);
    }
    return true;
}

} // namespace

ProfileDialog::ProfileDialog(Core::Store *store, const Core::ProvisionProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_id(profile.id)
    , m_name(new QLineEdit(profile.name, this))
    , m_default(new QCheckBox(tr("Default profile: systems that no assignment names get this one"), this))
    , m_adminUser(new QLineEdit(profile.adminUser, this))
    , m_adminPassword(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_domain(new QLineEdit(profile.domainName, this))
    , m_hostPattern(new QLineEdit(profile.hostNamePattern, this))
    , m_webUi(new QCheckBox(tr("Web UI"), this))
    , m_sol(new QCheckBox(tr("Serial-over-LAN"), this))
    , m_ider(new QCheckBox(tr("IDE redirection"), this))
    , m_users(new QTableWidget(0, 3, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(profile.id > 0 ? tr("Edit provision profile %1").arg(profile.name) : tr("New provision profile"));
    m_name->setObjectName(QStringLiteral("name"));
    m_default->setChecked(profile.isDefault);
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

    m_users->setObjectName(QStringLiteral("users"));
    m_users->setHorizontalHeaderLabels({tr("User name"), tr("Password"), tr("Realms")});
    m_users->horizontalHeader()->setStretchLastSection(true);
    m_users->verticalHeader()->hide();
    m_users->setToolTip(tr("Realms by name, separated by commas, e.g. RemoteControl, GeneralInfo, Redirection"));
    for (const Core::Amt::UserAclEntry &u : profile.aclUsers) {
        const int row = m_users->rowCount();
        m_users->insertRow(row);
        m_users->setItem(row, 0, new QTableWidgetItem(u.username));
        m_users->setItem(row, 1, new QTableWidgetItem(QString()));
        m_users->setItem(row, 2, new QTableWidgetItem(realmText(u.realms)));
    }
    auto *addUser = new QPushButton(tr("Add user"), this);
    auto *removeUser = new QPushButton(tr("Remove user"), this);
    connect(addUser, &QPushButton::clicked, this, [this] {
        const int row = m_users->rowCount();
        m_users->insertRow(row);
        m_users->setItem(row, 0, new QTableWidgetItem(QString()));
        m_users->setItem(row, 1, new QTableWidgetItem(QString()));
        m_users->setItem(row, 2, new QTableWidgetItem(QStringLiteral("RemoteControl, GeneralInfo")));
        m_users->editItem(m_users->item(row, 0));
        validate();
    });
    connect(removeUser, &QPushButton::clicked, this, [this] {
        if (m_users->currentRow() >= 0)
            m_users->removeRow(m_users->currentRow());
        validate();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_default);
    form->addRow(tr("Admin &user:"), m_adminUser);
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
    auto *userButtons = new QHBoxLayout;
    userButtons->addWidget(addUser);
    userButtons->addWidget(removeUser);
    userButtons->addStretch();

    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Intel AMT users (Digest accounts besides admin):"), this));
    layout->addWidget(m_users, 1);
    layout->addLayout(userButtons);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_name, m_adminUser, m_adminPassword, m_confirm, m_domain, m_hostPattern})
        connect(e, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    connect(m_users, &QTableWidget::itemChanged, this, &ProfileDialog::validate);
    resize(640, 560);
    validate();
}

ProfileDialog::~ProfileDialog() = default;

Core::ProvisionProfile ProfileDialog::profile() const
{
    Core::ProvisionProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.isDefault = m_default->isChecked();
    p.adminUser = m_adminUser->text().trimmed();
    p.adminPassword = m_adminPassword->text();
    p.domainName = m_domain->text().trimmed();
    p.hostNamePattern = m_hostPattern->text().trimmed();
    p.interfaces.clear();
    if (m_webUi->isChecked())
        p.interfaces << QStringLiteral("WebUI");
    if (m_sol->isChecked())
        p.interfaces << QStringLiteral("SOL");
    if (m_ider->isChecked())
        p.interfaces << QStringLiteral("IDER");
    for (int row = 0; row < m_users->rowCount(); ++row) {
        Core::Amt::UserAclEntry u;
        u.username = m_users->item(row, 0) ? m_users->item(row, 0)->text().trimmed() : QString();
        u.password = m_users->item(row, 1) ? m_users->item(row, 1)->text() : QString();
        QString bad;
        parseRealms(m_users->item(row, 2) ? m_users->item(row, 2)->text() : QString(), &u.realms, &bad);
        p.aclUsers << u;
    }
    return p;
}

void ProfileDialog::validate()
{
    QString problem;
    for (int row = 0; row < m_users->rowCount() && problem.isEmpty(); ++row) {
        QList<unsigned> realms;
        QString bad;
        if (!parseRealms(m_users->item(row, 2) ? m_users->item(row, 2)->text() : QString(), &realms, &bad))
            problem = tr("Unknown realm '%1' in row %2; use names such as RemoteControl, GeneralInfo, Redirection, "
                         "HardwareAsset, EventManager, NetworkTime.")
                              .arg(bad)
                              .arg(row + 1);
    }
    if (problem.isEmpty())
        problem = profile().problem();
    if (problem.isEmpty() && m_adminPassword->text() != m_confirm->text())
        problem = tr("The two admin passwords differ.");
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
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
