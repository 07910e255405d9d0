// SPDX-License-Identifier: GPL-2.0-or-later
// amt-sim as the lab: hellos on the wire, the hello window, restarts, persistence, keys.
#include "common/simprocess.h"

#include "core/amt/amtsession.h"
#include "core/keys/setupbin.h"
#include "core/provisioning/hellopacket.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Core::Amt;
using Oobm::Test::SimProcess;

namespace {

// A plain TCP listener standing in for the ProvisionServer: records every hello it gets.
class HelloCatcher : public QObject
{
public:
    struct Received
    {
        qint64 atMs;
        QString from;
        QByteArray bytes;
        HelloPacket hello;
    };

    explicit HelloCatcher(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0)
    {
        m_server.listen(address, port);
        m_clock.start();
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                const qint64 at = m_clock.elapsed();
                auto *buffer = new QByteArray;
                connect(s, &QTcpSocket::readyRead, s, [s, buffer] { *buffer += s->readAll(); });
                connect(s, &QTcpSocket::disconnected, this, [this, s, buffer, at] {
                    *buffer += s->readAll();
                    QString error;
                    const auto h = HelloPacket::parse(*buffer, &error);
                    m_received.append({at, s->peerAddress().toString(), *buffer, h.value_or(HelloPacket{})});
                    delete buffer;
                    s->deleteLater();
                });
            }
        });
    }
    QString address() const
    {
        return QStringLiteral("%1:%2").arg(m_server.serverAddress().toString()).arg(m_server.serverPort());
    }
    bool isListening() const { return m_server.isListening(); }
    QList<Received> from(const QString &address) const
    {
        QList<Received> r;
        for (const Received &x : m_received)
            if (x.from == address)
                r << x;
        return r;
    }

private:
    QTcpServer m_server;
    QElapsedTimer m_clock;
    QList<Received> m_received;
};

} // namespace

class tst_AmtSim final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hellosArriveOnSchedule();
    void windowClosesIntoMode6AndRestartReopens();
    void pkiHello();
    void statePersistsAcrossRestart();
    void keysFile();
    void factoryModeIsSilent();
    void usbKeyLikeABios();
    void provisionServerFoundByDns_data();
    void provisionServerFoundByDns();
    void badArguments_data();
    void badArguments();
    void powerButtonBoots();
    void controlRefuses_data();
    void controlRefuses();
};

void tst_AmtSim::hellosArriveOnSchedule()
{
    HelloCatcher catcher;
    SimProcess sim;
    // 100x: 12 s between the first five attempts becomes 120 ms, 120 s becomes 1.2 s.
    const QString e = sim.start(
            {"--fleet", "2", "--mode", "setup-psk", "--provision-server", catcher.address(), "--time-scale", "100"});
    QVERIFY2(e.isEmpty(), qPrintable(e));
    const QString address = sim.device(0).address;
    QTRY_VERIFY_WITH_TIMEOUT(catcher.from(address).size() >= 7, 15000);
    const auto hellos = catcher.from(address);
    const QJsonObject state = sim.state(0);
    for (int i = 0; i < 7; ++i) {
        const HelloPacket &h = hellos.at(i).hello;
        QCOMPARE(hellos.at(i).bytes.size(), 32);
        QCOMPARE(h.version, HelloPacket::Version::Psk);
        QCOMPARE(h.retryCount, quint32(i));
        QCOMPARE(HelloPacket::uuidText(h.uuid), sim.device(0).uuid);
        QCOMPARE(QString::fromLatin1(h.pid), state.value("pid").toString());
        QVERIFY(h.adminCredentialsSet);
    }
    // Attempts 0-4: every 12 s (scaled). Arrival times carry the catcher's own delays (a hello
    // handled late makes the next gap short), so the median gap is judged, and the whole span.
    QList<qint64> gaps;
    for (int i = 1; i < 5; ++i)
        gaps << hellos.at(i).atMs - hellos.at(i - 1).atMs;
    std::sort(gaps.begin(), gaps.end());
    const qint64 median = (gaps.at(1) + gaps.at(2)) / 2;
    QVERIFY2(median >= 100 && median < 600, qPrintable(QString::number(median)));
    const qint64 span = hellos.at(4).atMs - hellos.at(0).atMs;
    QVERIFY2(span >= 300 && span < 2400, qPrintable(QString::number(span)));
    const qint64 slow = hellos.at(6).atMs - hellos.at(5).atMs; // attempts 5-9: every 120 s
    QVERIFY2(slow >= 1000 && slow < 3000, qPrintable(QString::number(slow)));
    // Each device from its own address.
    QVERIFY(!catcher.from(sim.device(1).address).isEmpty());
}

