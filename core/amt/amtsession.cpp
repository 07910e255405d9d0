// SPDX-License-Identifier: GPL-2.0-or-later
// The only client-side file that sees gSOAP: generated proxies in, Qt value types out.
#include "amtsession.h"

#include "httpda.h"
#include "soapGeneralInfoProxy.h"
#include "soapNetworkAdministrationProxy.h"
#include "soapNetworkTimeProxy.h"
#include "soapRemoteControlProxy.h"
#include "soapSecurityAdministrationProxy.h"

#include "core/amt/ptstatus.h"
#include "core/keys/pidpps.h"

#include <QCoreApplication>
#include <QElapsedTimer>

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

QString qstr(const std::string &s)
{
    return QString::fromStdString(s);
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

} // namespace

class AmtSession::Private
{
public:
    explicit Private(const AmtEndpoint &e)
        : endpoint(e)
        , soap(soap_new1(SOAP_IO_KEEPALIVE | SOAP_IO_BUFFER | SOAP_C_UTFSTRING))
        , sai(soap)
        , inf(soap)
        , net(soap)
        , tim(soap)
        , rci(soap)
    {
        soap_set_namespaces(soap,
                            namespaces); // the table nsmap.cpp defines, shared by all services
        soap_register_plugin(soap, http_da);
        // Negative gSOAP timeouts are microseconds.
        soap->connect_timeout = -1000 * endpoint.connectTimeoutMs;
        soap->send_timeout = -1000 * endpoint.sendTimeoutMs;
        soap->recv_timeout = -1000 * endpoint.receiveTimeoutMs;
        soap->transfer_timeout = 0;
        for (const char *service :
             {"SecurityAdministration", "GeneralInfo", "NetworkAdministration", "NetworkTime", "RemoteControl"})
            urls.push_back(str(endpoint.url(QLatin1String(service))));
        if (endpoint.transport != AmtEndpoint::Transport::Http)
            setupTls();
    }

    ~Private()
    {
        if (daSaved)
            http_da_release(soap, &da);
        soap_closesock(soap); // soap_free() does not: a kept-alive connection would stay open
        soap_destroy(soap);
        soap_end(soap);
        soap_free(soap);
    }

