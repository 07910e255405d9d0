// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Oobm::Core {

// What a task does to each Intel AMT system it targets. The numbers are stored.
enum class Operation {
    PowerOn = 0,
    PowerOff = 1,
    Reset = 2,
    PowerCycle = 3,
    BootPxe = 4,             // the next boot from the network, then a power cycle
    BootHardDisk = 5,        // ... from the hard disk
    BootCd = 6,              // ... from the CD/DVD drive
    BootBiosSetup = 7,       // ... into BIOS setup
    SyncClock = 8,           // the device's clock from the server's (NetworkTime)
    RotateAdminPassword = 9, // a new random admin password, sealed at rest
    ReapplyProfile = 10,     // the profile's ACL users and TLS settings again
    UnprovisionPartial = 11,
    UnprovisionFull = 12,
    RestartHello = 13, // the hello sequence again, through the host's agent (Delayed Provisioning)
};

QList<Operation> allOperations();
QString operationName(Operation operation); // "Power off", translated
QString operationKey(Operation operation);  // "power-off", for the CLI and JSON
bool operationFromKey(const QString &key, Operation *operation);
// Operations that change what a device does or is, and want a confirmation before a run.
bool isDestructive(Operation operation);
// Operations that talk to the device with its stored admin credentials (all but RestartHello).
bool needsCredentials(Operation operation);
// Operations an engine may try again after a timeout or a lost connection, when the device may
// have done them already: doing them twice leaves the device as doing them once (power on/off
// look at the power state first; a boot setting, the clock). Not reset or power cycle (a second
// restart), nor password, profile or unprovision (the first may have changed the credentials).
bool isSafeToRepeat(Operation operation);

} // namespace Oobm::Core
