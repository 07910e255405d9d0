// SPDX-License-Identifier: GPL-2.0-or-later
// Device maintenance: what is due (MaintenancePolicy), which keys retire (KeyRetirement), which
// certificates warn (CertificateExpiry), the store's claim of a due job, and MaintenanceRunners of
// two engines on one database doing each due job once, on SQLite and PostgreSQL, on a test clock.
#include "common/labcertificate.h"
#include "common/testsupport.h"

#include "core/engine/maintenancerunner.h"
#include "core/fleet/certificateexpiry.h"
#include "core/fleet/keyretirement.h"
#include "core/fleet/maintenancejob.h"
#include "core/keys/pidpps.h"
#include "core/keys/secretbox.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"

#include <QtTest>

#include <memory>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

ServiceSettings settingsWith(const QString &key, int value)
{
    ServiceSettings s;
    if (!key.isEmpty())
        s.setValue(key, QString::number(value));
    return s;
}

// One engine's view of the shared database: its own store (connection), log and runner.
struct Engine
{
    std::unique_ptr<SqlStore> store;
    std::unique_ptr<UserLog> log;
    std::unique_ptr<MaintenanceRunner> runner;
    std::unique_ptr<QSignalSpy> done;
    std::unique_ptr<QSignalSpy> checked;
};

} // namespace

class tst_Maintenance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policy_data();
    void policy();
    void keyRetirement_data();
    void keyRetirement();
    void certificateExpiry_data();
    void certificateExpiry();
    void claimIsExclusive_data() { Oobm::Test::addBackendRows(); }
    void claimIsExclusive();
    void retireKeysIsAudited_data() { Oobm::Test::addBackendRows(); }
    void retireKeysIsAudited();
    void twoEnginesDoEachJobOnce_data() { Oobm::Test::addBackendRows(); }
    void twoEnginesDoEachJobOnce();

private:
    QDateTime m_now = Now;
};

void tst_Maintenance::policy_data()
{
    QTest::addColumn<int>("job");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("lastRunHoursAgo"); // -1: never
    QTest::addColumn<bool>("due");

    const int clock = int(MaintenanceJob::ClockSync);
    const int rotation = int(MaintenanceJob::PasswordRotation);
    const int certificates = int(MaintenanceJob::CertificateCheck);
    const int keys = int(MaintenanceJob::KeyHousekeeping);
    QTest::newRow("clock off") << clock << "" << 0 << -1 << false;
    QTest::newRow("clock never ran") << clock << "clock-sync-hours" << 6 << -1 << true;
    QTest::newRow("clock ran 5 h ago of 6") << clock << "clock-sync-hours" << 6 << 5 << false;
    QTest::newRow("clock ran 6 h ago of 6") << clock << "clock-sync-hours" << 6 << 6 << true;
    QTest::newRow("rotation off") << rotation << "" << 0 << -1 << false;
    QTest::newRow("rotation looks daily") << rotation << "password-rotation-days" << 90 << 23 << false;
    QTest::newRow("rotation a day later") << rotation << "password-rotation-days" << 90 << 24 << true;
    QTest::newRow("certificates by default") << certificates << "" << 0 << -1 << true;
    QTest::newRow("certificates off") << certificates << "certificate-warning-days" << 0 << -1 << false;
    QTest::newRow("certificates once a day") << certificates << "certificate-warning-days" << 30 << 12 << false;
    QTest::newRow("keys off") << keys << "" << 0 << -1 << false;
    QTest::newRow("keys by available age") << keys << "retire-available-days" << 90 << -1 << true;
    QTest::newRow("keys by exported age") << keys << "retire-exported-days" << 30 << 25 << true;
}

void tst_Maintenance::policy()
{
    QFETCH(int, job);
    QFETCH(QString, key);
    QFETCH(int, value);
    QFETCH(int, lastRunHoursAgo);
    QFETCH(bool, due);
    const ServiceSettings s = settingsWith(key, value);
    const QDateTime lastRun = lastRunHoursAgo < 0 ? QDateTime() : Now.addSecs(-3600LL * lastRunHoursAgo);
    QCOMPARE(MaintenancePolicy::isDue(MaintenanceJob(job), s, lastRun, Now), due);
}

