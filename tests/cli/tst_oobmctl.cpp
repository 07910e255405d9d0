// SPDX-License-Identifier: GPL-2.0-or-later
// oobmctl as a user runs it: a separate process, exit codes, stdout and stderr.
#include "common/labcertificate.h"
#include "common/simprocess.h"
#include "common/testsupport.h"

#include "core/engine/provisioningengine.h"
#include "core/keys/pidpps.h"
#include "core/logbook/userlog.h"
#include "core/provisioning/hellopacket.h"
#include "core/store/datakeyunlocker.h"
#include "core/store/sqlstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>


using namespace Oobm::Core;
using Oobm::Test::BackendFixture;
using Oobm::Test::SimProcess;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

// extraEnv: more environment variables; input: written to its standard input.
Result oobmctl(const QStringList &args, const QString &xdgDataHome = {}, const QHash<QString, QString> &extraEnv = {},
               const QByteArray &input = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("OOBM_DATABASE"));
    env.remove(QStringLiteral("OOBM_PROFILE_ADMIN_PASSWORD"));
    env.remove(QStringLiteral("OOBM_PROFILE_USER_PASSWORD"));
    if (!xdgDataHome.isEmpty())
        env.insert(QStringLiteral("XDG_DATA_HOME"), xdgDataHome);
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(Oobm::Test::unprivilegedBinary(QStringLiteral(OOBMCTL_PATH)), args);
    if (p.waitForStarted(30000)) {
        p.write(input);
        p.closeWriteChannel();
    }
    p.waitForFinished(60000);
    Result r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

const QString AdminPassword = QStringLiteral("Adm1n!Pass");
const QString OperatorPassword = QStringLiteral("Op3rator!x");
const QString NewMePassword = QStringLiteral("N3w-Pass!");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

// The cells of oobmctl's text tables: columns are two or more spaces apart.
QList<QStringList> tableRows(const QString &out)
{
    QList<QStringList> rows;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
        rows << line.split(QRegularExpression(QStringLiteral(" {2,}")));
    return rows;
}

// A self-signed RSA TLS server certificate valid from validFrom to validTo (seconds from now),
// written as cert.pem + key.pem and as a PKCS#12 file (passphrase s3cret) in dir.
void writeTlsCertificate(const QString &dir, const QString &baseName, long validFrom, long validTo)
{
    Oobm::Test::LabCertificateSpec spec;
    spec.validFrom = validFrom;
    spec.validTo = validTo;
    spec.extendedKeyUsage.clear();
    spec.selfSigned = true;
    spec.pkcs12Passphrase = "s3cret";
    const Oobm::Test::LabCertificate lab = Oobm::Test::issueLabCertificate(spec);
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir + u'/' + baseName + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(QStringLiteral(".pem"), lab.leafPem);
    write(QStringLiteral(".key"), lab.keyPem);
    write(QStringLiteral(".p12"), lab.pkcs12);
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
    void logQuery_data() { Oobm::Test::addBackendRows(); }
    void logQuery();
    void logPurgeKeepsSecurityAudit_data() { Oobm::Test::addBackendRows(); }
    void logPurgeKeepsSecurityAudit();
    void defaultDatabaseIsXdgDataHome();
    void runtimeErrorExitsOne();
    void readOnlyDatabase();
    void keysLifecycle();
    void keysErrors_data();
    void keysErrors();
    void profilesRoundTrip();
    void profilesErrors_data();
    void profilesErrors();
    void assignmentsRoundTrip();
    void assignmentsErrors_data();
    void assignmentsErrors();
    void tlsCertificatesAndAuxProfiles();
    void systemsErrors_data();
    void systemsErrors();
    void systemsOfAProvisionedDevice();
    void dnsTest_data();
    void dnsTest();
    void helloSend_data();
    void helloSend();
    void doctor();
};

void tst_Oobmctl::helpAndVersion()
{
    const Result help = oobmctl({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("settings set KEY VALUE")));
    QVERIFY(help.out.contains(QStringLiteral("listen-port")));
    QVERIFY(help.out.contains(QStringLiteral("systems power on|off|reset|cycle UUID...|--collection C")));
    QVERIFY(help.out.contains(QStringLiteral("profiles create NAME --admin-password P")));
    QVERIFY(help.out.contains(QStringLiteral("assignments add uuid|fqdn|ip VALUE --profile NAME")));
    QVERIFY(help.out.contains(QStringLiteral("tls-certificates import FILE")));
    QVERIFY(help.out.contains(QStringLiteral("aux-profiles create NAME")));
    QVERIFY(help.out.contains(QStringLiteral("RemoteControl (5)")));
    QVERIFY(help.out.contains(QStringLiteral("awaiting-authorization")));
    const Result version = oobmctl({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("oobmctl ")));
}

void tst_Oobmctl::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << "No command given.";
    QTest::newRow("group only") << QStringList{"settings"} << "'settings' needs a subcommand.";
    QTest::newRow("unknown command") << QStringList{"settings", "frob"} << "Unknown command 'settings frob'.";
    QTest::newRow("unknown option") << QStringList{"--bogus", "settings", "get"} << "Unknown option 'bogus'.";
    QTest::newRow("set without value") << QStringList{"settings", "set", "listen-port"} << "takes a key and a value";
    QTest::newRow("port 0") << QStringList{"settings", "set", "listen-port", "0"} << "0 is outside that range";
    QTest::newRow("port 70000") << QStringList{"settings", "set", "listen-port", "70000"} << "70000 is outside";
    QTest::newRow("unknown key") << QStringList{"settings", "get", "port"} << "There is no setting 'port'.";
    QTest::newRow("bad format") << QStringList{"--format", "xml", "settings", "get"} << "--format takes text or json";
    QTest::newRow("bad -n") << QStringList{"log", "tail", "-n", "0"} << "-n takes a number";
    QTest::newRow("bad severity") << QStringList{"log", "tail", "--severity", "loud"} << "Unknown severity 'loud'";
    QTest::newRow("query bad since") << QStringList{"log", "query", "--since", "yesterday"}
                                     << "--since takes a time such as 2026-11-28";
    QTest::newRow("query since after until")
            << QStringList{"log", "query", "--since", "2026-02-01", "--until", "2026-01-01"}
            << "--since is after --until";
    QTest::newRow("query bad limit") << QStringList{"log", "query", "--limit", "0"}
                                     << "--limit takes a number of entries from 1 to 1000000";
    QTest::newRow("query bad format") << QStringList{"--format", "xml", "log", "query"}
                                      << "--format takes text, csv or json";
    QTest::newRow("purge without days") << QStringList{"log", "purge"} << "'log purge' needs --older-than DAYS";
    QTest::newRow("purge bad days") << QStringList{"log", "purge", "--older-than", "0"}
                                    << "--older-than takes a number of days from 1";
    QTest::newRow("audit severity") << QStringList{"audit", "query", "--severity", "error"}
                                    << "Security Audit entries have no severity";
    QTest::newRow("audit bad action") << QStringList{"audit", "query", "--action", "steal"} << "Unknown action 'steal'";
    QTest::newRow("bad database") << QStringList{"--database", "postgresql://u@h:5432/", "settings", "get"}
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
    QVERIFY2(!QFile::exists(dir.filePath(QStringLiteral("oobm/oobm.db"))), "a usage error touched the database");
}

