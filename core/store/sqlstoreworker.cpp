// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlstoreworker.h"

#include "core/logging.h"
#include "core/store/sqlhelpers.h"
#include "core/store/sqltransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <QVariant>

namespace Oobm::Core {

namespace {

// SQLite primary result codes (sqlite3.h), as QSQLITE reports them in nativeErrorCode().
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADb = 26,
};

} // namespace

SqlStoreWorker::SqlStoreWorker(const StoreLocation &location, const QString &connectionName)
    : m_location(location)
    , m_connectionName(connectionName)
{ }

SqlStoreWorker::~SqlStoreWorker()
{
    close();
}

QSqlDatabase SqlStoreWorker::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Schema::Dialect SqlStoreWorker::dialect() const
{
    return m_location.kind() == StoreLocation::Kind::SQLite ? Schema::Dialect::SQLite : Schema::Dialect::PostgreSQL;
}

void SqlStoreWorker::close()
{
    if (m_watch)
        m_watch->stop();
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

SqlStoreWorker::OpenResult SqlStoreWorker::open()
{
    close();
    const QString driver = m_location.driver();
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        const QString kind = m_location.kind() == StoreLocation::Kind::SQLite ? QStringLiteral("SQLite")
                                                                              : QStringLiteral("PostgreSQL");
        const QString package = StoreError::debianPackageForDriver(driver);
        OpenResult r;
        r.error = StoreError::make(StoreError::Kind::DriverMissing,
                                   tr("The Qt SQL driver %1 is not installed, so OOBM cannot open %2 "
                                      "databases. Install the Debian package %3 (sudo apt-get install %3).")
                                           .arg(driver, kind, package));
        return r;
    }
    return m_location.kind() == StoreLocation::Kind::SQLite ? openSqlite() : openPostgresql();
}

SqlStoreWorker::OpenResult SqlStoreWorker::openSqlite()
{
    OpenResult r;
    const QString path = m_location.path();
    const QFileInfo file(path);
    const QString folder = file.absolutePath();
    bool readOnly = false;

    if (file.exists()) {
        if (!file.isReadable()) {
            r.error = StoreError::make(StoreError::Kind::FileUnreadable,
                                       tr("The database file %1 cannot be read by this user. Give it read "
                                          "and write permission (chmod u+rw %1) or choose another database.")
                                               .arg(path));
            return r;
        }
        if (!file.isWritable()) {
            readOnly = true;
            m_readOnlyReason = StoreError::make(
                    StoreError::Kind::FileReadOnly,
                    tr("The database file %1 is read-only. Make it writable for this user (chmod "
                       "u+w %1); "
                       "until then OOBM shows what it holds but cannot change it.")
                            .arg(path));
        } else if (!QFileInfo(folder).isWritable()) {
            r.error = StoreError::make(StoreError::Kind::FileReadOnly,
                                       tr("The folder %1 is read-only, so SQLite cannot keep its journal "
                                          "next to the database file. Make the folder writable for this user.")
                                               .arg(folder));
            return r;
        }
    } else {
        if (!QDir().mkpath(folder)) {
            r.error = StoreError::make(StoreError::Kind::FileNotCreatable,
                                       tr("The folder %1 for the database does not exist and cannot be "
                                          "created. Create it, or choose another location with --database.")
                                               .arg(folder));
            return r;
        }
        if (!QFileInfo(folder).isWritable()) {
            r.error = StoreError::make(StoreError::Kind::FileNotCreatable,
                                       tr("The database file %1 does not exist and cannot be created: the "
                                          "folder %2 is read-only. Choose another location with --database.")
                                               .arg(path, folder));
            return r;
        }
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(m_location.driver(), m_connectionName);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_location.busyTimeoutMs());
    if (readOnly) {
        // A WAL database can only be read where SQLite may create its -shm file; a read-only
        // file usually sits in a folder we cannot write either, so open it as immutable.
        db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
        options += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(path);
    }
    db.setConnectOptions(options);
    if (!db.open()) {
        r.error = mapError(db.lastError());
        return r;
    }
    QSqlQuery q(db);
    // Any read proves it is a SQLite file at all ("file is not a database" otherwise).
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        r.error = mapError(q.lastError());
        return r;
    }
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!readOnly) {
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            r.error = mapError(q.lastError());
            return r;
        }
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    return finishOpen(readOnly);
}

