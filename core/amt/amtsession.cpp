// SPDX-License-Identifier: GPL-2.0-or-later
// The legacy services (docs/protocol.md §5): generated proxies in, Qt value types out. gSOAP is
// seen on the client side here, in soaptransport.cpp and in wsmansession.cpp only.
#include "amtsession.h"

#include "soapGeneralInfoProxy.h"
#include "soapNetworkAdministrationProxy.h"
#include "soapNetworkTimeProxy.h"
#include "soapRemoteControlProxy.h"
#include "soapSecurityAdministrationProxy.h"

#include "core/amt/contract/namespaces.h"
#include "core/amt/ptstatus.h"
#include "core/amt/soaptransport.h"

#include <QCoreApplication>

namespace Oobm::Core::Amt {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

QString qstr(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

class AmtSession::Private
{
public:
    explicit Private(const AmtEndpoint &e)
        : transport(e, g_legacyNamespaces)
        , sai(transport.context())
        , inf(transport.context())
        , net(transport.context())
        , tim(transport.context())
        , rci(transport.context())
    {
        transport.useNamespaces(); // the proxies installed the global table
        for (const char *service :
             {"SecurityAdministration", "GeneralInfo", "NetworkAdministration", "NetworkTime", "RemoteControl"})
            urls.push_back(str(e.url(QLatin1String(service))));
    }

    const char *url(int service) const { return urls[service].c_str(); }

    template<typename Invoke>
    AmtError call(const char *operation, Invoke invoke)
    {
        return transport.call(operation, invoke);
    }

    static AmtError status(const char *operation, unsigned status) { return AmtError::fromPtStatus(operation, status); }

    SoapTransport transport;
    SecurityAdministrationProxy sai;
    GeneralInfoProxy inf;
    NetworkAdministrationProxy net;
    NetworkTimeProxy tim;
    RemoteControlProxy rci;
    std::vector<std::string> urls;

    enum { Sai, Inf, Net, Tim, Rci };
};

// One macro per shape keeps the 30 operations below to a line or two each.
#define OOBM_CALL(proxy, service, op, req, resp) \
    d->call(#op, [&] { return d->proxy.op(d->url(Private::service), nullptr, &(req), (resp)); })
// For responses with a StatusCode: the transport's error first, then the PT_STATUS.
#define OOBM_CALL_CHECKED(proxy, service, op, req, resp) \
    [&]() -> AmtError { \
        if (AmtError e = OOBM_CALL(proxy, service, op, req, resp)) \
            return e; \
        return Private::status(#op, (resp).StatusCode); \
    }()

AmtSession::AmtSession(const AmtEndpoint &endpoint)
    : d(std::make_unique<Private>(endpoint))
{ }

AmtSession::~AmtSession() = default;

const AmtEndpoint &AmtSession::endpoint() const
{
    return d->transport.endpoint();
}

AmtResult<QString> AmtSession::getCoreVersion()
{
    _sai__GetCoreVersion req;
    _sai__GetCoreVersionResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetCoreVersion, req, resp)))
        r.value = qstr(resp.Version);
    return r;
}

AmtResult<unsigned> AmtSession::getProvisioningMode()
{
    _sai__GetProvisioningMode req;
    _sai__GetProvisioningModeResponse resp;
    AmtResult<unsigned> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetProvisioningMode, req, resp)))
        r.value = resp.ProvisioningMode;
    return r;
}

AmtError AmtSession::commitChanges()
{
    _sai__CommitChanges req;
    _sai__CommitChangesResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, CommitChanges, req, resp);
}

AmtError AmtSession::unprovision(ProvisioningMode mode)
{
    _sai__Unprovision req;
    req.ProvisioningMode = unsigned(mode);
    _sai__UnprovisionResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, Unprovision, req, resp);
}

AmtError AmtSession::setAdminAclEntry(const QString &username, const QString &password)
{
    _sai__SetAdminAclEntry req;
    req.Username = str(username);
    req.Password = str(password);
    _sai__SetAdminAclEntryResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetAdminAclEntry, req, resp);
}

AmtResult<QString> AmtSession::getAdminAclEntry()
{
    _sai__GetAdminAclEntry req;
    _sai__GetAdminAclEntryResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetAdminAclEntry, req, resp)))
        r.value = qstr(resp.Username);
    return r;
}

