// SPDX-License-Identifier: GPL-2.0-or-later
// oobmctl as a user runs it: a separate process, exit codes, stdout and stderr.
#include "common/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using Oobm::Test::BackendFixture;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result oobmctl(const QStringList &args, const QString &xdgDataHome = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("OOBM_DATABASE"));
    if (!xdgDataHome.isEmpty())
        env.insert(QStringLiteral("XDG_DATA_HOME"), xdgDataHome);
    p.setProcessEnvironment(env);
    p.start(Oobm::Test::unprivilegedBinary(QStringLiteral(OOBMCTL_PATH)), args);
    p.waitForFinished(60000);
    Result r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class tst_Oobmctl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void settingsRoundTrip_data() { Oobm::Test::addBackendRows(); }
    void settingsRoundTrip();
    void logTail();
    void defaultDatabaseIsXdgDataHome();
    void runtimeErrorExitsOne();
    void readOnlyDatabase();
    void keysLifecycle();
    void keysErrors_data();
    void keysErrors();
};

void tst_Oobmctl::helpAndVersion()
{
    const Result help = oobmctl({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("settings set KEY VALUE")));
    QVERIFY(help.out.contains(QStringLiteral("listen-port")));
    const Result version = oobmctl({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("oobmctl ")));
}

void tst_Oobmctl::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << "No command given.";
    QTest::newRow("group only") << QStringList{ "settings" } << "'settings' needs a subcommand.";
    QTest::newRow("unknown command")
            << QStringList{ "settings", "frob" } << "Unknown command 'settings frob'.";
    QTest::newRow("unknown option")
            << QStringList{ "--bogus", "settings", "get" } << "Unknown option 'bogus'.";
    QTest::newRow("set without value")
            << QStringList{ "settings", "set", "listen-port" } << "takes a key and a value";
    QTest::newRow("port 0") << QStringList{ "settings", "set", "listen-port", "0" }
                            << "0 is outside that range";
    QTest::newRow("port 70000") << QStringList{ "settings", "set", "listen-port", "70000" }
                                << "70000 is outside";
    QTest::newRow("unknown key") << QStringList{ "settings", "get", "port" }
                                 << "There is no setting 'port'.";
    QTest::newRow("bad format") << QStringList{ "--format", "xml", "settings", "get" }
                                << "--format takes text or json";
    QTest::newRow("bad -n") << QStringList{ "log", "tail", "-n", "0" } << "-n takes a number";
    QTest::newRow("bad severity") << QStringList{ "log", "tail", "--severity", "loud" }
                                  << "Unknown severity 'loud'";
    QTest::newRow("bad database") << QStringList{ "--database", "postgresql://u@h:5432/",
                                                  "settings", "get" }
                                  << "names no database";
}

void tst_Oobmctl::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Result r = oobmctl(args, dir.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.err.startsWith(QStringLiteral("oobmctl: ")));
    QVERIFY(r.out.isEmpty());
    QVERIFY2(!QFile::exists(dir.filePath(QStringLiteral("oobm/oobm.db"))),
             "a usage error touched the database");
}

void tst_Oobmctl::settingsRoundTrip()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    const QStringList db{ QStringLiteral("--database"), fixture.location().toUrl() };

    Result r = oobmctl(db + QStringList{ "settings", "set", "listen-port", "9377" });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Set service listening port to 9377.\n"));
    r = oobmctl(db + QStringList{ "settings", "get", "listen-port" });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("9377\n"));
    r = oobmctl(db + QStringList{ "settings", "set", "listen-port", "9377" });
    QCOMPARE(r.out, QStringLiteral("listen-port is already 9377.\n"));
    r = oobmctl(db + QStringList{ "settings", "set", "allow-remote-configuration", "true" });
    QCOMPARE(r.out, QStringLiteral("Set service remote configuration.\n"));

    r = oobmctl(db + QStringList{ "--format", "json", "settings", "get" });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("listen-port")).toInt(), 9377);
    QCOMPARE(o.value(QStringLiteral("allow-remote-configuration")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("log-level")).toString(), QStringLiteral("information"));
    QCOMPARE(o.size(), 6);

    r = oobmctl(db + QStringList{ "settings", "get" });
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^listen-port +9377$"),
                                              QRegularExpression::MultilineOption)));
}

void tst_Oobmctl::logTail()
{
    QTemporaryDir dir;
    const QStringList db{ QStringLiteral("--database"), dir.filePath(QStringLiteral("oobm.db")) };
    QCOMPARE(oobmctl(db + QStringList{ "settings", "set", "listen-port", "9377" }).exitCode, 0);
    QCOMPARE(oobmctl(db + QStringList{ "settings", "set", "require-authorization", "on" }).exitCode,
             0);

    Result r = oobmctl(db + QStringList{ "log", "tail" });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).endsWith(QStringLiteral("Set service listening port to 9377.")),
             qPrintable(lines.at(0)));
    QVERIFY(lines.at(0).contains(QStringLiteral("Information")));
    QVERIFY(lines.at(0).contains(QStringLiteral("oobmctl")));
    QVERIFY(lines.at(1).endsWith(QStringLiteral("Set provisioning authorization mode.")));

    r = oobmctl(db + QStringList{ "log", "tail", "-n", "1", "--format", "json" });
    const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(a.at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("Set provisioning authorization mode."));
    QCOMPARE(a.at(0).toObject().value(QStringLiteral("severity")).toString(),
             QStringLiteral("information"));

    r = oobmctl(db + QStringList{ "log", "tail", "--severity", "error,warning" });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
}

