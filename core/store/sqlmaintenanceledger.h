// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/maintenancejob.h"
#include "core/store/sqlledger.h"

#include <QDateTime>
#include <QList>

namespace Oobm::Core {

// The Maintenance page's recurring jobs, on the store thread: one row per job with its last run.
// An engine claims a due job by moving its last run to now only where it is still at or before
// the bound MaintenancePolicy computed; the row's lock (PostgreSQL) or the write lock (SQLite)
// lets exactly one of several engines asking at once have it.
class SqlMaintenanceLedger final : public SqlLedger
{
public:
    using SqlLedger::SqlLedger;

    // True when engineId now has the job (its last run was at or before dueIfLastRunBefore).
    StoreResult<bool> claimJob(MaintenanceJob job, const QDateTime &dueIfLastRunBefore, const QString &engineId,
                               const QDateTime &now);
    // What the job's last run did, in a sentence.
    StoreError recordResult(MaintenanceJob job, const QString &engineId, const QString &result);
    // Every job (one never run has an invalid lastRun).
    StoreResult<QList<MaintenanceJobState>> jobs();
};

} // namespace Oobm::Core