void tst_Maintenance::keyRetirement_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("createdDaysAgo");
    QTest::addColumn<int>("exportedDaysAgo"); // -1: never
    QTest::addColumn<bool>("reserved");
    QTest::addColumn<bool>("named");
    QTest::addColumn<bool>("retired");

    const int available = int(KeyState::Available);
    const int exported = int(KeyState::Exported);
    // Policy: Available older than 90 days, Exported unused after 30 days.
    QTest::newRow("available young") << available << 89 << -1 << false << false << false;
    QTest::newRow("available old") << available << 90 << -1 << false << false << true;
    QTest::newRow("available old but reserved") << available << 200 << -1 << true << false << false;
    QTest::newRow("exported recently") << exported << 400 << 29 << false << false << false;
    QTest::newRow("exported long ago") << exported << 400 << 30 << false << false << true;
    QTest::newRow("consumed never") << int(KeyState::Consumed) << 400 << 300 << false << true << false;
    QTest::newRow("retired already") << int(KeyState::Retired) << 400 << 300 << false << true << false;
    QTest::newRow("named young") << available << 1 << -1 << false << true << true;
    QTest::newRow("named reserved") << exported << 1 << 1 << true << true << false;
}

void tst_Maintenance::keyRetirement()
{
    QFETCH(int, state);
    QFETCH(int, createdDaysAgo);
    QFETCH(int, exportedDaysAgo);
    QFETCH(bool, reserved);
    QFETCH(bool, named);
    QFETCH(bool, retired);
    KeyRecord key;
    key.pid = "ABCD1234";
    key.state = KeyState(state);
    key.created = Now.addDays(-createdDaysAgo);
    key.exported = exportedDaysAgo < 0 ? QDateTime() : Now.addDays(-exportedDaysAgo);
    key.assignedTo = reserved ? QStringLiteral("8C2A4F10-0000-0000-0000-000000000001") : QString();
    ServiceSettings s;
    s.retireAvailableDays = 90;
    s.retireExportedDays = 30;
    KeyRetirement r = KeyRetirement::fromSettings(s);
    if (named)
        r.pids = {key.pid};
    QVERIFY(r.problem().isEmpty());
    QCOMPARE(r.retires(key, Now), retired);
    QCOMPARE(r.reason(key, Now).isEmpty(), !retired);
}

void tst_Maintenance::certificateExpiry_data()
{
    QTest::addColumn<int>("expiresInHours");
    QTest::addColumn<int>("warningDays");
    QTest::addColumn<bool>("warned");
    QTest::addColumn<int>("daysLeft");
    QTest::addColumn<QString>("sentencePart");

    QTest::newRow("far") << 24 * 31 << 30 << false << 0 << "";
    QTest::newRow("at the bound") << 24 * 30 << 30 << true << 30 << "in 30 days";
    QTest::newRow("soon") << 36 << 30 << true << 1 << "in 1 days";
    QTest::newRow("expired") << -30 << 30 << true << -2 << "expired on";
    QTest::newRow("warning off") << 1 << 0 << false << 0 << "";
}

void tst_Maintenance::certificateExpiry()
{
    QFETCH(int, expiresInHours);
    QFETCH(int, warningDays);
    QFETCH(bool, warned);
    QFETCH(int, daysLeft);
    QFETCH(QString, sentencePart);
    TlsCertificate tls;
    tls.id = 7;
    tls.name = QStringLiteral("web01");
    tls.notAfter = Now.addSecs(3600LL * expiresInHours);
    ProvisioningCertificate far;
    far.id = 3;
    far.name = QStringLiteral("scs");
    far.notAfter = Now.addDays(400);
    const QList<CertificateExpiry> found = CertificateExpiry::find({far}, {tls}, warningDays, Now);
    QCOMPARE(found.size(), warned ? 1 : 0);
    if (!warned)
        return;
    QCOMPARE(found.first().kind, CertificateExpiry::Kind::Tls);
    QCOMPARE(found.first().id, 7);
    QCOMPARE(found.first().daysLeft, daysLeft);
    QVERIFY2(found.first().describe().contains(sentencePart), qPrintable(found.first().describe()));
    QVERIFY(found.first().describe().contains(QStringLiteral("TLS certificate web01")));
}

