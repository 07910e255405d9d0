// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// The UTC hours, days and weeks (Monday to Sunday) a period covers, numbered as the store's SQL
// numbers them from milliseconds since the epoch (SqlReportLedger): hour = ms / 3600000, day = ms
// / 86400000, week = (day + 3) / 7. A report's chart has a category for every bucket of its
// period, also for those nothing fell into.
class ReportBuckets
{
public:
    enum class Unit { Hour, Day, Week };

    ReportBuckets(Unit unit, const QDateTime &since, const QDateTime &until);

    // The SQL expression of a column's bucket number (the same on SQLite and PostgreSQL).
    static QString sql(Unit unit, const QString &column);
    static qint64 number(Unit unit, qint64 ms);
    static QDateTime start(Unit unit, qint64 number); // the bucket's first millisecond, UTC

    Unit unit() const { return m_unit; }
    qint64 first() const { return m_first; }
    qint64 last() const { return m_last; }
    int count() const { return int(m_last - m_first + 1); }
    // The index of a bucket number in [first, last], or -1.
    int indexOf(qint64 number) const;
    QDateTime startAt(int index) const { return start(m_unit, m_first + index); }
    // "2026-12-08" (day, week: its Monday), "2026-12-08 14:00" (hour).
    QString label(int index) const;

private:
    Unit m_unit;
    qint64 m_first = 0;
    qint64 m_last = -1;
};

} // namespace Oobm::Core
