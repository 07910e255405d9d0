// SPDX-License-Identifier: GPL-2.0-or-later
// oobm: the console. Wires the core services (store, user log, local settings, data key, and by
// default the provisioning engine on its own thread) to the main window.
#include "core/async.h"
#include "core/engine/provisioningengine.h"
#include "core/logbook/retentionscheduler.h"
#include "core/logbook/userlog.h"
#include "core/plurals.h"
#include "core/settings/localsettings.h"
#include "core/store/datakeyunlocker.h"
#include "core/store/sqlstore.h"
#include "core/store/storelocation.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QThread>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace {

bool wantsHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h") || !std::strcmp(argv[i], "--version")
            || !std::strcmp(argv[i], "-v") || !std::strcmp(argv[i], "--help-all"))
            return true;
    }
    return false;
}

// Without a display QApplication would abort; say how to run the console instead.
bool hasDisplay(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "-platform"))
            return true;
    }
    return false;
}

// The benchmark's hook (bench/bench_console.cpp, scripts/bench console). Inert unless
// OOBM_BENCH_START_NS is set: the launcher's std::chrono::steady_clock (CLOCK_MONOTONIC) in ns
// when it started this process. Then, on stdout:
//   first-paint-ms: T     a table of the shown page painted with rows in it for the first time
//                         (T since the launcher's start; the navigation tree does not count)
//   latency-ms: P50 P99 MAX N   with OOBM_BENCH_LATENCY_S=S: for S seconds after the first paint,
//                         how late a 10 ms timer on the GUI thread fired (N samples)
//   view-updates: U       and how often the table's model changed meanwhile (once per event-loop
//                         pass at most)
//   peak-rss-kb: K        VmHWM of this process at that point
// and the console quits.
class BenchHook final : public QObject
{
public:
    BenchHook(QAbstractItemView *navigation, qint64 startNs, int latencySeconds)
        : m_navigation(navigation)
        , m_startNs(startNs)
        , m_latencyMs(qint64(latencySeconds) * 1000)
    {
        qApp->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            const auto *view = qobject_cast<QAbstractItemView *>(watched->parent());
            if (view && view != m_navigation && watched == view->viewport() && view->isVisible() && view->model()
                && view->model()->rowCount() > 0) {
                m_painted = true;
                m_model = view->model();
                // Once this paint is done.
                QMetaObject::invokeMethod(this, &BenchHook::onFirstPaint, Qt::QueuedConnection);
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void onFirstPaint()
    {
        const qint64 now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count();
        std::printf("first-paint-ms: %.1f\n", double(now - m_startNs) / 1e6);
        std::fflush(stdout);
        if (m_latencyMs <= 0)
            return finish();
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setInterval(10);
        connect(m_timer, &QTimer::timeout, this, [this] {
            const qint64 ns = m_sinceTick.nsecsElapsed();
            m_sinceTick.start();
            m_lateMs.push_back(std::max(0.0, double(ns) / 1e6 - 10.0));
            if (m_sinceStart.elapsed() >= m_latencyMs)
                finish();
        });
        const auto changed = [this] {
            if (m_updatePending)
                return;
            m_updatePending = true;
            ++m_updates;
            QTimer::singleShot(0, this, [this] { m_updatePending = false; });
        };
        connect(m_model, &QAbstractItemModel::modelReset, this, changed);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, changed);
        connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(m_model, &QAbstractItemModel::rowsMoved, this, changed);
        m_sinceStart.start();
        m_sinceTick.start();
        m_timer->start();
    }
    void finish()
    {
        if (m_timer)
            m_timer->stop();
        if (!m_lateMs.empty()) {
            std::sort(m_lateMs.begin(), m_lateMs.end());
            const auto at = [this](double p) { return m_lateMs.at(std::size_t(p * double(m_lateMs.size() - 1))); };
            std::printf("latency-ms: %.2f %.2f %.2f %zu\nview-updates: %d\n", at(0.5), at(0.99), m_lateMs.back(),
                        m_lateMs.size(), m_updates);
        }
        QFile status(QStringLiteral("/proc/self/status"));
        status.open(QIODevice::ReadOnly);
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                std::printf("peak-rss-kb: %s\n", line.mid(6).trimmed().split(' ').first().constData());
        }
        std::fflush(stdout);
        QCoreApplication::quit();
    }

    QAbstractItemView *m_navigation;
    qint64 m_startNs;
    qint64 m_latencyMs;
    bool m_painted = false;
    QAbstractItemModel *m_model = nullptr;
    bool m_updatePending = false;
    int m_updates = 0;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceTick;
    std::vector<double> m_lateMs;
};

} // namespace

