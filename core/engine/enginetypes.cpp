// SPDX-License-Identifier: GPL-2.0-or-later
#include "enginetypes.h"

#include "core/keys/passwordpolicy.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

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
    return {SystemState::AwaitingHello, SystemState::AwaitingAuthorization,
            SystemState::Provisioning,  SystemState::Provisioned,
            SystemState::Failed,        SystemState::HelloWindowExpired,
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
    if (const QString p = aclUsersProblem(aclUsers, adminUser); !p.isEmpty())
        return p;
    if (tlsEnabled && tlsCertificateId <= 0 && auxiliaryProfileId <= 0)
        return tr("TLS is on but the profile has no server certificate: choose a TLS certificate (import one "
                  "first), or an auxiliary profile that has one; or turn TLS off.");
    for (const QString &i : interfaces) {
        if (!KnownInterfaces.contains(i))
            return tr("Unknown interface '%1'; the interfaces are WebUI, SOL and IDER.").arg(i);
    }
    if (!domainName.isEmpty() && (domainName.startsWith(u'.') || domainName.contains(u' ')))
        return tr("The domain name '%1' is not a DNS domain such as example.com.").arg(domainName);
    return {};
}

QString aclUsersProblem(const QList<Amt::UserAclEntry> &users, const QString &adminUser)
{
    QStringList seen;
    for (const Amt::UserAclEntry &u : users) {
        if (u.username.trimmed().isEmpty())
            return tr("An Intel AMT user has no name.");
        if (u.username.compare(adminUser, Qt::CaseInsensitive) == 0)
            return tr("The user %1 has the admin account's name; choose another name.").arg(u.username);
        if (seen.contains(u.username, Qt::CaseInsensitive))
            return tr("The user %1 is listed twice; Intel AMT keeps one entry per name.").arg(u.username);
        seen << u.username;
        if (const QString p = mePasswordProblem(u.password); !p.isEmpty())
            return tr("Password of the user %1: %2").arg(u.username, p);
        if (u.realms.isEmpty())
            return tr("The user %1 has no realms; give it at least one (for example Remote Control).").arg(u.username);
    }
    return {};
}

QString AuxiliaryProfile::problem() const
{
    if (name.trimmed().isEmpty())
        return tr("Give the auxiliary profile a name.");
    if (aclUsers.isEmpty() && tlsCertificateId <= 0)
        return tr("The auxiliary profile %1 has neither users nor a TLS certificate; add at least one.").arg(name);
    // Its users join a profile's own, next to the admin account (usually "admin").
    return aclUsersProblem(aclUsers, QStringLiteral("admin"));
}

QString ProfileAssignment::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Uuid:
        return QStringLiteral("uuid");
    case Kind::FqdnPattern:
        return QStringLiteral("fqdn");
    case Kind::IpRange:
        return QStringLiteral("ip");
    }
    return {};
}

bool ProfileAssignment::kindFromKey(const QString &key, Kind *kind)
{
    for (Kind k : {Kind::Uuid, Kind::FqdnPattern, Kind::IpRange}) {
        if (key.compare(kindKey(k), Qt::CaseInsensitive) == 0) {
            *kind = k;
            return true;
        }
    }
    return false;
}

namespace {
// "10.1.0.0/16" or "10.1.0.5-10.1.0.90" (IPv4), as [first, last].
bool ipRange(const QString &text, quint32 *first, quint32 *last)
{
    bool ok1 = false, ok2 = false;
    if (text.contains(u'/')) {
        const auto [network, length] = QHostAddress::parseSubnet(text);
        if (network.protocol() != QAbstractSocket::IPv4Protocol || length < 0)
            return false;
        const quint32 mask = length == 0 ? 0 : ~quint32(0) << (32 - length);
        *first = network.toIPv4Address(&ok1) & mask;
        *last = *first | ~mask;
        return ok1;
    }
    const QStringList parts = text.split(u'-');
    if (parts.size() != 2)
        return false;
    *first = QHostAddress(parts.at(0).trimmed()).toIPv4Address(&ok1);
    *last = QHostAddress(parts.at(1).trimmed()).toIPv4Address(&ok2);
    return ok1 && ok2 && *first <= *last;
}
} // namespace

QString ProfileAssignment::problem() const
{
    quint32 a = 0, b = 0;
    switch (kind) {
    case Kind::Uuid:
        if (QUuid::fromString(value.trimmed()).isNull())
            return tr("'%1' is not a UUID such as 4B529B93-D413-181D-E487-1C697A6B7A2B.").arg(value);
        break;
    case Kind::FqdnPattern:
        if (value.trimmed().isEmpty() || value.contains(u' '))
            return tr("'%1' is not an FQDN pattern such as *.lab.example.com.").arg(value);
        break;
    case Kind::IpRange:
        if (!ipRange(value.trimmed(), &a, &b))
            return tr("'%1' is not an IPv4 range: write 10.1.0.0/16 or 10.1.0.5-10.1.0.90.").arg(value);
        break;
    }
    if (profileId <= 0)
        return tr("Choose the provision profile the matching systems get.");
    return {};
}

bool ProfileAssignment::matches(const QString &uuid, const QString &fqdn, const QHostAddress &address) const
{
    switch (kind) {
    case Kind::Uuid:
        return QUuid::fromString(value.trimmed()) == QUuid::fromString(uuid);
    case Kind::FqdnPattern: {
        if (fqdn.isEmpty())
            return false;
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(value.trimmed()),
                                    QRegularExpression::CaseInsensitiveOption);
        return re.match(fqdn).hasMatch();
    }
    case Kind::IpRange: {
        quint32 first = 0, last = 0;
        bool ok = false;
        const quint32 a = address.toIPv4Address(&ok);
        return ok && ipRange(value.trimmed(), &first, &last) && a >= first && a <= last;
    }
    }
    return false;
}

QString ProfileAssignment::describe() const
{
    switch (kind) {
    case Kind::Uuid:
        return tr("UUID %1").arg(value.toUpper());
    case Kind::FqdnPattern:
        return tr("FQDN %1").arg(value);
    case Kind::IpRange:
        return tr("IP range %1").arg(value);
    }
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
