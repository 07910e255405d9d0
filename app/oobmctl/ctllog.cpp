// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctllog.h"

#include "core/log/logentry.h"
#include "core/logbook/logexporter.h"
#include "core/settings/servicesettings.h"

#include <algorithm>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

// --severity S, which may repeat or list several: error,warning.
bool parseSeverities(Context &c, QList<Severity> *severities, int *exitCode)
{
    for (const QString &value : c.parser.values(QStringLiteral("severity"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            Severity s;
            if (!severityFromKey(part, &s)) {
                *exitCode = usage(c.err,
                                  QStringLiteral("Unknown severity '%1'; use error, warning, "
                                                 "information or debug.")
                                          .arg(part));
                return false;
            }
            if (!severities->contains(s))
                severities->append(s);
        }
    }
    return true;
}

// One line of log tail and log query as text.
void printEntry(QTextStream &out, const LogEntry &e)
{
    out << e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
        << severityName(e.severity).leftJustified(11) << "  " << e.source.leftJustified(8) << "  "
        << (e.deviceUuid.isEmpty() ? QStringLiteral("-") : e.deviceUuid) << "  " << e.message;
    if (!e.details.isEmpty())
        out << " (" << e.details << ')';
    out << '\n';
}

} // namespace

int logTail(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'log tail' takes no arguments, only -n N and --severity S."));
    LogQuery query;
    int code = Success;
    QList<LogEntry> entries;
    if (!parseCount(c, 20, &query.limit, &code) || !parseSeverities(c, &query.filter.severities, &code)
        || !fetchList(
                c, [&](Store &store) { return store.queryLog(query); }, &entries, &code))
        return code;
    std::reverse(entries.begin(), entries.end()); // tail: oldest of the page first
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const LogEntry &e : std::as_const(entries)) {
            QJsonObject o;
            o.insert(QStringLiteral("id"), e.id);
            o.insert(QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs));
            o.insert(QStringLiteral("severity"), severityKey(e.severity));
            o.insert(QStringLiteral("source"), e.source);
            o.insert(QStringLiteral("uuid"), e.deviceUuid.isEmpty() ? QJsonValue() : QJsonValue(e.deviceUuid));
            o.insert(QStringLiteral("message"), e.message);
            o.insert(QStringLiteral("details"), e.details);
            a.append(o);
        }
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        for (const LogEntry &e : std::as_const(entries))
            printEntry(c.out, e);
    }
    c.out.flush();
    return Success;
}

int logQuery(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'log query' takes no arguments, only options such as "
                                    "--severity, --since, --text (see oobmctl --help)."));
    int code = Success;
    LogFilter filter;
    if (!parseSeverities(c, &filter.severities, &code) || !parseTime(c, QStringLiteral("since"), &filter.since, &code)
        || !parseTime(c, QStringLiteral("until"), &filter.until, &code))
        return code;
    if (filter.since.isValid() && filter.until.isValid() && filter.since > filter.until)
        return usage(c.err,
                     QStringLiteral("--since is after --until, so nothing can match; "
                                    "swap them."));
    filter.source = c.parser.value(QStringLiteral("source")).trimmed();
    filter.deviceUuid = c.parser.value(QStringLiteral("system")).trimmed();
    filter.text = c.parser.value(QStringLiteral("text"));
    int limit = 0;
    ListFormat format;
    if (!parseLimit(c, 100, &limit, &code) || !queryFormat(c, "log query", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    LogQuery query;
    query.filter = filter;
    QList<LogEntry> entries;
    while (entries.size() < limit) {
        query.limit = int(qMin<qsizetype>(LogExporter::PageSize, limit - entries.size()));
        const StoreResult<QList<LogEntry>> r = store->queryLog(query).result();
        if (!r.ok())
            return failure(c.err, r.error.message);
        entries += r.value;
        if (r.value.size() < query.limit)
            break;
        query.beforeId = r.value.constLast().id;
    }
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const LogEntry &e : std::as_const(entries))
            a.append(LogExporter::json(e));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else if (format == ListFormat::Csv) {
        c.out << LogExporter::csvHeader();
        for (const LogEntry &e : std::as_const(entries))
            c.out << LogExporter::csvLine(e);
    } else {
        for (const LogEntry &e : std::as_const(entries))
            printEntry(c.out, e);
    }
    c.out.flush();
    return Success;
}

int logPurge(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'log purge' takes no arguments, only --older-than "
                                    "DAYS."));
    if (!c.parser.isSet(QStringLiteral("older-than")))
        return usage(c.err,
                     QStringLiteral("'log purge' needs --older-than DAYS, e.g. "
                                    "'oobmctl log purge --older-than 90'."));
    bool ok = false;
    const int days = c.parser.value(QStringLiteral("older-than")).trimmed().toInt(&ok);
    if (!ok || days < 1 || days > ServiceSettings::MaxRetentionDays)
        return usage(c.err,
                     QStringLiteral("--older-than takes a number of days from 1 to %1, not "
                                    "'%2'.")
                             .arg(ServiceSettings::MaxRetentionDays)
                             .arg(c.parser.value(QStringLiteral("older-than"))));
    int code = Success;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    RetentionPolicy policy;
    policy.logDays = days;
    const StoreResult<PurgeReport> r = store->purge(policy).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    // The purge itself goes to the log, which says who removed what.
    store->appendLog({LogEntry::make(
                             Severity::Information, QStringLiteral("oobmctl"),
                             QStringLiteral("Purged %1 log entries older than %2 days.").arg(r.value.log).arg(days))})
            .waitForFinished();
    if (c.format == Format::Json) {
        QJsonObject o;
        o.insert(QStringLiteral("deleted"), r.value.log);
        o.insert(QStringLiteral("olderThanDays"), days);
        c.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        c.out << QStringLiteral("Deleted %1 log entries older than %2 days.").arg(r.value.log).arg(days) << '\n';
    }
    c.out.flush();
    return Success;
}

} // namespace Oobm::Ctl
