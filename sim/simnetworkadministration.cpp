// SPDX-License-Identifier: GPL-2.0-or-later
#include "simnetworkadministration.h"

#include "sim/soapcall.h"

namespace Oobm::Sim {

using Core::Amt::PtStatus;

namespace {

// A host name (one label, dots false) or a domain name, as the firmware accepts them: ASCII
// letters, digits and hyphens, no hyphen first or last.
bool validLabel(const QString &name, bool dots)
{
    if (name.isEmpty() || name.size() > (dots ? 191 : 63))
        return false;
    for (QChar c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && !(dots && c == u'.'))
            return false;
    return !name.startsWith(u'-') && !name.endsWith(u'-');
}

} // namespace

SimNetworkAdministration::SimNetworkAdministration(struct soap *soap, SoapServiceHost &host)
    : NetworkAdministrationService(soap)
    , m_host(host)
{ }

int SimNetworkAdministration::GetHostName(_net__GetHostName *, _net__GetHostNameResponse &r)
{
    OOBM_SIM_BEGIN(GetHostName, r, StatusCode);
    r.StatusCode = Ok;
    r.HostName = s.hostName.toStdString();
    return SOAP_OK;
}

int SimNetworkAdministration::SetHostName(_net__SetHostName *q, _net__SetHostNameResponse &r)
{
    OOBM_SIM_BEGIN(SetHostName, r, StatusCode);
    const QString name = QString::fromStdString(q->HostName);
    if (!validLabel(name, false))
        return answer(r.StatusCode, PtStatus::InvalidName);
    s.hostName = name;
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

int SimNetworkAdministration::GetDomainName(_net__GetDomainName *, _net__GetDomainNameResponse &r)
{
    OOBM_SIM_BEGIN(GetDomainName, r, StatusCode);
    r.StatusCode = Ok;
    r.DomainName = s.domainName.toStdString();
    return SOAP_OK;
}

int SimNetworkAdministration::SetDomainName(_net__SetDomainName *q, _net__SetDomainNameResponse &r)
{
    OOBM_SIM_BEGIN(SetDomainName, r, StatusCode);
    const QString name = QString::fromStdString(q->DomainName);
    if (!name.isEmpty() && !validLabel(name, true))
        return answer(r.StatusCode, PtStatus::InvalidDomainName);
    s.domainName = name;
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

int SimNetworkAdministration::EnumerateInterfaces(_net__EnumerateInterfaces *, _net__EnumerateInterfacesResponse &r)
{
    OOBM_SIM_BEGIN(EnumerateInterfaces, r, StatusCode);
    if (!s.supportsInterfaceSettings())
        return answer(r.StatusCode, PtStatus::Unsupported);
    r.StatusCode = Ok;
    r.InterfaceHandles.push_back(0);
    return SOAP_OK;
}

int SimNetworkAdministration::GetInterfaceSettings(_net__GetInterfaceSettings *q, _net__GetInterfaceSettingsResponse &r)
{
    OOBM_SIM_BEGIN(GetInterfaceSettings, r, StatusCode);
    if (!s.supportsInterfaceSettings())
        return answer(r.StatusCode, PtStatus::Unsupported);
    if (q->InterfaceHandle != 0)
        return answer(r.StatusCode, PtStatus::InvalidHandle);
    auto *d = soap_new_net__InterfaceDescriptorGetType(soap);
    d->HardwareAddressDescription = "Intel(R) 82566DM Gigabit Network Connection";
    const QByteArray mac = QByteArray::fromHex("0016d3") + s.uuid.toRfc4122().right(3);
    d->MACAddress = mac.toHex('-').toUpper().toStdString();
    d->InterfaceMode = "SHARED_MAC_ADDRESS";
    d->LinkPolicy = 31;
    d->DhcpEnabled = s.dhcpEnabled;
    d->IPv4Parameters = soap_new_net__IPv4ParametersType(soap);
    d->IPv4Parameters->LocalAddress = s.dhcpEnabled ? s.address.toIPv4Address() : s.staticAddress;
    d->IPv4Parameters->SubnetMask = 0xFF000000u;
    d->IPv4Parameters->DefaultGatewayAddress = 0x7F000001u;
    d->IPv4Parameters->PrimaryDnsAddress = 0x7F000001u;
    d->IPv4Parameters->SecondaryDnsAddress = 0;
    r.InterfaceDescriptor = d;
    return answer(r.StatusCode, PtStatus::Success);
}

int SimNetworkAdministration::SetInterfaceSettings(_net__SetInterfaceSettings *q, _net__SetInterfaceSettingsResponse &r)
{
    OOBM_SIM_BEGIN(SetInterfaceSettings, r, StatusCode);
    if (!s.supportsInterfaceSettings())
        r.StatusCode = unsigned(PtStatus::Unsupported);
    else if (q->InterfaceHandle != 0)
        r.StatusCode = unsigned(PtStatus::InvalidHandle);
    else if (!q->InterfaceDescriptor
             || (q->InterfaceDescriptor->InterfaceMode != "SHARED_MAC_ADDRESS"
                 && q->InterfaceDescriptor->InterfaceMode != "SEPARATE_MAC_ADDRESS"))
        r.StatusCode = unsigned(PtStatus::InvalidParameter);
    else {
        s.dhcpEnabled = !q->InterfaceDescriptor->IPv4Parameters;
        s.staticAddress = s.dhcpEnabled ? 0 : q->InterfaceDescriptor->IPv4Parameters->LocalAddress;
        call.changed();
        r.StatusCode = Ok;
    }
    return SOAP_OK;
}

} // namespace Oobm::Sim
