// SPDX-License-Identifier: GPL-2.0-or-later
// The provisioning doctor against the lab: an engine, amt-sim devices and a dnsmasq on loopback.
// Each simulated failure of the reference's Symptoms gets its verdict, evidence and fix.
#include "common/simprocess.h"
#include "common/testsupport.h"

#include "core/doctor/provisioningdoctor.h"
#include "core/engine/provisioningengine.h"
#include "core/keys/keyledger.h"
#include "core/keys/secretbox.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"

#include <QTcpServer>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;
using Oobm::Test::DnsmasqProcess;
using Oobm::Test::SimProcess;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

} // namespace

class tst_ProvisioningDoctor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void rules_data();
    void rules();
};

void tst_ProvisioningDoctor::verdicts_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("verdict"); // the verdict's id
    QTest::addColumn<QString>("words");   // in the verdict's line

    QTest::newRow("healthy") << "healthy"
                             << "provisioned"
                             << "Healthy";
    QTest::newRow("healthy, AMT 6.0 (WS-Management)") << "healthy-6.0"
                                                      << "provisioned"
                                                      << "Healthy";
    QTest::newRow("unknown PID") << "unknown-pid"
                                 << "unknown-pid"
                                 << "failed to find PID";
    QTest::newRow("pending authorization") << "authorization"
                                           << "awaiting-authorization"
                                           << "Authorize it on the Intel AMT Systems page";
    QTest::newRow("expired hello window") << "expired"
                                          << "hello-window-expired"
                                          << "Delayed Provisioning";
    QTest::newRow("hellos never arrive") << "elsewhere"
                                         << "no-hellos"
                                         << "sends its hellos elsewhere";
    QTest::newRow("no ProvisionServer record") << "no-dns"
                                               << "provisionserver:example.test"
                                               << "No record for ProvisionServer.example.test";
}

