// SPDX-License-Identifier: GPL-2.0-or-later
// The built-in reports at fleet size (scripts/bench reports): every report over 100,000 systems,
// 1,000,000 steps and 10,000,000 log entries (with 1,000,000 hellos, 200,000 keys and 500 task
// runs of 200 systems), on SQLite and on PostgreSQL: the time to the first chart, which is the
// store computing the report on its thread plus the console building the chart (Qt Charts) and
// drawing it once (offscreen, 1000x600). Goal: under 200 ms each. A bare floor is measured in the
// same run on each store (measureFloor: the store thread answering without SQL, an empty chart
// drawn), so what a report adds to what any answer costs on this machine is plain.
//
// The stores are written by plain SQL in big transactions into the tables a SqlStore makes, the
// log's and the steps' indexes set aside during the load and made again after (PostgreSQL's and
// SQLite's full-text indexes of the log excepted: no report reads the log's text, and building
// them over 10,000,000 entries takes longer than all the rest; see docs/BENCHMARKS.md). SQLite's is
// cached under the build folder by its sizes and schema; PostgreSQL's is made in the throwaway
// server each run. Sizes: OOBM_BENCH_REPORTS_SYSTEMS, _STEPS, _LOG_ENTRIES, _HELLOS; runs per
// figure: OOBM_BENCH_REPORTS_RUNS (default 5, the median); OOBM_BENCH_REPORTS_BACKEND=sqlite or
// postgresql runs one only. Prints one "metric: value unit" line per figure, then a table.
#include "bench/benchsupport.h"

#include "core/fleet/collection.h"
#include "core/provisioning/actionrecord.h"
#include "core/reports/reportdefinition.h"
#include "core/store/sqlstore.h"
#include "core/store/storelocation.h"
#include "ui/pages/reports/reportchartfactory.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <cstdio>
#include <map>

using namespace Oobm::Core;
using Oobm::Bench::execOn;
using Oobm::Bench::median;
using Oobm::Bench::queryValue;
using Oobm::Bench::uuidSql;

using Oobm::Bench::metric;

