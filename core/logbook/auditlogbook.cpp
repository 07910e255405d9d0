// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditlogbook.h"

#include "core/log/retention.h"
#include "core/store/store.h"

namespace Oobm::Core {

namespace {
const AuditEntry &entryOf(const LogRecord &record)
{
    return std::get<AuditEntry>(record.entry);
}

QString actionName(const QString &action)
{
    // The stored action is the stable key; the page shows it translated.
    static const char *const names[] = {QT_TRANSLATE_NOOP("Oobm::Core::AuditLogBook", "Generate"),
                                        QT_TRANSLATE_NOOP("Oobm::Core::AuditLogBook", "Show"),
                                        QT_TRANSLATE_NOOP("Oobm::Core::AuditLogBook", "Export"),
                                        QT_TRANSLATE_NOOP("Oobm::Core::AuditLogBook", "Import"),
                                        QT_TRANSLATE_NOOP("Oobm::Core::AuditLogBook", "Delete"),
                                        QT_TRANSLATE_NOOP("Oobm::Core::AuditLogBook", "Task"),
                                        QT_TRANSLATE_NOOP("Oobm::Core::AuditLogBook", "Retire")};
    const qsizetype i = auditActions().indexOf(action.toLower());
    return i < 0 ? action : QCoreApplication::translate("Oobm::Core::AuditLogBook", names[i]);
}
} // namespace

AuditQuery AuditLogBook::auditQuery(const RecordFilter &f)
{
    AuditQuery q;
    for (int c : f.categories) {
        if (c >= 0 && c < auditActions().size())
            q.actions << auditActions().at(c);
    }
    q.text = f.text;
    q.since = f.since;
    q.until = f.until;
    return q;
}

LogRecord AuditLogBook::record(const AuditEntry &entry)
{
    return {entry.id, entry.time, int(auditActions().indexOf(entry.action.toLower())), entry};
}

QJsonObject AuditLogBook::entryJson(const AuditEntry &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("user"), e.user);
    o.insert(QStringLiteral("host"), e.host);
    o.insert(QStringLiteral("action"), e.action);
    o.insert(QStringLiteral("count"), e.count);
    o.insert(QStringLiteral("file"), e.file);
    o.insert(QStringLiteral("details"), e.details);
    return o;
}

QList<LogBook::ColumnSpec> AuditLogBook::columns() const
{
    return {{tr("Date"), QStringLiteral("0000-00-00 00:00:00")},
            {tr("User"), QStringLiteral("administrator")},
            {tr("Host"), QStringLiteral("console-host.example")},
            {tr("Action"), QStringLiteral("Generate")},
            {tr("Keys"), QStringLiteral("100000"), true},
            {tr("File"), QStringLiteral("/home/admin/keys/setup.bin")},
            {tr("Details"), {}}};
}

QString AuditLogBook::display(const LogRecord &record, int column) const
{
    const AuditEntry &e = entryOf(record);
    switch (column) {
    case TimeColumn:
        return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case UserColumn:
        return e.user;
    case HostColumn:
        return e.host;
    case ActionColumn:
        return actionName(e.action);
    case CountColumn:
        return QString::number(e.count);
    case FileColumn:
        return e.file;
    case DetailsColumn:
        return e.details;
    }
    return {};
}

QString AuditLogBook::details(const LogRecord &record) const
{
    const AuditEntry &e = entryOf(record);
    return tr("Time:      %1 (UTC %2)\nWho:       %3 on %4\nAction:    %5 (%6 keys)\nFile:      "
              "%7\nEntry:     %8\n\n%9")
            .arg(e.time.toLocalTime().toString(Qt::ISODateWithMs), e.time.toString(Qt::ISODateWithMs), e.user, e.host,
                 actionName(e.action))
            .arg(e.count)
            .arg(e.file.isEmpty() ? tr("none") : e.file)
            .arg(e.id)
            .arg(e.details);
}

QStringList AuditLogBook::copyFields(const LogRecord &record) const
{
    const AuditEntry &e = entryOf(record);
    return {e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            e.user,
            e.host,
            e.action,
            QString::number(e.count),
            e.file,
            e.details};
}

QList<LogBook::Category> AuditLogBook::categories() const
{
    QList<Category> list;
    for (int i = 0; i < auditActions().size(); ++i)
        list.append({i, auditActions().at(i), actionName(auditActions().at(i))});
    return list;
}

QString AuditLogBook::textPlaceholder() const
{
    return tr("Search user, host, file and details");
}

QString AuditLogBook::emptyText(bool filtered) const
{
    if (filtered)
        return tr("<p><b>No entries match this filter.</b></p><p>Clear the search text, choose "
                  "more actions or a longer time range.</p>");
    return tr("<p><b>No entries yet.</b></p><p>Generating, showing, exporting, importing or "
              "deleting security keys is recorded here: who, on which host, when, and how "
              "many keys. Secrets themselves are never recorded.</p>");
}

QFuture<StoreResult<QList<LogRecord>>> AuditLogBook::query(const RecordQuery &query) const
{
    AuditQuery q = auditQuery(query.filter);
    q.beforeId = query.beforeId;
    q.afterId = query.afterId;
    q.limit = query.limit;
    q.oldestFirst = query.oldestFirst;
    return records(store()->queryAudit(q), &record);
}

QFuture<StoreResult<CategoryCounts>> AuditLogBook::count(const RecordFilter &filter) const
{
    return store()->countAudit(auditQuery(filter));
}

bool AuditLogBook::purgedBy(const PurgeReport &report) const
{
    return report.audit > 0;
}

QByteArray AuditLogBook::csvHeader() const
{
    return QByteArrayLiteral("id,time,user,host,action,count,file,details\n");
}

QByteArray AuditLogBook::csvLine(const LogRecord &record) const
{
    const AuditEntry &e = entryOf(record);
    return csvRow(e.id,
                  {e.time.toString(Qt::ISODateWithMs), e.user, e.host, e.action, QString::number(e.count), e.file,
                   e.details});
}

QJsonObject AuditLogBook::json(const LogRecord &record) const
{
    return entryJson(entryOf(record));
}

} // namespace Oobm::Core
