// SPDX-License-Identifier: GPL-2.0-or-later
#include "common/testsupport.h"

#include "core/store/schema.h"
#include "core/store/sqlstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;

namespace {

// Another program's connection to the store's database, SQLite or PostgreSQL (open() it).
QSqlDatabase otherSession(const StoreLocation &l, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(l.driver(), name);
    if (l.driver() == u"QSQLITE") {
        db.setDatabaseName(l.path());
        return db;
    }
    db.setHostName(l.host());
    db.setPort(l.port());
    db.setDatabaseName(l.database());
    db.setUserName(l.user());
    db.setPassword(l.password());
    return db;
}

LogEntry entry(Severity severity, const QString &source, const QString &message, const QString &uuid = {},
               const QString &details = {}, qint64 msAgo = 0)
{
    LogEntry e = LogEntry::make(severity, source, message, details, uuid);
    e.time = e.time.addMSecs(-msAgo);
    return e;
}

QStringList messages(const QList<LogEntry> &entries)
{
    QStringList m;
    for (const LogEntry &e : entries)
        m << e.message;
    return m;
}

} // namespace

class tst_SqlStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createAndReopen_data() { Oobm::Test::addBackendRows(); }
    void createAndReopen();
    void settingsRoundTrip_data() { Oobm::Test::addBackendRows(); }
    void settingsRoundTrip();
    void settingsLogGatedByLevel_data() { Oobm::Test::addBackendRows(); }
    void settingsLogGatedByLevel();
    void queryLog_data();
    void queryLog();
    void keysetPaging_data() { Oobm::Test::addBackendRows(); }
    void keysetPaging();
    void migrationFromEveryVersion_data();
    void migrationFromEveryVersion();
    void schemaTooNew_data() { Oobm::Test::addBackendRows(); }
    void schemaTooNew();
    void sharedDatabaseOpenedConcurrently();

    // Each specific error.
    void readOnlyFile();
    void lockedFile();
    void lockedPostgresqlTable();
    void appendsBecomeVisibleInOrder();
    void lockedPostgresqlLedgerTables();
    void notADatabase();
    void folderNotCreatable();
    void missingDriver();
    void serverDown();
    void wrongCredentials();
    void databaseMissing();
};

#define FIXTURE(f) \
    QFETCH(QString, backend); \
    if (backend == u"postgresql") \
        OOBM_REQUIRE_POSTGRESQL(); \
    BackendFixture f(backend); \
    QVERIFY((f).isValid())

void tst_SqlStore::createAndReopen()
{
    FIXTURE(fixture);
    {
        SqlStore store(fixture.location());
        QCOMPARE(store.state(), Store::State::Closed);
        const StoreError e = store.openAndWait();
        QVERIFY2(!e, qPrintable(e.message));
        QCOMPARE(store.state(), Store::State::Open);
        QCOMPARE(store.schemaVersion(), Schema::CurrentVersion);
        QVERIFY(store.isWritable());
    }
    SqlStore again(fixture.location());
    QVERIFY(!again.openAndWait());
    QCOMPARE(again.schemaVersion(), Schema::CurrentVersion);
    const auto settings = again.serviceSettings().result();
    QVERIFY(settings.ok());
    QCOMPARE(settings.value, ServiceSettings{});
}

