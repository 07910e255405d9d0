// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

enum class DnsType : quint16 { A = 1, Cname = 5, Ptr = 12, Aaaa = 28 };
QString dnsTypeName(DnsType type);

struct DnsRecord
{
    QString name; // owner name, lower case, no trailing dot
    DnsType type = DnsType::A;
    QString value; // the address, or the target name for CNAME and PTR
    quint32 ttl = 0;
};

// What one question got back. The distinctions the DNS Test explains differently are kept apart:
// a name that does not exist (NXDOMAIN), a name that exists without records of the asked type
// (NODATA: figure 9's "The requested name is valid, but no data of the requested type was
// found"), a server that refused or failed, and no answer at all.
struct DnsResponse
{
    enum class Status { Answer, NxDomain, NoData, ServerFailure, Refused, Timeout, Error, Cancelled };

    Status status = Status::Error;
    QList<DnsRecord> records; // the answer section, in order
    QString error;            // for Timeout and Error: what happened
    int elapsedMs = 0;

    // The CNAME chain from the question's name ("provisionserver.example.test",
    // "scs.example.test"); just the name when there is no CNAME.
    QStringList chain(const QString &question) const;
    QList<QHostAddress> addresses() const; // A and AAAA values
    QStringList names(DnsType type) const; // CNAME or PTR targets
    QString statusText() const;            // "NXDOMAIN", "NODATA", "timeout", ...
};

// Encoding and parsing of RFC 1035 messages: one question, recursion desired. Parsing accepts
// only a well-formed answer to that question; anything else is an Error response naming why.
namespace DnsMessage {
QByteArray encodeQuery(quint16 id, const QString &name, DnsType type);
DnsResponse parseResponse(const QByteArray &message, quint16 id, const QString &name, DnsType type,
                          bool *truncated = nullptr);
QString reverseName(const QHostAddress &address); // "4.3.2.1.in-addr.arpa", nibbles for IPv6
QString normalizedName(const QString &name);      // lower case, no trailing dot
} // namespace DnsMessage

} // namespace Oobm::Core
