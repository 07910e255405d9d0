// SPDX-License-Identifier: GPL-2.0-or-later
// The console at fleet size (scripts/bench console): a SQLite store with 100,000 systems and
// 10,000,000 log entries (OOBM_BENCH_CONSOLE_SYSTEMS, OOBM_BENCH_CONSOLE_LOG_ENTRIES), written by
// plain SQL in big transactions into the tables the project's schema makes, and cached under the
// build folder by its sizes. The real console (app/oobm, offscreen) starts on a copy of it, with
// its embedded engine on a loopback port, and reports through its benchmark hook
// (OOBM_BENCH_START_NS, see app/oobm/main.cpp):
//  - cold start, from process start to the first paint of the page's table with rows in it:
//    Intel AMT Systems and the Log (median of OOBM_BENCH_CONSOLE_RUNS, default 3);
//  - peak RSS (VmHWM) at that paint, and at the end of the latency runs;
//  - the GUI thread's event-loop latency on Intel AMT Systems, the lateness of a 10 ms timer (p50,
//    p99, max) for OOBM_BENCH_CONSOLE_SECONDS (default 10) after the first paint: idle, then while
//    OOBM_BENCH_CONSOLE_RATE (default 1,000) hellos per second from the store's systems reach the
//    engine. Every address is loopback: the hellos come from 127.20.0.0/14, as the systems' do.
// Prints one "metric: value unit" line per figure, then a table; asserts nothing.
#include "bench/benchsupport.h"

#include "core/provisioning/hellopacket.h"
#include "core/store/sqlstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Oobm::Core;
using Oobm::Bench::execOn;
using Oobm::Bench::median;
using Oobm::Bench::queryValue;

using Oobm::Bench::metric;

namespace {

// Bump when the generated store changes shape: cached files of an older shape are not used.
constexpr int GeneratorVersion = 1;
constexpr qint64 LogChunk = 1000000; // log entries per transaction

const char *const SystemsPage = "intel-amt-systems";
const char *const LogPage = "log";

void progress(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && value > 0 ? int(value) : fallback;
}

struct Sizes
{
    int systems = 100000;
    qint64 logEntries = 10000000;
};

// System n's address, in 127.20.0.0/14: its hellos come from there too.
quint32 systemAddress(int n)
{
    return (127u << 24) | ((20u << 16) + quint32(n));
}

// A fleet as the engines leave it: 80% Provisioned, 8% Awaiting authorization, 5% Failed (an
// unknown PID), 4% Hello window expired, 2% Awaiting hello, 1% Unprovisioned; one last hello
// each over the last 30 days. System n's PID is P followed by n in 7 digits.
QString systemsGeneratorSql(int systems, qint64 t0)
{
    const QString provisioned = QStringLiteral("(i % 100 < 80)");
    const QString failed = QStringLiteral("(i % 100 BETWEEN 88 AND 92)");
    const QString lastHello = QStringLiteral("(%1 + CAST(i AS BIGINT) * 2592000000 / %2)").arg(t0).arg(systems);
    const QString pid = QStringLiteral("printf('P%07d', i)");
    QStringList columns{
            Oobm::Bench::uuidSql(true, QStringLiteral("i")),
            QStringLiteral("CASE WHEN %1 THEN 'amt-' || i || '.example.test' ELSE '' END").arg(provisioned),
            QStringLiteral("'127.' || (20 + i / 65536) || '.' || (i / 256 % 256) || '.' || (i % 256)"),
            QStringLiteral("CASE WHEN %1 THEN CASE i % 4 WHEN 0 THEN '3.0.4' WHEN 1 THEN '2.6.2' WHEN 2 THEN "
                           "'2.5.3' ELSE '2.2.10' END ELSE '' END")
                    .arg(provisioned),
            QStringLiteral("CASE WHEN i % 100 < 80 THEN 3 WHEN i % 100 < 88 THEN 1 WHEN i % 100 < 93 THEN 4 "
                           "WHEN i % 100 < 97 THEN 5 WHEN i % 100 < 99 THEN 0 ELSE 6 END"),
            QStringLiteral("CASE WHEN %1 THEN 'failed to find PID ' || substr(%2, 1, 4) || '-' || substr(%2, 5, "
                           "4) ELSE '' END")
                    .arg(failed, pid),
            pid,
            QStringLiteral("2"),
            QStringLiteral("1 + i % 15"),
            QStringLiteral("i % 15"),
            QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(provisioned),
            lastHello + QStringLiteral(" - 86400000"),
            lastHello,
            QStringLiteral("CASE WHEN %1 THEN 'CommitChanges' WHEN %2 THEN 'GetCoreVersion' ELSE '' END")
                    .arg(provisioned, failed),
            QStringLiteral("CASE WHEN %1 OR %2 THEN %3 + 2000 END").arg(provisioned, failed, lastHello),
            QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(provisioned),
            QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(provisioned),
            QStringLiteral("CASE WHEN %1 THEN 'admin' ELSE '' END").arg(provisioned),
            QStringLiteral("CASE WHEN %1 THEN %2 + 2000 END").arg(provisioned, lastHello),
    };
    return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                          "INSERT INTO amt_systems (uuid, fqdn, address, amt_version, state, reason, pid, "
                          "hello_version, hello_count, last_retry, admin_set, first_seen_ms, last_hello_ms, "
                          "last_action, last_action_ms, authorized, attempts, admin_user, provisioned_ms) SELECT ")
                   .arg(systems - 1)
            + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM n");
}

