// SPDX-License-Identifier: GPL-2.0-or-later
// The provisioning engine end to end: amt-sim devices send real hellos to the engine on
// loopback, which connects back over real TLS-PSK with real Digest and provisions them.
#include "common/labcertificate.h"
#include "common/simprocess.h"
#include "common/testsupport.h"

#include "core/amt/amtsession.h"
#include "core/dns/dnsmessage.h"
#include "core/engine/maintenancerunner.h"
#include "core/engine/provisioningengine.h"
#include "core/engine/systemactions.h"
#include "core/keys/pidpps.h"
#include "core/keys/secretbox.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"

#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>


using namespace Oobm::Core;
using Oobm::Test::BackendFixture;
using Oobm::Test::issueLabCertificate;
using Oobm::Test::LabCertificate;
using Oobm::Test::LabCertificateSpec;
using Oobm::Test::SimProcess;

namespace {

// A system's steps, newest first (at most 100), with some results only.
ActionFilter stepsOf(const QString &uuid, const QList<ActionRecord::Result> &results = {})
{
    ActionFilter f;
    f.uuid = uuid;
    f.results = results;
    f.limit = 100;
    return f;
}

const QString AdminPassword = QStringLiteral("Adm1n!Pass");
const QString OperatorPassword = QStringLiteral("Op3rator!x");
const QString NewMePassword = QStringLiteral("N3w-Pass!");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

// A store with keys and a default profile, an engine on a free loopback port, and the setup.bin
// the simulated devices take their keys from.
class EngineLab
{
public:
    explicit EngineLab(const QString &backend = QStringLiteral("sqlite"))
        : m_backend(backend)
    { }
    ~EngineLab()
    {
        // A failed test shows what the engine logged and decided.
        if (QTest::currentTestFailed() && store) {
            for (const LogEntry &e : logEntries())
                qInfo().noquote() << "log:" << severityKey(e.severity) << e.message << e.details;
            for (const AmtSystem &s : systems())
                qInfo().noquote() << "system:" << s.uuid << systemStateKey(s.state) << s.reason;
        }
        engine.reset();
    }

    // keys: exported to setup.bin for the devices; spare: left Available as next keys.
    QString prepare(int keys, int spare, bool requireAuthorization = false)
    {
        if (!m_backend.isValid())
            return QStringLiteral("no store");
        store = std::make_unique<SqlStore>(m_backend.location());
        if (StoreError e = store->openAndWait())
            return e.message;
        dataKey = SecretBox::generateKey();
        if (StoreError e = store->setDataKey(dataKey, QStringLiteral("test")).result())
            return e.message;
        log = std::make_unique<UserLog>(store.get(), QStringLiteral("test"));
        log->setLevel(LogLevel::Debug);
        KeyGenerationRequest g;
        g.count = keys + spare;
        g.newMePassword = NewMePassword;
        g.actor = {QStringLiteral("tester"), QStringLiteral("lab")};
        if (g.count > 0) {
            const auto generated = store->generateKeys(g).result();
            if (!generated.ok())
                return generated.error.message;
        }
        const auto all = store->listKeys({}).result().value;
        QList<QByteArray> forDevices;
        for (int i = 0; i < keys; ++i)
            forDevices << all.at(all.size() - 1 - i).pid; // the oldest: listing is newest first
        KeyExportRequest x;
        x.pids = forDevices;
        x.format = KeyExportFormat::SetupBinV2;
        x.path = m_dir.filePath(QStringLiteral("setup.bin"));
        x.actor = g.actor;
        if (keys > 0) {
            const auto exported = store->exportKeys(x).result();
            if (!exported.ok())
                return exported.error.message;
        }
        setupBin = x.path;
        ProvisionProfile p;
        p.name = QStringLiteral("Standard");
        p.isDefault = true;
        p.adminPassword = AdminPassword;
        p.aclUsers = {{QStringLiteral("operator"), OperatorPassword, {5, 13}}};
        p.domainName = QStringLiteral("example.test");
        p.hostNamePattern = QStringLiteral("amt-{uuid8}");
        p.interfaces = {QStringLiteral("WebUI"), QStringLiteral("SOL")};
        const auto saved = store->saveProfile(p).result();
        if (!saved.ok())
            return saved.error.message;
        if (requireAuthorization) {
            ServiceSettings s = store->serviceSettings().result().value;
            s.requireAuthorization = true;
            store->applyServiceSettings(s, QStringLiteral("test")).waitForFinished();
        }
        port = freePort();
        return {};
    }

    // The prepared database through another connection (another PostgreSQL user), with a new
    // log; before startEngine().
    QString reopenAs(const StoreLocation &location)
    {
        log.reset();
        store = std::make_unique<SqlStore>(location);
        if (StoreError e = store->openAndWait())
            return e.message;
        if (StoreError e = store->setDataKey(dataKey, QStringLiteral("test")).result())
            return e.message;
        log = std::make_unique<UserLog>(store.get(), QStringLiteral("test"));
        log->setLevel(LogLevel::Debug);
        return {};
    }
    StoreLocation location() const { return m_backend.location(); }
    bool exec(const QString &sql) { return m_backend.exec(sql); }

    void startEngine(EngineOptions options = {})
    {
        options.listenAddresses = {QHostAddress::LocalHost};
        options.listenPort = port;
        if (options.engineId.isEmpty())
            options.engineId = QStringLiteral("test-engine");
        engine = std::make_unique<ProvisioningEngine>(store.get(), log.get(), options);
        finished = std::make_unique<QSignalSpy>(engine.get(), &ProvisioningEngine::provisioningFinished);
        QSignalSpy started(engine.get(), &ProvisioningEngine::started);
        engine->start();
        QVERIFY(started.wait(10000));
        QCOMPARE(started.first().first().toString(), QString());
    }

    QStringList simArguments(int fleet, const QString &mode = QStringLiteral("factory")) const
    {
        return {QStringLiteral("--fleet"),
                QString::number(fleet),
                QStringLiteral("--mode"),
                mode,
                QStringLiteral("--keys"),
                setupBin,
                QStringLiteral("--provision-server"),
                QStringLiteral("127.0.0.1:%1").arg(port),
                QStringLiteral("--time-scale"),
                QStringLiteral("200")};
    }

    QList<AmtSystem> systems() const { return store->listSystems({}).result().value; }
    AmtSystem system(const QString &uuid) const
    {
        for (const AmtSystem &s : systems()) {
            if (s.uuid == uuid)
                return s;
        }
        return {};
    }
    QList<LogEntry> logEntries()
    {
        log->flush().waitForFinished();
        LogQuery q;
        q.limit = 10000;
        return store->queryLog(q).result().value;
    }
    QList<KeyRecord> keys(KeyState state) const { return store->listKeys({{state}, {}, -1}).result().value; }

    std::unique_ptr<SqlStore> store;
    std::unique_ptr<UserLog> log;
    std::unique_ptr<ProvisioningEngine> engine;
    std::unique_ptr<QSignalSpy> finished;
    QByteArray dataKey;
    QString setupBin;
    quint16 port = 0;

private:
    BackendFixture m_backend;
    QTemporaryDir m_dir;
};

// A provisioning certificate as a CA issues it for the SCS: root -> leaf with the Intel usage.
LabCertificate makeChain(const char *commonName, long leafValidFrom = 0, long leafValidTo = 3600)
{
    LabCertificateSpec spec;
    spec.commonName = commonName;
    spec.extendedKeyUsage = "serverAuth,2.16.840.1.113741.1.2.3";
    spec.validFrom = leafValidFrom;
    spec.validTo = leafValidTo;
    return issueLabCertificate(spec);
}

// The default profile EngineLab::prepare() saved, as the console edits it (passwords again).
ProvisionProfile standardProfile(Store *store)
{
    ProvisionProfile p;
    const auto profiles = store->listProfiles().result();
    for (const ProvisionProfile &listed : profiles.value) {
        if (listed.name == u"Standard")
            p = listed;
    }
    p.adminPassword = AdminPassword;
    p.aclUsers = {{QStringLiteral("operator"), OperatorPassword, {5, 13}}};
    return p;
}

// Whether the device at address accepts password for the admin account (Digest over HTTP).
bool deviceAccepts(const QString &address, const QString &password)
{
    Amt::AmtEndpoint e;
    e.host = address;
    e.port = 16992;
    e.password = password;
    Amt::AmtSession session(e);
    return session.getSystemPowerState().ok();
}

// The runs of an operation, and how many of them completed with every system succeeded.
QList<TaskRun> runsOf(Store *store, Operation operation)
{
    QList<TaskRun> list;
    for (const TaskRun &r : store->listRuns({}).result().value) {
        if (r.operation == operation)
            list << r;
    }
    return list;
}

// The runs of an operation that completed with every one of systems succeeded.
int completedRuns(Store *store, Operation operation, int systems)
{
    int n = 0;
    for (const TaskRun &r : runsOf(store, operation))
        n += r.state == RunState::Completed && r.succeeded == systems ? 1 : 0;
    return n;
}

bool logContains(const QList<LogEntry> &entries, Severity severity, const QString &text, const QString &uuid = {})
{
    for (const LogEntry &e : entries) {
        if (e.severity == severity && e.message.contains(text) && (uuid.isEmpty() || e.deviceUuid == uuid))
            return true;
    }
    return false;
}

} // namespace

