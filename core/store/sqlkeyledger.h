// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/keyledger.h"
#include "core/keys/secretbox.h"
#include "core/store/schema.h"
#include "core/store/store.h"

#include <QPromise>

#include <functional>

class QSqlError;

namespace Oobm::Core {

// The key ledger's SQL, on the store thread: generation, listing, reveal, export, import,
// deletion, and the Security Audit entries each writes. Secrets are sealed with the data key.
class SqlKeyLedger
{
public:
    using MapError = std::function<StoreError(const QSqlError &)>;
    SqlKeyLedger(const QString &connectionName, Schema::Dialect dialect, MapError mapError);

    StoreResult<DataKeyInfo> dataKeyInfo();
    // Checks the key against the store's check value (writing one on first use).
    StoreError setDataKey(const QByteArray &key, const QString &unavailableReason);
    bool isUnlocked() const { return m_box.isValid(); }
    // For the engine's ledger, which seals profile and system passwords with the same key.
    const SecretBox &box() const { return m_box; }
    StoreError lockedError() const { return locked(); }

    StoreResult<KeyBatchResult> generate(const KeyGenerationRequest &request,
                                         QPromise<StoreResult<KeyBatchResult>> &promise);
    StoreResult<QList<KeyRecord>> list(const KeyFilter &filter);
    StoreResult<KeyRecord> reveal(const QByteArray &pid, const AuditActor &actor);
    StoreResult<KeyExportResult> exportKeys(const KeyExportRequest &request);
    StoreResult<KeyImportReport> importKeys(const QString &path, const AuditActor &actor);
    StoreResult<int> deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor);
    StoreResult<QList<AuditEntry>> audit(int limit);

private:
    StoreError locked() const;
    StoreError begin();
    StoreError commit();
    void rollback();
    StoreError writeAudit(const AuditActor &actor, const QString &action, int count, const QString &file,
                          const QString &details);
    QByteArray seal(const QString &secret, const QByteArray &pid) const;
    QString open(const QByteArray &sealed, const QByteArray &pid, bool *ok) const;

    QString m_connectionName;
    Schema::Dialect m_dialect;
    MapError m_mapError;
    SecretBox m_box;
    QString m_unavailableReason;
};

} // namespace Oobm::Core
