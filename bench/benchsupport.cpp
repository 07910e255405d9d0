// SPDX-License-Identifier: GPL-2.0-or-later
#include "benchsupport.h"

#include "core/store/storelocation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace Oobm::Bench {

QString uuidSql(bool sqlite, const QString &n)
{
    // Concatenated: QString::arg would take printf's %01 for a placeholder.
    if (sqlite)
        return QStringLiteral("printf('%08X-D413-181D-E487-%012X', ") + n + QStringLiteral(", ") + n + u')';
    return QStringLiteral("lpad(upper(to_hex(") + n
            + QStringLiteral(")), 8, '0') || '-D413-181D-E487-' || lpad(upper(to_hex(") + n
            + QStringLiteral(")), 12, '0')");
}

QString uuidOf(int n)
{
    return QString::asprintf("%08X-D413-181D-E487-%012X", n, n);
}

QString logGeneratorSql(bool sqlite, qint64 t0, qint64 entries, int systems, qint64 first, qint64 last)
{
    const QString uuid = uuidSql(sqlite, QStringLiteral("i % %1").arg(systems));
    const QString ip = QStringLiteral("'10.' || (i / 250 % 250) || '.' || (i % 250)");
    const qint64 stepMs = qint64(30) * 24 * 3600 * 1000 / entries;
    const QString select = QStringLiteral(
                                   "SELECT %1 + CAST(i AS BIGINT) * %2, "
                                   "CASE WHEN i %% 50 = 0 THEN 1 WHEN i %% 50 < 5 THEN 2 WHEN i %% 10 < 6 "
                                   "THEN 3 ELSE 4 END, "
                                   "CASE WHEN i %% 50 >= 5 AND i %% 10 >= 6 THEN 'trace' WHEN i %% 20 = 0 THEN "
                                   "'console' WHEN i %% 20 = 1 THEN 'oobmctl' ELSE 'engine' END, "
                                   "CASE WHEN i %% 10 = 9 THEN NULL ELSE %4 END, "
                                   "CASE WHEN i %% 50 = 0 THEN 'Provisioning failed for ' || %4 || ': "
                                   "PT_STATUS_AUTH_FAILURE (0x0800)' "
                                   "WHEN i %% 50 < 5 THEN 'Hello window expired for ' || %4 || ' after ' || (i "
                                   "%% 7 + 1) || ' retries' "
                                   "WHEN i %% 10 < 6 THEN CASE i %% 3 WHEN 0 THEN 'Incoming connection from ' || "
                                   "%5 WHEN 1 THEN 'Hello packet from ' || %4 || ', version 2' ELSE "
                                   "'Provisioned amt-' || (i %% %3) || '.example.test with profile Default' "
                                   "END "
                                   "ELSE 'SOAP GetCoreVersion to ' || %5 || ': status 200 in ' || (i %% 97) || "
                                   "' ms' END, "
                                   "'engine oobm-' || (i %% 3) || ', attempt ' || (i %% 5 + 1)")
                                   .arg(t0)
                                   .arg(stepMs)
                                   .arg(systems)
                                   .arg(uuid, ip) // last: the UUID's printf format would read as placeholders
                                   .replace(QStringLiteral("%%"), QStringLiteral("%"));
    const QString insert = QStringLiteral(
            "INSERT INTO log (time_ms, severity, source, device_uuid, message, details) ");
    if (sqlite)
        return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT %1 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < %2) ")
                       .arg(first)
                       .arg(last)
                + insert + select + QStringLiteral(" FROM n");
    return insert + select + QStringLiteral(" FROM generate_series(%1, %2) AS n(i)").arg(first).arg(last);
}

namespace {

// Runs `work` on a connection of its own to the store; false and *error when it cannot connect.
template<typename Work>
bool withConnection(const Core::StoreLocation &location, QString *error, Work work)
{
    const QString name = QStringLiteral("bench-store-%1").arg(quintptr(&location));
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(location.driver(), name);
        if (location.kind() == Core::StoreLocation::Kind::SQLite) {
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
        ok = ok && work(q);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

bool execOn(const Core::StoreLocation &location, const QStringList &statements, QString *error)
{
    return withConnection(location, error, [&](QSqlQuery &q) {
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                *error = q.lastError().text() + QStringLiteral(" in ") + sql.left(80);
                return false;
            }
        }
        return true;
    });
}

QVariant queryValue(const Core::StoreLocation &location, const QString &sql, QString *error)
{
    QVariant value;
    withConnection(location, error, [&](QSqlQuery &q) {
        if (!q.exec(sql) || !q.next()) {
            *error = q.lastError().text() + QStringLiteral(" in ") + sql.left(80);
            return false;
        }
        value = q.value(0);
        return true;
    });
    return value;
}

void metric(const char *name, double value, const char *unit)
{
    std::printf("%s: %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

void metric(const QString &name, double value, const char *unit)
{
    metric(qPrintable(name), value, unit);
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

bool waitWithEvents(const std::function<bool()> &done, int timeoutMs, int pollMs)
{
    // The event loop sleeps between passes (a timer wakes it for the next look), so waiting costs
    // no CPU: processEvents with a time limit returns at once when nothing is queued, and spinning
    // on it took a core from the engine under measurement and from its floor.
    QTimer wake;
    wake.start(pollMs > 1 ? pollMs / 2 : 5);
    QElapsedTimer t;
    t.start();
    QElapsedTimer poll;
    for (;;) {
        if (!poll.isValid() || poll.elapsed() >= pollMs) {
            poll.start();
            if (done())
                return true;
        }
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
}

double peakRssMb(qint64 pid)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5))];
}

} // namespace Oobm::Bench
