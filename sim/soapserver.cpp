// SPDX-License-Identifier: GPL-2.0-or-later
// The simulated firmware's SOAP side. The only sim file that sees gSOAP.
#include "soapserver.h"

#include "httpda.h"
#include "soapGeneralInfoService.h"
#include "soapNetworkAdministrationService.h"
#include "soapNetworkTimeService.h"
#include "soapRemoteControlService.h"
#include "soapSecurityAdministrationService.h"

#include "core/amt/ptstatus.h"
#include "core/keys/passwordpolicy.h"
#include "sim/fleet.h"
#include "sim/simdevice.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutexLocker>
#include <QThread>

#include <arpa/inet.h>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <future>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace Oobm::Sim {

using Core::Amt::PtStatus;

namespace {

constexpr unsigned Ok = unsigned(PtStatus::Success);

Fleet *g_fleet = nullptr; // for the OpenSSL callbacks, which have no user pointer of ours

SimDevice *deviceOfSocket(int fd)
{
    sockaddr_in local{};
    socklen_t length = sizeof local;
    if (getsockname(fd, reinterpret_cast<sockaddr *>(&local), &length) != 0 || local.sin_family != AF_INET)
        return nullptr;
    return g_fleet ? g_fleet->deviceByAddress(ntohl(local.sin_addr.s_addr)) : nullptr;
}

// TLS-PSK server: the identity must be the device's PID; the key is its PPS (or, with the
// wrong-pps fault, a different one, so the handshake fails as it would with a real mismatch).
unsigned int pskServerCallback(SSL *ssl, const char *identity, unsigned char *psk, unsigned int maxPsk)
{
    SimDevice *device = deviceOfSocket(SSL_get_fd(ssl));
    if (!device || !identity)
        return 0;
    QMutexLocker lock(&device->mutex);
    const DeviceState &s = device->state();
    if (s.pid != QByteArray(identity) || unsigned(s.pps.size()) > maxPsk)
        return 0;
    QByteArray key = s.pps;
    if (s.faults.wrongPps)
        key[0] = key.at(0) == 'Z' ? 'Y' : 'Z';
    std::memcpy(psk, key.constData(), key.size());
    return unsigned(key.size());
}

// TLS after provisioning: each device presents the certificate it was given.
int certificateCallback(SSL *ssl, void *)
{
    SimDevice *device = deviceOfSocket(SSL_get_fd(ssl));
    if (!device)
        return 0;
    QMutexLocker lock(&device->mutex);
    const DeviceState &s = device->state();
    if (s.tlsCertificateChainPem.isEmpty() || s.tlsKeyPem.isEmpty())
        return 0;
    BIO *kb = BIO_new_mem_buf(s.tlsKeyPem.constData(), int(s.tlsKeyPem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(kb, nullptr, nullptr, nullptr);
    BIO_free(kb);
    bool ok = key && SSL_use_PrivateKey(ssl, key) == 1;
    EVP_PKEY_free(key);
    for (int i = 0; ok && i < s.tlsCertificateChainPem.size(); ++i) {
        BIO *cb = BIO_new_mem_buf(s.tlsCertificateChainPem.at(i).constData(),
                                  int(s.tlsCertificateChainPem.at(i).size()));
        X509 *cert = PEM_read_bio_X509(cb, nullptr, nullptr, nullptr);
        BIO_free(cb);
        ok = cert && (i == 0 ? SSL_use_certificate(ssl, cert) == 1 : SSL_add1_chain_cert(ssl, cert) == 1);
        X509_free(cert);
    }
    return ok ? 1 : 0;
}

// Answers 401 before the body is read when a request carries no credentials, as AMT firmware
// does (TOOLCHAIN.md gotcha 4: curl --digest first posts an empty body).
int (*g_httpDaParse)(struct soap *) = nullptr;
int earlyChallenge(struct soap *soap)
{
    const int rc = g_httpDaParse ? g_httpDaParse(soap) : SOAP_OK;
    if (rc != SOAP_OK)
        return rc;
    if (!soap->userid && !soap->authrealm) {
        if (auto *device = static_cast<SimDevice *>(soap->user)) {
            QMutexLocker lock(&device->mutex);
            soap->authrealm = soap_strdup(soap, device->state().realm().toUtf8().constData());
        }
        soap->keep_alive = 0; // the body was not read: this connection cannot carry another request
        return 401;
    }
    return SOAP_OK;
}

bool validPem(const QByteArray &pem, bool key)
{
    BIO *b = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    bool ok = false;
    if (key) {
        EVP_PKEY *k = PEM_read_bio_PrivateKey(b, nullptr, nullptr, nullptr);
        ok = k != nullptr;
        EVP_PKEY_free(k);
    } else {
        X509 *c = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
        ok = c != nullptr;
        X509_free(c);
    }
    BIO_free(b);
    ERR_clear_error();
    return ok;
}

bool keyMatchesCertificate(const QByteArray &keyPem, const QByteArray &certPem)
{
    BIO *kb = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    BIO *cb = BIO_new_mem_buf(certPem.constData(), int(certPem.size()));
    EVP_PKEY *k = PEM_read_bio_PrivateKey(kb, nullptr, nullptr, nullptr);
    X509 *c = PEM_read_bio_X509(cb, nullptr, nullptr, nullptr);
    const bool ok = k && c && X509_check_private_key(c, k) == 1;
    EVP_PKEY_free(k);
    X509_free(c);
    BIO_free(kb);
    BIO_free(cb);
    ERR_clear_error();
    return ok;
}

// Remote Configuration (PROTOCOL.md §4.3): the SCS's client certificate must chain to a root
// whose hash the device trusts, carry the Intel OID or OU, and name a host in the device's domain.
// One self-signed RSA certificate for the whole fleet: AMT's own certificate only carries the
// key exchange; nobody trusts it (PROTOCOL.md §4.3, step 2).
QString setUpRemoteConfiguration(SSL_CTX *ctx)
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    X509 *cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 20L * 365 * 24 * 3600);
    X509_set_pubkey(cert, key);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Intel(R) AMT (amt-sim)"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());
    const bool ok = SSL_CTX_use_certificate(ctx, cert) == 1 && SSL_CTX_use_PrivateKey(ctx, key) == 1;
    X509_free(cert);
    EVP_PKEY_free(key);
    SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(ctx, "kRSA:@SECLEVEL=0"); // RSA key exchange, as on AMT 2.2-3.x
    // The client must show its chain; which chain is acceptable is decided after the handshake.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, [](int, X509_STORE_CTX *) { return 1; });
    ERR_clear_error();
    return ok ? QString() : QStringLiteral("cannot set up the Remote Configuration certificate");
}

QString hashHex(X509 *cert, const EVP_MD *md)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(cert, md, digest, &length);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

QString checkProvisioningCertificate(SSL *ssl, SimDevice *device)
{
    X509 *leaf = SSL_get0_peer_certificate(ssl);
    if (!leaf)
        return QStringLiteral("no client certificate was presented");
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl); // on a server: without the leaf
    X509 *root = (chain && sk_X509_num(chain) > 0) ? sk_X509_value(chain, sk_X509_num(chain) - 1) : leaf;
    const QString sha1 = hashHex(root, EVP_sha1());
    const QString sha256 = hashHex(root, EVP_sha256());
    QStringList trusted;
    QString domain;
    {
        QMutexLocker lock(&device->mutex);
        trusted = device->state().trustedRootHashes;
        domain = device->state().domainName;
    }
    if (!trusted.contains(sha1, Qt::CaseInsensitive) && !trusted.contains(sha256, Qt::CaseInsensitive))
        return QStringLiteral("the root certificate (SHA-1 %1) is not among the device's trusted "
                              "root hashes")
                .arg(sha1);
    bool intel = false;
    if (EXTENDED_KEY_USAGE *eku = static_cast<EXTENDED_KEY_USAGE *>(
                X509_get_ext_d2i(leaf, NID_ext_key_usage, nullptr, nullptr))) {
        for (int i = 0; i < sk_ASN1_OBJECT_num(eku); ++i) {
            char oid[80];
            OBJ_obj2txt(oid, sizeof oid, sk_ASN1_OBJECT_value(eku, i), 1);
            intel = intel || qstrcmp(oid, "2.16.840.1.113741.1.2.3") == 0;
        }
        EXTENDED_KEY_USAGE_free(eku);
    }
    X509_NAME *subject = X509_get_subject_name(leaf);
    char ou[256] = {0};
    if (X509_NAME_get_text_by_NID(subject, NID_organizationalUnitName, ou, sizeof ou) > 0)
        intel = intel || qstrcmp(ou, "Intel(R) Client Setup Certificate") == 0;
    if (!intel)
        return QStringLiteral("the certificate has neither the Intel OID 2.16.840.1.113741.1.2.3 nor the OU "
                              "\"Intel(R) Client Setup Certificate\"");
    char cn[256] = {0};
    X509_NAME_get_text_by_NID(subject, NID_commonName, cn, sizeof cn);
    const QString name = QString::fromLatin1(cn).toLower();
    if (domain.isEmpty() || !name.endsWith(u'.' + domain.toLower()))
        return QStringLiteral("the certificate's name %1 is not in the device's domain %2").arg(name, domain);
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------

class SoapServer::Private
{
public:
    // One accepted connection. Between requests it waits in epoll (EPOLLONESHOT), not in a
    // worker, so a thousand idle keep-alive connections pin no threads.
    struct Connection
    {
        int fd = -1;
        SimDevice *device = nullptr;
        bool tls = false;
        struct soap *soap = nullptr;
        int served = 0;
        bool armed = false;
        qint64 idleSinceMs = 0;
    };
    struct Listening
    {
        int httpFd = -1;
        int tlsFd = -1;
    };
    struct FdInfo
    {
        SimDevice *device;
        bool tls;
    };
    // epoll data: listening sockets are tagged (fd << 1 | 1); connections are pointers.
    static quint64 listenTag(int fd) { return (quint64(fd) << 1) | 1; }

