// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/provisioningcertificate.h"
#include "core/keys/tlscertificate.h"
#include "core/store/sqlledger.h"

#include <QList>

namespace Oobm::Core {

// The certificates' SQL, on the store thread. Provisioning certificates sign Remote
// Configuration (private keys sealed with AD "certificate:" + the root's SHA-1); TLS server
// certificates are installed on devices by profiles that turn TLS on (private keys sealed with AD
// "tls-certificate:" + the leaf's SHA-256). Deleting a TLS certificate a profile or an auxiliary
// profile uses is refused, naming them.
class SqlCertificateLedger final : public SqlLedger
{
public:
    using SqlLedger::SqlLedger;

    StoreResult<qint64> importProvisioningCertificate(const ProvisioningCertificate &certificate);
    // withKeys: the private keys too (the data key must be there).
    StoreResult<QList<ProvisioningCertificate>> provisioningCertificates(bool withKeys);
    StoreResult<int> deleteProvisioningCertificate(qint64 id);

    StoreResult<qint64> importTlsCertificate(const TlsCertificate &certificate);
    StoreResult<QList<TlsCertificate>> listTlsCertificates(); // without keys
    StoreResult<TlsCertificate> tlsCertificate(qint64 id, bool withKey);
    StoreResult<int> deleteTlsCertificate(qint64 id);
};

} // namespace Oobm::Core
