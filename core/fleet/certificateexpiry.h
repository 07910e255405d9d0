// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/provisioningcertificate.h"
#include "core/keys/tlscertificate.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// A provisioning or TLS certificate that expires within the Maintenance page's warning days (or
// has expired): the certificate check's log warning and the page's list. Pure.
struct CertificateExpiry
{
    enum class Kind { Provisioning = 0, Tls = 1 };

    Kind kind = Kind::Provisioning;
    qint64 id = 0;
    QString name;
    QDateTime notAfter;
    qint64 daysLeft = 0; // negative: expired that many days ago

    // The certificates of both lists that expire within days of now, soonest first (days 0: none).
    static QList<CertificateExpiry> find(const QList<ProvisioningCertificate> &provisioning,
                                         const QList<TlsCertificate> &tls, int days, const QDateTime &now);
    QString kindName() const; // "Provisioning certificate", translated
    // "The TLS certificate web01 expires on 2027-01-05 (in 12 days): import its successor."
    QString describe() const;
};

} // namespace Oobm::Core
