// SPDX-License-Identifier: GPL-2.0-or-later
// amt-sim at scale: start-up time and memory for 1,000 and 10,000 devices; SOAP round trips per
// second against 100 devices over HTTP + Digest and over TLS-PSK, with a new connection (and
// handshake) per call and with keep-alive.
#include "bench/benchsupport.h"

#include "core/amt/amtsession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>
#include <vector>

using namespace Oobm::Core::Amt;

using Oobm::Bench::metric;

namespace {

struct Sim
{
    QProcess process;
    QStringList addresses;
    quint16 control = 0;
    double readyMs = 0;

    bool start(const QStringList &args)
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        control = probe.serverPort();
        probe.close();
        QElapsedTimer t;
        t.start();
        process.start(QStringLiteral(AMT_SIM_PATH),
                      args + QStringList{QStringLiteral("--control"), QStringLiteral("127.0.0.1:%1").arg(control)});
        QByteArray pending;
        while (process.waitForReadyRead(60000) || process.bytesAvailable()) {
            pending += process.readAllStandardOutput();
            int nl;
            while ((nl = int(pending.indexOf('\n'))) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                if (line == "ready") {
                    readyMs = t.nsecsElapsed() / 1e6;
                    return true;
                }
                const QList<QByteArray> f = line.split(' ');
                if (f.size() == 4)
                    addresses << QString::fromLatin1(f.at(1));
            }
        }
        std::fprintf(stderr, "amt-sim did not start: %s\n", process.readAllStandardError().constData());
        return false;
    }
    double rssKb()
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(process.processId()));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toDouble();
        return 0;
    }
    QJsonObject get(int i)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, control);
        s.waitForConnected(5000);
        // Devices are addressed by UUID; find it through "list" once.
        s.write("{\"cmd\":\"list\"}\n");
        QByteArray answer;
        while (!answer.contains('\n') && s.waitForReadyRead(30000))
            answer += s.readAll();
        return QJsonDocument::fromJson(answer).object().value(QStringLiteral("devices")).toArray().at(i).toObject();
    }
    ~Sim()
    {
        if (process.state() != QProcess::NotRunning) {
            ::kill(pid_t(process.processId()), SIGTERM);
            process.waitForFinished(60000);
        }
    }
};

QString base(int n)
{
    return QStringLiteral("127.%1.0.1").arg(60 + n);
}

double roundTrips(const std::vector<AmtEndpoint> &endpoints, bool keepAlive, int threads, double seconds)
{
    std::atomic<long> calls{0}, failures{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            // Keep-alive: one session (connection) per device, reused. Otherwise a new session,
            // connection, Digest challenge (and TLS handshake) for every call, closed after it.
            std::vector<std::unique_ptr<AmtSession>> sessions;
            std::vector<AmtEndpoint> mine;
            for (std::size_t i = std::size_t(t); i < endpoints.size(); i += std::size_t(threads)) {
                mine.push_back(endpoints[i]);
                if (keepAlive)
                    sessions.push_back(std::make_unique<AmtSession>(endpoints[i]));
            }
            std::size_t next = 0;
            while (!stop.load()) {
                const std::size_t i = next++ % mine.size();
                const bool ok = keepAlive ? sessions[i]->getSystemPowerState().ok()
                                          : AmtSession(mine[i]).getSystemPowerState().ok();
                ok ? ++calls : ++failures;
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(int(seconds * 1000)));
    stop = true;
    for (auto &w : workers)
        w.join();
    if (failures)
        std::fprintf(stderr, "%ld calls failed\n", failures.load());
    return calls / seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    for (int n : {1000, 10000}) {
        Sim sim;
        if (!sim.start({"--fleet", QString::number(n), "--mode", "setup-psk", "--address-base", base(n / 1000)}))
            return 1;
        metric(QStringLiteral("startup_%1_devices").arg(n), sim.readyMs, "ms");
        const double rss = sim.rssKb();
        metric(QStringLiteral("rss_%1_devices").arg(n), rss / 1024.0, "MiB");
        metric(QStringLiteral("rss_per_device_%1").arg(n), rss * 1024.0 / n / 1024.0, "KiB");
    }

    const int threads = 8;
    const double seconds = 3.0;
    {
        Sim sim;
        if (!sim.start({"--fleet", "100", "--mode", "provisioned", "--address-base", base(20), "--workers", "64"}))
            return 1;
        std::vector<AmtEndpoint> endpoints;
        for (const QString &a : sim.addresses) {
            AmtEndpoint e;
            e.host = a;
            e.password = QStringLiteral("P@ssw0rd");
            endpoints.push_back(e);
        }
        metric(QStringLiteral("http_digest_keepalive_calls_per_s"), roundTrips(endpoints, true, threads, seconds),
               "calls/s");
        metric(QStringLiteral("http_digest_new_connection_calls_per_s"), roundTrips(endpoints, false, threads, seconds),
               "calls/s");
    }
    {
        Sim sim;
        if (!sim.start({"--fleet", "100", "--mode", "setup-psk", "--address-base", base(21), "--workers", "64"}))
            return 1;
        std::vector<AmtEndpoint> endpoints;
        for (int i = 0; i < sim.addresses.size(); ++i) {
            const QJsonObject s = sim.get(i);
            // Default keys are derived from the UUID: read them back through a secrets "get".
            QTcpSocket c;
            c.connectToHost(QHostAddress::LocalHost, sim.control);
            c.waitForConnected(5000);
            c.write(QJsonDocument(QJsonObject{{"cmd", "get"}, {"uuid", s.value("uuid")}, {"secrets", true}})
                            .toJson(QJsonDocument::Compact)
                    + '\n');
            QByteArray answer;
            while (!answer.contains('\n') && c.waitForReadyRead(10000))
                answer += c.readAll();
            const QJsonObject d = QJsonDocument::fromJson(answer).object().value("device").toObject();
            AmtEndpoint e;
            e.host = sim.addresses.at(i);
            e.port = 16993;
            e.transport = AmtEndpoint::Transport::TlsPsk;
            e.password = d.value("mebxPassword").toString();
            e.pskIdentity = d.value("pid").toString().toLatin1();
            e.psk = d.value("pps").toString().toLatin1();
            endpoints.push_back(e);
        }
        metric(QStringLiteral("tls_psk_keepalive_calls_per_s"), roundTrips(endpoints, true, threads, seconds),
               "calls/s");
        metric(QStringLiteral("tls_psk_new_handshake_calls_per_s"), roundTrips(endpoints, false, threads, seconds),
               "calls/s");
    }
    return 0;
}
