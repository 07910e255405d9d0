// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core::Amt {

// RemoteControl `Command` (docs/protocol.md §5.3).
enum class RemoteCommand : unsigned char {
    Reset = 0x10,
    PowerUp = 0x11,
    PowerDown = 0x12,
    PowerCycleReset = 0x13,
    SetBootOptions = 0x21,
};

// RemoteControl `SpecialCommand`.
enum class SpecialCommand : unsigned char {
    Nop = 0,
    ForcePxeBoot = 1,
    ForceHardDriveBoot = 2,
    ForceHardDriveSafeModeBoot = 3,
    ForceDiagnosticBoot = 4,
    ForceCdOrDvdBoot = 5,
    IntelOemCommand = 0xC1,
};

// With SpecialCommand::IntelOemCommand, the SpecialCommandParameter bit that asks for BIOS setup at
// the next boot (docs/protocol.md §5.3; the same bits the device's audit log records).
inline constexpr unsigned short IntelOemBiosSetup = 0x0008;

// RemoteControl `BootOptions` bits.
enum BootOption : unsigned short {
    LockPowerButton = 2,
    LockResetButton = 4,
    LockKeyboard = 32,
    LockSleepButton = 64,
    UserPasswordBypass = 2048,
    ForceProgressEvents = 4096,
};

// `SystemPowerState` (amttool masks with 0x0F).
enum class PowerState : unsigned {
    S0 = 0,
    S1 = 1,
    S2 = 2,
    S3 = 3,
    S4 = 4,
    S5SoftOff = 5,
    S4S5 = 6,
    MechanicalOff = 7,
    S1S2S3 = 8,
    S1S4 = 9,
    S5Override = 10,
    LegacyOn = 11,
    LegacyOff = 12,
};
QString powerStateName(unsigned state); // "S0", "S5 (soft off)", ...

// docs/protocol.md §5.5.
enum class ProvisioningState : unsigned { Pre = 0, In = 1, Post = 2 };
enum class ProvisioningMode : unsigned { Current = 0, Enterprise = 1, SmallBusiness = 2 };
QString provisioningStateName(unsigned state); // "Pre (factory)", "In (setup)", "Post (operational)"

// User ACL realms (docs/protocol.md §5.5).
enum class Realm : unsigned {
    Redirection = 2,
    PtAdministration = 3,
    HardwareAsset = 4,
    RemoteControl = 5,
    Storage = 6,
    EventManager = 7,
    StorageAdmin = 8,
    AgentPresenceLocal = 9,
    AgentPresenceRemote = 10,
    CircuitBreaker = 11,
    NetworkTime = 12,
    GeneralInfo = 13,
    FirmwareUpdate = 14,
    Eit = 15,
    LocalUn = 16,
    EndpointAccessControl = 17,
    EndpointAccessControlAdmin = 18,
    EventLogReader = 19,
    AuditLog = 20,
    Acl = 21,
    LocalSystem = 24,
};
QList<Realm> allRealms();
QString realmName(unsigned realm); // "RemoteControl"; the number for a realm not listed
// "RemoteControl", "remotecontrolrealm" (without case), or a listed realm's number.
bool realmFromName(const QString &text, unsigned *realm);

inline constexpr unsigned IntelIanaOemNumber = 343;

struct UserAclEntry
{
    QString username;
    QString password; // only when setting
    QList<unsigned> realms;
};

struct RemoteControlCapabilities
{
    unsigned ianaOemNumber = 0;
    unsigned oemDefinedCapabilities = 0;
    unsigned short specialCommandsSupported = 0;
    unsigned char systemCapabilitiesSupported = 0;
    unsigned systemFirmwareCapabilities = 0;
};

struct Ipv4Parameters
{
    quint32 localAddress = 0;
    quint32 subnetMask = 0;
    quint32 defaultGateway = 0;
    quint32 primaryDns = 0;
    quint32 secondaryDns = 0;
};

struct InterfaceSettings
{
    QString hardwareDescription;
    QString macAddress;
    QString interfaceMode; // SHARED_MAC_ADDRESS | SEPARATE_MAC_ADDRESS
    unsigned linkPolicy = 0;
    bool dhcpEnabled = true;
    Ipv4Parameters ipv4;
};

// WS-Management (docs/protocol.md §13).

// AMT_GeneralSettings: what OOBM reads of it.
struct GeneralSettings
{
    QString instanceId;
    QString hostName;
    QString domainName;
    QString digestRealm;
    bool sharedFqdn = false;
    bool pingResponseEnabled = false;
    bool wsmanOnlyMode = false;
};

// One CIM_SoftwareIdentity instance: a firmware component ("AMT", "Flash", "Sku", ...).
struct SoftwareIdentity
{
    QString instanceId;
    QString versionString;
};

// AMT_SetupAndConfigurationService: ProvisioningState as §5.5's, ProvisioningMode 1 Enterprise
// (Admin Control), 2 Small Business, 3 Remote Connectivity, 4 Client Control.
struct SetupAndConfiguration
{
    unsigned provisioningState = 0;
    unsigned provisioningMode = 0;
    bool zeroTouchConfigurationEnabled = false;
};

// The DMTF power states CIM_PowerManagementService.RequestPowerStateChange takes from AMT before
// 9.0 (§13.5).
enum class DmtfPowerState : unsigned short {
    On = 2,
    PowerCycleOffSoft = 5,
    OffSoft = 8,
    MasterBusReset = 10,
};

} // namespace Oobm::Core::Amt
