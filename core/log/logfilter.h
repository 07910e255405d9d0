// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "logentry.h"

#include "core/keys/keyledger.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// What the Log page (and `oobmctl log tail`) asks for. Every field is applied in SQL on indexed
// columns; an empty field means "no restriction".
struct LogFilter
{
    QList<Severity> severities; // empty: all
    QString source;
    // A system's UUID, or its FQDN (matched, without case, against the Intel AMT systems).
    QString deviceUuid;
    // Substring of message or details, without case. Runs on the full-text index (SQLite FTS5
    // trigram, PostgreSQL pg_trgm) from three characters on.
    QString text;
    QDateTime since;
    QDateTime until;

    bool isEmpty() const;
    bool matches(const LogEntry &entry) const; // the same predicate, for in-memory checks and tests
    bool operator==(const LogFilter &other) const = default;
    // Whether deviceUuid names a UUID (otherwise it is an FQDN).
    bool deviceIsUuid() const;
};

// How many entries of each category (a severity, a step's result, an audit action) a filter
// selects, by the category's number; the counts ignore the filter's own categories, so they say
// what the other categories would add.
struct CategoryCounts
{
    QMap<int, qint64> counts;
    qint64 of(int category) const { return counts.value(category); }
    void add(int category, qint64 count) { counts[category] += count; }
    qint64 total() const;
};

// The Security Audit's actions, in the order of their category numbers.
const QStringList &auditActions(); // "generate", "show", "export", "import", "delete", "task", "retire"

// A page of the Security Audit log, newest first, with the log's filters that apply to it, and
// the same keyset paging as LogQuery.
struct AuditQuery
{
    QDateTime since;
    QDateTime until;
    QStringList actions; // of auditActions(); empty: all
    QString text;        // substring of user, host, file or details, without case
    qint64 beforeId = 0;
    qint64 afterId = 0;
    int limit = 200;
    bool oldestFirst = false;

    bool matches(const AuditEntry &entry) const;
};

// A page of log entries, newest first. Keyset paging: beforeId > 0 returns entries older than it,
// afterId > 0 returns entries newer than it (used for live updates).
struct LogQuery
{
    LogFilter filter;
    qint64 beforeId = 0;
    qint64 afterId = 0;
    int limit = 200;
    bool oldestFirst = false; // the oldest entries first (jumping to the end of the log)
};

} // namespace Oobm::Core
