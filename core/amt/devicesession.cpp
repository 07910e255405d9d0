// SPDX-License-Identifier: GPL-2.0-or-later
// The dialect-neutral device interface (docs/protocol.md §13.7): one implementation over
// AmtSession (the legacy SOAP services), one over WsmanSession.
#include "devicesession.h"

#include "core/amt/amtsession.h"
#include "core/amt/wsmansession.h"

#include <QCoreApplication>
#include <QHash>

namespace Oobm::Core::Amt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::Amt", text);
}

// "6.0.4" as 600: major * 100 + minor; -1 when it is not a version.
int versionNumber(const QString &version)
{
    bool majorOk = false, minorOk = false;
    const int major = version.section(u'.', 0, 0).toInt(&majorOk);
    const int minor = version.section(u'.', 1, 1).toInt(&minorOk);
    return majorOk && minorOk ? major * 100 + minor : -1;
}

class LegacyDeviceSession final : public DeviceSession
{
public:
    explicit LegacyDeviceSession(const AmtEndpoint &endpoint)
        : m_session(endpoint)
    { }

    Dialect dialect() const override { return Dialect::Legacy; }
    const AmtEndpoint &endpoint() const override { return m_session.endpoint(); }

    AmtResult<QString> coreVersion() override { return m_session.getCoreVersion(); }
    AmtResult<unsigned> provisioningState() override { return m_session.getProvisioningState(); }

    AmtResult<HostPower> hostPower() override
    {
        const AmtResult<unsigned> state = m_session.getSystemPowerState();
        AmtResult<HostPower> r;
        r.error = state.error;
        switch (PowerState(state.value & 0x0F)) {
        case PowerState::S0:
        case PowerState::LegacyOn:
            r.value = HostPower::On;
            break;
        case PowerState::S1:
        case PowerState::S2:
        case PowerState::S3:
        case PowerState::S1S2S3:
            r.value = HostPower::Sleeping;
            break;
        default: // S4 and S5 in their forms, mechanical off
            r.value = HostPower::Off;
            break;
        }
        return r;
    }

    AmtError power(PowerAction action) override
    {
        switch (action) {
        case PowerAction::PowerOn:
            return m_session.remoteControl(RemoteCommand::PowerUp);
        case PowerAction::PowerOff:
            return m_session.remoteControl(RemoteCommand::PowerDown);
        case PowerAction::Reset:
            return m_session.remoteControl(RemoteCommand::Reset);
        case PowerAction::PowerCycle:
            return m_session.remoteControl(RemoteCommand::PowerCycleReset);
        }
        return {};
    }

    // docs/protocol.md §5.3: a device, or BIOS setup through the Intel OEM command's bit.
    AmtError setNextBoot(NextBoot boot) override
    {
        switch (boot) {
        case NextBoot::Pxe:
            return m_session.remoteControl(RemoteCommand::SetBootOptions, SpecialCommand::ForcePxeBoot);
        case NextBoot::HardDisk:
            return m_session.remoteControl(RemoteCommand::SetBootOptions, SpecialCommand::ForceHardDriveBoot);
        case NextBoot::CdDvd:
            return m_session.remoteControl(RemoteCommand::SetBootOptions, SpecialCommand::ForceCdOrDvdBoot);
        case NextBoot::BiosSetup:
            return m_session.remoteControl(RemoteCommand::SetBootOptions, SpecialCommand::IntelOemCommand,
                                           IntelOemBiosSetup);
        }
        return {};
    }

    AmtResult<quint32> clock() override { return m_session.getLowAccuracyTimeSynch(); }
    AmtError setClock(quint32 ta0, quint32 tm1, quint32 tm2) override
    {
        return m_session.setHighAccuracyTimeSynch(ta0, tm1, tm2);
    }

    AmtError setAdminPassword(const QString &user, const QString &password) override
    {
        return m_session.setAdminAclEntry(user, password);
    }

