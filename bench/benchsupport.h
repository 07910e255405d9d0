// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <vector>

namespace Oobm::Core {
class StoreLocation;
}

// What the benchmarks share: the generators of a large store (plain SQL that the database runs
// itself, into the tables the project's schema made) and a connection of their own to run them
// on; a process's peak RSS, a free loopback port, medians and percentiles.
namespace Oobm::Bench {

// System n's UUID, as the generators write it (n: an SQL expression, 0 to 2^32 - 1).
QString uuidSql(bool sqlite, const QString &n);
// The same UUID, computed here.
QString uuidOf(int n);

// The Log's generator: entries first to last (from 1) of `entries` spread evenly over the 30 days
// after t0, as a busy provisioning server writes them. Severity: 2% Error, 8% Warning, ~54%
// Information, ~36% Debug (the trace); entries name `systems` systems in turn.
QString logGeneratorSql(bool sqlite, qint64 t0, qint64 entries, int systems, qint64 first, qint64 last);

// Runs the statements in order on a connection of its own; false and *error at the first that fails.
bool execOn(const Core::StoreLocation &location, const QStringList &statements, QString *error);
// The first column of the first row a query returns; invalid and *error when there is none.
QVariant queryValue(const Core::StoreLocation &location, const QString &sql, QString *error);

// One "name: value unit" line on standard output, flushed: what scripts/bench prints.
void metric(const QString &name, double value, const char *unit);
void metric(const char *name, double value, const char *unit);

// CPU seconds (user and system) this process has used so far.
double cpuSeconds();

// Runs the event loop (an engine or a store may live on this thread) until done() says so, asking
// it every pollMs (0: on every pass, at least every 5 ms), or until timeoutMs; whether done. The
// loop sleeps between passes, so the wait takes no CPU from what is measured.
bool waitWithEvents(const std::function<bool()> &done, int timeoutMs, int pollMs = 0);

// The peak resident set (VmHWM) of a process (0: this one), in MB.
double peakRssMb(qint64 pid = 0);

// A TCP port on 127.0.0.1 that nothing listened on a moment ago.
quint16 freePort();

double median(QList<double> values);
// The value at p (0 to 1) of the sorted values, to the nearest rank.
double percentile(std::vector<double> values, double p);

} // namespace Oobm::Bench
