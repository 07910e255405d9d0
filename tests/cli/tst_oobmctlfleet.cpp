// SPDX-License-Identifier: GPL-2.0-or-later
// oobmctl's collections, tasks, runs and tags as a user runs them (a separate process, exit
// codes, stdout and stderr), on SQLite and PostgreSQL. No engine runs here: runs are made and
// cancelled, and the end-to-end runs are tst_taskspage's.
#include "common/testsupport.h"

#include "core/keys/secretbox.h"
#include "core/provisioning/hellopacket.h"
#include "core/store/sqlstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result oobmctl(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("OOBM_DATABASE"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OOBMCTL_PATH), args);
    p.waitForFinished(60000);
    Result r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString uuidOf(int i)
{
    return QStringLiteral("%1-0000-4000-8000-0000000000BB").arg(i, 8, 16, QLatin1Char('0')).toUpper();
}

// Three lab systems (10.1.0.x, lab-NN.example.com) and two office ones (10.2.0.x), recorded by a
// hello whose key the store does not know (Failed). The lab ones are then marked Provisioned with
// admin credentials, as if this store had provisioned them, so runs on them can be made.
void makeFleet(BackendFixture &fixture)
{
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    QCOMPARE(store.setDataKey(SecretBox::generateKey(), "test").result().message, QString());
    for (int i = 0; i < 5; ++i) {
        const bool lab = i < 3;
        HelloIntake intake;
        intake.hello.version = HelloPacket::Version::Psk;
        intake.hello.uuid = QUuid(uuidOf(i));
        intake.hello.pid = "ZZZZZZZZ";
        intake.address = QHostAddress(QStringLiteral("10.%1.0.%2").arg(lab ? 1 : 2).arg(i + 1));
        intake.engineId = QStringLiteral("test");
        intake.reverseName =
                QStringLiteral("%1-%2.example.com").arg(lab ? "lab" : "office").arg(i, 2, 10, QLatin1Char('0'));
        QCOMPARE(store.recordHello(intake).result().error.message, QString());
    }
    QCOMPARE(store.setSystemsState({uuidOf(0), uuidOf(1), uuidOf(2)}, SystemState::Provisioned, {}, {})
                     .result()
                     .error.message,
             QString());
    QVERIFY(fixture.exec(QStringLiteral("UPDATE amt_systems SET admin_password = 'sealed' WHERE uuid IN ('%1', '%2', "
                                        "'%3')")
                                 .arg(uuidOf(0), uuidOf(1), uuidOf(2))));
}

QStringList memberUuids(const QStringList &db, const QString &collection)
{
    const Result r = oobmctl(db + QStringList{"--format", "json", "collections", "members", collection});
    QStringList uuids;
    for (const QJsonValue v : QJsonDocument::fromJson(r.out.toUtf8()).array())
        uuids << v.toObject().value(QStringLiteral("uuid")).toString();
    uuids.sort();
    return uuids;
}

} // namespace

class tst_OobmctlFleet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void collections_data() { Oobm::Test::addBackendRows(); }
    void collections();
    void tasksAndRuns_data() { Oobm::Test::addBackendRows(); }
    void tasksAndRuns();
    void refusals_data();
    void refusals();
    void dialects_data() { Oobm::Test::addBackendRows(); }
    void dialects();
};