    AmtResult<QList<unsigned>> userHandles() override { return m_session.enumerateUserAclEntries(); }
    AmtResult<UserAclEntry> user(unsigned handle) override { return m_session.getUserAclEntry(handle); }
    AmtError updateUser(unsigned handle, const UserAclEntry &user) override
    {
        return m_session.updateUserAclEntry(handle, user);
    }
    AmtResult<unsigned> addUser(const UserAclEntry &user) override { return m_session.addUserAclEntry(user); }

    AmtError setEnabledInterfaces(const QStringList &interfaces) override
    {
        return m_session.setEnabledInterfaces(interfaces);
    }

    AmtError installTls(const QByteArray &keyPem, const QList<QByteArray> &chainPem) override
    {
        if (AmtError e = m_session.setTlsKeyAndCertificate(keyPem, chainPem))
            return e;
        if (AmtError e = m_session.setTlsEnabled(true))
            return e;
        return m_session.commitChanges();
    }

    // Project contract (docs/protocol.md §5.6): 0x80 asks for a partial unprovision, as MEBx offers it.
    AmtError unprovision(bool partial) override
    {
        return m_session.unprovision(partial ? ProvisioningMode(0x80) : ProvisioningMode::Current);
    }

private:
    AmtSession m_session;
};

class WsmanDeviceSession final : public DeviceSession
{
public:
    WsmanDeviceSession(const AmtEndpoint &endpoint, const QString &amtVersion)
        : m_session(endpoint)
        , m_version(versionNumber(amtVersion))
    { }

    Dialect dialect() const override { return Dialect::Wsman; }
    const AmtEndpoint &endpoint() const override { return m_session.endpoint(); }

    AmtResult<QString> coreVersion() override { return m_session.coreVersion(); }
    AmtResult<unsigned> provisioningState() override
    {
        const AmtResult<SetupAndConfiguration> c = m_session.getSetupAndConfiguration();
        return {c.value.provisioningState, c.error};
    }

    // The DMTF power states (docs/protocol.md §13.5).
    AmtResult<HostPower> hostPower() override
    {
        const AmtResult<unsigned> state = m_session.powerState();
        AmtResult<HostPower> r;
        r.error = state.error;
        switch (state.value) {
        case 3: // sleep, light
        case 4: // sleep, deep
            r.value = HostPower::Sleeping;
            break;
        case 6:  // off, hard
        case 7:  // hibernate
        case 8:  // off, soft
        case 9:  // power cycle (off, hard)
        case 12: // off, soft graceful
        case 13: // off, hard graceful
            r.value = HostPower::Off;
            break;
        default:
            r.value = HostPower::On;
            break;
        }
        return r;
    }

    AmtError power(PowerAction action) override
    {
        switch (action) {
        case PowerAction::PowerOn:
            return m_session.requestPowerStateChange(DmtfPowerState::On);
        case PowerAction::PowerOff:
            return m_session.requestPowerStateChange(DmtfPowerState::OffSoft);
        case PowerAction::Reset:
            return m_session.requestPowerStateChange(DmtfPowerState::MasterBusReset);
        case PowerAction::PowerCycle:
            return m_session.requestPowerStateChange(DmtfPowerState::PowerCycleOffSoft);
        }
        return {};
    }

    // docs/protocol.md §13.6: a CIM_BootSourceSetting, or BIOS setup through AMT_BootSettingData.
    AmtError setNextBoot(NextBoot boot) override
    {
        const bool mof213 = m_version >= 0 && m_version < 600; // AMT 5.0 and earlier spell it "source"
        switch (boot) {
        case NextBoot::Pxe:
            return m_session.setNextBoot(QStringLiteral("Intel(r) AMT: Force PXE Boot"), false, mof213);
        case NextBoot::HardDisk:
            return m_session.setNextBoot(QStringLiteral("Intel(r) AMT: Force Hard-drive Boot"), false, mof213);
        case NextBoot::CdDvd:
            return m_session.setNextBoot(QStringLiteral("Intel(r) AMT: Force CD/DVD Boot"), false, mof213);
        case NextBoot::BiosSetup:
            return m_session.setNextBoot(QString(), true, mof213);
        }
        return {};
    }

