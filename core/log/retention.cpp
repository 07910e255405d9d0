// SPDX-License-Identifier: GPL-2.0-or-later
#include "retention.h"

#include "core/settings/servicesettings.h"

namespace Oobm::Core {

RetentionPolicy RetentionPolicy::fromSettings(const ServiceSettings &settings)
{
    RetentionPolicy p;
    p.logDays = settings.logRetentionDays;
    p.logMaxEntries = settings.logRetentionEntries;
    p.actionsDays = settings.actionsRetentionDays;
    p.actionsMaxEntries = settings.actionsRetentionEntries;
    p.auditDays = settings.auditRetentionDays;
    return p;
}

bool RetentionPolicy::isEmpty() const
{
    return logDays <= 0 && logMaxEntries <= 0 && actionsDays <= 0 && actionsMaxEntries <= 0 && auditDays <= 0;
}

} // namespace Oobm::Core