void tst_SqlStore::settingsRoundTrip()
{
    FIXTURE(fixture);
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    QSignalSpy changed(&store, &Store::serviceSettingsChanged);

    ServiceSettings s;
    s.listenPort = 9377;
    s.allowRemoteConfiguration = true;
    s.requireAuthorization = true;
    const auto applied = store.applyServiceSettings(s, QStringLiteral("console")).result();
    QVERIFY2(applied.ok(), qPrintable(applied.error.message));
    QCOMPARE(applied.value,
             (QStringList{QStringLiteral("Set service listening port to 9377."),
                          QStringLiteral("Set provisioning authorization mode."),
                          QStringLiteral("Set service remote configuration.")}));
    QTRY_COMPARE(changed.size(), 1);

    SqlStore other(fixture.location()); // another console on the same database sees them
    QVERIFY(!other.openAndWait());
    QCOMPARE(other.serviceSettings().result().value, s);

    const auto log = other.queryLog({}).result();
    QVERIFY(log.ok());
    QStringList expected = applied.value;
    std::reverse(expected.begin(), expected.end()); // newest first
    QCOMPARE(messages(log.value), expected);
    for (const LogEntry &e : log.value) {
        QCOMPARE(e.severity, Severity::Information);
        QCOMPARE(e.source, QStringLiteral("console"));
        QVERIFY(e.time.isValid());
        QVERIFY(qAbs(e.time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    // Applying the same values again changes and logs nothing.
    const auto again = store.applyServiceSettings(s, QStringLiteral("console")).result();
    QVERIFY(again.ok());
    QVERIFY(again.value.isEmpty());
    QCOMPARE(other.queryLog({}).result().value.size(), 3);

    // An invalid value is refused whole.
    ServiceSettings bad = s;
    bad.listenPort = 70000;
    bad.requireAuthorization = false;
    const auto refused = store.applyServiceSettings(bad, QStringLiteral("console")).result();
    QVERIFY(!refused.ok());
    QVERIFY(refused.error.message.contains(QStringLiteral("70000")));
    QCOMPARE(other.serviceSettings().result().value, s);
}

void tst_SqlStore::settingsLogGatedByLevel()
{
    FIXTURE(fixture);
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    ServiceSettings s;
    s.logLevel = LogLevel::Errors;
    // Lowering the level still records the change itself...
    QVERIFY(store.applyServiceSettings(s, QStringLiteral("oobmctl")).result().ok());
    // ...but later Information entries are not recorded at "Errors".
    s.listenPort = 9500;
    const auto r = store.applyServiceSettings(s, QStringLiteral("oobmctl")).result();
    QCOMPARE(r.value, QStringList{QStringLiteral("Set service listening port to 9500.")});
    QCOMPARE(messages(store.queryLog({}).result().value), QStringList{QStringLiteral("Set log level to Errors.")});
    QCOMPARE(store.serviceSettings().result().value.listenPort, 9500);
}

void tst_SqlStore::queryLog_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<LogFilter>("filter");
    QTest::addColumn<QStringList>("expected"); // newest first

    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    struct Row
    {
        const char *name;
        LogFilter filter;
        QStringList expected;
    };
    LogFilter errors;
    errors.severities = {Severity::Error};
    LogFilter errorsAndWarnings;
    errorsAndWarnings.severities = {Severity::Error, Severity::Warning};
    LogFilter engine;
    engine.source = QStringLiteral("engine");
    LogFilter device;
    device.deviceUuid = uuid.toLower();
    LogFilter text;
    text.text = QStringLiteral("PID");
    LogFilter detailsText;
    detailsText.text = QStringLiteral("retry 3");
    LogFilter wildcard;
    wildcard.text = QStringLiteral("100%_");
    LogFilter recent;
    recent.since = QDateTime::currentDateTimeUtc().addSecs(-1800);
    LogFilter old;
    old.until = QDateTime::currentDateTimeUtc().addSecs(-1800);
    LogFilter combined;
    combined.severities = {Severity::Error};
    combined.source = QStringLiteral("engine");
    combined.text = QStringLiteral("pid");

    const QList<Row> rows{
            {"all",
             {},
             {"Keys 100%_ done", "Incoming connection from 127.0.0.7", "failed to find PID K7QX2MBO",
              "Set service listening port to 9377.", "Old entry"}},
            {"errors", errors, {"failed to find PID K7QX2MBO"}},
            {"errors and warnings", errorsAndWarnings, {"failed to find PID K7QX2MBO", "Old entry"}},
            {"source", engine, {"Incoming connection from 127.0.0.7", "failed to find PID K7QX2MBO"}},
            {"device, any case", device, {"Incoming connection from 127.0.0.7", "failed to find PID K7QX2MBO"}},
            {"text, any case", text, {"failed to find PID K7QX2MBO"}},
            {"text in details", detailsText, {"Incoming connection from 127.0.0.7"}},
            {"text with LIKE wildcards", wildcard, {"Keys 100%_ done"}},
            {"since",
             recent,
             {"Keys 100%_ done", "Incoming connection from 127.0.0.7", "failed to find PID K7QX2MBO",
              "Set service listening port to 9377."}},
            {"until", old, {"Old entry"}},
            {"combined", combined, {"failed to find PID K7QX2MBO"}},
    };
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (const Row &r : rows)
            QTest::addRow("%s: %s", backend, r.name) << QString::fromLatin1(backend) << r.filter << r.expected;
    }
}

void tst_SqlStore::queryLog()
{
    QFETCH(LogFilter, filter);
    QFETCH(QStringList, expected);
    FIXTURE(fixture);
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    const QList<LogEntry> entries{
            entry(Severity::Warning, QStringLiteral("console"), QStringLiteral("Old entry"), {}, {}, 3600 * 1000),
            entry(Severity::Information, QStringLiteral("console"),
                  QStringLiteral("Set service listening port to 9377.")),
            entry(Severity::Error, QStringLiteral("engine"), QStringLiteral("failed to find PID K7QX2MBO"), uuid),
            entry(Severity::Information, QStringLiteral("engine"), QStringLiteral("Incoming connection from 127.0.0.7"),
                  uuid, QStringLiteral("hello version 2, retry 3")),
            entry(Severity::Debug, QStringLiteral("keys"), QStringLiteral("Keys 100%_ done")),
    };
    QSignalSpy appended(&store, &Store::logAppended);
    QVERIFY(!store.appendLog(entries).result());
    QTRY_COMPARE(appended.size(), 1);
    QVERIFY(appended.first().first().toLongLong() > 0);

    LogQuery query;
    query.filter = filter;
    const auto r = store.queryLog(query).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(messages(r.value), expected);
    // The in-memory predicate agrees with SQL.
    for (const LogEntry &e : r.value)
        QVERIFY(filter.matches(e));
}

void tst_SqlStore::keysetPaging()
{
    FIXTURE(fixture);
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    QList<LogEntry> entries;
    for (int i = 0; i < 1000; ++i)
        entries << entry(i % 2 ? Severity::Error : Severity::Information, QStringLiteral("engine"),
                         QStringLiteral("entry %1").arg(i));
    QVERIFY(!store.appendLog(entries).result());

    LogQuery q;
    q.limit = 300;
    QList<LogEntry> all;
    for (;;) {
        const auto page = store.queryLog(q).result();
        QVERIFY(page.ok());
        all += page.value;
        if (page.value.size() < q.limit)
            break;
        q.beforeId = page.value.constLast().id;
    }
    QCOMPARE(all.size(), 1000);
    QCOMPARE(all.first().message, QStringLiteral("entry 999"));
    QCOMPARE(all.last().message, QStringLiteral("entry 0"));
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).id > all.at(i).id);

    LogQuery newer;
    newer.afterId = all.at(10).id;
    QCOMPARE(store.queryLog(newer).result().value.size(), 10);
}