SqlStoreWorker::OpenResult SqlStoreWorker::openPostgresql()
{
    OpenResult r;
    QSqlDatabase db = QSqlDatabase::addDatabase(m_location.driver(), m_connectionName);
    db.setHostName(m_location.host());
    db.setPort(m_location.port());
    db.setDatabaseName(m_location.database());
    if (!m_location.user().isEmpty())
        db.setUserName(m_location.user());
    if (!m_location.password().isEmpty())
        db.setPassword(m_location.password());
    db.setConnectOptions(
            QStringLiteral("connect_timeout=%1;application_name=oobm").arg(m_location.connectTimeoutSeconds()));
    if (!db.open()) {
        r.error = mapError(db.lastError());
        return r;
    }
    // A table or row locked by another session is waited for as long as SQLite waits for its
    // file's lock, then reported (55P03), instead of holding the store thread forever.
    QSqlQuery timeout(db);
    if (!timeout.exec(QStringLiteral("SET lock_timeout = %1").arg(m_location.busyTimeoutMs()))) {
        r.error = mapError(timeout.lastError());
        return r;
    }
    return finishOpen(false);
}

SqlStoreWorker::OpenResult SqlStoreWorker::finishOpen(bool readOnly)
{
    OpenResult r;
    QSqlDatabase db = database();
    StoreError error;
    int version = Schema::readVersion(db, &error);
    if (error) {
        r.error = error;
        return r;
    }
    if (version > Schema::CurrentVersion) {
        r.error = StoreError::make(StoreError::Kind::SchemaTooNew,
                                   tr("The schema version %1 is newer than this program (%2): a newer "
                                      "OOBM has written to this database. Update OOBM on this machine, or "
                                      "open another database.")
                                           .arg(version)
                                           .arg(Schema::CurrentVersion));
        return r;
    }
    if (readOnly) {
        if (version < Schema::CurrentVersion) {
            r.error = StoreError::make(StoreError::Kind::FileReadOnly,
                                       tr("The database file %1 is read-only and uses schema version %2; "
                                          "this program needs version %3 and cannot upgrade a read-only "
                                          "file. Make it writable (chmod u+w %1) and start again.")
                                               .arg(m_location.path())
                                               .arg(version)
                                               .arg(Schema::CurrentVersion));
            return r;
        }
        m_readOnly = true;
        m_open = true;
        makeLedgers();
        startWatching();
        r.readOnlyReason = m_readOnlyReason;
        r.schemaVersion = version;
        return r;
    }

    // Take the write lock even when there is nothing to migrate: it proves that this process can
    // write, and it serializes migrations between engines sharing the database.
    Sql::Transaction t(m_connectionName, dialect(), [this](const QSqlError &e) { return mapError(e); });
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    if (dialect() == Schema::Dialect::PostgreSQL) {
        // Another engine migrating may take long (building an index): wait for it, however long.
        QSqlQuery lock(db);
        if (!lock.exec(QStringLiteral("SET LOCAL lock_timeout = 0"))
            || !lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7736266)"))) {
            r.error = mapError(lock.lastError());
            return r;
        }
        version = Schema::readVersion(db, &error); // another engine may have migrated meanwhile
        if (error) {
            r.error = error;
            return r;
        }
    }
    if (StoreError e = Schema::migrate(db, dialect(), version)) {
        r.error = e;
        return r;
    }
    if (dialect() == Schema::Dialect::SQLite)
        Schema::ensureFullText(db, dialect());
    if (StoreError e = t.commit()) {
        r.error = e;
        return r;
    }
    if (dialect() == Schema::Dialect::PostgreSQL)
        Schema::ensureFullText(db, dialect());
    m_open = true;
    m_readOnly = false;
    r.schemaVersion = Schema::CurrentVersion;
    makeLedgers();
    startWatching();
    return r;
}

