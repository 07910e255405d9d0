// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QTime>

namespace Oobm::Core {

// When a task runs: now, once at a time, daily or weekly at a time of day, or every N hours. Times
// of day are in the schedule's time zone (the console's, when it was made), so "daily at 02:00"
// stays at 02:00 across daylight saving time; instants are stored in UTC.
struct Schedule
{
    enum class Kind { Now = 0, Once = 1, Daily = 2, Weekly = 3, EveryHours = 4 };

    Kind kind = Kind::Now;
    QDateTime at;        // Once: when. EveryHours: the first run.
    QTime timeOfDay;     // Daily, Weekly
    int weekday = 1;     // Weekly: 1 Monday ... 7 Sunday
    int everyHours = 0;  // EveryHours
    QByteArray timeZone; // IANA id ("Europe/Berlin"); empty: UTC

    bool isRecurring() const { return kind == Kind::Daily || kind == Kind::Weekly || kind == Kind::EveryHours; }
    // The first time the task is due strictly after `after` (for Now and Once: their one time,
    // when it is after `after`; otherwise invalid).
    QDateTime nextDue(const QDateTime &after) const;
    // Empty, or what is wrong ("The time 2026-12-06 09:00 is in the past: ..."), judged at now.
    QString problem(const QDateTime &now) const;
    QString describe() const; // "daily at 02:00 (Europe/Berlin)", translated

    QByteArray toJson() const;
    static Schedule fromJson(const QByteArray &json);
    bool operator==(const Schedule &other) const = default;
};

} // namespace Oobm::Core
