// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "soapNetworkTimeService.h"

namespace Oobm::Sim {

class SoapServiceHost;

// The Network Time service of a simulated device (docs/protocol.md §5.7): its clock (the host's
// plus an offset) read and set as the firmware does.
class SimNetworkTime final : public NetworkTimeService
{
public:
    SimNetworkTime(struct soap *soap, SoapServiceHost &host);

    int GetLowAccuracyTimeSynch(_tim__GetLowAccuracyTimeSynch *, _tim__GetLowAccuracyTimeSynchResponse &r) override;
    int SetHighAccuracyTimeSynch(_tim__SetHighAccuracyTimeSynch *q, _tim__SetHighAccuracyTimeSynchResponse &r) override;

private:
    SoapServiceHost &m_host;
};

} // namespace Oobm::Sim