class tst_ProvisioningEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void provisionsOneDeviceByPsk_data();
    void provisionsOneDeviceByPsk();
    void provisionsFiftyInParallel();
    void provisionsWhileTheLogCannotBeWritten();
    void traceLoggingRecordsSoapSummaries();
    void unknownPidIsNamed();
    void wrongPpsIsNamedAndConsumesNothing();
    void authorizationGateHoldsTheDevice();
    void reverseLookupNamesTheSystem_data();
    void reverseLookupNamesTheSystem();
    void faultsEndAsFailedWithTheirReason_data();
    void faultsEndAsFailedWithTheirReason();
    void malformedHellosAreDroppedAndLogged_data();
    void malformedHellosAreDroppedAndLogged();
    void listenerFollowsPortInUse();
    void powerAndUnprovisionWithStoredCredentials();
    void profileAssignmentsChooseTheProfile();
    void delayedProvisionRestartsTheHellos();
    void provisioningCertificateFromPkcs12_data();
    void provisioningCertificateFromPkcs12();
    void remoteConfiguration_data();
    void remoteConfiguration();
    void tlsProfileProvisionsAndPowersOverTls_data();
    void tlsProfileProvisionsAndPowersOverTls();
    void auxiliaryProfileAddsUsersAndCertificate_data();
    void auxiliaryProfileAddsUsersAndCertificate();
    void randomAdminPasswordPerDevice_data() { Oobm::Test::addBackendRows(); }
    void randomAdminPasswordPerDevice();
    void maintenanceSyncsClocksAndRotatesPasswords_data() { Oobm::Test::addBackendRows(); }
    void maintenanceSyncsClocksAndRotatesPasswords();
};

void tst_ProvisioningEngine::provisionsOneDeviceByPsk_data()
{
    Oobm::Test::addBackendRows();
}

void tst_ProvisioningEngine::provisionsOneDeviceByPsk()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    EngineLab lab(backend);
    QCOMPARE(lab.prepare(1, 2), QString());
    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QCOMPARE(lab.finished->first().at(0).toString(), uuid);
    QCOMPARE(lab.finished->first().at(2).toString(), QString());
    QVERIFY(lab.finished->first().at(1).toBool());

    const AmtSystem s = lab.system(uuid);
    QCOMPARE(s.state, SystemState::Provisioned);
    QCOMPARE(s.address, sim.device().address);
    QCOMPARE(s.amtVersion.left(3), QStringLiteral("3.0"));
    QCOMPARE(s.profileName, QStringLiteral("Standard"));
    QCOMPARE(s.fqdn, QStringLiteral("amt-%1.example.test").arg(uuid.left(8).toLower()));
    QVERIFY(!s.newPid.isEmpty());
    QVERIFY(s.newPid != s.pid);

    // The device took the profile: admin account, user, names, interfaces, the next key.
    const QJsonObject device = sim.state(0, true);
    QCOMPARE(device.value("mode").toString(), QStringLiteral("provisioned"));
    QCOMPARE(device.value("hostName").toString(), QStringLiteral("amt-%1").arg(uuid.left(8).toLower()));
    QCOMPARE(device.value("domainName").toString(), QStringLiteral("example.test"));
    QCOMPARE(device.value("pid").toString(), QString::fromLatin1(s.newPid));
    QCOMPARE(device.value("enabledInterfaces").toArray().toVariantList(),
             QVariantList({QStringLiteral("WebUI"), QStringLiteral("SOL")}));
    const QJsonArray users = device.value("aclUsers").toArray();
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.at(0).toObject().value("username").toString(), QStringLiteral("operator"));
    QCOMPARE(users.at(0).toObject().value("password").toString(), OperatorPassword);

    // Both keys are Consumed by this device; the spare one is still Available.
    const QList<KeyRecord> consumed = lab.keys(KeyState::Consumed);
    QCOMPARE(consumed.size(), 2);
    for (const KeyRecord &k : consumed)
        QCOMPARE(k.consumedBy, uuid);
    QCOMPARE(lab.keys(KeyState::Available).size(), 1);

    // Every step is an Actions Status row, and the admin password is kept, sealed.
    const auto actions = lab.store->listActions(stepsOf(uuid)).result().value;
    QStringList steps;
    for (const ActionRecord &a : actions) {
        steps.prepend(a.step);
        QCOMPARE(a.result, ActionRecord::Result::Succeeded);
        QCOMPARE(a.status, QStringLiteral("SUCCESS"));
    }
    QCOMPARE(steps,
             QStringList({"GetCoreVersion", "GetProvisioningState", "GetHostName", "GetDomainName", "SetHostName",
                          "SetDomainName", "SetHighAccuracyTimeSynch", "SetAdminAclEntry", "AddUserAclEntry",
                          "SetTlsEnabled", "SetTLSPSK", "SetEnabledInterfaces", "CommitChanges"}));
    const auto credentials = lab.store->systemCredentials(uuid).result();
    QVERIFY2(credentials.ok(), qPrintable(credentials.error.message));
    QCOMPARE(credentials.value.adminPassword, AdminPassword);
    const auto entries = lab.logEntries();
    QVERIFY(logContains(entries, Severity::Information, QStringLiteral("Provisioned %1").arg(uuid), uuid));
    for (const LogEntry &e : entries) {
        QVERIFY2(!e.message.contains(AdminPassword) && !e.details.contains(AdminPassword), qPrintable(e.message));
        QVERIFY(!e.message.contains(NewMePassword) && !e.details.contains(NewMePassword));
    }
    const auto hellos = lab.store->listHellos(uuid, 0, 100).result().value;
    QVERIFY(!hellos.isEmpty());
    QCOMPARE(hellos.last().version, 2);
    QCOMPARE(hellos.last().address, sim.device().address);
    QVERIFY(hellos.last().outcome.startsWith(QStringLiteral("provisioning")));
}

void tst_ProvisioningEngine::provisionsFiftyInParallel()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(50, 50), QString());
    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(50)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(lab.finished->size(), 50, 60000);
    QSet<QByteArray> installed;
    for (const AmtSystem &s : lab.systems()) {
        QCOMPARE(s.state, SystemState::Provisioned);
        QVERIFY(!installed.contains(s.newPid));
        installed.insert(s.newPid);
    }
    QCOMPARE(installed.size(), 50);
    // 100 keys, each Consumed by exactly one device: 50 offered in hellos, 50 installed.
    const QList<KeyRecord> consumed = lab.keys(KeyState::Consumed);
    QCOMPARE(consumed.size(), 100);
    QHash<QString, int> perDevice;
    for (const KeyRecord &k : consumed)
        ++perDevice[k.consumedBy];
    QCOMPARE(perDevice.size(), 50);
    for (int n : std::as_const(perDevice))
        QCOMPARE(n, 2);
    for (int i = 0; i < 50; i += 7)
        QCOMPARE(sim.state(i).value("mode").toString(), QStringLiteral("provisioned"));
}

