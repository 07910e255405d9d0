// SPDX-License-Identifier: GPL-2.0-or-later
// The Logs pages at scale, on SQLite and on PostgreSQL (OOBM_BENCH_PGSQL_DSN): the Log over
// 1,000,000 entries, then the Actions Status over 1,000,000 steps (its figures start with
// "actions_"), each generated in a database of its own by the SQL below. Times the page as a user
// sees it (from the action to the first rows painted, offscreen): opening it, text filters (rare
// and common), a category filter (severity; result), one system (Actions Status), jumping to the
// oldest entry; then the bare query of each in the database's own shell (sqlite3, psql; best of
// 3) and the ratio; peak RSS. Prints figures, asserts nothing.
// OOBM_BENCH_LOGS_BACKEND=sqlite|postgresql and OOBM_BENCH_LOGS_PAGE=log|actions run one only.
#include "bench/benchsupport.h"

#include "core/logbook/actionslogbook.h"
#include "core/logbook/userlogbook.h"
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
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Oobm::Core;
using Oobm::Bench::execOn;
using Oobm::Bench::median;
using Oobm::Bench::peakRssMb;
using Oobm::Bench::uuidOf;
using Oobm::Bench::uuidSql;
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

// The Actions Status's generator: Rows steps over the last 30 days. Provisioning runs of 15
// steps (GetCoreVersion to CommitChanges, in the engine's order), each for one of 10,000 systems
// in turn (about 7 runs, 105 steps, per system), a second attempt now and then. 3% of the steps
// failed, at most one a run, at any step (a real run stops there; the filters only see the share):
// two thirds with the PT_STATUS the device answered, a third timed out or rejected the password,
// the messages as the engine writes them; 1% skipped (SetTLSPSK with no key in the ledger, in one
// run of six); the rest succeeded (status "SUCCESS", no message, as the engine writes them).
QString actionsGeneratorSql(bool sqlite, qint64 t0)
{
    QString stepCase = QStringLiteral("CASE (i - 1) % 15");
    const QStringList steps = ActionsLogBook::steps();
    for (int k = 0; k < 15; ++k)
        stepCase += QStringLiteral(" WHEN %1 THEN '%2'").arg(k).arg(steps.at(k));
    stepCase += QStringLiteral(" END");
    // fail: -1, or which failure; skipped: 0 or 1.
    const QString columns = QStringLiteral("SELECT i, (i - 1) / 15 AS r, (i - 1) % 15 AS k, "
                                           "((i - 1) / 15) % 10000 AS sys, "
                                           "CASE WHEN i % 97 IN (0, 32, 65) THEN (i / 97 + i % 97) % 6 "
                                           "ELSE -1 END AS fail, "
                                           "CASE WHEN i % 97 NOT IN (0, 32, 65) AND (i - 1) % 15 = 12 "
                                           "AND ((i - 1) / 15) % 6 = 0 THEN 1 ELSE 0 END AS skipped, ")
            + stepCase + QStringLiteral(" AS step");
    const QString ptStatus = QStringLiteral(" WHEN %1 THEN step || ' returned %2 (%3): %4'");
    const QString host = QStringLiteral("'amt-' || sys || '.example.test:16993'");
    const QString select = QStringLiteral("SELECT ") + QString::number(t0)
            + QStringLiteral(" + CAST(i AS BIGINT) * 2592, ") + uuidSql(sqlite, QStringLiteral("sys"))
            + QStringLiteral(", step, "
                             "CASE WHEN fail >= 0 THEN 1 WHEN skipped = 1 THEN 2 ELSE 0 END, "
                             "CASE WHEN fail = 4 THEN 10000 WHEN skipped = 1 THEN 0 "
                             "ELSE 12 + (i * 37) % 290 END, "
                             "CASE fail WHEN 0 THEN 'INVALID_PROVISIONING_STATE' "
                             "WHEN 1 THEN 'INVALID_PASSWORD' WHEN 2 THEN 'FLASH_WRITE_LIMIT_EXCEEDED' "
                             "WHEN 3 THEN 'NOT_READY' WHEN 4 THEN 'timeout' "
                             "WHEN 5 THEN 'authentication' "
                             "ELSE CASE WHEN skipped = 1 THEN '' ELSE 'SUCCESS' END END, "
                             "CASE fail")
            + ptStatus.arg(0)
                      .arg(QStringLiteral("INVALID_PROVISIONING_STATE"))
                      .arg(32)
                      .arg(QStringLiteral("The device is not in a provisioning state that allows this "
                                          "(for example, changes were already committed)."))
            + ptStatus.arg(1)
                      .arg(QStringLiteral("INVALID_PASSWORD"))
                      .arg(2054)
                      .arg(QStringLiteral("The password does not meet the device''s rules."))
            + ptStatus.arg(2)
                      .arg(QStringLiteral("FLASH_WRITE_LIMIT_EXCEEDED"))
                      .arg(38)
                      .arg(QStringLiteral("The device refused to write its flash again so soon; try "
                                          "later."))
            + ptStatus.arg(3)
                      .arg(QStringLiteral("NOT_READY"))
                      .arg(2)
                      .arg(QStringLiteral("The device is not ready for this request yet; try again "
                                          "shortly."))
            + QStringLiteral(" WHEN 4 THEN ") + host
            + QStringLiteral(" || ' did not answer ' || step || ' within 10000 ms.'"
                             " WHEN 5 THEN 'Authentication failed at ' || ")
            + host
            + QStringLiteral(" || ': the device rejected user ''admin'' in realm "
                             "''Digest:F3EB554784E729164447A89F60B641C5'' (HTTP 401). Check the "
                             "admin password.'"
                             " ELSE CASE WHEN skipped = 1 THEN 'No Available key in the ledger "
                             "to install for the next provisioning; generate keys under Security "
                             "Keys.' ELSE '' END END, "
                             "CASE WHEN r % 5 = 4 THEN 2 ELSE 1 END");
    const QString insert = QStringLiteral("INSERT INTO actions (time_ms, uuid, step, result, "
                                          "duration_ms, status, message, attempt) ");
    if (sqlite)
        return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < ")
                + QString::number(Rows) + QStringLiteral(") ") + insert + select + QStringLiteral(" FROM (") + columns
                + QStringLiteral(" FROM n) AS g");
    return insert + select + QStringLiteral(" FROM (") + columns + QStringLiteral(" FROM generate_series(1, ")
            + QString::number(Rows) + QStringLiteral(") AS n(i)) AS g");
}