namespace {

// Bump when the generated store changes shape: cached files of an older shape are not used.
constexpr int GeneratorVersion = 1;
constexpr qint64 DayMs = 86400000;
constexpr qint64 Chunk = 1000000; // rows per transaction

struct Sizes
{
    int systems = 100000;
    qint64 steps = 1000000;
    qint64 logEntries = 10000000;
    qint64 hellos = 1000000;
    int keys = 200000;
    int runs = 500;
    int runSize = 200;
};

void progress(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

qint64 envNumber(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && value > 0 ? value : fallback;
}

// "INSERT ... SELECT <columns> FROM" the numbers first to last, in each dialect.
QString numbered(bool sqlite, const QString &insert, const QString &columns, qint64 first, qint64 last)
{
    if (sqlite)
        return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT %1 UNION ALL SELECT i + 1 FROM n WHERE i < %2) ")
                       .arg(first)
                       .arg(last)
                + insert + QStringLiteral(" SELECT ") + columns + QStringLiteral(" FROM n");
    return insert + QStringLiteral(" SELECT ") + columns
            + QStringLiteral(" FROM generate_series(%1, %2) AS n(i)").arg(first).arg(last);
}

QString zeroPadded(bool sqlite, const QString &n, int width)
{
    return sqlite ? QStringLiteral("printf('%0") + QString::number(width) + QStringLiteral("d', ") + n + u')'
                  : QStringLiteral("lpad(CAST(%1 AS TEXT), %2, '0')").arg(n).arg(width);
}

// A fleet as the engines leave it (bench_console's shape): 80% Provisioned, 8% Awaiting
// authorization, 5% Failed (an unknown PID), 4% Hello window expired, 2% Awaiting hello, 1%
// Unprovisioned; four AMT versions; 60% profile Standard, 30% Secure, 10% none; one last hello
// each over the 30 days up to t1.
QString systemsSql(bool sqlite, const Sizes &s, qint64 t1)
{
    const QString provisioned = QStringLiteral("(i % 100 < 80)");
    const QString failed = QStringLiteral("(i % 100 BETWEEN 88 AND 92)");
    const QString lastHello =
            QStringLiteral("(%1 - CAST(i AS BIGINT) * %2 / %3)").arg(t1).arg(30 * DayMs).arg(s.systems);
    const QString pid = QStringLiteral("'P' || ") + zeroPadded(sqlite, QStringLiteral("i"), 7);
    const QStringList columns{
            uuidSql(sqlite, QStringLiteral("i")),
            QStringLiteral("CASE WHEN %1 THEN 'amt-' || i || '.example.test' ELSE '' END").arg(provisioned),
            QStringLiteral("CASE WHEN %1 THEN 'amt-' || i || '.example.test' ELSE '' END").arg(provisioned),
            QStringLiteral("'127.' || (20 + i / 65536) || '.' || (i / 256 % 256) || '.' || (i % 256)"),
            QStringLiteral("2130706432 + 20 * 65536 + i"),
            QStringLiteral("CASE WHEN %1 THEN CASE i % 4 WHEN 0 THEN '3.0.4' WHEN 1 THEN '2.6.2' WHEN 2 THEN "
                           "'2.5.3' ELSE '2.2.10' END ELSE '' END")
                    .arg(provisioned),
            QStringLiteral("CASE WHEN %1 THEN CASE i % 4 WHEN 0 THEN 3000004 WHEN 1 THEN 2006002 WHEN 2 THEN "
                           "2005003 ELSE 2002010 END END")
                    .arg(provisioned),
            QStringLiteral("CASE WHEN i % 100 < 80 THEN 3 WHEN i % 100 < 88 THEN 1 WHEN i % 100 < 93 THEN 4 "
                           "WHEN i % 100 < 97 THEN 5 WHEN i % 100 < 99 THEN 0 ELSE 6 END"),
            QStringLiteral("CASE WHEN %1 THEN 'failed to find PID ' || substr(%2, 1, 4) || '-' || substr(%2, 5, "
                           "4) || ': the key this device offers is not in this database.' ELSE '' END")
                    .arg(failed, pid),
            QStringLiteral("CASE WHEN i % 10 < 6 THEN 1 WHEN i % 10 < 9 THEN 2 END"),
            pid,
            QStringLiteral("2"),
            QStringLiteral("1 + i % 15"),
            lastHello + QStringLiteral(" - 86400000"),
            lastHello,
            QStringLiteral("CASE WHEN %1 THEN 'CommitChanges' WHEN %2 THEN 'GetCoreVersion' ELSE '' END")
                    .arg(provisioned, failed),
            QStringLiteral("CASE WHEN %1 OR %2 THEN %3 + 2000 END").arg(provisioned, failed, lastHello),
            QStringLiteral("CASE WHEN %1 THEN %2 + 2000 END").arg(provisioned, lastHello),
    };
    return numbered(sqlite,
                    QStringLiteral("INSERT INTO amt_systems (uuid, fqdn, name, address, address_v4, amt_version, "
                                   "version_number, state, reason, profile_id, pid, hello_version, hello_count, "
                                   "first_seen_ms, last_hello_ms, last_action, last_action_ms, provisioned_ms)"),
                    columns.join(QStringLiteral(", ")), 0, s.systems - 1);
}

// Provisioning attempts of 15 steps in the engine's order over the 30 days up to t1, each for a
// system in a scattered order; one attempt in ten stops at a failed step (the device's PT_STATUS
// or a category), the steps after it skipped.
QString stepsSql(bool sqlite, const Sizes &s, qint64 t1, qint64 first, qint64 last)
{
    const QStringList steps = Oobm::Core::provisioningSteps();
    QString step = QStringLiteral("CASE i % 15");
    for (int k = 0; k < steps.size(); ++k)
        step += QStringLiteral(" WHEN %1 THEN '%2'").arg(k).arg(steps.at(k));
    step += QStringLiteral(" END");
    const QString failing = QStringLiteral("(i / 15) % 10 = 0");
    const QString failAt = QStringLiteral("((i / 150) % 15)");
    const QStringList columns{
            QStringLiteral("%1 - %2 + CAST(i AS BIGINT) * %2 / %3").arg(t1).arg(30 * DayMs).arg(s.steps),
            uuidSql(sqlite, QStringLiteral("((i / 15) * 7919 % %1)").arg(s.systems)),
            step,
            QStringLiteral("CASE WHEN %1 AND i % 15 = %2 THEN 1 WHEN %1 AND i % 15 > %2 THEN 2 ELSE 0 END")
                    .arg(failing, failAt),
            QStringLiteral("12 + i % 290"),
            QStringLiteral("CASE WHEN %1 AND i % 15 = %2 THEN CASE (i / 150) % 4 WHEN 0 THEN 'INVALID_PASSWORD' "
                           "WHEN 1 THEN 'timeout' WHEN 2 THEN 'NOT_READY' ELSE 'authentication' END WHEN %1 AND i "
                           "% 15 > %2 THEN '' ELSE 'SUCCESS' END")
                    .arg(failing, failAt),
            QStringLiteral("''"),
            QStringLiteral("1")};
    return numbered(sqlite,
                    QStringLiteral("INSERT INTO actions (time_ms, uuid, step, result, duration_ms, status, "
                                   "message, attempt)"),
                    columns.join(QStringLiteral(", ")), first, last);
}

QString hellosSql(bool sqlite, const Sizes &s, qint64 t1, qint64 first, qint64 last)
{
    const QStringList columns{
            QStringLiteral("%1 - %2 + CAST(i AS BIGINT) * %2 / %3").arg(t1).arg(30 * DayMs).arg(s.hellos),
            QStringLiteral("'127.20.' || (i / 256 % 256) || '.' || (i % 256)"), QStringLiteral("16992"),
            QStringLiteral("2"), uuidSql(sqlite, QStringLiteral("(CAST(i AS BIGINT) * 7919 % %1)").arg(s.systems))};
    return numbered(sqlite, QStringLiteral("INSERT INTO hellos (time_ms, address, port, version, uuid)"),
                    columns.join(QStringLiteral(", ")), first, last);
}

// 20% Available, 10% Exported, 65% Consumed (over the 60 days up to t1), 5% Retired.
QString keysSql(bool sqlite, const Sizes &s, qint64 t1)
{
    const QString consumed = QStringLiteral("(i % 20 BETWEEN 6 AND 18)");
    const QStringList columns{
            QStringLiteral("'B' || ") + zeroPadded(sqlite, QStringLiteral("i"), 7),
            QStringLiteral("''"),
            QStringLiteral("CASE WHEN i % 20 < 4 THEN 0 WHEN i % 20 < 6 THEN 1 WHEN i % 20 < 19 THEN 2 ELSE 3 END"),
            QStringLiteral("'batch-' || (i / 10000)"),
            QStringLiteral("%1 - %2 + CAST(i AS BIGINT) * %2 / %3").arg(t1).arg(90 * DayMs).arg(s.keys),
            QStringLiteral("CASE WHEN %1 THEN %2 END")
                    .arg(consumed, uuidSql(sqlite, QStringLiteral("i % %1").arg(s.systems))),
            QStringLiteral("CASE WHEN %1 THEN %2 - %3 + CAST(i AS BIGINT) * %3 / %4 END")
                    .arg(consumed)
                    .arg(t1)
                    .arg(60 * DayMs)
                    .arg(s.keys)};
    return numbered(sqlite,
                    QStringLiteral("INSERT INTO security_keys (pid, pps, state, batch, created_ms, consumed_by, "
                                   "consumed_ms)"),
                    columns.join(QStringLiteral(", ")), 0, s.keys - 1);
}

QStringList runsSql(bool sqlite, const Sizes &s, qint64 t1)
{
    const QString created =
            QStringLiteral("(%1 - %2 + CAST(i AS BIGINT) * %2 / %3)").arg(t1).arg(30 * DayMs).arg(s.runs);
    const QString runCreated = QStringLiteral("(%1 - %2 + CAST(i / %4 AS BIGINT) * %2 / %3)")
                                       .arg(t1)
                                       .arg(30 * DayMs)
                                       .arg(s.runs)
                                       .arg(s.runSize);
    return {numbered(sqlite,
                     QStringLiteral("INSERT INTO task_runs (id, name, operation, wave, created_ms, due_ms, state, "
                                    "waves_total, wave_start_ms, total, started_ms, finished_ms)"),
                     QStringLiteral("i + 1, 'run ' || i, i % 14, '{}', %1, %1, 4, 1, %1, %2, %1, %1 + 600000")
                             .arg(created)
                             .arg(s.runSize),
                     0, s.runs - 1),
            numbered(sqlite,
                     QStringLiteral("INSERT INTO run_systems (run_id, uuid, wave, state, started_ms, finished_ms)"),
                     QStringLiteral("i / %1 + 1, %2, 0, CASE WHEN i % 17 = 0 THEN 3 WHEN i % 53 = 0 THEN 4 WHEN i % "
                                    "97 = 0 THEN 5 ELSE 2 END, %3 + (i % %1) * 100, %3 + (i % %1) * 100 + 500 + (i * "
                                    "37) % 9000")
                             // One pass: the UUID's printf format (%012X) would read as a placeholder.
                             .arg(QString::number(s.runSize),
                                  uuidSql(sqlite,
                                          QStringLiteral("(((i / %1) * 211 + (i % %1) * 499) % %2)")
                                                  .arg(s.runSize)
                                                  .arg(s.systems)),
                                  runCreated),
                     0, qint64(s.runs) * s.runSize - 1)};
}

// Collections to filter by: a static one (every tenth system) and dynamic ones.
QStringList collectionsSql(bool sqlite, const Sizes &s, qint64 t1)
{
    const auto dynamic = [&](const QString &name, const CollectionRule &rule) {
        return QStringLiteral("INSERT INTO collections (name, description, kind, rule, changed_ms) VALUES ('%1', "
                              "'', 1, '%2', %3)")
                .arg(name, QString::fromUtf8(rule.toJson()))
                .arg(t1);
    };
    CollectionRule version3;
    version3.minVersion = QStringLiteral("3.0");
    CollectionRule subnet;
    subnet.ipRange = QStringLiteral("127.20.0.0/17");
    CollectionRule hosts;
    hosts.fqdnPattern = QStringLiteral("amt-1*.example.test");
    return {QStringLiteral("INSERT INTO collections (name, description, kind, rule, changed_ms) VALUES ('Lab', '', "
                           "0, '{}', %1)")
                    .arg(t1),
            numbered(sqlite, QStringLiteral("INSERT INTO collection_members (collection_id, uuid)"),
                     QStringLiteral("(SELECT id FROM collections WHERE name = 'Lab'), %1")
                             .arg(uuidSql(sqlite, QStringLiteral("i * 10"))),
                     0, s.systems / 10 - 1),
            dynamic(QStringLiteral("AMT 3"), version3), dynamic(QStringLiteral("Lab subnet"), subnet),
            dynamic(QStringLiteral("Example hosts"), hosts)};
}

// The indexes (and SQLite's full-text triggers) of a table, as the schema made them.
QStringList tableObjects(const StoreLocation &l, const QString &table, QString *error)
{
    const bool sqlite = l.kind() == StoreLocation::Kind::SQLite;
    const QString sql = sqlite ? QStringLiteral("SELECT group_concat(sql, char(30)) FROM sqlite_master WHERE "
                                                "tbl_name = '%1' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
                                         .arg(table)
                               : QStringLiteral("SELECT string_agg(indexdef, chr(30)) FROM pg_indexes WHERE tablename "
                                                "= '%1' AND indexname NOT LIKE '%%_pkey'")
                                         .arg(table);
    return queryValue(l, sql, error).toString().split(QChar(30), Qt::SkipEmptyParts);
}

QString dropStatement(bool sqlite, const QString &create)
{
    // "CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON ..." / "CREATE TRIGGER name ..."
    QStringList words = create.simplified().split(u' ');
    words.removeAll(QStringLiteral("UNIQUE"));
    words.removeAll(QStringLiteral("IF"));
    words.removeAll(QStringLiteral("NOT"));
    words.removeAll(QStringLiteral("EXISTS"));
    const QString kind = words.value(1).toUpper();
    Q_UNUSED(sqlite)
    return QStringLiteral("DROP %1 IF EXISTS %2").arg(kind, words.value(2));
}

// Loads a table with its indexes set aside; `fullText`: make its full-text indexes again
// (otherwise they stay empty, made over no rows; see the comment at the top).
bool load(const StoreLocation &l, const QString &table, const std::function<QString(qint64, qint64)> &chunk,
          qint64 rows, bool fullText, QString *error)
{
    const bool sqlite = l.kind() == StoreLocation::Kind::SQLite;
    const QStringList objects = tableObjects(l, table, error);
    QStringList drops;
    for (const QString &o : objects)
        drops << dropStatement(sqlite, o);
    const QStringList pragmas = sqlite
            ? QStringList{QStringLiteral("PRAGMA synchronous = OFF"), QStringLiteral("PRAGMA cache_size = -524288")}
            : QStringList{QStringLiteral("SET maintenance_work_mem = '512MB'")};
    if (!execOn(l, drops, error))
        return false;
    QElapsedTimer t;
    t.start();
    for (qint64 first = 0; first < rows; first += Chunk) {
        const qint64 last = std::min(rows, first + Chunk) - 1;
        if (!execOn(l, pragmas + QStringList{chunk(first, last)}, error))
            return false;
        progress(QStringLiteral("  %1: %2 of %3 rows (%4 s)")
                         .arg(table)
                         .arg(last + 1)
                         .arg(rows)
                         .arg(t.elapsed() / 1000));
    }
    QStringList restore = pragmas;
    for (const QString &o : objects) {
        const bool trigram = o.contains(QStringLiteral("gin_trgm_ops"));
        if (trigram && !fullText) // an index of the same name over no rows: the store finds it valid
            restore << QString(o).replace(QStringLiteral(" USING gin "), QStringLiteral(" USING gin "))
                            + QStringLiteral(" WHERE id < 0");
        else
            restore << o;
    }
    if (sqlite && fullText
        && queryValue(l, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1_fts'").arg(table), error)
                        .toInt()
                > 0)
        restore << QStringLiteral("INSERT INTO %1_fts (%1_fts) VALUES ('rebuild')").arg(table);
    if (!execOn(l, restore, error))
        return false;
    progress(QStringLiteral("  %1: indexed (%2 s)").arg(table).arg(t.elapsed() / 1000));
    return true;
}

// Fills the store a SqlStore made at location.
bool generate(const StoreLocation &l, const Sizes &s, QString *error)
{
    const bool sqlite = l.kind() == StoreLocation::Kind::SQLite;
    const qint64 t1 = QDateTime::currentMSecsSinceEpoch();
    const QStringList pragmas = sqlite ? QStringList{QStringLiteral("PRAGMA synchronous = OFF")} : QStringList{};
    progress(QStringLiteral("generating systems, keys, runs and collections"));
    QStringList statements = pragmas;
    statements << QStringLiteral("INSERT INTO provision_profiles (id, name, admin_user, admin_password, changed_ms) "
                                 "VALUES (1, 'Standard', 'admin', '', 0), (2, 'Secure', 'admin', '', 0)")
               << systemsSql(sqlite, s, t1) << keysSql(sqlite, s, t1) << runsSql(sqlite, s, t1)
               << collectionsSql(sqlite, s, t1);
    if (!execOn(l, statements, error))
        return false;
    if (!load(
                l, QStringLiteral("actions"), [&](qint64 a, qint64 b) { return stepsSql(sqlite, s, t1, a, b); },
                s.steps, true, error)
        || !load(
                l, QStringLiteral("hellos"), [&](qint64 a, qint64 b) { return hellosSql(sqlite, s, t1, a, b); },
                s.hellos, true, error)
        || !load(
                l, QStringLiteral("log"),
                [&](qint64 a, qint64 b) {
        return Oobm::Bench::logGeneratorSql(sqlite, t1 - 30 * DayMs, s.logEntries, s.systems, a + 1, b + 1);
                },
                s.logEntries, false, error))
        return false;
    // What Maintenance > Vacuum and Analyze (or autovacuum) leaves the planner with.
    return execOn(l,
                  sqlite ? QStringList{QStringLiteral("ANALYZE"), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}
                         : QStringList{QStringLiteral("VACUUM ANALYZE")},
                  error);
}

// Draws a chart once, as the page's first paint does.
void drawOnce(QChart *chart)
{
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->setGeometry(QRectF(0, 0, 1000, 600));
    if (chart->layout())
        chart->layout()->activate();
    QImage image(1000, 600, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter);
}

struct Figure
{
    double store = 0; // ms, median: the request until the answer is back on this thread
    double chart = 0; // ms, median: building and drawing the chart
    double total = 0; // ms, median of the sums
    int rows = 0;
};

Figure measure(SqlStore &store, const ReportRequest &request, int runs, QString *error)
{
    QList<double> storeMs, chartMs, totalMs;
    Figure f;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const StoreResult<ReportResult> r = store.runReport(request).result();
        const double answered = t.nsecsElapsed() / 1e6;
        if (!r.ok()) {
            *error = r.error.message;
            return f;
        }
        QChart *chart = Oobm::Gui::ReportChartFactory::create(r.value);
        drawOnce(chart); // the scene deletes it
        const double done = t.nsecsElapsed() / 1e6;
        storeMs << answered;
        chartMs << done - answered;
        totalMs << done;
        f.rows = int(r.value.rows.size());
    }
    f.store = median(storeMs);
    f.chart = median(chartMs);
    f.total = median(totalMs);
    return f;
}

// The bare floor, measured in the same run and on the same store: a request the store thread
// answers without SQL (a report it refuses: a limit past MaxLimit), and an empty chart built and
// drawn as drawOnce draws. What a report costs above it is the SQL and the series.
double measureFloor(SqlStore &store, int runs)
{
    QList<double> totalMs;
    ReportRequest refused;
    refused.report = ReportId::FailureReasons;
    refused.limit = ReportRequest::MaxLimit + 1;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const StoreResult<ReportResult> r = store.runReport(refused).result();
        Q_UNUSED(r)
        drawOnce(new QChart);
        totalMs << double(t.nsecsElapsed()) / 1e6;
    }
    return median(totalMs);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Sizes sizes;
    sizes.systems = int(envNumber("OOBM_BENCH_REPORTS_SYSTEMS", sizes.systems));
    sizes.steps = envNumber("OOBM_BENCH_REPORTS_STEPS", sizes.steps);
    sizes.logEntries = envNumber("OOBM_BENCH_REPORTS_LOG_ENTRIES", sizes.logEntries);
    sizes.hellos = envNumber("OOBM_BENCH_REPORTS_HELLOS", sizes.hellos);
    const int runs = int(envNumber("OOBM_BENCH_REPORTS_RUNS", 5));
    const QString only = qEnvironmentVariable("OOBM_BENCH_REPORTS_BACKEND");

    QString error;
    std::map<QString, std::map<QString, Figure>> figures; // backend -> "report[/collection]"
    std::map<QString, double> floors;                     // backend -> the bare floor, ms
    QStringList order;
    const QString cacheDir =
            QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../bench-cache")).absolutePath();
    QDir().mkpath(cacheDir);

    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        if (!only.isEmpty() && only != backend)
            continue;
        QTemporaryDir work(cacheDir + QStringLiteral("/reports-run-XXXXXX"));
        StoreLocation location;
        std::unique_ptr<QTemporaryDir> keepPg;
        QString pgName;
        double generateMs = 0;
        QElapsedTimer t;
        t.start();
        if (backend == u"sqlite") {
            // The schema version a new store gets names the cache, so it never needs migrating.
            const StoreLocation probe = StoreLocation::sqlite(work.filePath(QStringLiteral("probe.db")));
            {
                SqlStore store(probe);
                if (const StoreError e = store.openAndWait()) {
                    std::fprintf(stderr, "cannot make a store: %s\n", qPrintable(e.message));
                    return 1;
                }
            }
            const QString version =
                    queryValue(probe, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"), &error)
                            .toString();
            const QString cached = QStringLiteral("%1/reports-%2-systems-%3-steps-%4-log-%5-hellos-schema%6-v%7.db")
                                           .arg(cacheDir)
                                           .arg(sizes.systems)
                                           .arg(sizes.steps)
                                           .arg(sizes.logEntries)
                                           .arg(sizes.hellos)
                                           .arg(version)
                                           .arg(GeneratorVersion);
            if (!QFile::exists(cached)) {
                progress(QStringLiteral("sqlite: generating %1").arg(cached));
                const QString partial = cached + QStringLiteral(".partial");
                for (const char *suffix : {"", "-wal", "-shm"})
                    QFile::remove(partial + QLatin1String(suffix));
                {
                    SqlStore store(StoreLocation::sqlite(partial));
                    if (const StoreError e = store.openAndWait()) {
                        std::fprintf(stderr, "cannot make a store: %s\n", qPrintable(e.message));
                        return 1;
                    }
                }
                if (!generate(StoreLocation::sqlite(partial), sizes, &error)) {
                    std::fprintf(stderr, "generating the store failed: %s\n", qPrintable(error));
                    return 1;
                }
                QFile::remove(partial + QStringLiteral("-wal"));
                QFile::remove(partial + QStringLiteral("-shm"));
                QFile::rename(partial, cached);
                generateMs = double(t.elapsed());
                QFile note(cached + QStringLiteral(".generation-ms"));
                if (note.open(QIODevice::WriteOnly))
                    note.write(QByteArray::number(generateMs, 'f', 0));
            } else {
                QFile note(cached + QStringLiteral(".generation-ms"));
                if (note.open(QIODevice::ReadOnly))
                    generateMs = note.readAll().toDouble();
                progress(QStringLiteral("sqlite: %1 (cached)").arg(cached));
            }
            // A copy to run on (the store may write: its own migrations when the schema moves on).
            const QString copy = work.filePath(QStringLiteral("oobm.db"));
            if (!QFile::copy(cached, copy)) {
                std::fprintf(stderr, "cannot copy %s\n", qPrintable(cached));
                return 1;
            }
            location = StoreLocation::sqlite(copy);
            metric(backend + QStringLiteral("_store_size"), QFileInfo(cached).size() / 1048576.0, "MiB");
        } else {
            const QString dsn = qEnvironmentVariable("OOBM_BENCH_PGSQL_DSN");
            const StoreLocation server = StoreLocation::parse(dsn, &error);
            if (!server.isValid()) {
                std::fprintf(stderr, "postgresql: no server (OOBM_BENCH_PGSQL_DSN; scripts/bench starts one)\n");
                continue;
            }
            pgName = QStringLiteral("oobm_bench_reports");
            if (!execOn(server,
                        {QStringLiteral("DROP DATABASE IF EXISTS %1").arg(pgName),
                         QStringLiteral("CREATE DATABASE %1").arg(pgName)},
                        &error)) {
                std::fprintf(stderr, "postgresql: %s\n", qPrintable(error));
                return 1;
            }
            location = StoreLocation::postgresql(server.host(), server.port(), server.user(), pgName);
            {
                SqlStore store(location);
                if (const StoreError e = store.openAndWait()) {
                    std::fprintf(stderr, "cannot make a store: %s\n", qPrintable(e.message));
                    return 1;
                }
            }
            progress(QStringLiteral("postgresql: generating"));
            if (!generate(location, sizes, &error)) {
                std::fprintf(stderr, "generating the store failed: %s\n", qPrintable(error));
                return 1;
            }
            generateMs = double(t.elapsed());
            metric(backend + QStringLiteral("_store_size"),
                   queryValue(location, QStringLiteral("SELECT pg_database_size(current_database())"), &error)
                                   .toDouble()
                           / 1048576.0,
                   "MiB");
        }
        metric(backend + QStringLiteral("_store_generation"), generateMs / 1000, "s");

        SqlStore store(location);
        if (const StoreError e = store.openAndWait()) {
            std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(e.message));
            return 1;
        }
        const double floor = measureFloor(store, std::max(runs, 20));
        floors[backend] = floor;
        metric(backend + QStringLiteral("_floor"), floor, "ms");
        const qint64 version3 = queryValue(location, QStringLiteral("SELECT id FROM collections WHERE name = 'AMT 3'"),
                                           &error)
                                        .toLongLong();
        const qint64 lab = queryValue(location, QStringLiteral("SELECT id FROM collections WHERE name = 'Lab'"), &error)
                                   .toLongLong();
        for (const ReportDefinition &d : ReportDefinition::all()) {
            QList<std::pair<QString, qint64>> variants{{d.key, 0}};
            if (d.takes(ReportDefinition::CollectionParameter))
                variants << std::pair{d.key + QStringLiteral(" (AMT 3)"), version3}
                         << std::pair{d.key + QStringLiteral(" (Lab)"), lab};
            for (const auto &[name, collection] : variants) {
                ReportRequest request;
                request.report = d.id;
                request.collectionId = collection;
                const Figure f = measure(store, request, runs, &error);
                if (!error.isEmpty()) {
                    std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(error));
                    return 1;
                }
                figures[backend][name] = f;
                if (!order.contains(name))
                    order << name;
                QString metricName = name;
                metricName.replace(QStringLiteral(" ("), QStringLiteral("_")).remove(u')').replace(u' ', u'_');
                metric(QStringLiteral("%1_%2_first_chart").arg(backend, metricName), f.total, "ms");
                progress(QStringLiteral("  %1 %2: store %3 ms, chart %4 ms, %5 rows")
                                 .arg(backend, name)
                                 .arg(f.store, 0, 'f', 1)
                                 .arg(f.chart, 0, 'f', 1)
                                 .arg(f.rows));
            }
        }
        metric(backend + QStringLiteral("_peak_rss"), Oobm::Bench::peakRssMb(), "MB");
    }

    // The table for docs/BENCHMARKS.md: time to the first chart (store + chart), median.
    std::printf("\n| report | SQLite: first chart (store + chart) | PostgreSQL: first chart (store + chart) |\n");
    std::printf("| --- | --- | --- |\n");
    std::printf("| bare floor (the store thread without SQL, an empty chart) |");
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        const auto it = floors.find(backend);
        std::printf(" %s |", it == floors.end() ? "-" : qPrintable(QStringLiteral("%1 ms").arg(it->second, 0, 'f', 1)));
    }
    std::printf("\n");
    for (const QString &name : std::as_const(order)) {
        QStringList cells{name};
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
            const auto it = figures[backend].find(name);
            cells << (it == figures[backend].end() ? QStringLiteral("-")
                                                   : QStringLiteral("%1 ms (%2 + %3)")
                                                             .arg(it->second.total, 0, 'f', 1)
                                                             .arg(it->second.store, 0, 'f', 1)
                                                             .arg(it->second.chart, 0, 'f', 1));
        }
        std::printf("| %s |\n", qPrintable(cells.join(QStringLiteral(" | "))));
    }
    return 0;
}
