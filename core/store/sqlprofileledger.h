// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/tlscertificate.h"
#include "core/provisioning/auxiliaryprofile.h"
#include "core/provisioning/profileassignment.h"
#include "core/provisioning/provisionprofile.h"
#include "core/store/sqlledger.h"

namespace Oobm::Core {

class SecretBox;
class SqlCertificateLedger;

// The SQL of how systems are configured, on the store thread: Provision Profiles (admin and
// ACL user passwords sealed with AD "provision-profile"), Auxiliary Profiles (ACL user passwords
// sealed with AD "auxiliary-profile") and Profile Assignments. Checks a profile's references
// when it is saved, and loads a profile for provisioning with everything it references.
// Deleting what a profile references is refused, naming the profiles.
class SqlProfileLedger final : public SqlLedger
{
public:
    SqlProfileLedger(Context context, SqlCertificateLedger *certificates);

    StoreResult<QList<ProvisionProfile>> listProfiles(); // without secrets
    StoreResult<qint64> saveProfile(const ProvisionProfile &profile);
    StoreResult<int> deleteProfile(qint64 id);

    StoreResult<QList<AuxiliaryProfile>> listAuxiliaryProfiles(); // without passwords, with their users
    StoreResult<AuxiliaryProfile> auxiliaryProfile(qint64 id, bool withSecrets);
    StoreResult<qint64> saveAuxiliaryProfile(const AuxiliaryProfile &a);
    StoreResult<int> deleteAuxiliaryProfile(qint64 id);

    // In the order they are tried.
    StoreResult<QList<ProfileAssignment>> assignments();
    StoreResult<qint64> addAssignment(const ProfileAssignment &assignment);
    StoreResult<int> deleteAssignment(qint64 id);

    // For provisioning: the profile (profileId 0: the default one) with its secrets, the
    // auxiliary profile's users added (a user the profile has itself keeps the profile's
    // entry), and the TLS certificate it installs (the profile's, else the auxiliary one's; with
    // its key, when TLS is on). The error says why a system cannot have it.
    StoreError profileForProvisioning(qint64 profileId, ProvisionProfile *profile, TlsCertificate *certificate);

    // Users as stored: JSON with each password sealed under ad; and back.
    static QByteArray usersToJson(const QList<Amt::UserAclEntry> &users, const SecretBox *box, const QByteArray &ad);
    static bool usersFromJson(const QByteArray &json, const SecretBox *box, const QByteArray &ad,
                              QList<Amt::UserAclEntry> *users);

private:
    StoreResult<ProvisionProfile> defaultProfile(bool withSecrets);
    StoreResult<ProvisionProfile> profileById(qint64 id, bool withSecrets);
    bool readProfile(const QSqlQuery &q, bool withSecrets, ProvisionProfile *p, StoreError *error) const;
    // Checks a profile's references before it is saved (inside the caller's transaction).
    StoreError checkReferences(const ProvisionProfile &profile);
    StoreResult<QStringList> profilesUsing(const QString &column, qint64 id);

    SqlCertificateLedger *m_certificates;
};

} // namespace Oobm::Core
