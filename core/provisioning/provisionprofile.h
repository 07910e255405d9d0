// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amttypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// How a system is configured when it is provisioned (Provision Profiles).
struct ProvisionProfile
{
    qint64 id = 0;
    QString name;
    bool isDefault = false;
    QString adminUser = QStringLiteral("admin");
    QString adminPassword; // sealed at rest; empty in listings (and with randomAdminPassword)
    // Each device gets a random admin password of its own (sealed per system before the device
    // gets it; the Intel AMT Systems details reveal it, audited) instead of adminPassword.
    bool randomAdminPassword = false;
    QList<Amt::UserAclEntry> aclUsers; // passwords sealed at rest; empty in listings
    bool tlsEnabled = false;
    qint64 tlsCertificateId = 0; // the server certificate TLS installs; 0: the auxiliary profile's
    QString tlsCertificateName;
    qint64 auxiliaryProfileId = 0; // its users are added to aclUsers; 0: none
    QString auxiliaryProfileName;
    QString domainName;      // set on the device when not empty
    QString hostNamePattern; // "{host}" keeps it; "amt-{uuid8}" names it; empty: unchanged
    QStringList interfaces{QStringLiteral("WebUI"), QStringLiteral("SOL"), QStringLiteral("IDER")};
    QDateTime changed;

    // Empty, or what is wrong with the profile ("The admin password needs a digit (0-9).").
    QString problem() const;
    QString hostNameFor(const QString &uuid, const QString &currentHost) const;
};

// Empty, or what is wrong with a set of Intel AMT users (names, passwords, realms); adminUser is
// the account name they must not take.
QString aclUsersProblem(const QList<Amt::UserAclEntry> &users, const QString &adminUser);

} // namespace Oobm::Core