void tst_ProvisioningEngine::provisionsWhileTheLogCannotBeWritten()
{
    // PostgreSQL only: a user that may do everything but add log entries is a real failure of
    // the log alone (SQLite cannot refuse one table to one connection).
    OOBM_REQUIRE_POSTGRESQL();
    EngineLab lab(QStringLiteral("postgresql"));
    QCOMPARE(lab.prepare(1, 2), QString());
    const QString role = QStringLiteral("oobm_nolog_%1").arg(QCoreApplication::applicationPid());
    const QString password = QString::fromLatin1(SecretBox::generateKey().toHex());
    QVERIFY(lab.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password)));
    // Roles outlive the test database: dropped again however the test ends.
    const auto dropRole = qScopeGuard([&] {
        lab.engine.reset();
        lab.log.reset();
        lab.store.reset();
        lab.exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        lab.exec(QStringLiteral("DROP ROLE %1").arg(role));
    });
    QVERIFY(lab.exec(
            QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
    QVERIFY(lab.exec(QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %1").arg(role)));
    QVERIFY(lab.exec(QStringLiteral("REVOKE INSERT ON log FROM %1").arg(role)));
    const StoreLocation owner = lab.location();
    QString error;
    const StoreLocation asRole = StoreLocation::parse(QStringLiteral("postgresql://%1:%2@%3:%4/%5")
                                                              .arg(role, password, owner.host())
                                                              .arg(owner.port())
                                                              .arg(owner.database()),
                                                      &error);
    QVERIFY2(asRole.isValid(), qPrintable(error));
    QCOMPARE(lab.reopenAs(asRole), QString());
    QSignalSpy failed(lab.log.get(), &UserLog::writeFailed);

    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QCOMPARE(lab.finished->first().at(0).toString(), uuid);
    QVERIFY2(lab.finished->first().at(1).toBool(), qPrintable(lab.finished->first().at(2).toString()));
    QCOMPARE(lab.system(uuid).state, SystemState::Provisioned);
    QCOMPARE(sim.state(0).value("mode").toString(), QStringLiteral("provisioned"));
    QCOMPARE(lab.keys(KeyState::Consumed).size(), 2);

    // Its log entries could not be written: said once, with the cause and what to do, and
    // counted; none reached the table.
    lab.log->information(QStringLiteral("one more"));
    QCOMPARE(lab.log->flush().result().kind, StoreError::Kind::PermissionDenied);
    QTRY_VERIFY2(lab.log->droppedCount() >= 3, qPrintable(QString::number(lab.log->droppedCount())));
    QTRY_COMPARE(lab.log->pendingCount(), 0);
    QCOMPARE(failed.size(), 1);
    const StoreError e = failed.first().first().value<StoreError>();
    QCOMPARE(e.kind, StoreError::Kind::PermissionDenied);
    QVERIFY2(e.message.contains(QStringLiteral("does not let the user '%1'").arg(role)), qPrintable(e.message));
    QVERIFY2(e.message.contains(QStringLiteral("do this: permission denied for table log. Grant it")),
             qPrintable(e.message));
    QVERIFY2(e.message.contains(QStringLiteral("These log entries were dropped.")), qPrintable(e.message));
    QVERIFY(!e.message.contains(password));
    SqlStore asOwner(owner);
    QVERIFY(!asOwner.openAndWait());
    QCOMPARE(asOwner.countLog({}).result().value.total(), lab.store->countLog({}).result().value.total());
    const auto entries = asOwner.queryLog({}).result().value;
    QVERIFY(!logContains(entries, Severity::Information, QStringLiteral("Provisioned %1").arg(uuid), uuid));
}

void tst_ProvisioningEngine::traceLoggingRecordsSoapSummaries()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(1, 1), QString());
    ServiceSettings s = lab.store->serviceSettings().result().value;
    s.traceLogging = true;
    s.logLevel = LogLevel::Errors; // the trace does not depend on the log level
    QVERIFY(lab.store->applyServiceSettings(s, QStringLiteral("test")).result().ok());
    QTRY_VERIFY(lab.log->isTracing());
    QTRY_COMPARE(lab.log->level(), LogLevel::Errors);
    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QVERIFY(lab.finished->first().at(1).toBool());

    QStringList trace;
    for (const LogEntry &e : lab.logEntries()) {
        QVERIFY2(!e.message.contains(AdminPassword) && !e.details.contains(AdminPassword), qPrintable(e.message));
        QVERIFY(!e.message.contains(NewMePassword) && !e.details.contains(NewMePassword));
        if (e.source != u"trace")
            continue;
        QCOMPARE(e.severity, Severity::Debug);
        QCOMPARE(e.deviceUuid, uuid);
        trace.prepend(e.message);
    }
    const QString peer = QStringLiteral("%1:16993").arg(sim.device().address);
    QVERIFY2(trace.value(0).startsWith(QStringLiteral("Hello intake from %1: provision in ").arg(sim.device().address)),
             qPrintable(trace.join(u'\n')));
    QVERIFY2(trace.contains(QRegularExpression(QStringLiteral("^SOAP GetCoreVersion to %1: OK in \\d+ ms$")
                                                       .arg(QRegularExpression::escape(peer)))),
             qPrintable(trace.join(u'\n')));
    QVERIFY(trace.contains(QRegularExpression(QStringLiteral("^SOAP CommitChanges to .*: OK in \\d+ ms$"))));
    QCOMPARE(trace.size(), 1 + 13); // the hello, then one line per SOAP request
}

void tst_ProvisioningEngine::unknownPidIsNamed()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(0, 3), QString());
    lab.startEngine();
    SimProcess sim; // setup mode with the simulator's own keys: this database has never seen them
    QCOMPARE(sim.start({"--fleet", "1", "--mode", "setup-psk", "--provision-server",
                        QStringLiteral("127.0.0.1:%1").arg(lab.port), "--time-scale", "200"}),
             QString());
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QVERIFY(!lab.finished->first().at(1).toBool());
    const AmtSystem s = lab.system(uuid);
    QCOMPARE(s.state, SystemState::Failed);
    const QString pid = PidPps::formatPid(s.pid);
    QVERIFY2(s.reason.startsWith(QStringLiteral("failed to find PID %1").arg(pid)), qPrintable(s.reason));
    QVERIFY(logContains(lab.logEntries(), Severity::Error, QStringLiteral("failed to find PID %1").arg(pid), uuid));
    QCOMPARE(lab.keys(KeyState::Consumed).size(), 0);
    QCOMPARE(sim.state().value("mode").toString(), QStringLiteral("setup-psk"));
}

void tst_ProvisioningEngine::wrongPpsIsNamedAndConsumesNothing()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(1, 3), QString());
    SimProcess sim; // hellos go nowhere until the engine starts
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    QVERIFY(sim.control({{"cmd", "fault"}, {"kind", "wrong-pps"}, {"all", true}}).value("ok").toBool());
    lab.startEngine();
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    // The device keeps saying hello and each hello is another attempt: check the first outcome.
    QVERIFY(!lab.finished->first().at(1).toBool());
    const QString reason = lab.finished->first().at(2).toString();
    QVERIFY2(reason.contains(QStringLiteral("the PPS does not match")), qPrintable(reason));
    const AmtSystem s = lab.system(uuid);
    QVERIFY2(s.state == SystemState::Failed || s.state == SystemState::Provisioning,
             qPrintable(systemStateKey(s.state)));
    QCOMPARE(lab.keys(KeyState::Consumed).size(), 0);
    // Each attempt is one handshake with the device's own key; no other key is ever tried.
    const auto actions = lab.store->listActions(stepsOf(uuid)).result().value;
    QVERIFY(!actions.isEmpty());
    for (const ActionRecord &a : actions) {
        QCOMPARE(a.step, QStringLiteral("GetCoreVersion"));
        QCOMPARE(a.status, QStringLiteral("tls-handshake"));
        QVERIFY2(a.message.contains(PidPps::formatPid(s.pid)), qPrintable(a.message));
    }
}

