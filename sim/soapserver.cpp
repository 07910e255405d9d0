// SPDX-License-Identifier: GPL-2.0-or-later
// The simulated firmware's SOAP side: the sockets, the connections and the dispatch to the
// services. gSOAP is seen here, in the services and in TlsContext only.
#include "soapserver.h"

#include "httpda.h"

#include "sim/fleet.h"
#include "sim/simdevice.h"
#include "sim/simgeneralinfo.h"
#include "sim/simnetworkadministration.h"
#include "sim/simnetworktime.h"
#include "sim/simremotecontrol.h"
#include "sim/simsecurityadministration.h"
#include "sim/simwsman.h"
#include "sim/soapservicehost.h"
#include "sim/tlscontext.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QMutexLocker>

#include <arpa/inet.h>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace Oobm::Sim {

namespace {

constexpr int MaxRequestsPerConnection = 1000;

// Answers 401 before the body is read when a request carries no credentials, as AMT firmware
// does (docs/toolchain.md gotcha 4: curl --digest first posts an empty body).
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

// A master context, which each connection copies: HTTP Digest, answered early.
struct soap *newMaster()
{
    struct soap *m = soap_new1(SOAP_IO_KEEPALIVE | SOAP_IO_BUFFER | SOAP_C_UTFSTRING);
    soap_set_namespaces(m, namespaces); // the table nsmap.cpp defines, shared by all services
    soap_register_plugin_arg(m, http_da, http_da_md5());
    if (!g_httpDaParse)
        g_httpDaParse = m->fparse;
    m->fparse = earlyChallenge;
    m->bind_flags = SO_REUSEADDR;
    return m;
}

void freeSoap(struct soap *s)
{
    soap_destroy(s);
    soap_end(s);
    soap_free(s);
}

} // namespace

// ---------------------------------------------------------------------------------------------

class SoapServer::Private final : public SoapServiceHost
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

    Private(Fleet &fleet, const SoapServerOptions &options)
        : m_fleet(fleet)
        , m_options(options)
        , m_tls(fleet)
    { }

    QString start();
    void stop();
    void acceptLoop();
    void workerLoop();
    void enqueue(Connection *connection);
    void serve(Connection *connection);
    bool serveOne(Connection *connection);
    void park(Connection *connection);
    void destroy(Connection *connection);
    void sweepIdle();

    // SoapServiceHost
    bool isStopping() const override { return m_stopping.load(); }
    void saveDevice(const SimDevice &device) override { m_fleet.save(device); }
    void updateListeners(SimDevice *device) override;
    void modeChanged(SimDevice *device) override
    {
        if (m_modeChanged)
            m_modeChanged(device);
    }

    void setModeChangedHandler(std::function<void(SimDevice *)> handler) { m_modeChanged = std::move(handler); }

private:
    Fleet &m_fleet;
    SoapServerOptions m_options;
    std::function<void(SimDevice *)> m_modeChanged;
    int m_epollFd = -1;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptor;
    std::vector<std::thread> m_workers;
    std::mutex m_queueMutex;
    std::condition_variable m_queueReady;
    std::deque<Connection *> m_queue;
    std::mutex m_connectionMutex;
    std::unordered_map<Connection *, std::unique_ptr<Connection>> m_connections; // all open ones
    std::unordered_map<Connection *, qint64> m_idle;                             // parked in epoll
    std::mutex m_listenMutex;
    std::unordered_map<int, Listening> m_listening; // device index -> sockets
    std::unordered_map<int, FdInfo> m_byFd;
    struct soap *m_httpMaster = nullptr;
    struct soap *m_pskMaster = nullptr;
    struct soap *m_certMaster = nullptr;
    struct soap *m_pkiMaster = nullptr; // Remote Configuration: the device's self-signed certificate
    TlsContext m_tls;
};

QString SoapServer::Private::start()
{
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd < 0)
        return QStringLiteral("epoll_create1: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    m_httpMaster = newMaster();
    m_pskMaster = newMaster();
    m_certMaster = newMaster();
    m_pkiMaster = newMaster();
    if (const QString e = m_tls.setUp(m_pskMaster, m_certMaster, m_pkiMaster); !e.isEmpty())
        return e;

    for (int i = 0; i < m_fleet.size(); ++i)
        updateListeners(m_fleet.device(i));

    m_acceptor = std::thread([this] { acceptLoop(); });
    for (int i = 0; i < m_options.workers; ++i)
        m_workers.emplace_back([this] { workerLoop(); });
    return {};
}

