// SPDX-License-Identifier: GPL-2.0-or-later
// oobm-engine as a process: two engines on one PostgreSQL database provisioning the same
// devices, and an engine killed (SIGKILL) in the middle of provisioning and restarted.
#include "common/engineprocess.h"
#include "common/provisioningfixture.h"
#include "common/simprocess.h"
#include "common/testsupport.h"

#include "core/store/sqlstore.h"

#include <QHash>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <csignal>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;
using Oobm::Test::EngineProcess;
using Oobm::Test::freePort;
using Oobm::Test::SimProcess;

namespace {

// Forwards every hello it receives to each engine, from the device's own address (so each
// engine connects back to the device): two engines behind one ProvisionServer, both hearing
// every device.
class HelloSplitter : public QObject
{
public:
    explicit HelloSplitter(const QList<quint16> &targets)
        : m_targets(targets)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection()) {
                connect(in, &QTcpSocket::disconnected, this, [this, in] {
                    const QByteArray hello = in->readAll();
                    const QHostAddress from = in->peerAddress();
                    in->deleteLater();
                    for (quint16 port : std::as_const(m_targets)) {
                        auto *out = new QTcpSocket(this);
                        out->bind(from, 0);
                        connect(out, &QTcpSocket::connected, out, [out, hello] {
                            out->write(hello);
                            out->disconnectFromHost();
                        });
                        connect(out, &QTcpSocket::disconnected, out, &QObject::deleteLater);
                        connect(out, &QTcpSocket::errorOccurred, out, &QObject::deleteLater);
                        out->connectToHost(QHostAddress::LocalHost, port);
                    }
                });
                if (in->state() != QAbstractSocket::ConnectedState)
                    Q_EMIT in->disconnected();
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
    QList<quint16> m_targets;
};

class Cluster : public Oobm::Test::ProvisioningFixture
{
public:
    using ProvisioningFixture::ProvisioningFixture;

    // Starts oobm-engine and waits for "listening".
    QString startEngine(const QString &id, quint16 port)
    {
        m_engines.push_back(std::make_unique<EngineProcess>());
        return m_engines.back()->start(QStringLiteral(OOBM_ENGINE_PATH), location(), keyFile(),
                                       QStringLiteral("127.0.0.1:%1").arg(port), id);
    }
    QProcess *engine(int i) const { return &m_engines.at(i)->process(); }

    QList<AmtSystem> systems() { return store().listSystems({}).result().value; }
    int countIn(SystemState state)
    {
        int n = 0;
        for (const AmtSystem &s : systems())
            n += s.state == state;
        return n;
    }

private:
    std::vector<std::unique_ptr<EngineProcess>> m_engines;
};

// No key on two devices: every Consumed key belongs to exactly one system, the PID each device
// holds now is a key Consumed by that device, and no two devices hold the same PID.
void verifyKeysUsedOnce(Cluster &c, SimProcess &sim, const QSet<QString> &provisioned)
{
    QHash<QString, QString> consumedBy;
    for (const KeyRecord &k : c.store().listKeys({{KeyState::Consumed}, {}, -1}).result().value)
        consumedBy.insert(QString::fromLatin1(k.pid), k.consumedBy);
    QSet<QString> held;
    for (const QJsonValue v : sim.control({{"cmd", "list"}}).value("devices").toArray()) {
        const QJsonObject d = v.toObject();
        if (!provisioned.contains(d.value("uuid").toString()))
            continue;
        const QString pid = d.value("pid").toString();
        QVERIFY2(!held.contains(pid), qPrintable(pid));
        held.insert(pid);
        QCOMPARE(consumedBy.value(pid), d.value("uuid").toString());
    }
}

} // namespace

class tst_EngineCluster final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoEnginesShareOneDatabase();
    void killedMidwayAndRestarted();
};

