// SPDX-License-Identifier: GPL-2.0-or-later
// amttool (Debian package amtterm) operates a simulated device as it would a real AMT 2.x/3.x.
#include "common/simprocess.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using Oobm::Test::SimProcess;

namespace {
struct Run
{
    int exitCode;
    QString out;
};

Run amttool(const QString &host, const QString &password, const QStringList &args, const QByteArray &input = {})
{
    Q_ASSERT(!host.isEmpty()); // never let it resolve a command as a host name
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("AMT_PASSWORD", password);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("amttool", QStringList{host} + args);
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAll())};
}
} // namespace

class tst_AmtTool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void info();
    void netinfo();
    void power_data();
    void power();
    void wrongPassword();

private:
    SimProcess m_sim;
};

void tst_AmtTool::initTestCase()
{
    if (QStandardPaths::findExecutable("amttool").isEmpty())
        QFAIL("amttool is not installed (Debian packages amtterm and libsoap-lite-perl; scripts/test installs them)");
    const QString e = m_sim.start(
            {"--fleet", "1", "--mode", "provisioned", "--admin-password", "P@ssw0rd", "--amt-version", "2.6"});
    QVERIFY2(e.isEmpty(), qPrintable(e));
}

void tst_AmtTool::info()
{
    const Run r = amttool(m_sim.device().address, "P@ssw0rd", {"info"});
    QVERIFY2(r.out.contains("AMT version:  2.6.4"), qPrintable(r.out));
    QVERIFY(r.out.contains("Hostname:     amt-00001.amt.example.test"));
    QVERIFY(r.out.contains(QRegularExpression("Powerstate: +S0")));
    QVERIFY(r.out.contains("IanaOemNumber                   157"));
    QVERIFY(r.out.contains("SystemCapabilitiesSupported     powercycle powerdown powerup reset"));
}

void tst_AmtTool::netinfo()
{
    const Run r = amttool(m_sim.device().address, "P@ssw0rd", {"netinfo"});
    QVERIFY2(r.out.contains("Network Interface 0:"), qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression("InterfaceMode +SHARED_MAC_ADDRESS")));
    QVERIFY(r.out.contains(QRegularExpression("LocalAddress +").pattern() + m_sim.device().address)
            || r.out.contains(m_sim.device().address));
}

void tst_AmtTool::power_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("state");
    QTest::newRow("powerdown") << "powerdown" << 5;
    QTest::newRow("powerup") << "powerup" << 0;
    QTest::newRow("reset") << "reset" << 0;
    QTest::newRow("powerdown again") << "powerdown" << 5;
    QTest::newRow("powerup again") << "powerup" << 0;
}

void tst_AmtTool::power()
{
    QFETCH(QString, command);
    QFETCH(int, state);
    const Run r = amttool(m_sim.device().address, "P@ssw0rd", {command}, "y\n");
    QVERIFY2(r.out.contains("result: pt_status: success"), qPrintable(r.out));
    QCOMPARE(m_sim.state().value("powerState").toInt(), state);
}

void tst_AmtTool::wrongPassword()
{
    const Run r = amttool(m_sim.device().address, "Wr0ng-pass!", {"info"});
    QVERIFY2(!r.out.contains("AMT version:  2.6"), qPrintable(r.out));
    QVERIFY(r.out.contains("Use of uninitialized value $amt_version"));
}

QTEST_GUILESS_MAIN(tst_AmtTool)
#include "tst_amttool.moc"
