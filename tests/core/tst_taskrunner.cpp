// SPDX-License-Identifier: GPL-2.0-or-later
// Task runs end to end: oobm-engine processes (and, for the schedules, an engine in this process on
// a test clock) work through runs against amt-sim's devices, and the devices say what was done to
// them and when: waves in the batches and pauses the policy gives, the stop rule, schedules, two
// engines sharing one run on PostgreSQL, and an engine killed in the middle of 1,000 systems.
#include "common/engineprocess.h"
#include "common/provisioningfixture.h"
#include "common/simprocess.h"
#include "common/testsupport.h"

#include "core/engine/provisioningengine.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

#include <csignal>

using namespace Oobm::Core;
using Oobm::Test::EngineProcess;
using Oobm::Test::ProvisioningFixture;
using Oobm::Test::SimProcess;

namespace {

const AuditActor Tester{QStringLiteral("tester"), QStringLiteral("tst_taskrunner")};

// The times (device clock, ms since the epoch) and number of the calls of one operation.
QList<qint64> callTimes(const QJsonObject &state, const QString &operation)
{
    QList<qint64> times;
    for (const QJsonValue t :
         state.value(QStringLiteral("operations")).toObject().value(operation).toObject().value("timesMs").toArray())
        times << t.toInteger();
    return times;
}

int callCount(const QJsonObject &device, const QString &operation)
{
    return device.value(QStringLiteral("operations")).toObject().value(operation).toObject().value("count").toInt();
}

// Every device of the fleet in one control call ("list": counts, no times), by UUID.
QHash<QString, QJsonObject> fleetState(const SimProcess &sim)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue v : sim.control({{"cmd", "list"}}).value("devices").toArray())
        out.insert(v.toObject().value("uuid").toString(), v.toObject());
    return out;
}

// A store with n amt-sim devices provisioned by an oobm-engine process, powered on, and the engine
// stopped again, so each test decides which engines work on its runs.
class TaskLab
{
public:
    explicit TaskLab(const QString &backend)
        : fixture(backend)
    { }

    QString provision(int devices)
    {
        if (QString e = fixture.prepare(devices); !e.isEmpty())
            return e;
        // A free port can be taken by another test process before the engine binds it: try another.
        EngineProcess provisioner;
        QString started;
        for (int i = 0; i < 3; ++i) {
            listen = QStringLiteral("127.0.0.1:%1").arg(Oobm::Test::freePort());
            started = startEngine(&provisioner, QStringLiteral("provisioner"));
            if (started.isEmpty())
                break;
        }
        if (!started.isEmpty())
            return started;
        if (QString e = sim.start({"--fleet", QString::number(devices), "--mode", "factory", "--keys",
                                   fixture.setupBin(), "--provision-server", listen, "--time-scale", "200"});
            !e.isEmpty())
            return e;
        SystemFilter provisioned;
        provisioned.states = {SystemState::Provisioned};
        const bool done = QTest::qWaitFor(
                [&] { return fixture.store().countSystems(provisioned).result().value == devices; },
                60000 + 100 * devices);
        if (!done)
            return QStringLiteral("%1 of %2 devices provisioned")
                    .arg(fixture.store().countSystems(provisioned).result().value)
                    .arg(devices);
        provisioner.process().terminate();
        provisioner.process().waitForFinished(10000);
        if (!sim.control({{"cmd", "set-power"}, {"all", true}, {"state", 0}}).value("ok").toBool())
            return QStringLiteral("amt-sim did not power the devices on");
        return {};
    }

    // On the lab's hello port, or (a second engine at once) on a port of its own.
    QString startEngine(EngineProcess *engine, const QString &id, bool ownPort = false)
    {
        const QString address = ownPort ? QStringLiteral("127.0.0.1:%1").arg(Oobm::Test::freePort()) : listen;
        return engine->start(QStringLiteral(OOBM_ENGINE_PATH), fixture.location(), fixture.keyFile(), address, id);
    }

    qint64 powerOff(const WavePolicy &wave, const QStringList &uuids = {})
    {
        return request(Operation::PowerOff, wave, uuids);
    }

