// SPDX-License-Identifier: GPL-2.0-or-later
#include "logfilter.h"

#include <QUuid>

namespace Oobm::Core {

bool LogFilter::isEmpty() const
{
    return severities.isEmpty() && source.isEmpty() && deviceUuid.isEmpty() && text.isEmpty() && !since.isValid()
            && !until.isValid();
}

bool LogFilter::matches(const LogEntry &entry) const
{
    if (!severities.isEmpty() && !severities.contains(entry.severity))
        return false;
    if (!source.isEmpty() && entry.source != source)
        return false;
    if (!deviceUuid.isEmpty() && deviceIsUuid()
        && entry.deviceUuid.compare(deviceUuid.trimmed(), Qt::CaseInsensitive) != 0)
        return false;
    if (!text.isEmpty() && !entry.message.contains(text, Qt::CaseInsensitive)
        && !entry.details.contains(text, Qt::CaseInsensitive))
        return false;
    if (since.isValid() && entry.time < since)
        return false;
    if (until.isValid() && entry.time > until)
        return false;
    return true;
}

bool LogFilter::deviceIsUuid() const
{
    return !QUuid::fromString(deviceUuid.trimmed()).isNull();
}

qint64 CategoryCounts::total() const
{
    qint64 sum = 0;
    for (qint64 n : counts)
        sum += n;
    return sum;
}

const QStringList &auditActions()
{
    static const QStringList actions{QStringLiteral("generate"), QStringLiteral("show"),   QStringLiteral("export"),
                                     QStringLiteral("import"),   QStringLiteral("delete"), QStringLiteral("task"),
                                     QStringLiteral("retire")};
    return actions;
}

bool AuditQuery::matches(const AuditEntry &entry) const
{
    if (!actions.isEmpty() && !actions.contains(entry.action, Qt::CaseInsensitive))
        return false;
    if (!text.isEmpty() && !entry.user.contains(text, Qt::CaseInsensitive)
        && !entry.host.contains(text, Qt::CaseInsensitive) && !entry.file.contains(text, Qt::CaseInsensitive)
        && !entry.details.contains(text, Qt::CaseInsensitive))
        return false;
    if (since.isValid() && entry.time < since)
        return false;
    if (until.isValid() && entry.time > until)
        return false;
    return true;
}

} // namespace Oobm::Core
