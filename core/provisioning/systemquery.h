// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/amtsystem.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace Oobm::Core {

// Intel AMT Systems at fleet size: which systems, in which order, and from where (keyset paging:
// the rows after a given one in that order). The store sorts and pages in SQL; sortKey() and
// lessThan() give the same order in C++, so a console can place a changed row where the store
// would (docs/architecture.md, "The systems list").
struct SystemQuery
{
    enum class Sort { LastHello, Uuid, Name, Fqdn, Address, Version, State, Profile, Pid, LastAction };

    SystemFilter filter;
    Sort sort = Sort::LastHello;
    bool descending = true;
    // Keyset: only the rows after this system in the order (empty: from the first).
    QString afterUuid;
    QVariant afterKey; // sortKey() of that system
    int limit = 200;

    // The value a system is sorted by: a number (qint64) or text compared byte by byte in UTF-8
    // (the store compares the same way: SQLite's binary collation, PostgreSQL's "C").
    static QVariant sortKey(Sort sort, const AmtSystem &system);
    // Whether a comes before b in this order (ties broken by UUID, in the same direction).
    static bool lessThan(Sort sort, bool descending, const AmtSystem &a, const AmtSystem &b);
};

} // namespace Oobm::Core
