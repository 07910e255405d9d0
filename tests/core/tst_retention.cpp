// SPDX-License-Identifier: GPL-2.0-or-later
// Retention: what a purge removes from the Log, Actions Status and the Security Audit (which
// only its own rule may touch), the scheduled purge, the store's size, vacuum and analyze.
#include "common/testsupport.h"

#include "core/logbook/retentionscheduler.h"
#include "core/store/sqllogledger.h"
#include "core/store/sqlstore.h"

#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;

namespace {

qint64 daysAgoMs(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days).toMSecsSinceEpoch();
}

// Log entries: `count` of each age in days.
QList<LogEntry> entriesAged(const QList<int> &ages, int count)
{
    QList<LogEntry> r;
    for (int age : ages) {
        for (int i = 0; i < count; ++i) {
            LogEntry e = LogEntry::make(Severity::Information, QStringLiteral("engine"),
                                        QStringLiteral("%1 days old, #%2").arg(age).arg(i));
            e.time = QDateTime::currentDateTimeUtc().addDays(-age);
            r << e;
        }
    }
    return r;
}

bool addAudit(BackendFixture &fixture, int ageDays)
{
    return fixture.exec(QStringLiteral("INSERT INTO security_audit (time_ms, user_name, host, "
                                       "action, count) VALUES (%1, 'admin', 'host', 'export', 1)")
                                .arg(daysAgoMs(ageDays)));
}

bool addAction(BackendFixture &fixture, int ageDays)
{
    return fixture.exec(QStringLiteral("INSERT INTO actions (time_ms, uuid, step, result, "
                                       "duration_ms) VALUES (%1, 'U', 'GetCoreVersion', 0, 5)")
                                .arg(daysAgoMs(ageDays)));
}

} // namespace

class tst_Retention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void purge_data();
    void purge();
    void auditNeverPurgedByTheGeneralRule_data() { Oobm::Test::addBackendRows(); }
    void auditNeverPurgedByTheGeneralRule();
    void largePurgeInBatches_data() { Oobm::Test::addBackendRows(); }
    void largePurgeInBatches();
    void statsAndVacuum_data() { Oobm::Test::addBackendRows(); }
    void statsAndVacuum();
    void scheduledPurgeUsesStoredSettings();
    void settingsValidation_data();
    void settingsValidation();
};

void tst_Retention::purge_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("logDays");
    QTest::addColumn<int>("logMax");
    QTest::addColumn<int>("actionsDays");
    QTest::addColumn<int>("auditDays");
    QTest::addColumn<int>("logLeft");
    QTest::addColumn<int>("actionsLeft");
    QTest::addColumn<int>("auditLeft");
    // Log: 10 entries each of 1, 40 and 400 days; actions 1, 40, 400 days; audit 1, 200, 800.
    for (const char *backend : {"sqlite", "postgresql"}) {
        const QString b = QString::fromLatin1(backend);
        QTest::addRow("%s/nothing", backend) << b << 0 << 0 << 0 << 0 << 30 << 3 << 3;
        QTest::addRow("%s/log 30 days", backend) << b << 30 << 0 << 0 << 0 << 10 << 3 << 3;
        QTest::addRow("%s/log 365 days", backend) << b << 365 << 0 << 0 << 0 << 20 << 3 << 3;
        QTest::addRow("%s/log at most 15", backend) << b << 0 << 15 << 0 << 0 << 15 << 3 << 3;
        QTest::addRow("%s/log days and count", backend) << b << 365 << 5 << 0 << 0 << 5 << 3 << 3;
        QTest::addRow("%s/actions 30 days", backend) << b << 0 << 0 << 30 << 0 << 30 << 1 << 3;
        QTest::addRow("%s/audit 730 days", backend) << b << 0 << 0 << 0 << 730 << 30 << 3 << 2;
        QTest::addRow("%s/all", backend) << b << 30 << 0 << 30 << 365 << 10 << 1 << 2;
    }
}

void tst_Retention::purge()
{
    QFETCH(QString, backend);
    QFETCH(int, logDays);
    QFETCH(int, logMax);
    QFETCH(int, actionsDays);
    QFETCH(int, auditDays);
    QFETCH(int, logLeft);
    QFETCH(int, actionsLeft);
    QFETCH(int, auditLeft);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    QVERIFY(!store.appendLog(entriesAged({400, 40, 1}, 10)).result());
    for (int age : {400, 40, 1})
        QVERIFY(addAction(fixture, age));
    for (int age : {800, 200, 1})
        QVERIFY(addAudit(fixture, age));

    QSignalSpy purged(&store, &Store::logsPurged);
    RetentionPolicy p;
    p.logDays = logDays;
    p.logMaxEntries = logMax;
    p.actionsDays = actionsDays;
    p.auditDays = auditDays;
    const StoreResult<PurgeReport> r = store.purge(p).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.log, 30 - logLeft);
    QCOMPARE(r.value.actions, 3 - actionsLeft);
    QCOMPARE(r.value.audit, 3 - auditLeft);
    QCOMPARE(purged.size(), r.value.total() > 0 ? 1 : 0);

    const StoreResult<StoreStats> s = store.storeStats().result();
    QVERIFY(s.ok());
    QCOMPARE(s.value.logEntries, logLeft);
    QCOMPARE(s.value.actions, actionsLeft);
    QCOMPARE(s.value.auditEntries, auditLeft);
    // What is left is the newest, and the full-text index follows the table.
    LogQuery q;
    q.limit = 1000;
    const QList<LogEntry> left = store.queryLog(q).result().value;
    QCOMPARE(left.size(), logLeft);
    if (logLeft > 0)
        QVERIFY(left.constFirst().message.startsWith(QStringLiteral("1 days old")));
    q.filter.text = QStringLiteral("400 days");
    QCOMPARE(store.queryLog(q).result().value.size(), logLeft > 20 ? 10 : 0);
}

