// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace Oobm::Core {

// An IPv4 range as admins write it: a CIDR block ("10.1.0.0/16") or first-last
// ("10.1.0.5-10.1.0.90"). Used by Profile Assignments and collection rules.
struct Ipv4Range
{
    quint32 first = 0;
    quint32 last = 0;

    // False when text is neither form (or last is before first).
    static bool parse(const QString &text, Ipv4Range *range);
    bool contains(quint32 address) const { return address >= first && address <= last; }
};

// An address as a number (for SQL range filters); -1 when it is not IPv4.
qint64 ipv4Number(const QString &address);

} // namespace Oobm::Core
