// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace Oobm::Core {

// Profile Assignments: which provision profile a system gets. Rules are tried in the order they
// were made; the first that matches wins; systems no rule matches get the default profile.
struct ProfileAssignment
{
    enum class Kind { Uuid = 0, FqdnPattern = 1, IpRange = 2 };
    qint64 id = 0;
    Kind kind = Kind::Uuid;
    QString value; // a UUID; a pattern such as "*.lab.example.com"; "10.1.0.0/16" or "10.1.0.5-10.1.0.90"
    qint64 profileId = 0;
    QString profileName;

    // Empty, or what is wrong with value for its kind.
    QString problem() const;
    bool matches(const QString &uuid, const QString &fqdn, const QHostAddress &address) const;
    QString describe() const;          // "IP range 10.1.0.0/16", for the system's "matched by"
    static QString kindKey(Kind kind); // "uuid", "fqdn", "ip"
    static bool kindFromKey(const QString &key, Kind *kind);
};

} // namespace Oobm::Core
