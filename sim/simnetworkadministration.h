// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "soapNetworkAdministrationService.h"

namespace Oobm::Sim {

class SoapServiceHost;

// The Network Administration service of a simulated device: host and domain name, and (AMT 2.5 and
// later) the settings of its one network interface.
class SimNetworkAdministration final : public NetworkAdministrationService
{
public:
    SimNetworkAdministration(struct soap *soap, SoapServiceHost &host);

    int GetHostName(_net__GetHostName *, _net__GetHostNameResponse &r) override;
    int SetHostName(_net__SetHostName *q, _net__SetHostNameResponse &r) override;
    int GetDomainName(_net__GetDomainName *, _net__GetDomainNameResponse &r) override;
    int SetDomainName(_net__SetDomainName *q, _net__SetDomainNameResponse &r) override;
    int EnumerateInterfaces(_net__EnumerateInterfaces *, _net__EnumerateInterfacesResponse &r) override;
    int GetInterfaceSettings(_net__GetInterfaceSettings *q, _net__GetInterfaceSettingsResponse &r) override;
    int SetInterfaceSettings(_net__SetInterfaceSettings *q, _net__SetInterfaceSettingsResponse &r) override;

private:
    SoapServiceHost &m_host;
};

} // namespace Oobm::Sim