void tst_Oobmctl::defaultDatabaseIsXdgDataHome()
{
    QTemporaryDir dir;
    QCOMPARE(oobmctl({ QStringLiteral("settings"), QStringLiteral("set"),
                       QStringLiteral("listen-port"), QStringLiteral("1234") },
                     dir.path())
                     .exitCode,
             0);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("oobm/oobm.db"))));
}

void tst_Oobmctl::runtimeErrorExitsOne()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.db"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    const Result r = oobmctl({ QStringLiteral("--database"), path, QStringLiteral("settings"),
                               QStringLiteral("get") });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err,
             QStringLiteral(
                     "oobmctl: %1 is not a SQLite database (it may be another program's file, or "
                     "damaged). Move it away or choose another database.\n")
                     .arg(path));
}

void tst_Oobmctl::readOnlyDatabase()
{
    OOBM_RUN_UNPRIVILEGED(QStringList{ QStringLiteral(OOBMCTL_PATH) });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("oobm.db"));
    const QStringList db{ QStringLiteral("--database"), path };
    QCOMPARE(oobmctl(db + QStringList{ "settings", "set", "listen-port", "9377" }).exitCode, 0);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
    Result r = oobmctl(db + QStringList{ "settings", "set", "listen-port", "9000" });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(
                     QStringLiteral("oobmctl: The database file %1 is read-only.").arg(path)),
             qPrintable(r.err));
    r = oobmctl(db + QStringList{ "settings", "get", "listen-port" });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("9377\n"));
}

void tst_Oobmctl::keysLifecycle()
{
    QTemporaryDir dir;
    const QStringList db{ "--database", dir.filePath("oobm.db"), "--key-file",
                          dir.filePath("oobm.key") };
    Result r = oobmctl(db
                       + QStringList{ "keys", "generate", "-n", "5", "--new-me-password",
                                      "N3w-Pass!", "--export", dir.filePath("setup.bin"),
                                      "--format", "setupbin-v2" });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("Generated 5 keys"));
    QVERIFY(r.out.contains("Exported 5 keys to " + dir.filePath("setup.bin")));
    QVERIFY(r.err.contains("Created the key file"));

    r = oobmctl(db + QStringList{ "keys", "list", "--format", "json" });
    const QJsonArray keys = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(keys.size(), 5);
    QCOMPARE(keys.at(0).toObject().value("state").toString(), QStringLiteral("exported"));
    const QString pid = keys.at(0).toObject().value("pid").toString();

    r = oobmctl(db + QStringList{ "keys", "show", pid });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("New ME password:      N3w-Pass!"));
    QVERIFY(r.out.contains(QRegularExpression("PPS: +[0-9A-Z]{4}(-[0-9A-Z]{4}){7}")));

    // Import into another database: the OEM path.
    const QStringList other{ "--database", dir.filePath("other.db"), "--key-file",
                             dir.filePath("other.key") };
    r = oobmctl(other + QStringList{ "keys", "import", dir.filePath("setup.bin") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Imported 5 keys (0 already consumed).\n"));
    r = oobmctl(other + QStringList{ "keys", "import", dir.filePath("setup.bin") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("record 1: PID " + pid + " is already in the store"));

    // Passwords from the environment keep them out of shell history.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OOBM_NEW_ME_PASSWORD", "Fr0m-Env!");
    p.setProcessEnvironment(env);
    p.start(OOBMCTL_PATH, db + QStringList{ "keys", "generate", "-n", "1" });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);

    r = oobmctl(db + QStringList{ "audit", "tail" });
    QVERIFY(r.out.contains("generate  5"));
    QVERIFY(r.out.contains("export  5  " + dir.filePath("setup.bin")));
    QVERIFY(r.out.contains("show  1"));
}

void tst_Oobmctl::keysErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no count") << QStringList{ "keys", "generate", "--new-me-password", "N3w-Pass!" }
                              << 2 << "-n N";
    QTest::newRow("weak password")
            << QStringList{ "keys", "generate", "-n", "2", "--new-me-password", "weak" } << 2
            << "New Intel ME password: The password has 4 characters";
    QTest::newRow("bad export format")
            << QStringList{ "keys", "export", "--format", "zip", "x.bin" } << 2
            << "takes setupbin-v1, setupbin-v2 or csv";
    QTest::newRow("bad pid") << QStringList{ "keys", "show", "K7QX-2MBA" } << 2
                             << "the check character should be 'O'";
    QTest::newRow("unknown state")
            << QStringList{ "keys", "list", "--state", "lost" } << 2 << "Unknown key state 'lost'";
    QTest::newRow("missing key file")
            << QStringList{ "--key-file", "/nonexistent/oobm.key", "keys",     "generate", "-n",
                            "1",          "--new-me-password",     "N3w-Pass!" }
            << 1 << "cannot be created";
}

void tst_Oobmctl::keysErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Result r = oobmctl(QStringList{ "--database", dir.filePath("oobm.db") } + args,
                             dir.path());
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_Oobmctl)
#include "tst_oobmctl.moc"
