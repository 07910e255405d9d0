// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dnsresolver.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QThreadPool>

namespace Oobm::Core {

// Names the systems by a reverse (PTR) lookup of their hello's source address, off the caller's
// thread, against the DNS server in the settings. Answers, and the lack of one, are remembered
// for a while so that a burst of hellos asks each address once; a DNS server that does not
// answer costs each new address one timeout, on a small pool of its own, never the engine's
// thread.
class ReverseNamer
{
public:
    static constexpr int CacheSeconds = 300;

    ReverseNamer();
    ~ReverseNamer();

    void setServer(const DnsServer &server, int timeoutMs = 1000); // clears what is remembered
    QFuture<QString> nameOf(const QHostAddress &address);          // "" when there is no name

private:
    struct Entry
    {
        QString name;
        qint64 expiresMs = 0;
    };

    QThreadPool m_pool;
    QMutex m_mutex;
    DnsServer m_server;
    int m_timeoutMs = 1000;
    quint64 m_generation = 0;
    QHash<QString, Entry> m_cache;
};

} // namespace Oobm::Core