void tst_SqlStore::migrationFromEveryVersion_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("fromVersion");
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (int v = 1; v < Schema::CurrentVersion; ++v)
            QTest::addRow("%s from %d", backend, v) << QString::fromLatin1(backend) << v;
    }
}

void tst_SqlStore::migrationFromEveryVersion()
{
    QFETCH(int, fromVersion);
    FIXTURE(fixture);
    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    const QDateTime provisioned = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    // Build a database as the release with that schema version wrote it.
    {
        const QString name = QStringLiteral("old-builder");
        {
            QSqlDatabase db = otherSession(fixture.location(), name);
            QVERIFY(db.open());
            const auto dialect = backend == u"sqlite" ? Schema::Dialect::SQLite : Schema::Dialect::PostgreSQL;
            QVERIFY(db.transaction());
            QVERIFY(!Schema::migrate(db, dialect, 0, fromVersion));
            QVERIFY(db.commit());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO service_settings (key, value, changed_ms, changed_by) "
                                          "VALUES ('listen-port', '9377', 0, 'test')")));
            // A system provisioned before version 9 knew when its admin password was set (from
            // version 9 on, the release wrote it itself).
            if (fromVersion >= 4) {
                const QString passwordTime = fromVersion >= 9 ? QStringLiteral(", admin_password_ms") : QString();
                QVERIFY(q.prepare(QStringLiteral("INSERT INTO amt_systems (uuid, state, first_seen_ms, admin_password, "
                                                 "provisioned_ms%1) VALUES (?, ?, ?, ?, ?%2)")
                                          .arg(passwordTime, fromVersion >= 9 ? QStringLiteral(", ?") : QString())));
                q.addBindValue(uuid);
                q.addBindValue(int(SystemState::Provisioned));
                q.addBindValue(provisioned.toMSecsSinceEpoch() - 1000);
                q.addBindValue(QByteArray("sealed"));
                q.addBindValue(provisioned.toMSecsSinceEpoch());
                if (fromVersion >= 9)
                    q.addBindValue(provisioned.toMSecsSinceEpoch());
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            StoreError e;
            QCOMPARE(Schema::readVersion(db, &e), fromVersion);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    SqlStore store(fixture.location());
    const StoreError e = store.openAndWait();
    QVERIFY2(!e, qPrintable(e.message));
    QCOMPARE(store.schemaVersion(), Schema::CurrentVersion);
    QCOMPARE(store.serviceSettings().result().value.listenPort, 9377); // kept
    QVERIFY(!store.appendLog({entry(Severity::Error, QStringLiteral("engine"), QStringLiteral("after migration"))})
                     .result());
    QCOMPARE(store.queryLog({}).result().value.size(), 1);
    // Version 9: the jobs start never run; the system's password dates from its provisioning.
    const auto jobs = store.maintenanceJobs().result();
    QVERIFY2(jobs.ok(), qPrintable(jobs.error.message));
    for (const MaintenanceJobState &j : jobs.value)
        QVERIFY(!j.lastRun.isValid());
    if (fromVersion >= 4) {
        QCOMPARE(store.rotationDue(provisioned).result().value, QStringList{uuid});
        QCOMPARE(store.rotationDue(provisioned.addMSecs(-1)).result().value, QStringList{});
    }
    QVERIFY(store.claimMaintenanceJob(MaintenanceJob::ClockSync, provisioned, QStringLiteral("e"), provisioned)
                    .result()
                    .value);
    // Version 10: the reports' indexes.
    int found = 0;
    {
        QSqlDatabase db = otherSession(fixture.location(), QStringLiteral("index-check"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(backend == u"sqlite" ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                                             "name IN ('actions_step_result_time', 'hellos_time_uuid')")
                                            : QStringLiteral("SELECT indexname FROM pg_indexes WHERE indexname IN "
                                                             "('actions_step_result_time', 'hellos_time_uuid')")));
        while (q.next())
            ++found;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("index-check"));
    QCOMPARE(found, 2);
}

