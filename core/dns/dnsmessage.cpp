// SPDX-License-Identifier: GPL-2.0-or-later
#include "dnsmessage.h"

#include <QtEndian>

namespace Oobm::Core {

namespace {

constexpr int HeaderSize = 12;
constexpr quint16 ClassIn = 1;

quint16 read16(const QByteArray &m, int at)
{
    return qFromBigEndian<quint16>(m.constData() + at);
}

// Reads a possibly compressed name at *at; advances *at past it in the message. Returns false
// on a malformed name (out of bounds, a pointer loop, a label too long).
bool readName(const QByteArray &m, int *at, QString *name)
{
    QStringList labels;
    int pos = *at;
    int jumps = 0;
    bool jumped = false;
    int total = 0;
    while (true) {
        if (pos >= m.size())
            return false;
        const quint8 len = quint8(m.at(pos));
        if ((len & 0xC0) == 0xC0) {
            if (pos + 1 >= m.size() || ++jumps > 32)
                return false;
            const int target = ((len & 0x3F) << 8) | quint8(m.at(pos + 1));
            if (!jumped)
                *at = pos + 2;
            jumped = true;
            pos = target;
            continue;
        }
        if (len & 0xC0)
            return false;
        if (len == 0) {
            if (!jumped)
                *at = pos + 1;
            break;
        }
        if (pos + 1 + len > m.size())
            return false;
        total += len + 1;
        if (total > 255)
            return false;
        labels << QString::fromLatin1(m.constData() + pos + 1, len);
        pos += 1 + len;
    }
    *name = labels.join(u'.').toLower();
    return true;
}

DnsResponse failure(const QString &why)
{
    DnsResponse r;
    r.status = DnsResponse::Status::Error;
    r.error = why;
    return r;
}

} // namespace

QString dnsTypeName(DnsType type)
{
    switch (type) {
    case DnsType::A:
        return QStringLiteral("A");
    case DnsType::Cname:
        return QStringLiteral("CNAME");
    case DnsType::Ptr:
        return QStringLiteral("PTR");
    case DnsType::Aaaa:
        return QStringLiteral("AAAA");
    }
    return QString::number(int(type));
}

QStringList DnsResponse::chain(const QString &question) const
{
    QStringList out{DnsMessage::normalizedName(question)};
    // Follow CNAMEs in the order the server gave them; a loop ends the walk.
    for (int guard = 0; guard < records.size(); ++guard) {
        bool advanced = false;
        for (const DnsRecord &r : records) {
            if (r.type == DnsType::Cname && r.name == out.last() && !out.contains(r.value)) {
                out << r.value;
                advanced = true;
                break;
            }
        }
        if (!advanced)
            break;
    }
    return out;
}

QList<QHostAddress> DnsResponse::addresses() const
{
    QList<QHostAddress> out;
    for (const DnsRecord &r : records) {
        if (r.type == DnsType::A || r.type == DnsType::Aaaa)
            out << QHostAddress(r.value);
    }
    return out;
}

QStringList DnsResponse::names(DnsType type) const
{
    QStringList out;
    for (const DnsRecord &r : records) {
        if (r.type == type)
            out << r.value;
    }
    return out;
}

QString DnsResponse::statusText() const
{
    switch (status) {
    case Status::Answer:
        return QStringLiteral("NOERROR");
    case Status::NxDomain:
        return QStringLiteral("NXDOMAIN");
    case Status::NoData:
        return QStringLiteral("NODATA");
    case Status::ServerFailure:
        return QStringLiteral("SERVFAIL");
    case Status::Refused:
        return QStringLiteral("REFUSED");
    case Status::Timeout:
        return QStringLiteral("timeout");
    case Status::Error:
        return QStringLiteral("error");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

namespace DnsMessage {

QString normalizedName(const QString &name)
{
    QString n = name.trimmed().toLower();
    while (n.endsWith(u'.'))
        n.chop(1);
    return n;
}

QByteArray encodeQuery(quint16 id, const QString &name, DnsType type)
{
    QByteArray q(HeaderSize, '\0');
    qToBigEndian(id, q.data());
    qToBigEndian(quint16(0x0100), q.data() + 2); // recursion desired
    qToBigEndian(quint16(1), q.data() + 4);      // one question
    const QString n = normalizedName(name);
    for (const QString &label : n.split(u'.', Qt::SkipEmptyParts)) {
        const QByteArray l = label.toLatin1().left(63);
        q.append(char(l.size()));
        q.append(l);
    }
    q.append('\0');
    char tail[4];
    qToBigEndian(quint16(type), tail);
    qToBigEndian(ClassIn, tail + 2);
    q.append(tail, 4);
    return q;
}

DnsResponse parseResponse(const QByteArray &m, quint16 id, const QString &name, DnsType type, bool *truncated)
{
    if (truncated)
        *truncated = false;
    if (m.size() < HeaderSize)
        return failure(QStringLiteral("a reply of %1 bytes, shorter than a DNS header").arg(m.size()));
    if (read16(m, 0) != id)
        return failure(QStringLiteral("a reply to another question (id mismatch)"));
    const quint16 flags = read16(m, 2);
    if (!(flags & 0x8000))
        return failure(QStringLiteral("a query instead of a reply"));
    if (truncated)
        *truncated = flags & 0x0200;
    const int rcode = flags & 0x000F;
    const int qdcount = read16(m, 4);
    const int ancount = read16(m, 6);

    int at = HeaderSize;
    for (int i = 0; i < qdcount; ++i) {
        QString qname;
        if (!readName(m, &at, &qname) || at + 4 > m.size())
            return failure(QStringLiteral("a malformed question section"));
        if (qname != normalizedName(name) || read16(m, at) != quint16(type))
            return failure(QStringLiteral("a reply to another question (%1)").arg(qname));
        at += 4;
    }

    DnsResponse r;
    switch (rcode) {
    case 0:
        break;
    case 2:
        r.status = DnsResponse::Status::ServerFailure;
        return r;
    case 3:
        // The answer section may still hold the CNAME chain to the name that does not exist
        // (RFC 6604): read it below.
        break;
    case 5:
        r.status = DnsResponse::Status::Refused;
        return r;
    default:
        return failure(QStringLiteral("response code %1").arg(rcode));
    }

    for (int i = 0; i < ancount; ++i) {
        DnsRecord rec;
        if (!readName(m, &at, &rec.name) || at + 10 > m.size())
            return failure(QStringLiteral("a malformed answer section"));
        const quint16 rtype = read16(m, at);
        const quint16 rclass = read16(m, at + 2);
        rec.ttl = qFromBigEndian<quint32>(m.constData() + at + 4);
        const int rdlength = read16(m, at + 8);
        at += 10;
        if (at + rdlength > m.size())
            return failure(QStringLiteral("a malformed answer section"));
        const int rdata = at;
        at += rdlength;
        if (rclass != ClassIn)
            continue;
        if (rtype == quint16(DnsType::A) && rdlength == 4) {
            rec.type = DnsType::A;
            rec.value = QHostAddress(qFromBigEndian<quint32>(m.constData() + rdata)).toString();
        } else if (rtype == quint16(DnsType::Aaaa) && rdlength == 16) {
            rec.type = DnsType::Aaaa;
            rec.value = QHostAddress(reinterpret_cast<const quint8 *>(m.constData() + rdata)).toString();
        } else if (rtype == quint16(DnsType::Cname) || rtype == quint16(DnsType::Ptr)) {
            rec.type = DnsType(rtype);
            int p = rdata;
            if (!readName(m, &p, &rec.value))
                return failure(QStringLiteral("a malformed %1 record").arg(dnsTypeName(rec.type)));
        } else {
            continue; // other types do not matter here
        }
        r.records << rec;
    }
    if (rcode == 3) {
        r.status = DnsResponse::Status::NxDomain;
        return r;
    }
    // The answer counts only when it holds the asked type at the end of the chain; a CNAME to a
    // name without such records is NODATA, as resolvers report it.
    bool hasType = false;
    for (const DnsRecord &rec : std::as_const(r.records))
        hasType = hasType || rec.type == type;
    r.status = hasType ? DnsResponse::Status::Answer : DnsResponse::Status::NoData;
    return r;
}

QString reverseName(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    if (ok)
        return QStringLiteral("%1.%2.%3.%4.in-addr.arpa")
                .arg(v4 & 0xFF)
                .arg((v4 >> 8) & 0xFF)
                .arg((v4 >> 16) & 0xFF)
                .arg(v4 >> 24);
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    QStringList nibbles;
    for (int i = 15; i >= 0; --i) {
        nibbles << QString::number(v6[i] & 0xF, 16) << QString::number(v6[i] >> 4, 16);
    }
    return nibbles.join(u'.') + QStringLiteral(".ip6.arpa");
}

} // namespace DnsMessage

} // namespace Oobm::Core
