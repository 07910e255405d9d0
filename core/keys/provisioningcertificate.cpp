// SPDX-License-Identifier: GPL-2.0-or-later
#include "provisioningcertificate.h"

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
    return QCoreApplication::translate("Oobm::Core::ProvisioningCertificate", text);
}

constexpr char IntelOid[] = "2.16.840.1.113741.1.2.3";
constexpr char IntelOu[] = "Intel(R) Client Setup Certificate";

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
    KeyAndCertificates in;
    ReadError readError = ReadError::None;
    readPkcs12(pkcs12, passphrase, &in, &readError);
    if (readError == ReadError::NotPkcs12) {
        *error = tr("This is not a PKCS#12 file (.pfx or .p12).");
        return {};
    }
    if (readError == ReadError::UnsupportedAlgorithm) {
        *error = tr("The passphrase is right, but this PKCS#12 file is encrypted the old way "
                    "(RC2-40), which OpenSSL 3 does not read. Export it again with AES, e.g. "
                    "openssl pkcs12 -export without -legacy.");
        return {};
    }
    if (readError == ReadError::WrongPassphrase) {
        *error = tr("The passphrase does not open this PKCS#12 file. Enter the passphrase it was exported with.");
        return {};
    }
    return build(in.key, in.leaf, in.others, error);
}

ProvisioningCertificate ProvisioningCertificate::fromPem(const QByteArray &chainPem, const QByteArray &keyPem,
                                                         QString *error)
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
