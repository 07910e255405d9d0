// SPDX-License-Identifier: GPL-2.0-or-later
// Reading the TLS server certificates profiles install: PKCS#12 and PEM, and a named error for
// each thing that makes one unusable.
#include "core/keys/tlscertificate.h"

#include <QtTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Oobm::Core;

namespace {

QByteArray pem(X509 *cert)
{
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, cert);
    char *data = nullptr;
    const QByteArray out(data, int(BIO_get_mem_data(b, &data)));
    BIO_free(b);
    return out;
}

QByteArray pem(EVP_PKEY *key)
{
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const QByteArray out(data, int(BIO_get_mem_data(b, &data)));
    BIO_free(b);
    return out;
}

void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// What a row asks for: a leaf issued by a lab CA.
struct Spec
{
    long validFrom = -60; // seconds from now
    long validTo = 3600;
    QByteArray eku = "serverAuth"; // empty: no extended key usage
    bool ecKey = false;
};

struct Generated
{
    QByteArray leafPem;
    QByteArray rootPem;
    QByteArray keyPem;
    QByteArray otherKeyPem;
    QByteArray pfx; // passphrase "s3cret", leaf + key + root
};

Generated generate(const Spec &spec)
{
    EVP_PKEY *rootKey = EVP_RSA_gen(2048);
    X509 *root = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(root), 1);
    X509_gmtime_adj(X509_getm_notBefore(root), -86400);
    X509_gmtime_adj(X509_getm_notAfter(root), 86400);
    X509_set_pubkey(root, rootKey);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(root), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Lab Root CA"), -1, -1, 0);
    X509_set_issuer_name(root, X509_get_subject_name(root));
    addExtension(root, root, NID_basic_constraints, "critical,CA:TRUE");
    X509_sign(root, rootKey, EVP_sha256());
    EVP_PKEY *key = spec.ecKey ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048);
    X509 *leaf = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(leaf), 2);
    X509_gmtime_adj(X509_getm_notBefore(leaf), spec.validFrom);
    X509_gmtime_adj(X509_getm_notAfter(leaf), spec.validTo);
    X509_set_pubkey(leaf, key);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(leaf), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("amt.example.test"), -1, -1, 0);
    X509_set_issuer_name(leaf, X509_get_subject_name(root));
    if (!spec.eku.isEmpty())
        addExtension(leaf, root, NID_ext_key_usage, spec.eku.constData());
    X509_sign(leaf, rootKey, EVP_sha256());
    EVP_PKEY *other = EVP_RSA_gen(2048);
    Generated g{pem(leaf), pem(root), pem(key), pem(other), {}};
    STACK_OF(X509) *ca = sk_X509_new_null();
    sk_X509_push(ca, root);
    PKCS12 *p12 = PKCS12_create("s3cret", "amt", key, leaf, ca, 0, 0, 0, 0, 0);
    unsigned char *der = nullptr;
    const int n = i2d_PKCS12(p12, &der);
    g.pfx = QByteArray(reinterpret_cast<char *>(der), n);
    OPENSSL_free(der);
    PKCS12_free(p12);
    sk_X509_free(ca);
    X509_free(root);
    X509_free(leaf);
    EVP_PKEY_free(rootKey);
    EVP_PKEY_free(key);
    EVP_PKEY_free(other);
    return g;
}

} // namespace

class tst_TlsCertificate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromPkcs12_data();
    void fromPkcs12();
    void fromPem_data();
    void fromPem();
};

void tst_TlsCertificate::fromPkcs12_data()
{
    QTest::addColumn<long>("validFrom");
    QTest::addColumn<long>("validTo");
    QTest::addColumn<QByteArray>("eku");
    QTest::addColumn<bool>("ecKey");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("error"); // empty: imported
    QTest::newRow("server certificate with its CA") << -60L << 3600L << QByteArray("serverAuth") << false << "s3cret"
                                                    << "";
    QTest::newRow("no extended key usage") << -60L << 3600L << QByteArray() << false << "s3cret"
                                           << "";
    QTest::newRow("wrong passphrase") << -60L << 3600L << QByteArray("serverAuth") << false << "guess"
                                      << "The passphrase does not open this PKCS#12 file";
    QTest::newRow("expired") << -7200L << -3600L << QByteArray("serverAuth") << false << "s3cret"
                             << "The certificate amt.example.test expired on";
    QTest::newRow("not yet valid") << 3600L << 7200L << QByteArray("serverAuth") << false << "s3cret"
                                   << "is not valid before";
    QTest::newRow("client certificate only") << -60L << 3600L << QByteArray("clientAuth") << false << "s3cret"
                                             << "is not a TLS server certificate";
    QTest::newRow("EC key") << -60L << 3600L << QByteArray("serverAuth") << true << "s3cret"
                            << "is not an RSA key";
}

void tst_TlsCertificate::fromPkcs12()
{
    QFETCH(long, validFrom);
    QFETCH(long, validTo);
    QFETCH(QByteArray, eku);
    QFETCH(bool, ecKey);
    QFETCH(QString, passphrase);
    QFETCH(QString, error);
    const Generated g = generate({validFrom, validTo, eku, ecKey});
    QString problem;
    const TlsCertificate c = TlsCertificate::fromPkcs12(g.pfx, passphrase, &problem);
    if (!error.isEmpty()) {
        QVERIFY2(problem.contains(error), qPrintable(problem));
        QVERIFY(!c.isValid());
        QVERIFY(c.keyPem.isEmpty());
        return;
    }
    QCOMPARE(problem, QString());
    QCOMPARE(c.commonName, QStringLiteral("amt.example.test"));
    QCOMPARE(c.name, c.commonName);
    QCOMPARE(c.sha256.size(), 64);
    QCOMPARE(c.chainList().size(), 2); // leaf, then its CA
    QCOMPARE(c.leafPem(), g.leafPem);
    QCOMPARE(c.chainList().at(1), g.rootPem);
    QVERIFY(c.keyPem.contains("PRIVATE KEY"));
    QVERIFY(!c.isExpired());
}

void tst_TlsCertificate::fromPem_data()
{
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<bool>("otherKey");
    QTest::addColumn<bool>("withCertificate");
    QTest::addColumn<QString>("error");
    QTest::newRow("certificate and key") << true << false << true << "";
    QTest::newRow("no key") << false << false << true << "The file has no private key for amt.example.test";
    QTest::newRow("key of another certificate")
            << true << true << true << "The private key does not belong to the certificate";
    QTest::newRow("no certificate") << true << false << false << "The file has no certificate";
}

void tst_TlsCertificate::fromPem()
{
    QFETCH(bool, withKey);
    QFETCH(bool, otherKey);
    QFETCH(bool, withCertificate);
    QFETCH(QString, error);
    const Generated g = generate({});
    QString problem;
    const TlsCertificate c = TlsCertificate::fromPem(withCertificate ? g.leafPem : QByteArray(),
                                                     withKey ? (otherKey ? g.otherKeyPem : g.keyPem) : QByteArray(),
                                                     &problem);
    if (!error.isEmpty()) {
        QVERIFY2(problem.contains(error), qPrintable(problem));
        QVERIFY(!c.isValid());
        return;
    }
    QCOMPARE(problem, QString());
    QCOMPARE(c.chainList().size(), 1); // no CA given: the leaf alone
    QCOMPARE(c.leafPem(), g.leafPem);
    // Not PKCS#12 at all.
    TlsCertificate::fromPkcs12(g.leafPem, QString(), &problem);
    QVERIFY2(problem.startsWith(QStringLiteral("This is not a PKCS#12 file")), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_TlsCertificate)
#include "tst_tlscertificate.moc"