    qint64 request(Operation operation, const WavePolicy &wave, const QStringList &uuids = {})
    {
        RunRequest request;
        request.name = operationName(operation);
        request.operation = operation;
        request.target.uuids = uuids;
        if (uuids.isEmpty())
            request.target.collectionId = -1 - int(SystemState::Provisioned); // built-in: All Provisioned
        request.wave = wave;
        request.actor = Tester;
        const auto made = fixture.store().requestRun(request).result();
        if (!made.ok())
            qWarning("%s", qPrintable(made.error.message));
        return made.value;
    }

    TaskRun run(qint64 id) { return fixture.store().taskRun(id).result().value; }

    QList<RunSystem> runSystems(qint64 id) { return fixture.store().runSystems(id, {}, 100000, {}).result().value; }

    ProvisioningFixture fixture;
    SimProcess sim;
    QString listen;
};

} // namespace

Q_DECLARE_METATYPE(Oobm::Core::Operation)

class tst_TaskRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wavesFollowThePolicy_data() { Oobm::Test::addBackendRows(); }
    void wavesFollowThePolicy();
    void stopRuleStopsTheRun_data() { Oobm::Test::addBackendRows(); }
    void stopRuleStopsTheRun();
    void scheduledTaskRunsAtItsTime_data();
    void scheduledTaskRunsAtItsTime();
    void transientFailureIsTriedAgain_data();
    void transientFailureIsTriedAgain();
    void twoEnginesDoEachSystemOnce();
    void killedEngineIsTakenUpWithoutRepeats();
};

// Six devices in waves of two, two at once, two seconds apart: the devices' own clocks show three
// batches, each beginning at least the pause after the previous one ended.
void tst_TaskRunner::wavesFollowThePolicy()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    TaskLab lab(backend);
    QCOMPARE(lab.provision(6), QString());
    WavePolicy wave;
    wave.batchSize = 2;
    wave.concurrency = 2;
    wave.pauseSeconds = 2;
    const qint64 runId = lab.powerOff(wave);
    QVERIFY(runId > 0);
    QCOMPARE(lab.run(runId).wavesTotal, 3);
    EngineProcess engine;
    QCOMPARE(lab.startEngine(&engine, QStringLiteral("worker")), QString());
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(lab.run(runId).state), 60000);
    const TaskRun run = lab.run(runId);
    QCOMPARE(run.state, RunState::Completed);
    QCOMPARE(run.succeeded, 6);

    QMap<int, QList<qint64>> byWave; // the device-side time of each system's PowerDown
    for (const RunSystem &s : lab.runSystems(runId)) {
        const QJsonObject device = lab.sim.control({{"cmd", "get"}, {"uuid", s.uuid}}).value("device").toObject();
        const QList<qint64> times = callTimes(device, QStringLiteral("PowerDown"));
        QCOMPARE(times.size(), 1);
        byWave[s.wave] << times.first();
    }
    QCOMPARE(byWave.keys(), QList<int>({0, 1, 2}));
    for (int w = 0; w < 3; ++w)
        QCOMPARE(byWave.value(w).size(), 2);
    for (int w = 1; w < 3; ++w) {
        const qint64 previousEnd = *std::max_element(byWave[w - 1].cbegin(), byWave[w - 1].cend());
        const qint64 start = *std::min_element(byWave[w].cbegin(), byWave[w].cend());
        QVERIFY2(start - previousEnd >= 2000 - 50, // the devices' clocks are the test machine's
                 qPrintable(QStringLiteral("wave %1 began %2 ms after wave %3 ended")
                                    .arg(w)
                                    .arg(start - previousEnd)
                                    .arg(w - 1)));
    }
    for (const QJsonObject &d : fleetState(lab.sim))
        QCOMPARE(d.value("powerState").toInt(), 5);
}

