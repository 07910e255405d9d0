// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "httpda.h"

#include "core/amt/amtendpoint.h"
#include "core/amt/amterror.h"

#include <QElapsedTimer>
#include <QString>

namespace Oobm::Core::Amt {

// One gSOAP context to one device and what every call over it needs, whatever the dialect
// (AmtSession for the legacy services, WsmanSession for WS-Management): the timeouts, TLS as the
// endpoint asks for it (PSK, a pinned certificate, a client chain), answering a Digest challenge
// once and reusing its credentials, and turning a failed call into an AmtError that names the
// specifics. Internal to core/amt: its header sees gSOAP.
class SoapTransport
{
public:
    SoapTransport(const AmtEndpoint &endpoint, struct Namespace *namespaces);
    ~SoapTransport();
    SoapTransport(const SoapTransport &) = delete;
    SoapTransport &operator=(const SoapTransport &) = delete;

    struct soap *context() const { return m_soap; }
    const AmtEndpoint &endpoint() const { return m_endpoint; }
    // The namespace table again: a generated proxy's constructor installs the global one.
    void useNamespaces();

    // Runs one request (a callable returning the gSOAP result), answering a Digest challenge
    // once. The callable may run twice: it sets up the whole request (headers too) each time.
    template<typename Invoke>
    AmtError call(const char *operation, Invoke invoke)
    {
        if (AmtError refused = begin(operation))
            return refused;
        QElapsedTimer timer;
        timer.start();
        int rc = invoke();
        if (rc == 401 && prepareRetry())
            rc = invoke();
        return finish(operation, rc, timer.elapsed());
    }

private:
    void setupTls();
    AmtError begin(const char *operation);
    bool prepareRetry();
    AmtError finish(const char *operation, int rc, qint64 elapsedMs);
    AmtError classify(const char *operation, qint64 elapsedMs, int rc);

    AmtEndpoint m_endpoint;
    struct Namespace *m_namespaces;
    struct soap *m_soap;
    http_da_info m_da{};
    bool m_daSaved = false;
    QString m_lastRealm;
    QString m_tlsError;
    int m_verifyError = 0; // X509_V_OK
};

} // namespace Oobm::Core::Amt