void tst_OobmctlFleet::collections()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    makeFleet(fixture);
    const QStringList db{QStringLiteral("--database"), fixture.location().toUrl()};

    // The built-in ones are there from the start, with their counts.
    Result r = oobmctl(db + QStringList{"--format", "json", "collections", "list"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QVERIFY(!list.isEmpty());
    bool sawProvisioned = false;
    for (const QJsonValue v : list) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("built-in"));
        if (o.value(QStringLiteral("name")).toString() == u"All Provisioned") {
            sawProvisioned = true;
            QCOMPARE(o.value(QStringLiteral("members")).toInt(), 3);
        }
    }
    QVERIFY(sawProvisioned);

    // A dynamic one by subnet, a static one by hand (UUID and FQDN), one by tag.
    r = oobmctl(db + QStringList{"collections", "create", "Lab", "--dynamic", "--ip", "10.1.0.0/24"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Created the dynamic collection Lab (id ")), qPrintable(r.out));
    QCOMPARE(memberUuids(db, QStringLiteral("Lab")), QStringList({uuidOf(0), uuidOf(1), uuidOf(2)}));
    r = oobmctl(db + QStringList{"collections", "create", "Picked", "--static", uuidOf(3), "lab-00.example.com"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Created the static collection Picked (id ")), qPrintable(r.out));
    QCOMPARE(memberUuids(db, QStringLiteral("Picked")), QStringList({uuidOf(0), uuidOf(3)}));
    r = oobmctl(db + QStringList{"systems", "tag", uuidOf(1), uuidOf(4), "--add", "pilot,floor2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = oobmctl(db + QStringList{"collections", "create", "Pilot", "--dynamic", "--tag", "pilot"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(memberUuids(db, QStringLiteral("Pilot")), QStringList({uuidOf(1), uuidOf(4)}));
    r = oobmctl(db + QStringList{"systems", "tag", uuidOf(4), "--remove", "pilot"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(memberUuids(db, QStringLiteral("Pilot")), QStringList({uuidOf(1)}));

    // show: the rule, or the members.
    r = oobmctl(db + QStringList{"collections", "show", "Lab"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("10.1.0.0/24")), qPrintable(r.out));
    r = oobmctl(db + QStringList{"collections", "show", "Picked"});
    QVERIFY2(r.out.contains(uuidOf(3)), qPrintable(r.out));

    // Static members change; an unknown system changes nothing and is named.
    r = oobmctl(db + QStringList{"collections", "add", "Picked", uuidOf(4), "nowhere.example.com"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("nowhere.example.com")), qPrintable(r.err));
    QCOMPARE(memberUuids(db, QStringLiteral("Picked")), QStringList({uuidOf(0), uuidOf(3)}));
    r = oobmctl(db + QStringList{"collections", "remove", "Picked", uuidOf(3)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(memberUuids(db, QStringLiteral("Picked")), QStringList({uuidOf(0)}));

    // Delete, and the list has only what is left.
    r = oobmctl(db + QStringList{"collections", "delete", "Picked"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Deleted the collection Picked.\n"));
    r = oobmctl(db + QStringList{"collections", "show", "Picked"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("There is no collection Picked")), qPrintable(r.err));
    r = oobmctl(db + QStringList{"--format", "csv", "collections", "list"});
    QVERIFY(r.out.contains(QStringLiteral(",Lab,dynamic,3,")));
    QVERIFY(!r.out.contains(QStringLiteral(",Picked,")));
}

void tst_OobmctlFleet::tasksAndRuns()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    makeFleet(fixture);
    const QStringList db{QStringLiteral("--database"), fixture.location().toUrl()};
    Result r = oobmctl(db + QStringList{"collections", "create", "Lab", "--dynamic", "--ip", "10.1.0.1-10.1.0.200"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // A scheduled task makes no run yet.
    const QString at = QDateTime::currentDateTimeUtc().addDays(2).toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
    r = oobmctl(db
                + QStringList{"tasks", "create", "Night off", "--operation", "power-off", "--collection", "Lab",
                              "--schedule", "once", "--at", at, "--time-zone", "UTC", "--wave", "2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Created the task Night off (id ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("next due")), qPrintable(r.out));
    r = oobmctl(db + QStringList{"--format", "json", "tasks", "list"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray tasks = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Night off"));

    // Run it now: no engine, so the run waits, and says so.
    r = oobmctl(db + QStringList{"--format", "json", "tasks", "run", "Night off"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonObject run = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const qint64 runId = run.value(QStringLiteral("id")).toInteger();
    QVERIFY(runId > 0);
    QCOMPARE(run.value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(run.value(QStringLiteral("wavesTotal")).toInt(), 2);
    r = oobmctl(db + QStringList{"tasks", "show", QString::number(runId)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (int i = 0; i < 3; ++i)
        QVERIFY2(r.out.contains(uuidOf(i)), qPrintable(r.out));
    r = oobmctl(db + QStringList{"tasks", "cancel", QString::number(runId)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Cancelled run %1: 3 systems were not started").arg(runId)),
             qPrintable(r.out));

    // Power off a collection in waves of 500, the way a fleet is done: the run is queued.
    r = oobmctl(db
                + QStringList{"--format", "json", "systems", "power", "off", "--collection", "Lab", "--wave", "500"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("no provisioning engine is running")), qPrintable(r.err));
    run = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(run.value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(run.value(QStringLiteral("wavesTotal")).toInt(), 1);
    QCOMPARE(run.value(QStringLiteral("operation")).toString(), QStringLiteral("power-off"));
    // On named systems it waits for the end by default, which needs a running engine.
    r = oobmctl(db + QStringList{"systems", "power", "off", uuidOf(0)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("No provisioning engine is running")), qPrintable(r.err));
    // Without waiting, it is queued; what the run stores about its target is English, plural
    // forms included (core/plurals.h): "1 chosen system", not "1 chosen systems".
    r = oobmctl(db + QStringList{"--format", "json", "systems", "power", "off", uuidOf(0), "--no-wait"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    run = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(run.value(QStringLiteral("target")).toString(), QStringLiteral("1 chosen system"));

    r = oobmctl(db + QStringList{"tasks", "delete", "Night off"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = oobmctl(db + QStringList{"--format", "json", "tasks", "list"});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
}

void tst_OobmctlFleet::refusals_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList create{"tasks", "create", "T", "--operation", "power-off"};
    const QString past = QDateTime::currentDateTimeUtc().addDays(-1).toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        const auto row = [&backend](const char *name) -> QTestData & {
            return QTest::addRow("%s %s", qPrintable(backend), name);
        };
        row("unknown collection") << backend << create + QStringList{"--collection", "Nope"}
                                  << "There is no collection Nope";
        row("empty target") << backend << create << "The target is empty";
        row("schedule in the past") << backend
                                    << create
                        + QStringList{"--collection", "All Provisioned", "--schedule", "once", "--at",
                                      past,           "--time-zone",     "UTC"}
                                    << "is in the past";
        row("wave of 0") << backend << create + QStringList{"--collection", "All Provisioned", "--wave", "0"}
                         << "A wave of 0 systems cannot run";
        row("no credentials") << backend << create + QStringList{"--system", uuidOf(3)}
                              << "is not provisioned by OOBM, so its admin credentials are not known";
        row("unknown operation") << backend
                                 << QStringList{"tasks", "create", "T", "--operation", "fly", "--system", uuidOf(0)}
                                 << "Unknown operation 'fly'";
    }
}

void tst_OobmctlFleet::refusals()
{
    QFETCH(QString, backend);
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    makeFleet(fixture);
    const QStringList db{QStringLiteral("--database"), fixture.location().toUrl()};
    const Result r = oobmctl(db + args);
    QVERIFY2(r.exitCode != 0, qPrintable(r.out));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    // Nothing was created.
    const Result list = oobmctl(db + QStringList{"--format", "json", "tasks", "list"});
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    QCOMPARE(store.listRuns({}).result().value.size(), 0);
}

// systems dialect: forced per system, back to automatic, refused as a whole for a system whose
// version does not speak it; list and show say which one each system gets.
void tst_OobmctlFleet::dialects()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    makeFleet(fixture);
    QVERIFY(fixture.exec(QStringLiteral("UPDATE amt_systems SET amt_version = CASE uuid WHEN '%1' THEN '3.0.4' WHEN "
                                        "'%2' THEN '6.0.4' WHEN '%3' THEN '11.0.4' ELSE '' END")
                                 .arg(uuidOf(0), uuidOf(1), uuidOf(2))));
    const QStringList db{QStringLiteral("--database"), fixture.location().toUrl()};
    const auto dialects = [&db]() {
        QMap<QString, QString> out;
        const Result r = oobmctl(db + QStringList{"--format", "json", "systems", "list"});
        for (const QJsonValue v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            out.insert(o.value("uuid").toString(),
                       o.value("dialect").toString() + (o.value("dialectForced").toBool() ? "!" : ""));
        }
        return out;
    };
    QMap<QString, QString> expected{{uuidOf(0), "legacy"},
                                    {uuidOf(1), "wsman"},
                                    {uuidOf(2), "wsman"},
                                    {uuidOf(3), "legacy"},
                                    {uuidOf(4), "legacy"}};
    QCOMPARE(dialects(), expected);
    Result r = oobmctl(db + QStringList{"systems", "show", uuidOf(1)});
    QVERIFY2(r.out.contains(QStringLiteral("WS-Management (by its version)")), qPrintable(r.out));

    // One system that cannot take it refuses the lot, and names its version.
    r = oobmctl(db + QStringList{"systems", "dialect", "legacy", uuidOf(1), uuidOf(2)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("runs Intel AMT 11.0.4, which has no legacy SOAP interface")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("No system's dialect was changed.")), qPrintable(r.err));
    QCOMPARE(dialects(), expected);
    r = oobmctl(db + QStringList{"systems", "dialect", "wsman", uuidOf(0), "00000000-0000-4000-8000-0000000000FF"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("There is no Intel AMT system 00000000-0000-4000-8000-0000000000FF")),
             qPrintable(r.err));
    QCOMPARE(dialects(), expected);
    r = oobmctl(db + QStringList{"systems", "dialect", "fast", uuidOf(0)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("takes legacy, wsman or auto")), qPrintable(r.err));

    // Forced, then automatic again.
    r = oobmctl(db + QStringList{"systems", "dialect", "legacy", uuidOf(1)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("1 system talked to in legacy SOAP from now on.\n"));
    r = oobmctl(db + QStringList{"systems", "dialect", "wsman", uuidOf(0)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    expected[uuidOf(1)] = "legacy!";
    expected[uuidOf(0)] = "wsman!";
    QCOMPARE(dialects(), expected);
    r = oobmctl(db + QStringList{"systems", "show", uuidOf(1)});
    QVERIFY2(r.out.contains(QStringLiteral("legacy SOAP (forced)")), qPrintable(r.out));
    r = oobmctl(db + QStringList{"systems", "dialect", "auto", uuidOf(0), uuidOf(1)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("2 systems talked to in the dialect of their version again.\n"));
    expected[uuidOf(1)] = "wsman";
    expected[uuidOf(0)] = "legacy";
    QCOMPARE(dialects(), expected);
}

QTEST_MAIN(tst_OobmctlFleet)
#include "tst_oobmctlfleet.moc"
