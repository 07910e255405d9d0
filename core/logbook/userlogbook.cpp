// SPDX-License-Identifier: GPL-2.0-or-later
#include "userlogbook.h"

#include "core/log/retention.h"
#include "core/logbook/logexporter.h"
#include "core/store/store.h"

namespace Oobm::Core {

namespace {
const LogEntry &entryOf(const LogRecord &record)
{
    return std::get<LogEntry>(record.entry);
}
} // namespace

LogFilter UserLogBook::logFilter(const RecordFilter &f)
{
    LogFilter l;
    for (int c : f.categories)
        l.severities << Severity(c);
    l.source = f.source;
    l.deviceUuid = f.device;
    l.text = f.text;
    l.since = f.since;
    l.until = f.until;
    return l;
}

RecordFilter UserLogBook::recordFilter(const LogFilter &l)
{
    RecordFilter f;
    for (Severity s : l.severities)
        f.categories << int(s);
    f.source = l.source;
    f.device = l.deviceUuid;
    f.text = l.text;
    f.since = l.since;
    f.until = l.until;
    return f;
}

LogRecord UserLogBook::record(const LogEntry &entry)
{
    return {entry.id, entry.time, int(entry.severity), entry};
}

QList<LogBook::ColumnSpec> UserLogBook::columns() const
{
    return {{tr("Date"), QStringLiteral("0000-00-00 00:00:00")},
            {tr("Severity"), QStringLiteral("Information") + QStringLiteral("    ")},
            {tr("Description"), {}},
            {tr("Source"), QStringLiteral("console")},
            {tr("UUID"), QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B")}};
}

QString UserLogBook::display(const LogRecord &record, int column) const
{
    const LogEntry &e = entryOf(record);
    switch (column) {
    case DateColumn:
        return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case SeverityColumn:
        return severityName(e.severity);
    case DescriptionColumn:
        return e.message;
    case SourceColumn:
        return e.source;
    case UuidColumn:
        return e.deviceUuid;
    }
    return {};
}

QString UserLogBook::details(const LogRecord &record) const
{
    const LogEntry &e = entryOf(record);
    return tr("Time:      %1 (UTC %2)\nSeverity:  %3\nSource:    %4\nSystem:    %5\nEntry:     "
              "%6\n\n%7\n\n%8")
            .arg(e.time.toLocalTime().toString(Qt::ISODateWithMs), e.time.toString(Qt::ISODateWithMs),
                 severityName(e.severity), e.source, e.deviceUuid.isEmpty() ? tr("none") : e.deviceUuid)
            .arg(e.id)
            .arg(e.message, e.details);
}

QStringList UserLogBook::copyFields(const LogRecord &record) const
{
    const LogEntry &e = entryOf(record);
    return {e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            severityName(e.severity),
            e.source,
            e.deviceUuid,
            e.message,
            e.details};
}

QList<LogBook::Category> UserLogBook::categories() const
{
    QList<Category> list;
    for (Severity s : allSeverities())
        list.append({int(s), severityKey(s), severityName(s)});
    return list;
}

QString UserLogBook::allSourcesLabel() const
{
    return tr("All sources");
}

QStringList UserLogBook::sourceChoices() const
{
    return {QStringLiteral("engine"), QStringLiteral("console"), QStringLiteral("oobmctl"),
            QStringLiteral("trace"),  QStringLiteral("keys"),    QStringLiteral("dns")};
}

QString UserLogBook::textPlaceholder() const
{
    return tr("Search message and details");
}

QString UserLogBook::emptyText(bool filtered) const
{
    if (filtered)
        return tr("<p><b>No entries match this filter.</b></p><p>Clear the search text, choose "
                  "more severities or a longer time range.</p>");
    return tr("<p><b>No log entries yet.</b></p><p>Entries appear here as the provisioning "
              "service and the console work: a hello packet received, a system provisioned or "
              "failed, a setting changed on the General page.</p>");
}

QFuture<StoreResult<QList<LogRecord>>> UserLogBook::query(const RecordQuery &query) const
{
    LogQuery q;
    q.filter = logFilter(query.filter);
    q.beforeId = query.beforeId;
    q.afterId = query.afterId;
    q.limit = query.limit;
    q.oldestFirst = query.oldestFirst;
    return records(store()->queryLog(q), &record);
}

QFuture<StoreResult<CategoryCounts>> UserLogBook::count(const RecordFilter &filter) const
{
    return store()->countLog(logFilter(filter));
}

bool UserLogBook::purgedBy(const PurgeReport &report) const
{
    return report.log > 0;
}

QByteArray UserLogBook::csvHeader() const
{
    return LogExporter::csvHeader();
}

QByteArray UserLogBook::csvLine(const LogRecord &record) const
{
    return LogExporter::csvLine(entryOf(record));
}

QJsonObject UserLogBook::json(const LogRecord &record) const
{
    return LogExporter::json(entryOf(record));
}

} // namespace Oobm::Core