    void setupTls()
    {
        const bool psk = endpoint.transport == AmtEndpoint::Transport::TlsPsk;
        // Remote Configuration: the device's certificate is self-signed and only carries the key
        // exchange (docs/protocol.md §4.3), so it is not verified; the device verifies us.
        const bool verify = !psk && endpoint.verifyServer;
        // SOAP_SSL_NO_DEFAULT_CA_PATH: devices are trusted through the certificates the endpoint
        // names, never the system's CA bundle, and loading that bundle for every session (PEM
        // decoding ~140 certificates under OpenSSL's global locks) cost ~30 ms of CPU per device.
        const unsigned short flags = verify
                ? (SOAP_SSL_REQUIRE_SERVER_AUTHENTICATION | SOAP_SSL_SKIP_HOST_CHECK | SOAP_SSL_NO_DEFAULT_CA_PATH
                   | SOAP_TLSv1_0 | SOAP_TLSv1_1 | SOAP_TLSv1_2)
                : (SOAP_SSL_NO_AUTHENTICATION | SOAP_SSL_SKIP_HOST_CHECK | SOAP_SSL_NO_DEFAULT_CA_PATH | SOAP_TLSv1_0
                   | SOAP_TLSv1_1 | SOAP_TLSv1_2);
        if (soap_ssl_client_context(soap, flags, nullptr, nullptr, nullptr, nullptr, nullptr) != SOAP_OK
            || !soap->ctx) {
            tlsError = tr("cannot set up TLS: %1").arg(QString::fromUtf8(soap_fault_string(soap)));
            return;
        }
        SSL_CTX *ctx = soap->ctx;
        SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
        SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION); // never TLS 1.3: AMT 2.x/3.x predate it
        if (psk) {
            SSL_CTX_set_cipher_list(ctx, "PSK-AES128-CBC-SHA:@SECLEVEL=0");
            SSL_CTX_set_ex_data(ctx, sslExIndex(), &endpoint);
            SSL_CTX_set_psk_client_callback(ctx, pskClientCallback);
            return;
        }
        SSL_CTX_set_cipher_list(ctx,
                                "DEFAULT:@SECLEVEL=0"); // AMT 2.x/3.x certificates are RSA/SHA-1
        if (endpoint.verifyServer) {
            SSL_CTX_set_ex_data(ctx, verifyExIndex(), &verifyError);
            SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verifyCallback);
        } else {
            SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
        }
        X509_STORE *store = SSL_CTX_get_cert_store(ctx);
        // A pinned certificate need not be a root: trusting it alone is enough.
        X509_STORE_set_flags(store, X509_V_FLAG_PARTIAL_CHAIN);
        BIO *bio = BIO_new_mem_buf(endpoint.trustedCertificatesPem.constData(),
                                   int(endpoint.trustedCertificatesPem.size()));
        while (X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
            X509_STORE_add_cert(store, cert);
            X509_free(cert);
        }
        BIO_free(bio);
        ERR_clear_error();
        if (!endpoint.clientCertificateChainPem.isEmpty()) {
            BIO *chain = BIO_new_mem_buf(endpoint.clientCertificateChainPem.constData(),
                                         int(endpoint.clientCertificateChainPem.size()));
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
            BIO *key = BIO_new_mem_buf(endpoint.clientPrivateKeyPem.constData(),
                                       int(endpoint.clientPrivateKeyPem.size()));
            EVP_PKEY *pkey = PEM_read_bio_PrivateKey(key, nullptr, nullptr, nullptr);
            BIO_free(key);
            if (!pkey || SSL_CTX_use_PrivateKey(ctx, pkey) != 1)
                tlsError = tr("the client certificate's private key cannot be used: %1").arg(openSslErrors());
            EVP_PKEY_free(pkey);
            ERR_clear_error();
        }
    }

    const char *url(int service) const { return urls[service].c_str(); }

    // Runs one request (a lambda returning the gSOAP result), answering a Digest challenge once.
    template<typename Invoke>
    AmtError call(const char *operation, Invoke invoke)
    {
        soap_destroy(soap);
        soap_end(soap);
        ERR_clear_error();
        if (endpoint.host.isEmpty()) // gSOAP would write the request to standard output
            return {AmtError::Category::Protocol, tr("No address was given for the device."), QLatin1String(operation)};
        if (!tlsError.isEmpty())
            return {AmtError::Category::TlsHandshake, tr("TLS with %1: %2").arg(endpoint.address(), tlsError),
                    QLatin1String(operation)};
        QElapsedTimer timer;
        timer.start();
        if (daSaved)
            http_da_restore(soap, &da);
        int rc = invoke();
        if (rc == 401) {
            if (daSaved) {
                http_da_release(soap, &da);
                daSaved = false;
            }
            lastRealm = soap->authrealm ? QString::fromUtf8(soap->authrealm) : QString();
            soap_closesock(soap); // a device may have left the challenged request's body unread
            http_da_save(soap, &da, soap->authrealm, str(endpoint.user).c_str(), str(endpoint.password).c_str());
            daSaved = true;
            rc = invoke();
        }
        if (endpoint.trace)
            endpoint.trace(QLatin1String(operation), endpoint.address(), rc, timer.elapsed());
        if (rc == SOAP_OK)
            return {};
        return classify(operation, timer.elapsed(), rc);
    }

    AmtError classify(const char *operation, qint64 elapsedMs, int rc)
    {
        const QString op = QLatin1String(operation);
        const QString where = endpoint.address();
        const QString fault = QString::fromUtf8(soap_fault_string(soap) ? soap_fault_string(soap) : "");
        const QString detail = QString::fromUtf8(soap_fault_detail(soap) ? soap_fault_detail(soap) : "");
        const QString ssl = openSslErrors();
        const int err = soap->errnum;
        soap_closesock(soap);
        if (rc == 401) {
            const QString realm = soap->authrealm ? QString::fromUtf8(soap->authrealm) : lastRealm;
            return {AmtError::Category::Authentication,
                    tr("Authentication failed at %1: the device rejected user '%2' in realm '%3' "
                       "(HTTP 401). "
                       "Check the admin password.")
                            .arg(where, endpoint.user, realm),
                    op};
        }
        if (rc == SOAP_SSL_ERROR) {
            if (endpoint.transport == AmtEndpoint::Transport::TlsPsk) {
                return {AmtError::Category::TlsHandshake,
                        tr("TLS-PSK handshake with %1 failed for PID %2: the device did not "
                           "accept the pre-shared "
                           "key, so the PPS does not match the one the device holds (%3).")
                                .arg(where, PidPps::formatPid(endpoint.pskIdentity),
                                     ssl.isEmpty() ? (detail.isEmpty() ? fault : detail) : ssl),
                        op};
            }
            if (verifyError != X509_V_OK) {
                const QString why = QString::fromLatin1(X509_verify_cert_error_string(verifyError));
                verifyError = X509_V_OK;
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
            if (err == ETIMEDOUT || err == 0 || elapsedMs >= endpoint.connectTimeoutMs)
                return {AmtError::Category::Timeout,
                        tr("Connecting to %1 timed out after %2 ms.").arg(where).arg(elapsedMs), op};
            return {AmtError::Category::Protocol,
                    tr("Cannot connect to %1: %2").arg(where, QString::fromLocal8Bit(std::strerror(err))), op};
        }
        if (rc == SOAP_EOF || rc == SOAP_CHK_EOF || rc == SOAP_LENGTH) {
            if (elapsedMs + 50 >= qMin(endpoint.receiveTimeoutMs, endpoint.sendTimeoutMs))
                return {AmtError::Category::Timeout,
                        tr("%1 did not answer %2 within %3 ms.").arg(where, op).arg(elapsedMs), op};
            return {AmtError::Category::ConnectionDropped,
                    tr("%1 closed the connection in the middle of %2.").arg(where, op), op};
        }
        if (rc == SOAP_FAULT || rc == SOAP_CLI_FAULT || rc == SOAP_SVR_FAULT || rc == SOAP_NO_METHOD
            || rc == SOAP_TAG_MISMATCH)
            return {AmtError::Category::SoapFault,
                    tr("%1 answered %2 with a SOAP fault: %3")
                            .arg(where, op, fault + (detail.isEmpty() ? QString() : u' ' + detail)),
                    op};
        return {AmtError::Category::Protocol,
                tr("%1 failed at %2 (gSOAP error %3): %4").arg(op, where).arg(rc).arg(fault), op};
    }

    static AmtError status(const char *operation, unsigned status)
    {
        if (status == 0)
            return {};
        AmtError e;
        e.category = AmtError::Category::Status;
        e.operation = QLatin1String(operation);
        e.ptStatus = status;
        e.message = tr("%1 returned %2 (%3): %4")
                            .arg(e.operation, ptStatusName(status))
                            .arg(status)
                            .arg(ptStatusSentence(status));
        return e;
    }

    AmtEndpoint endpoint;
    struct soap *soap;
    SecurityAdministrationProxy sai;
    GeneralInfoProxy inf;
    NetworkAdministrationProxy net;
    NetworkTimeProxy tim;
    RemoteControlProxy rci;
    std::vector<std::string> urls;
    http_da_info da{};
    bool daSaved = false;
    QString lastRealm;
    QString tlsError;
    int verifyError = X509_V_OK;

    enum { Sai, Inf, Net, Tim, Rci };
};

