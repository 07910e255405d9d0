// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "soapNetworkTimeService.h"

namespace Oobm::Sim {

class SoapServiceHost;

// The Network Time service of a simulated device: the clock the SCS sets during provisioning.
class SimNetworkTime final : public NetworkTimeService
{
public:
    SimNetworkTime(struct soap *soap, SoapServiceHost &host);

    int SetHighAccuracyTimeSynch(_tim__SetHighAccuracyTimeSynch *q, _tim__SetHighAccuracyTimeSynchResponse &r) override;

private:
    SoapServiceHost &m_host;
};

} // namespace Oobm::Sim