void tst_ProvisioningEngine::authorizationGateHoldsTheDevice()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(1, 1, true), QString());
    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    const QString uuid = sim.device().uuid;
    QTRY_COMPARE_WITH_TIMEOUT(lab.system(uuid).state, SystemState::AwaitingAuthorization, 20000);
    // It keeps sending hellos and keeps waiting.
    QTRY_VERIFY_WITH_TIMEOUT(lab.system(uuid).helloCount >= 3, 20000);
    QCOMPARE(lab.system(uuid).state, SystemState::AwaitingAuthorization);
    QCOMPARE(lab.finished->size(), 0);
    QCOMPARE(sim.state().value("mode").toString(), QStringLiteral("setup-psk"));

    QCOMPARE(lab.store->authorizeSystems({uuid}).result().value, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QCOMPARE(lab.system(uuid).state, SystemState::Provisioned);
}

void tst_ProvisioningEngine::reverseLookupNamesTheSystem_data()
{
    QTest::addColumn<bool>("reverseLookups");
    QTest::newRow("on") << true;
    QTest::newRow("off") << false;
}

// The system's FQDN comes from a PTR lookup of its hello's source, asked of the DNS server in
// the settings (a dnsmasq on loopback), before the assignments are matched: an FQDN pattern
// chooses the profile on the very first hello.
void tst_ProvisioningEngine::reverseLookupNamesTheSystem()
{
    QFETCH(bool, reverseLookups);
    EngineLab lab;
    QCOMPARE(lab.prepare(1, 1, true), QString());
    ProvisionProfile labProfile;
    labProfile.name = "Lab";
    labProfile.adminPassword = "L4b-Admin!";
    const auto saved = lab.store->saveProfile(labProfile).result();
    QVERIFY(saved.ok());
    QVERIFY(lab.store->addAssignment({0, ProfileAssignment::Kind::FqdnPattern, "*.lab.example.test", saved.value, {}})
                    .result()
                    .ok());
    SimProcess sim; // hellos wait until the engine starts
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    Oobm::Test::DnsmasqProcess dns;
    const QString reverse = DnsMessage::reverseName(QHostAddress(sim.device().address));
    QCOMPARE(dns.start({QStringLiteral("--ptr-record=%1,pc-17.lab.example.test").arg(reverse)}), QString());
    ServiceSettings settings = lab.store->serviceSettings().result().value;
    settings.dnsServer = dns.address();
    settings.reverseLookups = reverseLookups;
    QVERIFY(lab.store->applyServiceSettings(settings, "test").result().ok());
    lab.startEngine();
    const QString uuid = sim.device().uuid;
    QTRY_COMPARE_WITH_TIMEOUT(lab.system(uuid).state, SystemState::AwaitingAuthorization, 20000);
    QCOMPARE(lab.system(uuid).fqdn, reverseLookups ? QStringLiteral("pc-17.lab.example.test") : QString());
    QCOMPARE(lab.store->authorizeSystems({uuid}).result().value, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    const AmtSystem s = lab.system(uuid);
    QCOMPARE(s.profileName, reverseLookups ? QStringLiteral("Lab") : QStringLiteral("Standard"));
    if (reverseLookups)
        QVERIFY2(s.assignment.contains("*.lab.example.test"), qPrintable(s.assignment));
}

void tst_ProvisioningEngine::faultsEndAsFailedWithTheirReason_data()
{
    QTest::addColumn<QJsonObject>("fault");
    QTest::addColumn<QString>("reason");
    QTest::newRow("status at a step") << QJsonObject{{"cmd", "fault"},
                                                     {"kind", "status"},
                                                     {"operation", "SetAdminAclEntry"},
                                                     {"status", "INVALID_PASSWORD"}}
                                      << QStringLiteral("SetAdminAclEntry failed:");
    QTest::newRow("dropped") << QJsonObject{{"cmd", "fault"}, {"kind", "drop"}}
                             << QStringLiteral("GetCoreVersion failed:");
    QTest::newRow("hang") << QJsonObject{{"cmd", "fault"}, {"kind", "hang"}} << QStringLiteral("after 2 tries");
}

void tst_ProvisioningEngine::faultsEndAsFailedWithTheirReason()
{
    QFETCH(QJsonObject, fault);
    QFETCH(QString, reason);
    EngineLab lab;
    QCOMPARE(lab.prepare(4, 4), QString());
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(4)), QString());
    fault.insert("uuid", sim.device(0).uuid);
    QVERIFY(sim.control(fault).value("ok").toBool());
    EngineOptions o;
    o.attempts = 2;
    o.retryBackoffMs = 50;
    o.soapTimeoutMs = 1500;
    lab.startEngine(o);
    QTRY_VERIFY_WITH_TIMEOUT(lab.finished->size() >= 4, 60000);
    // The faulty device keeps sending hellos (it is still in setup mode) and each one is another
    // attempt; the first one's outcome is what this test checks.
    const QString failedUuid = sim.device(0).uuid;
    QString failedReason;
    for (const QList<QVariant> &f : std::as_const(*lab.finished)) {
        if (f.at(0).toString() == failedUuid && failedReason.isEmpty()) {
            QVERIFY(!f.at(1).toBool());
            failedReason = f.at(2).toString();
        }
    }
    QVERIFY2(failedReason.contains(reason), qPrintable(failedReason));
    for (int i = 1; i < 4; ++i)
        QCOMPARE(lab.system(sim.device(i).uuid).state, SystemState::Provisioned);
    const auto failedSteps = lab.store->listActions(stepsOf(failedUuid, {ActionRecord::Result::Failed})).result().value;
    QVERIFY(!failedSteps.isEmpty());
    QVERIFY(!failedSteps.last().message.isEmpty());
    // The failed device's key is not consumed; the others' are.
    QCOMPARE(lab.keys(KeyState::Consumed).size(), 6);
    for (const KeyRecord &k : lab.keys(KeyState::Consumed))
        QVERIFY(k.consumedBy != failedUuid);
    QVERIFY(logContains(lab.logEntries(), Severity::Error, QStringLiteral("Provisioning %1 failed").arg(failedUuid)));
}

void tst_ProvisioningEngine::malformedHellosAreDroppedAndLogged_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("keepOpen");
    QTest::addColumn<QString>("reason");
    HelloPacket h;
    h.uuid = QUuid::createUuid();
    h.pid = "ABCDEFGH";
    const QByteArray good = h.encode();
    QByteArray wrongVersion = good;
    wrongVersion[2] = 7;
    QTest::newRow("truncated") << good.left(20) << false << QStringLiteral("20 bytes");
    QTest::newRow("oversized") << QByteArray(HelloPacket::MaxSize + 100, 'x') << true << QStringLiteral("oversized");
    QTest::newRow("garbage") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << false << QString();
    QTest::newRow("wrong version") << wrongVersion << false << QString();
    QTest::newRow("slow sender") << good.left(10) << true << QStringLiteral("did not close");
}

void tst_ProvisioningEngine::malformedHellosAreDroppedAndLogged()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, keepOpen);
    QFETCH(QString, reason);
    EngineLab lab;
    QCOMPARE(lab.prepare(1, 1), QString());
    EngineOptions o;
    o.helloTimeoutMs = 500;
    lab.startEngine(o);
    QTcpSocket bad;
    bad.connectToHost(QHostAddress::LocalHost, lab.port);
    QVERIFY(bad.waitForConnected(5000));
    bad.write(bytes);
    QVERIFY(bad.waitForBytesWritten(5000) || bytes.isEmpty());
    if (!keepOpen)
        bad.disconnectFromHost();
    // The dropped hello is recorded with why, and logged as a Warning with the sender.
    QTRY_VERIFY_WITH_TIMEOUT(!lab.store->listHellos({}, 0, 10).result().value.isEmpty(), 10000);
    const HelloRecord h = lab.store->listHellos({}, 0, 10).result().value.first();
    QVERIFY2(h.outcome.startsWith(QStringLiteral("dropped: ")), qPrintable(h.outcome));
    QVERIFY2(h.outcome.contains(reason), qPrintable(h.outcome));
    QCOMPARE(h.address, QStringLiteral("127.0.0.1"));
    QVERIFY(logContains(lab.logEntries(), Severity::Warning, QStringLiteral("Malformed hello from 127.0.0.1:")));
    // And the engine keeps serving: a real device provisions afterwards.
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QCOMPARE(lab.system(sim.device().uuid).state, SystemState::Provisioned);
}

