// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amtendpoint.h"
#include "core/amt/amterror.h"
#include "core/amt/amttypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Oobm::Core::Amt {

// A conversation with one device: one gSOAP context, kept alive between calls, Digest
// credentials reused. Blocking: use it on one worker thread (AmtClient runs it off the GUI
// thread). Never shared between threads.
class AmtSession
{
public:
    explicit AmtSession(const AmtEndpoint &endpoint);
    ~AmtSession();
    AmtSession(const AmtSession &) = delete;
    AmtSession &operator=(const AmtSession &) = delete;

    const AmtEndpoint &endpoint() const;

    // SecurityAdministration
    AmtResult<QString> getCoreVersion();
    AmtResult<unsigned> getProvisioningMode();
    AmtError commitChanges();
    AmtError unprovision(ProvisioningMode mode);
    AmtError setAdminAclEntry(const QString &username, const QString &password);
    AmtResult<QString> getAdminAclEntry();
    AmtResult<unsigned> addUserAclEntry(const UserAclEntry &entry);
    AmtResult<QList<unsigned>> enumerateUserAclEntries();
    AmtResult<UserAclEntry> getUserAclEntry(unsigned handle);
    AmtError updateUserAclEntry(unsigned handle, const UserAclEntry &entry);
    AmtError removeUserAclEntry(unsigned handle);
    AmtError setTlsEnabled(bool enabled);
    AmtError setTlsKeyAndCertificate(const QByteArray &privateKeyPem, const QList<QByteArray> &chainPem);
    AmtError setTlsPsk(const QByteArray &pid, const QByteArray &pps);
    AmtError setEnabledInterfaces(const QStringList &interfaces); // "WebUI", "SOL", "IDER"
    AmtError setZeroTouchConfigurationMode(bool enabled);
    AmtError setProvisioningServerOtp(const QString &otp);
    AmtResult<QString> getProvisioningServerOtp();

    // GeneralInfo
    AmtResult<unsigned> getProvisioningState();
    AmtResult<QString> generalInfoCoreVersion();

    // NetworkAdministration
    AmtResult<QString> getHostName();
    AmtError setHostName(const QString &hostName);
    AmtResult<QString> getDomainName();
    AmtError setDomainName(const QString &domainName);
    AmtResult<QList<unsigned>> enumerateInterfaces();
    AmtResult<InterfaceSettings> getInterfaceSettings(unsigned handle);
    AmtError setInterfaceSettings(unsigned handle, const InterfaceSettings &settings);

    // NetworkTime: the device's clock as seconds since 1970 (UTC), and setting it (docs/protocol.md
    // §5.7: Ta0 as read, Tm1 when it was read and Tm2 now, by the console's clock).
    AmtResult<quint32> getLowAccuracyTimeSynch();
    AmtError setHighAccuracyTimeSynch(quint32 ta0, quint32 tm1, quint32 tm2);

    // RemoteControl
    AmtResult<unsigned> getSystemPowerState();
    AmtResult<RemoteControlCapabilities> getRemoteControlCapabilities();
    AmtError remoteControl(RemoteCommand command, SpecialCommand special = SpecialCommand::Nop,
                           unsigned short specialParameter = 0, unsigned short bootOptions = 0);

    class Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace Oobm::Core::Amt
