// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// A TLS server certificate a profile installs on its devices (SetTLSKeyAndCertificate): after
// provisioning the device serves 16993 with it, and the console pins it to talk to the device.
// A plain TLS server certificate: no Intel usage needed (unlike ProvisioningCertificate).
struct TlsCertificate
{
    qint64 id = 0;
    QString name;        // what the admin calls it; defaults to the leaf's CN
    QString commonName;  // leaf CN
    QByteArray chainPem; // leaf first, then its issuers as the file had them
    QByteArray keyPem;   // only when loaded for use; sealed at rest
    QString sha256;      // the leaf's fingerprint, upper-case hex
    QDateTime notBefore;
    QDateTime notAfter;
    QDateTime imported;

    bool isValid() const { return !chainPem.isEmpty(); }
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return notAfter.isValid() && now > notAfter;
    }
    QByteArray leafPem() const;          // the first certificate of the chain
    QList<QByteArray> chainList() const; // one PEM block per certificate, leaf first

    // Reads a PKCS#12 file (certificate, key, optional chain). The error says what is wrong and
    // what to do: not PKCS#12, wrong passphrase, no key, key of another certificate, expired or
    // not yet valid, not an RSA key, not for TLS servers.
    static TlsCertificate fromPkcs12(const QByteArray &pkcs12, const QString &passphrase, QString *error);
    // The same from PEM: certificate (then its issuers) and key.
    static TlsCertificate fromPem(const QByteArray &chainPem, const QByteArray &keyPem, QString *error);
};

} // namespace Oobm::Core
