// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/amt/ptstatus.h"

#include <QtTest>

using namespace Oobm::Core::Amt;

class tst_PtStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void fromText_data();
    void fromText();
};

void tst_PtStatus::names_data()
{
    QTest::addColumn<unsigned>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("success") << 0u << "SUCCESS";
    QTest::newRow("0x20") << 0x20u << "INVALID_PROVISIONING_STATE";
    QTest::newRow("0x801") << 0x801u << "UNSUPPORTED_OEM_NUMBER";
    QTest::newRow("0x806") << 0x806u << "INVALID_PASSWORD";
    QTest::newRow("0x81C") << 0x81Cu << "BLOCKING_COMPONENT";
    QTest::newRow("unknown") << 0x1234u << "UNKNOWN_0x1234";
}

void tst_PtStatus::names()
{
    QFETCH(unsigned, value);
    QFETCH(QString, name);
    QCOMPARE(ptStatusName(value), name);
    QVERIFY(!ptStatusSentence(value).isEmpty());
    QCOMPARE(ptStatusName(unsigned(PtStatus::InvalidProvisioningState)), QStringLiteral("INVALID_PROVISIONING_STATE"));
}

void tst_PtStatus::fromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<unsigned>("value");
    QTest::newRow("name") << "INVALID_PROVISIONING_STATE" << true << 32u;
    QTest::newRow("lower") << "not_permitted" << true << 16u;
    QTest::newRow("decimal") << "2054" << true << 2054u;
    QTest::newRow("hex") << "0x806" << true << 2054u;
    QTest::newRow("nonsense") << "PLEASE_FAIL" << false << 0u;
}

void tst_PtStatus::fromText()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(unsigned, value);
    unsigned parsed = 0;
    QCOMPARE(ptStatusFromText(text, &parsed), ok);
    if (ok)
        QCOMPARE(parsed, value);
}

QTEST_GUILESS_MAIN(tst_PtStatus)
#include "tst_ptstatus.moc"
