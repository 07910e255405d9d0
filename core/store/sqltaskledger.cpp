// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqltaskledger.h"

#include "core/fleet/waveplanner.h"
#include "core/keys/passwordpolicy.h"
#include "core/keys/secretbox.h"
#include "core/log/logentry.h"
#include "core/store/sqlfleetledger.h"
#include "core/store/sqllogledger.h"
#include "core/store/sqlprofileledger.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace Oobm::Core {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Oobm::Core::SqlTaskLedger", text, disambiguation, n);
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

// What a claimed system's work needs from its amt_systems row, as claimWork reads it.
struct SystemRow
{
    QString address;
    QString fqdn;
    QString name;
    SystemState state = SystemState::AwaitingHello;
    QString adminUser;
    QByteArray sealedPassword;
    QByteArray tlsCertificatePem;
    qint64 profileId = 0;
    QByteArray sealedPendingPassword; // null: none
    QString amtVersion;
    QString dialect;
};

// The columns address, fqdn, name, state, admin_user, admin_password, tls_certificate_pem,
// profile_id, pending_admin_password, amt_version, dialect of q, from the column first on.
SystemRow systemRow(const QSqlQuery &q, int first)
{
    SystemRow row;
    row.address = q.value(first).toString();
    row.fqdn = q.value(first + 1).toString();
    row.name = q.value(first + 2).toString();
    row.state = SystemState(q.value(first + 3).toInt());
    row.adminUser = q.value(first + 4).toString();
    row.sealedPassword = q.value(first + 5).toByteArray();
    row.tlsCertificatePem = q.value(first + 6).toString().toLatin1();
    row.profileId = q.value(first + 7).toLongLong();
    if (!q.value(first + 8).isNull())
        row.sealedPendingPassword = q.value(first + 8).toByteArray();
    row.amtVersion = q.value(first + 9).toString();
    row.dialect = q.value(first + 10).toString();
    return row;
}

QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

StoreError invalid(const QString &message)
{
    return StoreError::make(StoreError::Kind::InvalidRequest, message);
}

// How many values one statement's IN list or VALUES takes at most (SQLite allows 32,766 binds,
// PostgreSQL 65,535).
constexpr qsizetype MaxListBinds = 500;

// "?, ?, ?" for n binds.
QString marks(qsizetype n)
{
    QStringList list;
    list.fill(QStringLiteral("?"), n);
    return list.join(QStringLiteral(", "));
}

QString someOf(const QStringList &list)
{
    return list.mid(0, 10).join(QStringLiteral(", "))
            + (list.size() > 10
                       ? QCoreApplication::translate("Oobm::Core::SqlTaskLedger", " and %1 more").arg(list.size() - 10)
                       : QString());
}

constexpr char TaskColumns[] = "t.id, t.name, t.operation, t.target_collection, t.target_uuids, t.schedule, t.wave, "
                               "t.enabled, t.created_by, t.created_ms, t.next_due_ms, t.last_run_ms, c.name, "
                               "t.parameter";
constexpr char TaskFrom[] = "tasks t LEFT JOIN collections c ON c.id = t.target_collection";

Task readTask(const QSqlQuery &q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.operation = Operation(q.value(2).toInt());
    t.target.collectionId = q.value(3).toLongLong();
    t.target.uuids = q.value(4).toString().split(u',', Qt::SkipEmptyParts);
    t.schedule = Schedule::fromJson(q.value(5).toString().toUtf8());
    t.wave = WavePolicy::fromJson(q.value(6).toString().toUtf8());
    t.enabled = q.value(7).toInt() != 0;
    t.createdBy = q.value(8).toString();
    t.created = fromMs(q.value(9));
    t.nextDue = fromMs(q.value(10));
    t.lastRun = fromMs(q.value(11));
    t.target.collectionName = q.value(12).toString();
    t.parameter = q.value(13).toString();
    if (t.target.collectionId < 0) {
        for (const Collection &c : Collection::builtIns()) {
            if (c.id == t.target.collectionId)
                t.target.collectionName = c.name;
        }
    }
    return t;
}

constexpr char RunColumns[] = "id, task_id, name, operation, wave, target, created_by, created_ms, due_ms, state, "
                              "waves_total, current_wave, wave_start_ms, total, stop_reason, started_ms, finished_ms, "
                              "parameter";

TaskRun readRun(const QSqlQuery &q)
{
    TaskRun r;
    r.id = q.value(0).toLongLong();
    r.taskId = q.value(1).toLongLong();
    r.name = q.value(2).toString();
    r.operation = Operation(q.value(3).toInt());
    r.wave = WavePolicy::fromJson(q.value(4).toString().toUtf8());
    r.target = q.value(5).toString();
    r.createdBy = q.value(6).toString();
    r.created = fromMs(q.value(7));
    r.due = fromMs(q.value(8));
    r.state = RunState(q.value(9).toInt());
    r.wavesTotal = q.value(10).toInt();
    r.currentWave = q.value(11).toInt();
    r.waveStart = fromMs(q.value(12));
    r.total = q.value(13).toInt();
    r.stopReason = q.value(14).toString();
    r.started = fromMs(q.value(15));
    r.finished = fromMs(q.value(16));
    r.parameter = q.value(17).toString();
    return r;
}

ActionRecord::Result actionResult(RunSystemState state)
{
    switch (state) {
    case RunSystemState::Succeeded:
        return ActionRecord::Result::Succeeded;
    case RunSystemState::Failed:
        return ActionRecord::Result::Failed;
    default:
        return ActionRecord::Result::Skipped;
    }
}

} // namespace

SqlTaskLedger::SqlTaskLedger(Context context, SqlFleetLedger *fleet, SqlLogLedger *log, SqlProfileLedger *profiles)
    : SqlLedger(std::move(context))
    , m_fleet(fleet)
    , m_log(log)
    , m_profiles(profiles)
{ }

