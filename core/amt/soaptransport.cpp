// SPDX-License-Identifier: GPL-2.0-or-later
#include "soaptransport.h"

#include "core/keys/pidpps.h"

#include <QCoreApplication>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace Oobm::Core::Amt {

namespace {

QString tr(const char *text)
{
    // lupdate files free tr() calls under the enclosing namespace: use the same context.
    return QCoreApplication::translate("Oobm::Core::Amt", text);
}

std::string str(const QString &s)
{
    return s.toStdString();
}

int sslExIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

// TLS-PSK client: identity = the PID, key = the 32 PPS characters as bytes (docs/protocol.md §4.2).
unsigned int pskClientCallback(SSL *ssl, const char * /*hint*/, char *identity, unsigned int maxIdentity,
                               unsigned char *psk, unsigned int maxPsk)
{
    const auto *endpoint = static_cast<const AmtEndpoint *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), sslExIndex()));
    if (!endpoint || unsigned(endpoint->pskIdentity.size()) + 1 > maxIdentity
        || unsigned(endpoint->psk.size()) > maxPsk)
        return 0;
    std::memcpy(identity, endpoint->pskIdentity.constData(), endpoint->pskIdentity.size());
    identity[endpoint->pskIdentity.size()] = '\0';
    std::memcpy(psk, endpoint->psk.constData(), endpoint->psk.size());
    return unsigned(endpoint->psk.size());
}

int verifyExIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

// Remembers why the device's certificate was refused, for the error message.
int verifyCallback(int preverifyOk, X509_STORE_CTX *store)
{
    if (!preverifyOk) {
        auto *ssl = static_cast<SSL *>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
        if (auto *lastError = static_cast<int *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), verifyExIndex())))
            *lastError = X509_STORE_CTX_get_error(store);
    }
    return preverifyOk;
}

QString openSslErrors()
{
    QStringList reasons;
    while (const unsigned long e = ERR_get_error()) {
        if (const char *r = ERR_reason_error_string(e))
            reasons << QString::fromLatin1(r);
    }
    reasons.removeDuplicates();
    return reasons.join(QStringLiteral("; "));
}

// A WS-Management fault's subcode (docs/protocol.md §13.4) by its local name: the prefix is
// whatever the device's envelope used.
AmtError::Category faultCategory(const QString &subcode)
{
    if (subcode == u"DestinationUnreachable")
        return AmtError::Category::NotFound;
    if (subcode == u"ActionNotSupported")
        return AmtError::Category::NotSupported;
    if (subcode == u"AccessDenied")
        return AmtError::Category::AccessDenied;
    if (subcode == u"InvalidSelectors")
        return AmtError::Category::InvalidSelectors;
    return AmtError::Category::SoapFault;
}

} // namespace

SoapTransport::SoapTransport(const AmtEndpoint &endpoint, struct Namespace *namespaces)
    : m_endpoint(endpoint)
    , m_namespaces(namespaces)
    , m_soap(soap_new1(SOAP_IO_KEEPALIVE | SOAP_IO_BUFFER | SOAP_C_UTFSTRING))
{
    soap_set_namespaces(m_soap, m_namespaces);
    soap_register_plugin(m_soap, http_da);
    // Negative gSOAP timeouts are microseconds.
    m_soap->connect_timeout = -1000 * m_endpoint.connectTimeoutMs;
    m_soap->send_timeout = -1000 * m_endpoint.sendTimeoutMs;
    m_soap->recv_timeout = -1000 * m_endpoint.receiveTimeoutMs;
    m_soap->transfer_timeout = 0;
    if (m_endpoint.transport != AmtEndpoint::Transport::Http)
        setupTls();
}

SoapTransport::~SoapTransport()
{
    if (m_daSaved)
        http_da_release(m_soap, &m_da);
    soap_closesock(m_soap); // soap_free() does not: a kept-alive connection would stay open
    soap_destroy(m_soap);
    soap_end(m_soap);
    soap_free(m_soap);
}

