// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stdsoap2.h"

#include "core/amt/ptstatus.h"
#include "sim/simdevice.h"

#include <QMutexLocker>

#include <type_traits>

namespace Oobm::Sim {

class SoapServiceHost;

// PT_STATUS_SUCCESS, as the responses carry it.
constexpr unsigned Ok = unsigned(Core::Amt::PtStatus::Success);

// Sets an answer's PT_STATUS field: what an operation that ran returns.
inline int answer(unsigned &statusField, Core::Amt::PtStatus status)
{
    statusField = unsigned(status);
    return SOAP_OK;
}

// The context every operation of the simulated services starts with: which device, HTTP Digest
// authentication against its admin account, the call counted in the device's record, and the
// faults a test switched on (latency, a dropped or hanging connection, a forced PT_STATUS), for
// the device or for the operation. command: RemoteControl's command ("PowerDown",
// "SetBootOptions"), counted and faulted under its own name too, before the operation's.
class SoapCall
{
public:
    SoapCall(struct soap *soap, const char *operation, SoapServiceHost &host, const QString &command = {});

    // The operation must not run: unauthenticated (401), dropped or hung (SOAP_STOP), or answered
    // with a forced status.
    bool stop() const { return m_result != SOAP_OK || m_forced; }
    // What the operation returns: 401, SOAP_STOP, or SOAP_OK with the forced status already set.
    template<typename Response>
    int finish(Response &response, unsigned Response::*statusField)
    {
        if (m_forced && m_result == SOAP_OK)
            response.*statusField = m_forcedStatus;
        return m_result;
    }

    SimDevice *device() const { return m_device; }
    // What stop() means: 401 or SOAP_STOP (then nothing may be sent), else a forced status.
    int result() const { return m_result; }
    bool forced() const { return m_forced; }
    unsigned forcedStatus() const { return m_forcedStatus; }
    void changed(); // with the device's mutex held: the state is kept
    void updateListeners();
    void modeChanged();

private:
    static bool verifiedByDigest(struct soap *soap, const QByteArray &digest);

    bool stillHung() const;

    SoapServiceHost &m_host;
    SimDevice *m_device;
    bool m_deviceHang = false; // the device's hang fault holds this call
    QString m_hangFault;       // the operation fault that holds it
    int m_result = SOAP_OK;
    bool m_forced = false;
    unsigned m_forcedStatus = 0;
};

} // namespace Oobm::Sim

// Starts an operation of a simulated service (a class with a SoapServiceHost &m_host): returns
// early when the call must not run, else holds the device's mutex as `lock`, its state as `s`.
#define OOBM_SIM_BEGIN(Op, Response, statusField) OOBM_SIM_BEGIN_COMMAND(Op, QString(), Response, statusField)
// The same, for an operation that carries a command of its own (RemoteControl's).
#define OOBM_SIM_BEGIN_COMMAND(Op, command, Response, statusField) \
    Oobm::Sim::SoapCall call(soap, #Op, m_host, command); \
    if (call.stop()) \
        return call.finish(Response, &std::remove_reference_t<decltype(Response)>::statusField); \
    QMutexLocker lock(&call.device()->mutex); \
    Oobm::Sim::DeviceState &s = call.device()->state(); \
    Q_UNUSED(s)