void tst_SqlStore::schemaTooNew()
{
    FIXTURE(fixture);
    {
        SqlStore store(fixture.location());
        QVERIFY(!store.openAndWait());
    }
    QVERIFY(fixture.exec(QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema_version'")
                                 .arg(Schema::CurrentVersion + 1)));
    SqlStore store(fixture.location());
    const StoreError e = store.openAndWait();
    QCOMPARE(e.kind, StoreError::Kind::SchemaTooNew);
    QVERIFY2(e.message.startsWith(QStringLiteral("The schema version %1 is newer than this program (%2)")
                                          .arg(Schema::CurrentVersion + 1)
                                          .arg(Schema::CurrentVersion)),
             qPrintable(e.message));
    QCOMPARE(store.state(), Store::State::Failed);
    QCOMPARE(store.lastError().message, e.message);
    QVERIFY(!store.serviceSettings().result().ok());
}

void tst_SqlStore::sharedDatabaseOpenedConcurrently()
{
    OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(QStringLiteral("postgresql"));
    QVERIFY(fixture.isValid());
    // Several engines starting at once on an empty database: one migrates, the others wait.
    std::vector<std::unique_ptr<SqlStore>> stores;
    QList<QFuture<StoreError>> opening;
    for (int i = 0; i < 4; ++i) {
        stores.push_back(std::make_unique<SqlStore>(fixture.location()));
        opening << stores.back()->open();
    }
    for (QFuture<StoreError> &f : opening) {
        const StoreError e = f.result();
        QVERIFY2(!e, qPrintable(e.message));
    }
    for (const auto &s : stores)
        QCOMPARE(s->schemaVersion(), Schema::CurrentVersion);
}