void tst_EngineCluster::twoEnginesShareOneDatabase()
{
    OOBM_REQUIRE_POSTGRESQL();
    constexpr int Devices = 200;
    Cluster c(QStringLiteral("postgresql"));
    QCOMPARE(c.prepare(Devices), QString());
    const quint16 p1 = freePort(), p2 = freePort();
    QCOMPARE(c.startEngine(QStringLiteral("engine-a"), p1), QString());
    QCOMPARE(c.startEngine(QStringLiteral("engine-b"), p2), QString());
    HelloSplitter splitter({p1, p2});
    SimProcess sim;
    QCOMPARE(sim.start({"--fleet", QString::number(Devices), "--mode", "factory", "--keys", c.setupBin(),
                        "--provision-server", QStringLiteral("127.0.0.1:%1").arg(splitter.port()), "--time-scale",
                        "100"}),
             QString());
    QTRY_COMPARE_WITH_TIMEOUT(c.countIn(SystemState::Provisioned), Devices, 180000);

    // Each device provisioned exactly once: one successful CommitChanges per system.
    ActionFilter commits;
    commits.step = QStringLiteral("CommitChanges");
    commits.results = {ActionRecord::Result::Succeeded};
    commits.limit = 10 * Devices;
    QHash<QString, int> perSystem;
    for (const ActionRecord &a : c.store().listActions(commits).result().value)
        ++perSystem[a.uuid];
    QCOMPARE(perSystem.size(), Devices);
    for (auto it = perSystem.cbegin(); it != perSystem.cend(); ++it)
        QCOMPARE(it.value(), 1);
    // Both engines took part, and each saw hellos the other was handling.
    QSet<QString> engines;
    int ignored = 0;
    for (const HelloRecord &h : c.store().listHellos({}, 0, 100000).result().value) {
        engines.insert(h.engine);
        ignored += h.outcome.startsWith(QStringLiteral("ignored: being provisioned by the engine"));
    }
    QCOMPARE(engines, (QSet<QString>{"engine-a", "engine-b"}));
    QVERIFY(ignored > 0);
    QCOMPARE(c.store().listKeys({{KeyState::Consumed}, {}, -1}).result().value.size(), 2 * Devices);
    QSet<QString> all;
    for (const AmtSystem &s : c.systems())
        all.insert(s.uuid);
    verifyKeysUsedOnce(c, sim, all);
}

void tst_EngineCluster::killedMidwayAndRestarted()
{
    constexpr int Devices = 100;
    Cluster c(QStringLiteral("sqlite"));
    QCOMPARE(c.prepare(Devices), QString());
    const quint16 port = freePort();
    SimProcess sim;
    QCOMPARE(sim.start({"--fleet", QString::number(Devices), "--mode", "factory", "--keys", c.setupBin(),
                        "--provision-server", QStringLiteral("127.0.0.1:%1").arg(port), "--time-scale", "100"}),
             QString());
    // Slow devices, so that many are in the middle of their sequence when the engine dies.
    QVERIFY(sim.control({{"cmd", "fault"}, {"kind", "latency"}, {"ms", 40}, {"all", true}}).value("ok").toBool());
    QCOMPARE(c.startEngine(QStringLiteral("engine-k"), port), QString());
    QTRY_VERIFY_WITH_TIMEOUT(c.countIn(SystemState::Provisioned) >= 5, 60000);
    ::kill(pid_t(c.engine(0)->processId()), SIGKILL);
    QVERIFY(c.engine(0)->waitForFinished(10000));
    const int inFlight = c.countIn(SystemState::Provisioning);
    QVERIFY2(inFlight > 0, "the engine was killed when nothing was in flight; the test proves nothing");

    QVERIFY(sim.control({{"cmd", "clear-faults"}, {"all", true}}).value("ok").toBool());
    QCOMPARE(c.startEngine(QStringLiteral("engine-k"), port), QString());
    // Every device ends Provisioned or Failed with a reason; none stays claimed.
    QTRY_VERIFY_WITH_TIMEOUT(c.countIn(SystemState::Provisioned) + c.countIn(SystemState::Failed) == Devices
                                     && c.countIn(SystemState::Provisioning) == 0,
                             120000);
    QSet<QString> provisioned;
    for (const AmtSystem &s : c.systems()) {
        if (s.state == SystemState::Failed) {
            QVERIFY2(s.reason.contains(QStringLiteral("stopped while provisioning")), qPrintable(s.reason));
        } else {
            // Nothing half-written: a Provisioned system has its time and its next key.
            QVERIFY(s.provisioned.isValid());
            QVERIFY(!s.newPid.isEmpty());
            provisioned.insert(s.uuid);
        }
    }
    QVERIFY(provisioned.size() >= Devices - inFlight);
    verifyKeysUsedOnce(c, sim, provisioned);
}

QTEST_GUILESS_MAIN(tst_EngineCluster)
#include "tst_enginecluster.moc"