AmtResult<unsigned> AmtSession::addUserAclEntry(const UserAclEntry &entry)
{
    sai__UserAclRealmListType realms;
    realms.Realm.assign(entry.realms.cbegin(), entry.realms.cend());
    std::string password = str(entry.password);
    sai__UserAclEntryType e;
    e.Username = str(entry.username);
    e.Password = &password;
    e.Realms = &realms;
    _sai__AddUserAclEntry req;
    req.Entry = &e;
    _sai__AddUserAclEntryResponse resp;
    AmtResult<unsigned> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, AddUserAclEntry, req, resp)))
        r.value = resp.Handle;
    return r;
}

AmtResult<QList<unsigned>> AmtSession::enumerateUserAclEntries()
{
    AmtResult<QList<unsigned>> r;
    unsigned start = 1;
    for (;;) {
        _sai__EnumerateUserAclEntries req;
        req.StartIndex = start;
        _sai__EnumerateUserAclEntriesResponse resp;
        if ((r.error = OOBM_CALL_CHECKED(sai, Sai, EnumerateUserAclEntries, req, resp)))
            return r;
        if (resp.Handles)
            for (unsigned h : resp.Handles->Handle)
                r.value.append(h);
        if (resp.HandleCount == 0 || unsigned(r.value.size()) >= resp.TotalCount)
            return r;
        start += resp.HandleCount;
    }
}

AmtResult<UserAclEntry> AmtSession::getUserAclEntry(unsigned handle)
{
    _sai__GetUserAclEntry req;
    req.Handle = handle;
    _sai__GetUserAclEntryResponse resp;
    AmtResult<UserAclEntry> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetUserAclEntry, req, resp)) && resp.Entry) {
        r.value.username = qstr(resp.Entry->Username);
        if (resp.Entry->Realms)
            for (unsigned realm : resp.Entry->Realms->Realm)
                r.value.realms.append(realm);
    }
    return r;
}

AmtError AmtSession::updateUserAclEntry(unsigned handle, const UserAclEntry &entry)
{
    sai__UserAclRealmListType realms;
    realms.Realm.assign(entry.realms.cbegin(), entry.realms.cend());
    std::string password = str(entry.password);
    sai__UserAclEntryType e;
    e.Username = str(entry.username);
    e.Password = entry.password.isEmpty() ? nullptr : &password;
    e.Realms = &realms;
    _sai__UpdateUserAclEntry req;
    req.Handle = handle;
    req.Entry = &e;
    _sai__UpdateUserAclEntryResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, UpdateUserAclEntry, req, resp);
}

AmtError AmtSession::removeUserAclEntry(unsigned handle)
{
    _sai__RemoveUserAclEntry req;
    req.Handle = handle;
    _sai__RemoveUserAclEntryResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, RemoveUserAclEntry, req, resp);
}

AmtError AmtSession::setTlsEnabled(bool enabled)
{
    _sai__SetTlsEnabled req;
    req.Enabled = enabled;
    _sai__SetTlsEnabledResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetTlsEnabled, req, resp);
}

AmtError AmtSession::setTlsKeyAndCertificate(const QByteArray &privateKeyPem, const QList<QByteArray> &chainPem)
{
    sai__CertificateChainType chain;
    for (const QByteArray &c : chainPem)
        chain.Certificate.push_back(c.toStdString());
    _sai__SetTLSKeyAndCertificate req;
    req.PrivateKey = privateKeyPem.toStdString();
    req.CertificateChain = &chain;
    _sai__SetTLSKeyAndCertificateResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetTLSKeyAndCertificate, req, resp);
}

AmtError AmtSession::setTlsPsk(const QByteArray &pid, const QByteArray &pps)
{
    _sai__SetTLSPSK req;
    req.PID = pid.toStdString();
    req.PPS = pps.toStdString();
    _sai__SetTLSPSKResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetTLSPSK, req, resp);
}

AmtError AmtSession::setEnabledInterfaces(const QStringList &interfaces)
{
    sai__EnabledInterfacesType list;
    for (const QString &i : interfaces)
        list.EnabledInterface.push_back(str(i));
    _sai__SetEnabledInterfaces req;
    req.EnabledInterfaces = &list;
    _sai__SetEnabledInterfacesResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetEnabledInterfaces, req, resp);
}