// The device fails one of the two systems of the first wave (50 %), above the rule's 40 %: the run
// stops after that wave, and the devices of later waves were never called.
void tst_TaskRunner::stopRuleStopsTheRun()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    TaskLab lab(backend);
    QCOMPARE(lab.provision(6), QString());
    WavePolicy wave;
    wave.batchSize = 2;
    wave.concurrency = 2;
    wave.stopPercent = 40;
    const qint64 runId = lab.powerOff(wave);
    QVERIFY(runId > 0);
    QString failing;
    for (const RunSystem &s : lab.runSystems(runId)) {
        if (s.wave == 0)
            failing = s.uuid;
    }
    QVERIFY(lab.sim.control({{"cmd", "fault"},
                             {"kind", "status"},
                             {"operation", "PowerDown"},
                             {"status", "INTERNAL_ERROR"},
                             {"uuid", failing}})
                    .value("ok")
                    .toBool());
    EngineProcess engine;
    QCOMPARE(lab.startEngine(&engine, QStringLiteral("worker")), QString());
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(lab.run(runId).state), 60000);
    const TaskRun run = lab.run(runId);
    QCOMPARE(run.state, RunState::Stopped);
    QVERIFY2(run.stopReason.contains(QStringLiteral("1 of its 2 systems failed")), qPrintable(run.stopReason));
    QCOMPARE(run.succeeded, 1);
    QCOMPARE(run.failed, 1);
    QCOMPARE(run.cancelled, 4);
    const QHash<QString, QJsonObject> devices = fleetState(lab.sim);
    for (const RunSystem &s : lab.runSystems(runId)) {
        QCOMPARE(callCount(devices.value(s.uuid), QStringLiteral("PowerDown")), s.wave == 0 ? 1 : 0);
        if (s.uuid == failing) {
            QCOMPARE(s.state, RunSystemState::Failed);
            QCOMPARE(s.status, QStringLiteral("INTERNAL_ERROR"));
        } else if (s.wave > 0) {
            QCOMPARE(s.state, RunSystemState::Cancelled);
            QCOMPARE(devices.value(s.uuid).value("powerState").toInt(), 0); // still on
        }
    }
}

void tst_TaskRunner::scheduledTaskRunsAtItsTime_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("recurring");
    QTest::newRow("sqlite, once") << QStringLiteral("sqlite") << false;
    QTest::newRow("postgresql, every 6 hours") << QStringLiteral("postgresql") << true;
}

