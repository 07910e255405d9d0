// SPDX-License-Identifier: GPL-2.0-or-later
#include "amttypes.h"

namespace Oobm::Core::Amt {

QString powerStateName(unsigned state)
{
    static const char *const names[] = {"S0 (on)",        "S1",           "S2",           "S3 (sleep)",
                                        "S4 (hibernate)", "S5 (soft off)", "S4/S5",        "mechanical off",
                                        "S1/S2/S3",       "S1-S4",        "S5 (override)", "legacy on",
                                        "legacy off"};
    const unsigned s = state & 0x0F;
    if (s < std::size(names))
        return QLatin1String(names[s]);
    return QStringLiteral("unknown (%1)").arg(state);
}

QString provisioningStateName(unsigned state)
{
    switch (state) {
    case 0:
        return QStringLiteral("Pre (factory)");
    case 1:
        return QStringLiteral("In (setup)");
    case 2:
        return QStringLiteral("Post (operational)");
    }
    return QStringLiteral("unknown (%1)").arg(state);
}

} // namespace Oobm::Core::Amt