// One macro per shape keeps the 30 operations below to a line or two each.
#define OOBM_CALL(proxy, service, op, req, resp) \
    d->call(#op, [&] { return d->proxy.op(d->url(Private::service), nullptr, &(req), (resp)); })
// For responses with a StatusCode: the transport's error first, then the PT_STATUS.
#define OOBM_CALL_CHECKED(proxy, service, op, req, resp) \
    [&]() -> AmtError { \
        if (AmtError e = OOBM_CALL(proxy, service, op, req, resp)) \
            return e; \
        return Private::status(#op, (resp).StatusCode); \
    }()

AmtSession::AmtSession(const AmtEndpoint &endpoint)
    : d(std::make_unique<Private>(endpoint))
{ }

AmtSession::~AmtSession() = default;

const AmtEndpoint &AmtSession::endpoint() const
{
    return d->endpoint;
}

AmtResult<QString> AmtSession::getCoreVersion()
{
    _sai__GetCoreVersion req;
    _sai__GetCoreVersionResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetCoreVersion, req, resp)))
        r.value = qstr(resp.Version);
    return r;
}

AmtResult<unsigned> AmtSession::getProvisioningMode()
{
    _sai__GetProvisioningMode req;
    _sai__GetProvisioningModeResponse resp;
    AmtResult<unsigned> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetProvisioningMode, req, resp)))
        r.value = resp.ProvisioningMode;
    return r;
}

AmtError AmtSession::commitChanges()
{
    _sai__CommitChanges req;
    _sai__CommitChangesResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, CommitChanges, req, resp);
}

AmtError AmtSession::unprovision(ProvisioningMode mode)
{
    _sai__Unprovision req;
    req.ProvisioningMode = unsigned(mode);
    _sai__UnprovisionResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, Unprovision, req, resp);
}

