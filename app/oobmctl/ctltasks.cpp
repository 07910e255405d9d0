// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctltasks.h"

#include "ctlcollections.h"

#include <QEventLoop>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

constexpr int PollMs = 500;
constexpr int ProgressEveryMs = 1000;

QString operationKeys()
{
    QStringList keys;
    for (Operation o : allOperations())
        keys << operationKey(o);
    return keys.join(QStringLiteral(", "));
}

QJsonObject waveJson(const WavePolicy &w)
{
    return QJsonObject{{QStringLiteral("batch"), w.batchSize},
                       {QStringLiteral("concurrency"), w.concurrency},
                       {QStringLiteral("pauseSeconds"), w.pauseSeconds},
                       {QStringLiteral("stopPercent"), w.stopPercent}};
}

QJsonObject taskJson(const Task &t)
{
    QJsonObject target;
    if (t.target.collectionId != 0) {
        target.insert(QStringLiteral("collectionId"), t.target.collectionId);
        target.insert(QStringLiteral("collection"), t.target.collectionName);
    } else {
        target.insert(QStringLiteral("uuids"), QJsonArray::fromStringList(t.target.uuids));
    }
    return QJsonObject{{QStringLiteral("id"), t.id},
                       {QStringLiteral("name"), t.name},
                       {QStringLiteral("operation"), operationKey(t.operation)},
                       {QStringLiteral("parameter"), t.parameter},
                       {QStringLiteral("target"), target},
                       {QStringLiteral("schedule"), QJsonDocument::fromJson(t.schedule.toJson()).object()},
                       {QStringLiteral("scheduleText"), t.schedule.describe()},
                       {QStringLiteral("wave"), waveJson(t.wave)},
                       {QStringLiteral("enabled"), t.enabled},
                       {QStringLiteral("nextDue"), jsonTime(t.nextDue)},
                       {QStringLiteral("lastRun"), jsonTime(t.lastRun)},
                       {QStringLiteral("createdBy"), t.createdBy},
                       {QStringLiteral("created"), jsonTime(t.created)}};
}

