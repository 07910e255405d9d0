// SPDX-License-Identifier: GPL-2.0-or-later
// oobm-engine: the provisioning engine as a headless service (the role of Intel SCS's
// AMTConfig service). The console embeds the same engine; run this one where no console runs,
// or several of them on one PostgreSQL database.
#include "core/async.h"
#include "core/engine/provisioningengine.h"
#include "core/logbook/retentionscheduler.h"
#include "core/logbook/userlog.h"
#include "core/plurals.h"
#include "core/store/datakeyunlocker.h"
#include "core/store/sqlstore.h"
#include "core/store/storelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[1], &c, 1);
}

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "oobm-engine: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("oobm"));
    QCoreApplication::setApplicationName(QStringLiteral("oobm-engine"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OOBM_VERSION_STRING));
    Oobm::Core::installEnglishPlurals();

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("The OOBM provisioning engine as a service: receives hello packets from Intel AMT devices "
                           "in setup mode and provisions them. Stops cleanly on SIGTERM or SIGINT."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("The store: a SQLite file or postgresql://user@host:port/dbname (password "
                                     "from PGPASSWORD). Default: $OOBM_DATABASE, else ~/.local/share/oobm/oobm.db."),
                      QStringLiteral("URL|PATH")});
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Listen on ADDR[:PORT] instead of all addresses and the General page's port "
                                     "(which is followed live when no port is given). Repeatable."),
                      QStringLiteral("ADDR[:PORT]")});
    parser.addOption({QStringLiteral("key-file"),
                      QStringLiteral("The data key file, on a server without a keychain (default: "
                                     "$OOBM_KEY_FILE, else the keychain)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("engine-id"),
                      QStringLiteral("This engine's name in the store (default HOST:PORT)."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("device-port"),
                      QStringLiteral("The devices' TLS port to connect back to (default 16993)."),
                      QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("max-concurrent"), QStringLiteral("Devices provisioned at once (default 256)."),
                      QStringLiteral("N")});
    parser.process(app);

    QString error;
    const Oobm::Core::StoreLocation location = parser.isSet(QStringLiteral("database"))
            ? Oobm::Core::StoreLocation::parse(parser.value(QStringLiteral("database")), &error)
            : Oobm::Core::StoreLocation::fromEnvironmentOrDefault(&error);
    if (!location.isValid())
        return fail(error, 2);

    Oobm::Core::EngineOptions options;
    if (const QString e = options.parseListen(parser.values(QStringLiteral("listen"))); !e.isEmpty())
        return fail(e, 2);
    options.engineId = parser.value(QStringLiteral("engine-id"));
    if (parser.isSet(QStringLiteral("device-port")))
        options.deviceTlsPort = quint16(parser.value(QStringLiteral("device-port")).toUInt());
    if (parser.isSet(QStringLiteral("max-concurrent")))
        options.maxConcurrent = qBound(1, parser.value(QStringLiteral("max-concurrent")).toInt(), 4096);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return fail(QStringLiteral("cannot create the signal pipe"));
    QSocketNotifier signalNotifier(g_signalFd[0], QSocketNotifier::Read);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    Oobm::Core::SqlStore store(location);
    Oobm::Core::UserLog log(&store, QStringLiteral("engine"));
    // The scheduled purge: the retention rules of Configuration Service Settings > Maintenance.
    Oobm::Core::RetentionScheduler retention(&store);
    QObject::connect(&retention, &Oobm::Core::RetentionScheduler::purged, &log,
                     [&log](const Oobm::Core::PurgeReport &r) {
        if (r.total() > 0)
            log.information(QCoreApplication::translate("Oobm::Core::RetentionScheduler",
                                                        "Purged %1 log entries, %2 Actions Status steps and %3 "
                                                        "Security Audit entries past their retention.")
                                    .arg(r.log)
                                    .arg(r.actions)
                                    .arg(r.audit));
    });
    Oobm::Core::ProvisioningEngine engine(&store, &log, options);
    const QString keyFile = parser.isSet(QStringLiteral("key-file")) ? parser.value(QStringLiteral("key-file"))
                                                                     : qEnvironmentVariable("OOBM_KEY_FILE");
    Oobm::Core::DataKeyUnlocker unlocker(&store, keyFile);

    bool stopping = false;
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalFd[0], &c, 1);
        if (stopping)
            return;
        stopping = true;
        std::fprintf(stderr, "oobm-engine: stopping\n");
        engine.stop();
    });
    QObject::connect(&engine, &Oobm::Core::ProvisioningEngine::stopped, &app, [&] {
        Oobm::Core::whenReady(log.flush(), &app, [](const Oobm::Core::StoreError &) { QCoreApplication::exit(0); });
    });
    QObject::connect(&engine, &Oobm::Core::ProvisioningEngine::started, &app, [&](const QString &why) {
        if (!why.isEmpty()) {
            std::fprintf(stderr, "oobm-engine: %s\n", qPrintable(why));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("listening on %s as %s\n", qPrintable(engine.status().listen), qPrintable(engine.engineId()));
        std::fflush(stdout);
    });
    QObject::connect(&unlocker, &Oobm::Core::DataKeyUnlocker::finished, &app,
                     [&](const Oobm::Core::StoreError &e, const QString &warning) {
        if (!warning.isEmpty())
            log.warning(warning);
        if (e) {
            // Without the data key no PPS can be read: nothing could be provisioned.
            std::fprintf(stderr, "oobm-engine: %s\n", qPrintable(e.message));
            QCoreApplication::exit(1);
            return;
        }
        engine.start();
    });
    Oobm::Core::whenReady(store.open(), &app, [&](const Oobm::Core::StoreError &e) {
        if (e) {
            std::fprintf(stderr, "oobm-engine: %s\n", qPrintable(e.message));
            QCoreApplication::exit(1);
            return;
        }
        if (!store.isWritable()) {
            std::fprintf(stderr, "oobm-engine: the store is read-only: %s\n", qPrintable(store.lastError().message));
            QCoreApplication::exit(1);
            return;
        }
        unlocker.unlock();
    });
    return QCoreApplication::exec();
}
