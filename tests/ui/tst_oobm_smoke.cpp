// SPDX-License-Identifier: GPL-2.0-or-later
// The console binary as a user starts it.
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

class tst_OobmSmoke final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void noDisplaySaysHowToRun();
    void startsOnTheDefaultDatabase();
};

void tst_OobmSmoke::version()
{
    QProcess p;
    p.start(OOBM_PATH, {"--version"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().startsWith("oobm "));
}

void tst_OobmSmoke::noDisplaySaysHowToRun()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(OOBM_PATH, {});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains("no display") && err.contains("xvfb-run"), err.constData());
}

void tst_OobmSmoke::startsOnTheDefaultDatabase()
{
    QTemporaryDir home;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_DATA_HOME", home.filePath("data"));
    env.insert("XDG_CONFIG_HOME", home.filePath("config"));
    env.remove("OOBM_DATABASE");
    p.setProcessEnvironment(env);
    QTcpServer probe; // a free port for the embedded engine
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    env.insert("OOBM_KEY_FILE", home.filePath("oobm.key"));
    p.setProcessEnvironment(env);
    p.start(OOBM_PATH, {"--listen", QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY(p.waitForStarted());
    // The embedded default: a SQLite store under XDG_DATA_HOME, created on start.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(home.filePath("data/oobm/oobm.db")), 20000);
    QCOMPARE(p.state(), QProcess::Running);
    // ... and the embedded engine, which receives hello packets: a malformed one is recorded.
    QTcpSocket hello;
    QTRY_VERIFY_WITH_TIMEOUT((hello.connectToHost(QHostAddress::LocalHost, port), hello.waitForConnected(1000)), 20000);
    hello.write("not a hello");
    hello.disconnectFromHost();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "smoke");
        db.setDatabaseName(home.filePath("data/oobm/oobm.db"));
        QVERIFY(db.open());
        auto count = [&db](const QString &sql) {
            QSqlQuery q(db);
            return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT COUNT(*) FROM hellos WHERE outcome LIKE 'dropped:%'"), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
                count(QStringLiteral("SELECT COUNT(*) FROM engines WHERE listen = '127.0.0.1:%1'").arg(port)), 1,
                20000);
    }
    QSqlDatabase::removeDatabase("smoke");
    p.terminate();
    QVERIFY(p.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(tst_OobmSmoke)
#include "tst_oobm_smoke.moc"