StoreError SqlTaskLedger::touchRuns(const QList<qint64> &ids)
{
    QSqlQuery q(database());
    if (!ids.isEmpty()) {
        QVariantList binds{QDateTime::currentMSecsSinceEpoch()};
        for (qint64 id : ids)
            binds << id;
        if (!Sql::prepareAndExec(
                    q, QStringLiteral("UPDATE task_runs SET changed_ms = ? WHERE id IN (%1)").arg(marks(ids.size())),
                    binds))
            return queryError(q);
    }
    if (isPostgreSql() && !q.exec(QStringLiteral("NOTIFY oobm_runs")))
        return queryError(q);
    return {};
}

// Tasks

StoreResult<QList<Task>> SqlTaskLedger::listTasks()
{
    StoreResult<QList<Task>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY t.name")
                        .arg(QLatin1String(TaskColumns), QLatin1String(TaskFrom)))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value << readTask(q);
    return r;
}

StoreResult<Task> SqlTaskLedger::task(qint64 id)
{
    StoreResult<Task> r;
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT %1 FROM %2 WHERE t.id = ?")
                                     .arg(QLatin1String(TaskColumns), QLatin1String(TaskFrom)),
                             {id})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        r.error = invalid(tr("There is no task %1 (any more).").arg(id));
        return r;
    }
    r.value = readTask(q);
    return r;
}

StoreResult<qint64> SqlTaskLedger::saveTask(const Task &task, const AuditActor &actor, qint64 *runId)
{
    StoreResult<qint64> r;
    *runId = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const QString problem = task.problem(now); !problem.isEmpty()) {
        r.error = invalid(problem);
        return r;
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    if (task.target.collectionId != 0) {
        if (const auto c = m_fleet->collection(task.target.collectionId, false); !c.ok()) {
            r.error = c.error;
            return r;
        }
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM tasks WHERE name = ? AND id <> ?"),
                             {task.name.trimmed(), task.id})) {
        r.error = queryError(q);
        return r;
    }
    if (q.next()) {
        r.error = invalid(tr("There is already a task named %1; choose another name.").arg(task.name.trimmed()));
        return r;
    }
    const QDateTime nextDue = task.schedule.kind == Schedule::Kind::Now ? QDateTime() : task.schedule.nextDue(now);
    const QVariantList binds{task.name.trimmed(),
                             int(task.operation),
                             task.target.collectionId != 0 ? QVariant(task.target.collectionId)
                                                           : QVariant(QMetaType::fromType<qint64>()),
                             text(task.target.uuids.join(u',').toUpper()),
                             QString::fromUtf8(task.schedule.toJson()),
                             QString::fromUtf8(task.wave.toJson()),
                             text(task.parameter),
                             task.enabled ? 1 : 0,
                             msOrNull(task.enabled ? nextDue : QDateTime())};
    if (task.id > 0) {
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("UPDATE tasks SET name = ?, operation = ?, target_collection = ?, "
                                                "target_uuids = ?, schedule = ?, wave = ?, parameter = ?, enabled = ?, "
                                                "next_due_ms = ? WHERE id = ?"),
                                 binds + QVariantList{task.id})) {
            r.error = queryError(q);
            return r;
        }
        if (q.numRowsAffected() != 1) {
            r.error = invalid(tr("The task was deleted meanwhile."));
            return r;
        }
        r.value = task.id;
    } else {
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("INSERT INTO tasks (name, operation, target_collection, target_uuids, "
                                                "schedule, wave, parameter, enabled, next_due_ms, created_by, "
                                                "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                                 binds + QVariantList{text(actor.user), now.toMSecsSinceEpoch()})
            || !q.next()) {
            r.error = queryError(q);
            return r;
        }
        r.value = q.value(0).toLongLong();
        q.finish(); // SQLite commits only once INSERT ... RETURNING is done
    }
    if (task.schedule.kind == Schedule::Kind::Now && task.enabled && task.id <= 0) {
        QString description;
        const auto uuids = resolveTarget(task.target, &description);
        if (!uuids.ok()) {
            r.error = uuids.error;
            return r;
        }
        const auto run = makeRun({task.name.trimmed(), r.value, task.operation, task.wave, task.parameter, description},
                                 uuids.value, actor, now, now);
        if (!run.ok()) {
            r.error = run.error;
            return r;
        }
        *runId = run.value;
        if (!Sql::prepareAndExec(q, QStringLiteral("UPDATE tasks SET last_run_ms = ? WHERE id = ?"),
                                 {now.toMSecsSinceEpoch(), r.value})) {
            r.error = queryError(q);
            return r;
        }
    }
    r.error = t.commit();
    return r;
}

StoreResult<int> SqlTaskLedger::deleteTask(qint64 id)
{
    return execCount(QStringLiteral("DELETE FROM tasks WHERE id = ?"), {id});
}

// Runs

StoreResult<QStringList> SqlTaskLedger::resolveTarget(const TaskTarget &target, QString *description)
{
    StoreResult<QStringList> r;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (target.collectionId != 0) {
        const auto c = m_fleet->collection(target.collectionId, false);
        if (!c.ok()) {
            r.error = c.error;
            return r;
        }
        QVariantList binds;
        const auto clause = m_fleet->membershipClause(target.collectionId, &binds);
        if (!clause.ok()) {
            r.error = clause.error;
            return r;
        }
        if (!Sql::prepareAndExec(
                    q, QStringLiteral("SELECT s.uuid FROM amt_systems s WHERE %1 ORDER BY s.uuid").arg(clause.value),
                    binds)) {
            r.error = queryError(q);
            return r;
        }
        while (q.next())
            r.value << q.value(0).toString();
        if (r.value.isEmpty()) {
            r.error = invalid(
                    tr("The collection %1 has no systems now: there is nothing to run the task on.").arg(c.value.name));
            return r;
        }
        *description = tr("collection %1 (%n systems)", nullptr, int(r.value.size())).arg(c.value.name);
        return r;
    }
    if (target.uuids.isEmpty()) {
        r.error = invalid(tr("The task has no target: choose a collection or systems."));
        return r;
    }
    QStringList wanted;
    for (const QString &uuid : target.uuids)
        wanted << uuid.trimmed().toUpper();
    wanted.removeDuplicates();
    QVariantList binds;
    for (const QString &uuid : std::as_const(wanted))
        binds << uuid;
    if (!Sql::prepareAndExec(
                q, QStringLiteral("SELECT uuid FROM amt_systems WHERE uuid IN (%1)").arg(marks(wanted.size())),
                binds)) {
        r.error = queryError(q);
        return r;
    }
    QSet<QString> known;
    while (q.next())
        known.insert(q.value(0).toString());
    QStringList unknown;
    for (const QString &uuid : std::as_const(wanted)) {
        if (known.contains(uuid))
            r.value << uuid;
        else
            unknown << uuid;
    }
    if (!unknown.isEmpty()) {
        r.error = invalid(tr("There is no Intel AMT system %1 in this database.").arg(someOf(unknown)));
        r.value.clear();
        return r;
    }
    std::sort(r.value.begin(), r.value.end());
    *description = tr("%n chosen systems", nullptr, int(r.value.size()));
    return r;
}