int main(int argc, char *argv[])
{
    if (!wantsHelpOrVersion(argc, argv) && !hasDisplay(argc, argv)) {
        std::fprintf(stderr,
                     "oobm: no display to open the console on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                     "Run it in a desktop session, or on a virtual X server:\n"
                     "    xvfb-run -a oobm\n"
                     "or without any display (nothing visible, e.g. for a smoke test):\n"
                     "    QT_QPA_PLATFORM=offscreen oobm\n"
                     "For scripting, use oobmctl.\n");
        return 1;
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("oobm"));
    QCoreApplication::setApplicationName(QStringLiteral("oobm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OOBM_VERSION_STRING));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("OOBM"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.oobm.Console"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    // English plural forms first, whatever the language: a translation installed later is asked
    // first, and falls back to them for what it does not translate.
    Oobm::Core::installEnglishPlurals();
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("oobm"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Out of Band Management console for Intel vPro / Intel AMT."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("The store: a SQLite file path or postgresql://user@host:port/dbname "
                                     "(password from PGPASSWORD). Default: $OOBM_DATABASE, else "
                                     "~/.local/share/oobm/oobm.db."),
                      QStringLiteral("URL|PATH")});
    parser.addOption({QStringLiteral("settings"),
                      QStringLiteral("Keep window state in this file instead of ~/.config/oobm/oobm.conf."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("page"),
                      QStringLiteral("Open on this page (a node id such as general, log, security-keys) instead "
                                     "of the last one visited."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("no-engine"),
                      QStringLiteral("Do not run the provisioning engine in the console (another console or "
                                     "oobm-engine provisions for this database).")});
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("The embedded engine listens on ADDR[:PORT] instead of all addresses and the "
                                     "General page's port. Repeatable."),
                      QStringLiteral("ADDR[:PORT]")});
    parser.addOption({QStringLiteral("key-file"),
                      QStringLiteral("The data key file that seals the security keys and passwords (default: "
                                     "$OOBM_KEY_FILE, else the keychain)."),
                      QStringLiteral("PATH")});
    parser.process(app);

    QString error;
    const Oobm::Core::StoreLocation location = parser.isSet(QStringLiteral("database"))
            ? Oobm::Core::StoreLocation::parse(parser.value(QStringLiteral("database")), &error)
            : Oobm::Core::StoreLocation::fromEnvironmentOrDefault(&error);
    if (!location.isValid()) {
        std::fprintf(stderr, "oobm: %s\n", qPrintable(error));
        return 2;
    }

    Oobm::Core::EngineOptions engineOptions;
    if (const QString e = engineOptions.parseListen(parser.values(QStringLiteral("listen"))); !e.isEmpty()) {
        std::fprintf(stderr, "oobm: %s\n", qPrintable(e));
        return 2;
    }

    Oobm::Core::SqlStore store(location);
    Oobm::Core::UserLog userLog(&store, QStringLiteral("console"));
    // The scheduled purge: the retention rules of Configuration Service Settings > Maintenance.
    Oobm::Core::RetentionScheduler retention(&store);
    QObject::connect(&retention, &Oobm::Core::RetentionScheduler::purged, &userLog,
                     [&userLog](const Oobm::Core::PurgeReport &r) {
        if (r.total() > 0)
            userLog.information(QCoreApplication::translate("Oobm::Core::RetentionScheduler",
                                                            "Purged %1 log entries, %2 Actions Status steps and %3 "
                                                            "Security Audit entries past their retention.")
                                        .arg(r.log)
                                        .arg(r.actions)
                                        .arg(r.audit));
    });
    Oobm::Core::LocalSettings localSettings(parser.value(QStringLiteral("settings")));
    const QString keyFile = parser.isSet(QStringLiteral("key-file")) ? parser.value(QStringLiteral("key-file"))
                                                                     : qEnvironmentVariable("OOBM_KEY_FILE");
    Oobm::Core::DataKeyUnlocker unlocker(&store, keyFile);

    // The embedded engine lives on its own thread: hello intake never waits for the GUI.
    QThread engineThread;
    engineThread.setObjectName(QStringLiteral("oobm-engine"));
    Oobm::Core::ProvisioningEngine *engine = nullptr;
    if (!parser.isSet(QStringLiteral("no-engine"))) {
        engine = new Oobm::Core::ProvisioningEngine(&store, &userLog, engineOptions);
        engine->moveToThread(&engineThread);
        QObject::connect(&engineThread, &QThread::finished, engine, &QObject::deleteLater);
        engineThread.start();
    }

    Oobm::Gui::MainWindow window({&store, &userLog, &localSettings, &unlocker});
    if (parser.isSet(QStringLiteral("page")) && !window.selectPage(parser.value(QStringLiteral("page")))) {
        std::fprintf(stderr, "oobm: there is no page '%s'. The pages are: %s\n",
                     qPrintable(parser.value(QStringLiteral("page"))),
                     qPrintable(window.pageIds().join(QStringLiteral(", "))));
        if (engine) {
            engineThread.quit();
            engineThread.wait();
        }
        return 2;
    }
    QObject::connect(&unlocker, &Oobm::Core::DataKeyUnlocker::finished, &app,
                     [&](const Oobm::Core::StoreError &error, const QString &warning) {
        if (!warning.isEmpty())
            userLog.warning(warning);
        if (error)
            userLog.error(
                    QCoreApplication::translate("main", "The provisioning engine cannot read the security keys: %1")
                            .arg(error.message));
        // Without the key the engine still records hellos and names the cause.
        if (engine && store.isWritable())
            QMetaObject::invokeMethod(engine, &Oobm::Core::ProvisioningEngine::start);
    });
    std::unique_ptr<BenchHook> benchHook;
    if (qEnvironmentVariableIsSet("OOBM_BENCH_START_NS"))
        benchHook = std::make_unique<BenchHook>(window.navigationView(), qgetenv("OOBM_BENCH_START_NS").toLongLong(),
                                                qEnvironmentVariableIntValue("OOBM_BENCH_LATENCY_S"));
    window.show();
    Oobm::Core::whenReady(store.open(), &app, [&](const Oobm::Core::StoreError &e) {
        if (!e)
            unlocker.unlock();
    });
    const int code = QApplication::exec();
    if (engine) {
        // Let running provisioning attempts finish (bounded by the engine's grace period).
        QEventLoop loop;
        QObject::connect(engine, &Oobm::Core::ProvisioningEngine::stopped, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        QMetaObject::invokeMethod(engine, &Oobm::Core::ProvisioningEngine::stop);
        loop.exec();
        engineThread.quit();
        engineThread.wait();
    }
    userLog.flush().waitForFinished();
    return code;
}
