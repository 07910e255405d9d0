// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/reports/reportrequest.h"
#include "core/reports/reportresult.h"
#include "core/store/sqlledger.h"

namespace Oobm::Core {

class SqlFleetLedger;

// The built-in reports, on the store thread: each is one or a few aggregate statements (GROUP BY,
// COUNT, SUM over CASE), so what leaves the database is the figures, never the rows they count;
// the listings (silent systems, the top N) are LIMITed in SQL. A collection narrows every report
// that takes one to its members by SqlFleetLedger::membershipClause, in the same statement.
//
// Time buckets are computed in SQL from the stored milliseconds since the epoch by integer
// division (hour: / 3600000, day: / 86400000, week: days + 3 over 7, weeks starting on Monday), the
// same expression on SQLite and PostgreSQL, which makes every bucket a UTC hour, day or week:
// neither strftime() nor date_trunc() is needed, and no time zone of the server or the session
// can shift a bucket. (tst_reports counts the same buckets with SQLite's strftime(...,
// 'unixepoch') and PostgreSQL's date_trunc on to_timestamp(...) AT TIME ZONE 'UTC', so the
// two agree.) The dialects differ only where the text functions do (a reason's text before
// its first colon).
class SqlReportLedger final : public SqlLedger
{
public:
    SqlReportLedger(Context context, SqlFleetLedger *fleet);

    StoreResult<ReportResult> run(const ReportRequest &asked);

    // The provisioning sequence's steps (what "provisioning" counts in Actions Status), in order.

private:
    struct Scope; // the request and its collection, as SQL
    StoreError systemsByState(const Scope &scope, ReportResult *r);
    StoreError systemsByVersion(const Scope &scope, ReportResult *r);
    StoreError systemsByProfile(const Scope &scope, ReportResult *r);
    StoreError systemsByCollection(const Scope &scope, ReportResult *r);
    StoreError provisioningPerDay(const Scope &scope, ReportResult *r);
    StoreError failureReasons(const Scope &scope, ReportResult *r);
    StoreError keysByState(const Scope &scope, ReportResult *r);
    StoreError keyConsumption(const Scope &scope, ReportResult *r);
    StoreError keyRunway(const Scope &scope, ReportResult *r);
    StoreError hellosPerHour(const Scope &scope, ReportResult *r);
    StoreError silentSystems(const Scope &scope, ReportResult *r);
    StoreError runOutcomes(const Scope &scope, ReportResult *r);
    StoreError slowestSystems(const Scope &scope, ReportResult *r);
    StoreError failingSystems(const Scope &scope, ReportResult *r);

    // Runs sql with binds; calls row(q) for every row. The error, if any.
    template<typename Row>
    StoreError forEachRow(const QString &sql, const QVariantList &binds, Row row);
    // A reason's text up to its first colon, as SQL (the dialects differ).
    QString beforeColon(const QString &column) const;

    SqlFleetLedger *m_fleet;
};

} // namespace Oobm::Core
