// SPDX-License-Identifier: GPL-2.0-or-later
#include "profileassignment.h"

#include "core/provisioning/ipv4range.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ProfileAssignment", text);
}
} // namespace

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

QString ProfileAssignment::problem() const
{
    Ipv4Range range;
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
        if (!Ipv4Range::parse(value, &range))
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
        Ipv4Range range;
        bool ok = false;
        const quint32 a = address.toIPv4Address(&ok);
        return ok && Ipv4Range::parse(value, &range) && range.contains(a);
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

} // namespace Oobm::Core