    Private(Fleet &f, const SoapServerOptions &o)
        : fleet(f)
        , options(o)
    { }

    QString start();
    void stop();
    void updateListeners(SimDevice *device);
    std::function<void(SimDevice *)> modeChanged;
    void acceptLoop();
    void workerLoop();
    void serve(Connection *connection);
    bool serveOne(Connection *connection);
    void park(Connection *connection);
    void destroy(Connection *connection);
    void sweepIdle();
    void changed(SimDevice *device) // call with the device's mutex held
    {
        fleet.save(*device);
    }

    Fleet &fleet;
    SoapServerOptions options;
    int epollFd = -1;
    std::atomic<bool> stopping{false};
    std::thread acceptor;
    std::vector<std::thread> workers;
    std::mutex queueMutex;
    std::condition_variable queueReady;
    std::deque<Connection *> queue;
    std::mutex connectionMutex;
    std::unordered_map<Connection *, std::unique_ptr<Connection>> connections; // all open ones
    std::unordered_map<Connection *, qint64> idle;                             // parked in epoll
    std::mutex listenMutex;
    std::unordered_map<int, Listening> listening; // device index -> sockets
    std::unordered_map<int, FdInfo> byFd;
    struct soap *httpMaster = nullptr;
    struct soap *pskMaster = nullptr;
    struct soap *certMaster = nullptr;
    struct soap *pkiMaster = nullptr; // Remote Configuration: the device's self-signed certificate
    // Its 2048-bit RSA key takes a few hundred milliseconds to generate, so it is made in the
    // background while the fleet starts; the first Remote Configuration handshake waits for it.
    std::shared_future<QString> pkiSetup;
};

// The context every operation starts with: which device, authentication, and the faults.
class Call
{
public:
    Call(struct soap *soap, const char *operation, SoapServer::Private *server)
        : m_soap(soap)
        , m_server(server)
        , device(static_cast<SimDevice *>(soap->user))
    {
        QString realm, user, password;
        int latency = 0;
        bool drop = false, hang = false;
        {
            QMutexLocker lock(&device->mutex);
            const DeviceState &s = device->state();
            realm = s.realm();
            user = s.adminUser;
            password = s.mebxPassword;
            latency = s.faults.latencyMs;
            drop = s.faults.dropMidCall;
            hang = s.faults.hang;
            if (auto it = s.faults.statusFor.constFind(QLatin1String(operation)); it != s.faults.statusFor.cend()) {
                m_forced = true;
                m_forcedStatus = it.value();
            }
        }
        const QByteArray r = realm.toUtf8(), u = user.toUtf8(), p = password.toUtf8();
        if (!(soap->authrealm && soap->userid && r == soap->authrealm && u == soap->userid
              && http_da_verify_post(soap, p.constData()) == SOAP_OK)) {
            soap->authrealm = soap_strdup(soap, r.constData());
            m_result = 401;
            return;
        }
        if (latency > 0)
            QThread::msleep(ulong(latency));
        if (hang) {
            // Read and never answered: the client's receive timeout has to end this.
            while (!server->stopping.load()) {
                {
                    QMutexLocker lock(&device->mutex);
                    if (!device->state().faults.hang)
                        break;
                }
                QThread::msleep(50);
            }
            shutdown(soap->socket, SHUT_RDWR);
            m_result = SOAP_STOP;
            return;
        }
        if (drop) {
            shutdown(soap->socket, SHUT_RDWR);
            m_result = SOAP_STOP;
        }
    }

