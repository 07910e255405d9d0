// SPDX-License-Identifier: GPL-2.0-or-later
#include "labcertificate.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Oobm::Test {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

QByteArray readBio(BIO *b)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(b, &data);
    QByteArray out(data, int(size));
    BIO_free(b);
    return out;
}

QByteArray pem(X509 *cert)
{
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, cert);
    return readBio(b);
}

QByteArray pem(EVP_PKEY *key)
{
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr);
    return readBio(b);
}

void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

void addName(X509_NAME *name, const char *field, const QByteArray &value)
{
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC, reinterpret_cast<const unsigned char *>(value.constData()),
                               -1, -1, 0);
}

Certificate newCertificate(long serial, long validFrom, long validTo, EVP_PKEY *key)
{
    Certificate cert(X509_new(), &X509_free);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), validFrom);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), validTo);
    X509_set_pubkey(cert.get(), key);
    return cert;
}

QString sha1Hex(X509 *cert)
{
    unsigned char digest[20];
    unsigned int length = 0;
    X509_digest(cert, EVP_sha1(), digest, &length);
    return QString::fromLatin1(QByteArray(reinterpret_cast<char *>(digest), int(length)).toHex());
}

} // namespace

LabCertificate issueLabCertificate(const LabCertificateSpec &spec)
{
    Key key(spec.ecKey ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048), &EVP_PKEY_free);
    Certificate leaf = newCertificate(2, spec.validFrom, spec.validTo, key.get());
    X509_NAME *name = X509_get_subject_name(leaf.get());
    addName(name, "CN", spec.commonName);
    if (!spec.organizationalUnit.isEmpty())
        addName(name, "OU", spec.organizationalUnit);

    Key rootKey(nullptr, &EVP_PKEY_free);
    Certificate root(nullptr, &X509_free);
    if (!spec.selfSigned) {
        rootKey.reset(EVP_RSA_gen(2048));
        root = newCertificate(1, spec.rootValidFrom, spec.rootValidTo, rootKey.get());
        addName(X509_get_subject_name(root.get()), "CN", "Lab Root CA");
        X509_set_issuer_name(root.get(), X509_get_subject_name(root.get()));
        addExtension(root.get(), root.get(), NID_basic_constraints, "critical,CA:TRUE");
        X509_sign(root.get(), rootKey.get(), EVP_sha256());
    }
    X509 *issuer = root ? root.get() : leaf.get();
    X509_set_issuer_name(leaf.get(), X509_get_subject_name(issuer));
    if (!spec.extendedKeyUsage.isEmpty())
        addExtension(leaf.get(), issuer, NID_ext_key_usage, spec.extendedKeyUsage.constData());
    X509_sign(leaf.get(), root ? rootKey.get() : key.get(), EVP_sha256());

    LabCertificate out;
    out.rootPem = root ? pem(root.get()) : QByteArray();
    out.leafPem = pem(leaf.get());
    out.keyPem = pem(key.get());
    out.rootSha1 = sha1Hex(issuer);
    if (!spec.pkcs12Passphrase.isEmpty()) {
        STACK_OF(X509) *ca = sk_X509_new_null();
        if (root && spec.pkcs12WithRoot)
            sk_X509_push(ca, root.get());
        PKCS12 *p12 = PKCS12_create(spec.pkcs12Passphrase.constData(), spec.commonName.constData(), key.get(),
                                    leaf.get(), ca, 0, 0, 0, 0, 0);
        unsigned char *der = nullptr;
        const int n = i2d_PKCS12(p12, &der);
        out.pkcs12 = QByteArray(reinterpret_cast<char *>(der), n);
        OPENSSL_free(der);
        PKCS12_free(p12);
        sk_X509_free(ca);
    }
    return out;
}

QByteArray labRsaKeyPem()
{
    const Key key(EVP_RSA_gen(2048), &EVP_PKEY_free);
    return pem(key.get());
}

} // namespace Oobm::Test
