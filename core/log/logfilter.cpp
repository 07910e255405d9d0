// SPDX-License-Identifier: GPL-2.0-or-later
#include "logfilter.h"

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
    if (!deviceUuid.isEmpty() && entry.deviceUuid.compare(deviceUuid, Qt::CaseInsensitive) != 0)
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

} // namespace Oobm::Core
