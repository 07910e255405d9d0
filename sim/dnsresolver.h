// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace Oobm::Sim {

// What a device's firmware does to find its ProvisionServer (docs/protocol.md §2): an A query to
// the DNS server DHCP gave it, following CNAMEs, blocking, from the hello thread. Small on
// purpose: one question, one UDP answer, no cache. The server may have a port (tests use a
// dnsmasq on a high port on loopback).
class DnsResolver
{
public:
    DnsResolver(const QHostAddress &server, quint16 port);

    // The first IPv4 address of name, or a null address and *error ("NXDOMAIN", "no A record",
    // "no answer from 127.0.0.1:5353 within 2 s").
    QHostAddress resolve(const QString &name, QString *error) const;

    // ProvisionServer.<domain>, then the bare ProvisionServer (docs/protocol.md §2, items 2 and 4).
    // *tried lists the names asked, *name the one that answered.
    QHostAddress findProvisionServer(const QString &domain, QString *name, QString *error) const;

private:
    QHostAddress m_server;
    quint16 m_port;
};

} // namespace Oobm::Sim