StoreResult<qint64> SqlTaskLedger::makeRun(const RunSpec &spec, const QStringList &uuids, const AuditActor &actor,
                                           const QDateTime &due, const QDateTime &now)
{
    const Operation operation = spec.operation;
    const WavePolicy &wave = spec.wave;
    StoreResult<qint64> r;
    if (const QString problem = wave.problem(); !problem.isEmpty()) {
        r.error = invalid(problem);
        return r;
    }
    QSqlQuery q(database());
    if (needsCredentials(operation)) {
        // Only systems this store provisioned have admin credentials here; checked in chunks so a
        // run of 100,000 systems stays within the database's limit on binds.
        QStringList missing;
        for (qsizetype from = 0; from < uuids.size() && missing.size() <= 10; from += 5000) {
            const QStringList chunk = uuids.mid(from, 5000);
            QVariantList binds{int(SystemState::Provisioned)};
            for (const QString &uuid : chunk)
                binds << uuid;
            if (!Sql::prepareAndExec(
                        q,
                        QStringLiteral("SELECT uuid FROM amt_systems WHERE (state <> ? OR admin_password IS "
                                       "NULL) AND uuid IN (%1) ORDER BY uuid LIMIT 11")
                                .arg(marks(chunk.size())),
                        binds)) {
                r.error = queryError(q);
                return r;
            }
            while (q.next())
                missing << q.value(0).toString();
        }
        if (!missing.isEmpty()) {
            r.error = invalid(tr("%1: %2 is not provisioned by OOBM, so its admin credentials are not known here and "
                                 "nothing can be done to it. Leave such systems out of the target (for example, use "
                                 "the collection \"All Provisioned\"); nothing was started.")
                                      .arg(operationName(operation), someOf(missing)));
            return r;
        }
    }
    const int waves = WavePlanner::waveCount(int(uuids.size()), wave);
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO task_runs (task_id, name, operation, wave, parameter, target, "
                                            "created_by, created_ms, due_ms, state, waves_total, current_wave, "
                                            "wave_start_ms, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) "
                                            "RETURNING id"),
                             {spec.taskId > 0 ? QVariant(spec.taskId) : QVariant(QMetaType::fromType<qint64>()),
                              spec.name, int(operation), QString::fromUtf8(wave.toJson()), text(spec.parameter),
                              text(spec.target), text(actor.user), now.toMSecsSinceEpoch(), due.toMSecsSinceEpoch(),
                              int(RunState::Queued), waves, now.toMSecsSinceEpoch(), int(uuids.size())})
        || !q.next()) {
        r.error = queryError(q);
        return r;
    }
    r.value = q.value(0).toLongLong();
    QSqlQuery insert(database());
    if (!insert.prepare(QStringLiteral("INSERT INTO run_systems (run_id, uuid, wave, state) VALUES (?, ?, ?, ?)"))) {
        r.error = queryError(insert);
        return r;
    }
    for (int i = 0; i < uuids.size(); ++i) {
        insert.addBindValue(r.value);
        insert.addBindValue(uuids.at(i));
        insert.addBindValue(WavePlanner::waveOf(i, wave));
        insert.addBindValue(int(RunSystemState::Pending));
        if (!insert.exec()) {
            r.error = queryError(insert);
            return r;
        }
    }
    if (StoreError e = m_log->insertAudit(actor, QStringLiteral("task"), int(uuids.size()), {},
                                          tr("%1 on %2 (run %3, %4)")
                                                  .arg(operationName(operation), spec.target)
                                                  .arg(r.value)
                                                  .arg(wave.describe()))) {
        r.error = e;
        return r;
    }
    r.error = touchRuns({r.value});
    return r;
}

StoreResult<qint64> SqlTaskLedger::requestRun(const RunRequest &request, const QDateTime &now)
{
    StoreResult<qint64> r;
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QString name = request.name;
    Operation operation = request.operation;
    WavePolicy wave = request.wave;
    QString parameter = request.parameter;
    qint64 taskId = 0;
    QString description;
    StoreResult<QStringList> uuids;
    if (request.taskId > 0) {
        const auto task = this->task(request.taskId);
        if (!task.ok()) {
            r.error = task.error;
            return r;
        }
        name = task.value.name;
        operation = task.value.operation;
        wave = task.value.wave;
        parameter = task.value.parameter;
        taskId = task.value.id;
        uuids = resolveTarget(task.value.target, &description);
    } else if (request.failedOfRunId > 0) {
        const auto earlier = run(request.failedOfRunId);
        if (!earlier.ok()) {
            r.error = earlier.error;
            return r;
        }
        const auto failed = runSystems(request.failedOfRunId, {RunSystemState::Failed}, -1, {});
        if (!failed.ok()) {
            r.error = failed.error;
            return r;
        }
        if (failed.value.isEmpty()) {
            r.error = invalid(
                    tr("No system failed in the run %1: there is nothing to run again.").arg(earlier.value.id));
            return r;
        }
        name = tr("%1 again (the failed systems of run %2)").arg(earlier.value.name).arg(earlier.value.id);
        operation = earlier.value.operation;
        wave = earlier.value.wave;
        parameter = earlier.value.parameter;
        taskId = earlier.value.taskId;
        for (const RunSystem &s : failed.value)
            uuids.value << s.uuid;
        description = tr("%n failed systems of run %1", nullptr, int(uuids.value.size())).arg(earlier.value.id);
    } else {
        uuids = resolveTarget(request.target, &description);
    }
    if (!uuids.ok()) {
        r.error = uuids.error;
        return r;
    }
    if (name.trimmed().isEmpty())
        name = tr("%1 on %2").arg(operationName(operation), description);
    r = makeRun({name, taskId, operation, wave, parameter, description}, uuids.value, request.actor, now, now);
    if (!r.ok())
        return r;
    if (taskId > 0) {
        QSqlQuery q(database());
        if (!Sql::prepareAndExec(q, QStringLiteral("UPDATE tasks SET last_run_ms = ? WHERE id = ?"),
                                 {now.toMSecsSinceEpoch(), taskId})) {
            r.error = queryError(q);
            return r;
        }
    }
    r.error = t.commit();
    return r;
}

