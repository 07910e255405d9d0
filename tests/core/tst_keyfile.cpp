// SPDX-License-Identifier: GPL-2.0-or-later
// The key files admins bring to Security Keys > Import (KeyFile::read): CSV as spreadsheets and
// OEM tools write it (byte order mark, CRLF, header, comments, dashes and lower case, passwords)
// and setup.bin, told apart by their bytes; what each row gives, and the sentence for each row
// that does not parse. The store's import on top of it is tst_keyledger's.
#include "core/keys/keyfile.h"
#include "core/keys/pidpps.h"
#include "core/keys/setupbin.h"

#include <QtTest>

using namespace Oobm::Core;

namespace {

const QByteArray Pid("K7QX2MBO");
const QByteArray Pps("R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI");

} // namespace

class tst_KeyFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsCsv_data();
    void readsCsv();
    void roundTrips();
    void setupBinIsToldApart();
};

void tst_KeyFile::readsCsv_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("pids");
    QTest::addColumn<QStringList>("mePasswords"); // "current|new", as read
    QTest::addColumn<QStringList>("problems");

    const QByteArray line = "K7QX-2MBO,R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI";
    QTest::newRow("plain") << line + "\n" << QStringList{"K7QX2MBO"} << QStringList{""} << QStringList{};
    QTest::newRow("no final newline") << line << QStringList{"K7QX2MBO"} << QStringList{""} << QStringList{};
    QTest::newRow("header, BOM, CRLF") << "\xEF\xBB\xBFPID,PPS\r\n" + line + "\r\n"
                                       << QStringList{"K7QX2MBO"} << QStringList{""} << QStringList{};
    QTest::newRow("header in other case") << "pid , pps\n" + line + "\n"
                                          << QStringList{"K7QX2MBO"} << QStringList{""} << QStringList{};
    QTest::newRow("header with words") << "PID Number,PPS Number\n" + line + "\n"
                                       << QStringList{"K7QX2MBO"} << QStringList{""} << QStringList{};
    QTest::newRow("header in plural") << "PIDs,PPSs,ME passwords\n" + line + "\n"
                                      << QStringList{"K7QX2MBO"} << QStringList{""} << QStringList{};
    QTest::newRow("comments and blank lines") << "# exported by the OEM tool\n\n" + line + "\n   \n"
                                              << QStringList{"K7QX2MBO"} << QStringList{""} << QStringList{};
    QTest::newRow("lower case, spaces, passwords")
            << QByteArray("k7qx 2mbo , r2dkc3pio4z59xyir2dkc3pio4z59xyi, admin , N3w-Pass! \n")
            << QStringList{"K7QX2MBO"} << QStringList{"admin|N3w-Pass!"} << QStringList{};
    // A key whose PID begins with the header's letters is a key, not a header.
    QByteArray pid("PIDX2MB");
    pid += PidPps::checkCharacter(pid);
    QTest::newRow("PID beginning with PID")
            << PidPps::formatPid(pid).toLatin1() + ",R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI\n"
            << QStringList{QString::fromLatin1(pid)} << QStringList{""} << QStringList{};
    QTest::newRow("one field") << QByteArray("K7QX-2MBO\n") << QStringList{} << QStringList{}
                               << QStringList{"line 1: expected PID,PPS[,ME password,new ME password]"};
    QTest::newRow("short PID, then a good row")
            << "K7QX2MB,R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI\n" + line + "\n"
            << QStringList{"K7QX2MBO"} << QStringList{""} << QStringList{"line 1: PID has 7 characters; it needs 8."};
    QTest::newRow("empty file") << QByteArray() << QStringList{} << QStringList{}
                                << QStringList{"the file holds no keys"};
    QTest::newRow("only a header") << QByteArray("PID,PPS\r\n") << QStringList{} << QStringList{}
                                   << QStringList{"the file holds no keys"};
}

void tst_KeyFile::readsCsv()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, pids);
    QFETCH(QStringList, mePasswords);
    QFETCH(QStringList, problems);
    KeyFileContents contents;
    QString error;
    QVERIFY(KeyFile::read(bytes, &contents, &error));
    QStringList gotPids, gotPasswords;
    for (const KeyFileEntry &e : std::as_const(contents.entries)) {
        gotPids << QString::fromLatin1(e.pid);
        gotPasswords << e.mePassword + (e.newMePassword.isEmpty() ? QString() : u'|' + e.newMePassword);
        QCOMPARE(e.pps, Pps);
    }
    QCOMPARE(gotPids, pids);
    QCOMPARE(gotPasswords, mePasswords);
    QCOMPARE(contents.problems, problems);
}

void tst_KeyFile::roundTrips()
{
    KeyFileEntry e;
    e.pid = Pid;
    e.pps = Pps;
    e.mePassword = QStringLiteral("admin");
    e.newMePassword = QStringLiteral("N3w-Pass!");
    for (bool withPasswords : {false, true}) {
        KeyFileContents back;
        QString error;
        QVERIFY(KeyFile::read(KeyFile::csv({e, e}, withPasswords), &back, &error));
        QCOMPARE(back.problems, QStringList());
        QCOMPARE(back.entries.size(), 2);
        QCOMPARE(back.entries.first().pid, Pid);
        QCOMPARE(back.entries.first().pps, Pps);
        QCOMPARE(back.entries.first().mePassword, withPasswords ? e.mePassword : QString());
        QCOMPARE(back.entries.first().newMePassword, withPasswords ? e.newMePassword : QString());
    }
    QString error;
    QStringList warnings;
    const QByteArray bin = KeyFile::setupBin(2, {e}, {}, 0, &error, &warnings);
    QVERIFY2(!bin.isEmpty(), qPrintable(error));
    KeyFileContents back;
    QVERIFY(KeyFile::read(bin, &back, &error));
    QCOMPARE(back.entries.size(), 1);
    QCOMPARE(back.entries.first().pps, Pps);
    QCOMPARE(back.entries.first().where, QStringLiteral("record 1"));
}

// Binary bytes that are no setup.bin are refused with the reason; text is never taken for one.
void tst_KeyFile::setupBinIsToldApart()
{
    QString error;
    QStringList warnings;
    KeyFileEntry e;
    e.pid = Pid;
    e.pps = Pps;
    QByteArray bin = KeyFile::setupBin(2, {e}, {}, 0, &error, &warnings);
    bin.truncate(700); // the record runs past the end
    KeyFileContents contents;
    QVERIFY(!KeyFile::read(bin, &contents, &error));
    QVERIFY2(!error.isEmpty(), "a refusal says why");
    QVERIFY(contents.entries.isEmpty());
    QVERIFY(KeyFile::read(QByteArray(600, 'A'), &contents, &error)); // text: a CSV with a bad line
    QCOMPARE(contents.entries.size(), 0);
    QCOMPARE(contents.problems.size(), 1);
}

QTEST_GUILESS_MAIN(tst_KeyFile)
#include "tst_keyfile.moc"