void SoapServer::Private::stop()
{
    if (m_stopping.exchange(true))
        return;
    m_queueReady.notify_all();
    if (m_acceptor.joinable())
        m_acceptor.join();
    for (std::thread &w : m_workers)
        w.join();
    m_workers.clear();
    {
        std::lock_guard lock(m_listenMutex);
        for (auto &[index, l] : m_listening) {
            if (l.httpFd >= 0)
                ::close(l.httpFd);
            if (l.tlsFd >= 0)
                ::close(l.tlsFd);
        }
        m_listening.clear();
        m_byFd.clear();
    }
    m_queue.clear();
    {
        std::lock_guard lock(m_connectionMutex);
        for (auto &[raw, c] : m_connections) {
            if (c->soap) {
                soap_closesock(c->soap);
                freeSoap(c->soap);
            } else {
                ::close(c->fd);
            }
        }
        m_connections.clear();
        m_idle.clear();
    }
    if (m_epollFd >= 0)
        ::close(m_epollFd);
    m_tls.wait(); // it still writes to the Remote Configuration master's context
    for (struct soap *m : {m_httpMaster, m_pskMaster, m_certMaster, m_pkiMaster}) {
        if (m)
            freeSoap(m);
    }
    m_httpMaster = m_pskMaster = m_certMaster = m_pkiMaster = nullptr;
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
    std::lock_guard lock(m_listenMutex);
    Listening &l = m_listening[device->index];
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
        epoll_ctl(m_epollFd, EPOLL_CTL_ADD, s, &ev);
        m_byFd[s] = {device, tls};
        *fd = s;
    };
    auto close = [&](int *fd) {
        if (*fd < 0)
            return;
        epoll_ctl(m_epollFd, EPOLL_CTL_DEL, *fd, nullptr);
        m_byFd.erase(*fd);
        ::close(*fd);
        *fd = -1;
    };
    wantHttp ? open(&l.httpFd, m_options.httpPort, false) : close(&l.httpFd);
    wantTls ? open(&l.tlsFd, m_options.tlsPort, true) : close(&l.tlsFd);
}

void SoapServer::Private::enqueue(Connection *c)
{
    std::lock_guard lock(m_queueMutex);
    m_queue.push_back(c);
    m_queueReady.notify_one();
}