void tst_AmtSim::windowClosesIntoMode6AndRestartReopens()
{
    HelloCatcher catcher;
    SimProcess sim;
    // 100000x: the 24-hour window lasts 0.86 s; the 6-hour one 0.22 s.
    QVERIFY(sim.start({"--fleet", "1", "--mode", "setup-psk", "--provision-server", catcher.address(), "--time-scale",
                       "100000"})
                    .isEmpty());
    const QString address = sim.device(0).address;
    QTRY_VERIFY_WITH_TIMEOUT(sim.state().value("helloWindowClosed").toBool(), 10000);
    const int sent = catcher.from(address).size();
    QVERIFY2(sent > 15, qPrintable(QString::number(sent)));
    QCOMPARE(catcher.from(address).last().hello.retryCount, 14u); // the field saturates at 14
    // Mode 6: no more hellos, and nothing listens on 16993.
    QTest::qWait(300);
    QCOMPARE(catcher.from(address).size(), sent);
    AmtEndpoint e;
    e.host = address;
    e.port = 16993;
    e.transport = AmtEndpoint::Transport::TlsPsk;
    e.pskIdentity = "K7QX2MBO";
    e.psk = QByteArray(32, 'A');
    QCOMPARE(AmtSession(e).getCoreVersion().error.category, AmtError::Category::ConnectionRefused);

    // The host agent restarts the sequence: hellos again from retry 0, for the shorter window.
    QVERIFY(sim.control({{"cmd", "restart-hellos"}, {"uuid", sim.device().uuid}}).value("ok").toBool());
    QTRY_VERIFY(catcher.from(address).size() > sent);
    QCOMPARE(catcher.from(address).at(sent).hello.retryCount, 0u);
    QTRY_VERIFY_WITH_TIMEOUT(sim.state().value("helloWindowClosed").toBool(), 10000);
    QCOMPARE(sim.state().value("firstWindow").toBool(), false);
}

void tst_AmtSim::pkiHello()
{
    HelloCatcher catcher;
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "setup-pki", "--provision-server", catcher.address()}).isEmpty());
    QTRY_VERIFY(!catcher.from(sim.device(0).address).isEmpty());
    const HelloPacket h = catcher.from(sim.device(0).address).first().hello;
    QCOMPARE(h.version, HelloPacket::Version::Pki);
    QCOMPARE(h.rootHashes.size(), 2);
    QCOMPARE(h.rootHashes.first().type, HelloPacket::HashType::Sha1);
}

