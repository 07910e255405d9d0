// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/actionrecord.h"
#include "core/provisioning/amtsystem.h"
#include "core/provisioning/enginestatus.h"
#include "core/provisioning/hellodecision.h"
#include "core/provisioning/hellorecord.h"
#include "core/provisioning/profileassignment.h"
#include "core/provisioning/provisioningreport.h"
#include "core/provisioning/provisionprofile.h"
#include "core/store/schema.h"
#include "core/store/sqlhelpers.h"
#include "core/store/sqlprofileledger.h"
#include "core/store/store.h"

class QSqlQuery;

namespace Oobm::Core {

class SecretBox;
class SqlKeyLedger;

// The provisioning engine's SQL, on the store thread: hellos, systems and their claims, steps,
// profiles, heartbeats. A system and the keys it uses are claimed in the database (row locks on
// PostgreSQL, the write lock on SQLite, and a lease), so engines sharing one database never
// provision the same system or install the same key twice.
class SqlEngineLedger
{
public:
    SqlEngineLedger(const QString &connectionName, Schema::Dialect dialect, Sql::MapError mapError,
                    const SqlKeyLedger *keys);

    StoreResult<HelloDecision> recordHello(const HelloIntake &intake);
    StoreError recordRejectedHello(const HelloRecord &hello);
    StoreError finishProvisioning(const ProvisioningReport &report);
    // Systems this engine still held (it stopped in the middle): Failed, with the reason.
    StoreResult<int> releaseClaims(const QString &engineId, const QString &reason);

    StoreResult<QList<AmtSystem>> listSystems(const SystemFilter &filter);
    StoreResult<AmtSystem> systemCredentials(const QString &uuid); // with the admin password
    StoreResult<int> authorizeSystems(const QStringList &uuids);
    StoreResult<int> markSilentSystems(qint64 silentSinceMs);
    StoreResult<int> setSystemsState(const QStringList &uuids, SystemState state, const QString &reason,
                                     const QList<ActionRecord> &actions);
    StoreResult<QList<HelloRecord>> listHellos(const QString &uuid, qint64 afterId, int limit);

    StoreResult<QList<ProvisionProfile>> listProfiles();
    StoreResult<qint64> saveProfile(const ProvisionProfile &profile);
    StoreResult<int> deleteProfile(qint64 id);

    StoreResult<QList<ProfileAssignment>> assignments();
    StoreResult<qint64> addAssignment(const ProfileAssignment &assignment);
    StoreResult<int> deleteAssignment(qint64 id);
    StoreResult<qint64> importCertificate(const ProvisioningCertificate &certificate);
    StoreResult<QList<ProvisioningCertificate>> listCertificates(); // without keys
    StoreResult<int> deleteCertificate(qint64 id);
    StoreError setSystemOtp(const QString &uuid, const QString &otp);

    // TLS certificates and Auxiliary Profiles, which profiles reference.
    SqlProfileLedger &profiles() { return m_profiles; }

    StoreError heartbeat(const EngineStatus &status);
    StoreResult<QList<EngineStatus>> engines();

private:
    // Runs one statement; resolves to the rows it changed.
    StoreResult<int> execCount(const QString &sql, const QVariantList &binds);
    StoreError begin();
    StoreError commit();
    void rollback();
    const SecretBox *box() const;
    StoreError locked() const;
    StoreError insertHello(const HelloRecord &h);
    StoreError insertActions(const QList<ActionRecord> &actions);
    StoreResult<ProvisionProfile> defaultProfile(bool withSecrets);
    StoreResult<ProvisionProfile> profileById(qint64 id);
    StoreResult<QList<ProvisioningCertificate>> certificates(bool withKeys);
    bool readProfile(const QSqlQuery &q, bool withSecrets, ProvisionProfile *p, StoreError *error) const;

    QString m_connectionName;
    Schema::Dialect m_dialect;
    Sql::MapError m_mapError;
    const SqlKeyLedger *m_keys;
    SqlProfileLedger m_profiles;
};

} // namespace Oobm::Core