void tst_Retention::auditNeverPurgedByTheGeneralRule()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    for (int age : {2, 100, 700})
        QVERIFY(addAudit(fixture, age));
    // The shortest Log and Actions Status rules possible, the Security Audit's default.
    ServiceSettings settings;
    settings.logRetentionDays = 1;
    settings.logRetentionEntries = ServiceSettings::MinRetentionEntries;
    settings.actionsRetentionDays = 1;
    settings.actionsRetentionEntries = ServiceSettings::MinRetentionEntries;
    QCOMPARE(settings.auditRetentionDays, 730);
    QVERIFY(settings.validate().isEmpty());
    const StoreResult<PurgeReport> r = store.purge(settings.retentionPolicy()).result();
    QVERIFY(r.ok());
    QCOMPARE(r.value.audit, 0);
    QCOMPARE(store.storeStats().result().value.auditEntries, 3);
    // `oobmctl log purge` is a Log-only rule.
    RetentionPolicy logOnly;
    logOnly.logDays = 1;
    QCOMPARE(store.purge(logOnly).result().value.audit, 0);
    QCOMPARE(store.storeStats().result().value.auditEntries, 3);
}

void tst_Retention::largePurgeInBatches()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    const int old = SqlLogLedger::PurgeBatch * 2 + 17;
    QVERIFY(!store.appendLog(entriesAged({100}, old)).result());
    QVERIFY(!store.appendLog(entriesAged({0}, 3)).result());
    RetentionPolicy p;
    p.logDays = 30;
    const StoreResult<PurgeReport> r = store.purge(p).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.log, old);
    QCOMPARE(store.storeStats().result().value.logEntries, 3);
}

void tst_Retention::statsAndVacuum()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    QVERIFY(!store.appendLog(entriesAged({100}, 3000)).result());
    const StoreResult<StoreStats> before = store.storeStats().result();
    QVERIFY2(before.ok(), qPrintable(before.error.message));
    QCOMPARE(before.value.logEntries, 3000);
    QVERIFY(before.value.bytes > 0);
    RetentionPolicy p;
    p.logDays = 30;
    QCOMPARE(store.purge(p).result().value.log, 3000);
    const StoreResult<StoreStats> after = store.vacuum().result();
    QVERIFY2(after.ok(), qPrintable(after.error.message));
    QCOMPARE(after.value.logEntries, 0);
    if (backend == u"sqlite")
        QVERIFY2(after.value.bytes < before.value.bytes,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.value.bytes).arg(after.value.bytes)));
}

void tst_Retention::scheduledPurgeUsesStoredSettings()
{
    QTemporaryDir dir;
    SqlStore store(StoreLocation::sqlite(dir.filePath(QStringLiteral("oobm.db"))));
    QVERIFY(!store.openAndWait());
    ServiceSettings s;
    s.logRetentionDays = 30;
    QVERIFY(store.applyServiceSettings(s, QStringLiteral("test")).result().ok());
    QVERIFY(!store.appendLog(entriesAged({60, 0}, 4)).result());
    RetentionScheduler scheduler(&store);
    QSignalSpy purged(&scheduler, &RetentionScheduler::purged);
    scheduler.setIntervals(10, 3600 * 1000);
    QVERIFY(purged.wait(10000));
    QCOMPARE(purged.first().first().value<PurgeReport>().log, 4);
}

void tst_Retention::settingsValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::newRow("log days") << "log-retention-days"
                              << "30"
                              << "";
    QTest::newRow("log days 0") << "log-retention-days"
                                << "0"
                                << "";
    QTest::newRow("log days negative") << "log-retention-days"
                                       << "-1"
                                       << "outside that range";
    QTest::newRow("log days text") << "log-retention-days"
                                   << "a week"
                                   << "not one";
    QTest::newRow("entries small") << "log-retention-entries"
                                   << "10"
                                   << "from 1000";
    QTest::newRow("entries 0") << "actions-retention-entries"
                               << "0"
                               << "";
    QTest::newRow("audit short") << "audit-retention-days"
                                 << "30"
                                 << "at least 90 days";
    QTest::newRow("audit forever") << "audit-retention-days"
                                   << "0"
                                   << "";
    QTest::newRow("trace") << "trace-logging"
                           << "on"
                           << "";
}

void tst_Retention::settingsValidation()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    ServiceSettings s;
    const QString p = s.setValue(key, value);
    if (problem.isEmpty()) {
        QVERIFY2(p.isEmpty(), qPrintable(p));
        QCOMPARE(ServiceSettings::fromMap(s.toMap()), s);
    } else {
        QVERIFY2(p.contains(problem), qPrintable(p));
    }
}

QTEST_GUILESS_MAIN(tst_Retention)
#include "tst_retention.moc"
