// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/auxiliaryprofile.h"
#include "core/provisioning/provisionprofile.h"
#include "core/store/schema.h"
#include "core/store/sqlhelpers.h"
#include "core/store/store.h"

namespace Oobm::Core {

class SecretBox;
class SqlKeyLedger;

// The SQL of what provision profiles reference, on the store thread: TLS server certificates
// (private keys sealed with AD "tls-certificate:" + the leaf's SHA-256) and Auxiliary Profiles
// (ACL user passwords sealed with AD "auxiliary-profile"). Resolves a profile's references for
// provisioning. Deleting what a profile references is refused, naming the profiles.
class SqlProfileLedger
{
public:
    SqlProfileLedger(const QString &connectionName, Schema::Dialect dialect, Sql::MapError mapError,
                     const SqlKeyLedger *keys);

    StoreResult<qint64> importTlsCertificate(const TlsCertificate &certificate);
    StoreResult<QList<TlsCertificate>> listTlsCertificates(); // without keys
    StoreResult<TlsCertificate> tlsCertificate(qint64 id, bool withKey);
    StoreResult<int> deleteTlsCertificate(qint64 id);

    StoreResult<QList<AuxiliaryProfile>> listAuxiliaryProfiles(); // without passwords
    StoreResult<AuxiliaryProfile> auxiliaryProfile(qint64 id, bool withSecrets);
    StoreResult<qint64> saveAuxiliaryProfile(const AuxiliaryProfile &profile);
    StoreResult<int> deleteAuxiliaryProfile(qint64 id);

    // Checks a profile's references before it is saved (inside the caller's transaction).
    StoreError checkReferences(const ProvisionProfile &profile);
    // For provisioning: adds the auxiliary profile's users (a user the profile has itself keeps the
    // profile's entry) and picks the TLS certificate (the profile's, else the auxiliary one's),
    // with its key when TLS is on.
    StoreError resolve(ProvisionProfile *profile, TlsCertificate *certificate);

    // Users as stored: JSON with each password sealed under ad; and back.
    static QByteArray usersToJson(const QList<Amt::UserAclEntry> &users, const SecretBox *box, const QByteArray &ad);
    static bool usersFromJson(const QByteArray &json, const SecretBox *box, const QByteArray &ad,
                              QList<Amt::UserAclEntry> *users);

private:
    const SecretBox *box() const;
    StoreError locked() const;
    StoreResult<QStringList> profilesUsing(const QString &column, qint64 id);

    QString m_connectionName;
    Schema::Dialect m_dialect;
    Sql::MapError m_mapError;
    const SqlKeyLedger *m_keys;
};

} // namespace Oobm::Core