AmtError AmtSession::setAdminAclEntry(const QString &username, const QString &password)
{
    _sai__SetAdminAclEntry req;
    req.Username = str(username);
    req.Password = str(password);
    _sai__SetAdminAclEntryResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetAdminAclEntry, req, resp);
}

AmtResult<QString> AmtSession::getAdminAclEntry()
{
    _sai__GetAdminAclEntry req;
    _sai__GetAdminAclEntryResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetAdminAclEntry, req, resp)))
        r.value = qstr(resp.Username);
    return r;
}

AmtResult<unsigned> AmtSession::addUserAclEntry(const UserAclEntry &entry)
{
    sai__UserAclRealmListType realms;
    realms.Realm.assign(entry.realms.cbegin(), entry.realms.cend());
    std::string password = str(entry.password);
    sai__UserAclEntryType e;
    e.Username = str(entry.username);
    e.Password = &password;
    e.Realms = &realms;
    _sai__AddUserAclEntry req;
    req.Entry = &e;
    _sai__AddUserAclEntryResponse resp;
    AmtResult<unsigned> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, AddUserAclEntry, req, resp)))
        r.value = resp.Handle;
    return r;
}

AmtResult<QList<unsigned>> AmtSession::enumerateUserAclEntries()
{
    AmtResult<QList<unsigned>> r;
    unsigned start = 1;
    for (;;) {
        _sai__EnumerateUserAclEntries req;
        req.StartIndex = start;
        _sai__EnumerateUserAclEntriesResponse resp;
        if ((r.error = OOBM_CALL_CHECKED(sai, Sai, EnumerateUserAclEntries, req, resp)))
            return r;
        if (resp.Handles)
            for (unsigned h : resp.Handles->Handle)
                r.value.append(h);
        if (resp.HandleCount == 0 || unsigned(r.value.size()) >= resp.TotalCount)
            return r;
        start += resp.HandleCount;
    }
}

AmtResult<UserAclEntry> AmtSession::getUserAclEntry(unsigned handle)
{
    _sai__GetUserAclEntry req;
    req.Handle = handle;
    _sai__GetUserAclEntryResponse resp;
    AmtResult<UserAclEntry> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetUserAclEntry, req, resp)) && resp.Entry) {
        r.value.username = qstr(resp.Entry->Username);
        if (resp.Entry->Realms)
            for (unsigned realm : resp.Entry->Realms->Realm)
                r.value.realms.append(realm);
    }
    return r;
}

AmtError AmtSession::updateUserAclEntry(unsigned handle, const UserAclEntry &entry)
{
    sai__UserAclRealmListType realms;
    realms.Realm.assign(entry.realms.cbegin(), entry.realms.cend());
    std::string password = str(entry.password);
    sai__UserAclEntryType e;
    e.Username = str(entry.username);
    e.Password = entry.password.isEmpty() ? nullptr : &password;
    e.Realms = &realms;
    _sai__UpdateUserAclEntry req;
    req.Handle = handle;
    req.Entry = &e;
    _sai__UpdateUserAclEntryResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, UpdateUserAclEntry, req, resp);
}

AmtError AmtSession::removeUserAclEntry(unsigned handle)
{
    _sai__RemoveUserAclEntry req;
    req.Handle = handle;
    _sai__RemoveUserAclEntryResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, RemoveUserAclEntry, req, resp);
}

AmtError AmtSession::setTlsEnabled(bool enabled)
{
    _sai__SetTlsEnabled req;
    req.Enabled = enabled;
    _sai__SetTlsEnabledResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetTlsEnabled, req, resp);
}

AmtError AmtSession::setTlsKeyAndCertificate(const QByteArray &privateKeyPem, const QList<QByteArray> &chainPem)
{
    sai__CertificateChainType chain;
    for (const QByteArray &c : chainPem)
        chain.Certificate.push_back(c.toStdString());
    _sai__SetTLSKeyAndCertificate req;
    req.PrivateKey = privateKeyPem.toStdString();
    req.CertificateChain = &chain;
    _sai__SetTLSKeyAndCertificateResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetTLSKeyAndCertificate, req, resp);
}

AmtError AmtSession::setTlsPsk(const QByteArray &pid, const QByteArray &pps)
{
    _sai__SetTLSPSK req;
    req.PID = pid.toStdString();
    req.PPS = pps.toStdString();
    _sai__SetTLSPSKResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetTLSPSK, req, resp);
}