void tst_ProvisioningEngine::listenerFollowsPortInUse()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(0, 0), QString());
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, lab.port));
    EngineOptions o;
    o.listenAddresses = {QHostAddress::LocalHost};
    o.listenPort = lab.port;
    ProvisioningEngine engine(lab.store.get(), lab.log.get(), o);
    QSignalSpy started(&engine, &ProvisioningEngine::started);
    engine.start();
    QVERIFY(started.wait(10000));
    const QString error = started.first().first().toString();
    QVERIFY2(error.contains(QStringLiteral("port %1 is in use").arg(lab.port)), qPrintable(error));
    // The heartbeat tells every console why.
    QTRY_VERIFY(!lab.store->engines().result().value.isEmpty());
    QCOMPARE(lab.store->engines().result().value.first().error, error);
}

void tst_ProvisioningEngine::powerAndUnprovisionWithStoredCredentials()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(1, 1), QString());
    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QCOMPARE(lab.system(uuid).state, SystemState::Provisioned);

    // The console's Power action, with the credentials the engine stored.
    SystemActions actions(lab.store.get(), lab.log.get());
    auto off = actions.run(SystemActions::Action::PowerOff,
                           {uuid, QStringLiteral("00000000-0000-0000-0000-000000000000")});
    QTRY_VERIFY_WITH_TIMEOUT(off.isFinished(), 20000);
    const auto results = off.result();
    QCOMPARE(results.size(), 2);
    QVERIFY2(results.at(0).ok, qPrintable(results.at(0).message));
    QVERIFY(!results.at(1).ok);
    QVERIFY2(results.at(1).message.contains(QStringLiteral("no Intel AMT system")), qPrintable(results.at(1).message));
    QCOMPARE(sim.state().value("powerState").toInt(), 5);

    // amttool, with the profile's admin password, powers it up again.
    if (QStandardPaths::findExecutable("amttool").isEmpty())
        QFAIL("amttool is not installed (Debian packages amtterm and libsoap-lite-perl; scripts/test installs them)");
    QProcess amttool;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("AMT_PASSWORD", AdminPassword);
    amttool.setProcessEnvironment(env);
    amttool.setProcessChannelMode(QProcess::MergedChannels);
    amttool.start("amttool", {sim.device().address, "powerup"});
    QVERIFY(amttool.waitForStarted());
    amttool.write("y\n");
    amttool.closeWriteChannel();
    QVERIFY(amttool.waitForFinished(60000));
    const QString out = QString::fromUtf8(amttool.readAll());
    QVERIFY2(out.contains("result: pt_status: success"), qPrintable(out));
    QCOMPARE(sim.state().value("powerState").toInt(), 0);

    // Partial unprovision: back to setup mode with its key; its next hello provisions it again.
    lab.finished->clear();
    auto unprovision = actions.run(SystemActions::Action::PartialUnprovision, {uuid});
    QTRY_VERIFY_WITH_TIMEOUT(unprovision.isFinished(), 20000);
    QVERIFY2(unprovision.result().first().ok, qPrintable(unprovision.result().first().message));
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000); // may have arrived already
    QVERIFY(lab.finished->first().at(1).toBool());
    QCOMPARE(lab.system(uuid).state, SystemState::Provisioned);
    QCOMPARE(sim.state().value("mode").toString(), QStringLiteral("provisioned"));
    QStringList steps;
    for (const ActionRecord &a : lab.store->listActions(stepsOf(uuid)).result().value)
        steps << a.step;
    QVERIFY(steps.contains(QStringLiteral("RemoteControl")));
    QVERIFY(steps.contains(QStringLiteral("Unprovision")));
}

void tst_ProvisioningEngine::profileAssignmentsChooseTheProfile()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(3, 3), QString());
    ProvisionProfile lab2;
    lab2.name = "Lab";
    lab2.adminPassword = "L4b-Admin!";
    const auto saved = lab.store->saveProfile(lab2).result();
    QVERIFY(saved.ok());
    SimProcess sim; // hellos wait until the engine starts
    QCOMPARE(sim.start(lab.simArguments(3)), QString());
    ProfileAssignment byIp{0, ProfileAssignment::Kind::IpRange, sim.device(1).address + "/32", saved.value, {}};
    ProfileAssignment byUuid{0, ProfileAssignment::Kind::Uuid, sim.device(2).uuid.toLower(), saved.value, {}};
    QVERIFY(lab.store->addAssignment(byIp).result().ok());
    QVERIFY(lab.store->addAssignment(byUuid).result().ok());
    // A rule that says what is wrong with it is refused.
    const auto bad =
            lab.store->addAssignment({0, ProfileAssignment::Kind::IpRange, "10.1.0.0/33", saved.value, {}}).result();
    QVERIFY2(bad.error.message.contains("is not an IPv4 range"), qPrintable(bad.error.message));
    QCOMPARE(lab.store->listAssignments().result().value.size(), 2);
    lab.startEngine();
    QTRY_COMPARE_WITH_TIMEOUT(lab.finished->size(), 3, 30000);
    const AmtSystem d0 = lab.system(sim.device(0).uuid), d1 = lab.system(sim.device(1).uuid),
                    d2 = lab.system(sim.device(2).uuid);
    QCOMPARE(d0.profileName, QStringLiteral("Standard"));
    QCOMPARE(d0.assignment, QStringLiteral("default profile"));
    QCOMPARE(d1.profileName, QStringLiteral("Lab"));
    QCOMPARE(d1.assignment, QStringLiteral("IP range %1/32").arg(sim.device(1).address));
    QCOMPARE(d2.profileName, QStringLiteral("Lab"));
    QCOMPARE(d2.assignment, QStringLiteral("UUID %1").arg(sim.device(2).uuid));
    QCOMPARE(lab.store->systemCredentials(d0.uuid).result().value.adminPassword, AdminPassword);
    QCOMPARE(lab.store->systemCredentials(d1.uuid).result().value.adminPassword, QStringLiteral("L4b-Admin!"));
    // Deleting the profile deletes its rules.
    QVERIFY(lab.store->deleteProfile(saved.value).result().ok());
    QCOMPARE(lab.store->listAssignments().result().value.size(), 0);
}

