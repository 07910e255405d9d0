// SPDX-License-Identifier: GPL-2.0-or-later
#include "amtendpoint.h"

namespace Oobm::Core::Amt {

QString AmtEndpoint::address() const
{
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    return h + u':' + QString::number(port);
}

QString AmtEndpoint::url(const QString &service) const
{
    const QString scheme = transport == Transport::Http ? QStringLiteral("http") : QStringLiteral("https");
    return scheme + QStringLiteral("://") + address() + u'/' + service + QStringLiteral("Service");
}

QString AmtEndpoint::wsmanUrl() const
{
    const QString scheme = transport == Transport::Http ? QStringLiteral("http") : QStringLiteral("https");
    return scheme + QStringLiteral("://") + address() + QStringLiteral("/wsman");
}

} // namespace Oobm::Core::Amt
