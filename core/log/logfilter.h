// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "logentry.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// What the Log page (and `oobmctl log tail`) asks for. Every field is applied in SQL on indexed
// columns; an empty field means "no restriction".
struct LogFilter
{
    QList<Severity> severities; // empty: all
    QString source;
    QString deviceUuid;
    QString text; // substring of message or details
    QDateTime since;
    QDateTime until;

    bool isEmpty() const;
    bool matches(const LogEntry &entry) const; // the same predicate, for in-memory checks and tests
    bool operator==(const LogFilter &other) const = default;
};

// A page of log entries, newest first. Keyset paging: beforeId > 0 returns entries older than it,
// afterId > 0 returns entries newer than it (used for live updates).
struct LogQuery
{
    LogFilter filter;
    qint64 beforeId = 0;
    qint64 afterId = 0;
    int limit = 200;
};

} // namespace Oobm::Core