StoreError SqlTaskLedger::addCounts(QList<TaskRun> *runs)
{
    if (runs->isEmpty())
        return {};
    QHash<qint64, TaskRun *> byId;
    QVariantList binds;
    for (TaskRun &run : *runs) {
        byId.insert(run.id, &run);
        binds << run.id;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("SELECT run_id, state, COUNT(*) FROM run_systems WHERE run_id IN (%1) GROUP "
                               "BY run_id, state")
                        .arg(marks(binds.size())),
                binds))
        return queryError(q);
    while (q.next()) {
        TaskRun *run = byId.value(q.value(0).toLongLong());
        const int n = q.value(2).toInt();
        switch (RunSystemState(q.value(1).toInt())) {
        case RunSystemState::Succeeded:
            run->succeeded = n;
            break;
        case RunSystemState::Failed:
            run->failed = n;
            break;
        case RunSystemState::Skipped:
            run->skipped = n;
            break;
        case RunSystemState::Cancelled:
            run->cancelled = n;
            break;
        default:
            break;
        }
    }
    return {};
}

StoreResult<QList<TaskRun>> SqlTaskLedger::listRuns(const RunFilter &filter)
{
    StoreResult<QList<TaskRun>> r;
    QStringList where;
    QVariantList binds;
    if (filter.openOnly) {
        where << QStringLiteral("state IN (?, ?)");
        binds << int(RunState::Queued) << int(RunState::Running);
    }
    if (filter.taskId > 0) {
        where << QStringLiteral("task_id = ?");
        binds << filter.taskId;
    }
    if (filter.beforeId > 0) {
        where << QStringLiteral("id < ?");
        binds << filter.beforeId;
    }
    QString sql = QStringLiteral("SELECT %1 FROM task_runs").arg(QLatin1String(RunColumns));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT %1").arg(filter.limit > 0 ? filter.limit : 200);
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, sql, binds)) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value << readRun(q);
    r.error = addCounts(&r.value);
    return r;
}

StoreResult<TaskRun> SqlTaskLedger::run(qint64 id)
{
    StoreResult<TaskRun> r;
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT %1 FROM task_runs WHERE id = ?").arg(QLatin1String(RunColumns)),
                             {id})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        r.error = invalid(tr("There is no task run %1.").arg(id));
        return r;
    }
    QList<TaskRun> one{readRun(q)};
    r.error = addCounts(&one);
    r.value = one.first();
    return r;
}

StoreResult<QList<RunSystem>> SqlTaskLedger::runSystems(qint64 runId, const QList<RunSystemState> &states, int limit,
                                                        const QString &afterUuid)
{
    StoreResult<QList<RunSystem>> r;
    QStringList where{QStringLiteral("r.run_id = ?")};
    QVariantList binds{runId};
    if (!states.isEmpty())
        where << Sql::inList(QStringLiteral("r.state"), states, &binds);
    if (!afterUuid.isEmpty()) {
        where << QStringLiteral("r.uuid > ?");
        binds << afterUuid;
    }
    QString sql = QStringLiteral("SELECT r.run_id, r.uuid, COALESCE(NULLIF(s.name, ''), s.fqdn), r.wave, r.state, "
                                 "r.status, r.message, r.engine, r.attempt, r.started_ms, r.finished_ms FROM "
                                 "run_systems r LEFT JOIN amt_systems s ON s.uuid = r.uuid WHERE %1 ORDER BY r.uuid")
                          .arg(where.join(QStringLiteral(" AND ")));
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(q, sql, binds)) {
        r.error = queryError(q);
        return r;
    }
    while (q.next()) {
        RunSystem s;
        s.runId = q.value(0).toLongLong();
        s.uuid = q.value(1).toString();
        s.name = q.value(2).toString();
        s.wave = q.value(3).toInt();
        s.state = RunSystemState(q.value(4).toInt());
        s.status = q.value(5).toString();
        s.message = q.value(6).toString();
        s.engine = q.value(7).toString();
        s.attempt = q.value(8).toInt();
        s.started = fromMs(q.value(9));
        s.finished = fromMs(q.value(10));
        r.value << s;
    }
    return r;
}

StoreResult<int> SqlTaskLedger::cancelRun(qint64 id, const AuditActor &actor)
{
    StoreResult<int> r;
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("UPDATE task_runs SET state = ?, stop_reason = ?, finished_ms = ? WHERE id = "
                               "? AND state IN (?, ?)"),
                {int(RunState::Cancelled),
                 tr("Cancelled by %1.").arg(actor.user.isEmpty() ? tr("someone") : actor.user), now.toMSecsSinceEpoch(),
                 id, int(RunState::Queued), int(RunState::Running)})) {
        r.error = queryError(q);
        return r;
    }
    if (q.numRowsAffected() != 1) {
        r.error = invalid(tr("The run %1 has already ended.").arg(id));
        return r;
    }
    if (!Sql::prepareAndExec(q, QStringLiteral("UPDATE run_systems SET state = ? WHERE run_id = ? AND state = ?"),
                             {int(RunSystemState::Cancelled), id, int(RunSystemState::Pending)})) {
        r.error = queryError(q);
        return r;
    }
    r.value = q.numRowsAffected();
    if (StoreError e = m_log->insertAudit(actor, QStringLiteral("task"), r.value, {},
                                          tr("cancelled run %1 (%n systems not started)", nullptr, r.value).arg(id))) {
        r.error = e;
        return r;
    }
    if (StoreError e = touchRuns({id})) {
        r.error = e;
        return r;
    }
    r.error = t.commit();
    return r;
}