StoreError SqlStoreWorker::notWritable() const
{
    if (!m_open)
        return StoreError::make(StoreError::Kind::NotOpen, tr("The database is not open."));
    return m_readOnlyReason;
}

StoreError SqlStoreWorker::mapError(const QSqlError &error) const
{
    const QString text = error.text();
    const QString where = m_location.where();
    if (dialect() == Schema::Dialect::SQLite) {
        const int code = error.nativeErrorCode().toInt() & 0xff;
        switch (code) {
        case SqliteBusy:
        case SqliteLocked:
            return StoreError::make(StoreError::Kind::FileLocked,
                                    tr("The database file %1 is locked by another program and stayed "
                                       "locked for %2 s. Close the program holding it (another OOBM "
                                       "engine or console busy with a long task, or a backup tool), then "
                                       "try again.")
                                            .arg(where)
                                            .arg(m_location.busyTimeoutMs() / 1000.0, 0, 'g', 2));
        case SqliteReadOnly:
            return StoreError::make(StoreError::Kind::FileReadOnly,
                                    tr("The database file %1 is read-only. Make it writable for this "
                                       "user (chmod u+w %1).")
                                            .arg(where));
        case SqliteCantOpen:
            return StoreError::make(StoreError::Kind::FileNotCreatable,
                                    tr("SQLite cannot open the database file %1 (%2). Check that the "
                                       "path exists and that this user may read and write it.")
                                            .arg(where, text));
        case SqliteNotADb:
            return StoreError::make(StoreError::Kind::NotADatabase,
                                    tr("%1 is not a SQLite database (it may be another program's file, "
                                       "or damaged). Move it away or choose another database.")
                                            .arg(where));
        case SqliteFull:
            return StoreError::make(StoreError::Kind::DiskFull,
                                    tr("The disk holding the database file %1 is full: free space on it (df -h "
                                       "%2 shows how much is left); nothing was written.")
                                            .arg(where, QFileInfo(where).absolutePath()));
        default:
            return StoreError::make(StoreError::Kind::Query, tr("SQLite error on %1: %2").arg(where, text));
        }
    }

    // QPSQL reports the SQLSTATE as the native error code, and the server's sentence as
    // "ERROR:  permission denied for table log\n(42501)".
    const QString sqlState = error.nativeErrorCode();
    QString serverText = error.databaseText();
    serverText.remove(QLatin1Char('(') + sqlState + QLatin1Char(')'));
    serverText = serverText.simplified();
    if (serverText.startsWith(u"ERROR:"))
        serverText = serverText.mid(6).trimmed();
    if (!serverText.isEmpty() && !serverText.endsWith(u'.'))
        serverText += u'.';
    if (sqlState == u"55P03")
        return StoreError::make(StoreError::Kind::FileLocked,
                                tr("The PostgreSQL database at %1 stayed locked by another session for %2 s: %3 "
                                   "Find the session holding the lock (pg_locks, pg_stat_activity: often one left "
                                   "\"idle in transaction\"), end it or let it finish, then try again.")
                                        .arg(where)
                                        .arg(m_location.busyTimeoutMs() / 1000.0, 0, 'g', 2)
                                        .arg(serverText));
    if (sqlState == u"53100")
        return StoreError::make(StoreError::Kind::DiskFull,
                                tr("The disk of the PostgreSQL server at %1 is full: %2 Free space "
                                   "on the server's data folder; nothing was written.")
                                        .arg(where, serverText));
    if (sqlState == u"42501")
        return StoreError::make(StoreError::Kind::PermissionDenied,
                                tr("PostgreSQL at %1 does not let the user '%2' do this: %3 Grant it what OOBM needs "
                                   "in the database '%4' (GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN "
                                   "SCHEMA public TO %2; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %2), or "
                                   "connect as the database's owner.")
                                        .arg(where, m_location.user(), serverText, m_location.database()));

    const QString lower = text.toLower();
    if (lower.contains(u"connection refused"))
        return StoreError::make(StoreError::Kind::ServerUnreachable,
                                tr("PostgreSQL at %1 refused the connection. Check that the server "
                                   "runs and listens on that address and port (listen_addresses, "
                                   "port in postgresql.conf).")
                                        .arg(where));
    if (lower.contains(u"timeout expired") || lower.contains(u"timed out"))
        return StoreError::make(StoreError::Kind::ServerUnreachable,
                                tr("PostgreSQL at %1 did not answer within %2 s. Check the address "
                                   "and any firewall between this machine and the server.")
                                        .arg(where)
                                        .arg(m_location.connectTimeoutSeconds()));
    if (lower.contains(u"could not translate host name") || lower.contains(u"name or service not known"))
        return StoreError::make(StoreError::Kind::ServerUnreachable,
                                tr("The PostgreSQL host name '%1' cannot be resolved. Check the "
                                   "spelling, or use the server's IP address.")
                                        .arg(m_location.host()));
    if (lower.contains(u"password authentication failed") || lower.contains(u"no password supplied")
        || lower.contains(u"authentication failed") || lower.contains(u"role \"") || lower.contains(u"pg_hba.conf"))
        return StoreError::make(StoreError::Kind::AuthenticationFailed,
                                tr("PostgreSQL at %1 rejected the user '%2': %3 Set PGPASSWORD to "
                                   "that user's password, or name another user in the URL.")
                                        .arg(where, m_location.user(), error.databaseText().trimmed()));
    if (lower.contains(u"database \"") && lower.contains(u"does not exist"))
        return StoreError::make(StoreError::Kind::DatabaseMissing,
                                tr("PostgreSQL at %1 has no database '%2'. Create it (createdb -h %3 "
                                   "-p %4 %2) or name an existing one.")
                                        .arg(where, m_location.database(), m_location.host())
                                        .arg(m_location.port()));
    if (lower.contains(u"could not connect") || lower.contains(u"server closed the connection")
        || lower.contains(u"no connection to the server"))
        return StoreError::make(StoreError::Kind::ServerUnreachable,
                                tr("PostgreSQL at %1 cannot be reached: %2").arg(where, text.trimmed()));
    return StoreError::make(StoreError::Kind::Query, tr("PostgreSQL error on %1: %2").arg(where, text.trimmed()));
}

