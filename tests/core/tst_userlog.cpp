// SPDX-License-Identifier: GPL-2.0-or-later
#include "common/testsupport.h"

#include "core/log/userlog.h"
#include "core/store/sqlstore.h"

#include <QFile>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;

namespace {
int countEntries(Store &store)
{
    LogQuery q;
    q.limit = 1000000;
    return int(store.queryLog(q).result().value.size());
}
} // namespace

class tst_UserLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gating_data();
    void gating();
    void burst_data() { Oobm::Test::addBackendRows(); }
    void burst();
    void keptUntilStoreOpens();
    void levelFollowsStoredSettings();
    void failureReportedOnce();
    void traceFollowsTheSettingNotTheLevel();
};

void tst_UserLog::gating_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("severity");
    QTest::addColumn<bool>("written");
    const char *levelNames[] = { "errors", "debug-warning", "information", "debug" };
    for (int level = 0; level < 4; ++level) {
        for (Severity s : allSeverities()) {
            const bool written = int(s) <= level + 1;
            QTest::addRow("%s/%s", levelNames[level], qPrintable(severityKey(s)))
                    << level << int(s) << written;
        }
    }
}

void tst_UserLog::gating()
{
    QFETCH(int, level);
    QFETCH(int, severity);
    QFETCH(bool, written);
    QTemporaryDir dir;
    SqlStore store(StoreLocation::sqlite(dir.filePath(QStringLiteral("oobm.db"))));
    QVERIFY(!store.openAndWait());
    UserLog log(&store, QStringLiteral("test"));
    log.setLevel(LogLevel(level));
    QCOMPARE(log.accepts(Severity(severity)), written);
    log.log(Severity(severity), QStringLiteral("the entry"), QStringLiteral("some details"),
            QStringLiteral("4b529b93-d413-181d-e487-1c697a6b7a2b"));
    QVERIFY(!log.flush().result());
    const auto entries = store.queryLog({}).result().value;
    QCOMPARE(entries.size(), written ? 1 : 0);
    if (written) {
        QCOMPARE(entries.first().severity, Severity(severity));
        QCOMPARE(entries.first().source, QStringLiteral("test"));
        QCOMPARE(entries.first().details, QStringLiteral("some details"));
        QCOMPARE(entries.first().deviceUuid,
                 QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"));
    }
}

void tst_UserLog::burst()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    UserLog log(&store, QStringLiteral("engine"));
    log.setLevel(LogLevel::Debug);
    QSignalSpy appended(&store, &Store::logAppended);

    // 10,000 entries from the engine's point of view: log() must return at once.
    for (int i = 0; i < 10000; ++i)
        log.information(QStringLiteral("Incoming connection from 127.0.0.%1").arg(i % 250 + 1));
    // They go out in a handful of transactions, not 10,000.
    QTRY_COMPARE_WITH_TIMEOUT(countEntries(store), 10000, 30000);
    QVERIFY2(appended.size() <= 10000 / UserLog::MaxBatch + 1,
             qPrintable(QString::number(appended.size())));
    QCOMPARE(log.droppedCount(), 0);
}

void tst_UserLog::keptUntilStoreOpens()
{
    QTemporaryDir dir;
    SqlStore store(StoreLocation::sqlite(dir.filePath(QStringLiteral("oobm.db"))));
    UserLog log(&store, QStringLiteral("console"));
    log.warning(QStringLiteral("written before the store was open"));
    log.error(QStringLiteral("this too"));
    QCoreApplication::processEvents();
    QVERIFY(!store.openAndWait());
    QTRY_COMPARE(countEntries(store), 2);
}

void tst_UserLog::levelFollowsStoredSettings()
{
    QTemporaryDir dir;
    const StoreLocation l = StoreLocation::sqlite(dir.filePath(QStringLiteral("oobm.db")));
    {
        SqlStore other(l);
        QVERIFY(!other.openAndWait());
        ServiceSettings s;
        s.logLevel = LogLevel::Errors;
        QVERIFY(other.applyServiceSettings(s, QStringLiteral("oobmctl")).result().ok());
    }
    SqlStore store(l);
    UserLog log(&store, QStringLiteral("console"));
    QCOMPARE(log.level(), LogLevel::Information); // default until the store says otherwise
    QVERIFY(!store.openAndWait());
    QTRY_COMPARE(log.level(), LogLevel::Errors);

    ServiceSettings s;
    s.logLevel = LogLevel::Debug;
    QVERIFY(store.applyServiceSettings(s, QStringLiteral("console")).result().ok());
    QTRY_COMPARE(log.level(), LogLevel::Debug);
}

void tst_UserLog::failureReportedOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.db"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(2048, 'z'));
    f.close();
    SqlStore store(StoreLocation::sqlite(path));
    UserLog log(&store, QStringLiteral("engine"));
    QSignalSpy failed(&log, &UserLog::writeFailed);
    QVERIFY(store.openAndWait());
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 100; ++i)
            log.error(QStringLiteral("entry %1").arg(i));
        log.flush();
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<StoreError>().kind, StoreError::Kind::NotADatabase);
    QCOMPARE(log.droppedCount(), 300);
}

void tst_UserLog::traceFollowsTheSettingNotTheLevel()
{
    QTemporaryDir dir;
    SqlStore store(StoreLocation::sqlite(dir.filePath(QStringLiteral("oobm.db"))));
    QVERIFY(!store.openAndWait());
    UserLog log(&store, QStringLiteral("engine"));
    QTRY_COMPARE(log.level(), LogLevel::Information);
    QVERIFY(!log.isTracing()); // off by default
    log.trace(QStringLiteral("SOAP GetCoreVersion to 10.0.0.1:16993: OK in 12 ms"));
    QVERIFY(!log.flush().result());

    ServiceSettings s;
    s.logLevel = LogLevel::Errors; // the trace does not depend on it
    s.traceLogging = true;
    QVERIFY(store.applyServiceSettings(s, QStringLiteral("test")).result().ok());
    QTRY_VERIFY(log.isTracing());
    log.debug(QStringLiteral("a debug entry the level drops"));
    log.trace(QStringLiteral("SOAP CommitChanges to 10.0.0.1:16993: OK in 40 ms"), {},
              QStringLiteral("4b529b93-d413-181d-e487-1c697a6b7a2b"));
    QVERIFY(!log.flush().result());
    LogQuery q;
    q.filter.source = UserLog::TraceSource;
    const auto entries = store.queryLog(q).result().value;
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().severity, Severity::Debug);
    QVERIFY(entries.first().message.startsWith(QStringLiteral("SOAP CommitChanges")));
    q.filter.source.clear();
    q.filter.text = QStringLiteral("the level drops");
    QVERIFY(store.queryLog(q).result().value.isEmpty());
}

QTEST_GUILESS_MAIN(tst_UserLog)
#include "tst_userlog.moc"
