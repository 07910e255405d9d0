// SPDX-License-Identifier: GPL-2.0-or-later
// The user log under a burst: 10,000 entries logged as fast as a busy engine would, on SQLite
// (and on PostgreSQL when OOBM_BENCH_PGSQL_DSN is set). Measures what the producer pays per
// entry, how long the writer takes to drain the burst, and how many transactions it used.
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Oobm::Core;

namespace {

void metric(const char *backend, const char *name, double value, const char *unit)
{
    std::printf("%s_%s: %.3f %s\n", backend, name, value, unit);
    std::fflush(stdout);
}

qint64 newestId(Store &store)
{
    LogQuery q;
    q.limit = 1;
    const auto r = store.queryLog(q).result();
    return r.value.isEmpty() ? 0 : r.value.first().id;
}

bool run(const char *backend, const StoreLocation &location, int burst)
{
    SqlStore store(location);
    if (const StoreError e = store.openAndWait()) {
        std::fprintf(stderr, "%s: %s\n", backend, qPrintable(e.message));
        return false;
    }
    const qint64 before = newestId(store);
    UserLog log(&store, QStringLiteral("engine"));
    log.setLevel(LogLevel::Debug);
    int transactions = 0;
    qint64 newest = before;
    QObject::connect(&store, &Store::logAppended, &store, [&](qint64 id) {
        ++transactions;
        newest = std::max(newest, id);
    });

    QElapsedTimer total;
    total.start();
    QElapsedTimer producer;
    producer.start();
    for (int i = 0; i < burst; ++i) {
        log.log(Severity::Information,
                QStringLiteral("Incoming connection from 127.0.%1.%2").arg(i / 250).arg(i % 250 + 1),
                QStringLiteral("hello version 2, retry %1").arg(i % 15),
                QStringLiteral("4B529B93-D413-181D-E487-1C697A6B%1").arg(i % 10000, 4, 10, QLatin1Char('0')));
    }
    const double producerMs = producer.nsecsElapsed() / 1e6;
    while (newest - before < burst)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    const double drainMs = total.nsecsElapsed() / 1e6;
    QCoreApplication::processEvents();

    metric(backend, "burst_entries", burst, "entries");
    metric(backend, "producer_cost_per_entry", producerMs * 1000.0 / burst, "us");
    metric(backend, "burst_drain_time", drainMs, "ms");
    metric(backend, "write_rate", burst / (drainMs / 1000.0), "entries/s");
    metric(backend, "transactions", transactions, "count");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int burst = qEnvironmentVariableIntValue("OOBM_BENCH_BURST") > 0
            ? qEnvironmentVariableIntValue("OOBM_BENCH_BURST")
            : 10000;
    QTemporaryDir dir;
    bool ok = run("sqlite", StoreLocation::sqlite(dir.filePath(QStringLiteral("bench.db"))), burst);
    const QString dsn = qEnvironmentVariable("OOBM_BENCH_PGSQL_DSN");
    if (!dsn.isEmpty()) {
        QString error;
        const StoreLocation pg = StoreLocation::parse(dsn, &error);
        ok = pg.isValid() && run("postgresql", pg, burst) && ok;
    }
    return ok ? 0 : 1;
}
