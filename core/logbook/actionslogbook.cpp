// SPDX-License-Identifier: GPL-2.0-or-later
#include "actionslogbook.h"

#include "core/log/retention.h"
#include "core/provisioning/actionrecord.h"
#include "core/store/store.h"

namespace Oobm::Core {

namespace {
const ActionRecord &actionOf(const LogRecord &record)
{
    return std::get<ActionRecord>(record.entry);
}
} // namespace

ActionFilter ActionsLogBook::actionFilter(const RecordFilter &f)
{
    ActionFilter a;
    for (int c : f.categories)
        a.results << ActionRecord::Result(c);
    a.step = f.source;
    a.uuid = f.device;
    a.text = f.text;
    a.since = f.since;
    a.until = f.until;
    return a;
}

LogRecord ActionsLogBook::record(const ActionRecord &action)
{
    return {action.id, action.time, int(action.result), action};
}

QStringList ActionsLogBook::steps()
{
    static const QStringList steps = provisioningSteps()
            + QStringList{QStringLiteral("DelayedProvision"), QStringLiteral("RemoteControl"),
                          QStringLiteral("Unprovision")};
    return steps;
}

QList<LogBook::ColumnSpec> ActionsLogBook::columns() const
{
    return {{tr("Time"), QStringLiteral("0000-00-00 00:00:00.000")},
            {tr("System (UUID)"), QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B")},
            {tr("Step"), QStringLiteral("SetHighAccuracyTimeSynch")},
            {tr("Result"), QStringLiteral("Succeeded") + QStringLiteral("    ")},
            {tr("Duration"), QStringLiteral("00000 ms"), true},
            {tr("Status"), QStringLiteral("PT_STATUS_SUCCESS")},
            {tr("Attempt"), QStringLiteral("Attempt"), true},
            {tr("Message"), {}}};
}

QString ActionsLogBook::display(const LogRecord &record, int column) const
{
    const ActionRecord &a = actionOf(record);
    switch (column) {
    case TimeColumn:
        return a.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case SystemColumn:
        return a.uuid;
    case StepColumn:
        return a.step;
    case ResultColumn:
        return actionResultName(a.result);
    case DurationColumn:
        return tr("%1 ms").arg(a.durationMs);
    case StatusColumn:
        return a.status;
    case AttemptColumn:
        return QString::number(a.attempt);
    case MessageColumn:
        return a.message;
    }
    return {};
}

QString ActionsLogBook::details(const LogRecord &record) const
{
    const ActionRecord &a = actionOf(record);
    return tr("Time:      %1 (UTC %2)\nSystem:    %3\nStep:      %4 (attempt %5)\nResult:    "
              "%6 after %7 ms\nStatus:    %8\nEntry:     %9\n\n%10")
            .arg(a.time.toLocalTime().toString(Qt::ISODateWithMs), a.time.toString(Qt::ISODateWithMs), a.uuid, a.step)
            .arg(a.attempt)
            .arg(actionResultName(a.result))
            .arg(a.durationMs)
            .arg(a.status.isEmpty() ? tr("none") : a.status)
            .arg(a.id)
            .arg(a.message);
}

QStringList ActionsLogBook::copyFields(const LogRecord &record) const
{
    const ActionRecord &a = actionOf(record);
    return {a.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
            a.uuid,
            a.step,
            actionResultName(a.result),
            QString::number(a.durationMs),
            a.status,
            QString::number(a.attempt),
            a.message};
}

QList<LogBook::Category> ActionsLogBook::categories() const
{
    QList<Category> list;
    for (auto r : {ActionRecord::Result::Failed, ActionRecord::Result::Succeeded, ActionRecord::Result::Skipped})
        list.append({int(r), actionResultKey(r), actionResultName(r)});
    return list;
}

QString ActionsLogBook::allSourcesLabel() const
{
    return tr("All steps");
}

QString ActionsLogBook::textPlaceholder() const
{
    return tr("Search message and status");
}

QString ActionsLogBook::emptyText(bool filtered) const
{
    if (filtered)
        return tr("<p><b>No steps match this filter.</b></p><p>Clear the search text, choose "
                  "more results or a longer time range.</p>");
    return tr("<p><b>No actions yet.</b></p><p>Each step the provisioning engine runs against a "
              "system (and each power or unprovision action) is listed here with its result, "
              "duration and the status code the device answered.</p>");
}

QFuture<StoreResult<QList<LogRecord>>> ActionsLogBook::query(const RecordQuery &query) const
{
    ActionFilter f = actionFilter(query.filter);
    f.beforeId = query.beforeId;
    f.afterId = query.afterId;
    f.limit = query.limit;
    f.oldestFirst = query.oldestFirst;
    return records(store()->listActions(f), &record);
}

QFuture<StoreResult<CategoryCounts>> ActionsLogBook::count(const RecordFilter &filter) const
{
    return store()->countActions(actionFilter(filter));
}

bool ActionsLogBook::purgedBy(const PurgeReport &report) const
{
    return report.actions > 0;
}

QByteArray ActionsLogBook::csvHeader() const
{
    return QByteArrayLiteral("id,time,uuid,step,result,duration_ms,status,attempt,message\n");
}

QByteArray ActionsLogBook::csvLine(const LogRecord &record) const
{
    const ActionRecord &a = actionOf(record);
    return csvRow(a.id,
                  {a.time.toString(Qt::ISODateWithMs), a.uuid, a.step, actionResultKey(a.result),
                   QString::number(a.durationMs), a.status, QString::number(a.attempt), a.message});
}

QJsonObject ActionsLogBook::json(const LogRecord &record) const
{
    const ActionRecord &a = actionOf(record);
    QJsonObject o;
    o.insert(QStringLiteral("id"), a.id);
    o.insert(QStringLiteral("time"), a.time.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("uuid"), a.uuid);
    o.insert(QStringLiteral("step"), a.step);
    o.insert(QStringLiteral("result"), actionResultKey(a.result));
    o.insert(QStringLiteral("durationMs"), a.durationMs);
    o.insert(QStringLiteral("status"), a.status);
    o.insert(QStringLiteral("attempt"), a.attempt);
    o.insert(QStringLiteral("message"), a.message);
    return o;
}

} // namespace Oobm::Core