void SoapTransport::useNamespaces()
{
    soap_set_namespaces(m_soap, m_namespaces);
}

void SoapTransport::setupTls()
{
    const bool psk = m_endpoint.transport == AmtEndpoint::Transport::TlsPsk;
    // Remote Configuration: the device's certificate is self-signed and only carries the key
    // exchange (docs/protocol.md §4.3), so it is not verified; the device verifies us.
    const bool verify = !psk && m_endpoint.verifyServer;
    // SOAP_SSL_NO_DEFAULT_CA_PATH: devices are trusted through the certificates the endpoint
    // names, never the system's CA bundle, and loading that bundle for every session (PEM
    // decoding ~140 certificates under OpenSSL's global locks) cost ~30 ms of CPU per device.
    const unsigned short flags = verify ? (SOAP_SSL_REQUIRE_SERVER_AUTHENTICATION | SOAP_SSL_SKIP_HOST_CHECK
                                           | SOAP_SSL_NO_DEFAULT_CA_PATH | SOAP_TLSv1_0 | SOAP_TLSv1_1 | SOAP_TLSv1_2)
                                        : (SOAP_SSL_NO_AUTHENTICATION | SOAP_SSL_SKIP_HOST_CHECK
                                           | SOAP_SSL_NO_DEFAULT_CA_PATH | SOAP_TLSv1_0 | SOAP_TLSv1_1 | SOAP_TLSv1_2);
    if (soap_ssl_client_context(m_soap, flags, nullptr, nullptr, nullptr, nullptr, nullptr) != SOAP_OK
        || !m_soap->ctx) {
        m_tlsError = tr("cannot set up TLS: %1").arg(QString::fromUtf8(soap_fault_string(m_soap)));
        return;
    }
    SSL_CTX *ctx = m_soap->ctx;
    SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION); // never TLS 1.3: AMT 2.x/3.x predate it
    if (psk) {
        SSL_CTX_set_cipher_list(ctx, "PSK-AES128-CBC-SHA:@SECLEVEL=0");
        SSL_CTX_set_ex_data(ctx, sslExIndex(), &m_endpoint);
        SSL_CTX_set_psk_client_callback(ctx, pskClientCallback);
        return;
    }
    SSL_CTX_set_cipher_list(ctx,
                            "DEFAULT:@SECLEVEL=0"); // AMT 2.x/3.x certificates are RSA/SHA-1
    if (m_endpoint.verifyServer) {
        SSL_CTX_set_ex_data(ctx, verifyExIndex(), &m_verifyError);
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verifyCallback);
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    }
    X509_STORE *store = SSL_CTX_get_cert_store(ctx);
    // A pinned certificate need not be a root: trusting it alone is enough.
    X509_STORE_set_flags(store, X509_V_FLAG_PARTIAL_CHAIN);
    BIO *bio = BIO_new_mem_buf(m_endpoint.trustedCertificatesPem.constData(),
                               int(m_endpoint.trustedCertificatesPem.size()));
    while (X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
        X509_STORE_add_cert(store, cert);
        X509_free(cert);
    }
    BIO_free(bio);
    ERR_clear_error();
    if (!m_endpoint.clientCertificateChainPem.isEmpty()) {
        BIO *chain = BIO_new_mem_buf(m_endpoint.clientCertificateChainPem.constData(),
                                     int(m_endpoint.clientCertificateChainPem.size()));
        bool first = true;
        while (X509 *cert = PEM_read_bio_X509(chain, nullptr, nullptr, nullptr)) {
            if (first) {
                SSL_CTX_use_certificate(ctx, cert);
                X509_free(cert);
                first = false;
            } else {
                SSL_CTX_add_extra_chain_cert(ctx, cert); // takes ownership
            }
        }
        BIO_free(chain);
        BIO *key = BIO_new_mem_buf(m_endpoint.clientPrivateKeyPem.constData(),
                                   int(m_endpoint.clientPrivateKeyPem.size()));
        EVP_PKEY *pkey = PEM_read_bio_PrivateKey(key, nullptr, nullptr, nullptr);
        BIO_free(key);
        if (!pkey || SSL_CTX_use_PrivateKey(ctx, pkey) != 1)
            m_tlsError = tr("the client certificate's private key cannot be used: %1").arg(openSslErrors());
        EVP_PKEY_free(pkey);
        ERR_clear_error();
    }
}