// The schema version a new store gets: part of the cache's name, so that a cached store never
// needs migrating when the console opens it.
QString schemaVersion(QString *error)
{
    QTemporaryDir dir;
    const StoreLocation probe = StoreLocation::sqlite(dir.filePath(QStringLiteral("probe.db")));
    {
        SqlStore store(probe);
        if (const StoreError e = store.openAndWait()) {
            *error = e.message;
            return {};
        }
    }
    return queryValue(probe, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"), error).toString();
}

// Makes the store at `path` (through a temporary name): the project's schema by a SqlStore, then
// the rows by SQL, the log in transactions of LogChunk entries. Returns false and *error.
bool generate(const Sizes &sizes, const QString &path, QString *error)
{
    const QString partial = path + QStringLiteral(".partial");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(partial + QLatin1String(suffix));
    const StoreLocation location = StoreLocation::sqlite(partial);
    {
        SqlStore store(location);
        if (const StoreError e = store.openAndWait()) {
            *error = e.message;
            return false;
        }
    }
    const qint64 t0 = QDateTime::currentDateTimeUtc().addDays(-30).toMSecsSinceEpoch();
    // The file is renamed into place only once it is complete: nothing needs to survive a crash.
    const QStringList pragmas{QStringLiteral("PRAGMA synchronous = OFF"),
                              QStringLiteral("PRAGMA cache_size = -524288")};
    if (!execOn(location, pragmas + QStringList{systemsGeneratorSql(sizes.systems, t0)}, error))
        return false;
    // The log's indexes and full-text triggers, as the schema made them, are set aside while the
    // entries go in and made again after, the full-text index rebuilt once: the same store, without
    // index and trigger work row by row (which slowed down with every million: 110 s for the first
    // million, 157 s for the second, on the 2-core benchmark machine).
    const auto logObjects = [&](const QString &what) {
        return queryValue(location,
                          QStringLiteral("SELECT group_concat(%1, char(30)) FROM sqlite_master WHERE tbl_name = "
                                         "'log' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
                                  .arg(what),
                          error)
                .toString()
                .split(QChar(30), Qt::SkipEmptyParts);
    };
    const QStringList restore = logObjects(QStringLiteral("sql"));
    const QStringList drop = logObjects(QStringLiteral("'DROP ' || upper(type) || ' ' || name"));
    const bool fullText = queryValue(location,
                                     QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'log_fts'"), error)
                                  .toInt()
            > 0;
    if (!execOn(location, drop, error))
        return false;
    QElapsedTimer t;
    t.start();
    for (qint64 first = 1; first <= sizes.logEntries; first += LogChunk) {
        const qint64 last = std::min(sizes.logEntries, first + LogChunk - 1);
        if (!execOn(location,
                    pragmas
                            + QStringList{Oobm::Bench::logGeneratorSql(true, t0, sizes.logEntries, sizes.systems, first,
                                                                       last)},
                    error))
            return false;
        progress(QStringLiteral("generated %1 of %2 log entries (%3 s)")
                         .arg(last)
                         .arg(sizes.logEntries)
                         .arg(t.elapsed() / 1000));
    }
    QStringList rebuild = pragmas + restore;
    if (fullText)
        rebuild << QStringLiteral("INSERT INTO log_fts (log_fts) VALUES ('rebuild')");
    if (!execOn(location, rebuild, error))
        return false;
    progress(QStringLiteral("indexed the log (%1 s)").arg(t.elapsed() / 1000));
    // What Maintenance > Vacuum and Analyze leaves the planner with; one file, no WAL.
    if (!execOn(location, {QStringLiteral("ANALYZE"), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}, error))
        return false;
    QFile::remove(partial + QStringLiteral("-wal"));
    QFile::remove(partial + QStringLiteral("-shm"));
    if (!QFile::rename(partial, path)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(partial, path);
        return false;
    }
    return true;
}

// What the console's hook printed, and how the run went.
struct ConsoleRun
{
    double firstPaintMs = -1;
    double peakRssMb = 0;
    double latencyP50 = -1;
    double latencyP99 = -1;
    double latencyMax = -1;
    int samples = 0;
    int viewUpdates = 0; // how often the table's model changed during the latency run
    QString error;
};

// Starts the console on the store, shows `page`, waits for its report and its exit. With
// latencySeconds, onFirstPaint(port of the embedded engine) runs once the table has painted, and
// onLatency once the console reported the latency (it quits next).
ConsoleRun runConsole(const QString &store, const QString &workDir, const QString &page, int latencySeconds,
                      const std::function<void(quint16)> &onFirstPaint = {},
                      const std::function<void()> &onLatency = {})
{
    ConsoleRun run;
    const quint16 port = Oobm::Bench::freePort();
    QTemporaryDir settings(workDir + QStringLiteral("/settings-XXXXXX"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), settings.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), settings.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), settings.path()); // mode 0700
    env.remove(QStringLiteral("OOBM_DATABASE"));
    env.remove(QStringLiteral("OOBM_KEY_FILE"));
    env.insert(QStringLiteral("OOBM_BENCH_LATENCY_S"), QString::number(latencySeconds));
    QProcess console;
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList arguments{QStringLiteral("--database"), store,
                                QStringLiteral("--page"),     page,
                                QStringLiteral("--settings"), settings.filePath(QStringLiteral("oobm.conf")),
                                QStringLiteral("--key-file"), workDir + QStringLiteral("/oobm.key"),
                                QStringLiteral("--listen"),   QStringLiteral("127.0.0.1:%1").arg(port)};
    env.insert(QStringLiteral("OOBM_BENCH_START_NS"), QString::number(nowNs()));
    console.setProcessEnvironment(env);
    console.start(QStringLiteral(OOBM_PATH), arguments);
    QByteArray pending;
    QElapsedTimer t;
    t.start();
    while (console.state() != QProcess::NotRunning || console.bytesAvailable() > 0) {
        if (t.elapsed() > 600000) {
            run.error = QStringLiteral("no report within 10 minutes");
            console.kill();
            console.waitForFinished();
            break;
        }
        console.waitForReadyRead(100);
        pending += console.readAllStandardOutput();
        for (int eol = pending.indexOf('\n'); eol >= 0; eol = pending.indexOf('\n')) {
            const QList<QByteArray> f = pending.left(eol).split(' ');
            pending.remove(0, eol + 1);
            if (f.value(0) == "first-paint-ms:") {
                run.firstPaintMs = f.value(1).toDouble();
                if (latencySeconds > 0 && onFirstPaint)
                    onFirstPaint(port);
            } else if (f.value(0) == "latency-ms:") {
                run.latencyP50 = f.value(1).toDouble();
                run.latencyP99 = f.value(2).toDouble();
                run.latencyMax = f.value(3).toDouble();
                run.samples = f.value(4).toInt();
                if (onLatency)
                    onLatency();
            } else if (f.value(0) == "view-updates:") {
                run.viewUpdates = f.value(1).toInt();
            } else if (f.value(0) == "peak-rss-kb:") {
                run.peakRssMb = f.value(1).toDouble() / 1024.0;
            }
        }
    }
    if (run.error.isEmpty() && run.firstPaintMs < 0)
        run.error = QStringLiteral("the console exited (code %1) without a first paint").arg(console.exitCode());
    return run;
}

enum class Sent { Ok, Refused, Failed };

// One hello as a device sends it: from its own address, then the connection closes.
Sent sendHello(quint32 source, quint16 port, const QByteArray &bytes)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    from.sin_addr.s_addr = htonl(source);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    Sent result = Sent::Failed;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&from), sizeof from) == 0) {
        if (::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) == 0)
            result = ::send(fd, bytes.constData(), std::size_t(bytes.size()), MSG_NOSIGNAL) == bytes.size()
                    ? Sent::Ok
                    : Sent::Failed;
        else if (errno == ECONNREFUSED)
            result = Sent::Refused;
    }
    ::close(fd);
    return result;
}

