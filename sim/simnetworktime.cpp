// SPDX-License-Identifier: GPL-2.0-or-later
#include "simnetworktime.h"

#include "sim/soapcall.h"

#include <QDateTime>

namespace Oobm::Sim {

using Core::Amt::PtStatus;

SimNetworkTime::SimNetworkTime(struct soap *soap, SoapServiceHost &host)
    : NetworkTimeService(soap)
    , m_host(host)
{ }

int SimNetworkTime::GetLowAccuracyTimeSynch(_tim__GetLowAccuracyTimeSynch *, _tim__GetLowAccuracyTimeSynchResponse &r)
{
    OOBM_SIM_BEGIN(GetLowAccuracyTimeSynch, r, StatusCode);
    r.Ta0 = unsigned(s.clockMs() / 1000);
    return answer(r.StatusCode, PtStatus::Success);
}

// docs/protocol.md §5.7; DeviceState::synchronizeClock does the arithmetic.
int SimNetworkTime::SetHighAccuracyTimeSynch(_tim__SetHighAccuracyTimeSynch *q,
                                             _tim__SetHighAccuracyTimeSynchResponse &r)
{
    OOBM_SIM_BEGIN(SetHighAccuracyTimeSynch, r, StatusCode);
    if (const PtStatus status = s.synchronizeClock(q->Ta0, q->Tm1, q->Tm2, QDateTime::currentMSecsSinceEpoch());
        status != PtStatus::Success)
        return answer(r.StatusCode, status);
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

} // namespace Oobm::Sim
