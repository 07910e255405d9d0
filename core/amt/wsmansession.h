// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amtendpoint.h"
#include "core/amt/amterror.h"
#include "core/amt/amttypes.h"

#include <QList>
#include <QString>

#include <memory>

namespace Oobm::Core::Amt {

// A WS-Management conversation with one device (docs/protocol.md §13): the same transports,
// Digest and TLS as AmtSession (SoapTransport), SOAP 1.2 and WS-Addressing 2004/08 on /wsman.
// Blocking: use it on one worker thread; never shared between threads.
class WsmanSession
{
public:
    explicit WsmanSession(const AmtEndpoint &endpoint);
    ~WsmanSession();
    WsmanSession(const WsmanSession &) = delete;
    WsmanSession &operator=(const WsmanSession &) = delete;

    const AmtEndpoint &endpoint() const;

    // Get AMT_GeneralSettings.
    AmtResult<GeneralSettings> getGeneralSettings();
    // Enumerate CIM_SoftwareIdentity and Pull until EndOfSequence, maxElements a Pull (0: as many
    // as the device gives).
    AmtResult<QList<SoftwareIdentity>> softwareIdentities(int maxElements = 0);
    // The firmware's version: VersionString of the CIM_SoftwareIdentity "AMT".
    AmtResult<QString> coreVersion();
    // Get AMT_SetupAndConfigurationService.
    AmtResult<SetupAndConfiguration> getSetupAndConfiguration();
    // CIM_PowerManagementService.RequestPowerStateChange for the host (CIM_ComputerSystem
    // "ManagedSystem"); a non-zero ReturnValue is a Status error named in CIM's words.
    AmtError requestPowerStateChange(DmtfPowerState state);
    // Get CIM_AssociatedPowerManagementService (AMT 3.2 and later): the host's PowerState in the
    // DMTF set (2 on, 4 sleep, 7 hibernate, 8 off, ...).
    AmtResult<unsigned> powerState();
    // AMT_SetupAndConfigurationService.Unprovision(ProvisioningMode 1), back to the factory; or
    // PartialUnprovision() (AMT 6.0 and later), back to setup mode with the provisioning data kept.
    AmtError unprovision(bool partial);
    // AMT_TimeSynchronizationService (docs/protocol.md §5.7): Ta0, the device's time in seconds
    // since 1970 UTC; and the setting of it from the console's Tm1 and Tm2.
    AmtResult<quint32> getLowAccuracyTimeSynch();
    AmtError setHighAccuracyTimeSynch(quint32 ta0, quint32 tm1, quint32 tm2);
    // The next boot (docs/protocol.md §13.6), as MeshCommander sets it: AMT_BootSettingData with
    // every one-boot switch off but BIOS setup when asked, CIM_BootConfigSetting.ChangeBootOrder
    // with the CIM_BootSourceSetting named by its InstanceID ("Intel(r) AMT: Force PXE Boot";
    // empty: none), and CIM_BootService.SetBootConfigRole for the next boot only. AMT 5.0 and
    // earlier want ChangeBootOrder's argument spelled "source" (lowerCaseSource).
    AmtError setNextBoot(const QString &sourceInstanceId, bool biosSetup, bool lowerCaseSource);

    // AMT_AuthorizationService.SetAdminAclEntryEx (docs/protocol.md §13.6): the admin account's
    // name and password, sent as the base64 of MD5(user:realm:password) with the device's Digest
    // realm (read from AMT_GeneralSettings first). Later calls of this session still use the
    // endpoint's old password.
    AmtError setAdminAclEntryEx(const QString &username, const QString &password);
    // The ACL's digest users (AMT_AuthorizationService, §13.6): added with access from anywhere
    // (AccessPermission 2) and the password as its digest, like the admin's; listed by handle
    // (all pages); read; updated (an empty password keeps the one it has).
    AmtResult<unsigned> addUserAclEntryEx(const UserAclEntry &entry);
    AmtResult<QList<unsigned>> enumerateUserAclEntries();
    AmtResult<UserAclEntry> getUserAclEntryEx(unsigned handle);
    AmtError updateUserAclEntryEx(unsigned handle, const UserAclEntry &entry);

    // Get CIM_ComputerSystemPackage (AMT 3.2 and later): the platform's UUID as 16 bytes in the
    // hello's order (HelloPacket::uuidFromWire reads them).
    AmtResult<QByteArray> platformGuid();

    // Enumerate, Pull and Release by hand (tests of contexts that expire or run out).
    AmtResult<QString> enumerate(const QString &resourceUri);
    AmtResult<QList<SoftwareIdentity>> pullSoftwareIdentities(const QString &context, int maxElements,
                                                              QString *nextContext);
    AmtError release(const QString &resourceUri, const QString &context);

    class Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace Oobm::Core::Amt
