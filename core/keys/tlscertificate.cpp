// SPDX-License-Identifier: GPL-2.0-or-later
#include "tlscertificate.h"

#include "core/keys/x509helpers.h"

#include <QCoreApplication>

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Oobm::Core {

namespace {

using namespace X509Helpers;

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::TlsCertificate", text);
}

constexpr char PemEnd[] = "-----END CERTIFICATE-----";

TlsCertificate build(EVP_PKEY *key, X509 *leaf, const QList<X509 *> &others, QString *error)
{
    if (!leaf) {
        *error = tr("The file has no certificate. Choose the TLS server certificate (PKCS#12, or "
                    "PEM with its "
                    "key).");
        return {};
    }
    const QString cn = nameEntry(X509_get_subject_name(leaf), NID_commonName);
    if (!key) {
        *error = tr("The file has no private key for %1. Export the TLS certificate with its "
                    "private key.")
                         .arg(cn);
        return {};
    }
    if (X509_check_private_key(leaf, key) != 1) {
        *error = tr("The private key does not belong to the certificate %1. Choose the key it was "
                    "issued for.")
                         .arg(cn);
        return {};
    }
    if (EVP_PKEY_base_id(key) != EVP_PKEY_RSA) {
        *error = tr("The key of %1 is not an RSA key; Intel AMT 2.x/3.x devices take RSA keys "
                    "only. Issue the "
                    "certificate for an RSA key (2048 bits).")
                         .arg(cn);
        return {};
    }
    // An extended key usage, when present, must allow TLS servers.
    if (auto *eku = static_cast<EXTENDED_KEY_USAGE *>(X509_get_ext_d2i(leaf, NID_ext_key_usage, nullptr, nullptr))) {
        bool server = false;
        for (int i = 0; i < sk_ASN1_OBJECT_num(eku); ++i)
            server |= OBJ_obj2nid(sk_ASN1_OBJECT_value(eku, i)) == NID_server_auth;
        EXTENDED_KEY_USAGE_free(eku);
        if (!server) {
            *error = tr("%1 is not a TLS server certificate: its extended key usage lacks \"TLS "
                        "Web Server "
                        "Authentication\". Request a server certificate.")
                             .arg(cn);
            return {};
        }
    }
    TlsCertificate c;
    c.commonName = cn;
    c.name = cn;
    c.notBefore = asn1Time(X509_get0_notBefore(leaf));
    c.notAfter = asn1Time(X509_get0_notAfter(leaf));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (c.notAfter.isValid() && now > c.notAfter) {
        *error = tr("The certificate %1 expired on %2; devices would present an expired "
                    "certificate. Import a "
                    "renewed one.")
                         .arg(cn, c.notAfter.toString(Qt::ISODate));
        return {};
    }
    if (c.notBefore.isValid() && now < c.notBefore) {
        *error = tr("The certificate %1 is not valid before %2. Import it then, or check the "
                    "issuer's clock.")
                         .arg(cn, c.notBefore.toString(Qt::ISODate));
        return {};
    }
    // Leaf first, then each issuer found in the file (a root is optional).
    QList<X509 *> pool = others;
    X509 *current = leaf;
    c.chainPem = toPem(leaf);
    while (!selfSigned(current)) {
        X509 *issuer = nullptr;
        for (X509 *candidate : std::as_const(pool)) {
            if (X509_check_issued(candidate, current) == X509_V_OK)
                issuer = candidate;
        }
        if (!issuer)
            break;
        c.chainPem += toPem(issuer);
        pool.removeAll(issuer);
        current = issuer;
    }
    c.keyPem = toPem(key);
    c.sha256 = digest(leaf, EVP_sha256());
    return c;
}

} // namespace

QList<QByteArray> TlsCertificate::chainList() const
{
    QList<QByteArray> list;
    qsizetype from = 0;
    while (true) {
        const qsizetype end = chainPem.indexOf(PemEnd, from);
        if (end < 0)
            break;
        const qsizetype to = end + qsizetype(sizeof PemEnd) - 1;
        list << chainPem.mid(from, to - from).trimmed() + '\n';
        from = to;
    }
    return list;
}

QByteArray TlsCertificate::leafPem() const
{
    return chainList().value(0);
}

TlsCertificate TlsCertificate::fromPkcs12(const QByteArray &pkcs12, const QString &passphrase, QString *error)
{
    KeyAndCertificates in;
    ReadError readError = ReadError::None;
    readPkcs12(pkcs12, passphrase, &in, &readError);
    if (readError == ReadError::NotPkcs12) {
        *error = tr("This is not a PKCS#12 file (.pfx or .p12). For PEM, give the certificate and "
                    "the key files.");
        return {};
    }
    if (readError == ReadError::UnsupportedAlgorithm) {
        *error = tr("The passphrase is right, but this PKCS#12 file is encrypted the old way "
                    "(RC2-40), which OpenSSL 3 does not read. Export it again with AES, e.g. "
                    "openssl pkcs12 -export without -legacy.");
        return {};
    }
    if (readError == ReadError::WrongPassphrase) {
        *error = tr("The passphrase does not open this PKCS#12 file. Enter the passphrase it was "
                    "exported with.");
        return {};
    }
    return build(in.key, in.leaf, in.others, error);
}

TlsCertificate TlsCertificate::fromPem(const QByteArray &chainPem, const QByteArray &keyPem, QString *error)
{
    KeyAndCertificates in;
    readPem(chainPem, keyPem, &in);
    if (in.keyEncrypted) {
        *error = tr("The private key is encrypted with a passphrase. Decrypt it (openssl pkey -in "
                    "key.pem -out plain.pem) or import a PKCS#12 file with its passphrase.");
        return {};
    }
    return build(in.key, in.leaf, in.others, error);
}

} // namespace Oobm::Core
