// SPDX-License-Identifier: GPL-2.0-or-later
// The provisioning engine at scale against amt-sim on loopback:
//  - 1,000 devices provisioned by PSK through the full sequence: devices per second, p50/p99 time
//    per device (first hello to Provisioned), engine CPU seconds and peak RSS;
//  - the floor: a minimal client with no engine logic doing the same TLS-PSK handshakes and SOAP
//    round trips against a fresh fleet; the ratio engine rate / floor rate;
//  - a burst of 10,000 hellos from 10,000 UUIDs: all recorded, time to drain.
#include "bench/benchsupport.h"
#include "bench/simfleet.h"

#include "core/amt/amtsession.h"
#include "core/engine/provisioningengine.h"
#include "core/keys/secretbox.h"
#include "core/logbook/userlog.h"
#include "core/provisioning/hellopacket.h"
#include "core/store/sqlstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

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
using Oobm::Bench::percentile;
using Oobm::Bench::SimFleet;
using Oobm::Bench::waitWithEvents;

namespace {

constexpr int Devices = 1000;
constexpr int Burst = 10000;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    SqlStore store(StoreLocation::sqlite(dir.filePath(QStringLiteral("bench.db"))));
    if (StoreError e = store.openAndWait()) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        return 1;
    }
    store.setDataKey(SecretBox::generateKey(), QStringLiteral("bench")).waitForFinished();
    UserLog log(&store, QStringLiteral("bench"));
    KeyGenerationRequest g;
    g.count = 2 * Devices;
    g.newMePassword = QStringLiteral("N3w-Pass!");
    store.generateKeys(g).waitForFinished();
    KeyExportRequest x;
    x.filter.limit = Devices;
    x.path = dir.filePath(QStringLiteral("setup.bin"));
    if (!store.exportKeys(x).result().ok()) {
        std::fprintf(stderr, "export failed\n");
        return 1;
    }
    QFile::copy(x.path, dir.filePath(QStringLiteral("setup-floor.bin")));
    ProvisionProfile p;
    p.name = QStringLiteral("Bench");
    p.isDefault = true;
    p.adminPassword = QStringLiteral("Adm1n!Pass");
    p.aclUsers = {{QStringLiteral("operator"), QStringLiteral("Op3rator!x"), {5, 13}}};
    p.domainName = QStringLiteral("bench.test");
    p.hostNamePattern = QStringLiteral("amt-{uuid8}");
    store.saveProfile(p).waitForFinished();

    // 1. The engine provisions 1,000 devices.
    EngineOptions o;
    o.listenAddresses = {QHostAddress::LocalHost};
    o.listenPort = freePort();
    ProvisioningEngine engine(&store, &log, o);
    int finished = 0, failed = 0;
    QObject::connect(&engine, &ProvisioningEngine::provisioningFinished, &app,
                     [&](const QString &, bool ok, const QString &reason) {
        ++finished;
        if (!ok && ++failed <= 3)
            std::fprintf(stderr, "failed: %s\n", qPrintable(reason));
    });
    bool started = false;
    QObject::connect(&engine, &ProvisioningEngine::started, &app, [&] { started = true; });
    engine.start();
    waitWithEvents([&] { return started; }, 10000);
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    {
        SimFleet sim;
        wall.start();
        if (!sim.start({QStringLiteral("--fleet"), QString::number(Devices), QStringLiteral("--address-base"),
                        QStringLiteral("127.70.0.1"), QStringLiteral("--mode"), QStringLiteral("factory"),
                        QStringLiteral("--keys"), x.path, QStringLiteral("--provision-server"),
                        QStringLiteral("127.0.0.1:%1").arg(o.listenPort)}))
            return 1;
        if (!waitWithEvents([&] { return finished >= Devices; }, 600000))
            std::fprintf(stderr, "only %d of %d finished\n", finished, Devices);
        const double seconds = wall.nsecsElapsed() / 1e9;
        const double cpu = cpuSeconds() - cpu0;
        std::vector<double> perDevice;
        int provisioned = 0;
        for (const AmtSystem &s : store.listSystems({}).result().value) {
            if (s.state == SystemState::Provisioned) {
                ++provisioned;
                perDevice.push_back(double(s.firstSeen.msecsTo(s.provisioned)));
            }
        }
        metric("engine_devices", Devices, "devices");
        metric("engine_provisioned", provisioned, "devices");
        metric("engine_failed", failed, "devices");
        metric("engine_wall", seconds, "s (amt-sim start to last device done)");
        metric("engine_rate", provisioned / seconds, "devices/s");
        metric("engine_per_device_p50", percentile(perDevice, 0.5), "ms (first hello to Provisioned)");
        metric("engine_per_device_p99", percentile(perDevice, 0.99), "ms");
        metric("engine_cpu", cpu, "s (engine process: listener, engine, store, SOAP client)");
        metric("engine_peak_rss", peakRssMb(), "MB");
        const double engineRate = provisioned / seconds;

        // 2. The floor: the same handshakes and round trips, no engine: no hello intake, no
        // store, no claims, one thread per connection slot as the engine's pool.
        SimFleet fresh;
        if (!fresh.start({QStringLiteral("--fleet"), QString::number(Devices), QStringLiteral("--address-base"),
                          QStringLiteral("127.80.0.1"), QStringLiteral("--mode"), QStringLiteral("factory"),
                          QStringLiteral("--keys"), dir.filePath(QStringLiteral("setup-floor.bin")),
                          QStringLiteral("--provision-server"), QStringLiteral("127.0.0.1:1")}))
            return 1;
        const QJsonArray devices = fresh.control({{QStringLiteral("cmd"), QStringLiteral("list")},
                                                  {QStringLiteral("secrets"), true}})
                                           .value(QStringLiteral("devices"))
                                           .toArray();
        std::vector<Amt::AmtEndpoint> endpoints;
        for (const QJsonValue v : devices) {
            const QJsonObject d = v.toObject();
            Amt::AmtEndpoint e;
            e.host = d.value(QStringLiteral("address")).toString();
            e.port = 16993;
            e.transport = Amt::AmtEndpoint::Transport::TlsPsk;
            e.pskIdentity = d.value(QStringLiteral("pid")).toString().toLatin1();
            e.psk = d.value(QStringLiteral("pps")).toString().toLatin1();
            e.password = d.value(QStringLiteral("mebxPassword")).toString();
            endpoints.push_back(e);
        }
        std::atomic<int> next{0}, ok{0};
        const int threads = o.maxConcurrent;
        QElapsedTimer floorTimer;
        floorTimer.start();
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&] {
                for (int i = next++; i < int(endpoints.size()); i = next++) {
                    Amt::AmtSession s(endpoints[std::size_t(i)]);
                    const quint32 now = quint32(QDateTime::currentSecsSinceEpoch());
                    const bool good = s.getCoreVersion().ok() && s.getProvisioningState().ok() && s.getHostName().ok()
                            && s.getDomainName().ok() && !s.setHostName(QStringLiteral("amt-x"))
                            && !s.setDomainName(QStringLiteral("bench.test"))
                            && !s.setHighAccuracyTimeSynch(now, now, now)
                            && !s.setAdminAclEntry(QStringLiteral("admin"), QStringLiteral("Adm1n!Pass"))
                            && s.addUserAclEntry({QStringLiteral("operator"), QStringLiteral("Op3rator!x"), {5, 13}})
                                       .ok()
                            && !s.setTlsEnabled(false) && !s.setTlsPsk("ABCDEFGH", "0123456789ABCDEFGHIJKLMNOPQRSTUV")
                            && !s.setEnabledInterfaces(
                                    {QStringLiteral("WebUI"), QStringLiteral("SOL"), QStringLiteral("IDER")})
                            && !s.commitChanges();
                    if (good)
                        ++ok;
                }
            });
        }
        for (std::thread &w : workers)
            w.join();
        const double floorSeconds = floorTimer.nsecsElapsed() / 1e9;
        metric("floor_devices_ok", ok.load(), "devices");
        metric("floor_rate", ok.load() / floorSeconds, "devices/s (13 SOAP calls over one TLS-PSK session each)");
        metric("engine_over_floor", engineRate / (ok.load() / floorSeconds), "ratio (goal >= 0.5)");
    }

    // 3. A burst of 10,000 hellos from 10,000 UUIDs (unknown PIDs: recorded, rejected, logged).
    const int before = int(store.listHellos({}, 0, 1).result().value.value(0).id);
    std::atomic<int> sent{0};
    QElapsedTimer burst;
    burst.start();
    std::thread sender([&] {
        for (int i = 0; i < Burst; ++i) {
            HelloPacket h;
            h.uuid = QUuid::createUuid();
            h.pid = QByteArray("BNCH") + QByteArray::number(i % 10000).rightJustified(4, '0');
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, o.listenPort);
            if (s.waitForConnected(5000)) {
                s.write(h.encode());
                s.waitForBytesWritten(5000);
                s.disconnectFromHost();
                if (s.state() != QAbstractSocket::UnconnectedState)
                    s.waitForDisconnected(5000);
                ++sent;
            }
        }
    });
    const bool drained = waitWithEvents(
            [&] {
        static QElapsedTimer poll;
        if (poll.isValid() && poll.elapsed() < 100)
            return false;
        poll.start();
        const auto newest = store.listHellos({}, 0, 1).result().value;
        return !newest.isEmpty() && newest.first().id - before >= Burst;
            },
            300000);
    sender.join();
    const double burstSeconds = burst.nsecsElapsed() / 1e9;
    const auto newest = store.listHellos({}, 0, 1).result().value;
    metric("burst_sent", sent.load(), "hellos");
    metric("burst_recorded", newest.isEmpty() ? 0 : double(newest.first().id - before), "hellos");
    metric("burst_drain", drained ? burstSeconds : -1, "s (first send to last recorded)");
    metric("burst_rate", Burst / burstSeconds, "hellos/s");
    log.flush().waitForFinished();
    return 0;
}