QStringList taskRow(const Task &t, bool csv)
{
    return QStringList{QString::number(t.id),
                       t.name,
                       csv ? operationKey(t.operation) : operationName(t.operation),
                       t.target.describe(),
                       t.schedule.describe(),
                       t.wave.describe(),
                       csv ? isoTime(t.nextDue) : localTime(t.nextDue),
                       csv ? isoTime(t.lastRun) : localTime(t.lastRun),
                       csv ? yesNo(t.enabled) : (t.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"))};
}

QJsonObject runJson(const TaskRun &r)
{
    return QJsonObject{{QStringLiteral("id"), r.id},
                       {QStringLiteral("taskId"), r.taskId > 0 ? QJsonValue(r.taskId) : QJsonValue()},
                       {QStringLiteral("name"), r.name},
                       {QStringLiteral("operation"), operationKey(r.operation)},
                       {QStringLiteral("state"), runStateKey(r.state)},
                       {QStringLiteral("target"), r.target},
                       {QStringLiteral("wave"), waveJson(r.wave)},
                       {QStringLiteral("wavesTotal"), r.wavesTotal},
                       {QStringLiteral("currentWave"), r.currentWave + 1},
                       {QStringLiteral("total"), r.total},
                       {QStringLiteral("succeeded"), r.succeeded},
                       {QStringLiteral("failed"), r.failed},
                       {QStringLiteral("skipped"), r.skipped},
                       {QStringLiteral("notStarted"), r.cancelled},
                       {QStringLiteral("stopReason"), r.stopReason},
                       {QStringLiteral("createdBy"), r.createdBy},
                       {QStringLiteral("created"), jsonTime(r.created)},
                       {QStringLiteral("started"), jsonTime(r.started)},
                       {QStringLiteral("finished"), jsonTime(r.finished)}};
}

QStringList runRow(const TaskRun &r)
{
    return QStringList{QString::number(r.id),
                       r.name,
                       runStateKey(r.state),
                       QStringLiteral("%1/%2").arg(r.done()).arg(r.total),
                       QStringLiteral("%1 ok, %2 failed, %3 skipped, %4 not started")
                               .arg(r.succeeded)
                               .arg(r.failed)
                               .arg(r.skipped)
                               .arg(r.cancelled),
                       r.createdBy,
                       localTime(r.created)};
}

QJsonObject runSystemJson(const RunSystem &s)
{
    return QJsonObject{{QStringLiteral("uuid"), s.uuid},
                       {QStringLiteral("name"), s.name},
                       {QStringLiteral("state"), runSystemStateKey(s.state)},
                       {QStringLiteral("ok"), s.state == RunSystemState::Succeeded},
                       {QStringLiteral("status"), s.status},
                       {QStringLiteral("message"), s.message},
                       {QStringLiteral("wave"), s.wave + 1},
                       {QStringLiteral("attempt"), s.attempt},
                       {QStringLiteral("engine"), s.engine},
                       {QStringLiteral("finished"), jsonTime(s.finished)}};
}

// "UUID: ok", "UUID: failed: STATUS: message": one system's result as the engine recorded it.
QString resultLine(const RunSystem &s)
{
    const QString why = s.status.isEmpty() || s.status == u"SUCCESS" ? s.message
            : s.message.isEmpty()                                    ? s.status
                                                                     : s.status + QStringLiteral(": ") + s.message;
    switch (s.state) {
    case RunSystemState::Succeeded:
        return s.uuid + QStringLiteral(": ok");
    case RunSystemState::Failed:
        return s.uuid + QStringLiteral(": failed: ") + why;
    case RunSystemState::Skipped:
        return s.uuid + QStringLiteral(": skipped: ") + s.message;
    case RunSystemState::Cancelled:
        return s.uuid + QStringLiteral(": not started");
    default:
        return s.uuid + QStringLiteral(": ") + runSystemStateKey(s.state);
    }
}

// Every system of the run (in pages), optionally only in some states.
bool runSystems(Context &c, Store &store, qint64 runId, const QList<RunSystemState> &states, int limit,
                QList<RunSystem> *systems, int *exitCode)
{
    QString after;
    while (limit < 0 || systems->size() < limit) {
        const int page = limit < 0 ? 5000 : qMin(5000, limit - int(systems->size()));
        const StoreResult<QList<RunSystem>> r = store.runSystems(runId, states, page, after).result();
        if (!r.ok()) {
            *exitCode = failure(c.err, r.error.message);
            return false;
        }
        *systems += r.value;
        if (r.value.size() < page)
            break;
        after = r.value.last().uuid;
    }
    return true;
}

QString runSummary(const TaskRun &r)
{
    QString text = QStringLiteral("%1 (run %2) %3: %4 succeeded, %5 failed, %6 skipped, %7 not started.")
                           .arg(r.name)
                           .arg(r.id)
                           .arg(runStateName(r.state).toLower())
                           .arg(r.succeeded)
                           .arg(r.failed)
                           .arg(r.skipped)
                           .arg(r.cancelled);
    if (!r.stopReason.isEmpty())
        text += u' ' + r.stopReason;
    return text;
}

bool findTask(Context &c, Store &store, const QString &nameOrId, Task *task, int *exitCode)
{
    const StoreResult<QList<Task>> r = store.listTasks().result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    bool isNumber = false;
    const qint64 id = nameOrId.trimmed().toLongLong(&isNumber);
    QList<Task> similar;
    for (const Task &t : r.value) {
        if ((isNumber && t.id == id) || t.name == nameOrId.trimmed()) {
            *task = t;
            return true;
        }
        if (t.name.compare(nameOrId.trimmed(), Qt::CaseInsensitive) == 0)
            similar << t;
    }
    if (similar.size() == 1) {
        *task = similar.first();
        return true;
    }
    *exitCode = failure(c.err, QStringLiteral("There is no task %1; 'oobmctl tasks list' lists them.").arg(nameOrId));
    return false;
}

bool parseRunId(Context &c, const QString &text, const char *command, qint64 *id, int *exitCode)
{
    bool ok = false;
    *id = text.trimmed().toLongLong(&ok);
    if (ok && *id > 0)
        return true;
    *exitCode = usage(c.err,
                      QStringLiteral("'%1' takes a run's number (from 'oobmctl tasks list' or the run's start), "
                                     "not '%2'.")
                              .arg(QLatin1String(command), text));
    return false;
}

// --time-zone Z (default: this machine's zone).
QByteArray timeZoneOption(Context &c)
{
    return c.parser.isSet(QStringLiteral("time-zone"))
            ? c.parser.value(QStringLiteral("time-zone")).trimmed().toLatin1()
            : QTimeZone::systemTimeZoneId();
}

// --at: ISO 8601 ("2026-12-24T18:00", "2026-12-24 18:00"); without an offset, in the schedule's time zone.
bool parseAt(Context &c, const QByteArray &zone, QDateTime *at, int *exitCode)
{
    const QString text = c.parser.value(QStringLiteral("at")).trimmed();
    QString iso = text;
    iso.replace(u' ', u'T');
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime) {
        const QTimeZone tz(zone);
        t = QDateTime(t.date(), t.time(), tz.isValid() ? tz : QTimeZone(QByteArray("UTC")));
    }
    if (!t.isValid()) {
        *exitCode = usage(c.err,
                          QStringLiteral("--at takes a date and time such as 2026-12-24T18:00 (in --time-zone, "
                                         "else this machine's zone) or 2026-12-24T17:00Z, not '%1'.")
                                  .arg(text));
        return false;
    }
    *at = t.toUTC();
    return true;
}

bool parseSchedule(Context &c, Schedule *s, int *exitCode)
{
    const QString kind = c.parser.isSet(QStringLiteral("schedule"))
            ? c.parser.value(QStringLiteral("schedule")).trimmed().toLower()
            : QStringLiteral("now");
    static const QHash<QString, Schedule::Kind> kinds{{QStringLiteral("now"), Schedule::Kind::Now},
                                                      {QStringLiteral("once"), Schedule::Kind::Once},
                                                      {QStringLiteral("daily"), Schedule::Kind::Daily},
                                                      {QStringLiteral("weekly"), Schedule::Kind::Weekly},
                                                      {QStringLiteral("every"), Schedule::Kind::EveryHours}};
    if (!kinds.contains(kind)) {
        *exitCode = usage(c.err,
                          QStringLiteral("--schedule takes now, once, daily, weekly or every, not '%1'.").arg(kind));
        return false;
    }
    s->kind = kinds.value(kind);
    if (s->kind == Schedule::Kind::Now)
        return true;
    s->timeZone = timeZoneOption(c);
    if (s->kind == Schedule::Kind::Once || s->kind == Schedule::Kind::EveryHours) {
        if (c.parser.isSet(QStringLiteral("at"))) {
            if (!parseAt(c, s->timeZone, &s->at, exitCode))
                return false;
        } else if (s->kind == Schedule::Kind::Once) {
            *exitCode = usage(c.err, QStringLiteral("--schedule once needs --at TIME, such as --at 2026-12-24T18:00."));
            return false;
        } else {
            // The first run a minute from now, on the minute.
            const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(60);
            s->at = QDateTime(soon.date(), QTime(soon.time().hour(), soon.time().minute()), Qt::UTC);
        }
    }
    if (s->kind == Schedule::Kind::Daily || s->kind == Schedule::Kind::Weekly) {
        if (!c.parser.isSet(QStringLiteral("time"))) {
            *exitCode = usage(c.err,
                              QStringLiteral("--schedule %1 needs --time HH:MM, such as --time 02:00.").arg(kind));
            return false;
        }
        s->timeOfDay = QTime::fromString(c.parser.value(QStringLiteral("time")).trimmed(), QStringLiteral("H:mm"));
        if (!s->timeOfDay.isValid()) {
            *exitCode = usage(c.err,
                              QStringLiteral("--time takes a time of day such as 02:00, not '%1'.")
                                      .arg(c.parser.value(QStringLiteral("time"))));
            return false;
        }
    }
    if (s->kind == Schedule::Kind::Weekly) {
        const QString day = c.parser.value(QStringLiteral("weekday")).trimmed().toLower();
        static const QStringList days{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                      QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                      QStringLiteral("sun")};
        bool isNumber = false;
        const int n = day.toInt(&isNumber);
        s->weekday = isNumber ? n : int(days.indexOf(day.left(3))) + 1;
        if (day.isEmpty() || s->weekday < 1 || s->weekday > 7 || (!isNumber && day.size() < 3)) {
            *exitCode = usage(c.err,
                              QStringLiteral("--schedule weekly needs --weekday: mon, tue, wed, thu, fri, sat or "
                                             "sun (or 1 for Monday to 7 for Sunday)%1.")
                                      .arg(day.isEmpty() ? QString() : QStringLiteral(", not '%1'").arg(day)));
            return false;
        }
    }
    if (s->kind == Schedule::Kind::EveryHours) {
        bool ok = false;
        s->everyHours = c.parser.value(QStringLiteral("hours")).toInt(&ok);
        if (!c.parser.isSet(QStringLiteral("hours")) || !ok) {
            *exitCode = usage(c.err, QStringLiteral("--schedule every needs --hours N, such as --hours 6."));
            return false;
        }
    }
    return true;
}

int setEnabled(Context &c, bool enabled)
{
    const char *command = enabled ? "tasks enable" : "tasks disable";
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'%1' takes one task, by name or ID.").arg(QLatin1String(command)));
    int code = Success;
    if (!textOrJson(c, command, &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    Task task;
    if (!findTask(c, *store, c.args.first(), &task, &code))
        return code;
    task.enabled = enabled;
    const StoreResult<TaskSaved> r = store->saveTask(task, AuditActor::current()).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("task"), task.name}, {QStringLiteral("enabled"), enabled}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << (enabled ? QStringLiteral("Enabled the task %1.") : QStringLiteral("Disabled the task %1."))
                         .arg(task.name)
              << '\n';
    c.out.flush();
    return Success;
}

} // namespace

bool parseWavePolicy(Context &c, WavePolicy *wave, int *exitCode)
{
    const auto number = [&](const char *option, int *value) {
        const QString name = QLatin1String(option);
        if (!c.parser.isSet(name))
            return true;
        bool ok = false;
        *value = c.parser.value(name).toInt(&ok);
        if (ok)
            return true;
        *exitCode = usage(c.err, QStringLiteral("--%1 takes a number, not '%2'.").arg(name, c.parser.value(name)));
        return false;
    };
    if (!number("wave", &wave->batchSize) || !number("concurrency", &wave->concurrency)
        || !number("pause", &wave->pauseSeconds) || !number("stop-percent", &wave->stopPercent))
        return false;
    if (const QString problem = wave->problem(); !problem.isEmpty()) {
        *exitCode = usage(c.err, problem);
        return false;
    }
    return true;
}

bool hasTarget(Context &c, const QStringList &uuids)
{
    return c.parser.isSet(QStringLiteral("collection")) || c.parser.isSet(QStringLiteral("system")) || !uuids.isEmpty();
}

bool parseTarget(Context &c, Store &store, const QStringList &uuids, TaskTarget *target, int *exitCode)
{
    QStringList systems;
    for (const QString &value : c.parser.values(QStringLiteral("system")) + uuids) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const QString uuid = part.trimmed().toUpper();
            if (QUuid::fromString(uuid).isNull()) {
                *exitCode = usage(c.err,
                                  QStringLiteral("'%1' is not a UUID such as "
                                                 "4B529B93-D413-181D-E487-1C697A6B7A2B.")
                                          .arg(part.trimmed()));
                return false;
            }
            if (!systems.contains(uuid))
                systems << uuid;
        }
    }
    const bool collection = c.parser.isSet(QStringLiteral("collection"));
    if (collection && !systems.isEmpty()) {
        *exitCode = usage(c.err,
                          QStringLiteral("Give the target either as --collection or as systems (--system UUID), "
                                         "not both."));
        return false;
    }
    if (!collection && systems.isEmpty()) {
        *exitCode = usage(c.err,
                          QStringLiteral("The target is empty: name a collection (--collection NAME|ID) or "
                                         "systems (--system UUID, repeatable); nothing was started."));
        return false;
    }
    if (!collection) {
        target->uuids = systems;
        return true;
    }
    Collection col;
    if (!findCollection(c, store, c.parser.value(QStringLiteral("collection")), &col, exitCode))
        return false;
    target->collectionId = col.id;
    target->collectionName = col.name;
    return true;
}

