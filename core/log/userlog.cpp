// SPDX-License-Identifier: GPL-2.0-or-later
#include "userlog.h"

#include "core/async.h"
#include "core/logging.h"
#include "core/store/store.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QPromise>

namespace Oobm::Core {

UserLog::UserLog(Store *store, const QString &defaultSource, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_defaultSource(defaultSource)
    , m_level(int(ServiceSettings{}.logLevel))
{
    connect(store, &Store::serviceSettingsChanged, this, [this](const ServiceSettings &settings) {
        setLevel(settings.logLevel);
        setTracing(settings.traceLogging);
    });
    connect(store, &Store::stateChanged, this, &UserLog::onStoreStateChanged);
}

UserLog::~UserLog()
{
    flush();
}

LogLevel UserLog::level() const
{
    return LogLevel(m_level.loadRelaxed());
}

void UserLog::setLevel(LogLevel level)
{
    m_level.storeRelaxed(int(level));
}

bool UserLog::accepts(Severity severity) const
{
    return logLevelAccepts(level(), severity);
}

void UserLog::trace(const QString &message, const QString &details, const QString &deviceUuid)
{
    if (!isTracing())
        return;
    LogEntry entry = LogEntry::make(Severity::Debug, TraceSource, message, details, deviceUuid);
    {
        QMutexLocker locker(&m_mutex);
        if (m_pending.size() >= MaxPending) {
            m_pending.removeFirst();
            m_dropped.fetchAndAddRelaxed(1);
        }
        m_pending.append(std::move(entry));
    }
    scheduleFlush();
}

void UserLog::log(Severity severity, const QString &message, const QString &details,
                  const QString &deviceUuid, const QString &source)
{
    if (!accepts(severity))
        return;
    LogEntry entry = LogEntry::make(severity, source.isEmpty() ? m_defaultSource : source, message,
                                    details, deviceUuid);
    {
        QMutexLocker locker(&m_mutex);
        if (m_pending.size() >= MaxPending) {
            m_pending.removeFirst();
            m_dropped.fetchAndAddRelaxed(1);
        }
        m_pending.append(std::move(entry));
    }
    scheduleFlush();
}

void UserLog::scheduleFlush()
{
    // One queued flush at a time: everything logged before it runs goes into its batches.
    if (m_flushScheduled.testAndSetOrdered(0, 1))
        QMetaObject::invokeMethod(
                this, [this] { flush(); }, Qt::QueuedConnection);
}

void UserLog::onStoreStateChanged()
{
    if (m_store->isReadable()) {
        // Pick up the stored log level; the store reports it through serviceSettingsChanged too.
        whenReady(m_store->serviceSettings(), this, [this](const StoreResult<ServiceSettings> &r) {
            if (r.ok()) {
                setLevel(r.value.logLevel);
                setTracing(r.value.traceLogging);
            }
            scheduleFlush();
        });
    }
}

QFuture<StoreError> UserLog::flush()
{
    m_flushScheduled.storeRelease(0);
    const Store::State state = m_store->state();
    if (state == Store::State::Closed || state == Store::State::Opening) {
        // Kept until the store opens (bounded by MaxPending).
        QPromise<StoreError> p;
        p.start();
        p.addResult(StoreError{});
        p.finish();
        return p.future();
    }
    QList<LogEntry> batch;
    {
        QMutexLocker locker(&m_mutex);
        batch.swap(m_pending);
    }
    if (!m_store->isWritable()) {
        if (!batch.isEmpty()) {
            m_dropped.fetchAndAddRelaxed(batch.size());
            reportFailure(m_store->lastError());
        }
        QPromise<StoreError> p;
        p.start();
        p.addResult(m_store->lastError());
        p.finish();
        return p.future();
    }
    QFuture<StoreError> last;
    for (qsizetype from = 0; from < batch.size() || from == 0; from += MaxBatch) {
        last = m_store->appendLog(batch.mid(from, MaxBatch));
        whenReady(last, this, [this](const StoreError &e) {
            if (e)
                reportFailure(e);
        });
        if (batch.isEmpty())
            break;
    }
    return last;
}

void UserLog::reportFailure(const StoreError &error)
{
    if (!error || error.message == m_lastFailure)
        return;
    m_lastFailure = error.message;
    qCWarning(lcUserLog) << "user log entries could not be written:" << error.message;
    Q_EMIT writeFailed(error);
}

} // namespace Oobm::Core