    AmtResult<quint32> clock() override { return m_session.getLowAccuracyTimeSynch(); }
    AmtError setClock(quint32 ta0, quint32 tm1, quint32 tm2) override
    {
        return m_session.setHighAccuracyTimeSynch(ta0, tm1, tm2);
    }

    AmtError setAdminPassword(const QString &user, const QString &password) override
    {
        return m_session.setAdminAclEntryEx(user, password);
    }
    AmtResult<QList<unsigned>> userHandles() override { return m_session.enumerateUserAclEntries(); }
    AmtResult<UserAclEntry> user(unsigned handle) override { return m_session.getUserAclEntryEx(handle); }
    AmtError updateUser(unsigned handle, const UserAclEntry &user) override
    {
        return m_session.updateUserAclEntryEx(handle, user);
    }
    AmtResult<unsigned> addUser(const UserAclEntry &user) override { return m_session.addUserAclEntryEx(user); }
    AmtError setEnabledInterfaces(const QStringList &) override
    {
        return notYet(tr("Enabling or disabling interfaces"));
    }
    AmtError installTls(const QByteArray &, const QList<QByteArray> &) override
    {
        return notYet(tr("Installing a TLS certificate"));
    }

    AmtError unprovision(bool partial) override { return m_session.unprovision(partial); }

private:
    // What this build does not do over WS-Management yet (docs/protocol.md §13.7).
    AmtError notYet(const QString &what) const
    {
        return {AmtError::Category::NotSupported,
                tr("%1 over WS-Management is not in this version of OOBM. %2 is talked to in WS-Management; "
                   "if it is an AMT 4.0 to 8.x device, force the legacy dialect for it.")
                        .arg(what, m_session.endpoint().address()),
                QStringLiteral("WS-Management")};
    }

    WsmanSession m_session;
    int m_version; // major * 100 + minor; -1: not known
};

} // namespace

QString dialectKey(Dialect dialect)
{
    return dialect == Dialect::Wsman ? QStringLiteral("wsman") : QStringLiteral("legacy");
}

QString dialectName(Dialect dialect)
{
    return dialect == Dialect::Wsman ? tr("WS-Management") : tr("legacy SOAP");
}

bool dialectFromKey(const QString &key, Dialect *dialect)
{
    for (Dialect d : {Dialect::Legacy, Dialect::Wsman}) {
        if (key.compare(dialectKey(d), Qt::CaseInsensitive) == 0) {
            *dialect = d;
            return true;
        }
    }
    return false;
}

bool speaksDialect(const QString &amtVersion, Dialect dialect)
{
    const int v = versionNumber(amtVersion);
    if (v < 0)
        return true;
    return dialect == Dialect::Wsman ? v >= 300 : v < 900;
}

Dialect defaultDialect(const QString &amtVersion)
{
    return versionNumber(amtVersion) >= 400 ? Dialect::Wsman : Dialect::Legacy;
}

DeviceSession::~DeviceSession() = default;

AmtError DeviceSession::applyUsers(const QList<UserAclEntry> &users)
{
    const auto handles = userHandles();
    if (handles.error)
        return handles.error;
    QHash<QString, unsigned> existing;
    for (unsigned handle : handles.value) {
        const auto entry = user(handle);
        if (entry.error)
            return entry.error;
        existing.insert(entry.value.username.toLower(), handle);
    }
    for (const UserAclEntry &wanted : users) {
        if (const auto it = existing.constFind(wanted.username.toLower()); it != existing.cend()) {
            if (AmtError e = updateUser(it.value(), wanted))
                return e;
        } else if (const auto added = addUser(wanted); added.error) {
            return added.error;
        }
    }
    return {};
}

std::unique_ptr<DeviceSession> DeviceSession::open(const AmtEndpoint &endpoint, Dialect dialect,
                                                   const QString &amtVersion)
{
    if (dialect == Dialect::Wsman)
        return std::make_unique<WsmanDeviceSession>(endpoint, amtVersion);
    return std::make_unique<LegacyDeviceSession>(endpoint);
}

} // namespace Oobm::Core::Amt
