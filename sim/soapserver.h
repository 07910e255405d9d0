// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Oobm::Sim {

class Fleet;
class SimDevice;

struct SoapServerOptions
{
    quint16 httpPort = 16992;
    quint16 tlsPort = 16993;
    int workers = 64;            // requests served at once (idle HTTP connections hold no worker; TLS ones do)
    int idleTimeoutSeconds = 60; // a keep-alive connection with no request is closed after this
};

// Serves the AMT SOAP services for every device of the fleet: one epoll thread accepts on every
// device's listening sockets (its own 127.x.y.z address, 16992 and/or 16993 as its state says),
// a pool of workers runs gSOAP on the accepted connections (TLS-PSK, TLS, HTTP Digest; see
// TlsContext) and dispatches each request to the services (SimSecurityAdministration,
// SimGeneralInfo, SimNetworkAdministration, SimNetworkTime, SimRemoteControl).
class SoapServer
{
public:
    SoapServer(Fleet &fleet, const SoapServerOptions &options);
    ~SoapServer();
    SoapServer(const SoapServer &) = delete;
    SoapServer &operator=(const SoapServer &) = delete;

    QString start(); // an error sentence, or empty
    void stop();

    // Opens or closes the device's listening sockets to match its state (mode, TLS, faults).
    // Thread-safe; call after any change that affects them.
    void updateListeners(SimDevice *device);
    // Called (on a worker thread, mutex not held) after a SOAP call moved a device into or out of
    // setup mode, e.g. a partial Unprovision: the hello sender reschedules it.
    void setModeChangedHandler(std::function<void(SimDevice *)> handler);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Oobm::Sim