// The engines' side

StoreResult<int> SqlTaskLedger::scheduleDue(const QDateTime &now)
{
    StoreResult<int> r;
    QList<qint64> due;
    {
        QSqlQuery q(database());
        if (!Sql::prepareAndExec(
                    q,
                    QStringLiteral("SELECT id FROM tasks WHERE enabled = 1 AND next_due_ms IS NOT NULL AND "
                                   "next_due_ms <= ? ORDER BY next_due_ms"),
                    {now.toMSecsSinceEpoch()})) {
            r.error = queryError(q);
            return r;
        }
        while (q.next())
            due << q.value(0).toLongLong();
    }
    for (qint64 id : std::as_const(due)) {
        Sql::Transaction t = transaction();
        if (t.failed()) {
            r.error = t.error();
            return r;
        }
        QSqlQuery q(database());
        // Locked, and looked at again: another engine may have made this run a moment ago.
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("SELECT next_due_ms FROM tasks WHERE id = ? AND enabled = 1%1")
                                         .arg(isPostgreSql() ? QStringLiteral(" FOR UPDATE") : QString()),
                                 {id})) {
            r.error = queryError(q);
            return r;
        }
        if (!q.next() || q.value(0).isNull() || q.value(0).toLongLong() > now.toMSecsSinceEpoch())
            continue;
        const QDateTime dueAt = fromMs(q.value(0));
        const auto task = this->task(id);
        if (!task.ok()) {
            r.error = task.error;
            return r;
        }
        QString description;
        const auto uuids = resolveTarget(task.value.target, &description);
        StoreResult<qint64> made;
        if (uuids.ok())
            made = makeRun(
                    {task.value.name, id, task.value.operation, task.value.wave, task.value.parameter, description},
                    uuids.value, {task.value.createdBy, QStringLiteral("schedule")}, dueAt, now);
        else
            made.error = uuids.error;
        if (!made.ok()) {
            // Not this time (an empty collection, systems without credentials): said in the log, and
            // the task waits for its next time.
            const LogEntry entry = LogEntry::make(
                    Severity::Warning, QStringLiteral("tasks"),
                    tr("The task %1 did not run at %2: %3")
                            .arg(task.value.name, dueAt.toString(Qt::ISODate), made.error.message));
            if (StoreError e = m_log->insertEntries({entry})) {
                r.error = e;
                return r;
            }
        } else {
            ++r.value;
        }
        const QDateTime next = task.value.schedule.nextDue(qMax(now, dueAt));
        if (!Sql::prepareAndExec(q, QStringLiteral("UPDATE tasks SET next_due_ms = ?, last_run_ms = ? WHERE id = ?"),
                                 {msOrNull(next), now.toMSecsSinceEpoch(), id})) {
            r.error = queryError(q);
            return r;
        }
        if (StoreError e = t.commit()) {
            r.error = e;
            return r;
        }
    }
    return r;
}

