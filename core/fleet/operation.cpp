// SPDX-License-Identifier: GPL-2.0-or-later
#include "operation.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::Operation", text);
}
} // namespace

QList<Operation> allOperations()
{
    return {Operation::PowerOn,         Operation::PowerOff,
            Operation::Reset,           Operation::PowerCycle,
            Operation::BootPxe,         Operation::BootHardDisk,
            Operation::BootCd,          Operation::BootBiosSetup,
            Operation::SyncClock,       Operation::RotateAdminPassword,
            Operation::ReapplyProfile,  Operation::UnprovisionPartial,
            Operation::UnprovisionFull, Operation::RestartHello};
}

QString operationName(Operation operation)
{
    switch (operation) {
    case Operation::PowerOn:
        return tr("Power on");
    case Operation::PowerOff:
        return tr("Power off");
    case Operation::Reset:
        return tr("Reset");
    case Operation::PowerCycle:
        return tr("Power cycle");
    case Operation::BootPxe:
        return tr("Boot from the network (PXE)");
    case Operation::BootHardDisk:
        return tr("Boot from the hard disk");
    case Operation::BootCd:
        return tr("Boot from CD/DVD");
    case Operation::BootBiosSetup:
        return tr("Boot into BIOS setup");
    case Operation::SyncClock:
        return tr("Set the clock");
    case Operation::RotateAdminPassword:
        return tr("Rotate the admin password");
    case Operation::ReapplyProfile:
        return tr("Apply the profile again");
    case Operation::UnprovisionPartial:
        return tr("Unprovision (partial)");
    case Operation::UnprovisionFull:
        return tr("Unprovision (full)");
    case Operation::RestartHello:
        return tr("Restart the hello sequence");
    }
    return {};
}

QString operationKey(Operation operation)
{
    switch (operation) {
    case Operation::PowerOn:
        return QStringLiteral("power-on");
    case Operation::PowerOff:
        return QStringLiteral("power-off");
    case Operation::Reset:
        return QStringLiteral("reset");
    case Operation::PowerCycle:
        return QStringLiteral("power-cycle");
    case Operation::BootPxe:
        return QStringLiteral("boot-pxe");
    case Operation::BootHardDisk:
        return QStringLiteral("boot-hard-disk");
    case Operation::BootCd:
        return QStringLiteral("boot-cd");
    case Operation::BootBiosSetup:
        return QStringLiteral("boot-bios-setup");
    case Operation::SyncClock:
        return QStringLiteral("sync-clock");
    case Operation::RotateAdminPassword:
        return QStringLiteral("rotate-admin-password");
    case Operation::ReapplyProfile:
        return QStringLiteral("reapply-profile");
    case Operation::UnprovisionPartial:
        return QStringLiteral("unprovision-partial");
    case Operation::UnprovisionFull:
        return QStringLiteral("unprovision-full");
    case Operation::RestartHello:
        return QStringLiteral("restart-hello");
    }
    return {};
}

bool operationFromKey(const QString &key, Operation *operation)
{
    for (Operation o : allOperations()) {
        if (key.compare(operationKey(o), Qt::CaseInsensitive) == 0) {
            *operation = o;
            return true;
        }
    }
    return false;
}

bool isDestructive(Operation operation)
{
    switch (operation) {
    case Operation::PowerOn:
    case Operation::SyncClock:
    case Operation::ReapplyProfile:
    case Operation::RestartHello:
        return false;
    default:
        return true;
    }
}

bool isSafeToRepeat(Operation operation)
{
    switch (operation) {
    case Operation::PowerOn:
    case Operation::PowerOff:
    case Operation::BootPxe:
    case Operation::BootHardDisk:
    case Operation::BootCd:
    case Operation::BootBiosSetup:
    case Operation::SyncClock:
        return true;
    default:
        return false;
    }
}

bool needsCredentials(Operation operation)
{
    return operation != Operation::RestartHello;
}

} // namespace Oobm::Core