void tst_AmtSim::statePersistsAcrossRestart()
{
    QTemporaryDir dir;
    const QString base = SimProcess::uniqueAddressBase();
    const QStringList args{"--fleet", "2", "--mode", "provisioned", "--state-dir", dir.path(), "--address-base", base};
    {
        SimProcess sim;
        QVERIFY(sim.start(args).isEmpty());
        AmtEndpoint e;
        e.host = sim.device(1).address;
        e.password = "P@ssw0rd";
        AmtSession s(e);
        QVERIFY(!s.setHostName("kept-over-restart"));
        QVERIFY(!s.remoteControl(RemoteCommand::Reset));
        QVERIFY(!s.remoteControl(RemoteCommand::PowerDown));
        QVERIFY(!s.remoteControl(RemoteCommand::SetBootOptions, SpecialCommand::ForceCdOrDvdBoot));
        QVERIFY(!s.setAdminAclEntry("admin", "Chang3d-pw!"));
        QVERIFY(sim.control({{"cmd", "set-clock"}, {"uuid", sim.device(1).uuid}, {"offset", 600}})
                        .value("ok")
                        .toBool());
        QCOMPARE(sim.state(1).value("operations").toObject().value("PowerDown").toObject().value("count").toInt(), 1);
        sim.stop();
    }
    SimProcess again;
    QVERIFY(again.start(args).isEmpty());
    const QJsonObject state = again.state(1);
    QCOMPARE(state.value("hostName").toString(), QStringLiteral("kept-over-restart"));
    QCOMPARE(state.value("powerState").toInt(), 5);
    QCOMPARE(state.value("nextBoot").toString(), QStringLiteral("cd-dvd"));
    QCOMPARE(state.value("boots").toInt(), 1);
    QCOMPARE(state.value("lastBoot").toString(), QStringLiteral("normal"));
    QCOMPARE(state.value("clockOffsetMs").toInteger(), 600000);
    QCOMPARE(state.value("adminPasswordChanges").toInt(), 1);
    QVERIFY(state.value("operations").toObject().isEmpty()); // what reached it is the lab's, not kept
    AmtEndpoint e;
    e.host = again.device(1).address;
    e.password = "Chang3d-pw!";
    QCOMPARE(AmtSession(e).getHostName().value, QStringLiteral("kept-over-restart"));
}

void tst_AmtSim::keysFile()
{
    QTemporaryDir dir;
    QFile f(dir.filePath("keys.csv"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("PID,PPS,MEBx "
            "password\nK7QX-2MBO,R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI,Mebx-Pa55!\n");
    f.close();
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "2", "--keys", f.fileName()}).isEmpty());
    QJsonObject s = sim.state(0, true);
    QCOMPARE(s.value("pid").toString(), QStringLiteral("K7QX2MBO"));
    QCOMPARE(s.value("pps").toString(), QStringLiteral("R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"));
    QCOMPARE(s.value("mebxPassword").toString(), QStringLiteral("Mebx-Pa55!"));
    QVERIFY(sim.state(1).value("pid").toString() != QStringLiteral("K7QX2MBO")); // the second has its own

    QFile bad(dir.filePath("bad.csv"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("K7QX-2MBO,R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI\nK7QX-2MBA,R2DK-C3PI-O4Z5-9XYI-"
              "R2DK-C3PI-O4Z5-9XYI\n");
    bad.close();
    SimProcess failing;
    const QString e = failing.start({"--keys", bad.fileName()});
    QVERIFY2(e.contains("bad.csv line 2: PID 'K7QX-2MBA': the check character should be 'O'."), qPrintable(e));
}

void tst_AmtSim::factoryModeIsSilent()
{
    HelloCatcher catcher;
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "factory", "--provision-server", catcher.address(), "--time-scale",
                       "1000"})
                    .isEmpty());
    QTest::qWait(300);
    QVERIFY(catcher.from(sim.device(0).address).isEmpty());
    AmtEndpoint e;
    e.host = sim.device(0).address;
    QCOMPARE(AmtSession(e).getCoreVersion().error.category, AmtError::Category::ConnectionRefused);
    // Entering setup mode (what a PID/PPS typed into the MEBx does) starts the hellos.
    QVERIFY(sim.control({{"cmd", "set-mode"}, {"uuid", sim.device().uuid}, {"mode", "setup-psk"}})
                    .value("ok")
                    .toBool());
    QTRY_VERIFY(!catcher.from(sim.device(0).address).isEmpty());
}