// A task scheduled two hours ahead of an engine's (test) clock runs when that clock gets there,
// not before, and a recurring one again at its next time.
void tst_TaskRunner::scheduledTaskRunsAtItsTime()
{
    QFETCH(QString, backend);
    QFETCH(bool, recurring);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    TaskLab lab(backend);
    QCOMPARE(lab.provision(2), QString());
    auto offset = std::make_shared<qint64>(0);
    const auto clock = [offset] { return QDateTime::currentDateTimeUtc().addMSecs(*offset); };
    UserLog log(&lab.fixture.store(), QStringLiteral("test"));
    EngineOptions options;
    options.engineId = QStringLiteral("clocked");
    options.listenAddresses = {QHostAddress::LocalHost};
    options.listenPort = Oobm::Test::freePort();
    options.runMaintenance = false;
    options.clock = clock;
    ProvisioningEngine engine(&lab.fixture.store(), &log, options);
    QSignalSpy started(&engine, &ProvisioningEngine::started);
    engine.start();
    QVERIFY(started.wait(10000));

    Task task;
    task.name = QStringLiteral("Night off");
    task.operation = Operation::PowerOff;
    task.target.collectionId = -1 - int(SystemState::Provisioned);
    const QDateTime at = clock().addSecs(2 * 3600);
    task.schedule.kind = recurring ? Schedule::Kind::EveryHours : Schedule::Kind::Once;
    task.schedule.at = at;
    task.schedule.everyHours = 6;
    const auto saved = lab.fixture.store().saveTask(task, Tester).result();
    QVERIFY2(saved.ok(), qPrintable(saved.error.message));
    QCOMPARE(saved.value.runId, 0);
    const auto runsOfTask = [&] {
        RunFilter f;
        f.taskId = saved.value.taskId;
        return lab.fixture.store().listRuns(f).result().value;
    };

    *offset += 2 * 3600 * 1000LL + 1000;
    QTRY_COMPARE_WITH_TIMEOUT(runsOfTask().size(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(runsOfTask().first().state), 30000);
    const TaskRun first = runsOfTask().first();
    QCOMPARE(first.state, RunState::Completed);
    QCOMPARE(first.succeeded, 2);
    QCOMPARE(first.due, at);
    QVERIFY(first.created >= at); // made on the engine's clock once it was there, not before
    for (const QJsonObject &d : fleetState(lab.sim))
        QCOMPARE(callCount(d, QStringLiteral("PowerDown")), 1);
    Task stored;
    for (const Task &t : lab.fixture.store().listTasks().result().value) {
        if (t.id == saved.value.taskId)
            stored = t;
    }
    if (!recurring) {
        QVERIFY(!stored.nextDue.isValid());
        return;
    }
    QCOMPARE(stored.nextDue, at.addSecs(6 * 3600));
    QVERIFY(lab.sim.control({{"cmd", "set-power"}, {"all", true}, {"state", 0}}).value("ok").toBool());
    *offset += 6 * 3600 * 1000LL;
    QTRY_COMPARE_WITH_TIMEOUT(runsOfTask().size(), 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(runsOfTask().first().state), 30000);
    QCOMPARE(runsOfTask().first().due, at.addSecs(6 * 3600));
    QCOMPARE(runsOfTask().first().succeeded, 2);
    for (const QJsonObject &d : fleetState(lab.sim))
        QCOMPARE(callCount(d, QStringLiteral("PowerDown")), 2);
}

void tst_TaskRunner::transientFailureIsTriedAgain_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("command"); // RemoteControl's, as amt-sim counts it
    QTest::addColumn<bool>("triedAgain");
    QTest::newRow("power off: looked at and done") << Operation::PowerOff << "PowerDown" << true;
    QTest::newRow("next boot: set again") << Operation::BootPxe << "SetBootOptions" << true;
    QTest::newRow("reset: never twice") << Operation::Reset << "Reset" << false;
}

// The device drops the connection in the middle of the first call: an operation that is safe to
// repeat is tried again by the same engine (a second attempt, which succeeds); a reset is not,
// since the device may have restarted already, and fails as the connection was dropped.
void tst_TaskRunner::transientFailureIsTriedAgain()
{
    QFETCH(Operation, operation);
    QFETCH(QString, command);
    QFETCH(bool, triedAgain);
    TaskLab lab(QStringLiteral("sqlite"));
    QCOMPARE(lab.provision(1), QString());
    const QString uuid = lab.sim.device(0).uuid;
    QVERIFY(lab.sim.control({{"cmd", "fault"}, {"kind", "drop"}, {"operation", command}, {"times", 1}, {"uuid", uuid}})
                    .value("ok")
                    .toBool());
    EngineProcess engine;
    QCOMPARE(lab.startEngine(&engine, QStringLiteral("worker")), QString());
    const qint64 runId = lab.request(operation, WavePolicy{});
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(lab.run(runId).state), 60000);
    const QList<RunSystem> systems = lab.runSystems(runId);
    QCOMPARE(systems.size(), 1);
    const RunSystem system = systems.first();
    QCOMPARE(callCount(lab.sim.state(0), command), triedAgain ? 2 : 1);
    if (triedAgain) {
        QCOMPARE(system.state, RunSystemState::Succeeded);
        QCOMPARE(system.attempt, 2);
    } else {
        QCOMPARE(system.state, RunSystemState::Failed);
        QCOMPARE(system.status, QStringLiteral("connection-dropped"));
        QCOMPARE(system.attempt, 1);
    }
}