StoreResult<QList<RunWork>> SqlTaskLedger::claimWork(const QString &engineId, int room, qint64 leaseMs,
                                                     const QDateTime &now)
{
    StoreResult<QList<RunWork>> r;
    if (room <= 0)
        return r;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery runs(database());
    if (!Sql::prepareAndExec(
                runs,
                QStringLiteral("SELECT id, operation, wave, current_wave, state, parameter FROM task_runs WHERE "
                               "state IN (?, ?) AND wave_start_ms <= ? ORDER BY id"),
                {int(RunState::Queued), int(RunState::Running), nowMs})) {
        r.error = queryError(runs);
        return r;
    }
    struct Open
    {
        qint64 id;
        Operation operation;
        WavePolicy wave;
        int currentWave;
        RunState state;
        QString parameter;
    };
    QList<Open> open;
    while (runs.next())
        open.append({runs.value(0).toLongLong(), Operation(runs.value(1).toInt()),
                     WavePolicy::fromJson(runs.value(2).toString().toUtf8()), runs.value(3).toInt(),
                     RunState(runs.value(4).toInt()), runs.value(5).toString()});
    QSqlQuery q(database());
    QSqlQuery claim(database());
    if (!claim.prepare(QStringLiteral("UPDATE run_systems SET state = ?, claimed_by = ?, claim_until_ms = ?, attempt = "
                                      "attempt + 1, started_ms = COALESCE(started_ms, ?) WHERE run_id = ? AND uuid = "
                                      "?"))) {
        r.error = queryError(claim);
        return r;
    }
    QHash<QString, RunWork> claimed;
    QHash<QString, SystemRow> rows;
    QStringList order;
    QList<qint64> touched;
    for (const Open &run : std::as_const(open)) {
        if (room <= 0)
            break;
        // The run's row lock: engines claiming from one run take turns, so its concurrency holds
        // across engines (SQLite's write lock does the same).
        if (isPostgreSql()
            && !Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM task_runs WHERE id = ? FOR UPDATE"), {run.id})) {
            r.error = queryError(q);
            return r;
        }
        // Running systems are all in the current wave: the next begins when this one has none open.
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("SELECT COUNT(*) FROM run_systems WHERE run_id = ? AND wave = ? AND "
                                                "state = ? AND claim_until_ms > ?"),
                                 {run.id, run.currentWave, int(RunSystemState::Running), nowMs})
            || !q.next()) {
            r.error = queryError(q);
            return r;
        }
        const int slots = WavePlanner::freeSlots(run.wave, q.value(0).toInt(), room);
        if (slots <= 0)
            continue;
        // Systems of the current wave whose engine's lease ran out, then pending ones in UUID order,
        // with what each needs (its address, admin credentials, pinned certificate): one statement
        // each, not one per system. Both read the index (run_id, wave, state, uuid) from where they
        // start, so a claim costs what it takes, not the size of the wave.
        struct Picked
        {
            QString uuid;
            int attempt;
            SystemRow row;
        };
        QList<Picked> picked;
        const QString pick = QStringLiteral(
                "SELECT s.uuid, s.attempt, a.address, a.fqdn, a.name, a.state, a.admin_user, a.admin_password, "
                "a.tls_certificate_pem, a.profile_id, a.pending_admin_password, a.amt_version, a.dialect FROM "
                "run_systems s "
                "JOIN amt_systems a "
                "ON a.uuid = s.uuid WHERE s.run_id = ? AND s.wave = ? AND s.state = ?%1 ORDER BY s.uuid LIMIT %2");
        const struct
        {
            RunSystemState state;
            QString condition;
        } sources[] = {{RunSystemState::Running, QStringLiteral(" AND s.claim_until_ms <= ?")},
                       {RunSystemState::Pending, QString()}};
        for (const auto &[state, condition] : sources) {
            const qsizetype want = slots - picked.size();
            if (want <= 0)
                break;
            QVariantList binds{run.id, run.currentWave, int(state)};
            if (!condition.isEmpty())
                binds << nowMs;
            if (!Sql::prepareAndExec(q, pick.arg(condition).arg(want), binds)) {
                r.error = queryError(q);
                return r;
            }
            while (q.next())
                picked.append({q.value(0).toString(), q.value(1).toInt() + 1, systemRow(q, 2)});
        }
        for (const auto &[uuid, attempt, row] : std::as_const(picked)) {
            claim.addBindValue(int(RunSystemState::Running));
            claim.addBindValue(engineId);
            claim.addBindValue(nowMs + leaseMs);
            claim.addBindValue(nowMs);
            claim.addBindValue(run.id);
            claim.addBindValue(uuid);
            if (!claim.exec()) {
                r.error = queryError(claim);
                return r;
            }
            RunWork work;
            work.runId = run.id;
            work.operation = run.operation;
            work.attempt = attempt;
            work.parameter = run.parameter;
            work.system.uuid = uuid;
            const QString key = QString::number(run.id) + u'/' + uuid;
            claimed.insert(key, work);
            rows.insert(key, row);
            order << key;
        }
        room -= int(picked.size());
        if (!picked.isEmpty())
            touched << run.id;
        if (run.state == RunState::Queued && !picked.isEmpty()
            && !Sql::prepareAndExec(q,
                                    QStringLiteral("UPDATE task_runs SET state = ?, started_ms = ? WHERE id = ? AND "
                                                   "state = ?"),
                                    {int(RunState::Running), nowMs, run.id, int(RunState::Queued)})) {
            r.error = queryError(q);
            return r;
        }
    }
    // What each claimed system needs: its address, admin credentials and pinned certificate; a
    // rotation's new password is sealed here first, so it is never lost between the device and us.
    for (const QString &key : std::as_const(order)) {
        RunWork &work = claimed[key];
        const SystemRow &row = rows[key];
        AmtSystem &s = work.system;
        s.address = row.address;
        s.fqdn = row.fqdn;
        s.name = row.name;
        s.state = row.state;
        s.adminUser = row.adminUser;
        s.tlsCertificatePem = row.tlsCertificatePem;
        s.profileId = row.profileId;
        s.amtVersion = row.amtVersion;
        s.dialect = row.dialect;
        if (needsCredentials(work.operation)) {
            const SecretBox *b = box();
            if (!b) {
                r.error = locked();
                return r;
            }
            bool ok = false;
            s.adminPassword = QString::fromUtf8(b->open(row.sealedPassword, s.uuid.toLatin1(), &ok));
            if (work.operation == Operation::RotateAdminPassword) {
                // A password an earlier attempt may have set already is tried too.
                bool pendingOk = false;
                const QString pending = row.sealedPendingPassword.isNull()
                        ? QString()
                        : QString::fromUtf8(
                                b->open(row.sealedPendingPassword, "pending:" + s.uuid.toLatin1(), &pendingOk));
                work.previousPassword = pendingOk ? pending : QString();
                work.newAdminPassword = generateMePassword();
                QSqlQuery stage(database());
                if (!Sql::prepareAndExec(
                            stage,
                            QStringLiteral("UPDATE amt_systems SET pending_admin_password = ? WHERE uuid = "
                                           "?"),
                            {b->seal(work.newAdminPassword.toUtf8(), "pending:" + s.uuid.toLatin1()), s.uuid})) {
                    r.error = queryError(stage);
                    return r;
                }
            }
        }
        if (work.operation == Operation::ReapplyProfile) {
            if (s.profileId <= 0)
                work.problem = tr("The system has no provision profile to apply again.");
            else if (StoreError e = m_profiles->profileForProvisioning(s.profileId, &work.profile,
                                                                       &work.tlsCertificate))
                work.problem = e.message;
        }
        r.value << work;
    }
    if (StoreError e = touchRuns(touched)) {
        r.error = e;
        r.value.clear();
        return r;
    }
    if (StoreError e = t.commit()) {
        r.error = e;
        r.value.clear();
    }
    return r;
}

