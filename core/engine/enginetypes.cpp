// SPDX-License-Identifier: GPL-2.0-or-later
#include "enginetypes.h"

#include "core/keys/passwordpolicy.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::Engine", text);
}

const QStringList KnownInterfaces{QStringLiteral("WebUI"), QStringLiteral("SOL"), QStringLiteral("IDER")};
} // namespace

QString systemStateName(SystemState state)
{
    switch (state) {
    case SystemState::AwaitingHello:
        return tr("Awaiting hello");
    case SystemState::AwaitingAuthorization:
        return tr("Awaiting authorization");
    case SystemState::Provisioning:
        return tr("Provisioning");
    case SystemState::Provisioned:
        return tr("Provisioned");
    case SystemState::Failed:
        return tr("Failed");
    case SystemState::HelloWindowExpired:
        return tr("Hello window expired");
    case SystemState::Unprovisioned:
        return tr("Unprovisioned");
    }
    return {};
}

QString systemStateKey(SystemState state)
{
    switch (state) {
    case SystemState::AwaitingHello:
        return QStringLiteral("awaiting-hello");
    case SystemState::AwaitingAuthorization:
        return QStringLiteral("awaiting-authorization");
    case SystemState::Provisioning:
        return QStringLiteral("provisioning");
    case SystemState::Provisioned:
        return QStringLiteral("provisioned");
    case SystemState::Failed:
        return QStringLiteral("failed");
    case SystemState::HelloWindowExpired:
        return QStringLiteral("hello-window-expired");
    case SystemState::Unprovisioned:
        return QStringLiteral("unprovisioned");
    }
    return {};
}

QList<SystemState> allSystemStates()
{
    return {SystemState::AwaitingHello,      SystemState::AwaitingAuthorization, SystemState::Provisioning,
            SystemState::Provisioned,        SystemState::Failed,                SystemState::HelloWindowExpired,
            SystemState::Unprovisioned};
}

bool systemStateFromKey(const QString &key, SystemState *state)
{
    for (SystemState s : allSystemStates()) {
        if (key.compare(systemStateKey(s), Qt::CaseInsensitive) == 0) {
            *state = s;
            return true;
        }
    }
    return false;
}

QString actionResultName(ActionRecord::Result result)
{
    switch (result) {
    case ActionRecord::Result::Succeeded:
        return tr("Succeeded");
    case ActionRecord::Result::Failed:
        return tr("Failed");
    case ActionRecord::Result::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString actionResultKey(ActionRecord::Result result)
{
    switch (result) {
    case ActionRecord::Result::Succeeded:
        return QStringLiteral("succeeded");
    case ActionRecord::Result::Failed:
        return QStringLiteral("failed");
    case ActionRecord::Result::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString ProvisionProfile::problem() const
{
    if (name.trimmed().isEmpty())
        return tr("Give the profile a name.");
    if (adminUser.trimmed().isEmpty())
        return tr("The admin user name is empty; Intel AMT's admin account is usually \"admin\".");
    if (const QString p = mePasswordProblem(adminPassword); !p.isEmpty())
        return tr("Admin password: %1").arg(p);
    if (adminPassword == QLatin1String(FactoryMePassword))
        return tr("The admin password must not be the factory default \"admin\".");
    for (const Amt::UserAclEntry &u : aclUsers) {
        if (u.username.trimmed().isEmpty())
            return tr("An Intel AMT user has no name.");
        if (u.username.compare(adminUser, Qt::CaseInsensitive) == 0)
            return tr("The user %1 has the admin account's name; choose another name.").arg(u.username);
        if (const QString p = mePasswordProblem(u.password); !p.isEmpty())
            return tr("Password of the user %1: %2").arg(u.username, p);
        if (u.realms.isEmpty())
            return tr("The user %1 has no realms; give it at least one (for example Remote Control).")
                    .arg(u.username);
    }
    for (const QString &i : interfaces) {
        if (!KnownInterfaces.contains(i))
            return tr("Unknown interface '%1'; the interfaces are WebUI, SOL and IDER.").arg(i);
    }
    if (!domainName.isEmpty() && (domainName.startsWith(u'.') || domainName.contains(u' ')))
        return tr("The domain name '%1' is not a DNS domain such as example.com.").arg(domainName);
    return {};
}

QString ProvisionProfile::hostNameFor(const QString &uuid, const QString &currentHost) const
{
    if (hostNamePattern.isEmpty())
        return {};
    QString name = hostNamePattern;
    name.replace(QStringLiteral("{host}"), currentHost);
    name.replace(QStringLiteral("{uuid8}"), uuid.left(8).toLower());
    name.replace(QStringLiteral("{uuid}"), uuid.toLower());
    return name;
}

} // namespace Oobm::Core