void tst_Maintenance::claimIsExclusive()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore a(fixture.location()), b(fixture.location());
    QVERIFY(!a.openAndWait());
    QVERIFY(!b.openAndWait());
    const QDateTime bound = Now.addSecs(-3600);
    // Both engines ask at once, several times each: one claim succeeds.
    QList<QFuture<StoreResult<bool>>> claims;
    for (int i = 0; i < 5; ++i) {
        claims << a.claimMaintenanceJob(MaintenanceJob::ClockSync, bound, QStringLiteral("a"), Now);
        claims << b.claimMaintenanceJob(MaintenanceJob::ClockSync, bound, QStringLiteral("b"), Now);
    }
    int won = 0;
    for (auto &f : claims) {
        const auto r = f.result();
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        won += r.value ? 1 : 0;
    }
    QCOMPARE(won, 1);
    // Not due again until its last run is at or before the bound.
    QVERIFY(!a.claimMaintenanceJob(MaintenanceJob::ClockSync, Now.addSecs(-1), QStringLiteral("a"), Now.addSecs(1))
                     .result()
                     .value);
    QVERIFY(b.claimMaintenanceJob(MaintenanceJob::ClockSync, Now, QStringLiteral("b"), Now.addSecs(3600))
                    .result()
                    .value);
    // An off job (no bound) is never claimed; other jobs are claimed on their own.
    QVERIFY(!a.claimMaintenanceJob(MaintenanceJob::KeyHousekeeping, {}, QStringLiteral("a"), Now).result().value);
    QVERIFY(a.claimMaintenanceJob(MaintenanceJob::KeyHousekeeping, Now, QStringLiteral("a"), Now).result().value);
    QVERIFY(!a.recordMaintenanceResult(MaintenanceJob::KeyHousekeeping, QStringLiteral("a"), QStringLiteral("did it"))
                     .result());
    const auto jobs = b.maintenanceJobs().result();
    QVERIFY(jobs.ok());
    QCOMPARE(jobs.value.size(), allMaintenanceJobs().size());
    for (const MaintenanceJobState &j : jobs.value) {
        if (j.job == MaintenanceJob::ClockSync) {
            QCOMPARE(j.lastRun, Now.addSecs(3600));
            QCOMPARE(j.engine, QStringLiteral("b"));
        } else if (j.job == MaintenanceJob::KeyHousekeeping) {
            QCOMPARE(j.result, QStringLiteral("did it"));
        } else {
            QVERIFY(!j.lastRun.isValid());
        }
    }
}

void tst_Maintenance::retireKeysIsAudited()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    QVERIFY(!store.setDataKey(SecretBox::generateKey(), QStringLiteral("test")).result());
    KeyGenerationRequest g;
    g.count = 3;
    g.newMePassword = QStringLiteral("N3w-Pass!");
    g.actor = {QStringLiteral("tester"), QStringLiteral("lab")};
    QVERIFY(store.generateKeys(g).result().ok());
    QList<QByteArray> pids;
    for (const KeyRecord &k : store.listKeys({}).result().value)
        pids << k.pid;
    QCOMPARE(pids.size(), 3);
    const AuditActor actor{QStringLiteral("admin"), QStringLiteral("console")};

    // Nothing asked: refused. An unknown PID: refused, and nothing changes.
    QVERIFY(!store.retireKeys({}, actor, Now).result().ok());
    KeyRetirement unknown;
    unknown.pids = {pids.at(0), "ZZZZ9999"};
    const auto refused = store.retireKeys(unknown, actor, Now).result();
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.message.contains(PidPps::formatPid("ZZZZ9999")), qPrintable(refused.error.message));
    QCOMPARE(store.listKeys({{KeyState::Retired}, {}, -1}).result().value.size(), 0);

    // By PID (oobmctl keys retire --pid), then by age.
    KeyRetirement named;
    named.pids = {pids.at(0)};
    QSignalSpy changed(&store, &Store::keysChanged);
    const auto byName = store.retireKeys(named, actor, Now).result();
    QVERIFY2(byName.ok(), qPrintable(byName.error.message));
    QCOMPARE(byName.value, 1);
    QCOMPARE(changed.size(), 1);
    QVERIFY(fixture.exec(QStringLiteral("UPDATE security_keys SET created_ms = %1 WHERE pid = '%2'")
                                 .arg(Now.addDays(-100).toMSecsSinceEpoch())
                                 .arg(QString::fromLatin1(pids.at(1)))));
    KeyRetirement byAge;
    byAge.availableOlderThanDays = 90;
    QCOMPARE(store.retireKeys(byAge, actor, Now).result().value, 1);
    QCOMPARE(store.retireKeys(byAge, actor, Now).result().value, 0); // done already

    const auto retired = store.listKeys({{KeyState::Retired}, {}, -1}).result().value;
    QCOMPARE(retired.size(), 2);
    // A retired key is never exported again.
    KeyExportRequest x;
    x.pids = {pids.at(0)};
    x.path = QDir::temp().filePath(QStringLiteral("oobm-retired-%1.csv").arg(backend));
    x.format = KeyExportFormat::Csv;
    x.actor = actor;
    QVERIFY(!store.exportKeys(x).result().ok());

    AuditQuery q;
    q.actions = {QStringLiteral("retire")};
    const auto audit = store.queryAudit(q).result().value;
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(0).user, QStringLiteral("admin"));
    QCOMPARE(audit.at(0).count, 1);
    QVERIFY2(audit.at(0).details.contains(PidPps::formatPid(pids.at(1))), qPrintable(audit.at(0).details));
    QVERIFY2(audit.at(0).details.contains(QStringLiteral("older than 90 days")), qPrintable(audit.at(0).details));
    QVERIFY(audit.at(1).details.contains(PidPps::formatPid(pids.at(0))));
}

