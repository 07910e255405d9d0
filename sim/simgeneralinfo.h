// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "soapGeneralInfoService.h"

namespace Oobm::Sim {

class SoapServiceHost;

// The General Info service of a simulated device: its provisioning state and firmware version.
class SimGeneralInfo final : public GeneralInfoService
{
public:
    SimGeneralInfo(struct soap *soap, SoapServiceHost &host);

    int GetProvisioningState(_inf__GetProvisioningState *, _inf__GetProvisioningStateResponse &r) override;
    int GetCoreVersion(_inf__GetCoreVersion *, _inf__GetCoreVersionResponse &r) override;

private:
    SoapServiceHost &m_host;
};

} // namespace Oobm::Sim
