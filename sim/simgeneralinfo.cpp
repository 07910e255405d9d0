// SPDX-License-Identifier: GPL-2.0-or-later
#include "simgeneralinfo.h"

#include "sim/soapcall.h"

namespace Oobm::Sim {

using Core::Amt::PtStatus;

SimGeneralInfo::SimGeneralInfo(struct soap *soap, SoapServiceHost &host)
    : GeneralInfoService(soap)
    , m_host(host)
{ }

int SimGeneralInfo::GetProvisioningState(_inf__GetProvisioningState *, _inf__GetProvisioningStateResponse &r)
{
    OOBM_SIM_BEGIN(GetProvisioningState, r, StatusCode);
    r.StatusCode = Ok;
    r.ProvisioningState = s.provisioningState();
    return SOAP_OK;
}

int SimGeneralInfo::GetCoreVersion(_inf__GetCoreVersion *, _inf__GetCoreVersionResponse &r)
{
    OOBM_SIM_BEGIN(GetCoreVersion, r, StatusCode);
    r.StatusCode = Ok;
    r.Version = s.coreVersion().toStdString();
    return SOAP_OK;
}

} // namespace Oobm::Sim
