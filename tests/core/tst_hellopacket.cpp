// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/provisioning/hellopacket.h"

#include <QtTest>

using Oobm::Core::HelloPacket;

class tst_HelloPacket final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workedExample();
    void pkiRoundTrip();
    void malformed_data();
    void malformed();
};

// docs/protocol.md §3.3: UUID 4B529B93-D413-181D-E487-1C697A6B7A2B, PID K7QX2MBO, retry 0.
void tst_HelloPacket::workedExample()
{
    const QByteArray expected = QByteArray::fromHex("0100020000000000"
                                                    "939B524B13D41D18E4871C697A6B7A2B"
                                                    "4B3751583"
                                                    "24D424F");
    HelloPacket h;
    h.adminCredentialsSet = true;
    h.version = HelloPacket::Version::Psk;
    h.retryCount = 0;
    h.uuid = QUuid(QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"));
    h.pid = "K7QX2MBO";
    QCOMPARE(h.encode().toHex(' '), expected.toHex(' '));
    QString error;
    const auto parsed = HelloPacket::parse(expected, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, h);
    QCOMPARE(HelloPacket::uuidText(parsed->uuid), QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"));
}

void tst_HelloPacket::pkiRoundTrip()
{
    HelloPacket h;
    h.version = HelloPacket::Version::Pki;
    h.retryCount = 14;
    h.uuid = QUuid::createUuid();
    h.rootHashes = {{HelloPacket::HashType::Sha1, QByteArray(20, '\x11')},
                    {HelloPacket::HashType::Sha256, QByteArray(32, '\x22')}};
    const QByteArray bytes = h.encode();
    QCOMPARE(bytes.size(), 25 + 22 + 34);
    QCOMPARE(bytes.left(8).toHex(), QByteArray("000003000e000000"));
    QString error;
    const auto parsed = HelloPacket::parse(bytes, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, h);
}

void tst_HelloPacket::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray psk = QByteArray::fromHex("0100020000000000939B524B13D41D18E4871C697A6B7A2B4B375158324D424F");
    QTest::newRow("empty") << QByteArray() << "truncated: 0 bytes";
    QTest::newRow("truncated psk") << psk.left(20) << "truncated: 20 bytes, a PSK hello has 32";
    QTest::newRow("psk too long") << psk + "x"
                                  << "33 bytes, a PSK hello has exactly 32";
    QTest::newRow("version 7") << QByteArray(psk).replace(2, 1, "\x07") << "interface version 7";
    QTest::newRow("admin flag 2") << QByteArray(psk).replace(0, 1, "\x02") << "admin-credentials field is 2";
    QTest::newRow("pid garbage") << QByteArray(psk).replace(24, 1, "\xff") << "PID field";
    QByteArray pki = QByteArray::fromHex("000003000000000000112233445566778899aabbccddeeff") + QByteArray(1, '\x01');
    QTest::newRow("pki truncated hash") << pki + QByteArray::fromHex("0114") + QByteArray(10, 'a')
                                        << "truncated in root hash 1 of 1";
    QTest::newRow("pki wrong length") << pki + QByteArray::fromHex("0120") + QByteArray(32, 'a')
                                      << "32 bytes long; its type needs 20";
    QTest::newRow("pki unknown type") << pki + QByteArray::fromHex("0914") + QByteArray(20, 'a') << "unknown type 9";
    QTest::newRow("pki trailing") << pki + QByteArray::fromHex("0114") + QByteArray(21, 'a') << "1 bytes follow";
    QTest::newRow("oversized") << QByteArray(20000, 'x') << "oversized";
}

void tst_HelloPacket::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!HelloPacket::parse(bytes, &why));
    QVERIFY2(why.contains(error), qPrintable(why));
}

QTEST_GUILESS_MAIN(tst_HelloPacket)
#include "tst_hellopacket.moc"
