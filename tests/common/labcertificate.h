// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Oobm::Test {

// What a test asks a lab CA for: a server certificate and its key, issued by a fresh root (or
// self-signed). Times are seconds from now.
struct LabCertificateSpec
{
    QByteArray commonName = "amt.example.test";
    QByteArray organizationalUnit; // empty: none
    // Extended key usage as OpenSSL's config writes it; empty: none. The Intel AMT provisioning
    // certificate's OID is 2.16.840.1.113741.1.2.3 (docs/protocol.md).
    QByteArray extendedKeyUsage = "serverAuth";
    long validFrom = -60;
    long validTo = 3600;
    long rootValidFrom = -86400;
    long rootValidTo = 86400;
    bool ecKey = false;          // P-256 instead of RSA 2048 for the leaf
    bool selfSigned = false;     // no root: the leaf signs itself
    QByteArray pkcs12Passphrase; // non-empty: also a PKCS#12 of the leaf, its key and the root
    bool pkcs12WithRoot = true;  // false: the PKCS#12 holds no CA certificate
};

struct LabCertificate
{
    QByteArray rootPem; // empty when self-signed
    QByteArray leafPem;
    QByteArray keyPem; // the leaf's, unencrypted PKCS#8 PEM
    QString rootSha1;  // lower-case hex of the root's (or self-signed leaf's) SHA-1
    QByteArray pkcs12; // when the spec asked for one
    QByteArray chainPem() const { return leafPem + rootPem; }
};

LabCertificate issueLabCertificate(const LabCertificateSpec &spec = {});
// A fresh RSA 2048 private key as PEM (a key that matches no certificate).
QByteArray labRsaKeyPem();

} // namespace Oobm::Test
