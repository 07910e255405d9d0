// SPDX-License-Identifier: GPL-2.0-or-later
// The Log page at scale: 1,000,000 entries (generated in the database by the SQL below), on
// SQLite and on PostgreSQL (OOBM_BENCH_PGSQL_DSN). Times the page as a user sees it (from the
// action to the first rows painted, offscreen): opening it, a text filter (rare, 2% and 30% of
// the entries), a severity filter, jumping to the oldest entry; then the bare query of each in
// the database's own shell (sqlite3, psql; best of 3) and the ratio; peak RSS. Prints figures,
// asserts nothing.
#include "core/settings/localsettings.h"
#include "core/store/sqlstore.h"
#include "ui/models/logmodel.h"
#include "ui/widgets/logfilterbar.h"
#include "ui/widgets/logviewwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Oobm::Core;
using Oobm::Gui::LogModel;
using Oobm::Gui::LogViewWidget;

namespace {

constexpr int Rows = 1000000;
constexpr int Runs = 3;

void metric(const QString &backend, const QString &name, double value, const char *unit)
{
    std::printf("%s_%s: %.2f %s\n", qPrintable(backend), qPrintable(name), value, unit);
    std::fflush(stdout);
}

// The generator: Rows entries over the last 30 days, as a busy provisioning server writes them.
// Severity: 2% Error, 8% Warning, ~54% Information, ~36% Debug (the trace); 10,000 systems.
QString generatorSql(bool sqlite, qint64 t0)
{
    const QString uuid = sqlite
            ? QStringLiteral("printf('%08X-D413-181D-E487-%012X', i % 10000, i % 10000)")
            : QStringLiteral("lpad(upper(to_hex(i % 10000)), 8, '0') || '-D413-181D-E487-' || "
                             "lpad(upper(to_hex(i % 10000)), 12, '0')");
    const QString ip = QStringLiteral("'10.' || (i / 250 % 250) || '.' || (i % 250)");
    const QString select =
            QStringLiteral(
                    "SELECT %1 + CAST(i AS BIGINT) * 2592, "
                    "CASE WHEN i %% 50 = 0 THEN 1 WHEN i %% 50 < 5 THEN 2 WHEN i %% 10 < 6 "
                    "THEN 3 ELSE 4 END, "
                    "CASE WHEN i %% 50 >= 5 AND i %% 10 >= 6 THEN 'trace' WHEN i %% 20 = 0 THEN "
                    "'console' WHEN i %% 20 = 1 THEN 'oobmctl' ELSE 'engine' END, "
                    "CASE WHEN i %% 10 = 9 THEN NULL ELSE %2 END, "
                    "CASE WHEN i %% 50 = 0 THEN 'Provisioning failed for ' || %2 || ': "
                    "PT_STATUS_AUTH_FAILURE (0x0800)' "
                    "WHEN i %% 50 < 5 THEN 'Hello window expired for ' || %2 || ' after ' || (i "
                    "%% 7 + 1) || ' retries' "
                    "WHEN i %% 10 < 6 THEN CASE i %% 3 WHEN 0 THEN 'Incoming connection from ' || "
                    "%3 WHEN 1 THEN 'Hello packet from ' || %2 || ', version 2' ELSE "
                    "'Provisioned amt-' || (i %% 10000) || '.example.test with profile Default' "
                    "END "
                    "ELSE 'SOAP GetCoreVersion to ' || %3 || ': status 200 in ' || (i %% 97) || "
                    "' ms' END, "
                    "'engine oobm-' || (i %% 3) || ', attempt ' || (i %% 5 + 1)")
                    .arg(t0)
                    .arg(uuid, ip)
                    .replace(QStringLiteral("%%"), QStringLiteral("%"));
    const QString insert = QStringLiteral(
            "INSERT INTO log (time_ms, severity, source, device_uuid, message, details) ");
    if (sqlite)
        return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < %1) ")
                       .arg(Rows)
                + insert + select + QStringLiteral(" FROM n");
    return insert + select + QStringLiteral(" FROM generate_series(1, %1) AS n(i)").arg(Rows);
}