void tst_ProvisioningEngine::delayedProvisionRestartsTheHellos()
{
    EngineLab lab;
    QCOMPARE(lab.prepare(1, 1), QString());
    SimProcess sim; // a fast clock: the 24-hour hello window closes in under a second
    QCOMPARE(sim.start({"--fleet", "1", "--mode", "factory", "--keys", lab.setupBin, "--provision-server",
                        QStringLiteral("127.0.0.1:%1").arg(lab.port), "--time-scale", "100000"}),
             QString());
    QVERIFY(sim.control({{"cmd", "fault"}, {"kind", "wrong-pps"}, {"all", true}}).value("ok").toBool());
    EngineOptions o;
    o.heartbeatMs = 200;
    o.helloSilenceMs = 2000; // 2 hours, on this clock
    lab.startEngine(o);
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    // Mode 6: the device stopped saying hello; the engine notices the silence.
    QTRY_VERIFY_WITH_TIMEOUT(sim.state().value("helloWindowClosed").toBool(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(lab.system(uuid).state, SystemState::HelloWindowExpired, 15000);
    QVERIFY2(lab.system(uuid).reason.contains("hello window has closed"), qPrintable(lab.system(uuid).reason));
    // The warning follows the state change (the engine logs once the store has answered).
    QTRY_VERIFY_WITH_TIMEOUT(
            logContains(lab.logEntries(), Severity::Warning, QStringLiteral("stopped sending hello packets")), 10000);
    QVERIFY(sim.control({{"cmd", "clear-faults"}, {"all", true}}).value("ok").toBool());
    lab.finished->clear();

    SystemActions actions(lab.store.get(), lab.log.get());
    // An agent that is not there is named.
    auto nobody = actions.restartHellos(QStringLiteral("127.0.0.1:%1").arg(freePort()), {uuid});
    QTRY_VERIFY_WITH_TIMEOUT(nobody.isFinished(), 20000);
    QVERIFY(!nobody.result().first().ok);
    QVERIFY2(nobody.result().first().message.contains("does not answer"), qPrintable(nobody.result().first().message));
    auto restarted = actions.restartHellos(sim.controlAddress(), {uuid});
    QTRY_VERIFY_WITH_TIMEOUT(restarted.isFinished(), 20000);
    QVERIFY2(restarted.result().first().ok, qPrintable(restarted.result().first().message));
    // The hellos return and the system is provisioned.
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QVERIFY(lab.finished->first().at(1).toBool());
    QCOMPARE(lab.system(uuid).state, SystemState::Provisioned);
    ActionFilter f;
    f.uuid = uuid;
    f.step = "DelayedProvision";
    QCOMPARE(lab.store->listActions(f).result().value.size(), 2);
}

void tst_ProvisioningEngine::provisioningCertificateFromPkcs12_data()
{
    QTest::addColumn<bool>("withRoot");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("error");
    QTest::newRow("chain with root") << true << "s3cret"
                                     << "";
    QTest::newRow("wrong passphrase") << true << "guess"
                                      << "The passphrase does not open this PKCS#12 file";
    QTest::newRow("no root in the file") << false << "s3cret"
                                         << "does not reach a root certificate";
}

void tst_ProvisioningEngine::provisioningCertificateFromPkcs12()
{
    QFETCH(bool, withRoot);
    QFETCH(QString, passphrase);
    QFETCH(QString, error);
    // The .pfx as a CA's tooling exports it.
    LabCertificateSpec spec;
    spec.commonName = "scs.example.test";
    spec.extendedKeyUsage = "serverAuth,2.16.840.1.113741.1.2.3";
    spec.validFrom = 0;
    spec.pkcs12Passphrase = "s3cret";
    spec.pkcs12WithRoot = withRoot;
    const LabCertificate chain = issueLabCertificate(spec);
    const QByteArray &pfx = chain.pkcs12;

    QString problem;
    const ProvisioningCertificate c = ProvisioningCertificate::fromPkcs12(pfx, passphrase, &problem);
    if (error.isEmpty()) {
        QCOMPARE(problem, QString());
        QCOMPARE(c.commonName, QStringLiteral("scs.example.test"));
        QCOMPARE(c.rootSha1, chain.rootSha1.toUpper());
        QCOMPARE(c.rootSha256.size(), 64);
        QVERIFY(c.intelUsage);
        QVERIFY(c.matchesDomain("example.test"));
        QVERIFY(!c.matchesDomain("other.test"));
        QVERIFY(!c.isExpired());
    } else {
        QVERIFY2(problem.contains(error), qPrintable(problem));
    }
    // Not a PKCS#12 file at all.
    ProvisioningCertificate::fromPkcs12("not a certificate", passphrase, &problem);
    QVERIFY(problem.startsWith(QStringLiteral("This is not a PKCS#12 file")));
}

void tst_ProvisioningEngine::remoteConfiguration_data()
{
    QTest::addColumn<bool>("allow");
    QTest::addColumn<bool>("trustRoot");
    QTest::addColumn<QString>("deviceDomain");
    QTest::addColumn<bool>("expired");
    QTest::addColumn<QString>("storedOtp"); // empty: OTP not required
    QTest::addColumn<QString>("deviceOtp");
    QTest::addColumn<QString>("reason"); // empty: provisioned
    QTest::newRow("success") << true << true << "example.test" << false << ""
                             << ""
                             << "";
    QTest::newRow("success with OTP") << true << true << "example.test" << false << "Corr3ct-OTP"
                                      << "Corr3ct-OTP"
                                      << "";
    QTest::newRow("remote configuration off") << false << true << "example.test" << false << ""
                                              << ""
                                              << "Remote Configuration is off";
    QTest::newRow("no matching root hash") << true << false << "example.test" << false << ""
                                           << ""
                                           << "No provisioning certificate matches a root this device trusts";
    QTest::newRow("suffix mismatch") << true << true << "other.test" << false << ""
                                     << ""
                                     << "refused the provisioning certificate Lab SCS (CN scs.example.test";
    QTest::newRow("OTP mismatch") << true << true << "example.test" << false << "Corr3ct-OTP"
                                  << "Wr0ng-OTP-1"
                                  << "OTP mismatch";
    QTest::newRow("OTP missing") << true << true << "example.test" << false << "-"
                                 << "Wr0ng-OTP-1"
                                 << "A one-time password is required";
    QTest::newRow("certificate expired") << true << true << "example.test" << true << ""
                                         << ""
                                         << "expired on";
}

void tst_ProvisioningEngine::remoteConfiguration()
{
    QFETCH(bool, allow);
    QFETCH(bool, trustRoot);
    QFETCH(QString, deviceDomain);
    QFETCH(bool, expired);
    QFETCH(QString, storedOtp);
    QFETCH(QString, deviceOtp);
    QFETCH(QString, reason);
    EngineLab lab;
    QCOMPARE(lab.prepare(0, 2), QString());
    ServiceSettings settings = lab.store->serviceSettings().result().value;
    settings.allowRemoteConfiguration = allow;
    settings.oneTimePasswordRequired = !storedOtp.isEmpty();
    QVERIFY(lab.store->applyServiceSettings(settings, "test").result().ok());

    const LabCertificate chain = expired ? makeChain("scs.example.test", -7200, -3600) : makeChain("scs.example.test");
    QString error;
    ProvisioningCertificate certificate = ProvisioningCertificate::fromPem(chain.chainPem(), chain.keyPem, &error);
    QCOMPARE(error, QString());
    QCOMPARE(certificate.rootSha1, chain.rootSha1.toUpper());
    certificate.name = "Lab SCS";
    QVERIFY(lab.store->importCertificate(certificate).result().ok());
    // The key is sealed at rest: the listing has none.
    QVERIFY(lab.store->listCertificates().result().value.first().keyPem.isEmpty());

    QStringList args{"--fleet",
                     "1",
                     "--mode",
                     "setup-pki",
                     "--admin-password",
                     "admin",
                     "--domain",
                     deviceDomain,
                     "--provision-server",
                     QStringLiteral("127.0.0.1:%1").arg(lab.port),
                     "--time-scale",
                     "200"};
    if (trustRoot)
        args << "--root-hash" << chain.rootSha1;
    SimProcess sim;
    QCOMPARE(sim.start(args), QString());
    const QString uuid = sim.device().uuid;
    if (!deviceOtp.isEmpty())
        QVERIFY(sim.control({{"cmd", "set-otp"}, {"uuid", uuid}, {"otp", deviceOtp}}).value("ok").toBool());
    if (!storedOtp.isEmpty() && storedOtp != u"-")
        QCOMPARE(lab.store->setSystemOtp(uuid, storedOtp).result().message, QString());
    lab.startEngine();
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    const AmtSystem s = lab.system(uuid);
    if (reason.isEmpty()) {
        QVERIFY2(lab.finished->first().at(1).toBool(), qPrintable(lab.finished->first().at(2).toString()));
        QCOMPARE(s.state, SystemState::Provisioned);
        QCOMPARE(sim.state().value("mode").toString(), QStringLiteral("provisioned"));
        QCOMPARE(s.helloVersion, 3);
        QCOMPARE(lab.keys(KeyState::Consumed).size(), 1); // the key installed for next time
        const auto credentials = lab.store->systemCredentials(uuid).result();
        QCOMPARE(credentials.value.adminPassword, AdminPassword);
    } else {
        // The device keeps saying hello, and each hello is another attempt: the first outcome
        // is the one to check; the system is Failed, or already in its next attempt.
        QVERIFY(!lab.finished->first().at(1).toBool());
        const QString why = lab.finished->first().at(2).toString();
        QVERIFY2(why.contains(reason), qPrintable(why));
        QVERIFY2(s.state == SystemState::Failed || s.state == SystemState::Provisioning,
                 qPrintable(systemStateKey(s.state)));
        QCOMPARE(sim.state().value("mode").toString(), QStringLiteral("setup-pki"));
        QCOMPARE(lab.keys(KeyState::Consumed).size(), 0);
        if (reason.startsWith("No provisioning certificate")) {
            // Both sides of the mismatch are named: what the device offers and what is loaded.
            QVERIFY2(why.contains(QStringLiteral("It offers sha1:")), qPrintable(why));
            QVERIFY2(why.contains(QStringLiteral("Lab SCS (sha1:%1)").arg(chain.rootSha1.toUpper())), qPrintable(why));
        }
        for (const LogEntry &e : lab.logEntries())
            QVERIFY(!e.message.contains("Corr3ct-OTP") && !e.message.contains("Wr0ng-OTP-1"));
    }
}

void tst_ProvisioningEngine::tlsProfileProvisionsAndPowersOverTls_data()
{
    Oobm::Test::addBackendRows();
}

void tst_ProvisioningEngine::tlsProfileProvisionsAndPowersOverTls()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    EngineLab lab(backend);
    QCOMPARE(lab.prepare(1, 1), QString());
    const LabCertificate chain = makeChain("amt.example.test");
    QString problem;
    const TlsCertificate certificate = TlsCertificate::fromPem(chain.chainPem(), chain.keyPem, &problem);
    QCOMPARE(problem, QString());
    const auto imported = lab.store->importTlsCertificate(certificate).result();
    QVERIFY2(imported.ok(), qPrintable(imported.error.message));
    // The same certificate twice is refused, by name.
    const auto again = lab.store->importTlsCertificate(certificate).result();
    QVERIFY2(again.error.message.contains("already imported"), qPrintable(again.error.message));
    const auto listed = lab.store->listTlsCertificates().result().value;
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed.first().keyPem.isEmpty()); // listings carry no keys

    ProvisionProfile p = standardProfile(lab.store.get());
    p.tlsEnabled = true;
    QVERIFY2(p.problem().contains("no server certificate"), qPrintable(p.problem()));
    p.tlsCertificateId = imported.value;
    const auto saved = lab.store->saveProfile(p).result();
    QVERIFY2(saved.ok(), qPrintable(saved.error.message));
    QCOMPARE(lab.store->listProfiles().result().value.first().tlsCertificateName, QStringLiteral("amt.example.test"));

    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QVERIFY2(lab.finished->first().at(1).toBool(), qPrintable(lab.finished->first().at(2).toString()));
    QCOMPARE(lab.system(uuid).state, SystemState::Provisioned);
    QCOMPARE(lab.store->systemCredentials(uuid).result().value.tlsCertificatePem, certificate.leafPem());
    QTRY_VERIFY(sim.state().value("tlsEnabled").toBool());
    QStringList steps;
    for (const ActionRecord &a : lab.store->listActions(stepsOf(uuid)).result().value) {
        steps << a.step;
        QVERIFY2(!a.message.contains("PRIVATE KEY"), qPrintable(a.message));
    }
    QVERIFY(steps.contains(QStringLiteral("SetTLSKeyAndCertificate")));

    // The power action reaches it over TLS on 16993 (16992 is closed now), trusting only the
    // certificate OOBM installed.
    SystemActions actions(lab.store.get(), lab.log.get());
    auto off = actions.run(SystemActions::Action::PowerOff, {uuid});
    QTRY_VERIFY_WITH_TIMEOUT(off.isFinished(), 20000);
    QVERIFY2(off.result().first().ok, qPrintable(off.result().first().message));
    QCOMPARE(sim.state().value("powerState").toInt(), 5);
    // Pointed at the plain HTTP port instead, it would fail: TLS really is what carried it.
    actions.setTlsPort(16992);
    auto on = actions.run(SystemActions::Action::PowerOn, {uuid});
    QTRY_VERIFY_WITH_TIMEOUT(on.isFinished(), 20000);
    QVERIFY(!on.result().first().ok);

    // A device that presents another certificate than the one OOBM installed is refused.
    {
        Amt::AmtEndpoint e;
        e.host = sim.device().address;
        e.port = 16993;
        e.transport = Amt::AmtEndpoint::Transport::Tls;
        e.trustedCertificatesPem = certificate.leafPem();
        e.password = AdminPassword;
        Amt::AmtSession session(e);
        const LabCertificate other = makeChain("impostor.example.test");
        const Amt::AmtError changed = session.setTlsKeyAndCertificate(other.keyPem, {other.chainPem()});
        QVERIFY2(!changed, qPrintable(changed.message));
        QVERIFY(!session.commitChanges()); // a provisioned device takes it at CommitChanges
    }
    actions.setTlsPort(16993);
    auto impostor = actions.run(SystemActions::Action::PowerOn, {uuid});
    QTRY_VERIFY_WITH_TIMEOUT(impostor.isFinished(), 20000);
    QVERIFY(!impostor.result().first().ok);
    QVERIFY2(impostor.result().first().message.contains("the device's certificate is not trusted"),
             qPrintable(impostor.result().first().message));

    // A certificate a profile uses cannot be deleted; the refusal names the profile.
    const auto refused = lab.store->deleteTlsCertificate(imported.value).result();
    QVERIFY2(refused.error.message.contains("Standard"), qPrintable(refused.error.message));
    QCOMPARE(lab.store->listTlsCertificates().result().value.size(), 1);
}