void tst_SqlStore::readOnlyFile()
{
    OOBM_RUN_UNPRIVILEGED();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("oobm.db"));
    {
        SqlStore store(StoreLocation::sqlite(path));
        QVERIFY(!store.openAndWait());
        ServiceSettings s;
        s.listenPort = 9377;
        QVERIFY(store.applyServiceSettings(s, QStringLiteral("test")).result().ok());
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));

    SqlStore store(StoreLocation::sqlite(path));
    const StoreError e = store.openAndWait();
    QVERIFY2(!e, qPrintable(e.message)); // readable: it opens read-only
    QCOMPARE(store.state(), Store::State::ReadOnly);
    QCOMPARE(store.lastError().kind, StoreError::Kind::FileReadOnly);
    QVERIFY2(store.lastError().message.startsWith(QStringLiteral("The database file %1 is read-only.").arg(path)),
             qPrintable(store.lastError().message));
    // What can work read-only does.
    QCOMPARE(store.serviceSettings().result().value.listenPort, 9377);
    QCOMPARE(store.queryLog({}).result().value.size(), 1);
    // Writes say why not.
    ServiceSettings s;
    s.listenPort = 1000;
    const auto r = store.applyServiceSettings(s, QStringLiteral("test")).result();
    QCOMPARE(r.error.kind, StoreError::Kind::FileReadOnly);
    QCOMPARE(store.appendLog({entry(Severity::Error, {}, QStringLiteral("x"))}).result().kind,
             StoreError::Kind::FileReadOnly);
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void tst_SqlStore::lockedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("oobm.db"));
    {
        SqlStore store(StoreLocation::sqlite(path));
        QVERIFY(!store.openAndWait());
    }
    // Another program holds the write lock (an exclusive transaction).
    const QString name = QStringLiteral("locker");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));

        StoreLocation l = StoreLocation::sqlite(path);
        l.setBusyTimeoutMs(200);
        SqlStore store(l);
        const StoreError e = store.openAndWait();
        QCOMPARE(e.kind, StoreError::Kind::FileLocked);
        QVERIFY2(e.message.startsWith(QStringLiteral("The database file %1 is locked by another program").arg(path)),
                 qPrintable(e.message));
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    // Once released, it opens.
    SqlStore store(StoreLocation::sqlite(path));
    QVERIFY(!store.openAndWait());
}

void tst_SqlStore::lockedPostgresqlTable()
{
    // Another session holds a table lock: the store waits as long as it would for an SQLite
    // file's lock, then says so, instead of holding its thread (and the engine) forever.
    OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(QStringLiteral("postgresql"));
    QVERIFY(fixture.isValid());
    StoreLocation l = fixture.location();
    l.setBusyTimeoutMs(500);
    SqlStore store(l);
    QVERIFY(!store.openAndWait());
    const QString name = QStringLiteral("pg-locker");
    {
        QSqlDatabase db = otherSession(l, name);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("LOCK TABLE log IN ACCESS EXCLUSIVE MODE")));
        QElapsedTimer waited;
        waited.start();
        const StoreError e = store.appendLog({LogEntry::make(Severity::Information, "test", "held up")}).result();
        QVERIFY2(e.kind == StoreError::Kind::FileLocked, qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("stayed locked by another session for 0.5 s")),
                 qPrintable(e.message));
        QVERIFY(waited.elapsed() < 5000);
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    // Once released, the same store writes.
    QVERIFY(!store.appendLog({LogEntry::make(Severity::Information, "test", "through")}).result());
}

