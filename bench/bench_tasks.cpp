// SPDX-License-Identifier: GPL-2.0-or-later
// Task runs at fleet size (issue 14): 10,000 amt-sim devices, provisioned by the engine first, are
// powered off by one task run in waves of 500 through the engine's task runner; before and after
// it, on the same fleet powered on again, the floor: a bare client doing the same call
// (RemoteControl PowerDown over HTTP Digest, one connection per device) from as many threads as
// the engine has task slots, with no store, no claims and no waves. Prints the rates and the
// engine's over the faster floor's (goal >= 0.7).
//   OOBM_BENCH_TASKS_DEVICES  the fleet's size (default 10,000)
#include "bench/benchsupport.h"
#include "bench/simfleet.h"

#include "core/amt/amtsession.h"
#include "core/engine/provisioningengine.h"
#include "core/engine/taskrunner.h"
#include "core/keys/secretbox.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>
#include <vector>

using namespace Oobm::Core;
using Oobm::Bench::cpuSeconds;
using Oobm::Bench::freePort;
using Oobm::Bench::metric;
using Oobm::Bench::peakRssMb;
using Oobm::Bench::SimFleet;
using Oobm::Bench::waitWithEvents;

namespace {

const QString AdminPassword = QStringLiteral("Adm1n!Pass");

// How many devices are off (S5), and how often PowerDown reached them in all.
void powerTally(const SimFleet &sim, int *off, qint64 *powerDowns)
{
    *off = 0;
    *powerDowns = 0;
    const QJsonArray devices =
            sim.control({{QStringLiteral("cmd"), QStringLiteral("list")}}).value(QStringLiteral("devices")).toArray();
    for (const QJsonValue v : devices) {
        const QJsonObject d = v.toObject();
        *off += d.value(QStringLiteral("powerState")).toInt() == 5 ? 1 : 0;
        *powerDowns += d.value(QStringLiteral("operations"))
                               .toObject()
                               .value(QStringLiteral("PowerDown"))
                               .toObject()
                               .value(QStringLiteral("count"))
                               .toInt();
    }
}

bool powerOnAll(const SimFleet &sim)
{
    return sim
            .control({{QStringLiteral("cmd"), QStringLiteral("set-power")},
                      {QStringLiteral("all"), true},
                      {QStringLiteral("state"), 0}})
            .value(QStringLiteral("ok"))
            .toBool();
}

struct FloorResult
{
    int devicesOk = -1; // -1: the fleet could not be powered on
    double rate = 0;
};

// The floor on the fleet powered on again; prints its figures under prefix.
FloorResult measureFloor(const SimFleet &sim, const std::vector<Amt::AmtEndpoint> &endpoints, int threads,
                         const char *prefix)
{
    FloorResult r;
    if (!powerOnAll(sim))
        return r;
    std::atomic<int> next{0};
    std::atomic<int> ok{0};
    const double cpu0 = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            for (int i = next++; i < int(endpoints.size()); i = next++) {
                Amt::AmtSession s(endpoints[std::size_t(i)]);
                if (!s.remoteControl(Amt::RemoteCommand::PowerDown))
                    ++ok;
            }
        });
    }
    for (std::thread &w : workers)
        w.join();
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpu0;
    int off = 0;
    qint64 powerDowns = 0;
    powerTally(sim, &off, &powerDowns);
    r.devicesOk = ok.load();
    r.rate = r.devicesOk / seconds;
    const QString p = QLatin1String(prefix);
    metric(p + "_devices_ok", r.devicesOk, "devices");
    metric(p + "_devices_off", off, "devices (as amt-sim has them)");
    metric(p + "_rate", r.rate, "devices/s (one RemoteControl over HTTP Digest each)");
    metric(p + "_cpu_per_device", 1000 * cpu / qMax(1, r.devicesOk), "ms (the bare client)");
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int devices = qEnvironmentVariableIntValue("OOBM_BENCH_TASKS_DEVICES") > 0
            ? qEnvironmentVariableIntValue("OOBM_BENCH_TASKS_DEVICES")
            : 10000;
    QTemporaryDir dir;
    SqlStore store(StoreLocation::sqlite(dir.filePath(QStringLiteral("bench.db"))));
    if (StoreError e = store.openAndWait()) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        return 1;
    }
    store.setDataKey(SecretBox::generateKey(), QStringLiteral("bench")).waitForFinished();
    UserLog log(&store, QStringLiteral("bench"));
    KeyGenerationRequest g;
    g.count = 2 * devices; // each provisioning reserves the device's next key
    g.newMePassword = QStringLiteral("N3w-Pass!");
    store.generateKeys(g).waitForFinished();
    KeyExportRequest x;
    x.filter.limit = devices;
    x.path = dir.filePath(QStringLiteral("setup.bin"));
    if (!store.exportKeys(x).result().ok()) {
        std::fprintf(stderr, "export failed\n");
        return 1;
    }
    ProvisionProfile p;
    p.name = QStringLiteral("Bench");
    p.isDefault = true;
    p.adminPassword = AdminPassword;
    store.saveProfile(p).waitForFinished();

    EngineOptions o;
    o.listenAddresses = {QHostAddress::LocalHost};
    o.listenPort = freePort();
    o.runMaintenance = false;
    ProvisioningEngine engine(&store, &log, o);
    int provisioned = 0;
    QObject::connect(&engine, &ProvisioningEngine::provisioningFinished, &app,
                     [&](const QString &, bool ok, const QString &) { provisioned += ok ? 1 : 0; });
    bool started = false;
    QObject::connect(&engine, &ProvisioningEngine::started, &app, [&] { started = true; });
    engine.start();
    waitWithEvents([&] { return started; }, 10000, 100);

    SimFleet sim;
    if (!sim.start({QStringLiteral("--fleet"), QString::number(devices), QStringLiteral("--address-base"),
                    QStringLiteral("127.90.0.1"), QStringLiteral("--mode"), QStringLiteral("factory"),
                    QStringLiteral("--keys"), x.path, QStringLiteral("--provision-server"),
                    QStringLiteral("127.0.0.1:%1").arg(o.listenPort)}))
        return 1;
    QElapsedTimer setup;
    setup.start();
    if (!waitWithEvents([&] { return provisioned >= devices; }, 1800000, 100)) {
        std::fprintf(stderr, "only %d of %d devices were provisioned\n", provisioned, devices);
        return 1;
    }
    metric("tasks_devices", devices, "devices (provisioned by the engine first)");
    metric("tasks_provisioning", setup.nsecsElapsed() / 1e9, "s (not part of the figures below)");
    log.flush().waitForFinished();

    // 1. The floor: a bare client does the same call to every device (RemoteControl PowerDown over
    // HTTP Digest, one connection each) from as many threads as the engine has task slots, with no
    // store, no claims and no waves.
    std::vector<Amt::AmtEndpoint> endpoints;
    for (const AmtSystem &s : store.listSystems({}).result().value) {
        Amt::AmtEndpoint e;
        e.host = s.address;
        e.password = AdminPassword;
        endpoints.push_back(e);
    }
    const FloorResult before = measureFloor(sim, endpoints, o.taskConcurrency, "floor_before");
    if (before.devicesOk < 0)
        return 1;

    // 2. The engine: one run, waves of 500, as many at once as the engine has task slots.
    if (!powerOnAll(sim))
        return 1;
    RunRequest request;
    request.name = QStringLiteral("Power off the fleet");
    request.operation = Operation::PowerOff;
    request.target.collectionId = -1 - int(SystemState::Provisioned); // built-in: All Provisioned
    request.wave.batchSize = 500;
    request.wave.concurrency = o.taskConcurrency;
    request.actor = {QStringLiteral("bench"), QStringLiteral("bench_tasks")};
    // The end is the runner's own signal, so neither polling the store nor its delay is measured.
    qint64 ended = 0;
    double engineSeconds = 0;
    QElapsedTimer wall;
    QObject::connect(engine.tasks(), &TaskRunner::runEnded, &app, [&](qint64 id) {
        ended = id;
        engineSeconds = wall.nsecsElapsed() / 1e9;
    });
    const double cpu0 = cpuSeconds();
    wall.start();
    const auto made = store.requestRun(request).result();
    if (!made.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(made.error.message));
        return 1;
    }
    const bool finished = waitWithEvents([&] { return ended == made.value; }, 1800000);
    const double engineCpu = cpuSeconds() - cpu0;
    const TaskRun run = store.taskRun(made.value).result().value;
    if (!finished || !isFinished(run.state)) {
        std::fprintf(stderr, "the run did not finish: %d of %d done\n", run.done(), run.total);
        return 1;
    }
    int off = 0;
    qint64 powerDowns = 0;
    powerTally(sim, &off, &powerDowns);
    metric("engine_waves", run.wavesTotal, "waves");
    metric("engine_succeeded", run.succeeded, "systems");
    metric("engine_failed", run.failed, "systems");
    metric("engine_devices_off", off, "devices (as amt-sim has them)");
    metric("engine_power_downs", double(powerDowns), "calls that reached the devices");
    metric("engine_wall", engineSeconds, "s (run requested to run completed)");
    metric("engine_rate", run.succeeded / engineSeconds, "devices/s");
    metric("engine_cpu_per_device", 1000 * engineCpu / qMax(1, run.succeeded),
           "ms (engine process: runner, store, SOAP client)");
    metric("engine_peak_rss", peakRssMb(), "MB");

    // 3. The floor again, after the engine (it varies by up to a third between runs on a shared
    // machine); the ratio is taken against the faster of the two, so it errs against the engine.
    const FloorResult after = measureFloor(sim, endpoints, o.taskConcurrency, "floor_after");
    if (after.devicesOk < 0)
        return 1;
    const double floorRate = qMax(before.rate, after.rate);
    metric("floor_rate", floorRate, "devices/s (the faster of the two)");
    metric("engine_over_floor", (run.succeeded / engineSeconds) / floorRate, "ratio (goal >= 0.7)");
    return 0;
}
