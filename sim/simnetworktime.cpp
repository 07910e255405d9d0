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

// docs/protocol.md §5.7: Ta0 as the device answered, Tm1 the console's time when it received it,
// Tm2 the console's time when it sent this; Ta3 is the device's time now. The device takes the
// console's clock with the transit time averaged out:
//   time = Ta3 + ((Tm1 + Tm2) - (Ta0 + Ta3)) / 2
int SimNetworkTime::SetHighAccuracyTimeSynch(_tim__SetHighAccuracyTimeSynch *q,
                                             _tim__SetHighAccuracyTimeSynchResponse &r)
{
    OOBM_SIM_BEGIN(SetHighAccuracyTimeSynch, r, StatusCode);
    if (q->Tm2 < q->Tm1) // the console's clock went back between the two
        return answer(r.StatusCode, PtStatus::InvalidTime);
    const qint64 hostNow = QDateTime::currentMSecsSinceEpoch();
    const qint64 ta3 = hostNow + s.clockOffsetMs; // ms
    const qint64 time = ta3 + ((qint64(q->Tm1) + qint64(q->Tm2)) * 1000 - (qint64(q->Ta0) * 1000 + ta3)) / 2;
    s.clockOffsetMs = time - hostNow;
    ++s.clockSets;
    s.clockSetMs = hostNow;
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

} // namespace Oobm::Sim
