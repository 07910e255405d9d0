// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace Oobm::Sim {

class SimDevice;

// What the simulated SOAP services ask of the server that runs them (SoapServer).
class SoapServiceHost
{
public:
    virtual ~SoapServiceHost() = default;

    // The server is shutting down: a hanging call stops waiting.
    virtual bool isStopping() const = 0;
    // Keeps the device's changed state. Call with the device's mutex held.
    virtual void saveDevice(const SimDevice &device) = 0;
    // Opens or closes the device's listening sockets to match its state. Call without the mutex.
    virtual void updateListeners(SimDevice *device) = 0;
    // The device moved into or out of setup mode (the hello sender reschedules it). Call without
    // the mutex.
    virtual void modeChanged(SimDevice *device) = 0;
};

} // namespace Oobm::Sim
