// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <future>
#include <openssl/types.h>

struct soap;

namespace Oobm::Sim {

class Fleet;
class SimDevice;

// The simulated firmware's TLS on 16993 (docs/protocol.md §4): the server contexts a device may
// speak (TLS-PSK in setup mode, the certificate it was given once provisioned, Remote
// Configuration in setup-pki mode), set up on the gSOAP master contexts that connections copy,
// and the callbacks that find a connection's device by the address it arrived on.
class TlsContext
{
public:
    explicit TlsContext(Fleet &fleet);
    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    // Sets up TLS on the three masters (the caller's; call wait() before freeing them). The
    // Remote Configuration certificate's 2048-bit RSA key takes a few hundred milliseconds, so it
    // is made in the background; remoteConfigurationReady() waits for it. Returns an error
    // sentence, or empty.
    QString setUp(struct soap *psk, struct soap *certificate, struct soap *remoteConfiguration);
    // Waits for the Remote Configuration certificate: its error, or empty.
    QString remoteConfigurationReady() const;
    // Waits until nothing runs in the background any more (it writes to the Remote Configuration
    // master's context).
    void wait();

    // Remote Configuration, after the handshake: why the SCS's client certificate is refused (its
    // root is not trusted, it has neither the Intel OID nor the OU, it names a host outside the
    // device's domain), or empty.
    static QString checkProvisioningCertificate(SSL *ssl, SimDevice *device);

    // PEM checks for SetTLSKeyAndCertificate. Each leaves OpenSSL's error queue empty.
    static bool isPrivateKey(const QByteArray &pem);
    static bool isCertificate(const QByteArray &pem);
    static bool keyMatchesCertificate(const QByteArray &keyPem, const QByteArray &certificatePem);

private:
    Fleet &m_fleet;
    std::shared_future<QString> m_remoteConfiguration;
};

} // namespace Oobm::Sim
