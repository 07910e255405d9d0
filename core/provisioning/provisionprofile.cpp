// SPDX-License-Identifier: GPL-2.0-or-later
#include "provisionprofile.h"

#include "core/keys/passwordpolicy.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ProvisionProfile", text);
}

const QStringList KnownInterfaces{QStringLiteral("WebUI"), QStringLiteral("SOL"), QStringLiteral("IDER")};
} // namespace

QString ProvisionProfile::problem() const
{
    if (name.trimmed().isEmpty())
        return tr("Give the profile a name.");
    if (adminUser.trimmed().isEmpty())
        return tr("The admin user name is empty; Intel AMT's admin account is usually \"admin\".");
    if (!randomAdminPassword || !adminPassword.isEmpty()) {
        if (const QString p = mePasswordProblem(adminPassword); !p.isEmpty())
            return tr("Admin password: %1").arg(p);
        if (adminPassword == QLatin1String(FactoryMePassword))
            return tr("The admin password must not be the factory default \"admin\".");
    }
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
