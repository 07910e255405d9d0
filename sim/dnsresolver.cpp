// SPDX-License-Identifier: GPL-2.0-or-later
#include "dnsresolver.h"

#include <QRandomGenerator>
#include <QtEndian>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Oobm::Sim {

namespace {

QByteArray encodeName(const QString &name)
{
    QByteArray out;
    for (const QString &label : name.split(u'.', Qt::SkipEmptyParts)) {
        const QByteArray l = label.toLatin1().left(63);
        out.append(char(l.size()));
        out.append(l);
    }
    out.append('\0');
    return out;
}

// Skips a (possibly compressed) name; returns the offset after it, or -1.
int skipName(const QByteArray &m, int at)
{
    while (at < m.size()) {
        const quint8 len = quint8(m.at(at));
        if (len == 0)
            return at + 1;
        if ((len & 0xC0) == 0xC0)
            return at + 2;
        at += 1 + len;
    }
    return -1;
}

} // namespace

DnsResolver::DnsResolver(const QHostAddress &server, quint16 port)
    : m_server(server)
    , m_port(port)
{ }

QHostAddress DnsResolver::resolve(const QString &name, QString *error) const
{
    const quint16 id = quint16(QRandomGenerator::global()->generate());
    QByteArray query(12, '\0');
    qToBigEndian(id, query.data());
    qToBigEndian(quint16(0x0100), query.data() + 2); // recursion desired
    qToBigEndian(quint16(1), query.data() + 4);      // one question
    query.append(encodeName(name));
    query.append("\0\1\0\1", 4); // type A, class IN

    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(m_port);
    to.sin_addr.s_addr = htonl(m_server.toIPv4Address());
    QByteArray answer(1500, '\0');
    ssize_t got = -1;
    if (::sendto(fd, query.constData(), std::size_t(query.size()), 0, reinterpret_cast<sockaddr *>(&to), sizeof to)
        == query.size()) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 2000) == 1)
            got = ::recv(fd, answer.data(), std::size_t(answer.size()), 0);
    }
    ::close(fd);
    if (got < 12 || qFromBigEndian<quint16>(answer.constData()) != id) {
        *error = QStringLiteral("no answer from %1:%2 within 2 s").arg(m_server.toString()).arg(m_port);
        return {};
    }
    answer.truncate(got);
    const quint16 flags = qFromBigEndian<quint16>(answer.constData() + 2);
    const int rcode = flags & 0x0F;
    if (rcode == 3) {
        *error = QStringLiteral("%1: NXDOMAIN").arg(name);
        return {};
    }
    if (rcode != 0) {
        static const char *const names[] = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"};
        *error = QStringLiteral("%1: %2").arg(
                name, rcode < 6 ? QLatin1String(names[rcode]) : QStringLiteral("DNS error %1").arg(rcode));
        return {};
    }
    const int questions = qFromBigEndian<quint16>(answer.constData() + 4);
    const int answers = qFromBigEndian<quint16>(answer.constData() + 6);
    int at = 12;
    for (int i = 0; i < questions && at >= 0; ++i) {
        at = skipName(answer, at);
        if (at >= 0)
            at += 4;
    }
    // CNAMEs come first in the answer section; the A record at the end of the chain is what counts.
    for (int i = 0; i < answers && at >= 0 && at + 10 <= answer.size(); ++i) {
        at = skipName(answer, at);
        if (at < 0 || at + 10 > answer.size())
            break;
        const quint16 type = qFromBigEndian<quint16>(answer.constData() + at);
        const quint16 length = qFromBigEndian<quint16>(answer.constData() + at + 8);
        at += 10;
        if (type == 1 && length == 4 && at + 4 <= answer.size())
            return QHostAddress(qFromBigEndian<quint32>(answer.constData() + at));
        at += length;
    }
    *error = QStringLiteral("%1: no A record").arg(name);
    return {};
}

QHostAddress DnsResolver::findProvisionServer(const QString &domain, QString *name, QString *error) const
{
    QStringList names;
    if (!domain.isEmpty())
        names << QStringLiteral("ProvisionServer.") + domain;
    names << QStringLiteral("ProvisionServer");
    QStringList errors;
    for (const QString &n : std::as_const(names)) {
        QString why;
        const QHostAddress a = resolve(n, &why);
        if (!a.isNull()) {
            *name = n;
            return a;
        }
        errors << why;
    }
    *error = errors.join(QStringLiteral("; "));
    return {};
}

} // namespace Oobm::Sim
