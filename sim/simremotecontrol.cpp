// SPDX-License-Identifier: GPL-2.0-or-later
#include "simremotecontrol.h"

#include "sim/soapcall.h"

#include <QDateTime>

namespace Oobm::Sim {

using Core::Amt::PtStatus;

namespace {

// RemoteControl's Command by the name of Intel's enumeration, for the call record and faults.
QString commandName(unsigned command)
{
    switch (command) {
    case 0x10:
        return QStringLiteral("Reset");
    case 0x11:
        return QStringLiteral("PowerUp");
    case 0x12:
        return QStringLiteral("PowerDown");
    case 0x13:
        return QStringLiteral("PowerCycleReset");
    case 0x21:
        return QStringLiteral("SetBootOptions");
    default:
        return {};
    }
}

} // namespace

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
    OOBM_SIM_BEGIN_COMMAND(RemoteControl, commandName(q->Command), r, Status);
    if (s.mode != Mode::Provisioned)
        return answer(r.Status, PtStatus::InvalidProvisioningState);
    if (q->IanaOemNumber != 343)
        return answer(r.Status, PtStatus::UnsupportedOemNumber);
    BootSetting boot;
    boot.specialCommand = q->SpecialCommand ? *q->SpecialCommand : 0;
    boot.parameter = q->SpecialCommandParameter ? *q->SpecialCommandParameter : 0;
    boot.bootOptions = q->BootOptions ? *q->BootOptions : 0;
    if (const PtStatus refused = BootSetting::check(boot.specialCommand, boot.parameter, boot.bootOptions);
        refused != PtStatus::Success)
        return answer(r.Status, refused);
    // OEMparameters is not interpreted.
    const PtStatus result = s.remoteCommand(q->Command, boot, QDateTime::currentMSecsSinceEpoch());
    if (result == PtStatus::Success)
        call.changed();
    return answer(r.Status, result);
}

} // namespace Oobm::Sim