StoreError SqlTaskLedger::finishWork(const QList<RunOutcome> &outcomes, const QString &engineId, const QDateTime &now)
{
    if (outcomes.isEmpty())
        return {};
    const qint64 nowMs = now.toMSecsSinceEpoch();
    Sql::Transaction t = transaction();
    if (t.failed())
        return t.error();
    // Outcomes alike (one run, result, status, message and attempt) are written by one statement
    // per chunk, so a wave of systems that all succeeded costs a few statements, not three per
    // system. Only those still claimed by this engine count: if the lease ran out and another
    // engine took a system, its result does (RETURNING says which were written).
    struct Group
    {
        const RunOutcome *first = nullptr;
        QStringList uuids;
    };
    // The status's length keeps status and message apart whatever they hold.
    const auto groupKey = [](const RunOutcome &o) -> QString {
        return QStringLiteral("%1/%2/%3/%4/%5:")
                       .arg(o.runId)
                       .arg(int(o.state))
                       .arg(o.attempt)
                       .arg(int(o.operation))
                       .arg(o.status.size())
                + o.status + o.message;
    };
    QList<Group> groups;
    QHash<QString, qsizetype> groupOf;
    for (const RunOutcome &o : outcomes) {
        const QString key = groupKey(o);
        auto it = groupOf.constFind(key);
        if (it == groupOf.cend()) {
            it = groupOf.insert(key, groups.size());
            groups.append(Group{&o, {}});
        }
        groups[*it].uuids << o.uuid;
    }
    QSqlQuery q(database());
    if (isPostgreSql()) {
        // The runs' rows first, in id order, as a claim takes them: an engine writing outcomes and
        // another taking over expired claims of the same run then wait for each other instead of
        // deadlocking (this one holding systems' rows and wanting the run's, that one the reverse).
        QList<qint64> runs;
        for (const RunOutcome &o : outcomes) {
            if (!runs.contains(o.runId))
                runs << o.runId;
        }
        std::sort(runs.begin(), runs.end());
        QVariantList binds;
        for (qint64 id : std::as_const(runs))
            binds << id;
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("SELECT id FROM task_runs WHERE id IN (%1) ORDER BY id FOR UPDATE")
                                         .arg(marks(binds.size())),
                                 binds))
            return queryError(q);
    }
    // Which group wrote each system (run id/uuid): the outcome of that group counts, once. A batch
    // can hold two outcomes of one system (written again after a failed write, or claimed again
    // by this engine after its lease ran out); only the one whose write took effect counts.
    QHash<QString, qsizetype> writtenBy;
    for (qsizetype gi = 0; gi < groups.size(); ++gi) {
        const Group &g = groups.at(gi);
        const RunOutcome &o = *g.first;
        for (qsizetype at = 0; at < g.uuids.size(); at += MaxListBinds) {
            const QStringList chunk = g.uuids.mid(at, MaxListBinds);
            // attempt: an engine may have tried again under its claim (TaskRunner), the outcome says how often.
            QVariantList binds{int(o.state), text(o.status), text(o.message),
                               engineId,     nowMs,          o.attempt,
                               o.attempt,    o.runId,        int(RunSystemState::Running),
                               engineId};
            for (const QString &uuid : chunk)
                binds << uuid;
            if (!Sql::prepareAndExec(
                        q,
                        QStringLiteral("UPDATE run_systems SET state = ?, status = ?, message = ?, engine = ?, "
                                       "finished_ms = ?, attempt = CASE WHEN attempt < ? THEN ? ELSE attempt END, "
                                       "claimed_by = NULL, claim_until_ms = NULL WHERE run_id = ? AND state = ? AND "
                                       "claimed_by = ? AND uuid IN (%1) RETURNING uuid")
                                .arg(marks(chunk.size())),
                        binds))
                return queryError(q);
            while (q.next())
                writtenBy.insert(QString::number(o.runId) + u'/' + q.value(0).toString(), gi);
        }
    }
    QList<const RunOutcome *> accepted;
    QList<qint64> touched;
    for (const RunOutcome &o : outcomes) {
        const QString key = QString::number(o.runId) + u'/' + o.uuid;
        const auto by = writtenBy.constFind(key);
        if (by == writtenBy.cend() || groupOf.value(groupKey(o)) != *by)
            continue;
        writtenBy.remove(key); // once
        accepted << &o;
        if (!touched.contains(o.runId))
            touched << o.runId;
    }
    // The systems' last task and action, by result and operation. On SQLite the revision is the
    // statement's (its subquery is read once), which is right: the rows are committed together.
    const QString revision = isPostgreSql()
            ? QStringLiteral("nextval('amt_systems_revisions')")
            : QStringLiteral("(SELECT COALESCE(MAX(revision), 0) + 1 FROM amt_systems)");
    QHash<QPair<int, int>, QStringList> bySystemChange;
    QList<QPair<int, int>> changes;
    for (const RunOutcome *o : std::as_const(accepted)) {
        const QPair<int, int> change{int(o->state), int(o->operation)};
        if (!bySystemChange.contains(change))
            changes << change;
        bySystemChange[change] << o->uuid;
    }
    for (const QPair<int, int> &change : std::as_const(changes)) {
        const QStringList uuids = bySystemChange.value(change);
        for (qsizetype at = 0; at < uuids.size(); at += MaxListBinds) {
            const QStringList chunk = uuids.mid(at, MaxListBinds);
            QVariantList binds{change.first, nowMs, operationKey(Operation(change.second)), nowMs};
            for (const QString &uuid : chunk)
                binds << uuid;
            if (!Sql::prepareAndExec(q,
                                     QStringLiteral("UPDATE amt_systems SET last_task_result = ?, last_task_ms = ?, "
                                                    "last_action = ?, last_action_ms = ?, revision = %1 WHERE uuid "
                                                    "IN (%2)")
                                             .arg(revision, marks(chunk.size())),
                                     binds))
                return queryError(q);
        }
    }
    QList<ActionRecord> steps;
    for (const RunOutcome *o : std::as_const(accepted)) {
        if (o->state == RunSystemState::Succeeded) {
            if (o->operation == Operation::UnprovisionPartial || o->operation == Operation::UnprovisionFull) {
                if (!Sql::prepareAndExec(q,
                                         QStringLiteral("UPDATE amt_systems SET state = ?, reason = '', authorized = 0 "
                                                        "WHERE uuid = ?"),
                                         {int(SystemState::Unprovisioned), o->uuid}))
                    return queryError(q);
            } else if (o->operation == Operation::ReapplyProfile && !o->tlsCertificatePem.isEmpty()) {
                if (!Sql::prepareAndExec(
                            q, QStringLiteral("UPDATE amt_systems SET tls_certificate_pem = ? WHERE uuid = ?"),
                            {QString::fromLatin1(o->tlsCertificatePem), o->uuid}))
                    return queryError(q);
            } else if (o->operation == Operation::RotateAdminPassword && !o->newAdminPassword.isEmpty()) {
                const SecretBox *b = box();
                if (!b)
                    return locked();
                if (!Sql::prepareAndExec(q,
                                         QStringLiteral("UPDATE amt_systems SET admin_password = ?, "
                                                        "admin_password_ms = ?, pending_admin_password = NULL "
                                                        "WHERE uuid = ?"),
                                         {b->seal(o->newAdminPassword.toUtf8(), o->uuid.toLatin1()), nowMs, o->uuid}))
                    return queryError(q);
            }
        }
        ActionRecord step;
        step.time = now;
        step.uuid = o->uuid;
        step.step = operationName(o->operation);
        step.result = actionResult(o->state);
        step.durationMs = o->durationMs;
        step.status = o->status;
        step.message = o->message;
        step.attempt = o->attempt;
        steps << step;
    }
    if (isPostgreSql()) {
        // Consoles watching these systems: one notification each, sent at commit.
        for (qsizetype at = 0; at < accepted.size(); at += MaxListBinds) {
            const auto chunk = accepted.mid(at, MaxListBinds);
            QVariantList binds;
            QStringList rows;
            for (const RunOutcome *o : chunk) {
                binds << o->uuid;
                rows << QStringLiteral("(CAST(? AS TEXT))");
            }
            if (!Sql::prepareAndExec(q,
                                     QStringLiteral("SELECT pg_notify('oobm_systems', n.uuid) FROM (VALUES %1) AS n "
                                                    "(uuid)")
                                             .arg(rows.join(QStringLiteral(", "))),
                                     binds))
                return queryError(q);
        }
    }
    if (StoreError e = m_log->insertActions(steps))
        return e;
    if (StoreError e = touchRuns(touched))
        return e;
    return t.commit();
}