// Lowers the peak RSS to the current RSS (Linux 4.0+): peakRssMb() then reads the peak since.
void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (!f.open(QIODevice::WriteOnly) || f.write("5") != 1)
        std::fprintf(stderr, "cannot reset the peak RSS; it is the whole process's\n");
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
        p.start(QStringLiteral("sqlite3"), {location.path()});
        // "real" has millisecond resolution; user + sys has microseconds (and, on a warm cache,
        // is the query's time): the larger of the two.
        timing.setPattern(QStringLiteral("Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)"));
        scale = 1000;
    } else {
        script = QStringLiteral("\\o /dev/null\n\\timing on\n");
        for (int i = 0; i < Runs; ++i)
            script += sql + QStringLiteral(";\n");
        p.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), location.toUrl()});
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

// One of the Logs pages at scale: its table, generator and book, the statement that opens it and
// what is timed on it.
struct Page
{
    QString key;    // "log", "actions" (OOBM_BENCH_LOGS_PAGE)
    QString prefix; // of every figure: none for the Log, "actions_"
    QString table;
    QString generateName; // the generator's figure
    QString openName;     // the opening's figures
    std::function<QString(bool sqlite, qint64 t0)> generator;
    std::function<std::shared_ptr<const LogBook>(Store *)> book;
    QString openSql; // the first page, the same in both dialects
    QList<Scenario> scenarios;
};

// A first page as the store asks for it (core/store/sqllogledger.cpp).
QString pageSql(const QString &columns, const QString &from, const QString &where, const QString &order)
{
    return QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT %5")
            .arg(columns, from, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where, order,
                 QString::number(LogModel::PageSize));
}

