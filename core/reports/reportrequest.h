// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/reports/reportdefinition.h"

#include <QDateTime>
#include <QString>

namespace Oobm::Core {

// What to compute: a report and its parameters. What a report does not take is ignored; what it
// takes and is not set gets the report's default (withDefaults).
struct ReportRequest
{
    ReportId report = ReportId::SystemsByState;
    qint64 collectionId = 0; // only this collection's members (0: every system)
    QDateTime since;         // the period [since, until), UTC; invalid: the report's default period
    QDateTime until;         // invalid: now
    int hours = 0;           // SilentSystems: silent for more than this many hours (0: the default)
    int limit = 0;           // the top N, or at most N systems listed (0: the default)
    QDateTime now;           // what "now" is (tests fix it); invalid: when the store computes it

    static constexpr int MaxLimit = 10000;
    static constexpr int MaxHours = 24 * 3660;
    static constexpr int MaxHourBuckets = 24 * 93; // hellos per hour: at most 93 days
    static constexpr int MaxDayBuckets = 3 * 366;  // per day: at most three years

    // The same request with the defaults filled in, relative to now (or this->now when set).
    ReportRequest withDefaults(const QDateTime &currentTime) const;
    // Empty, or what is wrong with the request (after withDefaults), translated.
    QString problem() const;
};

} // namespace Oobm::Core
