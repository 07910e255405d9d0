// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/settings/servicesettings.h"
#include "core/store/datakey.h"
#include "core/store/schema.h"
#include "core/store/sqlcertificateledger.h"
#include "core/store/sqlengineledger.h"
#include "core/store/sqlfleetledger.h"
#include "core/store/sqlkeyledger.h"
#include "core/store/sqllogledger.h"
#include "core/store/sqlmaintenanceledger.h"
#include "core/store/sqlprofileledger.h"
#include "core/store/sqlreportledger.h"
#include "core/store/sqlsettingsledger.h"
#include "core/store/sqlsystemledger.h"
#include "core/store/sqltaskledger.h"
#include "core/store/store.h"

#include <QObject>
#include <QSet>
#include <QSqlDriver>

#include <memory>

class QSqlDatabase;
class QSqlError;
class QTimer;

namespace Oobm::Core {

// Does SqlStore's SQL on the store thread. It opens its own named connection there and looks it
// up by name for every job; nothing here is touched from another thread. It owns the ledgers
// (one per subject) and follows what other processes change in the database: settings and
// systems, by LISTEN/NOTIFY on PostgreSQL and by a cheap change check on SQLite.
class SqlStoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlStoreWorker)

public:
    struct OpenResult
    {
        StoreError error;          // Failed when set
        StoreError readOnlyReason; // opened read-only when set
        int schemaVersion = 0;
    };
    // How often SQLite is checked for other processes' changes.
    static constexpr int WatchIntervalMs = 1000;

    SqlStoreWorker(const StoreLocation &location, const QString &connectionName);
    ~SqlStoreWorker() override;

    OpenResult open();
    void close();

    // Empty when the store is open (and writable, when asked); otherwise why not.
    StoreError usable(bool writable) const;

    SqlSettingsLedger &settings() { return *m_settings; }
    SqlLogLedger &log() { return *m_log; }
    SqlKeyLedger &keys() { return *m_keys; }
    SqlCertificateLedger &certificates() { return *m_certificates; }
    SqlProfileLedger &profiles() { return *m_profiles; }
    SqlSystemLedger &systems() { return *m_systems; }
    SqlEngineLedger &engines() { return *m_engines; }
    SqlFleetLedger &fleet() { return *m_fleet; }
    SqlTaskLedger &tasks() { return *m_tasks; }
    SqlReportLedger &reports() { return *m_reports; }
    SqlMaintenanceLedger &maintenance() { return *m_maintenance; }

    // The settings as this worker last read or wrote them: what "changed elsewhere" compares to.
    void noteSettings(const ServiceSettings &settings) { m_lastSettings = settings; }

Q_SIGNALS:
    // Another process changed the stored settings (this one's own writes are not reported).
    void settingsChangedElsewhere(const Oobm::Core::ServiceSettings &settings);
    // Another process wrote these systems' rows; empty: too many to name, read them all again.
    void systemsChangedElsewhere(const QStringList &uuids);
    // Another process made, changed or finished task runs.
    void runsChangedElsewhere();

private:
    QSqlDatabase database() const;
    Schema::Dialect dialect() const;
    OpenResult openSqlite();
    OpenResult openPostgresql();
    OpenResult finishOpen(bool readOnly);
    void makeLedgers();
    StoreError mapError(const QSqlError &error) const;
    StoreError notWritable() const;

    // Following other processes.
    void startWatching();
    void checkSqliteChanges();
    qint64 runsFingerprint() const;
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void reloadSettings();

    StoreLocation m_location;
    QString m_connectionName;
    bool m_open = false;
    bool m_readOnly = false;
    StoreError m_readOnlyReason;
    DataKey m_dataKey;
    std::unique_ptr<SqlLogLedger> m_log;
    std::unique_ptr<SqlSettingsLedger> m_settings;
    std::unique_ptr<SqlKeyLedger> m_keys;
    std::unique_ptr<SqlCertificateLedger> m_certificates;
    std::unique_ptr<SqlProfileLedger> m_profiles;
    std::unique_ptr<SqlSystemLedger> m_systems;
    std::unique_ptr<SqlEngineLedger> m_engines;
    std::unique_ptr<SqlFleetLedger> m_fleet;
    std::unique_ptr<SqlTaskLedger> m_tasks;
    std::unique_ptr<SqlReportLedger> m_reports;
    std::unique_ptr<SqlMaintenanceLedger> m_maintenance;

    QTimer *m_watch = nullptr;        // SQLite: checks PRAGMA data_version
    QTimer *m_systemsBatch = nullptr; // PostgreSQL: a burst of notifications is one signal
    QSet<QString> m_changedSystems;
    qint64 m_dataVersion = -1;
    qint64 m_systemsRevision = 0;
    qint64 m_runsSeen = -1; // a fingerprint of the runs' progress (SQLite), see runsFingerprint()
    ServiceSettings m_lastSettings;
};

} // namespace Oobm::Core
