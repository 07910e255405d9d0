// SPDX-License-Identifier: GPL-2.0-or-later
#include "common/testsupport.h"

#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
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

qint64 totalEntries(Store &store)
{
    return store.countLog({}).result().value.total();
}

QList<LogEntry> entriesWith(Store &store, const QString &text)
{
    LogQuery q;
    q.filter.text = text;
    return store.queryLog(q).result().value;
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
    void lockedDatabaseKeepsEntriesAndRetries();
    void fullDiskKeepsEntriesAndRetries();
    void traceFollowsTheSettingNotTheLevel();
};

void tst_UserLog::gating_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("severity");
    QTest::addColumn<bool>("written");
    const char *levelNames[] = {"errors", "debug-warning", "information", "debug"};
    for (int level = 0; level < 4; ++level) {
        for (Severity s : allSeverities()) {
            const bool written = int(s) <= level + 1;
            QTest::addRow("%s/%s", levelNames[level], qPrintable(severityKey(s))) << level << int(s) << written;
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
        QCOMPARE(entries.first().deviceUuid, QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"));
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
    QVERIFY2(appended.size() <= 10000 / UserLog::MaxBatch + 1, qPrintable(QString::number(appended.size())));
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

void tst_UserLog::lockedDatabaseKeepsEntriesAndRetries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("oobm.db"));
    StoreLocation l = StoreLocation::sqlite(path);
    l.setBusyTimeoutMs(200);
    SqlStore store(l);
    QVERIFY(!store.openAndWait());
    UserLog log(&store, QStringLiteral("engine"));
    QSignalSpy failed(&log, &UserLog::writeFailed);
    QSignalSpy recovered(&log, &UserLog::writeRecovered);

    // Another program holds the write lock (an exclusive transaction) longer than the busy
    // timeout.
    const QString name = QStringLiteral("locker");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));

        // Every attempt fails; the entries are kept, the cause is reported once.
        for (int round = 0; round < 3; ++round) {
            log.error(QStringLiteral("written while locked %1").arg(round));
            QCOMPARE(log.flush().result().kind, StoreError::Kind::FileLocked);
            QTRY_COMPARE(log.pendingCount(), round + 1);
        }
        QCOMPARE(failed.size(), 1);
        const StoreError e = failed.first().first().value<StoreError>();
        QCOMPARE(e.kind, StoreError::Kind::FileLocked);
        QVERIFY2(e.message.startsWith(QStringLiteral("The database file %1 is locked by another program").arg(path)),
                 qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("Log entries are kept (up to 100000)")), qPrintable(e.message));
        QCOMPARE(log.droppedCount(), 0);

        // A burst meanwhile is queued at once (the engine is not held up) and bounded by
        // MaxPending: the oldest entries beyond it are dropped and counted.
        for (int i = 0; i < UserLog::MaxPending; ++i)
            log.information(QStringLiteral("burst %1").arg(i));
        QTRY_COMPARE(log.droppedCount(), 3);
        QCOMPARE(totalEntries(store), 0);
        QCOMPARE(failed.size(), 1);

        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);

    // Released: the next retry writes everything kept, and says what was lost.
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, UserLog::MaxRetryMs + 10000);
    QCOMPARE(recovered.first().first().toLongLong(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(totalEntries(store), UserLog::MaxPending + 1, 60000);
    QCOMPARE(log.pendingCount(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(log.droppedCount(), 3);
    QVERIFY(entriesWith(store, QStringLiteral("written while locked")).isEmpty()); // the oldest
    QCOMPARE(entriesWith(store, QStringLiteral("burst 0")).size(), 1);
    const auto recovery = entriesWith(store, QStringLiteral("written again"));
    QCOMPARE(recovery.size(), 1);
    QCOMPARE(recovery.first().severity, Severity::Warning);
    QVERIFY2(recovery.first().message.contains(QStringLiteral("3 were lost")), qPrintable(recovery.first().message));
    QVERIFY2(recovery.first().details.contains(QStringLiteral("is locked by another program")),
             qPrintable(recovery.first().details));

    // A later lock is a new failure, reported again.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        log.error(QStringLiteral("locked again"));
        QCOMPARE(log.flush().result().kind, StoreError::Kind::FileLocked);
        QTRY_COMPARE(failed.size(), 2);
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 2, UserLog::MaxRetryMs + 10000);
    QCOMPARE(recovered.last().first().toLongLong(), 0);
    QTRY_COMPARE(entriesWith(store, QStringLiteral("locked again")).size(), 1);
}

void tst_UserLog::fullDiskKeepsEntriesAndRetries()
{
    // From here on in a child process whose dir is a 4 MiB tmpfs of its own.
    QString dir;
    OOBM_RUN_IN_SMALL_FILESYSTEM(4 * 1024 * 1024, &dir);
    const QString path = dir + QStringLiteral("/oobm.db");
    SqlStore store(StoreLocation::sqlite(path));
    QVERIFY(!store.openAndWait());
    UserLog log(&store, QStringLiteral("engine"));
    QSignalSpy failed(&log, &UserLog::writeFailed);
    QSignalSpy recovered(&log, &UserLog::writeRecovered);

    // Another program fills the disk.
    const QString ballastPath = dir + QStringLiteral("/ballast");
    {
        QFile ballast(ballastPath);
        QVERIFY(ballast.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        for (const qsizetype size : {64 * 1024, 512}) {
            const QByteArray chunk(size, 'b');
            while (ballast.write(chunk) == chunk.size()) { }
        }
        QCOMPARE(ballast.error(), QFileDevice::ResourceError); // ENOSPC
    }

    // Every attempt fails with a real ENOSPC; the entries are kept, the cause reported once.
    const QString details(2000, u'x');
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 100; ++i)
            log.error(QStringLiteral("written on a full disk %1.%2").arg(round).arg(i), details);
        QCOMPARE(log.flush().result().kind, StoreError::Kind::DiskFull);
        QTRY_COMPARE(log.pendingCount(), (round + 1) * 100);
    }
    QCOMPARE(failed.size(), 1);
    const StoreError e = failed.first().first().value<StoreError>();
    QCOMPARE(e.kind, StoreError::Kind::DiskFull);
    QVERIFY2(e.message.startsWith(QStringLiteral("The disk holding the database file %1 is full: free space on "
                                                 "it (df -h %2 shows how much is left)")
                                          .arg(path, dir)),
             qPrintable(e.message));
    QVERIFY2(e.message.contains(QStringLiteral("Log entries are kept")), qPrintable(e.message));
    QCOMPARE(log.droppedCount(), 0);
    QCOMPARE(totalEntries(store), 0); // reading still works

    // Space is freed: the next retry writes what was kept.
    QVERIFY(QFile::remove(ballastPath));
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, UserLog::MaxRetryMs + 10000);
    QCOMPARE(recovered.first().first().toLongLong(), 0);
    QTRY_COMPARE(totalEntries(store), 300 + 1);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(log.droppedCount(), 0);
    const auto recovery = entriesWith(store, QStringLiteral("written again"));
    QCOMPARE(recovery.size(), 1);
    QCOMPARE(recovery.first().severity, Severity::Information);
    QVERIFY2(recovery.first().message.contains(QStringLiteral("none was lost")), qPrintable(recovery.first().message));
    QVERIFY(recovery.first().details.contains(QStringLiteral("is full")));
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
