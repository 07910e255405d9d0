// SPDX-License-Identifier: GPL-2.0-or-later
#include "ipv4range.h"

#include <QHostAddress>
#include <QStringList>

namespace Oobm::Core {

bool Ipv4Range::parse(const QString &text, Ipv4Range *range)
{
    bool ok1 = false, ok2 = false;
    const QString t = text.trimmed();
    if (t.contains(u'/')) {
        const auto [network, length] = QHostAddress::parseSubnet(t);
        if (network.protocol() != QAbstractSocket::IPv4Protocol || length < 0)
            return false;
        const quint32 mask = length == 0 ? 0 : ~quint32(0) << (32 - length);
        range->first = network.toIPv4Address(&ok1) & mask;
        range->last = range->first | ~mask;
        return ok1;
    }
    const QStringList parts = t.split(u'-');
    if (parts.size() != 2)
        return false;
    range->first = QHostAddress(parts.at(0).trimmed()).toIPv4Address(&ok1);
    range->last = QHostAddress(parts.at(1).trimmed()).toIPv4Address(&ok2);
    return ok1 && ok2 && range->first <= range->last;
}

qint64 ipv4Number(const QString &address)
{
    bool ok = false;
    const quint32 n = QHostAddress(address).toIPv4Address(&ok);
    return ok ? qint64(n) : -1;
}

} // namespace Oobm::Core
