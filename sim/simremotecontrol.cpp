// SPDX-License-Identifier: GPL-2.0-or-later
#include "simremotecontrol.h"

#include "sim/soapcall.h"

namespace Oobm::Sim {

using Core::Amt::PtStatus;

SimRemoteControl::SimRemoteControl(struct soap *soap, SoapServiceHost &host)
    : RemoteControlService(soap)
    , m_host(host)
{ }

int SimRemoteControl::GetSystemPowerState(_rci__GetSystemPowerState *, _rci__GetSystemPowerStateResponse &r)
{
    OOBM_SIM_BEGIN(GetSystemPowerState, r, Status);
    r.Status = Ok;
    r.SystemPowerState = s.powerState;
    return SOAP_OK;
}

int SimRemoteControl::GetRemoteControlCapabilities(_rci__GetRemoteControlCapabilities *,
                                                   _rci__GetRemoteControlCapabilitiesResponse &r)
{
    OOBM_SIM_BEGIN(GetRemoteControlCapabilities, r, Status);
    r.Status = Ok;
    r.IanaOemNumber = 343;
    r.OemDefinedCapabilities = 0x1F;     // IDER SOL BiosReflash BiosSetup BiosPause
    r.SpecialCommandsSupported = 0x1F00; // PXE HD HD-safe diag CD
    r.SystemCapabilitiesSupported = 0x0F;
    r.SystemFirmwareCapabilities = 0;
    return SOAP_OK;
}

int SimRemoteControl::RemoteControl(_rci__RemoteControl *q, _rci__RemoteControlResponse &r)
{
    OOBM_SIM_BEGIN(RemoteControl, r, Status);
    if (s.mode != Mode::Provisioned)
        return answer(r.Status, PtStatus::InvalidProvisioningState);
    if (q->IanaOemNumber != 343)
        return answer(r.Status, PtStatus::UnsupportedOemNumber);
    if (q->SpecialCommand && *q->SpecialCommand > 5 && *q->SpecialCommand != 0xC1)
        return answer(r.Status, PtStatus::InvalidSpecialCommand);
    switch (q->Command) {
    case 0x10: // reset
    case 0x13: // power cycle
        if (s.powerState == 5) {
            r.Status = unsigned(PtStatus::NotPermitted); // nothing to reset while off
            return SOAP_OK;
        }
        s.powerState = 0;
        break;
    case 0x11:
        s.powerState = 0;
        break;
    case 0x12:
        s.powerState = 5;
        break;
    case 0x21:
        break;
    default:
        return answer(r.Status, PtStatus::InvalidCommand);
    }
    call.changed();
    return answer(r.Status, PtStatus::Success);
}

} // namespace Oobm::Sim