// Two engine processes on one PostgreSQL database share one run over 500 systems: both take part,
// and every device is powered off exactly once.
void tst_TaskRunner::twoEnginesDoEachSystemOnce()
{
    OOBM_REQUIRE_POSTGRESQL();
    TaskLab lab(QStringLiteral("postgresql"));
    QCOMPARE(lab.provision(500), QString());
    // Slow enough calls that neither engine can take the whole run before the other looks.
    QVERIFY(lab.sim.control({{"cmd", "fault"},
                             {"kind", "latency"},
                             {"operation", "PowerDown"},
                             {"ms", 30},
                             {"all", true}})
                    .value("ok")
                    .toBool());
    EngineProcess a;
    EngineProcess b;
    QCOMPARE(lab.startEngine(&a, QStringLiteral("engine-a")), QString());
    QCOMPARE(lab.startEngine(&b, QStringLiteral("engine-b"), true), QString());
    WavePolicy wave;
    wave.batchSize = 500;
    wave.concurrency = 40;
    const qint64 runId = lab.powerOff(wave);
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(lab.run(runId).state), 120000);
    const TaskRun run = lab.run(runId);
    QCOMPARE(run.state, RunState::Completed);
    QCOMPARE(run.succeeded, 500);
    QHash<QString, int> byEngine;
    for (const RunSystem &s : lab.runSystems(runId))
        ++byEngine[s.engine];
    qInfo() << "systems done by each engine:" << byEngine;
    QCOMPARE(QSet<QString>(byEngine.keyBegin(), byEngine.keyEnd()),
             QSet<QString>({QStringLiteral("engine-a"), QStringLiteral("engine-b")}));
    const QHash<QString, QJsonObject> devices = fleetState(lab.sim);
    QCOMPARE(devices.size(), 500);
    for (auto it = devices.cbegin(); it != devices.cend(); ++it) {
        QVERIFY2(callCount(it.value(), QStringLiteral("PowerDown")) == 1, qPrintable(it.key()));
        QCOMPARE(it.value().value("powerState").toInt(), 5);
    }
}

// An engine killed with SIGKILL in the middle of a 1,000-system run and started again (same engine
// id) takes up what it had claimed: the run completes, and no device is powered off twice (a
// system that was switched before the kill is found off and counted as skipped).
void tst_TaskRunner::killedEngineIsTakenUpWithoutRepeats()
{
    TaskLab lab(QStringLiteral("sqlite"));
    QCOMPARE(lab.provision(1000), QString());
    QVERIFY(lab.sim.control({{"cmd", "fault"},
                             {"kind", "latency"},
                             {"operation", "PowerDown"},
                             {"ms", 50},
                             {"all", true}})
                    .value("ok")
                    .toBool());
    WavePolicy wave;
    wave.batchSize = 1000;
    wave.concurrency = 40;
    const qint64 runId = lab.powerOff(wave);
    QVERIFY(runId > 0);
    {
        EngineProcess engine;
        QCOMPARE(lab.startEngine(&engine, QStringLiteral("worker")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(lab.run(runId).done() >= 300, 120000);
        QVERIFY(lab.run(runId).done() < 1000);
        ::kill(pid_t(engine.process().processId()), SIGKILL);
        QVERIFY(engine.process().waitForFinished(10000));
    }
    int powered = 0; // devices switched off before the kill, whatever the store heard of them
    for (const QJsonObject &d : fleetState(lab.sim))
        powered += d.value("powerState").toInt() == 5 ? 1 : 0;
    QVERIFY(powered < 1000);
    EngineProcess again;
    QCOMPARE(lab.startEngine(&again, QStringLiteral("worker")), QString());
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(lab.run(runId).state), 120000);
    const TaskRun run = lab.run(runId);
    QCOMPARE(run.state, RunState::Completed);
    for (const RunSystem &s : lab.runSystems(runId)) {
        if (s.state == RunSystemState::Failed)
            qWarning().noquote() << "failed:" << s.uuid << s.status << s.message << "attempt" << s.attempt;
    }
    QCOMPARE(run.failed, 0);
    QCOMPARE(run.succeeded + run.skipped, 1000);
    const QHash<QString, QJsonObject> devices = fleetState(lab.sim);
    for (auto it = devices.cbegin(); it != devices.cend(); ++it) {
        QVERIFY2(callCount(it.value(), QStringLiteral("PowerDown")) == 1, qPrintable(it.key()));
        QCOMPARE(it.value().value("powerState").toInt(), 5);
    }
}

QTEST_GUILESS_MAIN(tst_TaskRunner)
#include "tst_taskrunner.moc"
