// SPDX-License-Identifier: GPL-2.0-or-later
// Settings and systems followed live across processes: a store sees what oobmctl writes, and a
// running oobm-engine follows `oobmctl settings set` without a restart (the listener moves, the
// next hello waits for authorization), on SQLite and on PostgreSQL.
#include "common/engineprocess.h"
#include "common/provisioningfixture.h"
#include "common/simprocess.h"
#include "common/testsupport.h"

#include "core/store/sqlstore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::EngineProcess;
using Oobm::Test::freePort;
using Oobm::Test::ProvisioningFixture;
using Oobm::Test::SimProcess;

namespace {

// Runs oobmctl on the store; returns its standard error when it fails, otherwise empty.
QString oobmctl(const StoreLocation &store, const QStringList &arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!store.password().isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), store.password());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OOBMCTL_PATH), QStringList{QStringLiteral("--database"), store.toUrl()} + arguments);
    if (!p.waitForFinished(30000))
        return QStringLiteral("oobmctl did not finish");
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    return {};
}

bool accepts(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = s.waitForConnected(1000);
    s.abort();
    return connected;
}

} // namespace

class tst_LiveSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storeSeesOtherProcess_data() { Oobm::Test::addBackendRows(); }
    void storeSeesOtherProcess();
    void engineMovesItsListener_data() { Oobm::Test::addBackendRows(); }
    void engineMovesItsListener();
    void engineHoldsNextHello_data() { Oobm::Test::addBackendRows(); }
    void engineHoldsNextHello();
};

void tst_LiveSettings::storeSeesOtherProcess()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    ProvisioningFixture f(backend);
    QCOMPARE(f.prepare(1), QString());
    SqlStore &store = f.store();
    QSignalSpy settings(&store, &Store::serviceSettingsChanged);
    QSignalSpy systems(&store, &Store::systemsChanged);

    QElapsedTimer sinceWrite;
    QCOMPARE(oobmctl(f.location(), {"settings", "set", "log-level", "debug"}), QString());
    sinceWrite.start();
    QTRY_VERIFY_WITH_TIMEOUT(!settings.isEmpty(), 10000);
    qInfo("%s: the store saw oobmctl's settings change %lld ms after it was written", qPrintable(backend),
          sinceWrite.elapsed());
    QCOMPARE(settings.last().at(0).value<ServiceSettings>().logLevel, LogLevel::Debug);

    // A system written by another process (oobmctl creates it with its one-time password) is
    // reported by its UUID.
    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    QCOMPARE(oobmctl(f.location(), {"--key-file", f.keyFile(), "systems", "otp", uuid, "--otp", "0ne-time-pass"}),
             QString());
    QTRY_VERIFY_WITH_TIMEOUT(!systems.isEmpty(), 10000);
    QCOMPARE(systems.last().at(0).toStringList(), QStringList{uuid});

    // Its own writes are not reported again as another process's: after its own change, another
    // process's write makes the store look again (it looks at both in one go), and the settings
    // signal stays the one the apply sent.
    settings.clear();
    systems.clear();
    ServiceSettings mine = store.serviceSettings().result().value;
    mine.traceLogging = true;
    QVERIFY(store.applyServiceSettings(mine, QStringLiteral("test")).result().ok());
    QTRY_COMPARE(settings.size(), 1);
    const QString other = QStringLiteral("11111111-2222-3333-4444-555555555555");
    QCOMPARE(oobmctl(f.location(), {"--key-file", f.keyFile(), "systems", "otp", other, "--otp", "0ne-time-pass"}),
             QString());
    QTRY_VERIFY_WITH_TIMEOUT(!systems.isEmpty(), 10000);
    QCOMPARE(systems.last().at(0).toStringList(), QStringList{other});
    QCOMPARE(settings.size(), 1);
}

void tst_LiveSettings::engineMovesItsListener()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    ProvisioningFixture f(backend);
    QCOMPARE(f.prepare(1), QString());
    const quint16 first = freePort();
    QCOMPARE(oobmctl(f.location(), {"settings", "set", "listen-port", QString::number(first)}), QString());
    EngineProcess engine;
    // An address without a port: the engine listens on the General page's port and follows it.
    QCOMPARE(engine.start(QStringLiteral(OOBM_ENGINE_PATH), f.location(), f.keyFile(), QStringLiteral("127.0.0.1"),
                          QStringLiteral("follower")),
             QString());
    QVERIFY(accepts(first));

    const quint16 second = freePort();
    QCOMPARE(oobmctl(f.location(), {"settings", "set", "listen-port", QString::number(second)}), QString());
    QElapsedTimer moved;
    moved.start();
    QTRY_VERIFY_WITH_TIMEOUT(accepts(second), 10000);
    qInfo("%s: the engine listened on the new port %lld ms after oobmctl wrote it", qPrintable(backend),
          moved.elapsed());
    QTRY_VERIFY(!accepts(first));
    QCOMPARE(engine.process().state(), QProcess::Running); // followed, not restarted
}

void tst_LiveSettings::engineHoldsNextHello()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    ProvisioningFixture f(backend);
    QCOMPARE(f.prepare(1), QString());
    const quint16 port = freePort();
    EngineProcess engine;
    QCOMPARE(engine.start(QStringLiteral(OOBM_ENGINE_PATH), f.location(), f.keyFile(),
                          QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("holder")),
             QString());
    // Changed after the engine started, by another process.
    QCOMPARE(oobmctl(f.location(), {"settings", "set", "require-authorization", "on"}), QString());

    SimProcess sim;
    QCOMPARE(sim.start({"--fleet", "1", "--mode", "factory", "--keys", f.setupBin(), "--provision-server",
                        QStringLiteral("127.0.0.1:%1").arg(port), "--time-scale", "100"}),
             QString());
    const QString uuid = sim.device().uuid;
    const auto state = [&] {
        const auto systems = f.store().listSystems({}).result().value;
        return systems.isEmpty() ? SystemState::AwaitingHello : systems.first().state;
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(), SystemState::AwaitingAuthorization, 30000);
    QCOMPARE(engine.process().state(), QProcess::Running);

    // The reference's log line for every hello. The engine writes its log in batches apart from
    // the system's row, so the line may land a moment after the state did.
    LogQuery q;
    q.filter.text = QStringLiteral("Incoming connection from");
    QList<LogEntry> entries;
    QTRY_VERIFY_WITH_TIMEOUT(!(entries = f.store().queryLog(q).result().value).isEmpty(), 10000);
    QCOMPARE(entries.first().message, QStringLiteral("Incoming connection from %1").arg(sim.device().address));
    QCOMPARE(entries.first().deviceUuid, uuid);
}

QTEST_GUILESS_MAIN(tst_LiveSettings)
#include "tst_livesettings.moc"
