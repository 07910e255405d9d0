// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amtendpoint.h"
#include "core/amt/amterror.h"
#include "core/amt/amttypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Oobm::Core::Amt {

// The two ways OOBM talks to a provisioned device (docs/protocol.md §13.7): the legacy SOAP
// services (AMT 2.x to 8.x) and WS-Management (AMT 3.0 and later).
enum class Dialect { Legacy, Wsman };
QString dialectKey(Dialect dialect);  // "legacy", "wsman": stored, and oobmctl's words
QString dialectName(Dialect dialect); // "legacy SOAP", "WS-Management", translated
bool dialectFromKey(const QString &key, Dialect *dialect);
// Whether a device of this version ("6.0.4") understands the dialect; true when the version is
// not known.
bool speaksDialect(const QString &amtVersion, Dialect dialect);
// The dialect a device of this version is talked to when none is forced: the legacy services
// before 4.0 (AMT 3.x keeps the interface it was provisioned with), WS-Management from 4.0 on;
// the legacy services when the version is not known.
Dialect defaultDialect(const QString &amtVersion);

// The host's power, as both dialects can say it.
enum class HostPower { On, Sleeping, Off };
// The power actions both dialects offer (RemoteControl's commands; RequestPowerStateChange 2, 8,
// 10 and 5).
enum class PowerAction { PowerOn, PowerOff, Reset, PowerCycle };
// What the next boot starts from.
enum class NextBoot { Pxe, HardDisk, CdDvd, BiosSetup };

// One conversation with one provisioned device, whichever dialect it speaks: everything the
// engine's task operations do to a device goes through here (docs/architecture.md). Blocking, on
// one worker thread, as AmtSession and WsmanSession are. What a dialect cannot do yet answers a
// NotSupported error that says so.
class DeviceSession
{
public:
    // amtVersion: the device's version as it reported it ("5.0.4"), where a dialect's messages
    // differ by version; empty when not known.
    static std::unique_ptr<DeviceSession> open(const AmtEndpoint &endpoint, Dialect dialect,
                                               const QString &amtVersion = {});
    virtual ~DeviceSession();
    DeviceSession(const DeviceSession &) = delete;
    DeviceSession &operator=(const DeviceSession &) = delete;

    virtual Dialect dialect() const = 0;
    virtual const AmtEndpoint &endpoint() const = 0;

    virtual AmtResult<QString> coreVersion() = 0;
    // 0 Pre, 1 In, 2 Post (docs/protocol.md §5.5).
    virtual AmtResult<unsigned> provisioningState() = 0;
    virtual AmtResult<HostPower> hostPower() = 0;
    virtual AmtError power(PowerAction action) = 0;
    virtual AmtError setNextBoot(NextBoot boot) = 0;
    // The device's clock (seconds since 1970, UTC), and setting it (docs/protocol.md §5.7).
    virtual AmtResult<quint32> clock() = 0;
    virtual AmtError setClock(quint32 ta0, quint32 tm1, quint32 tm2) = 0;
    virtual AmtError setAdminPassword(const QString &user, const QString &password) = 0;
    // The ACL's users by handle; one of them (no password); update one (an empty password keeps
    // its own); add one.
    virtual AmtResult<QList<unsigned>> userHandles() = 0;
    virtual AmtResult<UserAclEntry> user(unsigned handle) = 0;
    virtual AmtError updateUser(unsigned handle, const UserAclEntry &user) = 0;
    virtual AmtResult<unsigned> addUser(const UserAclEntry &user) = 0;
    // ACL users as a profile has them: same-named entries updated, the others added.
    AmtError applyUsers(const QList<UserAclEntry> &users);
    virtual AmtError setEnabledInterfaces(const QStringList &interfaces) = 0;
    // TLS with this key and chain, enabled and committed.
    virtual AmtError installTls(const QByteArray &keyPem, const QList<QByteArray> &chainPem) = 0;
    // Full: back to the factory; partial: back to setup mode with the provisioning data kept.
    virtual AmtError unprovision(bool partial) = 0;

protected:
    DeviceSession() = default;
};

} // namespace Oobm::Core::Amt
