// SPDX-License-Identifier: GPL-2.0-or-later
#include "logfilter.h"

#include <QUuid>

namespace Oobm::Core {

bool LogFilter::isEmpty() const
{
    return severities.isEmpty() && source.isEmpty() && deviceUuid.isEmpty() && text.isEmpty()
            && !since.isValid() && !until.isValid();
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

qint64 SeverityCounts::of(Severity severity) const
{
    switch (severity) {
    case Severity::Error:
        return error;
    case Severity::Warning:
        return warning;
    case Severity::Information:
        return information;
    case Severity::Debug:
        return debug;
    }
    return 0;
}

void SeverityCounts::add(Severity severity, qint64 count)
{
    switch (severity) {
    case Severity::Error:
        error += count;
        break;
    case Severity::Warning:
        warning += count;
        break;
    case Severity::Information:
        information += count;
        break;
    case Severity::Debug:
        debug += count;
        break;
    }
}

bool AuditQuery::matches(const AuditEntry &entry) const
{
    if (!action.isEmpty() && entry.action.compare(action, Qt::CaseInsensitive) != 0)
        return false;
    if (!text.isEmpty() && !entry.user.contains(text, Qt::CaseInsensitive)
        && !entry.host.contains(text, Qt::CaseInsensitive)
        && !entry.file.contains(text, Qt::CaseInsensitive)
        && !entry.details.contains(text, Qt::CaseInsensitive))
        return false;
    if (since.isValid() && entry.time < since)
        return false;
    if (until.isValid() && entry.time > until)
        return false;
    return true;
}

} // namespace Oobm::Core