AmtError AmtSession::setEnabledInterfaces(const QStringList &interfaces)
{
    sai__EnabledInterfacesType list;
    for (const QString &i : interfaces)
        list.EnabledInterface.push_back(str(i));
    _sai__SetEnabledInterfaces req;
    req.EnabledInterfaces = &list;
    _sai__SetEnabledInterfacesResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetEnabledInterfaces, req, resp);
}

AmtError AmtSession::setZeroTouchConfigurationMode(bool enabled)
{
    _sai__SetZeroTouchConfigurationMode req;
    req.Enabled = enabled;
    _sai__SetZeroTouchConfigurationModeResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetZeroTouchConfigurationMode, req, resp);
}

AmtError AmtSession::setProvisioningServerOtp(const QString &otp)
{
    _sai__SetProvisioningServerOTP req;
    req.OTP = str(otp);
    _sai__SetProvisioningServerOTPResponse resp;
    return OOBM_CALL_CHECKED(sai, Sai, SetProvisioningServerOTP, req, resp);
}

AmtResult<QString> AmtSession::getProvisioningServerOtp()
{
    _sai__GetProvisioningServerOTP req;
    _sai__GetProvisioningServerOTPResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(sai, Sai, GetProvisioningServerOTP, req, resp)))
        r.value = qstr(resp.OTP);
    return r;
}

AmtResult<unsigned> AmtSession::getProvisioningState()
{
    _inf__GetProvisioningState req;
    _inf__GetProvisioningStateResponse resp;
    AmtResult<unsigned> r;
    if (!(r.error = OOBM_CALL_CHECKED(inf, Inf, GetProvisioningState, req, resp)))
        r.value = resp.ProvisioningState;
    return r;
}

AmtResult<QString> AmtSession::generalInfoCoreVersion()
{
    _inf__GetCoreVersion req;
    _inf__GetCoreVersionResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(inf, Inf, GetCoreVersion, req, resp)))
        r.value = qstr(resp.Version);
    return r;
}

AmtResult<QString> AmtSession::getHostName()
{
    _net__GetHostName req;
    _net__GetHostNameResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(net, Net, GetHostName, req, resp)))
        r.value = qstr(resp.HostName);
    return r;
}

AmtError AmtSession::setHostName(const QString &hostName)
{
    _net__SetHostName req;
    req.HostName = str(hostName);
    _net__SetHostNameResponse resp;
    return OOBM_CALL_CHECKED(net, Net, SetHostName, req, resp);
}

AmtResult<QString> AmtSession::getDomainName()
{
    _net__GetDomainName req;
    _net__GetDomainNameResponse resp;
    AmtResult<QString> r;
    if (!(r.error = OOBM_CALL_CHECKED(net, Net, GetDomainName, req, resp)))
        r.value = qstr(resp.DomainName);
    return r;
}

AmtError AmtSession::setDomainName(const QString &domainName)
{
    _net__SetDomainName req;
    req.DomainName = str(domainName);
    _net__SetDomainNameResponse resp;
    return OOBM_CALL_CHECKED(net, Net, SetDomainName, req, resp);
}

AmtResult<QList<unsigned>> AmtSession::enumerateInterfaces()
{
    _net__EnumerateInterfaces req;
    _net__EnumerateInterfacesResponse resp;
    AmtResult<QList<unsigned>> r;
    if (!(r.error = OOBM_CALL_CHECKED(net, Net, EnumerateInterfaces, req, resp)))
        r.value = QList<unsigned>(resp.InterfaceHandles.cbegin(), resp.InterfaceHandles.cend());
    return r;
}

AmtResult<InterfaceSettings> AmtSession::getInterfaceSettings(unsigned handle)
{
    _net__GetInterfaceSettings req;
    req.InterfaceHandle = handle;
    _net__GetInterfaceSettingsResponse resp;
    AmtResult<InterfaceSettings> r;
    if (!(r.error = OOBM_CALL_CHECKED(net, Net, GetInterfaceSettings, req, resp)) && resp.InterfaceDescriptor) {
        const net__InterfaceDescriptorGetType &d = *resp.InterfaceDescriptor;
        r.value.hardwareDescription = qstr(d.HardwareAddressDescription);
        r.value.macAddress = qstr(d.MACAddress);
        r.value.interfaceMode = qstr(d.InterfaceMode);
        r.value.linkPolicy = d.LinkPolicy;
        r.value.dhcpEnabled = d.DhcpEnabled;
        if (d.IPv4Parameters) {
            r.value.ipv4 = {d.IPv4Parameters->LocalAddress, d.IPv4Parameters->SubnetMask,
                            d.IPv4Parameters->DefaultGatewayAddress, d.IPv4Parameters->PrimaryDnsAddress,
                            d.IPv4Parameters->SecondaryDnsAddress};
        }
    }
    return r;
}