    bool stop() const { return m_result != SOAP_OK || m_forced; }
    // What the operation returns: 401, SOAP_STOP, or SOAP_OK with the forced status already set.
    template<typename Response>
    int finish(Response &response, unsigned Response::*statusField)
    {
        if (m_forced && m_result == SOAP_OK)
            response.*statusField = m_forcedStatus;
        return m_result;
    }
    void changed() { m_server->changed(device); } // with the mutex held
    void updateListeners() { m_server->updateListeners(device); }
    void modeChanged()
    {
        if (m_server->modeChanged)
            m_server->modeChanged(device);
    }
    struct soap *soap() const { return m_soap; }

private:
    struct soap *m_soap;
    SoapServer::Private *m_server;
    int m_result = SOAP_OK;
    bool m_forced = false;
    unsigned m_forcedStatus = 0;

public:
    SimDevice *device;
};

#define OOBM_BEGIN(Op, Response, statusField) \
    Call call(soap, #Op, server); \
    if (call.stop()) \
        return call.finish(Response, &std::remove_reference_t<decltype(Response)>::statusField); \
    QMutexLocker lock(&call.device->mutex); \
    DeviceState &s = call.device->state(); \
    Q_UNUSED(s)

class SimSecurityAdministration final : public SecurityAdministrationService
{
public:
    SimSecurityAdministration(struct soap *soap, SoapServer::Private *p)
        : SecurityAdministrationService(soap)
        , server(p)
    { }
    SoapServer::Private *server;

    int GetCoreVersion(_sai__GetCoreVersion *, _sai__GetCoreVersionResponse &r) override
    {
        OOBM_BEGIN(GetCoreVersion, r, StatusCode);
        r.StatusCode = Ok;
        r.Version = s.coreVersion().toStdString();
        return SOAP_OK;
    }
    int GetProvisioningMode(_sai__GetProvisioningMode *, _sai__GetProvisioningModeResponse &r) override
    {
        OOBM_BEGIN(GetProvisioningMode, r, StatusCode);
        r.StatusCode = Ok;
        r.ProvisioningMode = 1; // Enterprise
        return SOAP_OK;
    }
    int CommitChanges(_sai__CommitChanges *, _sai__CommitChangesResponse &r) override
    {
        OOBM_BEGIN(CommitChanges, r, StatusCode);
        if (!s.inSetup()) {
            r.StatusCode = unsigned(PtStatus::InvalidProvisioningState);
            return SOAP_OK;
        }
        if (!s.pendingAdminPassword.isEmpty()) {
            s.adminUser = s.pendingAdminUser;
            s.mebxPassword = s.pendingAdminPassword;
        }
        if (!s.pendingPid.isEmpty()) {
            s.pid = s.pendingPid;
            s.pps = s.pendingPps;
        }
        s.pendingAdminUser.clear();
        s.pendingAdminPassword.clear();
        s.pendingPid.clear();
        s.pendingPps.clear();
        s.mode = Mode::Provisioned; // In -> Post: the provisioning session ends, hellos stop
        s.helloWindowClosed = false;
        call.changed();
        soap->keep_alive = 0;
        lock.unlock();
        call.updateListeners();
        r.StatusCode = Ok;
        return SOAP_OK;
    }
    int Unprovision(_sai__Unprovision *q, _sai__UnprovisionResponse &r) override
    {
        OOBM_BEGIN(Unprovision, r, StatusCode);
        if (s.provisioningState() == 0) {
            r.StatusCode = unsigned(PtStatus::InvalidProvisioningState);
            return SOAP_OK;
        }
        // Project contract (amt.h): 0x80 asks for a partial unprovision, like MEBx's.
        const bool partial = q && q->ProvisioningMode == 0x80;
        if (partial) {
            s.mode = Mode::SetupPsk; // keeps PID/PPS; hellos again, for 6 hours
            s.firstWindow = false;
        } else {
            s.mode = Mode::Factory; // back to factory: PSK data and accounts gone
            s.pid.clear();
            s.pps.clear();
            s.mebxPassword = QStringLiteral("admin");
            s.adminUser = QStringLiteral("admin");
            s.firstWindow = true;
        }
        s.aclUsers.clear();
        s.tlsEnabled = false;
        s.helloRetry = 0;
        s.helloWindowOpened = {};
        s.helloWindowClosed = false;
        call.changed();
        soap->keep_alive = 0;
        lock.unlock();
        call.updateListeners();
        call.modeChanged();
        r.StatusCode = Ok;
        return SOAP_OK;
    }
    int SetAdminAclEntry(_sai__SetAdminAclEntry *q, _sai__SetAdminAclEntryResponse &r) override
    {
        OOBM_BEGIN(SetAdminAclEntry, r, StatusCode);
        const QString user = QString::fromStdString(q->Username), password = QString::fromStdString(q->Password);
        if (user.isEmpty() || user.size() > 16)
            r.StatusCode = unsigned(PtStatus::InvalidName);
        else if (!Core::mePasswordProblem(password).isEmpty())
            r.StatusCode = unsigned(PtStatus::InvalidPassword);
        else {
            if (s.inSetup()) { // takes effect with CommitChanges
                s.pendingAdminUser = user;
                s.pendingAdminPassword = password;
            } else {
                s.adminUser = user;
                s.mebxPassword = password;
            }
            call.changed();
            r.StatusCode = Ok;
        }
        return SOAP_OK;
    }
    int GetAdminAclEntry(_sai__GetAdminAclEntry *, _sai__GetAdminAclEntryResponse &r) override
    {
        OOBM_BEGIN(GetAdminAclEntry, r, StatusCode);
        r.StatusCode = Ok;
        r.Username = (s.pendingAdminUser.isEmpty() ? s.adminUser : s.pendingAdminUser).toStdString();
        return SOAP_OK;
    }
    static unsigned checkEntry(const DeviceState &s, const sai__UserAclEntryType *e, unsigned ignoreHandle,
                               bool needPassword)
    {
        if (!e || e->Username.empty() || e->Username.size() > 16 || e->Username.rfind("$$", 0) == 0)
            return unsigned(PtStatus::InvalidName);
        if (needPassword && (!e->Password || !Core::mePasswordProblem(QString::fromStdString(*e->Password)).isEmpty()))
            return unsigned(PtStatus::InvalidPassword);
        if (!needPassword && e->Password && !Core::mePasswordProblem(QString::fromStdString(*e->Password)).isEmpty())
            return unsigned(PtStatus::InvalidPassword);
        if (e->Realms)
            for (unsigned realm : e->Realms->Realm)
                if (realm < 2 || realm > 24 || realm == 22 || realm == 23)
                    return unsigned(PtStatus::InvalidRealm);
        for (const AclUser &u : s.aclUsers)
            if (u.handle != ignoreHandle && u.username == QString::fromStdString(e->Username))
                return unsigned(PtStatus::Duplicate);
        return Ok;
    }
    int AddUserAclEntry(_sai__AddUserAclEntry *q, _sai__AddUserAclEntryResponse &r) override
    {
        OOBM_BEGIN(AddUserAclEntry, r, StatusCode);
        r.Handle = 0;
        if (s.aclUsers.size() >= 32) {
            r.StatusCode = unsigned(PtStatus::MaxLimitReached);
            return SOAP_OK;
        }
        if ((r.StatusCode = checkEntry(s, q->Entry, 0, true)) != Ok)
            return SOAP_OK;
        AclUser u;
        u.handle = s.nextAclHandle++;
        u.username = QString::fromStdString(q->Entry->Username);
        u.password = QString::fromStdString(*q->Entry->Password);
        if (q->Entry->Realms)
            u.realms = QList<unsigned>(q->Entry->Realms->Realm.cbegin(), q->Entry->Realms->Realm.cend());
        s.aclUsers.append(u);
        call.changed();
        r.Handle = u.handle;
        return SOAP_OK;
    }
    int EnumerateUserAclEntries(_sai__EnumerateUserAclEntries *q, _sai__EnumerateUserAclEntriesResponse &r) override
    {
        OOBM_BEGIN(EnumerateUserAclEntries, r, StatusCode);
        r.StatusCode = Ok;
        r.TotalCount = unsigned(s.aclUsers.size());
        r.Handles = soap_new_sai__UserAclEntryHandleListType(soap);
        const unsigned start = q->StartIndex == 0 ? 1 : q->StartIndex; // 1-based, 50 a page
        for (unsigned i = start - 1; i < unsigned(s.aclUsers.size()) && r.Handles->Handle.size() < 50; ++i)
            r.Handles->Handle.push_back(s.aclUsers.at(i).handle);
        r.HandleCount = unsigned(r.Handles->Handle.size());
        return SOAP_OK;
    }
    int GetUserAclEntry(_sai__GetUserAclEntry *q, _sai__GetUserAclEntryResponse &r) override
    {
        OOBM_BEGIN(GetUserAclEntry, r, StatusCode);
        for (const AclUser &u : std::as_const(s.aclUsers)) {
            if (u.handle != q->Handle)
                continue;
            r.Entry = soap_new_sai__UserAclEntryType(soap);
            r.Entry->Username = u.username.toStdString();
            r.Entry->Realms = soap_new_sai__UserAclRealmListType(soap);
            r.Entry->Realms->Realm.assign(u.realms.cbegin(), u.realms.cend());
            r.StatusCode = Ok;
            return SOAP_OK;
        }
        r.StatusCode = unsigned(PtStatus::InvalidHandle);
        return SOAP_OK;
    }
    int UpdateUserAclEntry(_sai__UpdateUserAclEntry *q, _sai__UpdateUserAclEntryResponse &r) override
    {
        OOBM_BEGIN(UpdateUserAclEntry, r, StatusCode);
        for (AclUser &u : s.aclUsers) {
            if (u.handle != q->Handle)
                continue;
            if ((r.StatusCode = checkEntry(s, q->Entry, u.handle, false)) != Ok)
                return SOAP_OK;
            u.username = QString::fromStdString(q->Entry->Username);
            if (q->Entry->Password)
                u.password = QString::fromStdString(*q->Entry->Password);
            u.realms = q->Entry->Realms
                    ? QList<unsigned>(q->Entry->Realms->Realm.cbegin(), q->Entry->Realms->Realm.cend())
                    : QList<unsigned>{};
            call.changed();
            return SOAP_OK;
        }
        r.StatusCode = unsigned(PtStatus::InvalidHandle);
        return SOAP_OK;
    }
    int RemoveUserAclEntry(_sai__RemoveUserAclEntry *q, _sai__RemoveUserAclEntryResponse &r) override
    {
        OOBM_BEGIN(RemoveUserAclEntry, r, StatusCode);
        for (qsizetype i = 0; i < s.aclUsers.size(); ++i) {
            if (s.aclUsers.at(i).handle == q->Handle) {
                s.aclUsers.removeAt(i);
                call.changed();
                r.StatusCode = Ok;
                return SOAP_OK;
            }
        }
        r.StatusCode = unsigned(PtStatus::InvalidHandle);
        return SOAP_OK;
    }
    int SetTlsEnabled(_sai__SetTlsEnabled *q, _sai__SetTlsEnabledResponse &r) override
    {
        OOBM_BEGIN(SetTlsEnabled, r, StatusCode);
        if (q->Enabled && (s.tlsKeyPem.isEmpty() || s.tlsCertificateChainPem.isEmpty())) {
            r.StatusCode = unsigned(PtStatus::PkiMissingKeys);
            return SOAP_OK;
        }
        const bool changedTransport = s.tlsEnabled != q->Enabled && s.mode == Mode::Provisioned;
        s.tlsEnabled = q->Enabled;
        call.changed();
        r.StatusCode = Ok;
        if (changedTransport) { // an operational device switches ports now
            soap->keep_alive = 0;
            lock.unlock();
            call.updateListeners();
        }
        return SOAP_OK;
    }
    int SetTLSKeyAndCertificate(_sai__SetTLSKeyAndCertificate *q, _sai__SetTLSKeyAndCertificateResponse &r) override
    {
        OOBM_BEGIN(SetTLSKeyAndCertificate, r, StatusCode);
        const QByteArray key = QByteArray::fromStdString(q->PrivateKey);
        QList<QByteArray> chain;
        if (q->CertificateChain)
            for (const std::string &c : q->CertificateChain->Certificate)
                chain.append(QByteArray::fromStdString(c));
        if (!validPem(key, true))
            r.StatusCode = unsigned(PtStatus::InvalidKey);
        else if (chain.isEmpty()
                 || !std::all_of(chain.cbegin(), chain.cend(), [](const QByteArray &c) { return validPem(c, false); }))
            r.StatusCode = unsigned(PtStatus::InvalidCert);
        else if (!keyMatchesCertificate(key, chain.first()))
            r.StatusCode = unsigned(PtStatus::CertKeyNotMatch);
        else {
            s.tlsKeyPem = key;
            s.tlsCertificateChainPem = chain;
            call.changed();
            r.StatusCode = Ok;
        }
        return SOAP_OK;
    }
    int SetTLSPSK(_sai__SetTLSPSK *q, _sai__SetTLSPSKResponse &r) override
    {
        OOBM_BEGIN(SetTLSPSK, r, StatusCode);
        if (q->PID.size() != 8 || q->PPS.size() != 32) {
            r.StatusCode = unsigned(PtStatus::InvalidParameter);
            return SOAP_OK;
        }
        if (s.inSetup()) {
            s.pendingPid = QByteArray::fromStdString(q->PID);
            s.pendingPps = QByteArray::fromStdString(q->PPS);
        } else {
            s.pid = QByteArray::fromStdString(q->PID);
            s.pps = QByteArray::fromStdString(q->PPS);
        }
        call.changed();
        r.StatusCode = Ok;
        return SOAP_OK;
    }
    int SetEnabledInterfaces(_sai__SetEnabledInterfaces *q, _sai__SetEnabledInterfacesResponse &r) override
    {
        OOBM_BEGIN(SetEnabledInterfaces, r, StatusCode);
        QStringList interfaces;
        if (q->EnabledInterfaces)
            for (const std::string &i : q->EnabledInterfaces->EnabledInterface) {
                const QString name = QString::fromStdString(i);
                if (name != u"WebUI" && name != u"SOL" && name != u"IDER") {
                    r.StatusCode = unsigned(PtStatus::InvalidParameter);
                    return SOAP_OK;
                }
                interfaces.append(name);
            }
        s.enabledInterfaces = interfaces;
        call.changed();
        r.StatusCode = Ok;
        return SOAP_OK;
    }
    int SetZeroTouchConfigurationMode(_sai__SetZeroTouchConfigurationMode *q,
                                      _sai__SetZeroTouchConfigurationModeResponse &r) override
    {
        OOBM_BEGIN(SetZeroTouchConfigurationMode, r, StatusCode);
        if (!s.supportsRemoteConfiguration()) {
            r.StatusCode = unsigned(PtStatus::Unsupported);
            return SOAP_OK;
        }
        s.zeroTouchEnabled = q->Enabled;
        call.changed();
        r.StatusCode = Ok;
        return SOAP_OK;
    }
    int SetProvisioningServerOTP(_sai__SetProvisioningServerOTP *q, _sai__SetProvisioningServerOTPResponse &r) override
    {
        OOBM_BEGIN(SetProvisioningServerOTP, r, StatusCode);
        if (!s.supportsRemoteConfiguration())
            r.StatusCode = unsigned(PtStatus::Unsupported);
        else if (q->OTP.size() < 8 || q->OTP.size() > 32)
            r.StatusCode = unsigned(PtStatus::InvalidParameter);
        else {
            s.otp = QString::fromStdString(q->OTP);
            call.changed();
            r.StatusCode = Ok;
        }
        return SOAP_OK;
    }
    int GetProvisioningServerOTP(_sai__GetProvisioningServerOTP *, _sai__GetProvisioningServerOTPResponse &r) override
    {
        OOBM_BEGIN(GetProvisioningServerOTP, r, StatusCode);
        r.StatusCode = s.supportsRemoteConfiguration() ? Ok : unsigned(PtStatus::Unsupported);
        r.OTP = s.otp.toStdString();
        return SOAP_OK;
    }
};

class SimGeneralInfo final : public GeneralInfoService
{
public:
    SimGeneralInfo(struct soap *soap, SoapServer::Private *p)
        : GeneralInfoService(soap)
        , server(p)
    { }
    SoapServer::Private *server;

    int GetProvisioningState(_inf__GetProvisioningState *, _inf__GetProvisioningStateResponse &r) override
    {
        OOBM_BEGIN(GetProvisioningState, r, StatusCode);
        r.StatusCode = Ok;
        r.ProvisioningState = s.provisioningState();
        return SOAP_OK;
    }
    int GetCoreVersion(_inf__GetCoreVersion *, _inf__GetCoreVersionResponse &r) override
    {
        OOBM_BEGIN(GetCoreVersion, r, StatusCode);
        r.StatusCode = Ok;
        r.Version = s.coreVersion().toStdString();
        return SOAP_OK;
    }
};

class SimNetworkAdministration final : public NetworkAdministrationService
{
public:
    SimNetworkAdministration(struct soap *soap, SoapServer::Private *p)
        : NetworkAdministrationService(soap)
        , server(p)
    { }
    SoapServer::Private *server;

    static bool validLabel(const QString &name, bool dots)
    {
        if (name.isEmpty() || name.size() > (dots ? 191 : 63))
            return false;
        for (QChar c : name)
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && !(dots && c == u'.'))
                return false;
        return !name.startsWith(u'-') && !name.endsWith(u'-');
    }

    int GetHostName(_net__GetHostName *, _net__GetHostNameResponse &r) override
    {
        OOBM_BEGIN(GetHostName, r, StatusCode);
        r.StatusCode = Ok;
        r.HostName = s.hostName.toStdString();
        return SOAP_OK;
    }
    int SetHostName(_net__SetHostName *q, _net__SetHostNameResponse &r) override
    {
        OOBM_BEGIN(SetHostName, r, StatusCode);
        const QString name = QString::fromStdString(q->HostName);
        if (!validLabel(name, false)) {
            r.StatusCode = unsigned(PtStatus::InvalidName);
            return SOAP_OK;
        }
        s.hostName = name;
        call.changed();
        r.StatusCode = Ok;
        return SOAP_OK;
    }
    int GetDomainName(_net__GetDomainName *, _net__GetDomainNameResponse &r) override
    {
        OOBM_BEGIN(GetDomainName, r, StatusCode);
        r.StatusCode = Ok;
        r.DomainName = s.domainName.toStdString();
        return SOAP_OK;
    }
    int SetDomainName(_net__SetDomainName *q, _net__SetDomainNameResponse &r) override
    {
        OOBM_BEGIN(SetDomainName, r, StatusCode);
        const QString name = QString::fromStdString(q->DomainName);
        if (!name.isEmpty() && !validLabel(name, true)) {
            r.StatusCode = unsigned(PtStatus::InvalidDomainName);
            return SOAP_OK;
        }
        s.domainName = name;
        call.changed();
        r.StatusCode = Ok;
        return SOAP_OK;
    }
    int EnumerateInterfaces(_net__EnumerateInterfaces *, _net__EnumerateInterfacesResponse &r) override
    {
        OOBM_BEGIN(EnumerateInterfaces, r, StatusCode);
        if (!s.supportsInterfaceSettings()) {
            r.StatusCode = unsigned(PtStatus::Unsupported);
            return SOAP_OK;
        }
        r.StatusCode = Ok;
        r.InterfaceHandles.push_back(0);
        return SOAP_OK;
    }
    int GetInterfaceSettings(_net__GetInterfaceSettings *q, _net__GetInterfaceSettingsResponse &r) override
    {
        OOBM_BEGIN(GetInterfaceSettings, r, StatusCode);
        if (!s.supportsInterfaceSettings()) {
            r.StatusCode = unsigned(PtStatus::Unsupported);
            return SOAP_OK;
        }
        if (q->InterfaceHandle != 0) {
            r.StatusCode = unsigned(PtStatus::InvalidHandle);
            return SOAP_OK;
        }
        auto *d = soap_new_net__InterfaceDescriptorGetType(soap);
        d->HardwareAddressDescription = "Intel(R) 82566DM Gigabit Network Connection";
        const QByteArray mac = QByteArray::fromHex("0016d3") + s.uuid.toRfc4122().right(3);
        d->MACAddress = mac.toHex('-').toUpper().toStdString();
        d->InterfaceMode = "SHARED_MAC_ADDRESS";
        d->LinkPolicy = 31;
        d->DhcpEnabled = s.dhcpEnabled;
        d->IPv4Parameters = soap_new_net__IPv4ParametersType(soap);
        d->IPv4Parameters->LocalAddress = s.dhcpEnabled ? s.address.toIPv4Address() : s.staticAddress;
        d->IPv4Parameters->SubnetMask = 0xFF000000u;
        d->IPv4Parameters->DefaultGatewayAddress = 0x7F000001u;
        d->IPv4Parameters->PrimaryDnsAddress = 0x7F000001u;
        d->IPv4Parameters->SecondaryDnsAddress = 0;
        r.InterfaceDescriptor = d;
        r.StatusCode = Ok;
        return SOAP_OK;
    }
    int SetInterfaceSettings(_net__SetInterfaceSettings *q, _net__SetInterfaceSettingsResponse &r) override
    {
        OOBM_BEGIN(SetInterfaceSettings, r, StatusCode);
        if (!s.supportsInterfaceSettings())
            r.StatusCode = unsigned(PtStatus::Unsupported);
        else if (q->InterfaceHandle != 0)
            r.StatusCode = unsigned(PtStatus::InvalidHandle);
        else if (!q->InterfaceDescriptor
                 || (q->InterfaceDescriptor->InterfaceMode != "SHARED_MAC_ADDRESS"
                     && q->InterfaceDescriptor->InterfaceMode != "SEPARATE_MAC_ADDRESS"))
            r.StatusCode = unsigned(PtStatus::InvalidParameter);
        else {
            s.dhcpEnabled = !q->InterfaceDescriptor->IPv4Parameters;
            s.staticAddress = s.dhcpEnabled ? 0 : q->InterfaceDescriptor->IPv4Parameters->LocalAddress;
            call.changed();
            r.StatusCode = Ok;
        }
        return SOAP_OK;
    }
};

class SimNetworkTime final : public NetworkTimeService
{
public:
    SimNetworkTime(struct soap *soap, SoapServer::Private *p)
        : NetworkTimeService(soap)
        , server(p)
    { }
    SoapServer::Private *server;