bool anyEngineAlive(Store &store, QString *error)
{
    const StoreResult<QList<EngineStatus>> r = store.engines().result();
    if (!r.ok()) {
        *error = r.error.message;
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const EngineStatus &e : r.value) {
        if (e.isAlive(now) && e.error != u"stopped")
            return true;
    }
    *error = QStringLiteral("No provisioning engine is running on this database (none sent a heartbeat in the last "
                            "30 s), and the engines do runs: start oobm-engine (or the console without --no-engine) "
                            "first, or leave out --wait to queue the run for them. Nothing was started.");
    return false;
}

int followRun(Context &c, Store &store, qint64 runId, RunOutput output)
{
    StoreResult<TaskRun> run = store.taskRun(runId).result();
    if (!run.ok())
        return failure(c.err, run.error.message);
    c.err << QStringLiteral("oobmctl: run %1 started: %2 (%3). Waiting for its end; Ctrl+C stops the waiting, not "
                            "the run.")
                     .arg(runId)
                     .arg(run.value.name, plural(run.value.total, "system", "systems"))
          << '\n';
    c.err.flush();
    QString shown;
    QElapsedTimer sinceShown;
    sinceShown.start();
    while (!isFinished(run.value.state)) {
        QEventLoop pause;
        QTimer::singleShot(PollMs, &pause, &QEventLoop::quit);
        pause.exec();
        run = store.taskRun(runId).result();
        if (!run.ok())
            return failure(c.err, run.error.message);
        const TaskRun &r = run.value;
        QString progress = QStringLiteral("oobmctl: run %1: %2 of %3 done (%4 succeeded, %5 failed, %6 skipped)")
                                   .arg(r.id)
                                   .arg(r.done())
                                   .arg(r.total)
                                   .arg(r.succeeded)
                                   .arg(r.failed)
                                   .arg(r.skipped);
        if (r.wavesTotal > 1)
            progress += QStringLiteral(", wave %1 of %2").arg(r.currentWave + 1).arg(r.wavesTotal);
        if (progress != shown && (sinceShown.elapsed() >= ProgressEveryMs || isFinished(r.state))) {
            c.err << progress << '\n';
            c.err.flush();
            shown = progress;
            sinceShown.restart();
        }
    }
    QList<RunSystem> systems;
    int code = Success;
    if (!runSystems(c, store, runId, {}, -1, &systems, &code))
        return code;
    const TaskRun &r = run.value;
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const RunSystem &s : std::as_const(systems)) {
            QJsonObject o = runSystemJson(s);
            o.insert(QStringLiteral("run"), r.id);
            a.append(o);
        }
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        for (const RunSystem &s : std::as_const(systems))
            c.out << resultLine(s) << '\n';
        if (output == RunOutput::Unprovision) {
            c.out << (r.operation == Operation::UnprovisionFull
                              ? QStringLiteral("Unprovisioned %1 of %2 (full): back in factory mode; "
                                               "each needs a new key to be provisioned again.")
                              : QStringLiteral("Unprovisioned %1 of %2 (partial): back in setup mode "
                                               "with their key; they send hellos again."))
                             .arg(r.succeeded)
                             .arg(plural(r.total, "system", "systems"))
                  << '\n';
        } else {
            c.out << runSummary(r) << '\n';
        }
    }
    c.out.flush();
    return r.failed > 0 || r.state != RunState::Completed ? RuntimeError : Success;
}