// A text filter's first page: SQLite's FTS5 trigram table drives the join, newest first;
// PostgreSQL's is ILIKE over the text columns (pg_trgm indexes them).
QString textPageSql(const QString &table, const QString &columns, const QStringList &textColumns, const QString &text,
                    bool sqliteDialect)
{
    if (sqliteDialect)
        return pageSql(columns, QStringLiteral("%1_fts CROSS JOIN %1 ON %1.id = %1_fts.rowid").arg(table),
                       QStringLiteral("%1_fts MATCH '\"%2\"'").arg(table, text),
                       QStringLiteral("%1_fts.rowid DESC").arg(table));
    QString pattern = text;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
    QStringList any;
    for (const QString &c : textColumns)
        any << QStringLiteral("%1.%2 ILIKE '%%3%' ESCAPE '\\'").arg(table, c, pattern);
    return pageSql(columns, table, u'(' + any.join(QStringLiteral(" OR ")) + u')',
                   QStringLiteral("%1.id DESC").arg(table));
}

Page logPage()
{
    const QString cols = QStringLiteral("log.id, log.time_ms, log.severity, log.source, "
                                        "log.device_uuid, log.message, log.details");
    const auto page = [&](const QString &from, const QString &where, const QString &order) {
        return pageSql(cols, from, where, order);
    };
    const auto textSql = [&](const QString &text, bool sqliteDialect) {
        return textPageSql(QStringLiteral("log"), cols, {QStringLiteral("message"), QStringLiteral("details")}, text,
                           sqliteDialect);
    };
    const auto clearAll = [](LogViewWidget &w) {
        w.filterBar()->setText({});
        w.filterBar()->setCategories({});
    };
    QList<Scenario> scenarios{
            {QStringLiteral("text_filter_rare"),
             [](LogViewWidget &w) { w.filterBar()->setText(QStringLiteral("amt-4242.example")); }, clearAll,
             textSql(QStringLiteral("amt-4242.example"), true), textSql(QStringLiteral("amt-4242.example"), false)},
            {QStringLiteral("text_filter_2pct"),
             [](LogViewWidget &w) { w.filterBar()->setText(QStringLiteral("PT_STATUS_AUTH")); }, clearAll,
             textSql(QStringLiteral("PT_STATUS_AUTH"), true), textSql(QStringLiteral("PT_STATUS_AUTH"), false)},
            {QStringLiteral("text_filter_36pct"),
             [](LogViewWidget &w) { w.filterBar()->setText(QStringLiteral("status 200")); }, clearAll,
             textSql(QStringLiteral("status 200"), true), textSql(QStringLiteral("status 200"), false)},
            {QStringLiteral("severity_filter_errors"),
             [](LogViewWidget &w) { w.filterBar()->setCategories({int(Severity::Error)}); }, clearAll,
             page(QStringLiteral("log"), QStringLiteral("log.severity IN (1)"), QStringLiteral("log.id DESC")),
             page(QStringLiteral("log"), QStringLiteral("log.severity IN (1)"), QStringLiteral("log.id DESC"))},
            {QStringLiteral("severity_filter_warnings_errors"),
             [](LogViewWidget &w) {
        w.filterBar()->setCategories({int(Severity::Error), int(Severity::Warning)});
             },
             clearAll,
             page(QStringLiteral("log"), QStringLiteral("log.severity IN (1,2)"), QStringLiteral("log.id DESC")),
             page(QStringLiteral("log"), QStringLiteral("log.severity IN (1,2)"), QStringLiteral("log.id DESC"))},
            {QStringLiteral("scroll_to_oldest"), [](LogViewWidget &w) { w.showOldest(); },
             [](LogViewWidget &w) { w.newEntriesButton()->click(); },
             page(QStringLiteral("log"), {}, QStringLiteral("log.id ASC")),
             page(QStringLiteral("log"), {}, QStringLiteral("log.id ASC"))},
            };
    return {QStringLiteral("log"),
            {},
            QStringLiteral("log"),
            QStringLiteral("generate_1M_entries"),
            QStringLiteral("open_log_page"),
            [](bool sqlite, qint64 t0) { return Oobm::Bench::logGeneratorSql(sqlite, t0, Rows, 10000, 1, Rows); },
            [](Store *store) { return std::make_shared<UserLogBook>(store); },
            page(QStringLiteral("log"), {}, QStringLiteral("log.id DESC")),
            scenarios};
}

