// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace Oobm::Core::Amt {

// How to reach one AMT device and prove who we are.
struct AmtEndpoint
{
    enum class Transport {
        Http,   // plain HTTP on 16992, Digest authentication
        TlsPsk, // provisioning: TLS-PSK on 16993, identity = PID, key = the 32 PPS characters
        Tls,    // TLS on 16993 with server-certificate verification (and, for Remote
                // Configuration, a client certificate chain)
    };

    QString host;
    quint16 port = 16992;
    Transport transport = Transport::Http;
    QString user = QStringLiteral("admin");
    QString password;

    QByteArray pskIdentity; // the PID, 8 characters without the dash
    QByteArray psk;         // the PPS, 32 characters without dashes

    QByteArray trustedCertificatesPem; // Tls: CA certificates, or the device's pinned certificate
    // Tls: false for Remote Configuration, where the device's self-signed certificate only carries
    // the key exchange and the device checks us (our chain), not we it.
    bool verifyServer = true;
    QByteArray clientCertificateChainPem; // Tls, Remote Configuration: leaf first, root last
    QByteArray clientPrivateKeyPem;

    int connectTimeoutMs = 5000;
    int sendTimeoutMs = 10000;
    int receiveTimeoutMs = 10000;

    // OOB Trace Logging: called after every SOAP request with what may be logged, never a
    // secret (status: 0 success, else the HTTP or gSOAP code). Empty: no tracing. Called on the
    // session's thread.
    std::function<void(const QString &operation, const QString &peer, int status, qint64 durationMs)> trace;

    // "http://127.10.0.1:16992/SecurityAdministrationService"
    QString url(const QString &service) const;
    // "http://127.10.0.1:16992/wsman" (docs/protocol.md §13.1)
    QString wsmanUrl() const;
    // "127.10.0.1:16992"
    QString address() const;
};

} // namespace Oobm::Core::Amt
