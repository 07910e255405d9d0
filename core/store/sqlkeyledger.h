// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/keyretirement.h"
#include "core/keys/keyledger.h"
#include "core/keys/keyrecord.h"
#include "core/store/sqlledger.h"

#include <QPromise>

namespace Oobm::Core {

class SqlLogLedger;

// The key ledger's SQL, on the store thread: the data key, generation, listing, reveal, export,
// import, deletion (each writes its Security Audit entry), and the keys provisioning reads and
// reserves. Secrets are sealed with the data key, with the PID as associated data; the file
// formats are core/keys/keyfile.
class SqlKeyLedger final : public SqlLedger
{
public:
    SqlKeyLedger(Context context, SqlLogLedger *log);

    StoreResult<DataKeyInfo> dataKeyInfo();
    // Checks the key against the store's check value (writing one on first use).
    StoreError setDataKey(const QByteArray &key, const QString &unavailableReason);

    StoreResult<KeyBatchResult> generate(const KeyGenerationRequest &request,
                                         QPromise<StoreResult<KeyBatchResult>> &promise);
    StoreResult<QList<KeyRecord>> list(const KeyFilter &filter);
    StoreResult<KeyRecord> reveal(const QByteArray &pid, const AuditActor &actor);
    StoreResult<KeyExportResult> exportKeys(const KeyExportRequest &request);
    StoreResult<KeyImportReport> importKeys(const QString &path, const AuditActor &actor);
    StoreResult<int> deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor);
    StoreResult<QList<AuditEntry>> audit(int limit);
    // Retires the keys the policy says (KeyRetirement), with one Security Audit entry; a named PID
    // that is unknown or may not be retired (Consumed, reserved for a device) fails the whole call.
    // Resolves to how many became Retired.
    StoreResult<int> retire(const KeyRetirement &retirement, const AuditActor &actor, const QDateTime &now);

    // For provisioning, inside the caller's transaction (the data key must be there). The record
    // of pid with its secrets opened (*readable false when they do not open); an empty pid when
    // the ledger has no such key.
    StoreResult<KeyRecord> keyForProvisioning(const QByteArray &pid, bool *readable);
    // The key to install for a system's next provisioning: one already reserved for it (other
    // than exceptPid), else the oldest Available key nobody has, locked so that engines claiming
    // at once take different keys (SKIP LOCKED on PostgreSQL). An empty pid: none left.
    StoreResult<KeyRecord> nextKeyFor(const QString &uuid, const QByteArray &exceptPid, bool *readable);
    // Reserves pid for uuid (onlyIfFree: unless it is reserved already).
    StoreError reserve(const QByteArray &pid, const QString &uuid, bool onlyIfFree);
    // Marks pid Consumed by uuid.
    StoreError consume(const QByteArray &pid, const QString &uuid, qint64 nowMs);

private:
    QByteArray seal(const QString &secret, const QByteArray &pid) const;
    QString open(const QByteArray &sealed, const QByteArray &pid, bool *ok) const;
    // The three sealed columns (pps, me_password, new_me_password) of a row, opened.
    bool openSecrets(const QSqlQuery &q, int firstColumn, KeyRecord *key) const;

    SqlLogLedger *m_log;
};

} // namespace Oobm::Core