void tst_AmtSim::usbKeyLikeABios()
{
    QTemporaryDir dir;
    SetupBin bin;
    for (const char *pid : {"K7QX2MBO", "AAAAAAAN"}) {
        SetupBinRecord r;
        r.currentMePassword = "admin";
        r.newMePassword = "Usb-Pass1!";
        r.pid = pid;
        r.pps = "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI";
        bin.records << r;
    }
    QFile f(dir.filePath("setup.bin"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bin.encode());
    f.close();
    SimProcess sim;
    // Three factory-fresh devices, two records: the first two take one each, the third has none.
    QVERIFY(sim.start({"--fleet", "3", "--mode", "factory", "--keys", f.fileName()}).isEmpty());
    QJsonObject first = sim.state(0, true), second = sim.state(1, true), third = sim.state(2, true);
    QCOMPARE(first.value("mode").toString(), QStringLiteral("setup-psk"));
    QCOMPARE(first.value("pid").toString(), QStringLiteral("K7QX2MBO"));
    QCOMPARE(first.value("pps").toString(), QStringLiteral("R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"));
    QCOMPARE(first.value("mebxPassword").toString(), QStringLiteral("Usb-Pass1!"));
    QCOMPARE(second.value("pid").toString(), QStringLiteral("AAAAAAAN"));
    QCOMPARE(third.value("mode").toString(), QStringLiteral("factory"));
    // The records are marked used in the file, as the BIOS does.
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString why;
    const auto after = SetupBin::decode(f.readAll(), &why);
    QVERIFY(after->records.at(0).consumed && after->records.at(1).consumed);
    QCOMPARE(after->consumedCount, 2u);
}

void tst_AmtSim::provisionServerFoundByDns_data()
{
    QTest::addColumn<QStringList>("records");
    QTest::addColumn<QString>("expectedName"); // empty: not found
    QTest::newRow("CNAME in the device's domain")
            << QStringList{"--cname=ProvisionServer.corp.example.test,scs.corp.example.test",
                           "--host-record=scs.corp.example.test,%1"}
            << "ProvisionServer.corp.example.test";
    QTest::newRow("only the bare name") << QStringList{"--host-record=ProvisionServer,%1"} << "ProvisionServer";
    QTest::newRow("no record") << QStringList{"--host-record=elsewhere.corp.example.test,%1"} << "";
}

void tst_AmtSim::provisionServerFoundByDns()
{
    QFETCH(QStringList, records);
    QFETCH(QString, expectedName);
    // The ProvisionServer on its own loopback address, port 9971, as a real one listens.
    const QString base = SimProcess::uniqueAddressBase();
    const QHostAddress server(base.section(u'.', 0, 2) + QStringLiteral(".250"));
    HelloCatcher catcher(server, 9971);
    QVERIFY2(catcher.isListening(), "cannot listen on port 9971");
    Oobm::Test::DnsmasqProcess dns;
    QStringList args;
    for (const QString &r : records)
        args << r.arg(server.toString());
    const QString started = dns.start(args);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "setup-psk", "--domain", "corp.example.test", "--dns-server",
                       dns.address(), "--time-scale", "100", "--address-base", base})
                    .isEmpty());
    if (expectedName.isEmpty()) {
        QTRY_VERIFY(sim.state().value("lastHelloError").toString().contains("NXDOMAIN"));
        const QString error = sim.state().value("lastHelloError").toString();
        QVERIFY2(error.contains("ProvisionServer.corp.example.test: NXDOMAIN")
                         && error.contains("ProvisionServer: NXDOMAIN"),
                 qPrintable(error));
        QTest::qWait(300);
        QVERIFY(catcher.from(sim.device().address).isEmpty());
        QVERIFY(sim.state().value("helloRetry").toInt() >= 2); // it keeps trying on schedule
        return;
    }
    QTRY_VERIFY2_WITH_TIMEOUT(!catcher.from(sim.device().address).isEmpty(),
                              qPrintable(QJsonDocument(sim.state()).toJson(QJsonDocument::Compact)), 20000);
    QCOMPARE(sim.state().value("provisionServerName").toString(), expectedName);
    QCOMPARE(HelloPacket::uuidText(catcher.from(sim.device().address).first().hello.uuid), sim.device().uuid);
}

void tst_AmtSim::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("mode") << QStringList{"--mode", "sleepy"} << "unknown --mode 'sleepy'";
    QTest::newRow("version") << QStringList{"--amt-version", "12.0"} << "--amt-version takes one of";
    QTest::newRow("setup on a WS-Management only version")
            << QStringList{"--amt-version", "11.0", "--mode", "setup-psk"} << "speaks WS-Management only";
    QTest::newRow("pki on 2.0") << QStringList{"--mode", "setup-pki", "--amt-version", "2.0"}
                                << "AMT 2.0 has no Remote Configuration";
    QTest::newRow("not loopback") << QStringList{"--address-base", "192.0.2.10"} << "must be an IPv4 loopback address";
    QTest::newRow("control not loopback") << QStringList{"--control", "192.0.2.1:9000"} << "loopback only";
}

