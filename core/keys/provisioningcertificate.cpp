// SPDX-License-Identifier: GPL-2.0-or-later
#include "provisioningcertificate.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ProvisioningCertificate", text);
}

constexpr char IntelOid[] = "2.16.840.1.113741.1.2.3";
constexpr char IntelOu[] = "Intel(R) Client Setup Certificate";

QByteArray toPem(X509 *cert)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> b(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_X509(b.get(), cert);
    char *data = nullptr;
    const long n = BIO_get_mem_data(b.get(), &data);
    return QByteArray(data, int(n));
}

QByteArray toPem(EVP_PKEY *key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> b(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(b.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long n = BIO_get_mem_data(b.get(), &data);
    return QByteArray(data, int(n));
}

QString digest(X509 *cert, const EVP_MD *md)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(cert, md, out, &length);
    return QString::fromLatin1(QByteArray(reinterpret_cast<char *>(out), int(length)).toHex().toUpper());
}

QDateTime asn1Time(const ASN1_TIME *t)
{
    struct tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

QString nameEntry(X509_NAME *name, int nid)
{
    const int i = X509_NAME_get_index_by_NID(name, nid, -1);
    if (i < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i)));
    const QString s = n >= 0 ? QString::fromUtf8(reinterpret_cast<char *>(utf8), n) : QString();
    OPENSSL_free(utf8);
    return s;
}

bool hasIntelUsage(X509 *leaf)
{
    X509_NAME *subject = X509_get_subject_name(leaf);
    for (int i = X509_NAME_get_index_by_NID(subject, NID_organizationalUnitName, -1); i >= 0;
         i = X509_NAME_get_index_by_NID(subject, NID_organizationalUnitName, i)) {
        unsigned char *utf8 = nullptr;
        const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i)));
        const bool match = n >= 0 && QString::fromUtf8(reinterpret_cast<char *>(utf8), n) == QLatin1String(IntelOu);
        OPENSSL_free(utf8);
        if (match)
            return true;
    }
    auto *eku = static_cast<EXTENDED_KEY_USAGE *>(X509_get_ext_d2i(leaf, NID_ext_key_usage, nullptr, nullptr));
    bool found = false;
    for (int i = 0; eku && i < sk_ASN1_OBJECT_num(eku); ++i) {
        char text[80];
        OBJ_obj2txt(text, sizeof text, sk_ASN1_OBJECT_value(eku, i), 1);
        found |= qstrcmp(text, IntelOid) == 0;
    }
    EXTENDED_KEY_USAGE_free(eku);
    return found;
}

bool selfSigned(X509 *cert)
{
    return X509_check_issued(cert, cert) == X509_V_OK;
}