AmtError SoapTransport::begin(const char *operation)
{
    soap_destroy(m_soap);
    soap_end(m_soap);
    m_soap->header = nullptr; // freed with the last call's memory
    ERR_clear_error();
    if (m_endpoint.host.isEmpty()) // gSOAP would write the request to standard output
        return {AmtError::Category::Protocol, tr("No address was given for the device."), QLatin1String(operation)};
    if (!m_tlsError.isEmpty())
        return {AmtError::Category::TlsHandshake, tr("TLS with %1: %2").arg(m_endpoint.address(), m_tlsError),
                QLatin1String(operation)};
    if (m_daSaved)
        http_da_restore(m_soap, &m_da);
    return {};
}

bool SoapTransport::prepareRetry()
{
    if (m_daSaved) {
        http_da_release(m_soap, &m_da);
        m_daSaved = false;
    }
    m_lastRealm = m_soap->authrealm ? QString::fromUtf8(m_soap->authrealm) : QString();
    soap_closesock(m_soap); // a device may have left the challenged request's body unread
    http_da_save(m_soap, &m_da, m_soap->authrealm, str(m_endpoint.user).c_str(), str(m_endpoint.password).c_str());
    m_daSaved = true;
    m_soap->header = nullptr; // the caller sets the request up again
    return true;
}

AmtError SoapTransport::finish(const char *operation, int rc, qint64 elapsedMs)
{
    if (m_endpoint.trace)
        m_endpoint.trace(QLatin1String(operation), m_endpoint.address(), rc, elapsedMs);
    if (rc == SOAP_OK)
        return {};
    return classify(operation, elapsedMs, rc);
}