    int SetHighAccuracyTimeSynch(_tim__SetHighAccuracyTimeSynch *q, _tim__SetHighAccuracyTimeSynchResponse &r) override
    {
        OOBM_BEGIN(SetHighAccuracyTimeSynch, r, StatusCode);
        if (q->Tm1 < q->Ta0 || q->Tm2 < q->Tm1) {
            r.StatusCode = unsigned(PtStatus::InvalidTime);
            return SOAP_OK;
        }
        s.timeOffsetSeconds = qint64(q->Tm2) - QDateTime::currentSecsSinceEpoch();
        call.changed();
        r.StatusCode = Ok;
        return SOAP_OK;
    }
};

class SimRemoteControl final : public RemoteControlService
{
public:
    SimRemoteControl(struct soap *soap, SoapServer::Private *p)
        : RemoteControlService(soap)
        , server(p)
    { }
    SoapServer::Private *server;

    int GetSystemPowerState(_rci__GetSystemPowerState *, _rci__GetSystemPowerStateResponse &r) override
    {
        OOBM_BEGIN(GetSystemPowerState, r, Status);
        r.Status = Ok;
        r.SystemPowerState = s.powerState;
        return SOAP_OK;
    }
    int GetRemoteControlCapabilities(_rci__GetRemoteControlCapabilities *,
                                     _rci__GetRemoteControlCapabilitiesResponse &r) override
    {
        OOBM_BEGIN(GetRemoteControlCapabilities, r, Status);
        r.Status = Ok;
        r.IanaOemNumber = 343;
        r.OemDefinedCapabilities = 0x1F;     // IDER SOL BiosReflash BiosSetup BiosPause
        r.SpecialCommandsSupported = 0x1F00; // PXE HD HD-safe diag CD
        r.SystemCapabilitiesSupported = 0x0F;
        r.SystemFirmwareCapabilities = 0;
        return SOAP_OK;
    }
    int RemoteControl(_rci__RemoteControl *q, _rci__RemoteControlResponse &r) override
    {
        OOBM_BEGIN(RemoteControl, r, Status);
        if (s.mode != Mode::Provisioned) {
            r.Status = unsigned(PtStatus::InvalidProvisioningState);
            return SOAP_OK;
        }
        if (q->IanaOemNumber != 343) {
            r.Status = unsigned(PtStatus::UnsupportedOemNumber);
            return SOAP_OK;
        }
        if (q->SpecialCommand && *q->SpecialCommand > 5 && *q->SpecialCommand != 0xC1) {
            r.Status = unsigned(PtStatus::InvalidSpecialCommand);
            return SOAP_OK;
        }
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
            r.Status = unsigned(PtStatus::InvalidCommand);
            return SOAP_OK;
        }
        call.changed();
        r.Status = Ok;
        return SOAP_OK;
    }
};

