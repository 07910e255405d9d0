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

int SimNetworkTime::SetHighAccuracyTimeSynch(_tim__SetHighAccuracyTimeSynch *q,
                                             _tim__SetHighAccuracyTimeSynchResponse &r)
{
    OOBM_SIM_BEGIN(SetHighAccuracyTimeSynch, r, StatusCode);
    if (q->Tm1 < q->Ta0 || q->Tm2 < q->Tm1)
        return answer(r.StatusCode, PtStatus::InvalidTime);
    s.timeOffsetSeconds = qint64(q->Tm2) - QDateTime::currentSecsSinceEpoch();
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

} // namespace Oobm::Sim
