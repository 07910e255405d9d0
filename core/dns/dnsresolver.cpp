// SPDX-License-Identifier: GPL-2.0-or-later
#include "dnsresolver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Oobm::Core {

namespace {

constexpr int SliceMs = 100; // how often a blocked lookup looks at its cancel check

class Socket
{
public:
    explicit Socket(int fd)
        : m_fd(fd)
    { }
    ~Socket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

QString DnsServer::toString() const
{
    if (isNull())
        return {};
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

DnsServer DnsServer::parse(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    QString host = t;
    QString portText;
    if (t.startsWith(u'[')) {
        const qsizetype close = t.indexOf(u']');
        if (close < 0) {
            *error = QStringLiteral("'%1' opens a bracket for an IPv6 address but never closes it; "
                                    "write it as [::1]:53.")
                             .arg(t);
            return {};
        }
        host = t.mid(1, close - 1);
        if (close + 1 < t.size()) {
            if (t.at(close + 1) != u':') {
                *error = QStringLiteral("'%1' has something other than :PORT after the IPv6 "
                                        "address; write it as [::1]:53.")
                                 .arg(t);
                return {};
            }
            portText = t.mid(close + 2);
        }
    } else if (t.count(u':') == 1) {
        host = t.section(u':', 0, 0);
        portText = t.section(u':', 1);
    }
    DnsServer s;
    if (!s.address.setAddress(host)) {
        *error = QStringLiteral("'%1' is not an IP address. Give the DNS server as an address, "
                                "optionally with a port: 192.0.2.53, 192.0.2.53:5353 or "
                                "[2001:db8::53]:53.")
                         .arg(host);
        return {};
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            *error = QStringLiteral("'%1' is not a port: use a number from 1 to 65535 (DNS "
                                    "servers normally listen on 53).")
                             .arg(portText);
            return {};
        }
        s.port = quint16(port);
    }
    return s;
}

QList<DnsServer> DnsServer::systemServers(const QString &resolvConf)
{
    QList<DnsServer> out;
    QFile f(resolvConf);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    while (!f.atEnd()) {
        const QString line = QString::fromLocal8Bit(f.readLine()).simplified();
        if (!line.startsWith(QLatin1String("nameserver ")))
            continue;
        DnsServer s;
        if (s.address.setAddress(line.section(u' ', 1, 1).section(u'%', 0, 0)))
            out << s;
    }
    return out;
}

DnsResolver::DnsResolver(const DnsServer &server, int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
    if (server.isNull()) {
        m_system = true;
        m_servers = DnsServer::systemServers();
    } else {
        m_servers = {server};
    }
}

QString DnsResolver::serversText() const
{
    QStringList list;
    for (const DnsServer &s : m_servers)
        list << (s.port == 53 ? s.address.toString() : s.toString());
    if (!m_system)
        return list.join(QStringLiteral(", "));
    if (list.isEmpty())
        return QStringLiteral("the system resolver (no name server in /etc/resolv.conf)");
    return QStringLiteral("the system resolver (%1)").arg(list.join(QStringLiteral(", ")));
}

DnsResponse DnsResolver::lookup(const QString &name, DnsType type, const CancelCheck &cancelled) const
{
    if (m_servers.isEmpty()) {
        DnsResponse r;
        r.error = QStringLiteral("no DNS server to ask: /etc/resolv.conf names none; enter a DNS "
                                 "server in the DNS settings");
        return r;
    }
    DnsResponse last;
    for (const DnsServer &server : m_servers) {
        last = ask(server, name, type, cancelled);
        if (last.status != DnsResponse::Status::Timeout && last.status != DnsResponse::Status::Error)
            return last;
    }
    return last;
}

DnsResponse DnsResolver::reverse(const QHostAddress &address, const CancelCheck &cancelled) const
{
    return lookup(DnsMessage::reverseName(address), DnsType::Ptr, cancelled);
}

DnsResponse DnsResolver::ask(const DnsServer &server, const QString &name, DnsType type,
                             const CancelCheck &cancelled) const
{
    QElapsedTimer clock;
    clock.start();
    DnsResponse r;
    const auto finish = [&](DnsResponse::Status status, const QString &error) {
        r.status = status;
        r.error = error;
        r.elapsedMs = int(clock.elapsed());
        return r;
    };

    const bool v6 = server.address.protocol() == QAbstractSocket::IPv6Protocol;
    Socket socket(::socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (socket.fd() < 0)
        return finish(DnsResponse::Status::Error,
                      QStringLiteral("cannot open a UDP socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    sockaddr_storage to{};
    socklen_t toLength = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&to);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(server.port);
        const Q_IPV6ADDR bytes = server.address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &bytes, 16);
        toLength = sizeof *a;
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&to);
        a->sin_family = AF_INET;
        a->sin_port = htons(server.port);
        a->sin_addr.s_addr = htonl(server.address.toIPv4Address());
        toLength = sizeof *a;
    }
    // Connected, so that a closed port reports itself (ECONNREFUSED) instead of a timeout.
    if (::connect(socket.fd(), reinterpret_cast<sockaddr *>(&to), toLength) != 0)
        return finish(DnsResponse::Status::Error,
                      QStringLiteral("cannot reach %1: %2")
                              .arg(server.toString(), QString::fromLocal8Bit(std::strerror(errno))));

    const quint16 id = quint16(QRandomGenerator::global()->generate());
    const QByteArray query = DnsMessage::encodeQuery(id, name, type);
    if (::send(socket.fd(), query.constData(), std::size_t(query.size()), 0) != query.size())
        return finish(DnsResponse::Status::Error,
                      QStringLiteral("cannot send to %1: %2")
                              .arg(server.toString(), QString::fromLocal8Bit(std::strerror(errno))));

    QByteArray answer(65535, '\0');
    while (clock.elapsed() < m_timeoutMs) {
        if (cancelled && cancelled())
            return finish(DnsResponse::Status::Cancelled, QStringLiteral("cancelled"));
        pollfd p{socket.fd(), POLLIN, 0};
        const int wait = int(qMin<qint64>(SliceMs, m_timeoutMs - clock.elapsed()));
        const int ready = ::poll(&p, 1, qMax(wait, 1));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            continue;
        const ssize_t got = ::recv(socket.fd(), answer.data(), std::size_t(answer.size()), 0);
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            if (errno == ECONNREFUSED)
                return finish(DnsResponse::Status::Error,
                              QStringLiteral("nothing answers DNS on %1 (connection refused)").arg(server.toString()));
            return finish(DnsResponse::Status::Error,
                          QStringLiteral("no answer from %1: %2")
                                  .arg(server.toString(), QString::fromLocal8Bit(std::strerror(errno))));
        }
        DnsResponse parsed = DnsMessage::parseResponse(answer.left(int(got)), id, name, type);
        if (parsed.status == DnsResponse::Status::Error && parsed.error.contains(QLatin1String("id mismatch")))
            continue; // a late answer to an earlier question: keep waiting for ours
        parsed.elapsedMs = int(clock.elapsed());
        if (parsed.status == DnsResponse::Status::Error)
            parsed.error = QStringLiteral("%1 sent %2").arg(server.toString(), parsed.error);
        return parsed;
    }
    return finish(DnsResponse::Status::Timeout,
                  QStringLiteral("no answer from %1 within %2 s")
                          .arg(server.toString())
                          .arg(m_timeoutMs / 1000.0, 0, 'g', 2));
}

} // namespace Oobm::Core