void SqlStoreWorker::makeLedgers()
{
    const SqlLedger::Context context{m_connectionName, dialect(), [this](const QSqlError &e) { return mapError(e); },
                                     &m_dataKey};
    m_log = std::make_unique<SqlLogLedger>(
            context, m_location.kind() == StoreLocation::Kind::SQLite ? m_location.path() : QString());
    m_settings = std::make_unique<SqlSettingsLedger>(context, m_log.get());
    m_keys = std::make_unique<SqlKeyLedger>(context, m_log.get());
    m_certificates = std::make_unique<SqlCertificateLedger>(context);
    m_profiles = std::make_unique<SqlProfileLedger>(context, m_certificates.get());
    m_fleet = std::make_unique<SqlFleetLedger>(context);
    m_systems = std::make_unique<SqlSystemLedger>(context,
                                                  SqlSystemLedger::Ledgers{m_settings.get(), m_log.get(), m_keys.get(),
                                                                           m_certificates.get(), m_profiles.get(),
                                                                           m_fleet.get()});
    m_engines = std::make_unique<SqlEngineLedger>(context);
    m_tasks = std::make_unique<SqlTaskLedger>(context, m_fleet.get(), m_log.get(), m_profiles.get());
    m_reports = std::make_unique<SqlReportLedger>(context, m_fleet.get());
    m_maintenance = std::make_unique<SqlMaintenanceLedger>(context);
}

StoreError SqlStoreWorker::usable(bool writable) const
{
    if (!m_open || !m_log || (writable && m_readOnly))
        return notWritable();
    return {};
}

