// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/schema.h"
#include "core/store/sqlengineledger.h"
#include "core/store/sqlkeyledger.h"
#include "core/store/sqllogledger.h"
#include "core/store/store.h"

#include <QObject>

#include <memory>

class QSqlDatabase;
class QSqlError;

namespace Oobm::Core {

// Does SqlStore's SQL on the store thread. It opens its own named connection there and looks it
// up by name for every job; nothing here is touched from another thread.
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

    SqlStoreWorker(const StoreLocation &location, const QString &connectionName);
    ~SqlStoreWorker() override;

    OpenResult open();
    void close();

    StoreResult<ServiceSettings> loadSettings();
    StoreResult<QStringList> applySettings(const ServiceSettings &settings, const QString &source,
                                           ServiceSettings *stored);
    StoreError appendLog(const QList<LogEntry> &entries, qint64 *newestId);
    StoreResult<QList<LogEntry>> queryLog(const LogQuery &query);

    StoreResult<DataKeyInfo> dataKeyInfo();
    StoreError setDataKey(const QByteArray &key, const QString &unavailableReason);
    StoreResult<KeyBatchResult> generateKeys(const KeyGenerationRequest &request,
                                             QPromise<StoreResult<KeyBatchResult>> &promise);
    StoreResult<QList<KeyRecord>> listKeys(const KeyFilter &filter);
    StoreResult<KeyRecord> revealKey(const QByteArray &pid, const AuditActor &actor);
    StoreResult<KeyExportResult> exportKeys(const KeyExportRequest &request);
    StoreResult<KeyImportReport> importKeys(const QString &path, const AuditActor &actor);
    StoreResult<int> deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor);
    StoreResult<QList<AuditEntry>> securityAudit(int limit);

    // The engine's SQL, or null and *error when the store is not open (or not writable).
    SqlEngineLedger *engineLedger(bool writable, StoreError *error);
    // Runs job(SqlLogLedger &) when the store is open (and writable, if asked).
    template<typename T, typename Job>
    T logLedger(bool writable, Job job)
    {
        if (!m_open || !m_log || (writable && m_readOnly)) {
            T failed{};
            failed.error = notWritable();
            return failed;
        }
        return job(*m_log);
    }

private:
    QSqlDatabase database() const;
    Schema::Dialect dialect() const;
    OpenResult openSqlite();
    OpenResult openPostgresql();
    OpenResult finishOpen(bool readOnly);
    StoreError mapError(const QSqlError &error) const;
    StoreError begin();
    StoreError commit();
    void rollback();
    StoreError notWritable() const;
    StoreResult<QMap<QString, QString>> readSettingsMap();

    StoreLocation m_location;
    QString m_connectionName;
    bool m_open = false;
    bool m_readOnly = false;
    StoreError m_readOnlyReason;
    std::unique_ptr<SqlKeyLedger> m_keys;
    std::unique_ptr<SqlEngineLedger> m_engine;
    std::unique_ptr<SqlLogLedger> m_log;
};

} // namespace Oobm::Core
