// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "soapRemoteControlService.h"

namespace Oobm::Sim {

class SoapServiceHost;

// The Remote Control service of a simulated device (docs/protocol.md §5.3): its power state; once
// provisioned, power up, power down, reset and power cycle, and the next boot (SetBootOptions),
// which the next start consumes.
class SimRemoteControl final : public RemoteControlService
{
public:
    SimRemoteControl(struct soap *soap, SoapServiceHost &host);

    int GetSystemPowerState(_rci__GetSystemPowerState *, _rci__GetSystemPowerStateResponse &r) override;
    int GetRemoteControlCapabilities(_rci__GetRemoteControlCapabilities *,
                                     _rci__GetRemoteControlCapabilitiesResponse &r) override;
    int RemoteControl(_rci__RemoteControl *q, _rci__RemoteControlResponse &r) override;

private:
    SoapServiceHost &m_host;
};

} // namespace Oobm::Sim