void SqlStoreWorker::startWatching()
{
    if (const auto loaded = m_settings->load(); loaded.ok())
        m_lastSettings = loaded.value;
    if (QSqlQuery max(database()); max.exec(QStringLiteral("SELECT MAX(revision) FROM amt_systems")) && max.next())
        m_systemsRevision = max.value(0).toLongLong();
    if (dialect() == Schema::Dialect::PostgreSQL) {
        QSqlDriver *driver = database().driver();
        connect(driver, &QSqlDriver::notification, this, &SqlStoreWorker::onNotification, Qt::UniqueConnection);
        for (const QString &channel :
             {QString(SqlSettingsLedger::NotifyChannel), QString(SqlSystemLedger::NotifyChannel),
              QString(SqlTaskLedger::NotifyChannel)}) {
            if (!driver->subscribeToNotification(channel))
                qCWarning(lcStore) << "cannot LISTEN on" << channel << ':' << driver->lastError().text()
                                   << "- changes by other processes are seen at the next restart";
        }
        if (!m_systemsBatch) {
            m_systemsBatch = new QTimer(this);
            m_systemsBatch->setSingleShot(true);
            m_systemsBatch->setInterval(100);
            connect(m_systemsBatch, &QTimer::timeout, this, [this] {
                const QStringList uuids(m_changedSystems.cbegin(), m_changedSystems.cend());
                m_changedSystems.clear();
                if (!uuids.isEmpty())
                    Q_EMIT systemsChangedElsewhere(uuids);
            });
        }
        return;
    }
    if (!m_watch) {
        m_watch = new QTimer(this);
        m_watch->setInterval(WatchIntervalMs);
        connect(m_watch, &QTimer::timeout, this, &SqlStoreWorker::checkSqliteChanges);
    }
    // Taken now, not at the first change seen: a run another process claims and finishes before the
    // first check must still be reported.
    m_runsSeen = runsFingerprint();
    m_dataVersion = -1;
    checkSqliteChanges();
    m_watch->start();
}

void SqlStoreWorker::checkSqliteChanges()
{
    if (!m_open)
        return;
    // data_version changes when another connection commits (never for this one's own writes): a
    // cheap question that needs no table read when nothing happened.
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return;
    const qint64 version = q.value(0).toLongLong();
    const bool first = m_dataVersion < 0;
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    if (first)
        return;
    reloadSettings();
    bool overflow = false;
    const auto changed = m_systems->changedSince(m_systemsRevision, 1000, &m_systemsRevision, &overflow);
    if (changed.ok() && (overflow || !changed.value.isEmpty()))
        Q_EMIT systemsChangedElsewhere(changed.value);
    if (const qint64 seen = runsFingerprint(); seen >= 0 && seen != m_runsSeen) {
        m_runsSeen = seen;
        Q_EMIT runsChangedElsewhere();
    }
}

qint64 SqlStoreWorker::runsFingerprint() const
{
    // Every change to a run stamps its changed_ms (SqlTaskLedger); a new run adds to the count.
    QSqlQuery runs(database());
    if (!runs.exec(QStringLiteral("SELECT COALESCE(MAX(changed_ms), 0) + COUNT(*) FROM task_runs")) || !runs.next())
        return -1;
    return runs.value(0).toLongLong();
}

void SqlStoreWorker::onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    if (source == QSqlDriver::SelfSource || !m_open)
        return;
    if (name == SqlSettingsLedger::NotifyChannel) {
        reloadSettings();
    } else if (name == SqlTaskLedger::NotifyChannel) {
        Q_EMIT runsChangedElsewhere();
    } else if (name == SqlSystemLedger::NotifyChannel) {
        m_changedSystems.insert(payload.toString());
        if (m_systemsBatch && !m_systemsBatch->isActive())
            m_systemsBatch->start();
    }
}

void SqlStoreWorker::reloadSettings()
{
    const auto loaded = m_settings->load();
    if (!loaded.ok() || loaded.value == m_lastSettings)
        return;
    m_lastSettings = loaded.value;
    Q_EMIT settingsChangedElsewhere(loaded.value);
}

} // namespace Oobm::Core