void tst_ProvisioningEngine::auxiliaryProfileAddsUsersAndCertificate_data()
{
    Oobm::Test::addBackendRows();
}

void tst_ProvisioningEngine::auxiliaryProfileAddsUsersAndCertificate()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    EngineLab lab(backend);
    QCOMPARE(lab.prepare(1, 1), QString());
    const LabCertificate chain = makeChain("amt.example.test");
    QString problem;
    const auto imported =
            lab.store->importTlsCertificate(TlsCertificate::fromPem(chain.chainPem(), chain.keyPem, &problem)).result();
    QVERIFY2(imported.ok(), qPrintable(imported.error.message));

    AuxiliaryProfile empty;
    empty.name = QStringLiteral("Nothing");
    const auto refusedEmpty = lab.store->saveAuxiliaryProfile(empty).result();
    QVERIFY2(refusedEmpty.error.message.contains("neither users nor a TLS certificate"),
             qPrintable(refusedEmpty.error.message));
    AuxiliaryProfile aux;
    aux.name = QStringLiteral("Lab users");
    aux.aclUsers = {{QStringLiteral("auditor"), QStringLiteral("Aud1tor!x"), {13, 4}},
                    {QStringLiteral("operator"), QStringLiteral("Sh4dowed!"), {5}}};
    aux.tlsCertificateId = imported.value;
    const auto auxSaved = lab.store->saveAuxiliaryProfile(aux).result();
    QVERIFY2(auxSaved.ok(), qPrintable(auxSaved.error.message));

    ProvisionProfile p = standardProfile(lab.store.get());
    p.tlsEnabled = true; // the certificate comes from the auxiliary profile
    p.auxiliaryProfileId = auxSaved.value;
    const auto saved = lab.store->saveProfile(p).result();
    QVERIFY2(saved.ok(), qPrintable(saved.error.message));

    // What a profile references cannot be deleted; the refusals name who uses it.
    const auto refusedAux = lab.store->deleteAuxiliaryProfile(auxSaved.value).result();
    QVERIFY2(refusedAux.error.message.contains("used by the provision profiles Standard"),
             qPrintable(refusedAux.error.message));
    const auto refusedCertificate = lab.store->deleteTlsCertificate(imported.value).result();
    QVERIFY2(refusedCertificate.error.message.contains("Lab users"), qPrintable(refusedCertificate.error.message));
    // Taking the certificate away from the auxiliary profile would leave Standard without one.
    aux.id = auxSaved.value;
    aux.tlsCertificateId = 0;
    const auto refusedEdit = lab.store->saveAuxiliaryProfile(aux).result();
    QVERIFY2(refusedEdit.error.message.contains("Standard"), qPrintable(refusedEdit.error.message));
    const auto listed = lab.store->listAuxiliaryProfiles().result().value;
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().usedBy, QStringList{QStringLiteral("Standard")});
    QCOMPARE(listed.first().tlsCertificateName, QStringLiteral("amt.example.test"));
    QVERIFY(listed.first().aclUsers.first().password.isEmpty()); // listings carry no passwords

    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(1)), QString());
    const QString uuid = sim.device().uuid;
    QTRY_VERIFY_WITH_TIMEOUT(!lab.finished->isEmpty(), 30000);
    QVERIFY2(lab.finished->first().at(1).toBool(), qPrintable(lab.finished->first().at(2).toString()));
    const QJsonObject state = sim.state(0, true);
    QVERIFY(state.value("tlsEnabled").toBool());
    QMap<QString, QString> passwords;
    for (const QJsonValue u : state.value("aclUsers").toArray())
        passwords.insert(u["username"].toString(), u["password"].toString());
    // The profile's own operator wins over the auxiliary profile's; the auditor is added.
    QCOMPARE(passwords.keys(), (QStringList{QStringLiteral("auditor"), QStringLiteral("operator")}));
    QCOMPARE(passwords.value("operator"), OperatorPassword);
    QCOMPARE(passwords.value("auditor"), QStringLiteral("Aud1tor!x"));

    SystemActions actions(lab.store.get(), lab.log.get());
    auto reset = actions.run(SystemActions::Action::Reset, {uuid});
    QTRY_VERIFY_WITH_TIMEOUT(reset.isFinished(), 20000);
    QVERIFY2(reset.result().first().ok, qPrintable(reset.result().first().message));

    // Once no profile uses it, it can go.
    p.auxiliaryProfileId = 0;
    p.tlsEnabled = false;
    QVERIFY(lab.store->saveProfile(p).result().ok());
    QCOMPARE(lab.store->deleteAuxiliaryProfile(auxSaved.value).result().value, 1);
    QCOMPARE(lab.store->deleteTlsCertificate(imported.value).result().value, 1);
}

