// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <openssl/evp.h>
#include <openssl/x509.h>

// OpenSSL helpers shared by the certificate readers (ProvisioningCertificate, TlsCertificate).
// Only core/keys sees OpenSSL types; nothing here takes ownership unless it says so.
namespace Oobm::Core::X509Helpers {

QByteArray toPem(X509 *cert);
QByteArray toPem(EVP_PKEY *key);
QString digest(X509 *cert, const EVP_MD *md); // upper-case hex
QDateTime asn1Time(const ASN1_TIME *t);
QString nameEntry(X509_NAME *name, int nid);
bool selfSigned(X509 *cert);

// What a PKCS#12 or PEM input holds; owns what it holds.
struct KeyAndCertificates
{
    KeyAndCertificates() = default;
    ~KeyAndCertificates();
    KeyAndCertificates(const KeyAndCertificates &) = delete;
    KeyAndCertificates &operator=(const KeyAndCertificates &) = delete;

    EVP_PKEY *key = nullptr;
    X509 *leaf = nullptr;
    QList<X509 *> others;
    bool keyEncrypted = false; // a PEM key with a passphrase: OOBM reads only unencrypted PEM keys
};

// UnsupportedAlgorithm: the passphrase is right, but the file is encrypted with an algorithm
// OpenSSL 3 no longer offers by default (RC2-40 of "legacy" exports).
enum class ReadError { None, NotPkcs12, WrongPassphrase, UnsupportedAlgorithm };
// Reads a PKCS#12 file; *error says why it could not.
void readPkcs12(const QByteArray &pkcs12, const QString &passphrase, KeyAndCertificates *out, ReadError *error);
// Reads PEM: the first certificate is the leaf.
void readPem(const QByteArray &chainPem, const QByteArray &keyPem, KeyAndCertificates *out);

} // namespace Oobm::Core::X509Helpers