int startRun(Context &c, Store &store, const RunRequest &request, bool wait, RunOutput output)
{
    QString noEngine;
    if (wait && !anyEngineAlive(store, &noEngine))
        return failure(c.err, noEngine);
    const StoreResult<qint64> made = store.requestRun(request).result();
    if (!made.ok())
        return failure(c.err, made.error.message);
    const qint64 runId = made.value;
    StoreResult<TaskRun> run = store.taskRun(runId).result();
    if (!run.ok())
        return failure(c.err, run.error.message);
    if (!wait) {
        if (c.format == Format::Json) {
            c.out << QJsonDocument(runJson(run.value)).toJson(QJsonDocument::Indented);
        } else {
            c.out << QStringLiteral("Started run %1: %2 (%3, %4). Follow it with 'oobmctl tasks show %1'.")
                             .arg(runId)
                             .arg(run.value.name, plural(run.value.total, "system", "systems"),
                                  plural(run.value.wavesTotal, "wave", "waves"))
                  << '\n';
        }
        if (!anyEngineAlive(store, &noEngine))
            c.err << "oobmctl: no provisioning engine is running on this database: the run waits until one starts.\n";
        c.out.flush();
        c.err.flush();
        return Success;
    }
    return followRun(c, store, runId, output);
}

int tasksCreate(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err,
                     QStringLiteral("'tasks create' takes the task's NAME (in quotes if it has spaces), with "
                                    "--operation KEY and --collection NAME|ID or --system UUID."));
    int code = Success;
    if (!textOrJson(c, "tasks create", &code))
        return code;
    Task task;
    task.name = c.args.first().trimmed();
    if (!c.parser.isSet(QStringLiteral("operation")))
        return usage(c.err,
                     QStringLiteral("Say what the task does with --operation KEY; the operations are: %1.")
                             .arg(operationKeys()));
    if (!operationFromKey(c.parser.value(QStringLiteral("operation")).trimmed(), &task.operation))
        return usage(c.err,
                     QStringLiteral("Unknown operation '%1'; the operations are: %2.")
                             .arg(c.parser.value(QStringLiteral("operation")), operationKeys()));
    if (task.operation == Operation::RestartHello) {
        task.parameter = c.parser.value(QStringLiteral("agent")).trimmed();
        if (task.parameter.isEmpty())
            return usage(c.err, QStringLiteral("restart-hello needs the task agent's address: --agent HOST:PORT."));
    }
    task.enabled = !c.parser.isSet(QStringLiteral("disabled"));
    if (!parseSchedule(c, &task.schedule, &code) || !parseWavePolicy(c, &task.wave, &code))
        return code;
    if (!hasTarget(c, {}))
        return usage(c.err,
                     QStringLiteral("The target is empty: name a collection (--collection NAME|ID) or systems "
                                    "(--system UUID, repeatable); nothing was created."));
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    if (!parseTarget(c, *store, {}, &task.target, &code))
        return code;
    if (const QString problem = task.problem(QDateTime::currentDateTimeUtc()); !problem.isEmpty())
        return usage(c.err, problem + QStringLiteral(" Nothing was created."));
    const bool wait = c.parser.isSet(QStringLiteral("wait")) && task.schedule.kind == Schedule::Kind::Now;
    QString noEngine;
    if (wait && !anyEngineAlive(*store, &noEngine))
        return failure(c.err, noEngine);
    const StoreResult<TaskSaved> r = store->saveTask(task, AuditActor::current()).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    task.id = r.value.taskId;
    Task saved = task;
    findTask(c, *store, QString::number(task.id), &saved, &code);
    if (c.format == Format::Json && !wait) {
        QJsonObject o = taskJson(saved);
        o.insert(QStringLiteral("runId"), r.value.runId > 0 ? QJsonValue(r.value.runId) : QJsonValue());
        c.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }
    if (c.format != Format::Json) {
        QString text = QStringLiteral("Created the task %1 (id %2): %3 on %4, %5, %6")
                               .arg(saved.name)
                               .arg(saved.id)
                               .arg(operationName(saved.operation), saved.target.describe(), saved.schedule.describe(),
                                    saved.wave.describe());
        if (r.value.runId > 0)
            text += QStringLiteral("; run %1 started.").arg(r.value.runId);
        else if (!saved.enabled)
            text += QStringLiteral("; disabled.");
        else if (saved.nextDue.isValid())
            text += QStringLiteral("; next due %1.").arg(localTime(saved.nextDue));
        else
            text += u'.';
        c.out << text << '\n';
        c.out.flush();
    }
    if (!wait || r.value.runId <= 0)
        return Success;
    // Wait for the run the task started, as 'tasks run --wait' does.
    return followRun(c, *store, r.value.runId, RunOutput::Run);
}