#undef OOBM_BEGIN

// ---------------------------------------------------------------------------------------------

QString SoapServer::Private::start()
{
    g_fleet = &fleet;
    epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (epollFd < 0)
        return QStringLiteral("epoll_create1: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));

    auto makeMaster = [](int flags) {
        struct soap *m = soap_new1(SOAP_IO_KEEPALIVE | SOAP_IO_BUFFER | SOAP_C_UTFSTRING);
        soap_set_namespaces(m, namespaces); // the table nsmap.cpp defines, shared by all services
        soap_register_plugin_arg(m, http_da, http_da_md5());
        if (!g_httpDaParse)
            g_httpDaParse = m->fparse;
        m->fparse = earlyChallenge;
        m->bind_flags = SO_REUSEADDR;
        (void)flags;
        return m;
    };
    httpMaster = makeMaster(0);
    pskMaster = makeMaster(0);
    certMaster = makeMaster(0);
    if (soap_ssl_server_context(pskMaster, SOAP_SSL_NO_AUTHENTICATION | SOAP_TLSv1_0 | SOAP_TLSv1_1 | SOAP_TLSv1_2,
                                nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr)
        || !pskMaster->ctx)
        return QStringLiteral("cannot create the TLS-PSK context: %1")
                .arg(QString::fromUtf8(soap_fault_string(pskMaster)));
    SSL_CTX_set_min_proto_version(pskMaster->ctx, TLS1_VERSION);
    SSL_CTX_set_max_proto_version(pskMaster->ctx, TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(pskMaster->ctx, "PSK-AES128-CBC-SHA:@SECLEVEL=0");
    SSL_CTX_set_psk_server_callback(pskMaster->ctx, pskServerCallback);
    if (soap_ssl_server_context(certMaster, SOAP_SSL_NO_AUTHENTICATION | SOAP_TLSv1_0 | SOAP_TLSv1_1 | SOAP_TLSv1_2,
                                nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr)
        || !certMaster->ctx)
        return QStringLiteral("cannot create the TLS context: %1")
                .arg(QString::fromUtf8(soap_fault_string(certMaster)));
    SSL_CTX_set_min_proto_version(certMaster->ctx, TLS1_VERSION);
    SSL_CTX_set_max_proto_version(certMaster->ctx, TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(certMaster->ctx, "DEFAULT:@SECLEVEL=0");
    SSL_CTX_set_cert_cb(certMaster->ctx, certificateCallback, nullptr);
    pkiMaster = makeMaster(0);
    if (soap_ssl_server_context(pkiMaster, SOAP_SSL_NO_AUTHENTICATION | SOAP_TLSv1_0 | SOAP_TLSv1_1 | SOAP_TLSv1_2,
                                nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr)
        || !pkiMaster->ctx)
        return QStringLiteral("cannot create the Remote Configuration TLS context: %1")
                .arg(QString::fromUtf8(soap_fault_string(pkiMaster)));
    pkiSetup = std::async(std::launch::async, setUpRemoteConfiguration, pkiMaster->ctx).share();
    ERR_clear_error();

    for (int i = 0; i < fleet.size(); ++i)
        updateListeners(fleet.device(i));

    acceptor = std::thread([this] { acceptLoop(); });
    for (int i = 0; i < options.workers; ++i)
        workers.emplace_back([this] { workerLoop(); });
    return {};
}

void SoapServer::Private::stop()
{
    if (stopping.exchange(true))
        return;
    queueReady.notify_all();
    if (acceptor.joinable())
        acceptor.join();
    for (std::thread &w : workers)
        w.join();
    workers.clear();
    {
        std::lock_guard lock(listenMutex);
        for (auto &[index, l] : listening) {
            if (l.httpFd >= 0)
                ::close(l.httpFd);
            if (l.tlsFd >= 0)
                ::close(l.tlsFd);
        }
        listening.clear();
        byFd.clear();
    }
    queue.clear();
    {
        std::lock_guard lock(connectionMutex);
        for (auto &[raw, c] : connections) {
            if (c->soap) {
                soap_closesock(c->soap);
                soap_destroy(c->soap);
                soap_end(c->soap);
                soap_free(c->soap);
            } else {
                ::close(c->fd);
            }
        }
        connections.clear();
        idle.clear();
    }
    if (epollFd >= 0)
        ::close(epollFd);
    if (pkiSetup.valid())
        pkiSetup.wait(); // it still writes to pkiMaster's context
    pkiSetup = {};
    for (struct soap *m : {httpMaster, pskMaster, certMaster, pkiMaster}) {
        if (m) {
            soap_destroy(m);
            soap_end(m);
            soap_free(m);
        }
    }
    httpMaster = pskMaster = certMaster = pkiMaster = nullptr;
}

void SoapServer::Private::updateListeners(SimDevice *device)
{
    bool wantHttp = false, wantTls = false;
    quint32 address = 0;
    {
        QMutexLocker lock(&device->mutex);
        const DeviceState &s = device->state();
        address = s.address.toIPv4Address();
        if (!s.faults.refuse) {
            if ((s.mode == Mode::SetupPsk || s.mode == Mode::SetupPki) && !s.helloWindowClosed)
                wantTls = true;
            else if (s.mode == Mode::Provisioned) {
                wantTls = s.tlsEnabled;
                wantHttp = !s.tlsEnabled;
            }
        }
    }
    std::lock_guard lock(listenMutex);
    Listening &l = listening[device->index];
    auto open = [&](int *fd, quint16 port, bool tls) {
        if (*fd >= 0)
            return;
        const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int one = 1;
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(address);
        if (::bind(s, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(s, 64) != 0) {
            qWarning("amt-sim: cannot listen on %s:%u: %s", qPrintable(QHostAddress(address).toString()), port,
                     std::strerror(errno));
            ::close(s);
            return;
        }
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = listenTag(s);
        epoll_ctl(epollFd, EPOLL_CTL_ADD, s, &ev);
        byFd[s] = {device, tls};
        *fd = s;
    };
    auto close = [&](int *fd) {
        if (*fd < 0)
            return;
        epoll_ctl(epollFd, EPOLL_CTL_DEL, *fd, nullptr);
        byFd.erase(*fd);
        ::close(*fd);
        *fd = -1;
    };
    wantHttp ? open(&l.httpFd, options.httpPort, false) : close(&l.httpFd);
    wantTls ? open(&l.tlsFd, options.tlsPort, true) : close(&l.tlsFd);
}

void SoapServer::Private::acceptLoop()
{
    epoll_event events[256];
    QElapsedTimer sinceSweep;
    sinceSweep.start();
    while (!stopping.load()) {
        const int n = epoll_wait(epollFd, events, 256, 200);
        for (int i = 0; i < n; ++i) {
            const quint64 data = events[i].data.u64;
            if (!(data & 1)) { // a parked connection has a request (or closed)
                auto *c = reinterpret_cast<Connection *>(data);
                {
                    std::lock_guard lock(connectionMutex);
                    idle.erase(c);
                }
                std::lock_guard lock(queueMutex);
                queue.push_back(c);
                queueReady.notify_one();
                continue;
            }
            const int listenFd = int(data >> 1);
            FdInfo info{};
            {
                std::lock_guard lock(listenMutex);
                auto it = byFd.find(listenFd);
                if (it == byFd.end())
                    continue;
                info = it->second;
            }
            for (;;) {
                const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
                if (fd < 0)
                    break;
                // As soap_accept() would: no Nagle delay between a TLS handshake's records.
                const int one = 1;
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                auto owned = std::make_unique<Connection>();
                Connection *c = owned.get();
                c->fd = fd;
                c->device = info.device;
                c->tls = info.tls;
                {
                    std::lock_guard lock(connectionMutex);
                    connections.emplace(c, std::move(owned));
                }
                std::lock_guard lock(queueMutex);
                queue.push_back(c);
                queueReady.notify_one();
            }
        }
        if (sinceSweep.elapsed() >= 1000) {
            sweepIdle();
            sinceSweep.restart();
        }
    }
}

void SoapServer::Private::sweepIdle()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Connection *> expired;
    {
        std::lock_guard lock(connectionMutex);
        for (auto it = idle.begin(); it != idle.end();) {
            if (now - it->second >= qint64(options.idleTimeoutSeconds) * 1000) {
                expired.push_back(it->first);
                it = idle.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (Connection *c : expired)
        destroy(c);
}

void SoapServer::Private::workerLoop()
{
    for (;;) {
        Connection *c = nullptr;
        {
            std::unique_lock lock(queueMutex);
            queueReady.wait(lock, [this] { return stopping.load() || !queue.empty(); });
            if (stopping.load())
                return;
            c = queue.front();
            queue.pop_front();
        }
        serve(c);
    }
}

void SoapServer::Private::destroy(Connection *c)
{
    if (c->armed)
        epoll_ctl(epollFd, EPOLL_CTL_DEL, c->fd, nullptr);
    if (c->soap) {
        soap_closesock(c->soap);
        soap_destroy(c->soap);
        soap_end(c->soap);
        soap_free(c->soap);
    } else {
        ::close(c->fd);
    }
    std::lock_guard lock(connectionMutex);
    idle.erase(c);
    connections.erase(c);
}

void SoapServer::Private::park(Connection *c)
{
    {
        std::lock_guard lock(connectionMutex);
        idle[c] = QDateTime::currentMSecsSinceEpoch();
    }
    // Decide ADD or MOD and record it before the call: once armed, the event may fire at once and
    // another worker may serve (and park) this connection while this call is still returning.
    const int op = c->armed ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    c->armed = true;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
    ev.data.u64 = quint64(reinterpret_cast<quintptr>(c));
    epoll_ctl(epollFd, op, c->fd, &ev); // c is no longer ours after this line
}

void SoapServer::Private::serve(Connection *c)
{
    if (!c->soap) {
        Mode mode = Mode::SetupPsk;
        {
            QMutexLocker lock(&c->device->mutex);
            mode = c->device->state().mode;
        }
        if (c->tls && mode == Mode::SetupPki) {
            if (const QString e = std::shared_future<QString>(pkiSetup).get(); !e.isEmpty()) {
                qWarning("amt-sim: %s", qPrintable(e));
                destroy(c);
                return;
            }
        }
        struct soap *master = !c->tls       ? httpMaster
                : mode == Mode::Provisioned ? certMaster
                : mode == Mode::SetupPki    ? pkiMaster
                                            : pskMaster;
        struct soap *s = soap_copy(master);
        s->socket = c->fd;
        s->user = c->device;
        s->recv_timeout = 10; // once a request has begun, the rest must follow soon
        s->send_timeout = 10;
        c->soap = s;
        if (c->tls && soap_ssl_accept(s) != SOAP_OK) {
            ERR_clear_error();
            destroy(c);
            return;
        }
        if (c->tls && mode == Mode::SetupPki) {
            const QString refused = checkProvisioningCertificate(s->ssl, c->device);
            QMutexLocker lock(&c->device->mutex);
            c->device->state().lastRemoteConfigurationError = refused;
            if (!refused.isEmpty()) {
                lock.unlock();
                destroy(c); // as firmware does: the session ends; the SCS sees the connection close
                return;
            }
        }
    }
    for (;;) {
        if (!serveOne(c)) {
            destroy(c);
            return;
        }
        // Between requests a connection waits in epoll, holding no worker. A pipelined request
        // already buffered (by gSOAP or OpenSSL) is served now: epoll would not wake us for it.
        const bool buffered = c->soap->bufidx < c->soap->buflen || (c->soap->ssl && SSL_has_pending(c->soap->ssl));
        if (!buffered) {
            park(c);
            return;
        }
    }
}

// Serves one request. Returns whether the connection stays open for another.
bool SoapServer::Private::serveOne(Connection *c)
{
    struct soap *s = c->soap;
    SimSecurityAdministration sai(s, this);
    SimGeneralInfo inf(s, this);
    SimNetworkAdministration net(s, this);
    SimNetworkTime tim(s, this);
    SimRemoteControl rci(s, this);
    s->keep_alive = 1000 - c->served++; // gSOAP clears it for "Connection: close" and at 0
    if (s->keep_alive <= 0)
        return false;
    if (soap_begin_serve(s))
        return s->error >= SOAP_STOP && s->keep_alive > 0 && !stopping.load();
    int rc = sai.dispatch(s);
    if (rc == SOAP_NO_METHOD)
        rc = inf.dispatch(s);
    if (rc == SOAP_NO_METHOD)
        rc = net.dispatch(s);
    if (rc == SOAP_NO_METHOD)
        rc = tim.dispatch(s);
    if (rc == SOAP_NO_METHOD)
        rc = rci.dispatch(s);
    if (rc && s->error && s->error < SOAP_STOP) {
        soap_send_fault(s);
        if (s->error != 401)
            return false;
    }
    if (rc == SOAP_STOP || s->error == SOAP_STOP)
        return false;
    soap_destroy(s);
    soap_end(s);
    return s->keep_alive > 0 && !stopping.load();
}

SoapServer::SoapServer(Fleet &fleet, const SoapServerOptions &options)
    : d(std::make_unique<Private>(fleet, options))
{ }

SoapServer::~SoapServer()
{
    d->stop();
}

QString SoapServer::start()
{
    return d->start();
}

void SoapServer::stop()
{
    d->stop();
}

void SoapServer::setModeChangedHandler(std::function<void(SimDevice *)> handler)
{
    d->modeChanged = std::move(handler);
}

void SoapServer::updateListeners(SimDevice *device)
{
    d->updateListeners(device);
}

} // namespace Oobm::Sim
