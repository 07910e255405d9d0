// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemquery.h"

namespace Oobm::Core {

namespace {

qint64 ms(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QByteArray text(const QString &s)
{
    return s.toUtf8();
}

// Lower case as the store's lower() makes it: ASCII letters only.
QByteArray folded(const QString &s)
{
    QByteArray bytes = s.toUtf8();
    for (char &c : bytes) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return bytes;
}

// <0, 0, >0 as the store orders two keys.
int compareKeys(const QVariant &a, const QVariant &b)
{
    if (a.typeId() == QMetaType::LongLong) {
        const qint64 x = a.toLongLong(), y = b.toLongLong();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    const QByteArray x = a.toByteArray(), y = b.toByteArray();
    return x < y ? -1 : x > y ? 1 : 0;
}

} // namespace

QVariant SystemQuery::sortKey(Sort sort, const AmtSystem &s)
{
    switch (sort) {
    case Sort::LastHello:
        return ms(s.lastHello);
    case Sort::Uuid:
        return text(s.uuid);
    case Sort::Name:
        return folded(s.name);
    case Sort::Fqdn:
        return folded(s.fqdn);
    case Sort::Address:
        return text(s.address);
    case Sort::Version:
        return text(s.amtVersion);
    case Sort::State:
        return qint64(s.state);
    case Sort::Profile:
        return folded(s.profileName);
    case Sort::Pid:
        return QByteArray(s.pid);
    case Sort::LastAction:
        return ms(s.lastActionTime);
    }
    return {};
}

bool SystemQuery::lessThan(Sort sort, bool descending, const AmtSystem &a, const AmtSystem &b)
{
    int c = compareKeys(sortKey(sort, a), sortKey(sort, b));
    if (c == 0)
        c = compareKeys(text(a.uuid), text(b.uuid));
    return descending ? c > 0 : c < 0;
}

} // namespace Oobm::Core
