// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// A Remote Configuration provisioning certificate (docs/protocol.md §4.3): the SCS's TLS client
// certificate with its chain up to a root whose hash AMT devices trust, and its private key.
struct ProvisioningCertificate
{
    qint64 id = 0;
    QString name;        // what the admin calls it; defaults to the leaf's CN
    QString commonName;  // leaf CN, e.g. "scs.example.com": its domain suffix must be the device's
    QByteArray chainPem; // leaf first, root last
    QByteArray keyPem;   // only when loaded for use; sealed at rest
    QString rootSha1;    // upper-case hex
    QString rootSha256;
    QDateTime notBefore;
    QDateTime notAfter;
    bool intelUsage = false; // the Intel OID 2.16.840.1.113741.1.2.3 or the OU
    QDateTime imported;

    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return notAfter.isValid() && now > notAfter;
    }
    // Whether the domain suffix of the leaf's CN fits a device in domain ("example.com").
    bool matchesDomain(const QString &domain) const;

    // Reads a PKCS#12 file (the certificate, its key and its chain). The error says what is
    // wrong and what to do: wrong passphrase, no private key, no root, not a provisioning
    // certificate.
    static ProvisioningCertificate fromPkcs12(const QByteArray &pkcs12, const QString &passphrase, QString *error);
    // The same from PEM: chain (leaf first) and key.
    static ProvisioningCertificate fromPem(const QByteArray &chainPem, const QByteArray &keyPem, QString *error);
};

} // namespace Oobm::Core
