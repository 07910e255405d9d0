// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/actionrecord.h"
#include "core/provisioning/amtsystem.h"
#include "core/provisioning/hellodecision.h"
#include "core/provisioning/hellorecord.h"
#include "core/provisioning/hellosnapshot.h"
#include "core/provisioning/provisioningreport.h"
#include "core/provisioning/systemquery.h"
#include "core/store/sqlledger.h"

namespace Oobm::Core {

class SqlCertificateLedger;
class SqlFleetLedger;
class SqlKeyLedger;
class SqlLogLedger;
class SqlProfileLedger;
class SqlSettingsLedger;

// The SQL of Intel AMT systems and their hellos, on the store thread. A system and the keys it
// uses are claimed in the database (row locks on PostgreSQL, the write lock on SQLite, and a
// lease), so engines sharing one database never provision the same system or install the same
// key twice. What becomes of a hello is not decided here: recordHello reads a HelloSnapshot in
// the transaction that records the hello, ProvisioningPolicy::decide decides, and this writes
// the decision (docs/architecture.md).
class SqlSystemLedger final : public SqlLedger
{
public:
    struct Ledgers
    {
        SqlSettingsLedger *settings = nullptr;
        SqlLogLedger *log = nullptr;
        SqlKeyLedger *keys = nullptr;
        SqlCertificateLedger *certificates = nullptr;
        SqlProfileLedger *profiles = nullptr;
        SqlFleetLedger *fleet = nullptr;
    };

    SqlSystemLedger(Context context, const Ledgers &ledgers);

    StoreResult<HelloDecision> recordHello(const HelloIntake &intake);
    StoreError recordRejectedHello(const HelloRecord &hello);
    // An attempt's steps and outcome in one transaction (the keys become Consumed only on success).
    StoreError finishProvisioning(const ProvisioningReport &report);
    // Systems this engine still held (it stopped in the middle): Failed, with the reason.
    StoreResult<int> releaseClaims(const QString &engineId, const QString &reason);

    StoreResult<QList<AmtSystem>> listSystems(const SystemFilter &filter); // newest hello first
    StoreResult<QList<AmtSystem>> querySystems(const SystemQuery &query);
    StoreResult<qint64> countSystems(const SystemFilter &filter);
    StoreResult<AmtSystem> systemCredentials(const QString &uuid); // with the admin password
    // The admin password OOBM set on the system, for a person to read: audited (Show).
    StoreResult<QString> revealAdminPassword(const QString &uuid, const AuditActor &actor);
    // Provisioned systems whose admin password was set at or before passwordSetBefore and that no
    // open run is rotating already (password rotation's target), by UUID.
    StoreResult<QStringList> rotationDue(const QDateTime &passwordSetBefore);
    StoreResult<int> authorizeSystems(const QStringList &uuids);
    // Forces the dialect the engines talk to these systems in ("legacy", "wsman"; empty: by
    // version). One a system's version does not speak is an error, and nothing changes.
    StoreResult<int> setSystemsDialect(const QStringList &uuids, const QString &dialect);
    StoreResult<int> markSilentSystems(qint64 silentSinceMs);
    StoreResult<int> setSystemsState(const QStringList &uuids, SystemState state, const QString &reason,
                                     const QList<ActionRecord> &actions);
    StoreResult<QList<HelloRecord>> listHellos(const QString &uuid, qint64 afterId, int limit);
    StoreError setSystemOtp(const QString &uuid, const QString &otp);

    // The systems whose rows changed after revision (SQLite's change feed for other processes;
    // PostgreSQL tells them by NOTIFY). *newest is the newest revision; more than limit changed
    // rows give an empty list and *overflow.
    StoreResult<QStringList> changedSince(qint64 revision, int limit, qint64 *newest, bool *overflow);

    // The PostgreSQL NOTIFY channel that carries the UUID of every system row written.
    static constexpr QLatin1String NotifyChannel{"oobm_systems"};

private:
    // The SQL a sort orders by (SystemQuery::sortKey's twin), and a filter's WHERE clauses.
    QString sortExpression(SystemQuery::Sort sort) const;
    QStringList filterClauses(const SystemFilter &filter, QVariantList *binds, StoreError *error) const;
    // The next revision a written row takes, as an SQL expression; and "revision = <it>".
    QString revisionValue() const;
    QString nextRevision() const;
    // Tells other processes (PostgreSQL: NOTIFY, delivered at commit) that uuid's row changed.
    StoreError notifyChanged(const QString &uuid);
    StoreError insertHello(const HelloRecord &hello);
    // recordHello's three steps, inside its transaction.
    StoreError recordOnSystem(const HelloIntake &intake, const HelloRecord &hello);
    StoreError loadSnapshot(const HelloIntake &intake, const QString &uuid, HelloSnapshot *snapshot);
    StoreError writeDecision(const HelloSnapshot &snapshot, const HelloDecision &decision);
    // A profile with a random admin password per device: the device's own, sealed as pending
    // before the engine sets it (finishProvisioning makes it the system's admin password).
    StoreError stageRandomPassword(HelloDecision *decision);

    Ledgers m_ledgers;
};

} // namespace Oobm::Core