Page actionsPage()
{
    const QString cols = QStringLiteral("actions.id, actions.time_ms, actions.uuid, actions.step, "
                                        "actions.result, actions.duration_ms, actions.status, "
                                        "actions.message, actions.attempt");
    const auto page = [&](const QString &where, const QString &order) {
        return pageSql(cols, QStringLiteral("actions"), where, order);
    };
    const auto textSql = [&](const QString &text, bool sqliteDialect) {
        return textPageSql(QStringLiteral("actions"), cols, {QStringLiteral("message"), QStringLiteral("status")}, text,
                           sqliteDialect);
    };
    const auto clearAll = [](LogViewWidget &w) { w.filterBar()->clear(); };
    // The generator's system 4243: 105 steps, three of them failures that name its host.
    const QString rare = QStringLiteral("amt-4243.example");
    const QString uuid = uuidOf(4243);
    const QString failed = QStringLiteral("actions.result IN (%1)").arg(int(ActionRecord::Result::Failed));
    const QString oneSystem = QStringLiteral("actions.uuid = '%1'").arg(uuid);
    QList<Scenario> scenarios{
            {QStringLiteral("text_filter_rare"), [rare](LogViewWidget &w) { w.filterBar()->setText(rare); }, clearAll,
             textSql(rare, true), textSql(rare, false)},
            {QStringLiteral("text_filter_96pct"),
             [](LogViewWidget &w) { w.filterBar()->setText(QStringLiteral("SUCCESS")); }, clearAll,
             textSql(QStringLiteral("SUCCESS"), true), textSql(QStringLiteral("SUCCESS"), false)},
            {QStringLiteral("result_filter_failed"),
             [](LogViewWidget &w) { w.filterBar()->setCategories({int(ActionRecord::Result::Failed)}); }, clearAll,
             page(failed, QStringLiteral("actions.id DESC")), page(failed, QStringLiteral("actions.id DESC"))},
            {QStringLiteral("system_filter_uuid"), [uuid](LogViewWidget &w) { w.filterBar()->setDevice(uuid); },
             clearAll, page(oneSystem, QStringLiteral("actions.id DESC")),
             page(oneSystem, QStringLiteral("actions.id DESC"))},
            {QStringLiteral("scroll_to_oldest"), [](LogViewWidget &w) { w.showOldest(); },
             [](LogViewWidget &w) { w.newEntriesButton()->click(); }, page({}, QStringLiteral("actions.id ASC")),
             page({}, QStringLiteral("actions.id ASC"))},
    };
    return {QStringLiteral("actions"),
            QStringLiteral("actions_"),
            QStringLiteral("actions"),
            QStringLiteral("generate_1M_steps"),
            QStringLiteral("open_page"),
            actionsGeneratorSql,
            [](Store *store) { return std::make_shared<ActionsLogBook>(store); },
            page({}, QStringLiteral("actions.id DESC")),
            scenarios};
}