void tst_ProvisioningDoctor::verdicts()
{
    QFETCH(QString, scenario);
    QFETCH(QString, verdict);
    QFETCH(QString, words);

    BackendFixture backend(QStringLiteral("sqlite"));
    SqlStore store(backend.location());
    QCOMPARE(store.openAndWait().message, QString());
    QCOMPARE(store.setDataKey(SecretBox::generateKey(), QStringLiteral("test")).result().message, QString());
    UserLog log(&store, QStringLiteral("test"));
    log.setLevel(LogLevel::Debug);

    // Keys for the devices, exported to the setup.bin they read, and one spare for the next key.
    KeyGenerationRequest g;
    g.count = 2;
    g.newMePassword = QStringLiteral("N3w-Pass!");
    g.actor = {QStringLiteral("tester"), QStringLiteral("lab")};
    QVERIFY(store.generateKeys(g).result().ok());
    QTemporaryDir dir;
    KeyExportRequest x;
    x.pids = {store.listKeys({}).result().value.last().pid};
    x.format = KeyExportFormat::SetupBinV2;
    x.path = dir.filePath(QStringLiteral("setup.bin"));
    x.actor = g.actor;
    QVERIFY(store.exportKeys(x).result().ok());
    ProvisionProfile p;
    p.name = QStringLiteral("Standard");
    p.isDefault = true;
    p.adminPassword = QStringLiteral("Adm1n!Pass");
    QVERIFY(store.saveProfile(p).result().ok());

    // DNS: ProvisionServer.example.test → this server, except where the scenario breaks it.
    DnsmasqProcess dns;
    QStringList records{QStringLiteral("--host-record=scs.example.test,127.0.0.1")};
    if (scenario != u"no-dns")
        records << QStringLiteral("--cname=provisionserver.example.test,scs.example.test");
    QCOMPARE(dns.start(records), QString());
    const quint16 port = freePort();
    ServiceSettings settings = store.serviceSettings().result().value;
    settings.dnsServer = dns.address();
    settings.dnsSuffixes = {QStringLiteral("example.test")};
    settings.serverFqdn = QStringLiteral("scs.example.test");
    settings.listenPort = port;
    settings.requireAuthorization = scenario == u"authorization";
    QVERIFY(store.applyServiceSettings(settings, QStringLiteral("test")).result().ok());

    EngineOptions o;
    o.listenAddresses = {QHostAddress::LocalHost};
    o.engineId = QStringLiteral("doctor-test");
    o.heartbeatMs = 200;
    if (scenario == u"expired")
        o.helloSilenceMs = 2000; // two hours on the simulator's fast clock
    ProvisioningEngine engine(&store, &log, o);
    QSignalSpy finished(&engine, &ProvisioningEngine::provisioningFinished);
    QSignalSpy started(&engine, &ProvisioningEngine::started);
    engine.start();
    QVERIFY(started.wait(10000));

    SimProcess sim;
    QStringList args{"--fleet", "1", "--time-scale", scenario == u"expired" ? "100000" : "200"};
    if (scenario == u"unknown-pid")
        args << "--mode"
             << "setup-psk"; // the simulator's own keys: never seen here
    else
        args << "--mode"
             << "factory"
             << "--keys" << x.path;
    if (scenario == u"healthy-6.0")
        args << "--amt-version"
             << "6.0";
    if (scenario == u"elsewhere")
        args << "--provision-server" << QStringLiteral("127.0.0.1:%1").arg(freePort());
    else if (scenario == u"no-dns") // the device looks for ProvisionServer.example.test
        args << "--dns-server" << dns.address() << "--domain"
             << "example.test";
    else
        args << "--provision-server" << QStringLiteral("127.0.0.1:%1").arg(port);
    QCOMPARE(sim.start(args), QString());
    const QString uuid = sim.device().uuid;
    if (scenario == u"expired")
        QVERIFY(sim.control({{"cmd", "fault"}, {"kind", "wrong-pps"}, {"all", true}}).value("ok").toBool());

    const auto state = [&] {
        for (const AmtSystem &s : store.listSystems({}).result().value) {
            if (s.uuid == uuid)
                return s.state;
        }
        return SystemState::AwaitingHello;
    };
    if (scenario.startsWith(u"healthy"))
        QTRY_COMPARE_WITH_TIMEOUT(state(), SystemState::Provisioned, 30000);
    else if (scenario == u"unknown-pid")
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    else if (scenario == u"authorization")
        QTRY_COMPARE_WITH_TIMEOUT(state(), SystemState::AwaitingAuthorization, 30000);
    else if (scenario == u"expired")
        QTRY_COMPARE_WITH_TIMEOUT(state(), SystemState::HelloWindowExpired, 30000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(sim.state().value("helloRetry").toInt() >= 2, 20000);
    log.flush().waitForFinished();

    const DoctorReport report = ProvisioningDoctor::diagnose(ProvisioningDoctor::gather(&store, uuid));
    QVERIFY2(report.verdict.id == verdict, qPrintable(report.toText()));
    QVERIFY2(report.verdict.toText().contains(words), qPrintable(report.toText()));
    // The evidence is in the report too: the hellos line names what arrived.
    // The device itself answers, with the credentials OOBM stored, in its dialect.
    if (scenario == u"healthy")
        QVERIFY2(report.toText().contains("answers over SOAP: AMT 3.0.4, provisioning state Post (operational), in "
                                          "legacy SOAP"),
                 qPrintable(report.toText()));
    if (scenario == u"healthy-6.0") {
        QVERIFY2(report.toText().contains("answers over SOAP: AMT 6.0.4, provisioning state Post (operational), in "
                                          "WS-Management"),
                 qPrintable(report.toText()));
        QCOMPARE(sim.state()
                         .value("operations")
                         .toObject()
                         .value("AMT_SetupAndConfigurationService.Get")
                         .toObject()
                         .value("count")
                         .toInt(),
                 1);
    }
    const bool arrived = scenario != u"elsewhere" && scenario != u"no-dns";
    QCOMPARE(report.checks.first().verdict == CheckVerdict::Pass, arrived);
}

void tst_ProvisioningDoctor::rules_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("pidKnown");
    QTest::addColumn<bool>("engineUp");
    QTest::addColumn<QString>("verdict");

    QTest::newRow("missing, engine down") << -1 << false << false << "engine";
    QTest::newRow("missing, engine up") << -1 << false << true << "no-hellos";
    QTest::newRow("failed with an unknown PID") << int(SystemState::Failed) << false << true << "unknown-pid";
    QTest::newRow("failed otherwise") << int(SystemState::Failed) << true << true << "failed";
    QTest::newRow("provisioned, engine down now") << int(SystemState::Provisioned) << true << false << "provisioned";
    QTest::newRow("provisioned") << int(SystemState::Provisioned) << true << true << "provisioned";
    // Remote Configuration (PKI hellos): -2 a matching root for another domain, -3 no match.
    QTest::newRow("PKI, suffix mismatch") << -2 << true << true << "suffix-mismatch";
    QTest::newRow("PKI, no matching root") << -3 << true << true << "no-matching-root";
    // Provisioned by Remote Configuration, which has been turned off since: still healthy.
    QTest::newRow("provisioned by PKI, Remote Configuration off now") << -4 << true << true << "provisioned";
    QTest::newRow("the database cannot be read") << -5 << true << true << "store";
    QTest::newRow("provisioned here, silent there") << -6 << true << true << "device";
}

