// SPDX-License-Identifier: GPL-2.0-or-later
#include "retentionscheduler.h"

#include "core/async.h"
#include "core/logging.h"
#include "core/store/store.h"

#include <QTimer>

namespace Oobm::Core {

RetentionScheduler::RetentionScheduler(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RetentionScheduler::purgeNow);
    connect(m_store, &Store::stateChanged, this, &RetentionScheduler::onStoreStateChanged);
    onStoreStateChanged();
}

RetentionScheduler::~RetentionScheduler() = default;

void RetentionScheduler::setIntervals(int firstDelayMs, int intervalMs)
{
    m_firstDelayMs = firstDelayMs;
    m_intervalMs = intervalMs;
    onStoreStateChanged();
}

void RetentionScheduler::onStoreStateChanged()
{
    if (m_store->isWritable()) {
        if (!m_running)
            m_timer->start(m_firstDelayMs);
    } else {
        m_timer->stop();
    }
}

void RetentionScheduler::purgeNow()
{
    if (m_running || !m_store->isWritable())
        return;
    m_running = true;
    whenReady(m_store->serviceSettings(), this, [this](const StoreResult<ServiceSettings> &s) {
        if (!s.ok()) {
            m_running = false;
            m_timer->start(m_intervalMs);
            Q_EMIT purgeFailed(s.error);
            return;
        }
        whenReady(m_store->purge(s.value.retentionPolicy()), this, [this](const StoreResult<PurgeReport> &r) {
            m_running = false;
            m_timer->start(m_intervalMs);
            if (r.ok()) {
                Q_EMIT purged(r.value);
            } else {
                qCWarning(lcStore) << "scheduled purge failed:" << r.error.message;
                Q_EMIT purgeFailed(r.error);
            }
        });
    });
}

} // namespace Oobm::Core