// Hellos at `rate` per second for `seconds` from the store's systems in a scattered order
// (PSK, their stored PIDs, which the key ledger does not know: each is recorded, and fails).
class HelloLoad
{
public:
    HelloLoad(int systems, int rate, int seconds)
        : m_systems(systems)
        , m_rate(rate)
        , m_seconds(seconds)
    { }
    ~HelloLoad() { join(); }
    HelloLoad(const HelloLoad &) = delete;
    HelloLoad &operator=(const HelloLoad &) = delete;

    void start(quint16 port)
    {
        m_thread = std::thread([this, port] { run(port); });
    }
    // Sends no more hellos (the console is about to quit).
    void stop() { m_stop = true; }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    int sent() const { return m_sent.load(); }
    int failed() const { return m_failed.load(); }
    double waitedForEngineMs() const { return m_waitedMs; }
    double seconds() const { return m_elapsedS; }

private:
    void run(quint16 port)
    {
        const auto hello = [this](qint64 k) {
            const int n = int(k * 7919 % m_systems);
            HelloPacket h;
            h.uuid = QUuid(Oobm::Bench::uuidOf(n));
            h.pid = QString::asprintf("P%07d", n).toLatin1();
            h.retryCount = quint32(k % 15);
            return std::make_pair(systemAddress(n), h.encode());
        };
        // The engine may still be starting: the first hello waits until it listens.
        QElapsedTimer waited;
        waited.start();
        auto [source, bytes] = hello(0);
        Sent first = Sent::Refused;
        while ((first = sendHello(source, port, bytes)) == Sent::Refused && waited.elapsed() < 30000)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        m_waitedMs = waited.nsecsElapsed() / 1e6;
        (first == Sent::Ok ? m_sent : m_failed)++;
        const auto start = std::chrono::steady_clock::now();
        const auto step = std::chrono::nanoseconds(1000000000 / m_rate);
        const qint64 total = qint64(m_rate) * m_seconds;
        for (qint64 k = 1; k < total && !m_stop.load(); ++k) {
            std::this_thread::sleep_until(start + k * step);
            const auto [from, packet] = hello(k);
            (sendHello(from, port, packet) == Sent::Ok ? m_sent : m_failed)++;
        }
        m_elapsedS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }

