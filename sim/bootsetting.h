// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/ptstatus.h"

#include <QString>

namespace Oobm::Sim {

// What a simulated device boots from at its next start, as RemoteControl's SpecialCommand,
// SpecialCommandParameter and BootOptions give it (docs/protocol.md §5.3): set by SetBootOptions
// (Command 0x21), or given with a power up, reset or power cycle for that boot only.
struct BootSetting
{
    unsigned specialCommand = 0; // 0 none, 1 PXE, 2 hard disk, 3 safe mode, 4 diagnostics, 5 CD/DVD, 0xC1 Intel OEM
    unsigned parameter = 0;      // with 0xC1: 0x0001 IDE-R floppy, 0x0101 IDE-R CD, 0x0004 reflash, 0x0008 BIOS
                                 // setup, 0x0010 BIOS pause
    unsigned bootOptions = 0;    // lock and bypass bits

    bool isSet() const { return specialCommand != 0 || bootOptions != 0; }
    // "none", "pxe", "hard-disk", "hard-disk-safe-mode", "diagnostics", "cd-dvd", "ider-floppy",
    // "ider-cd", "reflash-bios", "bios-setup", "bios-pause": the device it boots from.
    QString key() const;

    // What the firmware answers for these values (docs/protocol.md §5.3): Success,
    // InvalidSpecialCommand (a SpecialCommand above 5 and not 0xC1), InvalidParameter (a
    // SpecialCommandParameter with 1-5, or 0xC1 with anything but one of its five values), or
    // UnsupportedBootOption (a BootOptions bit that is not defined).
    static Core::Amt::PtStatus check(unsigned specialCommand, unsigned parameter, unsigned bootOptions);
};

} // namespace Oobm::Sim
