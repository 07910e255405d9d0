// SPDX-License-Identifier: GPL-2.0-or-later
#include "bootsetting.h"

#include <algorithm>
#include <iterator>

namespace Oobm::Sim {

using Core::Amt::PtStatus;

namespace {

constexpr unsigned IntelOemCommand = 0xC1;

struct OemTarget
{
    unsigned parameter;
    const char *key;
};
// The Intel OEM command's SpecialCommandParameter values amt-sim accepts: one target each.
constexpr OemTarget OemTargets[] = {
        {0x0001, "ider-floppy"}, {0x0101, "ider-cd"},    {0x0004, "reflash-bios"},
        {0x0008, "bios-setup"},  {0x0010, "bios-pause"},
};

constexpr const char *SpecialKeys[] = {"none", "pxe", "hard-disk", "hard-disk-safe-mode", "diagnostics", "cd-dvd"};

// BootOptions: lock power, reset, keyboard, sleep; bypass the user password; force progress events.
constexpr unsigned KnownBootOptions = 2 | 4 | 32 | 64 | 2048 | 4096;

} // namespace

QString BootSetting::key() const
{
    if (specialCommand < std::size(SpecialKeys))
        return QLatin1String(SpecialKeys[specialCommand]);
    if (specialCommand == IntelOemCommand) {
        for (const OemTarget &t : OemTargets) {
            if (t.parameter == parameter)
                return QLatin1String(t.key);
        }
    }
    return QStringLiteral("unknown");
}

PtStatus BootSetting::check(unsigned specialCommand, unsigned parameter, unsigned bootOptions)
{
    if (specialCommand >= std::size(SpecialKeys) && specialCommand != IntelOemCommand)
        return PtStatus::InvalidSpecialCommand;
    if (specialCommand == IntelOemCommand) {
        if (!std::any_of(std::cbegin(OemTargets), std::cend(OemTargets),
                         [parameter](const OemTarget &t) { return t.parameter == parameter; }))
            return PtStatus::InvalidParameter;
    } else if (parameter != 0) {
        return PtStatus::InvalidParameter;
    }
    if (bootOptions & ~KnownBootOptions)
        return PtStatus::UnsupportedBootOption;
    return PtStatus::Success;
}

} // namespace Oobm::Sim
