// SPDX-License-Identifier: GPL-2.0-or-later
// Reading the TLS server certificates profiles install: PKCS#12 and PEM, and a named error for
// each thing that makes one unusable.
#include "common/labcertificate.h"

#include "core/keys/tlscertificate.h"

#include <QtTest>


using namespace Oobm::Core;
using namespace Oobm::Test;

namespace {

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
    LabCertificateSpec lab;
    lab.validFrom = spec.validFrom;
    lab.validTo = spec.validTo;
    lab.extendedKeyUsage = spec.eku;
    lab.ecKey = spec.ecKey;
    lab.pkcs12Passphrase = "s3cret";
    const LabCertificate c = issueLabCertificate(lab);
    return {c.leafPem, c.rootPem, c.keyPem, labRsaKeyPem(), c.pkcs12};
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