void tst_SqlStore::lockedPostgresqlLedgerTables()
{
    // PostgreSQL prepares the ledgers' statements on the server, so a locked table fails the
    // prepare: that is reported (locked), not the "syntax error" of executing the failed statement,
    // and a write's transaction is rolled back, so the store works once the lock is released.
    OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(QStringLiteral("postgresql"));
    QVERIFY(fixture.isValid());
    StoreLocation l = fixture.location();
    l.setBusyTimeoutMs(500);
    SqlStore store(l);
    QVERIFY(!store.openAndWait());
    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    const QString name = QStringLiteral("pg-ledger-locker");
    {
        QSqlDatabase db = otherSession(l, name);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("LOCK TABLE amt_systems, security_keys IN ACCESS EXCLUSIVE MODE")));
        auto isLocked = [](const StoreError &e) {
            return e.kind == StoreError::Kind::FileLocked
                    && e.message.contains(QStringLiteral("stayed locked by another session"))
                    && !e.message.contains(QStringLiteral("syntax error"));
        };
        const auto systems = store.listSystems({}).result(); // the engine ledger
        QVERIFY2(isLocked(systems.error), qPrintable(systems.error.message));
        const auto keys = store.listKeys({}).result(); // the key ledger
        QVERIFY2(isLocked(keys.error), qPrintable(keys.error.message));
        const auto authorized = store.authorizeSystems({uuid}).result(); // in a transaction
        QVERIFY2(isLocked(authorized.error), qPrintable(authorized.error.message));
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    // Released: nothing was left half done (no transaction left aborted).
    const auto authorized = store.authorizeSystems({uuid}).result();
    QVERIFY2(authorized.ok(), qPrintable(authorized.error.message));
    QCOMPARE(authorized.value, 0);
    const auto systems = store.listSystems({}).result();
    QVERIFY2(systems.ok(), qPrintable(systems.error.message));
    QVERIFY(store.listKeys({}).result().ok());
}

void tst_SqlStore::appendsBecomeVisibleInOrder()
{
    // Several engines append to the log at once. On PostgreSQL a sequence hands out ids before
    // commit, so without care a later id could be visible before an earlier one, and a live view
    // asking for "newer than the newest I have" would miss the earlier one for good. Appends
    // take turns: one waits until the other has committed.
    OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(QStringLiteral("postgresql"));
    QVERIFY(fixture.isValid());
    StoreLocation l = fixture.location();
    l.setBusyTimeoutMs(20000);
    SqlStore store(l);
    QVERIFY(!store.openAndWait());
    const QString name = QStringLiteral("pg-other-engine");
    {
        QSqlDatabase db = otherSession(l, name);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        // Another engine in the middle of its append: it holds the turn, its entry has its id.
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7736266, 1)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO log (time_ms, severity, source, message, details) "
                                      "VALUES (0, 3, 'other', 'first', '')")));
        QFuture<StoreError> second = store.appendLog({LogEntry::make(Severity::Information, "engine", "second")});
        QVERIFY(!QTest::qWaitFor([&] { return second.isFinished(); }, 500)); // its turn has not come
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        QTRY_VERIFY(second.isFinished());
        QVERIFY(!second.result());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    const QList<LogEntry> entries = store.queryLog({}).result().value;
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).message, QStringLiteral("second"));
    QCOMPARE(entries.at(1).message, QStringLiteral("first"));
}

void tst_SqlStore::notADatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    SqlStore store(StoreLocation::sqlite(path));
    const StoreError e = store.openAndWait();
    QCOMPARE(e.kind, StoreError::Kind::NotADatabase);
    QVERIFY2(e.message.startsWith(QStringLiteral("%1 is not a SQLite database").arg(path)), qPrintable(e.message));
}