AmtError AmtSession::setZeroTouchConfigurationMode(bool enabled)
{
    _sai__SetZeroTouchConfigurationMode req;
    req.Enabled = enabled;
    _sai__SetZeroTouchConfigurationModeResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetZeroTouchConfigurationMode, req, resp);
}

AmtError AmtSession::setProvisioningServerOtp(const QString &otp)
{
    _sai__SetProvisioningServerOTP req;
    req.OTP = str(otp);
    _sai__SetProvisioningServerOTPResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetProvisioningServerOTP, req, resp);
}

AmtResult<QString> AmtSession::getProvisioningServerOtp()
{
    _sai__GetProvisioningServerOTP req;
    _sai__GetProvisioningServerOTPResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetProvisioningServerOTP, req, resp)))
        r.value = qstr(resp.OTP);
    return r;
}

AmtResult<unsigned> AmtSession::getProvisioningState()
{
    _inf__GetProvisioningState req;
    _inf__GetProvisioningStateResponse resp;
    AmtResult<unsigned> r;
    if (!(r.error = OOBM_CALL_CHECKED(inf, Inf, GetProvisioningState, req, resp)))
        r.value = resp.ProvisioningState;
    return r;
}

AmtResult<QString> AmtSession::generalInfoCoreVersion()
{
    _inf__GetCoreVersion req;
    _inf__GetCoreVersionResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(inf, Inf, GetCoreVersion, req, resp)))
        r.value = qstr(resp.Version);
    return r;
}

AmtResult<QString> AmtSession::getHostName()
{
    _net__GetHostName req;
    _net__GetHostNameResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(net, Net, GetHostName, req, resp)))
        r.value = qstr(resp.HostName);
    return r;
}

AmtError AmtSession::setHostName(const QString &hostName)
{
    _net__SetHostName req;
    req.HostName = str(hostName);
    _net__SetHostNameResponse resp;
    return OOBM_CALL_CHECKED(net, Net, SetHostName, req, resp);
}

AmtResult<QString> AmtSession::getDomainName()
{
    _net__GetDomainName req;
    _net__GetDomainNameResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(net, Net, GetDomainName, req, resp)))
        r.value = qstr(resp.DomainName);
    return r;
}

AmtError AmtSession::setDomainName(const QString &domainName)
{
    _net__SetDomainName req;
    req.DomainName = str(domainName);
    _net__SetDomainNameResponse resp;
    return OOBM_CALL_CHECKED(net, Net, SetDomainName, req, resp);
}

AmtResult<QList<unsigned>> AmtSession::enumerateInterfaces()
{
    _net__EnumerateInterfaces req;
    _net__EnumerateInterfacesResponse resp;
    AmtResult<QList<unsigned>> r;
    if (!(r.error = OOBM_CALL_CHECKED(net, Net, EnumerateInterfaces, req, resp)))
        r.value = QList<unsigned>(resp.InterfaceHandles.cbegin(), resp.InterfaceHandles.cend());
    return r;
}

AmtResult<InterfaceSettings> AmtSession::getInterfaceSettings(unsigned handle)
{
    _net__GetInterfaceSettings req;
    req.InterfaceHandle = handle;
    _net__GetInterfaceSettingsResponse resp;
    AmtResult<InterfaceSettings> r;
    if (!(r.error = OOBM_CALL_CHECKED(net, Net, GetInterfaceSettings, req, resp)) && resp.InterfaceDescriptor) {
        const net__InterfaceDescriptorGetType &d = *resp.InterfaceDescriptor;
        r.value.hardwareDescription = qstr(d.HardwareAddressDescription);
        r.value.macAddress = qstr(d.MACAddress);
        r.value.interfaceMode = qstr(d.InterfaceMode);
        r.value.linkPolicy = d.LinkPolicy;
        r.value.dhcpEnabled = d.DhcpEnabled;
        if (d.IPv4Parameters) {
            r.value.ipv4 = {d.IPv4Parameters->LocalAddress, d.IPv4Parameters->SubnetMask,
                            d.IPv4Parameters->DefaultGatewayAddress, d.IPv4Parameters->PrimaryDnsAddress,
                            d.IPv4Parameters->SecondaryDnsAddress};
        }
    }
    return r;
}