void tst_Maintenance::twoEnginesDoEachJobOnce()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    const QByteArray dataKey = SecretBox::generateKey();
    Engine engines[2];
    for (Engine &e : engines) {
        e.store = std::make_unique<SqlStore>(fixture.location());
        QVERIFY(!e.store->openAndWait());
        QVERIFY(!e.store->setDataKey(dataKey, QStringLiteral("test")).result());
        e.log = std::make_unique<UserLog>(e.store.get(), QStringLiteral("test"));
        e.log->setLevel(LogLevel::Debug);
    }
    SqlStore &store = *engines[0].store;
    m_now = QDateTime::currentDateTimeUtc();
    // Keys: one Available for 100 days, one exported 40 days ago and never consumed, one young.
    KeyGenerationRequest g;
    g.count = 3;
    g.newMePassword = QStringLiteral("N3w-Pass!");
    g.actor = {QStringLiteral("tester"), QStringLiteral("lab")};
    QVERIFY(store.generateKeys(g).result().ok());
    const auto keys = store.listKeys({}).result().value;
    QVERIFY(fixture.exec(QStringLiteral("UPDATE security_keys SET created_ms = %1 WHERE pid = '%2'")
                                 .arg(m_now.addDays(-100).toMSecsSinceEpoch())
                                 .arg(QString::fromLatin1(keys.at(0).pid))));
    QVERIFY(fixture.exec(QStringLiteral("UPDATE security_keys SET state = 1, exported_ms = %1 WHERE pid = '%2'")
                                 .arg(m_now.addDays(-40).toMSecsSinceEpoch())
                                 .arg(QString::fromLatin1(keys.at(1).pid))));
    // A TLS certificate that expires within the warning days.
    Oobm::Test::LabCertificateSpec spec;
    spec.validTo = 10 * 86400;
    const Oobm::Test::LabCertificate lab = Oobm::Test::issueLabCertificate(spec);
    QString why;
    TlsCertificate tls = TlsCertificate::fromPem(lab.chainPem(), lab.keyPem, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    tls.name = QStringLiteral("web01");
    const auto imported = store.importTlsCertificate(tls).result();
    QVERIFY2(imported.ok(), qPrintable(imported.error.message));

    ServiceSettings s = store.serviceSettings().result().value;
    s.retireAvailableDays = 90;
    s.retireExportedDays = 30;
    s.certificateWarningDays = 30;
    QVERIFY(store.applyServiceSettings(s, QStringLiteral("test")).result().ok());

    int i = 0;
    for (Engine &e : engines) {
        e.runner = std::make_unique<MaintenanceRunner>(e.store.get(), e.log.get());
        e.done = std::make_unique<QSignalSpy>(e.runner.get(), &MaintenanceRunner::jobDone);
        e.checked = std::make_unique<QSignalSpy>(e.runner.get(), &MaintenanceRunner::checked);
        MaintenanceRunner::Options o;
        o.tickMs = 20;
        o.clock = [this] { return m_now; };
        e.runner->start(QStringLiteral("engine-%1").arg(++i), o);
    }
    const auto doneCount = [&engines] { return engines[0].done->size() + engines[1].done->size(); };
    // The certificate check and key housekeeping, once each, by either engine.
    QTRY_COMPARE_WITH_TIMEOUT(doneCount(), 2, 20000);
    // Many checks later, on the same day: still once.
    for (Engine &e : engines)
        e.checked->clear();
    QTRY_VERIFY_WITH_TIMEOUT(engines[0].checked->size() >= 5 && engines[1].checked->size() >= 5, 20000);
    QCOMPARE(doneCount(), 2);

    const auto retired = store.listKeys({{KeyState::Retired}, {}, -1}).result().value;
    QCOMPARE(retired.size(), 2);
    AuditQuery retire;
    retire.actions = {QStringLiteral("retire")};
    const auto audit = store.queryAudit(retire).result().value;
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().count, 2);
    QCOMPARE(audit.first().user, QStringLiteral("maintenance"));

    const auto warnings = [&engines, &store] {
        for (Engine &e : engines)
            e.log->flush().waitForFinished();
        LogQuery q;
        q.limit = 1000;
        int n = 0;
        for (const LogEntry &entry : store.queryLog(q).result().value) {
            if (entry.severity == Severity::Warning && entry.message.contains(QStringLiteral("TLS certificate web01")))
                ++n;
        }
        return n;
    };
    QCOMPARE(warnings(), 1);

    // A day later: the certificate warns again, once; housekeeping finds nothing more to retire.
    m_now = m_now.addDays(1).addSecs(1);
    QTRY_COMPARE_WITH_TIMEOUT(doneCount(), 4, 20000);
    QTRY_COMPARE(warnings(), 2);
    QCOMPARE(store.queryAudit(retire).result().value.size(), 1);
}

QTEST_GUILESS_MAIN(tst_Maintenance)
#include "tst_maintenance.moc"