void tst_AmtSim::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    SimProcess sim;
    const QString e = sim.start(args);
    QVERIFY2(e.contains(message), qPrintable(e));
}

void tst_AmtSim::powerButtonBoots()
{
    // The power button (set-power) starts a device that is off as a power up does: it boots, with
    // the next-boot setting if one was made.
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned"}).isEmpty());
    AmtEndpoint e;
    e.host = sim.device().address;
    e.password = "P@ssw0rd";
    QVERIFY(!AmtSession(e).remoteControl(RemoteCommand::SetBootOptions, SpecialCommand::IntelOemCommand,
                                         IntelOemBiosSetup));
    QCOMPARE(sim.state().value("nextBoot").toString(), QStringLiteral("bios-setup"));
    const QString uuid = sim.device().uuid;
    QVERIFY(sim.control({{"cmd", "set-power"}, {"uuid", uuid}, {"state", 0}}).value("ok").toBool()); // on: no boot
    QCOMPARE(sim.state().value("boots").toInt(), 0);
    QVERIFY(sim.control({{"cmd", "set-power"}, {"uuid", uuid}, {"state", 5}}).value("ok").toBool());
    QVERIFY(sim.control({{"cmd", "set-power"}, {"uuid", uuid}, {"state", 0}}).value("ok").toBool());
    const QJsonObject s = sim.state();
    QCOMPARE(s.value("boots").toInt(), 1);
    QCOMPARE(s.value("lastBoot").toString(), QStringLiteral("bios-setup"));
    QCOMPARE(s.value("nextBoot").toString(), QStringLiteral("none"));
    QVERIFY(s.value("lastBootMs").toInteger() > 0);
}

void tst_AmtSim::controlRefuses_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("error");
    QTest::newRow("status without an operation")
            << QJsonObject{{"cmd", "fault"}, {"kind", "status"}, {"status", "NOT_READY"}}
            << "a status fault needs \"operation\"";
    QTest::newRow("unknown status") << QJsonObject{{"cmd", "fault"},
                                                   {"kind", "status"},
                                                   {"operation", "PowerDown"},
                                                   {"status", "SLEEPY"}}
                                    << "(a PT_STATUS name or number)";
    QTest::newRow("refuse for an operation")
            << QJsonObject{{"cmd", "fault"}, {"kind", "refuse"}, {"operation", "GetCoreVersion"}}
            << "a refuse fault is the device's, not an operation's";
    QTest::newRow("times for the device") << QJsonObject{{"cmd", "fault"}, {"kind", "drop"}, {"times", 2}}
                                          << "\"times\" (1 or more) goes with an operation's fault";
    QTest::newRow("no times") << QJsonObject{{"cmd", "fault"},
                                             {"kind", "drop"},
                                             {"operation", "Unprovision"},
                                             {"times", 0}}
                              << "\"times\" (1 or more) goes with an operation's fault";
    QTest::newRow("clock without an offset") << QJsonObject{{"cmd", "set-clock"}} << "set-clock needs \"offset\"";
    QTest::newRow("hellos of a provisioned device")
            << QJsonObject{{"cmd", "restart-hellos"}} << "is not in setup mode (provisioned): it sends no hellos";
    QTest::newRow("unknown device in a list")
            << QJsonObject{{"cmd", "get"}, {"uuids", QJsonArray{"nope"}}} << "no device nope";
}

void tst_AmtSim::controlRefuses()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, error);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned"}).isEmpty());
    if (!request.contains("uuids"))
        request.insert("uuid", sim.device().uuid);
    const QJsonObject answer = sim.control(request);
    QCOMPARE(answer.value("ok").toBool(), false);
    QVERIFY2(answer.value("error").toString().contains(error), qPrintable(answer.value("error").toString()));
    QVERIFY(sim.state().value("faults").toObject().isEmpty()); // nothing was switched on
}

QTEST_GUILESS_MAIN(tst_AmtSim)
#include "tst_amtsim.moc"