AmtError AmtSession::setInterfaceSettings(unsigned handle, const InterfaceSettings &settings)
{
    net__IPv4ParametersType ipv4;
    ipv4.LocalAddress = settings.ipv4.localAddress;
    ipv4.SubnetMask = settings.ipv4.subnetMask;
    ipv4.DefaultGatewayAddress = settings.ipv4.defaultGateway;
    ipv4.PrimaryDnsAddress = settings.ipv4.primaryDns;
    ipv4.SecondaryDnsAddress = settings.ipv4.secondaryDns;
    net__InterfaceDescriptorSetType desc;
    desc.InterfaceMode = str(settings.interfaceMode);
    desc.LinkPolicy = static_cast<unsigned char>(settings.linkPolicy);
    desc.IPv4Parameters = settings.dhcpEnabled ? nullptr : &ipv4;
    _net__SetInterfaceSettings req;
    req.InterfaceHandle = handle;
    req.InterfaceDescriptor = &desc;
    _net__SetInterfaceSettingsResponse resp;
    return OOBM_CALL_CHECKED(net, Net, SetInterfaceSettings, req, resp);
}

AmtResult<quint32> AmtSession::getLowAccuracyTimeSynch()
{
    _tim__GetLowAccuracyTimeSynch req;
    _tim__GetLowAccuracyTimeSynchResponse resp;
    AmtResult<quint32> r;
    if (!(r.error = OOBM_CALL(tim, Tim, GetLowAccuracyTimeSynch, req, resp))
        && !(r.error = Private::status("GetLowAccuracyTimeSynch", resp.StatusCode)))
        r.value = resp.Ta0;
    return r;
}

AmtError AmtSession::setHighAccuracyTimeSynch(quint32 ta0, quint32 tm1, quint32 tm2)
{
    _tim__SetHighAccuracyTimeSynch req;
    req.Ta0 = ta0;
    req.Tm1 = tm1;
    req.Tm2 = tm2;
    _tim__SetHighAccuracyTimeSynchResponse resp;
    return OOBM_CALL_CHECKED(tim, Tim, SetHighAccuracyTimeSynch, req, resp);
}

AmtResult<unsigned> AmtSession::getSystemPowerState()
{
    _rci__GetSystemPowerState req;
    _rci__GetSystemPowerStateResponse resp;
    AmtResult<unsigned> r;
    if (!(r.error = OOBM_CALL(rci, Rci, GetSystemPowerState, req, resp))
        && !(r.error = Private::status("GetSystemPowerState", resp.Status)))
        r.value = resp.SystemPowerState;
    return r;
}

AmtResult<RemoteControlCapabilities> AmtSession::getRemoteControlCapabilities()
{
    _rci__GetRemoteControlCapabilities req;
    _rci__GetRemoteControlCapabilitiesResponse resp;
    AmtResult<RemoteControlCapabilities> r;
    if (!(r.error = OOBM_CALL(rci, Rci, GetRemoteControlCapabilities, req, resp))
        && !(r.error = Private::status("GetRemoteControlCapabilities", resp.Status)))
        r.value = {resp.IanaOemNumber, resp.OemDefinedCapabilities, resp.SpecialCommandsSupported,
                   resp.SystemCapabilitiesSupported, resp.SystemFirmwareCapabilities};
    return r;
}

AmtError AmtSession::remoteControl(RemoteCommand command, SpecialCommand special, unsigned short specialParameter,
                                   unsigned short bootOptions)
{
    _rci__RemoteControl req;
    req.Command = static_cast<unsigned char>(command);
    req.IanaOemNumber = IntelIanaOemNumber;
    unsigned char sc = static_cast<unsigned char>(special);
    if (special != SpecialCommand::Nop)
        req.SpecialCommand = &sc;
    if (specialParameter)
        req.SpecialCommandParameter = &specialParameter;
    if (bootOptions)
        req.BootOptions = &bootOptions;
    _rci__RemoteControlResponse resp;
    if (AmtError e = OOBM_CALL(rci, Rci, RemoteControl, req, resp))
        return e;
    return Private::status("RemoteControl", resp.Status);
}

#undef OOBM_CALL

} // namespace Oobm::Core::Amt
