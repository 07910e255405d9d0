// SPDX-License-Identifier: GPL-2.0-or-later
#include "hellosender.h"

#include "core/provisioning/hellopacket.h"
#include "sim/dnsresolver.h"
#include "sim/fleet.h"
#include "sim/simdevice.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMutexLocker>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Oobm::Sim {

HelloSender::HelloSender(Fleet &fleet, const HelloOptions &options, Changed changed)
    : m_fleet(fleet)
    , m_options(options)
    , m_changed(std::move(changed))
    , m_generation(std::size_t(fleet.size()), 0)
{ }

HelloSender::~HelloSender()
{
    stop();
}

double HelloSender::intervalAfterAttempt(quint32 attempt)
{
    if (attempt < 5)
        return 12;
    if (attempt < 10)
        return 120;
    if (attempt < 15)
        return 12 * 60;
    return 3600;
}

double HelloSender::windowSeconds(bool firstWindow)
{
    return (firstWindow ? 24 : 6) * 3600.0;
}

qint64 HelloSender::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 HelloSender::scaled(double seconds) const
{
    return qint64(seconds * 1000.0 / (m_options.timeScale > 0 ? m_options.timeScale : 1.0));
}

void HelloSender::start()
{
    if (m_options.server.isNull() && m_options.dnsServer.isNull())
        return; // no ProvisionServer and no DNS: devices wait, as real ones do
    const qint64 now = nowMs();
    {
        std::lock_guard lock(m_mutex);
        for (int i = 0; i < m_fleet.size(); ++i) {
            SimDevice *d = m_fleet.device(i);
            QMutexLocker dl(&d->mutex);
            DeviceState &s = d->state();
            if (!s.inSetup() || s.helloWindowClosed)
                continue;
            if (!s.helloWindowOpened.isValid())
                s.helloWindowOpened = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
            m_due.push({now, i, m_generation[std::size_t(i)]});
        }
    }
    m_thread = std::thread([this] { run(); });
}

void HelloSender::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void HelloSender::restart(SimDevice *device)
{
    {
        QMutexLocker dl(&device->mutex);
        DeviceState &s = device->state();
        if (s.helloWindowOpened.isValid())
            s.firstWindow = false; // any later window lasts 6 hours
        s.helloWindowOpened = QDateTime::currentDateTimeUtc();
        s.helloWindowClosed = false;
        s.helloRetry = 0;
        m_fleet.save(*device);
    }
    m_changed(device);
    reschedule(device);
}

void HelloSender::reschedule(SimDevice *device)
{
    {
        QMutexLocker dl(&device->mutex);
        DeviceState &s = device->state();
        if (!s.inSetup() || s.helloWindowClosed)
            return;
        if (!s.helloWindowOpened.isValid())
            s.helloWindowOpened = QDateTime::currentDateTimeUtc();
    }
    {
        std::lock_guard lock(m_mutex);
        const quint64 g = ++m_generation[std::size_t(device->index)];
        m_due.push({nowMs(), device->index, g});
    }
    m_wake.notify_all();
}

void HelloSender::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_due.empty()) {
            m_wake.wait(lock);
            continue;
        }
        const Due next = m_due.top();
        const qint64 now = nowMs();
        if (next.atMs > now) {
            m_wake.wait_for(lock, std::chrono::milliseconds(next.atMs - now));
            continue;
        }
        m_due.pop();
        if (next.generation != m_generation[std::size_t(next.index)])
            continue; // superseded by a restart
        SimDevice *device = m_fleet.device(next.index);
        lock.unlock();

        bool closeWindow = false, again = false;
        qint64 nextAt = 0;
        {
            QMutexLocker dl(&device->mutex);
            DeviceState &s = device->state();
            if (s.inSetup() && !s.helloWindowClosed) {
                const qint64 opened = s.helloWindowOpened.toMSecsSinceEpoch();
                if (now - opened >= scaled(windowSeconds(s.firstWindow))) {
                    s.helloWindowClosed = true; // mode 6
                    closeWindow = true;
                    m_fleet.save(*device);
                } else {
                    again = true;
                }
            }
        }
        if (again) {
            sendOne(device);
            QMutexLocker dl(&device->mutex);
            DeviceState &s = device->state();
            nextAt = nowMs() + scaled(intervalAfterAttempt(s.helloRetry - 1));
        }
        if (closeWindow)
            m_changed(device);

        lock.lock();
        if (again && next.generation == m_generation[std::size_t(next.index)])
            m_due.push({nextAt, next.index, next.generation});
    }
}

void HelloSender::sendOne(SimDevice *device)
{
    Core::HelloPacket hello;
    quint32 source = 0;
    QString domain;
    {
        QMutexLocker dl(&device->mutex);
        DeviceState &s = device->state();
        hello.adminCredentialsSet = s.mebxPassword != u"admin" || !s.adminDigest.isEmpty();
        hello.version = s.mode == Mode::SetupPki ? Core::HelloPacket::Version::Pki : Core::HelloPacket::Version::Psk;
        hello.retryCount = qMin<quint32>(s.helloRetry, 14); // the field saturates at 14
        hello.uuid = s.uuid;
        hello.pid = s.pid;
        if (hello.version == Core::HelloPacket::Version::Pki) {
            // The firmware's trusted root hashes (SHA-1 on 2.x/3.x; SHA-256 when a lab adds one).
            for (const QString &hex : std::as_const(s.trustedRootHashes)) {
                const QByteArray hash = QByteArray::fromHex(hex.toLatin1());
                hello.rootHashes.append(
                        {hash.size() == 32 ? Core::HelloPacket::HashType::Sha256 : Core::HelloPacket::HashType::Sha1,
                         hash});
            }
        }
        source = s.address.toIPv4Address();
        domain = s.domainName;
        ++s.helloRetry;
        ++s.hellosSent;
    }
    QHostAddress server = m_options.server;
    if (server.isNull()) {
        QString name, why;
        server = DnsResolver(m_options.dnsServer, m_options.dnsPort).findProvisionServer(domain, &name, &why);
        QMutexLocker dl(&device->mutex);
        device->state().provisionServerName = name;
        if (server.isNull()) {
            device->state().lastHelloError = QStringLiteral("cannot find the ProvisionServer: %1").arg(why);
            return; // the attempt counts, as on firmware: the next one follows the schedule
        }
    }
    const QByteArray bytes = hello.encode();
    QString error;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    from.sin_addr.s_addr = htonl(source);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(m_options.port);
    to.sin_addr.s_addr = htonl(server.toIPv4Address());
    if (::bind(fd, reinterpret_cast<sockaddr *>(&from), sizeof from) != 0) {
        error = QStringLiteral("bind: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    } else if (::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0 && errno != EINPROGRESS) {
        error = QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    } else {
        pollfd p{fd, POLLOUT, 0};
        int soError = 0;
        socklen_t len = sizeof soError;
        if (::poll(&p, 1, 2000) != 1 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len) != 0 || soError != 0) {
            error = QStringLiteral("connect: %1")
                            .arg(soError ? QString::fromLocal8Bit(std::strerror(soError))
                                         : QStringLiteral("timed out"));
        } else {
            const int flags = fcntl(fd, F_GETFL);
            fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
            if (::send(fd, bytes.constData(), std::size_t(bytes.size()), MSG_NOSIGNAL) != bytes.size())
                error = QStringLiteral("send: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            ::shutdown(fd, SHUT_WR); // the device sends, closes, and never reads an answer
        }
    }
    ::close(fd);
    QMutexLocker dl(&device->mutex);
    device->state().lastHelloError = error;
}

} // namespace Oobm::Sim