StoreResult<QList<qint64>> SqlTaskLedger::advanceRuns(const QDateTime &now)
{
    StoreResult<QList<qint64>> r;
    QList<qint64> candidates;
    {
        // Running runs whose current wave has nothing open left.
        QSqlQuery q(database());
        if (!Sql::prepareAndExec(
                    q,
                    QStringLiteral("SELECT r.id FROM task_runs r WHERE r.state = ? AND NOT EXISTS (SELECT "
                                   "1 FROM run_systems s WHERE s.run_id = r.id AND s.wave = r.current_wave "
                                   "AND s.state IN (?, ?)) ORDER BY r.id"),
                    {int(RunState::Running), int(RunSystemState::Pending), int(RunSystemState::Running)})) {
            r.error = queryError(q);
            return r;
        }
        while (q.next())
            candidates << q.value(0).toLongLong();
    }
    for (qint64 id : std::as_const(candidates)) {
        Sql::Transaction t = transaction();
        if (t.failed()) {
            r.error = t.error();
            return r;
        }
        QSqlQuery q(database());
        if (!Sql::prepareAndExec(
                    q,
                    QStringLiteral("SELECT %1 FROM task_runs WHERE id = ? AND state = ?%2")
                            .arg(QLatin1String(RunColumns), isPostgreSql() ? QStringLiteral(" FOR UPDATE") : QString()),
                    {id, int(RunState::Running)})) {
            r.error = queryError(q);
            return r;
        }
        if (!q.next())
            continue; // another engine moved it on
        TaskRun run = readRun(q);
        WavePlanner::WaveTally tally;
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("SELECT state, COUNT(*) FROM run_systems WHERE run_id = ? AND wave = ? "
                                                "GROUP BY state"),
                                 {id, run.currentWave})) {
            r.error = queryError(q);
            return r;
        }
        while (q.next()) {
            const int n = q.value(1).toInt();
            tally.total += n;
            switch (RunSystemState(q.value(0).toInt())) {
            case RunSystemState::Pending:
            case RunSystemState::Running:
                tally.open += n;
                break;
            case RunSystemState::Succeeded:
                tally.succeeded += n;
                break;
            case RunSystemState::Failed:
                tally.failed += n;
                break;
            case RunSystemState::Skipped:
                tally.skipped += n;
                break;
            case RunSystemState::Cancelled:
                tally.cancelled += n;
                break;
            }
        }
        const WavePlanner::Step step = WavePlanner::afterWave(run, tally, now);
        bool changed = true;
        switch (step.kind) {
        case WavePlanner::Step::Kind::Wait:
            changed = false;
            break;
        case WavePlanner::Step::Kind::NextWave:
            changed = Sql::prepareAndExec(q,
                                          QStringLiteral("UPDATE task_runs SET current_wave = current_wave + 1, "
                                                         "wave_start_ms = ? WHERE id = ?"),
                                          {step.nextWaveStart.toMSecsSinceEpoch(), id});
            break;
        case WavePlanner::Step::Kind::Stop:
            changed = Sql::prepareAndExec(
                              q,
                              QStringLiteral("UPDATE task_runs SET state = ?, stop_reason = ?, finished_ms = "
                                             "? WHERE id = ?"),
                              {int(RunState::Stopped), step.reason, now.toMSecsSinceEpoch(), id})
                    && Sql::prepareAndExec(q,
                                           QStringLiteral("UPDATE run_systems SET state = ? WHERE run_id = ? AND state "
                                                          "= ?"),
                                           {int(RunSystemState::Cancelled), id, int(RunSystemState::Pending)});
            break;
        case WavePlanner::Step::Kind::Complete:
            changed = Sql::prepareAndExec(
                    q, QStringLiteral("UPDATE task_runs SET state = ?, finished_ms = ? WHERE id = ?"),
                    {int(RunState::Completed), now.toMSecsSinceEpoch(), id});
            break;
        }
        if (step.kind != WavePlanner::Step::Kind::Wait && !changed) {
            r.error = queryError(q);
            return r;
        }
        if (!changed)
            continue;
        if (StoreError e = touchRuns({id})) {
            r.error = e;
            return r;
        }
        if (StoreError e = t.commit()) {
            r.error = e;
            return r;
        }
        r.value << id;
    }
    return r;
}

StoreResult<int> SqlTaskLedger::renewWork(const QString &engineId, const QDateTime &until)
{
    return execCount(QStringLiteral("UPDATE run_systems SET claim_until_ms = ? WHERE claimed_by = ? AND state = ?"),
                     {until.toMSecsSinceEpoch(), engineId, int(RunSystemState::Running)});
}

StoreResult<int> SqlTaskLedger::releaseWork(const QString &engineId)
{
    return execCount(QStringLiteral("UPDATE run_systems SET state = ?, claimed_by = NULL, claim_until_ms = NULL WHERE "
                                    "claimed_by = ? AND state = ?"),
                     {int(RunSystemState::Pending), engineId, int(RunSystemState::Running)});
}

} // namespace Oobm::Core
