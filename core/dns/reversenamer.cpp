// SPDX-License-Identifier: GPL-2.0-or-later
#include "reversenamer.h"

#include <QDateTime>
#include <QtConcurrent>

namespace Oobm::Core {

ReverseNamer::ReverseNamer()
{
    m_pool.setMaxThreadCount(4);
}

ReverseNamer::~ReverseNamer()
{
    m_pool.waitForDone();
}

void ReverseNamer::setServer(const DnsServer &server, int timeoutMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_server == server && m_timeoutMs == timeoutMs)
        return;
    m_server = server;
    m_timeoutMs = timeoutMs;
    ++m_generation;
    m_cache.clear();
}

QFuture<QString> ReverseNamer::nameOf(const QHostAddress &address)
{
    const QString key = address.toString();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    DnsServer server;
    int timeoutMs = 0;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_cache.constFind(key);
        if (it != m_cache.cend() && it->expiresMs > now)
            return QtFuture::makeReadyFuture(it->name);
        server = m_server;
        timeoutMs = m_timeoutMs;
        generation = m_generation;
    }
    return QtConcurrent::run(&m_pool, [this, address, key, server, timeoutMs, generation] {
        const DnsResponse r = DnsResolver(server, timeoutMs).reverse(address);
        const QStringList names = r.names(DnsType::Ptr);
        const QString name = names.isEmpty() ? QString() : names.first();
        QMutexLocker lock(&m_mutex);
        if (generation == m_generation)
            m_cache.insert(key, {name, QDateTime::currentMSecsSinceEpoch() + CacheSeconds * 1000});
        return name;
    });
}

} // namespace Oobm::Core