void SoapServer::Private::acceptLoop()
{
    epoll_event events[256];
    QElapsedTimer sinceSweep;
    sinceSweep.start();
    while (!m_stopping.load()) {
        const int n = epoll_wait(m_epollFd, events, 256, 200);
        for (int i = 0; i < n; ++i) {
            const quint64 data = events[i].data.u64;
            if (!(data & 1)) { // a parked connection has a request (or closed)
                // The pointer was stored in the event (epoll_data_t) by park().
                auto *c = reinterpret_cast<Connection *>(data); // NOLINT(performance-no-int-to-ptr)
                {
                    std::lock_guard lock(m_connectionMutex);
                    m_idle.erase(c);
                }
                enqueue(c);
                continue;
            }
            const int listenFd = int(data >> 1);
            FdInfo info{};
            {
                std::lock_guard lock(m_listenMutex);
                auto it = m_byFd.find(listenFd);
                if (it == m_byFd.end())
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
                    std::lock_guard lock(m_connectionMutex);
                    m_connections.emplace(c, std::move(owned));
                }
                enqueue(c);
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
        std::lock_guard lock(m_connectionMutex);
        for (auto it = m_idle.begin(); it != m_idle.end();) {
            if (now - it->second >= qint64(m_options.idleTimeoutSeconds) * 1000) {
                expired.push_back(it->first);
                it = m_idle.erase(it);
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
            std::unique_lock lock(m_queueMutex);
            m_queueReady.wait(lock, [this] { return m_stopping.load() || !m_queue.empty(); });
            if (m_stopping.load())
                return;
            c = m_queue.front();
            m_queue.pop_front();
        }
        serve(c);
    }
}

void SoapServer::Private::destroy(Connection *c)
{
    // gSOAP closes the socket itself when a reply ends the connection (keep-alive off, as after the
    // early 401): the kernel has then dropped it from epoll, and its number may already belong to
    // a socket another thread opened since (a device's new listener). Deleting that number from
    // epoll would silence the other socket: the device's connections would wait unserved.
    const bool open = !c->soap || soap_valid_socket(c->soap->socket);
    if (c->armed && open)
        epoll_ctl(m_epollFd, EPOLL_CTL_DEL, c->fd, nullptr);
    if (c->soap) {
        soap_closesock(c->soap);
        freeSoap(c->soap);
    } else {
        ::close(c->fd);
    }
    std::lock_guard lock(m_connectionMutex);
    m_idle.erase(c);
    m_connections.erase(c);
}

void SoapServer::Private::park(Connection *c)
{
    {
        std::lock_guard lock(m_connectionMutex);
        m_idle[c] = QDateTime::currentMSecsSinceEpoch();
    }
    // Decide ADD or MOD and record it before the call: once armed, the event may fire at once and
    // another worker may serve (and park) this connection while this call is still returning.
    const int op = c->armed ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    c->armed = true;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
    ev.data.u64 = quint64(reinterpret_cast<quintptr>(c));
    epoll_ctl(m_epollFd, op, c->fd, &ev); // c is no longer ours after this line
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
            if (const QString e = m_tls.remoteConfigurationReady(); !e.isEmpty()) {
                qWarning("amt-sim: %s", qPrintable(e));
                destroy(c);
                return;
            }
        }
        struct soap *master = !c->tls       ? m_httpMaster
                : mode == Mode::Provisioned ? m_certMaster
                : mode == Mode::SetupPki    ? m_pkiMaster
                                            : m_pskMaster;
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
            const QString refused = TlsContext::checkProvisioningCertificate(s->ssl, c->device);
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
    SimSecurityAdministration sai(s, *this);
    SimGeneralInfo inf(s, *this);
    SimNetworkAdministration net(s, *this);
    SimNetworkTime tim(s, *this);
    SimRemoteControl rci(s, *this);
    // How many more requests this connection takes after this one (gSOAP's Keep-Alive max); at 0
    // this answer says "Connection: close" and the connection ends with it, rather than with the
    // next request, which the client would send into a closed connection. gSOAP clears it for a
    // client's "Connection: close".
    s->keep_alive = MaxRequestsPerConnection - ++c->served;
    if (soap_begin_serve(s))
        return s->error >= SOAP_STOP && s->keep_alive > 0 && !m_stopping.load();
    // docs/protocol.md §13.1: /wsman is WS-Management (AMT 3.0 and later), every other path the
    // legacy services (before 9.0). A device without the dialect answers 404, as the firmware's
    // web server does for a page it does not have.
    const bool wsman = std::strcmp(s->path, "/wsman") == 0;
    bool served = false;
    {
        QMutexLocker lock(&c->device->mutex);
        const DeviceState &state = c->device->state();
        served = wsman ? state.speaksWsman() : state.speaksLegacySoap();
    }
    if (!served) {
        // Read to the end first: closing a socket with unread data resets the connection, and the
        // client would see no answer at all.
        if (soap_body_end_in(s) || soap_envelope_end_in(s) || soap_end_recv(s))
            return false;
        s->keep_alive = 0;
        soap_send_empty_response(s, 404);
        return false;
    }
    int rc = SOAP_OK;
    if (wsman) {
        rc = SimWsman(s, *this).serve();
        if (rc)
            s->header = nullptr; // a 401 or a request that did not parse: not the request's headers back
    } else {
        rc = sai.dispatch(s);
        if (rc == SOAP_NO_METHOD)
            rc = inf.dispatch(s);
        if (rc == SOAP_NO_METHOD)
            rc = net.dispatch(s);
        if (rc == SOAP_NO_METHOD)
            rc = tim.dispatch(s);
        if (rc == SOAP_NO_METHOD)
            rc = rci.dispatch(s);
    }
    if (rc && s->error && s->error < SOAP_STOP) {
        soap_send_fault(s);
        if (s->error != 401)
            return false;
    }
    if (rc == SOAP_STOP || s->error == SOAP_STOP)
        return false;
    soap_destroy(s);
    soap_end(s);
    s->header = nullptr; // freed: a next request without a header must not find this one's
    return s->keep_alive > 0 && !m_stopping.load();
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
    d->setModeChangedHandler(std::move(handler));
}

void SoapServer::updateListeners(SimDevice *device)
{
    d->updateListeners(device);
}

} // namespace Oobm::Sim
