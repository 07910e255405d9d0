// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlmaintenanceledger.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace Oobm::Core {

StoreResult<bool> SqlMaintenanceLedger::claimJob(MaintenanceJob job, const QDateTime &dueIfLastRunBefore,
                                                 const QString &engineId, const QDateTime &now)
{
    StoreResult<bool> r;
    if (!dueIfLastRunBefore.isValid())
        return r; // off
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery q(database());
    // A job's first claim makes its row (never run: 0); engines making it at once make one.
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO maintenance_jobs (job, last_run_ms) VALUES (?, 0) ON CONFLICT "
                                            "(job) DO NOTHING"),
                             {maintenanceJobKey(job)})) {
        r.error = queryError(q);
        return r;
    }
    // Under the row's lock: a second engine waits for the first one's commit, then sees the new
    // last run and updates nothing.
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("UPDATE maintenance_jobs SET last_run_ms = ?, engine = ?, result = '' WHERE "
                               "job = ? AND last_run_ms <= ?"),
                {now.toMSecsSinceEpoch(), engineId, maintenanceJobKey(job), dueIfLastRunBefore.toMSecsSinceEpoch()})) {
        r.error = queryError(q);
        return r;
    }
    const bool claimed = q.numRowsAffected() == 1;
    if (StoreError e = t.commit()) {
        r.error = e;
        return r;
    }
    r.value = claimed;
    return r;
}

StoreError SqlMaintenanceLedger::recordResult(MaintenanceJob job, const QString &engineId, const QString &result)
{
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("UPDATE maintenance_jobs SET result = ? WHERE job = ? AND engine = ?"),
                             {result, maintenanceJobKey(job), engineId}))
        return queryError(q);
    return {};
}

StoreResult<QList<MaintenanceJobState>> SqlMaintenanceLedger::jobs()
{
    StoreResult<QList<MaintenanceJobState>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT job, last_run_ms, engine, result FROM maintenance_jobs"))) {
        r.error = queryError(q);
        return r;
    }
    QHash<QString, MaintenanceJobState> stored;
    while (q.next()) {
        MaintenanceJobState s;
        const qint64 ms = q.value(1).toLongLong();
        s.lastRun = ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
        s.engine = q.value(2).toString();
        s.result = q.value(3).toString();
        stored.insert(q.value(0).toString(), s);
    }
    for (MaintenanceJob job : allMaintenanceJobs()) {
        MaintenanceJobState s = stored.value(maintenanceJobKey(job));
        s.job = job;
        r.value << s;
    }
    return r;
}

} // namespace Oobm::Core