bool execOn(const StoreLocation &location, const QStringList &statements, QString *error)
{
    const QString name = QStringLiteral("bench-logs-%1").arg(quintptr(&location));
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(location.driver(), name);
        if (location.kind() == StoreLocation::Kind::SQLite) {
            db.setDatabaseName(location.path());
        } else {
            db.setHostName(location.host());
            db.setPort(location.port());
            db.setUserName(location.user());
            db.setDatabaseName(location.database());
            db.setPassword(qEnvironmentVariable("PGPASSWORD"));
        }
        if (!db.open()) {
            *error = db.lastError().text();
            ok = false;
        }
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (ok && !q.exec(sql)) {
                *error = q.lastError().text() + QStringLiteral(" in ") + sql.left(80);
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// Waits until every job queued on the store so far has run (its thread is one queue).
void settle(Store &store)
{
    auto f = store.serviceSettings();
    while (!f.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QCoreApplication::processEvents();
}

// Paints of the table once it shows rows (or the empty state) after `armed` is set.
class PaintWatch final : public QObject
{
public:
    explicit PaintWatch(LogViewWidget *w)
        : m_w(w)
    {
        w->view()->viewport()->installEventFilter(this);
    }
    void arm(std::function<bool()> ready)
    {
        m_ready = std::move(ready);
        m_painted = false;
    }
    bool painted() const { return m_painted; }
    bool eventFilter(QObject *o, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && m_ready && !m_painted && m_ready())
            m_painted = true;
        return QObject::eventFilter(o, e);
    }

private:
    LogViewWidget *m_w;
    std::function<bool()> m_ready;
    bool m_painted = false;
};

double waitPainted(PaintWatch &watch, const QElapsedTimer &t)
{
    while (!watch.painted() && t.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    return t.nsecsElapsed() / 1e6;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

// Best of `Runs` of the same statement in the database's own shell, in ms.
double bareQueryMs(const StoreLocation &location, const QString &sql)
{
    QProcess p;
    QString script;
    QRegularExpression timing;
    double scale = 1;
    if (location.kind() == StoreLocation::Kind::SQLite) {
        script = QStringLiteral(".output /dev/null\n.timer on\n");
        for (int i = 0; i < Runs; ++i)
            script += sql + QStringLiteral(";\n");
        p.start(QStringLiteral("sqlite3"), { location.path() });
        // "real" has millisecond resolution; user + sys has microseconds (and, on a warm cache,
        // is the query's time): the larger of the two.
        timing.setPattern(QStringLiteral("Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)"));
        scale = 1000;
    } else {
        script = QStringLiteral("\\o /dev/null\n\\timing on\n");
        for (int i = 0; i < Runs; ++i)
            script += sql + QStringLiteral(";\n");
        p.start(QStringLiteral("psql"), { QStringLiteral("-X"), QStringLiteral("-q"), location.toUrl() });
        timing.setPattern(QStringLiteral("Time: ([0-9.]+) ms"));
    }
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(120000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    double best = -1;
    for (auto it = timing.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        double ms = m.captured(1).toDouble() * scale;
        if (m.lastCapturedIndex() >= 3)
            ms = std::max(ms, (m.captured(2).toDouble() + m.captured(3).toDouble()) * scale);
        best = best < 0 ? ms : std::min(best, ms);
    }
    if (best < 0)
        std::fprintf(stderr, "no timing from the shell: %s\n", qPrintable(out.left(400)));
    return best;
}

struct Scenario
{
    QString name;
    std::function<void(LogViewWidget &)> apply;
    std::function<void(LogViewWidget &)> reset; // back to the unfiltered view between runs
    QString sqliteSql;
    QString postgresqlSql;
};

bool run(const QString &backend, const StoreLocation &location)
{
    QElapsedTimer total;
    total.start();
    {
        SqlStore store(location);
        if (const StoreError e = store.openAndWait()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(backend), qPrintable(e.message));
            return false;
        }
    }
    const bool sqlite = location.kind() == StoreLocation::Kind::SQLite;
    QString error;
    QElapsedTimer gen;
    gen.start();
    const qint64 t0 = QDateTime::currentDateTimeUtc().addDays(-30).toMSecsSinceEpoch();
    if (!execOn(location, { generatorSql(sqlite, t0) }, &error)) {
        std::fprintf(stderr, "%s: generating failed: %s\n", qPrintable(backend), qPrintable(error));
        return false;
    }
    metric(backend, QStringLiteral("generate_1M_entries"), gen.nsecsElapsed() / 1e6, "ms");
    // What Maintenance > Vacuum and Analyze (PostgreSQL: autovacuum) leaves the planner with.
    execOn(location,
           { sqlite ? QStringLiteral("ANALYZE") : QStringLiteral("VACUUM (ANALYZE) log") }, &error);

    SqlStore store(location);
    if (store.openAndWait())
        return false;
    QTemporaryDir dir;
    LocalSettings settings(dir.filePath(QStringLiteral("ui.ini")));

    const QString cols = QStringLiteral("log.id, log.time_ms, log.severity, log.source, "
                                        "log.device_uuid, log.message, log.details");
    const auto page = [&](const QString &from, const QString &where, const QString &order) {
        return QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT %5")
                .arg(cols, from, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where,
                     order)
                .arg(LogModel::PageSize);
    };
    const auto textSql = [&](const QString &text, bool sqliteDialect) {
        return sqliteDialect
                ? page(QStringLiteral("log_fts CROSS JOIN log ON log.id = log_fts.rowid"),
                       QStringLiteral("log_fts MATCH '\"%1\"'").arg(text),
                       QStringLiteral("log_fts.rowid DESC"))
                : page(QStringLiteral("log"),
                       QStringLiteral("(log.message ILIKE '%%1%' ESCAPE '\\' OR log.details ILIKE "
                                      "'%%1%' ESCAPE '\\')")
                               .arg(text),
                       QStringLiteral("log.id DESC"));
    };
    const auto clearAll = [](LogViewWidget &w) {
        w.filterBar()->setText({});
        w.filterBar()->setCategories({});
    };
    QList<Scenario> scenarios{
        { QStringLiteral("text_filter_rare"),
          [](LogViewWidget &w) { w.filterBar()->setText(QStringLiteral("amt-4242.example")); },
          clearAll, textSql(QStringLiteral("amt-4242.example"), true),
          textSql(QStringLiteral("amt-4242.example"), false) },
        { QStringLiteral("text_filter_2pct"),
          [](LogViewWidget &w) { w.filterBar()->setText(QStringLiteral("PT_STATUS_AUTH")); },
          clearAll, textSql(QStringLiteral("PT_STATUS_AUTH"), true),
          textSql(QStringLiteral("PT_STATUS_AUTH"), false) },
        { QStringLiteral("text_filter_36pct"),
          [](LogViewWidget &w) { w.filterBar()->setText(QStringLiteral("status 200")); },
          clearAll, textSql(QStringLiteral("status 200"), true),
          textSql(QStringLiteral("status 200"), false) },
        { QStringLiteral("severity_filter_errors"),
          [](LogViewWidget &w) { w.filterBar()->setCategories({ int(Severity::Error) }); }, clearAll,
          page(QStringLiteral("log"), QStringLiteral("log.severity IN (1)"),
               QStringLiteral("log.id DESC")),
          page(QStringLiteral("log"), QStringLiteral("log.severity IN (1)"),
               QStringLiteral("log.id DESC")) },
        { QStringLiteral("severity_filter_warnings_errors"),
          [](LogViewWidget &w) {
              w.filterBar()->setCategories({ int(Severity::Error), int(Severity::Warning) });
          },
          clearAll,
          page(QStringLiteral("log"), QStringLiteral("log.severity IN (1,2)"),
               QStringLiteral("log.id DESC")),
          page(QStringLiteral("log"), QStringLiteral("log.severity IN (1,2)"),
               QStringLiteral("log.id DESC")) },
        { QStringLiteral("scroll_to_oldest"), [](LogViewWidget &w) { w.showOldest(); },
          [](LogViewWidget &w) { w.newEntriesButton()->click(); },
          page(QStringLiteral("log"), {}, QStringLiteral("log.id ASC")),
          page(QStringLiteral("log"), {}, QStringLiteral("log.id ASC")) },
    };

    // Opening the page: construct, show, first rows painted.
    QList<double> openMs;
    double open = 0;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        LogViewWidget w(&store, &settings);
        PaintWatch watch(&w);
        watch.arm([&w] { return w.model()->rowCount() > 0; });
        w.resize(1100, 700);
        w.show();
        openMs << waitPainted(watch, t);
        settle(store);
    }
    open = median(openMs);
    metric(backend, QStringLiteral("ui_open_log_page"), open, "ms");
    const double bareOpen = bareQueryMs(location, page(QStringLiteral("log"), {}, QStringLiteral("log.id DESC")));
    metric(backend, QStringLiteral("bare_open_log_page"), bareOpen, "ms");

    LogViewWidget w(&store, &settings);
    PaintWatch watch(&w);
    w.resize(1100, 700);
    w.show();
    watch.arm([&w] { return w.model()->rowCount() > 0; });
    QElapsedTimer first;
    first.start();
    waitPainted(watch, first);
    settle(store);
    for (const Scenario &s : scenarios) {
        QList<double> ms;
        QList<double> countsMs;
        for (int i = 0; i < Runs; ++i) {
            QElapsedTimer t;
            t.start();
            watch.arm([&w] {
                return !w.model()->isLoading()
                        && (w.model()->rowCount() > 0 || w.model()->isAtEnd());
            });
            s.apply(w);
            ms << waitPainted(watch, t);
            settle(store); // the counts per severity, queued after the rows
            countsMs << t.nsecsElapsed() / 1e6;
            watch.arm([&w] { return w.model()->rowCount() > 0; });
            s.reset(w);
            QElapsedTimer r;
            r.start();
            waitPainted(watch, r);
            settle(store);
        }
        const double ui = median(ms);
        const double bare = bareQueryMs(location, sqlite ? s.sqliteSql : s.postgresqlSql);
        metric(backend, QStringLiteral("ui_") + s.name, ui, "ms");
        metric(backend, QStringLiteral("ui_") + s.name + QStringLiteral("_with_counts"),
               median(countsMs), "ms");
        metric(backend, QStringLiteral("bare_") + s.name, bare, "ms");
        if (bare > 0)
            metric(backend, QStringLiteral("ratio_") + s.name, ui / bare, "x");
    }
    if (bareOpen > 0)
        metric(backend, QStringLiteral("ratio_open_log_page"), open / bareOpen, "x");
    metric(backend, QStringLiteral("peak_rss"), peakRssMb(), "MB");
    const StoreResult<StoreStats> stats = store.storeStats().result();
    metric(backend, QStringLiteral("store_size"), stats.value.bytes / 1048576.0, "MiB");
    metric(backend, QStringLiteral("total_time"), total.nsecsElapsed() / 1e6, "ms");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString only = qEnvironmentVariable("OOBM_BENCH_LOGS_BACKEND"); // sqlite|postgresql
    bool ok = true;
    QTemporaryDir dir;
    if (only.isEmpty() || only == u"sqlite")
        ok = run(QStringLiteral("sqlite"),
                 StoreLocation::sqlite(dir.filePath(QStringLiteral("bench.db"))))
                && ok;
    const QString dsn = qEnvironmentVariable("OOBM_BENCH_PGSQL_DSN");
    if (!dsn.isEmpty() && (only.isEmpty() || only == u"postgresql")) {
        QString error;
        const StoreLocation server = StoreLocation::parse(dsn, &error);
        const QString name = QStringLiteral("oobm_bench_logs_%1").arg(QCoreApplication::applicationPid());
        if (!server.isValid() || !execOn(server, { QStringLiteral("CREATE DATABASE %1").arg(name) }, &error)) {
            std::fprintf(stderr, "postgresql: %s\n", qPrintable(error));
            return 1;
        }
        const StoreLocation pg =
                StoreLocation::postgresql(server.host(), server.port(), server.user(), name);
        ok = run(QStringLiteral("postgresql"), pg) && ok;
        execOn(server, { QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name) }, &error);
    }
    return ok ? 0 : 1;
}