void tst_Oobmctl::settingsRoundTrip()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    const QStringList db{QStringLiteral("--database"), fixture.location().toUrl()};

    Result r = oobmctl(db + QStringList{"settings", "set", "listen-port", "9377"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Set service listening port to 9377.\n"));
    r = oobmctl(db + QStringList{"settings", "get", "listen-port"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("9377\n"));
    r = oobmctl(db + QStringList{"settings", "set", "listen-port", "9377"});
    QCOMPARE(r.out, QStringLiteral("listen-port is already 9377.\n"));
    r = oobmctl(db + QStringList{"settings", "set", "allow-remote-configuration", "true"});
    QCOMPARE(r.out, QStringLiteral("Set service remote configuration.\n"));

    r = oobmctl(db + QStringList{"--format", "json", "settings", "get"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("listen-port")).toInt(), 9377);
    QCOMPARE(o.value(QStringLiteral("allow-remote-configuration")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("log-level")).toString(), QStringLiteral("information"));
    QCOMPARE(o.size(), ServiceSettings::keys().size());
    QCOMPARE(o.value(QStringLiteral("reverse-lookups")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("dns-server")).toString(), QString());

    r = oobmctl(db + QStringList{"settings", "get"});
    QVERIFY(r.out.contains(
            QRegularExpression(QStringLiteral("^listen-port +9377$"), QRegularExpression::MultilineOption)));
}

void tst_Oobmctl::logTail()
{
    QTemporaryDir dir;
    const QStringList db{QStringLiteral("--database"), dir.filePath(QStringLiteral("oobm.db"))};
    QCOMPARE(oobmctl(db + QStringList{"settings", "set", "listen-port", "9377"}).exitCode, 0);
    QCOMPARE(oobmctl(db + QStringList{"settings", "set", "require-authorization", "on"}).exitCode, 0);

    Result r = oobmctl(db + QStringList{"log", "tail"});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).endsWith(QStringLiteral("Set service listening port to 9377.")), qPrintable(lines.at(0)));
    QVERIFY(lines.at(0).contains(QStringLiteral("Information")));
    QVERIFY(lines.at(0).contains(QStringLiteral("oobmctl")));
    QVERIFY(lines.at(1).endsWith(QStringLiteral("Set provisioning authorization mode.")));

    r = oobmctl(db + QStringList{"log", "tail", "-n", "1", "--format", "json"});
    const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(a.at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("Set provisioning authorization mode."));
    QCOMPARE(a.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("information"));

    r = oobmctl(db + QStringList{"log", "tail", "--severity", "error,warning"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
}

void tst_Oobmctl::logQuery()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    {
        SqlStore store(fixture.location());
        QVERIFY(!store.openAndWait());
        QList<LogEntry> entries;
        const QDateTime t0(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
        for (int i = 0; i < 30; ++i) {
            LogEntry e = LogEntry::make(i % 10 == 0 ? Severity::Error : Severity::Information,
                                        i % 2 ? QStringLiteral("engine") : QStringLiteral("console"),
                                        QStringLiteral("Entry %1, \"quoted\"").arg(i),
                                        i == 20 ? QStringLiteral("PT_STATUS_AUTH_FAILURE") : QString(),
                                        i % 3 == 0 ? uuid : QString());
            e.time = t0.addSecs(i * 3600);
            entries << e;
        }
        QVERIFY(!store.appendLog(entries).result());
        QVERIFY(fixture.exec(QStringLiteral("INSERT INTO security_audit (time_ms, user_name, host, "
                                            "action, count, file) VALUES (%1, 'alice', 'ws1', "
                                            "'export', 10, '/tmp/keys.bin'), (%2, 'bob', 'ws2', "
                                            "'show', 1, '')")
                                     .arg(t0.toMSecsSinceEpoch())
                                     .arg(t0.addDays(1).toMSecsSinceEpoch())));
    }
    const QStringList db{QStringLiteral("--database"), fixture.location().toUrl()};

    Result r = oobmctl(db + QStringList{"--format", "json", "log", "query", "--severity", "error"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 3);
    QCOMPARE(a.at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("Entry 20, \"quoted\"")); // newest first

    r = oobmctl(db + QStringList{"--format", "json", "log", "query", "--text", "auth_fail"});
    a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(a.at(0).toObject().value(QStringLiteral("details")).toString(), QStringLiteral("PT_STATUS_AUTH_FAILURE"));

    r = oobmctl(db
                + QStringList{"--format", "csv", "log", "query", "--source", "engine", "--system", uuid.toLower(),
                              "--since", "2026-01-05T10:00:00Z", "--until", "2026-01-06T09:00:00Z", "--limit", "2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    // Engine (odd) entries of the system (multiples of 3) from hour 2 to 25: 3, 9, 15, 21.
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("id,time,severity,source,uuid,message,details"));
    QVERIFY2(lines.at(1).contains(QStringLiteral("\"Entry 21, \"\"quoted\"\"\"")), qPrintable(lines.at(1)));
    QVERIFY(lines.at(2).contains(QStringLiteral("Entry 15")));

    r = oobmctl(db + QStringList{"log", "query", "--limit", "1000"});
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).size(), 30);
    r = oobmctl(db + QStringList{"log", "query", "--text", "no such words"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());

    r = oobmctl(db + QStringList{"--format", "json", "audit", "query", "--action", "export"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(a.at(0).toObject().value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
    r = oobmctl(db + QStringList{"--format", "csv", "audit", "query", "--text", "WS2"});
    lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(1).contains(QStringLiteral(",bob,ws2,show,1,")));
    r = oobmctl(db + QStringList{"audit", "query", "--until", "2026-01-05T12:00:00Z"});
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).size(), 1);
}

void tst_Oobmctl::logPurgeKeepsSecurityAudit()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    {
        SqlStore store(fixture.location());
        QVERIFY(!store.openAndWait());
        QList<LogEntry> entries;
        for (int age : {400, 100, 1}) {
            LogEntry e = LogEntry::make(Severity::Information, QStringLiteral("engine"),
                                        QStringLiteral("%1 days old").arg(age));
            e.time = QDateTime::currentDateTimeUtc().addDays(-age);
            entries << e;
        }
        QVERIFY(!store.appendLog(entries).result());
        QVERIFY(fixture.exec(QStringLiteral("INSERT INTO security_audit (time_ms, user_name, host, "
                                            "action, count) VALUES (%1, 'alice', 'ws1', 'export', 1)")
                                     .arg(QDateTime::currentDateTimeUtc().addDays(-400).toMSecsSinceEpoch())));
    }
    const QStringList db{QStringLiteral("--database"), fixture.location().toUrl()};
    Result r = oobmctl(db + QStringList{"log", "purge", "--older-than", "30"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Deleted 2 log entries older than 30 days.\n"));
    r = oobmctl(db + QStringList{"--format", "json", "log", "query"});
    const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 2); // the recent entry and the purge's own record
    QCOMPARE(a.at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("Purged 2 log entries older than 30 days."));
    r = oobmctl(db + QStringList{"audit", "query"});
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).size(), 1);
}

void tst_Oobmctl::defaultDatabaseIsXdgDataHome()
{
    QTemporaryDir dir;
    QCOMPARE(oobmctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("listen-port"),
                      QStringLiteral("1234")},
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
    const Result r = oobmctl({QStringLiteral("--database"), path, QStringLiteral("settings"), QStringLiteral("get")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err,
             QStringLiteral("oobmctl: %1 is not a SQLite database (it may be another program's file, or "
                            "damaged). Move it away or choose another database.\n")
                     .arg(path));
}

void tst_Oobmctl::readOnlyDatabase()
{
    OOBM_RUN_UNPRIVILEGED(QStringList{QStringLiteral(OOBMCTL_PATH)});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("oobm.db"));
    const QStringList db{QStringLiteral("--database"), path};
    QCOMPARE(oobmctl(db + QStringList{"settings", "set", "listen-port", "9377"}).exitCode, 0);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
    Result r = oobmctl(db + QStringList{"settings", "set", "listen-port", "9000"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("oobmctl: The database file %1 is read-only.").arg(path)),
             qPrintable(r.err));
    r = oobmctl(db + QStringList{"settings", "get", "listen-port"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("9377\n"));
}

void tst_Oobmctl::keysLifecycle()
{
    QTemporaryDir dir;
    const QStringList db{"--database", dir.filePath("oobm.db"), "--key-file", dir.filePath("oobm.key")};
    Result r = oobmctl(db
                       + QStringList{"keys", "generate", "-n", "5", "--new-me-password", "N3w-Pass!", "--export",
                                     dir.filePath("setup.bin"), "--format", "setupbin-v2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("Generated 5 keys"));
    QVERIFY(r.out.contains("Exported 5 keys to " + dir.filePath("setup.bin")));
    QVERIFY(r.err.contains("Created the key file"));

    r = oobmctl(db + QStringList{"keys", "list", "--format", "json"});
    const QJsonArray keys = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(keys.size(), 5);
    QCOMPARE(keys.at(0).toObject().value("state").toString(), QStringLiteral("exported"));
    const QString pid = keys.at(0).toObject().value("pid").toString();

    r = oobmctl(db + QStringList{"keys", "show", pid});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("New ME password:      N3w-Pass!"));
    QVERIFY(r.out.contains(QRegularExpression("PPS: +[0-9A-Z]{4}(-[0-9A-Z]{4}){7}")));

    // Import into another database: the OEM path.
    const QStringList other{"--database", dir.filePath("other.db"), "--key-file", dir.filePath("other.key")};
    r = oobmctl(other + QStringList{"keys", "import", dir.filePath("setup.bin")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Imported 5 keys (0 already consumed).\n"));
    r = oobmctl(other + QStringList{"keys", "import", dir.filePath("setup.bin")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("record 1: PID " + pid + " is already in the store"));

    // Passwords from the environment keep them out of shell history.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OOBM_NEW_ME_PASSWORD", "Fr0m-Env!");
    p.setProcessEnvironment(env);
    p.start(OOBMCTL_PATH, db + QStringList{"keys", "generate", "-n", "1"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);

    // Retired by hand: the one named, then none by age (all are young); a consumed or unknown
    // PID is refused.
    r = oobmctl(db + QStringList{"keys", "retire", "--pid", pid});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Retired 1 key (1 named key).\n")); // plurals: core/plurals.h
    r = oobmctl(db + QStringList{"keys", "retire", "--pid", pid});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("retired already"), qPrintable(r.err));
    r = oobmctl(db + QStringList{"keys", "retire", "--available-older-than", "30", "--exported-older-than", "30"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("Retired 0 keys"), qPrintable(r.out));
    r = oobmctl(db + QStringList{"keys", "list", "--state", "retired", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 1);

    r = oobmctl(db + QStringList{"audit", "tail"});
    QVERIFY(r.out.contains("generate  5"));
    QVERIFY(r.out.contains("export  5  " + dir.filePath("setup.bin")));
    QVERIFY(r.out.contains("show  1"));
    QVERIFY2(r.out.contains("retire  1"), qPrintable(r.out));
}

void tst_Oobmctl::keysErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no count") << QStringList{"keys", "generate", "--new-me-password", "N3w-Pass!"} << 2 << "-n N";
    QTest::newRow("weak password") << QStringList{"keys", "generate", "-n", "2", "--new-me-password", "weak"} << 2
                                   << "New Intel ME password: The password has 4 characters";
    QTest::newRow("bad export format") << QStringList{"keys", "export", "--format", "zip", "x.bin"} << 2
                                       << "takes setupbin-v1, setupbin-v2 or csv";
    QTest::newRow("bad pid") << QStringList{"keys", "show", "K7QX-2MBA"} << 2 << "the check character should be 'O'";
    QTest::newRow("unknown state") << QStringList{"keys", "list", "--state", "lost"} << 2 << "Unknown key state 'lost'";
    QTest::newRow("retire nothing") << QStringList{"keys", "retire"} << 2 << "Say which keys to retire";
    QTest::newRow("retire zero days") << QStringList{"keys", "retire", "--available-older-than", "0"} << 2
                                      << "from 1 to 36600; '0' is not one";
    QTest::newRow("retire text days") << QStringList{"keys", "retire", "--exported-older-than", "soon"} << 2
                                      << "'soon' is not one";
    QTest::newRow("retire bad pid") << QStringList{"keys", "retire", "--pid", "K7QX-2MBA"} << 2
                                    << "the check character should be 'O'";
    QTest::newRow("retire unknown pid") << QStringList{"keys", "retire", "--pid", "K7QX-2MBO"} << 1 << "K7QX-2MBO";
    QTest::newRow("missing key file")
            << QStringList{"--key-file", "/nonexistent/oobm.key", "keys",     "generate", "-n",
                           "1",          "--new-me-password",     "N3w-Pass!"}
            << 1 << "cannot be created";
}

void tst_Oobmctl::keysErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Result r = oobmctl(QStringList{"--database", dir.filePath("oobm.db")} + args, dir.path());
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void tst_Oobmctl::profilesRoundTrip()
{
    QTemporaryDir dir;
    const QStringList db{"--database", dir.filePath("oobm.db"), "--key-file", dir.filePath("oobm.key")};
    const QString labPassword = QStringLiteral("L4b!Secret");
    const QString envPassword = QStringLiteral("Env!r0nment");
    QString everything; // every output, to look for secrets
    auto run = [&](const QStringList &args, const QHash<QString, QString> &env = {}, const QByteArray &input = {}) {
        const Result r = oobmctl(db + args, dir.path(), env, input);
        everything += r.out + r.err;
        return r;
    };

    Result r = run({"profiles", "create", "Standard", "--admin-password", AdminPassword, "--user",
                    "operator:RemoteControl,13", "--user", "viewer:hardwareassetrealm", "--user-password",
                    OperatorPassword, "--domain", "example.test", "--host-pattern", "amt-{uuid8}", "--interfaces",
                    "webui,SOL", "--default"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Created the provision profile Standard (the default).\n"));
    // The admin password from standard input, or from the environment.
    r = run({"profiles", "create", "Lab", "--admin-password", "-", "--admin-user", "labadmin"}, {},
            labPassword.toUtf8() + "\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Created the provision profile Lab.\n"));
    r = run({"profiles", "create", "Env"}, {{"OOBM_PROFILE_ADMIN_PASSWORD", envPassword}});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = run({"profiles", "list"});
    QCOMPARE(r.exitCode, 0);
    QList<QStringList> rows = tableRows(r.out);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).value(0), QStringLiteral("Env"));
    QCOMPARE(rows.at(1).mid(0, 3), QStringList({"Lab", "-", "labadmin"}));
    QCOMPARE(rows.at(2).mid(0, 7),
             QStringList({"Standard", "default", "admin", "operator:RemoteControl,GeneralInfo viewer:HardwareAsset",
                          "example.test", "amt-{uuid8}", "WebUI,SOL"}));
    QCOMPARE(rows.at(3), QStringList{"3 profiles"});

    r = run({"profiles", "list", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray profiles = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(profiles.size(), 3);
    const QJsonObject standard = profiles.at(2).toObject();
    QCOMPARE(standard.value("name").toString(), QStringLiteral("Standard"));
    QCOMPARE(standard.value("default").toBool(), true);
    QCOMPARE(profiles.at(1).toObject().value("default").toBool(), false);
    QCOMPARE(standard.value("domain").toString(), QStringLiteral("example.test"));
    QCOMPARE(standard.value("interfaces").toArray().toVariantList(), QVariantList({"WebUI", "SOL"}));
    const QJsonArray users = standard.value("users").toArray();
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(0).toObject().value("name").toString(), QStringLiteral("operator"));
    QCOMPARE(users.at(0).toObject().value("realms").toArray().toVariantList(),
             QVariantList({"RemoteControl", "GeneralInfo"}));
    QVERIFY(!r.out.contains(QStringLiteral("password"), Qt::CaseInsensitive));

    r = run({"profiles", "list", "--format", "csv"});
    QCOMPARE(r.exitCode, 0);
    const QStringList csv = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(csv.size(), 4);
    QCOMPARE(csv.at(0),
             QStringLiteral("Name,Default,Admin user,Users,Domain,Host name pattern,Interfaces,"
                            "Changed"));
    QVERIFY2(csv.at(3).startsWith(QStringLiteral("Standard,true,admin,\"operator:RemoteControl,GeneralInfo "
                                                 "viewer:HardwareAsset\",example.test,amt-{uuid8},\"WebUI,SOL\",")),
             qPrintable(csv.at(3)));

    r = run({"profiles", "show", "standard"}); // the only match in another case
    QCOMPARE(r.exitCode, 0);
    for (const char *line :
         {"^Name: +Standard$", "^Default: +yes$", "^Admin user: +admin$", "^User: +operator:RemoteControl,GeneralInfo$",
          "^User: +viewer:HardwareAsset$", "^Domain: +example.test$", "^Host name pattern: +amt-\\{uuid8\\}$",
          "^Interfaces: +WebUI, SOL$"})
        QVERIFY2(r.out.contains(QRegularExpression(QLatin1String(line), QRegularExpression::MultilineOption)), line);
    r = run({"--format", "json", "profiles", "show", "Lab"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("adminUser").toString(),
             QStringLiteral("labadmin"));

    // A second profile of the same name is the store's refusal.
    r = run({"profiles", "create", "Standard", "--admin-password", "An0ther!pw"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err,
             QStringLiteral("oobmctl: There is already a provision profile named Standard; "
                            "choose another name.\n"));

    r = run({"profiles", "delete", "Lab"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Deleted the provision profile Lab.\n"));
    r = run({"profiles", "delete", "Lab"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("oobmctl: There is no provision profile Lab.\n"));
    r = run({"profiles", "list", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 2);

    // The log says what changed; no output ever shows a password.
    for (const QString &secret : {AdminPassword, OperatorPassword, labPassword, envPassword})
        QVERIFY2(!everything.contains(secret), qPrintable(secret));
}

void tst_Oobmctl::profilesErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QStringList create{"profiles", "create", "P", "--admin-password", "Adm1n!Pass"};
    QTest::newRow("weak admin password") << QStringList{
            "profiles", "create", "P", "--admin-password",
            "weak"} << 1 << "oobmctl: Admin password: The password has 4 characters; it needs at least 8.\n";
    QTest::newRow("no admin password") << QStringList{"profiles", "create", "P"} << 2 << "Give the admin password";
    QTest::newRow("unknown realm") << create
                    + QStringList{"--user", "op:RemoteControl,Cooking", "--user-password", "Op3rator!x"}
                                   << 2
                                   << "Unknown realm 'Cooking' for the user op; the realms are: Redirection, "
                                      "PTAdministration,";
    QTest::newRow("unknown realm number")
            << create + QStringList{"--user", "op:99", "--user-password", "Op3rator!x"} << 2 << "Unknown realm '99'";
    QTest::newRow("user without password") << create + QStringList{"--user", "op:5"} << 2 << "Give the users' password";
    QTest::newRow("user password without users")
            << create + QStringList{"--user-password", "Op3rator!x"} << 2 << "there are none";
    QTest::newRow("user without realms") << create + QStringList{"--user", "op", "--user-password", "Op3rator!x"} << 1
                                         << "The user op has no realms";
    QTest::newRow("weak user password") << create + QStringList{"--user", "op:5", "--user-password", "Op!erator"} << 1
                                        << "Password of the user op: The password needs a digit (0-9).";
    QTest::newRow("user named like the admin")
            << create + QStringList{"--user", "Admin:5", "--user-password", "Op3rator!x"} << 1
            << "The user Admin has the admin account's name";
    QTest::newRow("unknown interface") << create + QStringList{"--interfaces", "WebUI,VNC"} << 1
                                       << "Unknown interface 'VNC'; the interfaces are WebUI, SOL and IDER.";
    QTest::newRow("show unknown") << QStringList{"profiles", "show", "Nope"} << 1
                                  << "oobmctl: There is no provision profile Nope.\n";
    QTest::newRow("delete unknown") << QStringList{"profiles", "delete", "Nope"} << 1
                                    << "There is no provision profile Nope.";
    QTest::newRow("show as csv") << QStringList{"profiles", "show", "P", "--format", "csv"} << 2
                                 << "'profiles show' --format takes text or json.";
    QTest::newRow("list as xml") << QStringList{"profiles", "list", "--format", "xml"} << 2
                                 << "--format takes text, csv or json, not 'xml'.";
}

void tst_Oobmctl::profilesErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Result r = oobmctl(QStringList{"--database", dir.filePath("oobm.db"), "--key-file", dir.filePath("oobm.key")}
                                     + args,
                             dir.path());
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.contains(QStringLiteral("Adm1n!Pass")));
    if (exitCode == 2)
        QVERIFY2(!QFile::exists(dir.filePath("oobm.db")), "a usage error touched the database");
}

void tst_Oobmctl::assignmentsRoundTrip()
{
    QTemporaryDir dir;
    const QStringList db{"--database", dir.filePath("oobm.db"), "--key-file", dir.filePath("oobm.key")};
    auto run = [&](const QStringList &args) { return oobmctl(db + args, dir.path()); };
    Result r = run({"profiles", "create", "Lab", "--admin-password", AdminPassword});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({"assignments", "list"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("0 rules; systems no rule matches get the default profile\n"));
    r = run({"assignments", "add", "ip", "10.1.0.0/16", "--profile", "lab"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Added the assignment 1: IP range 10.1.0.0/16 gets the profile Lab.\n"));
    r = run({"assignments", "add", "uuid", "4b529b93-d413-181d-e487-1c697a6b7a2b", "--profile", "Lab", "--format",
             "json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("kind").toString(), QStringLiteral("uuid"));
    r = run({"assignments", "add", "fqdn", "*.lab.example.test", "--profile", "Lab"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = run({"assignments", "list"});
    QCOMPARE(r.exitCode, 0);
    const QList<QStringList> rows = tableRows(r.out);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0), (QStringList{"1", "ip", "10.1.0.0/16", "Lab"}));
    QCOMPARE(rows.at(1), (QStringList{"2", "uuid", "4B529B93-D413-181D-E487-1C697A6B7A2B", "Lab"}));
    QCOMPARE(rows.at(2), (QStringList{"3", "fqdn", "*.lab.example.test", "Lab"}));
    r = run({"assignments", "list", "--format", "csv"});
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).value(0), QStringLiteral("ID,Kind,Value,Profile"));
    r = run({"assignments", "list", "--format", "json"});
    const QJsonArray rules = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rules.size(), 3);
    QCOMPARE(rules.at(2).toObject().value("value").toString(), QStringLiteral("*.lab.example.test"));

    r = run({"assignments", "delete", "2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Deleted the assignment 2.\n"));
    r = run({"assignments", "delete", "2"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("There is no assignment 2"), qPrintable(r.err));
    r = run({"assignments", "list", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 2);
}

void tst_Oobmctl::assignmentsErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown kind") << QStringList{"assignments", "add", "mac", "00:11", "--profile", "Lab"} << 2
                                  << "Unknown assignment kind 'mac'; the kinds are uuid, fqdn and ip.";
    QTest::newRow("no profile") << QStringList{"assignments", "add", "ip", "10.0.0.0/8"} << 2
                                << "Name the provision profile the matching systems get with --profile NAME.";
    QTest::newRow("bad range") << QStringList{"assignments", "add", "ip", "10.1.0.0/33", "--profile", "Lab"} << 1
                               << "'10.1.0.0/33' is not an IPv4 range: write 10.1.0.0/16 or 10.1.0.5-10.1.0.90.";
    QTest::newRow("bad uuid") << QStringList{"assignments", "add", "uuid", "nope", "--profile", "Lab"} << 1
                              << "'nope' is not a UUID";
    QTest::newRow("unknown profile") << QStringList{"assignments", "add", "ip", "10.0.0.0/8", "--profile", "Nope"} << 1
                                     << "There is no provision profile Nope.";
    QTest::newRow("delete what") << QStringList{"assignments", "delete", "first"} << 2
                                 << "'assignments delete' takes one rule ID";
    QTest::newRow("add too little") << QStringList{"assignments", "add", "ip"} << 2
                                    << "'assignments add' takes a kind (uuid, fqdn or ip) and a VALUE";
}

void tst_Oobmctl::assignmentsErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Result r = oobmctl(QStringList{"--database", dir.filePath("oobm.db")} + args, dir.path());
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    if (exitCode == 2)
        QVERIFY2(!QFile::exists(dir.filePath("oobm.db")), "a usage error touched the database");
}

void tst_Oobmctl::tlsCertificatesAndAuxProfiles()
{
    QTemporaryDir dir;
    const QStringList db{"--database", dir.filePath("oobm.db"), "--key-file", dir.filePath("oobm.key")};
    writeTlsCertificate(dir.path(), "good", -60, 86400);
    writeTlsCertificate(dir.path(), "expired", -7200, -3600);
    const QString helpdeskPassword = QStringLiteral("H3lp-desk!");
    QString everything; // every output, to look for secrets
    auto run = [&](const QStringList &args) {
        const Result r = oobmctl(db + args, dir.path());
        everything += r.out + r.err;
        return r;
    };

    Result r = run({"tls-certificates", "import", dir.filePath("good.pem"), "--key", dir.filePath("good.key"), "--name",
                    "LabTLS"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("Imported the TLS certificate LabTLS (CN amt.example.test, SHA-256 "), qPrintable(r.out));
    r = run({"tls-certificates", "import", dir.filePath("good.p12"), "--passphrase", "guess"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("The passphrase does not open this PKCS#12 file"), qPrintable(r.err));
    r = run({"tls-certificates", "import", dir.filePath("expired.p12"), "--passphrase", "s3cret"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("The certificate amt.example.test expired on"), qPrintable(r.err));
    // The same certificate from its PKCS#12 file: already there.
    r = run({"tls-certificates", "import", dir.filePath("good.p12"), "--passphrase", "s3cret"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("already imported"), qPrintable(r.err));
    r = run({"tls-certificates", "list", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray certificates = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(certificates.size(), 1);
    QCOMPARE(certificates.at(0).toObject().value("name").toString(), QStringLiteral("LabTLS"));
    QCOMPARE(certificates.at(0).toObject().value("sha256").toString().size(), 64);
    QCOMPARE(certificates.at(0).toObject().value("expired").toBool(), false);

    r = run({"aux-profiles", "create", "Empty"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("neither users nor a TLS certificate"), qPrintable(r.err));
    r = run({"aux-profiles", "create", "X", "--tls-certificate", "Nope"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("There is no TLS certificate named Nope; there are: LabTLS."), qPrintable(r.err));
    r = run({"aux-profiles", "create", "Helpdesk", "--user", "helpdesk:RemoteControl,GeneralInfo", "--user-password",
             helpdeskPassword, "--tls-certificate", "LabTLS"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Created the auxiliary profile Helpdesk.\n"));

    r = run({"profiles", "create", "NoCert", "--admin-password", AdminPassword, "--tls"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("TLS is on but the profile has no server certificate"), qPrintable(r.err));
    r = run({"profiles", "create", "Secure", "--admin-password", AdminPassword, "--tls", "--aux-profile", "helpdesk"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({"profiles", "show", "Secure"});
    QCOMPARE(r.exitCode, 0);
    for (const char *line : {"^TLS: +yes$", "^TLS certificate: +-$", "^Auxiliary profile: +Helpdesk$"})
        QVERIFY2(r.out.contains(QRegularExpression(QLatin1String(line), QRegularExpression::MultilineOption)),
                 qPrintable(r.out));

    r = run({"aux-profiles", "list"});
    QCOMPARE(r.exitCode, 0);
    const QList<QStringList> rows = tableRows(r.out);
    QCOMPARE(rows.value(0), (QStringList{"Helpdesk", "helpdesk:RemoteControl,GeneralInfo", "LabTLS", "Secure"}));
    QCOMPARE(rows.value(1), QStringList{"1 auxiliary profile"});
    r = run({"aux-profiles", "show", "Helpdesk", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject helpdesk = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(helpdesk.value("usedBy").toArray().toVariantList(), QVariantList{"Secure"});
    QCOMPARE(helpdesk.value("tlsCertificate").toString(), QStringLiteral("LabTLS"));

    // What a profile uses cannot go; the refusal names who uses it.
    r = run({"aux-profiles", "delete", "Helpdesk"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("The auxiliary profile is used by the provision profiles Secure"), qPrintable(r.err));
    r = run({"tls-certificates", "delete", "LabTLS"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the auxiliary profiles Helpdesk"), qPrintable(r.err));
    QCOMPARE(run({"profiles", "delete", "Secure"}).exitCode, 0);
    r = run({"aux-profiles", "delete", "Helpdesk"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Deleted the auxiliary profile Helpdesk.\n"));
    r = run({"tls-certificates", "delete", "LabTLS"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({"tls-certificates", "list"});
    QVERIFY2(r.out.contains("No TLS certificates"), qPrintable(r.out));

    for (const QString &secret :
         {AdminPassword, helpdeskPassword, QStringLiteral("s3cret"), QStringLiteral("PRIVATE KEY")})
        QVERIFY2(!everything.contains(secret), qPrintable(secret));
}

void tst_Oobmctl::systemsErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    QTest::newRow("unknown state")
            << QStringList{"systems", "list", "--state", "lost"} << 2
            << "Unknown system state 'lost'; the states are: awaiting-hello, "
               "awaiting-authorization, provisioning, provisioned, failed, hello-window-expired, "
               "unprovisioned.";
    QTest::newRow("unknown state in a list")
            << QStringList{"systems", "list", "--state", "provisioned,gone"} << 2 << "Unknown system state 'gone'";
    QTest::newRow("list as xml") << QStringList{"systems", "list", "--format", "xml"} << 2
                                 << "--format takes text, csv or json, not 'xml'.";
    QTest::newRow("show unknown") << QStringList{"systems", "show", uuid.toLower()} << 1
                                  << QStringLiteral("oobmctl: There is no Intel AMT system %1 in "
                                                    "this database.\n")
                                             .arg(uuid.toLower());
    QTest::newRow("show without uuid") << QStringList{"systems", "show"} << 2 << "'systems show' takes one UUID.";
    QTest::newRow("show as csv") << QStringList{"systems", "show", uuid, "--format", "csv"} << 2
                                 << "'systems show' --format takes text or json.";
    QTest::newRow("authorize unknown") << QStringList{"systems", "authorize", uuid} << 1
                                       << QStringLiteral("There is no Intel AMT system %1 in this database.").arg(uuid);
    QTest::newRow("power up") << QStringList{"systems", "power", "up", uuid} << 2
                              << "'systems power' takes on, off, reset or cycle, not 'up'.";
    QTest::newRow("power without uuid") << QStringList{"systems", "power", "off"} << 2 << "one or more UUIDs";
    QTest::newRow("unprovision without uuid")
            << QStringList{"systems", "unprovision", "--partial"} << 2 << "one or more UUIDs";
    QTest::newRow("unknown verb") << QStringList{"systems", "frob"} << 2 << "Unknown command 'systems frob'.";
    QTest::newRow("hellos -n 0") << QStringList{"hellos", "tail", "-n", "0"} << 2
                                 << "-n takes a number of entries from 1 to 1000000, not '0'.";
    QTest::newRow("unknown result") << QStringList{"actions", "list", "--result", "succeeded,maybe"} << 2
                                    << "Unknown result 'maybe'; use succeeded, failed or skipped.";
    QTest::newRow("certificate that is not PKCS#12")
            << QStringList{"certificates", "import", QStringLiteral(OOBMCTL_PATH), "--passphrase", "x"} << 1
            << "This is not a PKCS#12 file (.pfx or .p12).";
    QTest::newRow("certificate file missing")
            << QStringList{"certificates", "import", "/nonexistent/scs.pfx"} << 1 << "Cannot read /nonexistent/scs.pfx";
    QTest::newRow("delete unknown certificate") << QStringList{"certificates", "delete", "Lab SCS"} << 1
                                                << "There is no provisioning certificate named Lab SCS.";
    QTest::newRow("OTP too short") << QStringList{"systems", "otp", uuid, "--otp", "short"} << 1
                                   << "A one-time password has 8 to 32 characters; this one has 5.";
    QTest::newRow("OTP for a non-UUID") << QStringList{"systems", "otp", "pc-42", "--otp", "Corr3ct-OTP"} << 1
                                        << "'pc-42' is not a UUID";
    QTest::newRow("OTP missing") << QStringList{"systems", "otp", uuid} << 2 << "Give the one-time password";
}

void tst_Oobmctl::systemsErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Result r = oobmctl(QStringList{"--database", dir.filePath("oobm.db"), "--key-file", dir.filePath("oobm.key")}
                                     + args,
                             dir.path());
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    if (exitCode == 2)
        QVERIFY2(!QFile::exists(dir.filePath("oobm.db")), "a usage error touched the database");
}

// The store, engine and amt-sim of tst_provisioningengine, with oobmctl on the same database:
// what it lists and shows is what really happened to a device, and its actions reach it.
void tst_Oobmctl::systemsOfAProvisionedDevice()
{
    QTemporaryDir dir;
    const QString dbPath = dir.filePath("oobm.db");
    const QString keyPath = dir.filePath("oobm.key");
    const QStringList db{"--database", dbPath, "--key-file", keyPath};
    QString everything;
    auto run = [&](const QStringList &args) {
        const Result r = oobmctl(db + args, dir.path());
        everything += r.out + r.err;
        return r;
    };
    // Power and unprovision are runs the engine does, and the engine lives on this thread: such
    // commands run without blocking it.
    auto runWhileTheEngineWorks = [&](const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("OOBM_DATABASE"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path());
        p.setProcessEnvironment(env);
        p.start(Oobm::Test::unprivilegedBinary(QStringLiteral(OOBMCTL_PATH)), db + args);
        Result r;
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        everything += r.out + r.err;
        return r;
    };

    bool created = false;
    QString error;
    const QByteArray key = DataKeyUnlocker::readKeyFile(keyPath, true, &created, &error);
    QVERIFY2(!key.isEmpty(), qPrintable(error));
    QVERIFY(created);
    SqlStore store(StoreLocation::parse(dbPath, &error));
    QVERIFY2(!store.openAndWait(), qPrintable(store.lastError().message));
    QVERIFY(!store.setDataKey(key, QStringLiteral("test")).result());
    UserLog log(&store, QStringLiteral("test"));
    KeyGenerationRequest g;
    g.count = 2;
    g.newMePassword = NewMePassword;
    g.actor = {QStringLiteral("tester"), QStringLiteral("lab")};
    const auto generated = store.generateKeys(g).result();
    QVERIFY2(generated.ok(), qPrintable(generated.error.message));
    const QList<KeyRecord> keys = store.listKeys({}).result().value;
    QCOMPARE(keys.size(), 2);
    KeyExportRequest x;
    x.pids = {keys.last().pid}; // the oldest; the other is the next key
    x.format = KeyExportFormat::SetupBinV2;
    x.path = dir.filePath("setup.bin");
    x.actor = g.actor;
    const auto exported = store.exportKeys(x).result();
    QVERIFY2(exported.ok(), qPrintable(exported.error.message));

    // The profile comes from oobmctl: the engine provisions with what it sealed.
    Result r = run({"profiles", "create", "Standard", "--default", "--admin-password", AdminPassword, "--user",
                    "operator:RemoteControl,GeneralInfo", "--user-password", OperatorPassword, "--domain",
                    "example.test", "--host-pattern", "amt-{uuid8}"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    EngineOptions options;
    options.engineId = QStringLiteral("cli-test");
    options.listenAddresses = {QHostAddress::LocalHost};
    options.listenPort = freePort();
    auto engine = std::make_unique<ProvisioningEngine>(&store, &log, options);
    QSignalSpy finished(engine.get(), &ProvisioningEngine::provisioningFinished);
    QSignalSpy started(engine.get(), &ProvisioningEngine::started);
    engine->start();
    QVERIFY(started.wait(10000));
    QCOMPARE(started.first().first().toString(), QString());
    SimProcess sim;
    QCOMPARE(sim.start({"--fleet", "1", "--mode", "factory", "--keys", x.path, "--provision-server",
                        QStringLiteral("127.0.0.1:%1").arg(options.listenPort), "--time-scale", "200"}),
             QString());
    const QString uuid = sim.device().uuid;
    const QString address = sim.device().address;
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
    const QString pid = PidPps::formatPid(keys.last().pid);

    r = run({"systems", "list"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QList<QStringList> rows = tableRows(r.out);
    QCOMPARE(rows.size(), 2);
    const QString fqdn = QStringLiteral("amt-%1.example.test").arg(uuid.left(8).toLower());
    QCOMPARE(rows.at(0).mid(0, 7),
             QStringList({uuid, "Provisioned", fqdn, address, rows.at(0).value(4), "Standard", pid}));
    QVERIFY2(rows.at(0).value(4).startsWith(QStringLiteral("3.0")), qPrintable(r.out));
    QVERIFY(rows.at(0).value(7).contains(QRegularExpression("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$")));
    QCOMPARE(rows.at(1), QStringList{"1 system"});
    r = run({"systems", "list", "--format", "json", "--state", "failed", "--state", "provisioned"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray systems = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(systems.size(), 1);
    QJsonObject s = systems.at(0).toObject();
    QCOMPARE(s.value("uuid").toString(), uuid);
    QCOMPARE(s.value("state").toString(), QStringLiteral("provisioned"));
    QCOMPARE(s.value("fqdn").toString(), fqdn);
    QCOMPARE(s.value("profile").toString(), QStringLiteral("Standard"));
    QCOMPARE(s.value("pid").toString(), pid);
    QCOMPARE(s.value("adminUser").toString(), QStringLiteral("admin"));
    QVERIFY(!s.value("provisioned").toString().isEmpty());
    r = run({"systems", "list", "--state", "failed,awaiting-authorization"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("0 systems\n"));
    r = run({"systems", "list", "--format", "csv"});
    QCOMPARE(r.exitCode, 0);
    QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("UUID,State,FQDN,Address,AMT version,Profile,PID,Last hello,Reason"));
    QVERIFY2(lines.at(1).startsWith(QString(uuid + ",provisioned," + fqdn + ',' + address + ',')),
             qPrintable(lines.at(1)));

    // systems show, by the UUID in lower case: fields, then hello and steps in order.
    const QStringList steps{
            "GetCoreVersion", "GetProvisioningState",     "GetHostName",      "GetDomainName",   "SetHostName",
            "SetDomainName",  "SetHighAccuracyTimeSynch", "SetAdminAclEntry", "AddUserAclEntry", "SetTlsEnabled",
            "SetTLSPSK",      "SetEnabledInterfaces",     "CommitChanges"};
    // Hellos the device sent while it was being provisioned are in the timeline too.
    const QList<HelloRecord> hellos = store.listHellos(uuid, 0, 100).result().value;
    QVERIFY(!hellos.isEmpty());
    r = run({"systems", "show", uuid.toLower()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList patterns{
            "^UUID: +" + uuid + '$',
            QStringLiteral("^State: +Provisioned$"),
            "^FQDN: +" + QRegularExpression::escape(fqdn) + '$',
            "^Address: +" + QRegularExpression::escape(address) + '$',
            QStringLiteral("^Profile: +Standard$"),
            "^PID: +" + pid + '$',
            QStringLiteral("^Hello version: +2 \\(PSK\\)$"),
            QStringLiteral("^Admin user: +admin$"),
            QStringLiteral("^Timeline \\(%1, 13 steps, oldest first\\):$")
                    .arg(hellos.size() == 1 ? QStringLiteral("1 hello")
                                            : QStringLiteral("%1 hellos").arg(hellos.size())),
    };
    for (const QString &pattern : patterns)
        QVERIFY2(r.out.contains(QRegularExpression(pattern, QRegularExpression::MultilineOption)),
                 qPrintable(QString(pattern + u'\n' + r.out)));
    QList<QStringList> timeline = tableRows(r.out.mid(r.out.indexOf(QStringLiteral("\nTimeline")) + 1));
    timeline.removeFirst(); // its heading
    QCOMPARE(timeline.size(), hellos.size() + steps.size());
    QCOMPARE(timeline.at(0).value(1), QStringLiteral("Hello")); // the hello came first
    QVERIFY(timeline.at(0).value(2).startsWith(QString(address + u':')));
    QCOMPARE(timeline.at(0).value(3), QStringLiteral("PSK"));
    QCOMPARE(timeline.at(0).value(4), pid);
    QStringList shownSteps;
    for (const QStringList &row : std::as_const(timeline)) {
        if (row.value(1) == u"Step") {
            shownSteps << row.value(2);
            QCOMPARE(row.value(3), QStringLiteral("Succeeded"));
        }
    }
    QCOMPARE(shownSteps, steps);
    r = run({"--format", "json", "systems", "show", uuid});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(shown.value("uuid").toString(), uuid);
    QCOMPARE(shown.value("state").toString(), QStringLiteral("provisioned"));
    const QJsonArray events = shown.value("timeline").toArray();
    QCOMPARE(events.size(), hellos.size() + steps.size());
    QCOMPARE(events.at(0).toObject().value("kind").toString(), QStringLiteral("hello"));
    QCOMPARE(events.at(0).toObject().value("type").toString(), QStringLiteral("psk"));
    QStringList jsonSteps;
    for (const QJsonValue e : events) {
        if (e.toObject().value("kind").toString() == u"step") {
            jsonSteps << e.toObject().value("step").toString();
            QCOMPARE(e.toObject().value("result").toString(), QStringLiteral("succeeded"));
        }
    }
    QCOMPARE(jsonSteps, steps);

    // hellos tail and actions list show the device's rows.
    r = run({"hellos", "tail", "-n", "100"});
    QCOMPARE(r.exitCode, 0);
    rows = tableRows(r.out);
    QCOMPARE(rows.size(), hellos.size());
    QVERIFY(rows.at(0).value(1).startsWith(QString(address + u':')));
    QCOMPARE(rows.at(0).mid(2, 4), QStringList({"PSK", uuid, pid, "retry 0"}));
    QVERIFY2(rows.at(0).value(6).startsWith(QStringLiteral("provisioning")), qPrintable(r.out));
    r = run({"hellos", "tail", "-n", "1", "--format", "json"});
    const QJsonArray newest = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(newest.size(), 1);
    QCOMPARE(newest.at(0).toObject().value("uuid").toString(), uuid);
    QCOMPARE(newest.at(0).toObject().value("address").toString(), address);
    QCOMPARE(newest.at(0).toObject().value("engine").toString(), QStringLiteral("cli-test"));
    QCOMPARE(newest.at(0).toObject().value("id").toInteger(), hellos.first().id);

    r = run({"actions", "list", "--system", uuid.toLower()});
    QCOMPARE(r.exitCode, 0);
    rows = tableRows(r.out);
    QCOMPARE(rows.size(), steps.size());
    for (int i = 0; i < steps.size(); ++i) {
        QCOMPARE(rows.at(i).value(1), uuid);
        QCOMPARE(rows.at(i).value(2), steps.at(i));
        QCOMPARE(rows.at(i).value(3), QStringLiteral("Succeeded"));
        QCOMPARE(rows.at(i).value(5), QStringLiteral("SUCCESS"));
    }
    r = run({"actions", "list", "--result", "failed,skipped"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    r = run({"actions", "list", "--step", "CommitChanges", "--format", "json", "-n", "3"});
    QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(a.at(0).toObject().value("uuid").toString(), uuid);
    QCOMPARE(a.at(0).toObject().value("result").toString(), QStringLiteral("succeeded"));

    // Power, with the credentials the engine stored, as a run the engine does; one line per system.
    r = runWhileTheEngineWorks({"systems", "power", "off", uuid.toLower()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.startsWith(QString(uuid + QStringLiteral(": ok\n"))), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral(") completed: 1 succeeded, 0 failed")), qPrintable(r.out));
    QCOMPARE(sim.state().value("powerState").toInt(), 5);
    const QString nobody = QStringLiteral("00000000-0000-0000-0000-000000000000");
    // A system the database does not know: nothing is started.
    r = run({"systems", "power", "on", uuid, nobody});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(nobody), qPrintable(r.err));
    QCOMPARE(sim.state().value("powerState").toInt(), 5);
    r = runWhileTheEngineWorks({"systems", "power", "on", uuid});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.startsWith(QString(uuid + QStringLiteral(": ok\n"))), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral(") completed: 1 succeeded, 0 failed")), qPrintable(r.out));
    QCOMPARE(sim.state().value("powerState").toInt(), 0);
    // Each run records a step per system, named after the operation.
    r = run({"actions", "list", "--step", "Power on", "--format", "csv"});
    lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).contains(QString(u',' + uuid + QStringLiteral(",Power on,succeeded,"))),
             qPrintable(lines.at(1)));

    r = run({"systems", "authorize", uuid});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("Authorized 1 system.\n"));

    // hello send (the RCT tool) to the running engine: the engine records it, and oobmctl says
    // so. Run without blocking this thread, where the engine lives.
    const QString strangerPid = PidPps::formatPid(PidPps::generatePid());
    QProcess hello;
    hello.start(Oobm::Test::unprivilegedBinary(QStringLiteral(OOBMCTL_PATH)),
                db
                        + QStringList{"hello", "send", "--server",
                                      QStringLiteral("127.0.0.1:%1").arg(options.listenPort), "--uuid",
                                      "11111111-2222-3333-4444-555555555555", "--pid", strangerPid});
    QTRY_COMPARE_WITH_TIMEOUT(hello.state(), QProcess::NotRunning, 20000);
    const QString said = QString::fromUtf8(hello.readAllStandardOutput() + hello.readAllStandardError());
    QVERIFY2(hello.exitCode() == 0, qPrintable(said));
    QVERIFY2(said.contains("Received by engine cli-test"), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("failed to find PID %1").arg(strangerPid)), qPrintable(said));


    // systems list: text, JSON, CSV and --state.
    // Partial unprovision, a run the engine does; with authorization required, the engine does not
    // provision the system again when its hellos come back.
    ServiceSettings settings = store.serviceSettings().result().value;
    settings.requireAuthorization = true;
    QVERIFY(store.applyServiceSettings(settings, QStringLiteral("test")).result().ok());
    r = runWhileTheEngineWorks({"systems", "unprovision", "--partial", uuid});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(r.out,
             QString(uuid
                     + QStringLiteral(": ok\nUnprovisioned 1 of 1 system (partial): back in "
                                      "setup mode with their key; they send hellos again.\n")));
    QCOMPARE(sim.state().value("mode").toString(), QStringLiteral("setup-psk"));
    engine.reset();
    r = run({"systems", "list", "--state", "unprovisioned,awaiting-authorization", "--format", "json"});
    a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(a.at(0).toObject().value("uuid").toString(), uuid);

    // No output showed a secret.
    for (const QString &secret : {AdminPassword, OperatorPassword, NewMePassword})
        QVERIFY2(!everything.contains(secret), qPrintable(secret));
}


void tst_Oobmctl::dnsTest_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("all pass") << QStringList{"--suffix", "good.test"} << 0
                              << QStringList{"PASS     ProvisionServer.good.test: CNAME scs.example.test, A 127.0.0.1",
                                             "Resolved provisioning server IP: 127.0.0.1", "accepts connections",
                                             "0 with warnings, 0 failed."};
    QTest::newRow("one suffix broken")
            << QStringList{"--suffix", "good.test", "--suffix", "missing.test"} << 1
            << QStringList{"FAIL     ProvisionServer.missing.test: NXDOMAIN",
                           "Fix: Create a CNAME ProvisionServer → scs.example.test in missing.test", "1 failed."};
    QTest::newRow("NODATA") << QStringList{"--suffix", "nodata.test"} << 1
                            << QStringList{"no data of the requested type was found"};
    QTest::newRow("a name as the DNS server") << QStringList{"--suffix", "good.test", "--server", "dns.example.com"}
                                              << 2 << QStringList{"'dns.example.com' is not an IP address"};
}

void tst_Oobmctl::dnsTest()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, words);
    Oobm::Test::DnsmasqProcess dns;
    QCOMPARE(dns.start({"--cname=provisionserver.good.test,scs.example.test",
                        "--host-record=scs.example.test,127.0.0.1", "--txt-record=provisionserver.nodata.test,v=1"}),
             QString());
    QTcpServer listener; // the engine's hello port
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    const QStringList db{"--database", dir.filePath("oobm.sqlite")};
    QCOMPARE(oobmctl(db + QStringList{"settings", "set", "listen-port", QString::number(listener.serverPort())})
                     .exitCode,
             0);
    QCOMPARE(oobmctl(db + QStringList{"settings", "set", "dns-server", dns.address()}).exitCode, 0);
    const Result r = oobmctl(db + QStringList{"dns", "test", "--server-name", "scs.example.test"} + args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
    for (const QString &w : words)
        QVERIFY2(QString(r.out + r.err).contains(w),
                 qPrintable(QStringLiteral("'%1' not in:\n%2%3").arg(w, r.out, r.err)));
    if (exitCode != 2) // each run leaves its summary in the log
        QVERIFY(oobmctl(db + QStringList{"log", "tail"}).out.contains("DNS test against 127.0.0.1:"));
}

void tst_Oobmctl::helloSend_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("words");

    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    QTest::newRow("PSK") << QStringList{"--uuid", uuid, "--pid", "k7qx-2mbo"} << 1
                         << "no engine on this database recorded it";
    QTest::newRow("PKI") << QStringList{"--uuid", uuid, "--pki", "--root-hash", QString(40, u'a')} << 1
                         << "no engine on this database recorded it";
    QTest::newRow("both") << QStringList{"--uuid", uuid, "--pki", "--pid", "K7QX2MBO"} << 2 << "either --pid P";
    QTest::newRow("bad PID") << QStringList{"--uuid", uuid, "--pid", "K7QX"} << 2 << "PID";
    QTest::newRow("bad UUID") << QStringList{"--uuid", "nope", "--pid", "K7QX2MBO"} << 2 << "'nope' is not a UUID";
    QTest::newRow("bad hash") << QStringList{"--uuid", uuid, "--pki", "--root-hash", "abc"} << 2
                              << "'abc' is not a SHA-1";
}

// The RCT tool: the bytes that arrive are a valid hello for what was asked.
void tst_Oobmctl::helloSend()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, words);
    QTcpServer server; // not an engine: it takes the hello and records nothing
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    const QStringList db{"--database", dir.filePath("oobm.sqlite")};
    const Result r = oobmctl(
            db + QStringList{"hello", "send", "--server", QStringLiteral("127.0.0.1:%1").arg(server.serverPort())}
            + args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
    QVERIFY2(QString(r.out + r.err).contains(words), qPrintable(r.out + r.err));
    if (exitCode != 1)
        return;
    QVERIFY(r.out.contains("Sent a "));
    QVERIFY(server.waitForNewConnection(5000));
    QTcpSocket *socket = server.nextPendingConnection();
    QByteArray bytes;
    while (socket->state() == QAbstractSocket::ConnectedState && socket->waitForReadyRead(2000))
        bytes += socket->readAll();
    bytes += socket->readAll();
    QString error;
    const auto hello = HelloPacket::parse(bytes, &error);
    QVERIFY2(hello, qPrintable(error));
    QCOMPARE(HelloPacket::uuidText(hello->uuid), QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"));
    if (args.contains("--pki"))
        QCOMPARE(hello->rootHashes.first().hash, QByteArray(20, char(0xAA)));
    else
        QCOMPARE(hello->pid, QByteArray("K7QX2MBO"));
}

void tst_Oobmctl::doctor()
{
    Oobm::Test::DnsmasqProcess dns;
    QCOMPARE(dns.start({"--host-record=scs.example.test,127.0.0.1"}), QString());
    QTemporaryDir dir;
    const QStringList db{"--database", dir.filePath("oobm.sqlite")};
    Result r = oobmctl(db + QStringList{"doctor"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("nothing to diagnose"), qPrintable(r.out));
    QCOMPARE(oobmctl(db + QStringList{"settings", "set", "dns-server", dns.address()}).exitCode, 0);
    QCOMPARE(oobmctl(db + QStringList{"settings", "set", "dns-suffixes", "example.test"}).exitCode, 0);
    QCOMPARE(oobmctl(db + QStringList{"settings", "set", "server-fqdn", "scs.example.test"}).exitCode, 0);
    // No engine runs on this database: that comes first for a system never seen.
    r = oobmctl(db + QStringList{"doctor", "4B529B93-D413-181D-E487-1C697A6B7A2B"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("Verdict: FAIL     Provisioning engine: no engine has reported"), qPrintable(r.out));
    QVERIFY2(r.out.contains("FAIL     ProvisionServer.example.test: NXDOMAIN"), qPrintable(r.out));
    r = oobmctl(db + QStringList{"--format", "json", "doctor", "10.1.2.3"});
    const QJsonArray reports = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.first().toObject().value("verdict").toObject().value("id").toString(), QStringLiteral("engine"));
}

QTEST_GUILESS_MAIN(tst_Oobmctl)
#include "tst_oobmctl.moc"