AmtError SoapTransport::classify(const char *operation, qint64 elapsedMs, int rc)
{
    const QString op = QLatin1String(operation);
    const QString where = m_endpoint.address();
    const QString fault = QString::fromUtf8(soap_fault_string(m_soap) ? soap_fault_string(m_soap) : "");
    const QString detail = QString::fromUtf8(soap_fault_detail(m_soap) ? soap_fault_detail(m_soap) : "");
    const char *subcode = m_soap->version == 2 ? soap_fault_subcode(m_soap) : nullptr;
    const QString ssl = openSslErrors();
    const int err = m_soap->errnum;
    soap_closesock(m_soap);
    if (rc == 401) {
        const QString realm = m_soap->authrealm ? QString::fromUtf8(m_soap->authrealm) : m_lastRealm;
        return {AmtError::Category::Authentication,
                tr("Authentication failed at %1: the device rejected user '%2' in realm '%3' "
                   "(HTTP 401). "
                   "Check the admin password.")
                        .arg(where, m_endpoint.user, realm),
                op};
    }
    if (rc == SOAP_SSL_ERROR) {
        if (m_endpoint.transport == AmtEndpoint::Transport::TlsPsk) {
            return {AmtError::Category::TlsHandshake,
                    tr("TLS-PSK handshake with %1 failed for PID %2: the device did not "
                       "accept the pre-shared "
                       "key, so the PPS does not match the one the device holds (%3).")
                            .arg(where, PidPps::formatPid(m_endpoint.pskIdentity),
                                 ssl.isEmpty() ? (detail.isEmpty() ? fault : detail) : ssl),
                    op};
        }
        if (m_verifyError != X509_V_OK) {
            const QString why = QString::fromLatin1(X509_verify_cert_error_string(m_verifyError));
            m_verifyError = X509_V_OK;
            return {AmtError::Category::TlsHandshake,
                    tr("TLS handshake with %1 failed: the device's certificate is not trusted "
                       "(%2). Check the "
                       "trusted CA or the pinned certificate.")
                            .arg(where, why),
                    op};
        }
        return {AmtError::Category::TlsHandshake,
                tr("TLS handshake with %1 failed: %2")
                        .arg(where, ssl.isEmpty() ? (detail.isEmpty() ? fault : detail) : ssl),
                op};
    }
    if (rc == SOAP_TCP_ERROR) {
        if (err == ECONNREFUSED)
            return {AmtError::Category::ConnectionRefused,
                    tr("%1 refused the connection: nothing listens there, or a firewall "
                       "rejects it.")
                            .arg(where),
                    op};
        if (err == ETIMEDOUT || err == 0 || elapsedMs >= m_endpoint.connectTimeoutMs)
            return {AmtError::Category::Timeout,
                    tr("Connecting to %1 timed out after %2 ms.").arg(where).arg(elapsedMs), op};
        return {AmtError::Category::Protocol,
                tr("Cannot connect to %1: %2").arg(where, QString::fromLocal8Bit(std::strerror(err))), op};
    }
    // Not SOAP_CHK_EOF: that macro is "soap->error, or SOAP_EOF", so it equals every rc a call
    // returns, and a fault would read as a dropped connection.
    if (rc == SOAP_EOF || rc == SOAP_LENGTH) {
        if (elapsedMs + 50 >= qMin(m_endpoint.receiveTimeoutMs, m_endpoint.sendTimeoutMs))
            return {AmtError::Category::Timeout, tr("%1 did not answer %2 within %3 ms.").arg(where, op).arg(elapsedMs),
                    op};
        return {AmtError::Category::ConnectionDropped,
                tr("%1 closed the connection in the middle of %2.").arg(where, op), op};
    }
    if (rc == 404)
        return {AmtError::Category::NotSupported,
                tr("%1 answered %2 with HTTP 404: the device does not serve this interface (AMT before 3.0 has "
                   "no WS-Management, AMT 9.0 and later no legacy SOAP services).")
                        .arg(where, op),
                op};
    if (rc >= 200 && rc < 300) // gSOAP reports the HTTP status when the body is not the answer it expects
        return {AmtError::Category::Protocol,
                tr("%1 answered %2 with HTTP %3, but its body is not an answer to %2.").arg(where, op).arg(rc), op};
    if (subcode && (rc == SOAP_FAULT || rc == SOAP_CLI_FAULT || rc == SOAP_SVR_FAULT)) {
        // WS-Management (docs/protocol.md §13.4): the subcode says what went wrong.
        QString name = QString::fromUtf8(subcode);
        name = name.mid(name.lastIndexOf(u':') + 1);
        AmtError e{faultCategory(name),
                   tr("%1 answered %2 with the WS-Management fault %3: %4")
                           .arg(where, op, name, fault + (detail.isEmpty() ? QString() : u' ' + detail)),
                   op};
        e.faultSubcode = name;
        return e;
    }
    if (rc == SOAP_FAULT || rc == SOAP_CLI_FAULT || rc == SOAP_SVR_FAULT || rc == SOAP_NO_METHOD
        || rc == SOAP_TAG_MISMATCH)
        return {AmtError::Category::SoapFault,
                tr("%1 answered %2 with a SOAP fault: %3")
                        .arg(where, op, fault + (detail.isEmpty() ? QString() : u' ' + detail)),
                op};
    if (rc >= 100 && rc < 600)
        return {AmtError::Category::Protocol, tr("%1 answered %2 with HTTP %3.").arg(where, op).arg(rc), op};
    return {AmtError::Category::Protocol, tr("%1 failed at %2 (gSOAP error %3): %4").arg(op, where).arg(rc).arg(fault),
            op};
}

} // namespace Oobm::Core::Amt
