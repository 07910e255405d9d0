// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/task.h"
#include "core/fleet/taskrun.h"
#include "core/store/sqlledger.h"

#include <QDateTime>
#include <QList>

namespace Oobm::Core {

class SqlFleetLedger;
class SqlLogLedger;
class SqlProfileLedger;

// Tasks and their runs, on the store thread. A run keeps its target as resolved when it was made:
// one row per system, with its wave, its claim and its result. Engines claim systems of the current
// wave in the database (the run's row lock keeps its concurrency across engines; SKIP LOCKED on
// PostgreSQL), report what became of each, and advance the waves under the run's lock as the
// pure WavePlanner decides. A claim is a lease: a system an engine held when it died is claimed
// again after the lease, so a run is taken over and goes on; a system with a result is never
// worked on again.
class SqlTaskLedger final : public SqlLedger
{
public:
    SqlTaskLedger(Context context, SqlFleetLedger *fleet, SqlLogLedger *log, SqlProfileLedger *profiles);

    StoreResult<QList<Task>> listTasks();
    StoreResult<Task> task(qint64 id);
    // Creates or changes a task (its next due time from its schedule). A task scheduled "now"
    // also gets its run at once; *runId says which.
    StoreResult<qint64> saveTask(const Task &task, const AuditActor &actor, qint64 *runId);
    StoreResult<int> deleteTask(qint64 id);

    // Makes a run (resolving its target, every system of which must have stored credentials for
    // the operation), records who asked in the Security Audit. Resolves to the run's id.
    StoreResult<qint64> requestRun(const RunRequest &request, const QDateTime &now);
    StoreResult<QList<TaskRun>> listRuns(const RunFilter &filter);
    StoreResult<TaskRun> run(qint64 id);
    // A run's systems and their results, by UUID; only the given states (empty: all).
    StoreResult<QList<RunSystem>> runSystems(qint64 runId, const QList<RunSystemState> &states, int limit,
                                             const QString &afterUuid);
    // Stops a run: its pending systems are Cancelled; those running finish.
    StoreResult<int> cancelRun(qint64 id, const AuditActor &actor);

    // The engines' side. Makes the runs of scheduled tasks that are due (once each, whichever
    // engine asks first); resolves to how many.
    StoreResult<int> scheduleDue(const QDateTime &now);
    // Claims up to room systems of open runs' current waves for engineId, with a lease.
    StoreResult<QList<RunWork>> claimWork(const QString &engineId, int room, qint64 leaseMs, const QDateTime &now);
    // Records outcomes (and their effects on the systems) and the steps in Actions Status.
    StoreError finishWork(const QList<RunOutcome> &outcomes, const QString &engineId, const QDateTime &now);
    // Moves open runs on: next wave, stop, complete. Resolves to the runs that changed.
    StoreResult<QList<qint64>> advanceRuns(const QDateTime &now);
    // What engineId still held (it stops, or starts again after it died): pending again.
    StoreResult<int> releaseWork(const QString &engineId);
    // What engineId holds and still works on (an operation tried again, a slow device): held until `until`.
    StoreResult<int> renewWork(const QString &engineId, const QDateTime &until);

    // The PostgreSQL NOTIFY channel that says a run was made, changed or finished.
    static constexpr QLatin1String NotifyChannel{"oobm_runs"};

private:
    StoreResult<QStringList> resolveTarget(const TaskTarget &target, QString *description);
    struct RunSpec
    {
        QString name;
        qint64 taskId = 0;
        Operation operation = Operation::PowerOn;
        WavePolicy wave;
        QString parameter;
        QString target; // described
    };
    StoreResult<qint64> makeRun(const RunSpec &spec, const QStringList &uuids, const AuditActor &actor,
                                const QDateTime &due, const QDateTime &now);
    StoreError addCounts(QList<TaskRun> *runs);
    // Stamps the runs' changed_ms (how SQLite's other processes see a change) and NOTIFYs
    // (PostgreSQL's).
    StoreError touchRuns(const QList<qint64> &ids);

    SqlFleetLedger *m_fleet;
    SqlLogLedger *m_log;
    SqlProfileLedger *m_profiles;
};

} // namespace Oobm::Core
