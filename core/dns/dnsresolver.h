// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dnsmessage.h"

#include <QHostAddress>
#include <QList>
#include <QString>

#include <functional>

namespace Oobm::Core {

// A DNS server to ask: an address and a port ("192.0.2.53", "127.0.0.1:5353", "[::1]:53").
struct DnsServer
{
    QHostAddress address;
    quint16 port = 53;

    bool isNull() const { return address.isNull(); }
    QString toString() const;
    bool operator==(const DnsServer &other) const = default;

    // Parses the settings' text form. Empty text gives a null server (the system's resolvers).
    // On bad text returns a null server and says what was wrong in *error.
    static DnsServer parse(const QString &text, QString *error);
    // The name servers this machine's resolver uses (/etc/resolv.conf), in order.
    static QList<DnsServer> systemServers(const QString &resolvConf = QStringLiteral("/etc/resolv.conf"));
};

// A small stub resolver: one question at a time over UDP to a chosen server, blocking, for use
// off the GUI thread (the DNS Test, the doctor, the engine's reverse lookups).
//
// Not QDnsLookup: on Qt 6.4 it can only ask port 53 and reports a NODATA answer as "Invalid
// reply received", the same as no server at all; the DNS Test has to tell these apart, and tests
// ask a dnsmasq on a high loopback port (docs/toolchain.md, gotchas 7 and 9).
class DnsResolver
{
public:
    using CancelCheck = std::function<bool()>;

    // A null server means the system's resolvers (DnsServer::systemServers()).
    explicit DnsResolver(const DnsServer &server = {}, int timeoutMs = 2000);

    QList<DnsServer> servers() const { return m_servers; }
    QString serversText() const; // "127.0.0.1:5353" or "the system resolver (10.0.0.2)"

    // Asks each server in turn until one answers; a truncated UDP answer is used as it is.
    DnsResponse lookup(const QString &name, DnsType type, const CancelCheck &cancelled = {}) const;
    DnsResponse reverse(const QHostAddress &address, const CancelCheck &cancelled = {}) const;

private:
    DnsResponse ask(const DnsServer &server, const QString &name, DnsType type, const CancelCheck &cancelled) const;

    QList<DnsServer> m_servers;
    bool m_system = false;
    int m_timeoutMs;
};

} // namespace Oobm::Core