// The rules alone, on made-up evidence: which check becomes the verdict.
void tst_ProvisioningDoctor::rules()
{
    QFETCH(int, state);
    QFETCH(bool, pidKnown);
    QFETCH(bool, engineUp);
    QFETCH(QString, verdict);
    DoctorEvidence e;
    e.subject = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    e.now = QDateTime::currentDateTimeUtc();
    if (engineUp)
        e.engines = {{"e1", "host", "0.0.0.0:9971", e.now.addSecs(-60), e.now, {}, 0}};
    if (state == -5) {
        e.storeError = QStringLiteral("connection refused");
    } else if (state == -6) {
        e.found = true;
        e.system.uuid = e.subject;
        e.system.state = SystemState::Provisioned;
        HelloRecord h;
        h.version = 2;
        h.time = e.now;
        e.hellos = {h};
        e.pidKnown = true;
        e.deviceProbed = true;
        e.deviceError = QStringLiteral("Connection refused");
    } else if (state <= -2) {
        e.settings.allowRemoteConfiguration = state != -4;
        e.found = true;
        e.system.uuid = e.subject;
        e.system.state = state == -4 ? SystemState::Provisioned : SystemState::Failed;
        e.system.fqdn = QStringLiteral("pc1.branch.example.test");
        HelloRecord h;
        h.version = 3;
        h.rootHashes = {QStringLiteral("sha1:%1").arg(QString(40, u'A'))};
        h.time = e.now;
        e.hellos = {h};
        ProvisioningCertificate c;
        c.commonName = QStringLiteral("scs.other.test");
        c.rootSha1 = state == -2 ? QString(40, u'A') : QString(40, u'B');
        e.certificates = {c};
    } else if (state >= 0) {
        e.found = true;
        e.system.uuid = e.subject;
        e.system.state = SystemState(state);
        e.system.helloCount = 3;
        HelloRecord h;
        h.version = 2;
        h.pid = "ABCD1234";
        h.time = e.now;
        e.hellos = {h};
        e.pidKnown = pidKnown;
    }
    const DoctorReport r = ProvisioningDoctor::diagnose(e);
    QVERIFY2(r.verdict.id == verdict, qPrintable(r.toText()));
}

QTEST_GUILESS_MAIN(tst_ProvisioningDoctor)
#include "tst_provisioningdoctor.moc"