// Orders leaf -> ... -> root and fills the result; takes no ownership.
ProvisioningCertificate build(EVP_PKEY *key, X509 *leaf, const QList<X509 *> &others, QString *error)
{
    ProvisioningCertificate c;
    if (!key) {
        *error = tr("The file has no private key. Export the provisioning certificate with its private key.");
        return {};
    }
    if (!leaf) {
        *error = tr("The file has no certificate.");
        return {};
    }
    if (X509_check_private_key(leaf, key) != 1) {
        *error = tr("The private key does not belong to the certificate %1.")
                         .arg(nameEntry(X509_get_subject_name(leaf), NID_commonName));
        return {};
    }
    QList<X509 *> chain{leaf};
    QList<X509 *> pool = others;
    while (!selfSigned(chain.last())) {
        X509 *issuer = nullptr;
        for (X509 *candidate : std::as_const(pool)) {
            if (X509_check_issued(candidate, chain.last()) == X509_V_OK)
                issuer = candidate;
        }
        if (!issuer) {
            *error = tr("The chain of %1 does not reach a root certificate: the file lacks the certificate of "
                        "\"%2\". Export the provisioning certificate with its whole chain, root included; AMT "
                        "devices accept it only when its root's hash is one they trust.")
                             .arg(nameEntry(X509_get_subject_name(leaf), NID_commonName),
                                  nameEntry(X509_get_issuer_name(chain.last()), NID_commonName));
            return {};
        }
        chain << issuer;
        pool.removeAll(issuer);
    }
    c.commonName = nameEntry(X509_get_subject_name(leaf), NID_commonName);
    c.name = c.commonName;
    for (X509 *cert : std::as_const(chain))
        c.chainPem += toPem(cert);
    c.keyPem = toPem(key);
    c.rootSha1 = digest(chain.last(), EVP_sha1());
    c.rootSha256 = digest(chain.last(), EVP_sha256());
    c.notBefore = asn1Time(X509_get0_notBefore(leaf));
    c.notAfter = asn1Time(X509_get0_notAfter(leaf));
    c.intelUsage = hasIntelUsage(leaf);
    if (!c.intelUsage) {
        *error = tr("%1 is not a provisioning certificate: it has neither the Intel Remote Configuration key usage "
                    "(OID %2) nor the OU \"%3\", so AMT devices refuse it. Request one with that usage.")
                         .arg(c.commonName, QLatin1String(IntelOid), QLatin1String(IntelOu));
        return {};
    }
    if (c.commonName.count(u'.') < 1) {
        *error = tr("The certificate's CN \"%1\" is not a fully qualified name; AMT devices compare its domain "
                    "suffix with their own.")
                         .arg(c.commonName);
        return {};
    }
    return c;
}

} // namespace

bool ProvisioningCertificate::matchesDomain(const QString &domain) const
{
    if (domain.isEmpty())
        return false;
    const QString cn = commonName.toLower();
    const QString d = domain.toLower();
    return cn == d || cn.endsWith(u'.' + d);
}

ProvisioningCertificate ProvisioningCertificate::fromPkcs12(const QByteArray &pkcs12, const QString &passphrase,
                                                          QString *error)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(pkcs12.constData());
    PKCS12 *p12 = d2i_PKCS12(nullptr, &p, long(pkcs12.size()));
    if (!p12) {
        *error = tr("This is not a PKCS#12 file (.pfx or .p12).");
        return {};
    }
    EVP_PKEY *key = nullptr;
    X509 *leaf = nullptr;
    STACK_OF(X509) *ca = nullptr;
    const QByteArray pass = passphrase.toUtf8();
    const int ok = PKCS12_parse(p12, pass.constData(), &key, &leaf, &ca);
    PKCS12_free(p12);
    ERR_clear_error();
    if (ok != 1) {
        *error = tr("The passphrase does not open this PKCS#12 file. Enter the passphrase it was exported with.");
        return {};
    }
    QList<X509 *> others;
    for (int i = 0; ca && i < sk_X509_num(ca); ++i)
        others << sk_X509_value(ca, i);
    ProvisioningCertificate c = build(key, leaf, others, error);
    EVP_PKEY_free(key);
    X509_free(leaf);
    sk_X509_pop_free(ca, X509_free);
    return c;
}

ProvisioningCertificate ProvisioningCertificate::fromPem(const QByteArray &chainPem, const QByteArray &keyPem,
                                                       QString *error)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> kb(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr);
    std::unique_ptr<BIO, decltype(&BIO_free)> cb(BIO_new_mem_buf(chainPem.constData(), int(chainPem.size())),
                                                 BIO_free);
    QList<X509 *> certs;
    while (X509 *cert = PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr))
        certs << cert;
    ERR_clear_error();
    X509 *leaf = certs.isEmpty() ? nullptr : certs.takeFirst();
    ProvisioningCertificate c = build(key, leaf, certs, error);
    EVP_PKEY_free(key);
    X509_free(leaf);
    for (X509 *cert : std::as_const(certs))
        X509_free(cert);
    return c;
}

} // namespace Oobm::Core
