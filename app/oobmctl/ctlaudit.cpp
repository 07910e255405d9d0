// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlaudit.h"

#include "core/logbook/auditlogbook.h"

#include <algorithm>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QStringList auditRow(const AuditEntry &e, bool csv)
{
    return QStringList{csv ? e.time.toString(Qt::ISODateWithMs)
                           : e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                       e.user,
                       e.host,
                       e.action,
                       QString::number(e.count),
                       e.file,
                       e.details};
}

} // namespace

int auditTail(Context &c)
{
    int limit = 20;
    if (c.parser.isSet(QStringLiteral("n")))
        limit = c.parser.value(QStringLiteral("n")).toInt();
    int code = Success;
    QList<AuditEntry> entries;
    if (!fetchList(
                c, [&](Store &store) { return store.securityAudit(qMax(1, limit)); }, &entries, &code))
        return code;
    std::reverse(entries.begin(), entries.end());
    for (const AuditEntry &e : std::as_const(entries))
        c.out << e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  " << e.user << '@' << e.host
              << "  " << e.action << "  " << e.count << (e.file.isEmpty() ? QString() : QStringLiteral("  ") + e.file)
              << (e.details.isEmpty() ? QString() : QStringLiteral("  (") + e.details + u')') << '\n';
    c.out.flush();
    return Success;
}

int auditQuery(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'audit query' takes no arguments, only options such "
                                    "as --since, --action, --text (see oobmctl --help)."));
    if (c.parser.isSet(QStringLiteral("severity")) || c.parser.isSet(QStringLiteral("system"))
        || c.parser.isSet(QStringLiteral("source")))
        return usage(c.err,
                     QStringLiteral("Security Audit entries have no severity, system or "
                                    "source; filter them with --action, --text, --since "
                                    "and --until."));
    int code = Success;
    AuditQuery query;
    if (!parseTime(c, QStringLiteral("since"), &query.since, &code)
        || !parseTime(c, QStringLiteral("until"), &query.until, &code))
        return code;
    if (const QString action = c.parser.value(QStringLiteral("action")).trimmed(); !action.isEmpty()) {
        if (!auditActions().contains(action.toLower()))
            return usage(c.err,
                         QStringLiteral("Unknown action '%1'; use %2.")
                                 .arg(action, auditActions().join(QStringLiteral(", "))));
        query.actions = {action.toLower()};
    }
    query.text = c.parser.value(QStringLiteral("text"));
    int limit = 0;
    ListFormat format;
    if (!parseLimit(c, 100, &limit, &code) || !queryFormat(c, "audit query", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    QList<AuditEntry> entries;
    while (entries.size() < limit) {
        query.limit = int(qMin<qsizetype>(5000, limit - entries.size()));
        const StoreResult<QList<AuditEntry>> r = store->queryAudit(query).result();
        if (!r.ok())
            return failure(c.err, r.error.message);
        entries += r.value;
        if (r.value.size() < query.limit)
            break;
        query.beforeId = r.value.constLast().id;
    }
    printList(c, format, entries,
              {.json = AuditLogBook::entryJson,
               .row = auditRow,
               .csvHeader = {QStringLiteral("Time"), QStringLiteral("User"), QStringLiteral("Host"),
                             QStringLiteral("Action"), QStringLiteral("Count"), QStringLiteral("File"),
                             QStringLiteral("Details")}});
    return Success;
}

} // namespace Oobm::Ctl
