// SPDX-License-Identifier: GPL-2.0-or-later
#include "x509helpers.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509v3.h>

namespace Oobm::Core::X509Helpers {

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
    struct tm tm
    { };
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

bool selfSigned(X509 *cert)
{
    return X509_check_issued(cert, cert) == X509_V_OK;
}

KeyAndCertificates::~KeyAndCertificates()
{
    EVP_PKEY_free(key);
    X509_free(leaf);
    for (X509 *cert : std::as_const(others))
        X509_free(cert);
}

void readPkcs12(const QByteArray &pkcs12, const QString &passphrase, KeyAndCertificates *out, ReadError *error)
{
    *error = ReadError::None;
    const unsigned char *p = reinterpret_cast<const unsigned char *>(pkcs12.constData());
    PKCS12 *p12 = d2i_PKCS12(nullptr, &p, long(pkcs12.size()));
    if (!p12) {
        ERR_clear_error();
        *error = ReadError::NotPkcs12;
        return;
    }
    STACK_OF(X509) *ca = nullptr;
    const QByteArray pass = passphrase.toUtf8();
    const int ok = PKCS12_parse(p12, pass.constData(), &out->key, &out->leaf, &ca);
    const bool macOk = ok != 1 && PKCS12_verify_mac(p12, pass.constData(), int(pass.size())) == 1;
    PKCS12_free(p12);
    ERR_clear_error();
    if (ok != 1) {
        *error = macOk ? ReadError::UnsupportedAlgorithm : ReadError::WrongPassphrase;
        return;
    }
    while (ca && sk_X509_num(ca) > 0)
        out->others << sk_X509_shift(ca);
    sk_X509_free(ca);
}

void readPem(const QByteArray &chainPem, const QByteArray &keyPem, KeyAndCertificates *out)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> kb(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    // No passphrase callback of OpenSSL's own: it would ask on the terminal.
    const auto noPassphrase = [](char *, int, int, void *) -> int { return 0; };
    out->key = PEM_read_bio_PrivateKey(kb.get(), nullptr, noPassphrase, nullptr);
    out->keyEncrypted = !out->key && keyPem.contains("ENCRYPTED");
    std::unique_ptr<BIO, decltype(&BIO_free)> cb(BIO_new_mem_buf(chainPem.constData(), int(chainPem.size())), BIO_free);
    while (X509 *cert = PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr)) {
        if (!out->leaf)
            out->leaf = cert;
        else
            out->others << cert;
    }
    ERR_clear_error();
}

} // namespace Oobm::Core::X509Helpers
