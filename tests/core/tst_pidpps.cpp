// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/keys/passwordpolicy.h"
#include "core/keys/pidpps.h"

#include <QSet>
#include <QtTest>

using namespace Oobm::Core;

class tst_PidPps final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkCharacter_data();
    void checkCharacter();
    void normalize_data();
    void normalize();
    void generated();
    void passwordPolicy_data();
    void passwordPolicy();
};

void tst_PidPps::checkCharacter_data()
{
    QTest::addColumn<QByteArray>("characters");
    QTest::addColumn<char>("check");
    // docs/protocol.md §6 examples.
    QTest::newRow("PID K7QX-2MBO") << QByteArray("K7QX2MB") << 'O';
    QTest::newRow("PPS group R2DK") << QByteArray("R2D") << 'K';
    QTest::newRow("PPS group C3PI") << QByteArray("C3P") << 'I';
    QTest::newRow("PPS group O4Z5") << QByteArray("O4Z") << '5';
    QTest::newRow("PPS group 9XYI") << QByteArray("9XY") << 'I';
}

void tst_PidPps::checkCharacter()
{
    QFETCH(QByteArray, characters);
    QFETCH(char, check);
    QCOMPARE(PidPps::checkCharacter(characters), check);
}

void tst_PidPps::normalize_data()
{
    QTest::addColumn<bool>("pps");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("canonical");
    QTest::addColumn<QString>("problem");
    QTest::newRow("pid with dash") << false << "K7QX-2MBO" << QByteArray("K7QX2MBO") << "";
    QTest::newRow("pid lower case") << false << "k7qx2mbo" << QByteArray("K7QX2MBO") << "";
    QTest::newRow("pid short") << false << "K7QX-2MB" << QByteArray() << "PID has 7 characters; it needs 8.";
    QTest::newRow("pid bad check") << false << "K7QX-2MBA" << QByteArray()
                                   << "PID 'K7QX-2MBA': the check character should be 'O'.";
    QTest::newRow("pid bad char") << false << "K7QX-2M*O" << QByteArray() << "only 0-9 and A-Z";
    const QString pps = QStringLiteral("R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI");
    QTest::newRow("pps") << true << pps << pps.toLatin1().replace("-", "") << "";
    QTest::newRow("pps group 5 wrong") << true << QStringLiteral("R2DK-C3PI-O4Z5-9XYI-X3Q1-C3PI-O4Z5-9XYI")
                                       << QByteArray()
                                       << QStringLiteral("PPS group 5 'X3Q1': the check character should be '%1'.")
                                                  .arg(QLatin1Char(PidPps::checkCharacter("X3Q")));
    QTest::newRow("pps short") << true << "R2DK-C3PI" << QByteArray()
                               << "PPS has 8 characters; it needs 32 (8 groups of 4).";
}

void tst_PidPps::normalize()
{
    QFETCH(bool, pps);
    QFETCH(QString, text);
    QFETCH(QByteArray, canonical);
    QFETCH(QString, problem);
    QString why;
    const QByteArray out = pps ? PidPps::normalizePps(text, &why) : PidPps::normalizePid(text, &why);
    QCOMPARE(out, canonical);
    if (!problem.isEmpty())
        QVERIFY2(why.contains(problem), qPrintable(why));
}

void tst_PidPps::generated()
{
    QSet<QByteArray> pids;
    for (int i = 0; i < 2000; ++i) {
        const QByteArray pid = PidPps::generatePid();
        const QByteArray pps = PidPps::generatePps();
        QString why;
        QCOMPARE(PidPps::normalizePid(QString::fromLatin1(pid), &why), pid);
        QCOMPARE(PidPps::normalizePps(PidPps::formatPps(pps), &why), pps);
        pids.insert(pid);
    }
    QVERIFY(pids.size() > 1990); // 36^7 values: collisions in 2,000 are vanishingly rare
    QCOMPARE(PidPps::formatPid("K7QX2MBO"), QStringLiteral("K7QX-2MBO"));
}

void tst_PidPps::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("problem");
    QTest::newRow("good") << "P@ssw0rd"
                          << "";
    QTest::newRow("factory default") << "admin"
                                     << "5 characters; it needs at least 8";
    QTest::newRow("too long") << QString(33, u'a') << "33 characters; it may have at most 32";
    QTest::newRow("no upper") << "p@ssw0rd"
                              << "upper-case";
    QTest::newRow("no lower") << "P@SSW0RD"
                              << "lower-case";
    QTest::newRow("no digit") << "P@ssword"
                              << "digit";
    QTest::newRow("underscore is not special") << "Pass_w0rd"
                                               << "special character";
    QTest::newRow("space is not special") << "Pass w0rd"
                                          << "special character";
    QTest::newRow("colon") << "P@ss:w0rd"
                           << "may not contain";
    QTest::newRow("comma") << "P@ss,w0rd"
                           << "may not contain";
    QTest::newRow("quote") << "P@ss\"w0rd"
                           << "may not contain";
    QTest::newRow("non-ascii") << QString::fromUtf8("P@ssw0rdä") << "printable ASCII";
}

void tst_PidPps::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(QString, problem);
    const QString why = mePasswordProblem(password);
    if (problem.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(problem), qPrintable(why));
}

QTEST_GUILESS_MAIN(tst_PidPps)
#include "tst_pidpps.moc"