int tasksList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'tasks list' takes no arguments."));
    ListFormat format;
    int code = Success;
    QList<Task> tasks;
    if (!listFormat(c, "tasks list", &format, &code)
        || !fetchList(
                c, [](Store &store) { return store.listTasks(); }, &tasks, &code))
        return code;
    printList(c, format, tasks,
              {.json = taskJson,
               .row = taskRow,
               .csvHeader = {QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("Operation"),
                             QStringLiteral("Target"), QStringLiteral("Schedule"), QStringLiteral("Waves"),
                             QStringLiteral("Next due"), QStringLiteral("Last run"), QStringLiteral("Enabled")},
               .footer = [](qsizetype n) { return plural(n, "task", "tasks"); }});
    return Success;
}

int tasksShow(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err,
                     QStringLiteral("'tasks show' takes a run's number (its systems and their results) or a "
                                    "task's name (the task and its last runs)."));
    int code = Success;
    ListFormat format;
    if (!listFormat(c, "tasks show", &format, &code))
        return code;
    QList<RunSystemState> states;
    for (const QString &value : c.parser.values(QStringLiteral("state"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            bool found = false;
            for (RunSystemState s : {RunSystemState::Pending, RunSystemState::Running, RunSystemState::Succeeded,
                                     RunSystemState::Failed, RunSystemState::Skipped, RunSystemState::Cancelled}) {
                if (part.trimmed().compare(runSystemStateKey(s), Qt::CaseInsensitive) == 0) {
                    found = true;
                    if (!states.contains(s))
                        states << s;
                }
            }
            if (!found)
                return usage(c.err,
                             QStringLiteral("Unknown result '%1'; the results are pending, running, succeeded, "
                                            "failed, skipped and cancelled.")
                                     .arg(part.trimmed()));
        }
    }
    int limit = -1;
    if (c.parser.isSet(QStringLiteral("limit")) && !parseLimit(c, 100, &limit, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    bool isRun = false;
    const qint64 runId = c.args.first().trimmed().toLongLong(&isRun);
    if (!isRun || runId <= 0) {
        // A task and its last runs.
        Task task;
        if (!findTask(c, *store, c.args.first(), &task, &code))
            return code;
        RunFilter filter;
        filter.taskId = task.id;
        filter.limit = 10;
        const StoreResult<QList<TaskRun>> runs = store->listRuns(filter).result();
        if (!runs.ok())
            return failure(c.err, runs.error.message);
        if (format == ListFormat::Json) {
            QJsonObject o = taskJson(task);
            QJsonArray a;
            for (const TaskRun &r : runs.value)
                a.append(runJson(r));
            o.insert(QStringLiteral("runs"), a);
            c.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            c.out.flush();
            return Success;
        }
        const QStringList row = taskRow(task, false);
        const QStringList labels{QStringLiteral("ID"),       QStringLiteral("Name"),     QStringLiteral("Operation"),
                                 QStringLiteral("Target"),   QStringLiteral("Schedule"), QStringLiteral("Waves"),
                                 QStringLiteral("Next due"), QStringLiteral("Last run"), QStringLiteral("State")};
        for (int i = 0; i < labels.size(); ++i)
            c.out << QString(labels.at(i) + u':').leftJustified(12)
                  << (row.at(i).isEmpty() ? QStringLiteral("-") : row.at(i)) << '\n';
        if (!task.parameter.isEmpty())
            c.out << QStringLiteral("Agent:").leftJustified(12) << task.parameter << '\n';
        c.out << '\n' << (runs.value.isEmpty() ? QStringLiteral("No runs yet.") : QStringLiteral("Last runs:")) << '\n';
        QList<QStringList> rows;
        for (const TaskRun &r : runs.value)
            rows << runRow(r);
        printTable(c.out, rows);
        c.out.flush();
        return Success;
    }
    const StoreResult<TaskRun> run = store->taskRun(runId).result();
    if (!run.ok())
        return failure(c.err, run.error.message);
    QList<RunSystem> systems;
    if (!runSystems(c, *store, runId, states, limit, &systems, &code))
        return code;
    const TaskRun &r = run.value;
    if (format == ListFormat::Json) {
        QJsonObject o = runJson(r);
        QJsonArray a;
        for (const RunSystem &s : std::as_const(systems))
            a.append(runSystemJson(s));
        o.insert(QStringLiteral("systems"), a);
        c.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const RunSystem &s : std::as_const(systems))
        rows << QStringList{s.uuid,
                            s.name,
                            format == ListFormat::Csv ? runSystemStateKey(s.state) : runSystemStateName(s.state),
                            s.status,
                            s.message,
                            QString::number(s.wave + 1),
                            QString::number(s.attempt),
                            s.engine,
                            format == ListFormat::Csv ? isoTime(s.finished) : localTime(s.finished)};
    if (format == ListFormat::Csv) {
        printCsv(c.out,
                 {QStringLiteral("UUID"), QStringLiteral("Name"), QStringLiteral("Result"), QStringLiteral("Status"),
                  QStringLiteral("Message"), QStringLiteral("Wave"), QStringLiteral("Attempt"),
                  QStringLiteral("Engine"), QStringLiteral("Finished")},
                 rows);
        c.out.flush();
        return Success;
    }
    auto field = [&](const char *label, const QString &value) {
        c.out << QString(QLatin1String(label) + u':').leftJustified(14)
              << (value.isEmpty() ? QStringLiteral("-") : value) << '\n';
    };
    field("Run", QString::number(r.id));
    field("What", r.name);
    field("Operation", operationName(r.operation));
    field("Target", r.target);
    field("Waves", QStringLiteral("%1 (%2)").arg(r.wave.describe()).arg(plural(r.wavesTotal, "wave", "waves")));
    field("State",
          runStateName(r.state)
                  + (r.state == RunState::Running && r.wavesTotal > 1
                             ? QStringLiteral(", wave %1 of %2").arg(r.currentWave + 1).arg(r.wavesTotal)
                             : QString()));
    field("Progress",
          QStringLiteral("%1 of %2 done: %3 succeeded, %4 failed, %5 skipped, %6 not started")
                  .arg(r.done())
                  .arg(r.total)
                  .arg(r.succeeded)
                  .arg(r.failed)
                  .arg(r.skipped)
                  .arg(r.cancelled));
    field("Stop reason", r.stopReason);
    field("Asked by", r.createdBy);
    field("Made", localTime(r.created));
    field("Started", localTime(r.started));
    field("Ended", localTime(r.finished));
    c.out << '\n';
    printTable(c.out, rows);
    c.out.flush();
    return Success;
}

int tasksRun(Context &c)
{
    const bool failedOf = c.parser.isSet(QStringLiteral("failed-of"));
    if (c.args.size() != (failedOf ? 0 : 1))
        return usage(c.err,
                     QStringLiteral("'tasks run' takes one task (by name or ID), or --failed-of RUN to run a "
                                    "run's operation again on the systems that failed in it."));
    int code = Success;
    if (!textOrJson(c, "tasks run", &code))
        return code;
    RunRequest request;
    request.actor = AuditActor::current();
    if (failedOf
        && !parseRunId(c, c.parser.value(QStringLiteral("failed-of")), "tasks run --failed-of", &request.failedOfRunId,
                       &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    if (!failedOf) {
        Task task;
        if (!findTask(c, *store, c.args.first(), &task, &code))
            return code;
        request.taskId = task.id;
    }
    return startRun(c, *store, request, c.parser.isSet(QStringLiteral("wait")), RunOutput::Run);
}

int tasksCancel(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'tasks cancel' takes a run's number."));
    int code = Success;
    qint64 runId = 0;
    if (!textOrJson(c, "tasks cancel", &code) || !parseRunId(c, c.args.first(), "tasks cancel", &runId, &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    const StoreResult<int> r = store->cancelRun(runId, AuditActor::current()).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("run"), runId}, {QStringLiteral("notStarted"), r.value}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Cancelled run %1: %2 not started; those under way finish.")
                         .arg(runId)
                         .arg(plural(r.value, "system was", "systems were"))
              << '\n';
    c.out.flush();
    return Success;
}

int tasksDelete(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'tasks delete' takes one task, by name or ID."));
    int code = Success;
    if (!textOrJson(c, "tasks delete", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    Task task;
    if (!findTask(c, *store, c.args.first(), &task, &code))
        return code;
    const StoreResult<int> r = store->deleteTask(task.id).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("deleted"), task.name}}).toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Deleted the task %1; its runs stay listed.").arg(task.name) << '\n';
    c.out.flush();
    return Success;
}

int tasksEnable(Context &c)
{
    return setEnabled(c, true);
}

int tasksDisable(Context &c)
{
    return setEnabled(c, false);
}

} // namespace Oobm::Ctl