// A profile with "a random admin password per device": each device gets its own, sealed per
// system; revealing it is audited; each device takes only its own.
void tst_ProvisioningEngine::randomAdminPasswordPerDevice()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    EngineLab lab(backend);
    QCOMPARE(lab.prepare(2, 2), QString());
    ProvisionProfile p = standardProfile(lab.store.get());
    p.randomAdminPassword = true;
    p.adminPassword.clear();
    QVERIFY(p.problem().isEmpty());
    const auto saved = lab.store->saveProfile(p).result();
    QVERIFY2(saved.ok(), qPrintable(saved.error.message));
    QVERIFY(lab.store->listProfiles().result().value.first().randomAdminPassword);
    lab.startEngine();
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(2)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(lab.finished->size(), 2, 60000);
    QStringList passwords;
    const AuditActor actor{QStringLiteral("admin"), QStringLiteral("console")};
    for (const SimProcess::Device &d : sim.devices()) {
        QCOMPARE(lab.system(d.uuid).state, SystemState::Provisioned);
        const auto revealed = lab.store->revealAdminPassword(d.uuid, actor).result();
        QVERIFY2(revealed.ok(), qPrintable(revealed.error.message));
        QVERIFY(!revealed.value.isEmpty());
        QVERIFY(revealed.value != AdminPassword);
        passwords << revealed.value;
    }
    QCOMPARE(passwords.size(), 2);
    QVERIFY(passwords.at(0) != passwords.at(1));
    QVERIFY(deviceAccepts(sim.device(0).address, passwords.at(0)));
    QVERIFY(deviceAccepts(sim.device(1).address, passwords.at(1)));
    QVERIFY(!deviceAccepts(sim.device(0).address, passwords.at(1)));
    QVERIFY(!deviceAccepts(sim.device(1).address, AdminPassword));
    // The console's power action uses each system's own.
    SystemActions actions(lab.store.get(), lab.log.get());
    auto off = actions.run(SystemActions::Action::PowerOff, {sim.device(0).uuid, sim.device(1).uuid});
    QTRY_VERIFY_WITH_TIMEOUT(off.isFinished(), 20000);
    for (const auto &result : off.result())
        QVERIFY2(result.ok, qPrintable(result.message));
    // Each reveal is in the Security Audit; no password is in the log.
    AuditQuery shown;
    shown.actions = {QStringLiteral("show")};
    shown.text = QStringLiteral("Admin password of the Intel AMT system");
    QCOMPARE(lab.store->queryAudit(shown).result().value.size(), 2);
    for (const LogEntry &e : lab.logEntries()) {
        for (const QString &password : std::as_const(passwords))
            QVERIFY2(!e.message.contains(password) && !e.details.contains(password), qPrintable(e.message));
    }
}

// The Maintenance page's device jobs, run by the engine on a test clock: clock synchronisation
// once when due (and again an interval later), then admin password rotation of the systems whose
// password is older than the setting, each device taking its new password.
void tst_ProvisioningEngine::maintenanceSyncsClocksAndRotatesPasswords()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    EngineLab lab(backend);
    QCOMPARE(lab.prepare(2, 2), QString());
    auto offset = std::make_shared<qint64>(0);
    EngineOptions options;
    options.maintenanceTickMs = 100;
    options.clock = [offset] { return QDateTime::currentDateTimeUtc().addMSecs(*offset); };
    lab.startEngine(options);
    SimProcess sim;
    QCOMPARE(sim.start(lab.simArguments(2)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(lab.finished->size(), 2, 60000);
    QCOMPARE(runsOf(lab.store.get(), Operation::SyncClock).size(), 0); // off by default

    ServiceSettings s = lab.store->serviceSettings().result().value;
    s.clockSyncHours = 6;
    QVERIFY(lab.store->applyServiceSettings(s, QStringLiteral("test")).result().ok());
    QTRY_COMPARE_WITH_TIMEOUT(completedRuns(lab.store.get(), Operation::SyncClock, 2), 1, 30000);
    QCOMPARE(runsOf(lab.store.get(), Operation::SyncClock).first().target,
             QStringLiteral("collection All Provisioned (2 systems)"));
    // Checks go on; nothing more is due within the 6 hours.
    QSignalSpy checked(lab.engine->maintenance(), &MaintenanceRunner::checked);
    QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 5, 20000);
    QCOMPARE(runsOf(lab.store.get(), Operation::SyncClock).size(), 1);
    // 6 hours later: again, once.
    *offset += 6 * 3600 * 1000LL + 1000;
    QTRY_COMPARE_WITH_TIMEOUT(completedRuns(lab.store.get(), Operation::SyncClock, 2), 2, 30000);
    checked.clear();
    QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 5, 20000);
    QCOMPARE(runsOf(lab.store.get(), Operation::SyncClock).size(), 2);

    // Rotation after a day; two days later both passwords are older than that.
    s.passwordRotationDays = 1;
    s.clockSyncHours = 0;
    QVERIFY(lab.store->applyServiceSettings(s, QStringLiteral("test")).result().ok());
    checked.clear();
    QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 3, 20000);
    QCOMPARE(runsOf(lab.store.get(), Operation::RotateAdminPassword).size(), 0); // set today
    *offset += 2 * 86400 * 1000LL;
    QTRY_COMPARE_WITH_TIMEOUT(completedRuns(lab.store.get(), Operation::RotateAdminPassword, 2), 1, 30000);
    checked.clear();
    QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 5, 20000);
    QCOMPARE(runsOf(lab.store.get(), Operation::RotateAdminPassword).size(), 1);
    const AuditActor actor{QStringLiteral("admin"), QStringLiteral("console")};
    QStringList passwords;
    for (const SimProcess::Device &d : sim.devices()) {
        const QString password = lab.store->revealAdminPassword(d.uuid, actor).result().value;
        QVERIFY(!password.isEmpty());
        QVERIFY(password != AdminPassword);
        QVERIFY(deviceAccepts(d.address, password));
        QVERIFY(!deviceAccepts(d.address, AdminPassword));
        passwords << password;
    }
    QVERIFY(passwords.at(0) != passwords.at(1));
    QVERIFY(logContains(lab.logEntries(), Severity::Information,
                        QStringLiteral("Maintenance: Admin password rotation")));
}

QTEST_GUILESS_MAIN(tst_ProvisioningEngine)
#include "tst_provisioningengine.moc"