    int m_systems;
    int m_rate;
    int m_seconds;
    std::thread m_thread;
    std::atomic<int> m_sent{0};
    std::atomic<int> m_failed{0};
    std::atomic<bool> m_stop{false};
    double m_waitedMs = 0;
    double m_elapsedS = 0;
};

QString withSeparators(double value)
{
    return QLocale(QLocale::English).toString(qint64(value + 0.5));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Sizes sizes;
    sizes.systems = envInt("OOBM_BENCH_CONSOLE_SYSTEMS", sizes.systems);
    sizes.logEntries = envInt("OOBM_BENCH_CONSOLE_LOG_ENTRIES", int(sizes.logEntries));
    const int runs = envInt("OOBM_BENCH_CONSOLE_RUNS", 3);
    const int seconds = envInt("OOBM_BENCH_CONSOLE_SECONDS", 10);
    const int rate = envInt("OOBM_BENCH_CONSOLE_RATE", 1000);

    // 1. The store, from the cache under the build folder, or generated there.
    QString error;
    const QString version = schemaVersion(&error);
    if (version.isEmpty()) {
        std::fprintf(stderr, "cannot make a store: %s\n", qPrintable(error));
        return 1;
    }
    const QString cacheDir =
            QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../bench-cache")).absolutePath();
    QDir().mkpath(cacheDir);
    const QString cached = QStringLiteral("%1/console-%2-systems-%3-log-schema%4-v%5.db")
                                   .arg(cacheDir)
                                   .arg(sizes.systems)
                                   .arg(sizes.logEntries)
                                   .arg(version)
                                   .arg(GeneratorVersion);
    QFile generationTime(cached + QStringLiteral(".generation-ms"));
    double generateMs = 0;
    if (QFile::exists(cached) && generationTime.open(QIODevice::ReadOnly)) {
        generateMs = generationTime.readAll().trimmed().toDouble();
        progress(QStringLiteral("store: %1 (cached; generated in %2 s)").arg(cached).arg(generateMs / 1000, 0, 'f', 1));
    } else {
        progress(QStringLiteral("store: generating %1").arg(cached));
        QElapsedTimer t;
        t.start();
        if (!generate(sizes, cached, &error)) {
            std::fprintf(stderr, "generating the store failed: %s\n", qPrintable(error));
            return 1;
        }
        generateMs = t.nsecsElapsed() / 1e6;
        if (generationTime.open(QIODevice::WriteOnly))
            generationTime.write(QByteArray::number(generateMs, 'f', 0) + '\n');
        generationTime.close();
    }
    metric(QStringLiteral("systems"), sizes.systems, "systems");
    metric(QStringLiteral("log_entries"), double(sizes.logEntries), "entries");
    metric(QStringLiteral("store_generation"), generateMs / 1000, "s");
    metric(QStringLiteral("store_size"), QFileInfo(cached).size() / 1048576.0, "MiB");

    // 2. A copy to run on: the console and its engine write to the store.
    QTemporaryDir work(cacheDir + QStringLiteral("/run-XXXXXX"));
    const QString store = work.filePath(QStringLiteral("oobm.db"));
    QElapsedTimer copy;
    copy.start();
    if (!QFile::copy(cached, store)) {
        std::fprintf(stderr, "cannot copy %s to %s\n", qPrintable(cached), qPrintable(store));
        return 1;
    }
    progress(QStringLiteral("copied the store in %1 s").arg(copy.elapsed() / 1000.0, 0, 'f', 1));

    // 3. Cold starts.
    struct PageFigures
    {
        QString name;
        double firstPaintMs = 0;
        double peakRssMb = 0;
    };
    QList<PageFigures> pages;
    for (const auto &[page, name] : {std::pair{SystemsPage, "systems"}, std::pair{LogPage, "log"}}) {
        QList<double> paints, rss;
        for (int i = 0; i < runs; ++i) {
            const ConsoleRun r = runConsole(store, work.path(), QLatin1String(page), 0);
            if (!r.error.isEmpty()) {
                std::fprintf(stderr, "%s: %s\n", page, qPrintable(r.error));
                return 1;
            }
            progress(QStringLiteral("%1: first paint %2 ms, peak RSS %3 MB")
                             .arg(QLatin1String(page))
                             .arg(r.firstPaintMs)
                             .arg(r.peakRssMb, 0, 'f', 1));
            paints << r.firstPaintMs;
            rss << r.peakRssMb;
        }
        pages.append({QLatin1String(name), median(paints), median(rss)});
        metric(QStringLiteral("%1_cold_start_to_first_paint").arg(QLatin1String(name)), median(paints), "ms");
        metric(QStringLiteral("%1_peak_rss_at_first_paint").arg(QLatin1String(name)), median(rss), "MB");
    }

    // 4. Event-loop latency on Intel AMT Systems: idle, then under hellos.
    const ConsoleRun idle = runConsole(store, work.path(), QLatin1String(SystemsPage), seconds);
    if (!idle.error.isEmpty() || idle.samples == 0) {
        std::fprintf(stderr, "idle latency: %s\n", qPrintable(idle.error));
        return 1;
    }
    metric(QStringLiteral("idle_latency_p50"), idle.latencyP50, "ms");
    metric(QStringLiteral("idle_latency_p99"), idle.latencyP99, "ms");
    metric(QStringLiteral("idle_latency_max"), idle.latencyMax, "ms");
    metric(QStringLiteral("idle_view_updates"), idle.viewUpdates, "updates of the table");
    metric(QStringLiteral("idle_peak_rss"), idle.peakRssMb, "MB");

    const qint64 hellosBefore = queryValue(StoreLocation::sqlite(store), QStringLiteral("SELECT COUNT(*) FROM hellos"),
                                           &error)
                                        .toLongLong();
    HelloLoad load(sizes.systems, rate, seconds);
    const ConsoleRun busy = runConsole(
            store, work.path(), QLatin1String(SystemsPage), seconds, [&load](quint16 port) { load.start(port); },
            [&load] { load.stop(); });
    load.join();
    if (!busy.error.isEmpty() || busy.samples == 0) {
        std::fprintf(stderr, "latency under hellos: %s\n", qPrintable(busy.error));
        return 1;
    }
    const qint64 recorded =
            queryValue(StoreLocation::sqlite(store), QStringLiteral("SELECT COUNT(*) FROM hellos"), &error).toLongLong()
            - hellosBefore;
    metric(QStringLiteral("hellos_sent"), load.sent(), "hellos");
    metric(QStringLiteral("hellos_failed"), load.failed(), "hellos");
    metric(QStringLiteral("hellos_rate"), load.sent() / std::max(load.seconds(), 0.001), "hellos/s");
    metric(QStringLiteral("hellos_recorded"), double(recorded), "hellos (when the console exited)");
    metric(QStringLiteral("engine_wait_after_first_paint"), load.waitedForEngineMs(), "ms");
    metric(QStringLiteral("hellos_latency_p50"), busy.latencyP50, "ms");
    metric(QStringLiteral("hellos_latency_p99"), busy.latencyP99, "ms");
    metric(QStringLiteral("hellos_latency_max"), busy.latencyMax, "ms");
    metric(QStringLiteral("hellos_view_updates"), busy.viewUpdates, "updates of the table");
    metric(QStringLiteral("hellos_peak_rss"), busy.peakRssMb, "MB");

    // 5. The table.
    const auto ms = [](double v) -> QString { return withSeparators(v) + QStringLiteral(" ms"); };
    const auto mb = [](double v) -> QString { return QString::number(v, 'f', 0) + QStringLiteral(" MB"); };
    const auto latency = [](const ConsoleRun &r) -> QString {
        return QStringLiteral("%1 / %2 / %3 ms (%4 samples; the table changed %5 times)")
                .arg(r.latencyP50, 0, 'f', 1)
                .arg(r.latencyP99, 0, 'f', 1)
                .arg(r.latencyMax, 0, 'f', 1)
                .arg(r.samples)
                .arg(r.viewUpdates);
    };
    std::printf("\n| metric | figure | goal |\n| --- | --- | --- |\n");
    const auto row = [](const QString &what, const QString &figure, const char *goal) {
        std::printf("| %s | %s | %s |\n", qPrintable(what), qPrintable(figure), goal);
    };
    row(QStringLiteral("store: %1 systems, %2 log entries (SQLite), generated in")
                .arg(withSeparators(sizes.systems), withSeparators(double(sizes.logEntries))),
        QStringLiteral("%1 s, %2 MiB")
                .arg(generateMs / 1000, 0, 'f', 0)
                .arg(withSeparators(QFileInfo(cached).size() / 1048576.0)),
        "");
    row(QStringLiteral("cold start to first paint, Intel AMT Systems (median of %1)").arg(runs),
        ms(pages.at(0).firstPaintMs), "under 300 ms");
    row(QStringLiteral("cold start to first paint, Log (median of %1)").arg(runs), ms(pages.at(1).firstPaintMs),
        "under 300 ms");
    row(QStringLiteral("peak RSS at first paint, Intel AMT Systems / Log"),
        mb(pages.at(0).peakRssMb) + QStringLiteral(" / ") + mb(pages.at(1).peakRssMb), "under 150 MB");
    row(QStringLiteral("event-loop latency on Intel AMT Systems, idle, %1 s (p50 / p99 / max)").arg(seconds),
        latency(idle), "");
    row(QStringLiteral("event-loop latency on Intel AMT Systems, %1 hellos/s for %2 s (p50 / p99 / max)")
                .arg(withSeparators(rate))
                .arg(seconds),
        latency(busy), "p99 under 50 ms");
    row(QStringLiteral("hellos sent / recorded by the engine (achieved rate)"),
        QStringLiteral("%1 / %2 (%3/s)")
                .arg(withSeparators(load.sent()), withSeparators(double(recorded)),
                     withSeparators(load.sent() / std::max(load.seconds(), 0.001))),
        "");
    row(QStringLiteral("peak RSS, idle / under hellos"),
        mb(idle.peakRssMb) + QStringLiteral(" / ") + mb(busy.peakRssMb), "under 150 MB");
    std::fflush(stdout);
    return 0;
}