AmtError AmtSession::setInterfaceSettings(unsigned handle, const InterfaceSettings &settings)
{
    net__IPv4ParametersType ipv4;
    ipv4.LocalAddress = settings.ipv4.localAddress;
    ipv4.SubnetMask = settings.ipv4.subnetMask;
    ipv4.DefaultGatewayAddress = settings.ipv4.defaultGateway;
    ipv4.PrimaryDnsAddress = settings.ipv4.primaryDns;
    ipv4.SecondaryDnsAddress = settings.ipv4.secondaryDns;
    net__InterfaceDescriptorSetType desc;
    desc.InterfaceMode = str(settings.interfaceMode);
    desc.LinkPolicy = static_cast<unsigned char>(settings.linkPolicy);
    desc.IPv4Parameters = settings.dhcpEnabled ? nullptr : &ipv4;
    _net__SetInterfaceSettings req;
    req.InterfaceHandle = handle;
    req.InterfaceDescriptor = &desc;
    _net__SetInterfaceSettingsResponse resp;
    return OOBM_CALL_CHECKED(net, Net, SetInterfaceSettings, req, resp);
}

AmtResult<quint32> AmtSession::getLowAccuracyTimeSynch()
{
    _tim__GetLowAccuracyTimeSynch req;
    _tim__GetLowAccuracyTimeSynchResponse resp;
    AmtResult<quint32> r;
    if (!(r.error = OOBM_CALL(tim, Tim, GetLowAccuracyTimeSynch, req, resp))
        && !(r.error = Private::status("GetLowAccuracyTimeSynch", resp.StatusCode)))
        r.value = resp.Ta0;
    return r;
}

AmtError AmtSession::setHighAccuracyTimeSynch(quint32 ta0, quint32 tm1, quint32 tm2)
{
    _tim__SetHighAccuracyTimeSynch req;
    req.Ta0 = ta0;
    req.Tm1 = tm1;
    req.Tm2 = tm2;
    _tim__SetHighAccuracyTimeSynchResponse resp;
    return OOBM_CALL_CHECKED(tim, Tim, SetHighAccuracyTimeSynch, req, resp);
}

AmtResult<unsigned> AmtSession::getSystemPowerState()
{
    _rci__GetSystemPowerState req;
    _rci__GetSystemPowerStateResponse resp;
    AmtResult<unsigned> r;
    if (!(r.error = OOBM_CALL(rci, Rci, GetSystemPowerState, req, resp))
        && !(r.error = Private::status("GetSystemPowerState", resp.Status)))
        r.value = resp.SystemPowerState;
    return r;
}

AmtResult<RemoteControlCapabilities> AmtSession::getRemoteControlCapabilities()
{
    _rci__GetRemoteControlCapabilities req;
    _rci__GetRemoteControlCapabilitiesResponse resp;
    AmtResult<RemoteControlCapabilities> r;
    if (!(r.error = OOBM_CALL(rci, Rci, GetRemoteControlCapabilities, req, resp))
        && !(r.error = Private::status("GetRemoteControlCapabilities", resp.Status)))
        r.value = {resp.IanaOemNumber, resp.OemDefinedCapabilities, resp.SpecialCommandsSupported,
                   resp.SystemCapabilitiesSupported, resp.SystemFirmwareCapabilities};
    return r;
}

AmtError AmtSession::remoteControl(RemoteCommand command, SpecialCommand special, unsigned short specialParameter,
                                   unsigned short bootOptions)
{
    _rci__RemoteControl req;
    req.Command = static_cast<unsigned char>(command);
    req.IanaOemNumber = IntelIanaOemNumber;
    unsigned char sc = static_cast<unsigned char>(special);
    if (special != SpecialCommand::Nop)
        req.SpecialCommand = &sc;
    if (specialParameter)
        req.SpecialCommandParameter = &specialParameter;
    if (bootOptions)
        req.BootOptions = &bootOptions;
    _rci__RemoteControlResponse resp;
    if (AmtError e = OOBM_CALL(rci, Rci, RemoteControl, req, resp))
        return e;
    return Private::status("RemoteControl", resp.Status);
}

#undef OOBM_CALL

} // namespace Oobm::Core::Amt