void tst_SqlStore::folderNotCreatable()
{
    // /proc refuses new folders even to root.
    SqlStore store(StoreLocation::sqlite(QStringLiteral("/proc/oobm-test/oobm.db")));
    const StoreError e = store.openAndWait();
    QCOMPARE(e.kind, StoreError::Kind::FileNotCreatable);
    QVERIFY2(e.message.contains(QStringLiteral("/proc/oobm-test")), qPrintable(e.message));
}

void tst_SqlStore::missingDriver()
{
    QString missing;
    for (const QString &d : {QStringLiteral("QMYSQL"), QStringLiteral("QODBC"), QStringLiteral("QIBASE")}) {
        if (!QSqlDatabase::isDriverAvailable(d)) {
            missing = d;
            break;
        }
    }
    QVERIFY2(!missing.isEmpty(), "every candidate driver is installed here");
    StoreLocation l = StoreLocation::postgresql(QStringLiteral("127.0.0.1"), 5432, QStringLiteral("u"),
                                                QStringLiteral("d"));
    l.setDriverOverride(missing);
    SqlStore store(l);
    const StoreError e = store.openAndWait();
    QCOMPARE(e.kind, StoreError::Kind::DriverMissing);
    QVERIFY2(e.message.contains(QStringLiteral("Qt SQL driver %1 is not installed").arg(missing)),
             qPrintable(e.message));
    QVERIFY2(e.message.contains(StoreError::debianPackageForDriver(missing)), qPrintable(e.message));
    QCOMPARE(StoreError::debianPackageForDriver(QStringLiteral("QPSQL")), QStringLiteral("libqt6sql6-psql"));
    QCOMPARE(StoreError::debianPackageForDriver(QStringLiteral("QSQLITE")), QStringLiteral("libqt6sql6-sqlite"));
}

void tst_SqlStore::serverDown()
{
    // A port on loopback that nothing listens on.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    SqlStore store(StoreLocation::postgresql(QStringLiteral("127.0.0.1"), port, QStringLiteral("oobm"),
                                             QStringLiteral("oobm")));
    const StoreError e = store.openAndWait();
    QCOMPARE(e.kind, StoreError::Kind::ServerUnreachable);
    QVERIFY2(e.message.startsWith(QStringLiteral("PostgreSQL at 127.0.0.1:%1 refused the connection.").arg(port)),
             qPrintable(e.message));
}

void tst_SqlStore::wrongCredentials()
{
    OOBM_REQUIRE_POSTGRESQL();
    const StoreLocation server = Oobm::Test::postgresqlServer();
    QString error;
    const StoreLocation wrong = StoreLocation::parse(QStringLiteral("postgresql://%1:definitely-wrong@%2:%3/%4")
                                                             .arg(server.user(), server.host())
                                                             .arg(server.port())
                                                             .arg(server.database()),
                                                     &error);
    QVERIFY2(wrong.isValid(), qPrintable(error));
    SqlStore store(wrong);
    const StoreError e = store.openAndWait();
    QCOMPARE(e.kind, StoreError::Kind::AuthenticationFailed);
    QVERIFY2(e.message.contains(QStringLiteral("rejected the user '%1'").arg(server.user())), qPrintable(e.message));
    QVERIFY(!e.message.contains(QStringLiteral("definitely-wrong")));
}

void tst_SqlStore::databaseMissing()
{
    OOBM_REQUIRE_POSTGRESQL();
    const StoreLocation server = Oobm::Test::postgresqlServer();
    SqlStore store(
            StoreLocation::postgresql(server.host(), server.port(), server.user(), QStringLiteral("oobm_no_such_db")));
    const StoreError e = store.openAndWait();
    QCOMPARE(e.kind, StoreError::Kind::DatabaseMissing);
    QVERIFY2(e.message.contains(QStringLiteral("has no database 'oobm_no_such_db'")), qPrintable(e.message));
}

QTEST_GUILESS_MAIN(tst_SqlStore)
#include "tst_sqlstore.moc"