bool run(const QString &backend, const Page &p, const StoreLocation &location)
{
    const auto figure = [&](const QString &name, double value, const char *unit) {
        metric(backend, p.prefix + name, value, unit);
    };
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
    if (!execOn(location, {p.generator(sqlite, t0)}, &error)) {
        std::fprintf(stderr, "%s: generating failed: %s\n", qPrintable(backend), qPrintable(error));
        return false;
    }
    figure(p.generateName, gen.nsecsElapsed() / 1e6, "ms");
    // What Maintenance > Vacuum and Analyze (PostgreSQL: autovacuum) leaves the planner with.
    execOn(location, {sqlite ? QStringLiteral("ANALYZE") : QStringLiteral("VACUUM (ANALYZE) ") + p.table}, &error);

    SqlStore store(location);
    if (store.openAndWait())
        return false;
    const std::shared_ptr<const LogBook> book = p.book(&store);
    QTemporaryDir dir;
    LocalSettings settings(dir.filePath(QStringLiteral("ui.ini")));

    // Opening the page: construct, show, first rows painted.
    QList<double> openMs;
    double open = 0;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        LogViewWidget w(book, &settings);
        PaintWatch watch(&w);
        watch.arm([&w] { return w.model()->rowCount() > 0; });
        w.resize(1100, 700);
        w.show();
        openMs << waitPainted(watch, t);
        settle(store);
    }
    open = median(openMs);
    figure(QStringLiteral("ui_") + p.openName, open, "ms");
    const double bareOpen = bareQueryMs(location, p.openSql);
    figure(QStringLiteral("bare_") + p.openName, bareOpen, "ms");

    LogViewWidget w(book, &settings);
    PaintWatch watch(&w);
    w.resize(1100, 700);
    w.show();
    watch.arm([&w] { return w.model()->rowCount() > 0; });
    QElapsedTimer first;
    first.start();
    waitPainted(watch, first);
    settle(store);
    for (const Scenario &s : p.scenarios) {
        QList<double> ms;
        QList<double> countsMs;
        for (int i = 0; i < Runs; ++i) {
            QElapsedTimer t;
            t.start();
            watch.arm([&w] { return !w.model()->isLoading() && (w.model()->rowCount() > 0 || w.model()->isAtEnd()); });
            s.apply(w);
            ms << waitPainted(watch, t);
            settle(store); // the counts per category, queued after the rows
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
        figure(QStringLiteral("ui_") + s.name, ui, "ms");
        figure(QStringLiteral("ui_") + s.name + QStringLiteral("_with_counts"), median(countsMs), "ms");
        figure(QStringLiteral("bare_") + s.name, bare, "ms");
        if (bare > 0)
            figure(QStringLiteral("ratio_") + s.name, ui / bare, "x");
    }
    if (bareOpen > 0)
        figure(QStringLiteral("ratio_") + p.openName, open / bareOpen, "x");
    figure(QStringLiteral("peak_rss"), peakRssMb(), "MB");
    const StoreResult<StoreStats> stats = store.storeStats().result();
    figure(QStringLiteral("store_size"), stats.value.bytes / 1048576.0, "MiB");
    figure(QStringLiteral("total_time"), total.nsecsElapsed() / 1e6, "ms");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString only = qEnvironmentVariable("OOBM_BENCH_LOGS_BACKEND");  // sqlite|postgresql
    const QString onlyPage = qEnvironmentVariable("OOBM_BENCH_LOGS_PAGE"); // log|actions
    const QString dsn = qEnvironmentVariable("OOBM_BENCH_PGSQL_DSN");
    StoreLocation server;
    if (!dsn.isEmpty() && (only.isEmpty() || only == u"postgresql")) {
        QString error;
        server = StoreLocation::parse(dsn, &error);
        if (!server.isValid()) {
            std::fprintf(stderr, "postgresql: %s\n", qPrintable(error));
            return 1;
        }
    }
    bool ok = true;
    QTemporaryDir dir;
    // The Log on both backends first, then the Actions Status, each in a database of its own.
    for (const Page &page : {logPage(), actionsPage()}) {
        if (!onlyPage.isEmpty() && onlyPage != page.key)
            continue;
        // The Log's peak RSS is the whole process's so far (as recorded); the Actions Status's
        // is the peak during its own run (over what the process already holds).
        const bool ownPeak = !page.prefix.isEmpty();
        if (only.isEmpty() || only == u"sqlite") {
            const QString path = dir.filePath(QStringLiteral("bench-%1.db").arg(page.key));
            if (ownPeak)
                resetPeakRss();
            ok = run(QStringLiteral("sqlite"), page, StoreLocation::sqlite(path)) && ok;
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(path + QLatin1String(suffix));
        }
        if (server.isValid()) {
            QString error;
            const QString name =
                    QStringLiteral("oobm_bench_%1_%2").arg(page.key).arg(QCoreApplication::applicationPid());
            if (!execOn(server, {QStringLiteral("CREATE DATABASE %1").arg(name)}, &error)) {
                std::fprintf(stderr, "postgresql: %s\n", qPrintable(error));
                return 1;
            }
            const StoreLocation pg = StoreLocation::postgresql(server.host(), server.port(), server.user(), name);
            if (ownPeak)
                resetPeakRss();
            ok = run(QStringLiteral("postgresql"), page, pg) && ok;
            execOn(server, {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)}, &error);
        }
    }
    return ok ? 0 : 1;
}
