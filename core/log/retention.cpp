// SPDX-License-Identifier: GPL-2.0-or-later
#include "retention.h"

namespace Oobm::Core {

bool RetentionPolicy::isEmpty() const
{
    return logDays <= 0 && logMaxEntries <= 0 && actionsDays <= 0 && actionsMaxEntries <= 0 && auditDays <= 0;
}

} // namespace Oobm::Core
