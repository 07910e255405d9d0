// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/keys/setupbin.h"

#include <QtEndian>
#include <QtTest>

using Oobm::Core::SetupBin;
using Oobm::Core::SetupBinRecord;

namespace {
SetupBinRecord record(const char *pid, const char *pps)
{
    SetupBinRecord r;
    r.currentMePassword = "admin";
    r.newMePassword = "N3w-Pass!";
    r.pid = pid;
    r.pps = pps;
    return r;
}
quint16 u16(const QByteArray &b, int at)
{
    return qFromLittleEndian<quint16>(b.constData() + at);
}
quint32 u32(const QByteArray &b, int at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}
} // namespace

class tst_SetupBin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerLayout_data();
    void headerLayout();
    void recordLayout();
    void provisioningServerIn21();
    void roundTrip();
    void consumption();
    void reusableRecordsAreNotConsumed();
    void scrambledVersion4();
    void malformed_data();
    void malformed();
};

void tst_SetupBin::headerLayout_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QByteArray>("guid");
    QTest::newRow("v1") << 1 << QByteArray::fromHex("b516fb7187cbf94ab441ca7b383578f9");
    QTest::newRow("v2") << 2 << QByteArray::fromHex("96b28158cf6b724c8b91a15e512e99c4");
}

// docs/protocol.md §7.1, checked field by field.
void tst_SetupBin::headerLayout()
{
    QFETCH(int, major);
    QFETCH(QByteArray, guid);
    SetupBin bin;
    bin.major = major;
    bin.records = {record("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"),
                   record("AAAAAAAN", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI")};
    const QByteArray b = bin.encode();
    QCOMPARE(b.size(), 512 * 3);
    QCOMPARE(b.left(16), guid);
    QCOMPARE(u16(b, 16), quint16(1));  // header record chunk count
    QCOMPARE(u16(b, 18), quint16(46)); // 42 + 2 x 2 modules
    QCOMPARE(u32(b, 20), 0u);          // record number 0
    QCOMPARE(int(quint8(b.at(24))), major);
    QCOMPARE(int(quint8(b.at(25))), 0);
    QCOMPARE(u16(b, 26), quint16(0)); // flags: records are consumed
    QCOMPARE(u32(b, 28), 2u);         // data records
    QCOMPARE(u32(b, 32), 0u);         // consumed
    QCOMPARE(u16(b, 36), quint16(1)); // chunks per record
    QCOMPARE(u16(b, 40), quint16(1)); // module ME
    QCOMPARE(u16(b, 42), quint16(2)); // module AMT
    QCOMPARE(u16(b, 44), quint16(0)); // end of list
    QCOMPARE(b.mid(46, 512 - 46), QByteArray(512 - 46, '\0'));
}

// docs/protocol.md §7.2: the first record, byte by byte.
void tst_SetupBin::recordLayout()
{
    SetupBin bin;
    bin.major = 1;
    bin.records = {record("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI")};
    const QByteArray r = bin.encode().mid(512, 512);
    const QByteArray expected = QByteArray::fromHex("01000000"
                                                    "01000000"
                                                    "00000000"
                                                    "00000000"
                                                    "0100"
                                                    "1800"
                                                    "01000000" // header: type 1, valid, 24 bytes, no. 1
                                                    "0100"
                                                    "0100"
                                                    "0500"
                                                    "0000"
                                                    "61646d696e000000" // ME/1 current password "admin", padded
                                                    "0100"
                                                    "0200"
                                                    "0900"
                                                    "0000"
                                                    "4e33772d506173732100000000" // ME/2 new password "N3w-Pass!"
                                                    "");
    QCOMPARE(r.left(24 + 8 + 8 + 8 + 9).toHex(), expected.left(24 + 8 + 8 + 8 + 9).toHex());
    int at = 24 + 16 + 20;            // after the two password entries (5 -> 8, 9 -> 12 bytes of value)
    QCOMPARE(u16(r, at), quint16(1)); // ME/3 manageability selection
    QCOMPARE(u16(r, at + 2), quint16(3));
    QCOMPARE(u16(r, at + 4), quint16(1));
    QCOMPARE(int(r.at(at + 8)), 1); // AMT
    at += 12;
    QCOMPARE(u16(r, at), quint16(2)); // AMT/1 PID
    QCOMPARE(u16(r, at + 2), quint16(1));
    QCOMPARE(u16(r, at + 4), quint16(8));
    QCOMPARE(r.mid(at + 8, 8), QByteArray("K7QX2MBO"));
    at += 16;
    QCOMPARE(u16(r, at + 2), quint16(2)); // AMT/2 PPS
    QCOMPARE(u16(r, at + 4), quint16(32));
    QCOMPARE(r.mid(at + 8, 32), QByteArray("R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"));
    at += 40;
    QCOMPARE(r.mid(at), QByteArray(512 - at, '\0')); // terminated and padded
}

void tst_SetupBin::provisioningServerIn21()
{
    SetupBin bin;
    SetupBinRecord r = record("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI");
    r.provisioningServer = QHostAddress("192.0.2.10");
    r.provisioningPort = 9971;
    bin.records = {r};
    const QByteArray b = bin.encode();
    QCOMPARE(int(b.at(25)), 1); // 2.1: the version that knows variables 17 and 18
    QVERIFY(b.mid(512).contains(QByteArray::fromHex("020011000400000"
                                                    "00a0200c0"))); // d c b a
    QString error;
    const auto back = SetupBin::decode(b, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->records.first().provisioningServer, QHostAddress("192.0.2.10"));
    QCOMPARE(back->records.first().provisioningPort, quint16(9971));

    // A port without a server (variable 17 missing) says nothing: read as none, as it is written
    // (found by fuzz_keyfile: it came back 0 after a round trip).
    QByteArray portOnly = b;
    const qsizetype at = portOnly.indexOf(QByteArray::fromHex("0200110004000000"), 512);
    QVERIFY(at > 0);
    portOnly[at + 2] = 0x13; // variable 19: none the reader knows
    const auto noServer = SetupBin::decode(portOnly, &error);
    QVERIFY2(noServer, qPrintable(error));
    QVERIFY(noServer->records.first().provisioningServer.isNull());
    QCOMPARE(noServer->records.first().provisioningPort, quint16(0));

    // Nor has version 1 a server: a v1 header over this record reads without one.
    SetupBin v1 = bin;
    v1.major = 1;
    const QByteArray v1Record = v1.encode().left(512) + b.mid(512);
    const auto old = SetupBin::decode(v1Record, &error);
    QVERIFY2(old, qPrintable(error));
    QCOMPARE(old->major, 1);
    QCOMPARE(old->records.first().pid, QByteArray("K7QX2MBO"));
    QVERIFY(old->records.first().provisioningServer.isNull());
    QCOMPARE(old->records.first().provisioningPort, quint16(0));
}

void tst_SetupBin::roundTrip()
{
    SetupBin bin;
    for (int i = 0; i < 50; ++i)
        bin.records << record("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI");
    QString error;
    const auto back = SetupBin::decode(bin.encode(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->records.size(), 50);
    QCOMPARE(back->records.at(49).recordNumber, 50);
    QCOMPARE(back->records.at(7).newMePassword, QStringLiteral("N3w-Pass!"));
    QCOMPARE(back->records.at(7).pps, QByteArray("R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"));
    QVERIFY(!back->records.at(7).consumed);
}

void tst_SetupBin::consumption()
{
    SetupBin bin;
    bin.records = {record("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"),
                   record("AAAAAAAN", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI")};
    QByteArray file = bin.encode();
    QString error;
    auto first = SetupBin::consumeNext(file, &error);
    QVERIFY(first);
    QCOMPARE(first->pid, QByteArray("K7QX2MBO"));
    QCOMPARE(u32(file, 512 + 4) & 1, 0u); // RecordFlags bit0 cleared
    QCOMPARE(u32(file, 32), 1u);          // DataRecordsConsumed
    QCOMPARE(SetupBin::consumeNext(file, &error)->pid, QByteArray("AAAAAAAN"));
    QVERIFY(!SetupBin::consumeNext(file, &error));
    QCOMPARE(error, QStringLiteral("every record in the file has been consumed"));
    const auto back = SetupBin::decode(file, &error);
    QVERIFY(back->records.at(0).consumed && back->records.at(1).consumed);
    // A record whose type is 0 counts as consumed too (docs/protocol.md §7, item 7).
    QByteArray typeZero = bin.encode();
    typeZero.replace(512, 4, QByteArray(4, '\0'));
    QVERIFY(SetupBin::decode(typeZero, &error)->records.first().consumed);
}

void tst_SetupBin::reusableRecordsAreNotConsumed()
{
    SetupBin bin;
    bin.doNotConsume = true;
    bin.records = {record("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI")};
    QByteArray file = bin.encode();
    QString error;
    QVERIFY(SetupBin::consumeNext(file, &error));
    QVERIFY(SetupBin::consumeNext(file, &error)); // still there
    QCOMPARE(u32(file, 32), 0u);
}

void tst_SetupBin::scrambledVersion4()
{
    SetupBin bin;
    bin.records = {record("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI")};
    QByteArray file = bin.encode();
    file.replace(0, 16, QByteArray::fromHex("aaa93452e129a9448d4d081c07b96353"));
    file[24] = 4;
    file[512 + 4] = 3; // valid, scrambled
    for (int i = 512 + 24; i < 1024; ++i)
        file[i] = char(quint8(file.at(i)) + 0x11);
    QString error;
    const auto back = SetupBin::decode(file, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->major, 4);
    QCOMPARE(back->records.first().pid, QByteArray("K7QX2MBO"));
}

void tst_SetupBin::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    SetupBin bin;
    bin.records = {record("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI")};
    const QByteArray good = bin.encode();
    QTest::newRow("short") << good.left(100) << "100 bytes: a setup.bin starts with a 512-byte header";
    QTest::newRow("guid") << QByteArray(16, 'x') + good.mid(16) << "not a setup.bin";
    QTest::newRow("records missing") << good.left(512) << "announces 1 records";
    QByteArray overrun = good;
    qToLittleEndian<quint16>(600, overrun.data() + 512 + 24 + 4);
    QTest::newRow("entry overrun") << overrun << "record 1: the entry at offset 24 runs past the record";
}

void tst_SetupBin::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!SetupBin::decode(bytes, &why));
    QVERIFY2(why.contains(error), qPrintable(why));
}

QTEST_GUILESS_MAIN(tst_SetupBin)
#include "tst_setupbin.moc"
