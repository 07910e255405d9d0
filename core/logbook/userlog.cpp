// SPDX-License-Identifier: GPL-2.0-or-later
#include "userlog.h"

#include "core/async.h"
#include "core/logging.h"
#include "core/store/store.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QPromise>
#include <QThread>

#include <algorithm>

namespace Oobm::Core {

namespace {
QFuture<StoreError> readyFuture(const StoreError &error)
{
    QPromise<StoreError> p;
    p.start();
    p.addResult(error);
    p.finish();
    return p.future();
}
} // namespace

UserLog::UserLog(Store *store, const QString &defaultSource, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_defaultSource(defaultSource)
    , m_level(int(ServiceSettings{}.logLevel))
    , m_retryTimer(this)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &UserLog::writeNext);
    connect(store, &Store::serviceSettingsChanged, this, [this](const ServiceSettings &settings) {
        setLevel(settings.logLevel);
        setTracing(settings.traceLogging);
    });
    connect(store, &Store::stateChanged, this, &UserLog::onStoreStateChanged);
}

UserLog::~UserLog()
{
    // What is still pending goes to the store in one transaction (one busy wait at most, should
    // the file be locked); nobody is left to retry it, so a failure is only reported.
    if (!m_store->isWritable())
        return;
    const QList<LogEntry> rest = take(-1);
    if (rest.isEmpty())
        return;
    m_store->appendLog(rest).then(QtFuture::Launch::Sync, [n = rest.size()](const StoreError &e) {
        if (e)
            qCWarning(lcUserLog).noquote() << n << "user log entries were lost at exit:" << e.message;
    });
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

bool UserLog::isTransient(const StoreError &error)
{
    switch (error.kind) {
    case StoreError::Kind::FileLocked:
    case StoreError::Kind::DiskFull:
    case StoreError::Kind::ServerUnreachable:
        return true;
    default:
        return false;
    }
}

qsizetype UserLog::pendingCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_pending.size();
}

template<typename F>
void UserLog::onOwnThread(F &&f)
{
    if (QThread::currentThread() == thread())
        f();
    else
        QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
}

void UserLog::trace(const QString &message, const QString &details, const QString &deviceUuid)
{
    if (!isTracing())
        return;
    enqueue(LogEntry::make(Severity::Debug, TraceSource, message, details, deviceUuid));
}

void UserLog::log(Severity severity, const QString &message, const QString &details, const QString &deviceUuid,
                  const QString &source)
{
    if (!accepts(severity))
        return;
    enqueue(LogEntry::make(severity, source.isEmpty() ? m_defaultSource : source, message, details, deviceUuid));
}

void UserLog::enqueue(LogEntry &&entry)
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_pending.size() >= MaxPending) {
            m_pending.removeFirst();
            m_requeued = std::max<qsizetype>(0, m_requeued - 1);
            m_dropped.fetchAndAddRelaxed(1);
        }
        m_pending.append(std::move(entry));
    }
    scheduleFlush();
}

QList<LogEntry> UserLog::take(qsizetype count)
{
    QMutexLocker locker(&m_mutex);
    QList<LogEntry> batch;
    if (count < 0 || count >= m_pending.size()) {
        batch.swap(m_pending);
    } else {
        batch = m_pending.first(count);
        m_pending.remove(0, count);
    }
    m_requeued = std::max<qsizetype>(0, m_requeued - batch.size());
    return batch;
}

void UserLog::requeue(const QList<LogEntry> &batch)
{
    QMutexLocker locker(&m_mutex);
    // After the entries kept before (older), before those logged since (newer).
    QList<LogEntry> merged;
    merged.reserve(m_pending.size() + batch.size());
    merged.append(m_pending.first(m_requeued));
    merged.append(batch);
    merged.append(m_pending.sliced(m_requeued));
    m_pending.swap(merged);
    m_requeued += batch.size();
    const qsizetype excess = m_pending.size() - MaxPending;
    if (excess > 0) {
        m_pending.remove(0, excess);
        m_requeued = std::max<qsizetype>(0, m_requeued - excess);
        m_dropped.fetchAndAddRelaxed(excess);
    }
}

void UserLog::dropPending(const StoreError &why)
{
    qsizetype n = 0;
    {
        QMutexLocker locker(&m_mutex);
        n = m_pending.size();
        m_pending.clear();
        m_requeued = 0;
    }
    if (n == 0)
        return;
    m_dropped.fetchAndAddRelaxed(n);
    onOwnThread([this, why, n] { reportFailure(why, n); });
}

void UserLog::scheduleFlush()
{
    // One queued writeNext() at a time: everything logged before it runs goes into its batch.
    if (m_flushScheduled.testAndSetOrdered(0, 1))
        QMetaObject::invokeMethod(this, &UserLog::writeNext, Qt::QueuedConnection);
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

QFuture<StoreError> UserLog::send(const QList<LogEntry> &batch, bool chained)
{
    QFuture<StoreError> f = m_store->appendLog(batch);
    onOwnThread([this, f, batch, chained] {
        whenReady(f, this, [this, batch, chained](const StoreError &e) { batchDone(batch, e, chained); });
    });
    return f;
}

void UserLog::writeNext()
{
    m_flushScheduled.storeRelease(0);
    // One batch at a time; while a retry waits, entries only queue up.
    if (m_writing || m_retryTimer.isActive())
        return;
    const Store::State state = m_store->state();
    if (state == Store::State::Closed || state == Store::State::Opening)
        return; // kept until the store opens (bounded by MaxPending)
    if (!m_store->isWritable()) {
        dropPending(m_store->lastError());
        return;
    }
    const QList<LogEntry> batch = take(MaxBatch);
    if (batch.isEmpty())
        return;
    m_writing = true;
    send(batch, true);
}

QFuture<StoreError> UserLog::flush()
{
    const Store::State state = m_store->state();
    if (state == Store::State::Closed || state == Store::State::Opening)
        return readyFuture({}); // kept until the store opens (bounded by MaxPending)
    if (!m_store->isWritable()) {
        dropPending(m_store->lastError());
        return readyFuture(m_store->lastError());
    }
    const QList<LogEntry> all = take(-1);
    if (all.isEmpty())
        return m_store->appendLog({}); // resolves after the batches already with the store
    QFuture<StoreError> last;
    for (qsizetype from = 0; from < all.size(); from += MaxBatch)
        last = send(all.mid(from, MaxBatch), false);
    return last;
}

void UserLog::batchDone(const QList<LogEntry> &batch, const StoreError &error, bool chained)
{
    if (chained)
        m_writing = false;
    if (!error) {
        if (m_failure) {
            reportRecovery();
            if (!chained)
                scheduleFlush(); // what was kept for the retry
        }
        if (chained)
            writeNext();
        return;
    }
    if (isTransient(error)) {
        requeue(batch);
        reportFailure(error, 0);
        if (!m_retryTimer.isActive()) {
            m_retryTimer.start(m_retryDelayMs);
            m_retryDelayMs = std::min(m_retryDelayMs * 2, MaxRetryMs);
        }
        return;
    }
    m_dropped.fetchAndAddRelaxed(batch.size());
    reportFailure(error, batch.size());
    if (chained)
        writeNext();
}

void UserLog::reportFailure(const StoreError &error, qint64 droppedNow)
{
    if (!error || (m_failure && error.message == m_failure.message))
        return;
    if (!m_failure) {
        m_failingSince = QDateTime::currentDateTime();
        m_droppedBeforeFailure = m_dropped.loadRelaxed() - droppedNow;
    }
    m_failure = error;
    StoreError reported = error;
    if (isTransient(error))
        reported.message = tr("%1 Log entries are kept (up to %2) and written as soon as this "
                              "is solved.")
                                   .arg(error.message)
                                   .arg(MaxPending);
    else
        reported.message = tr("%1 These log entries were dropped.").arg(error.message);
    qCWarning(lcUserLog).noquote() << "user log entries could not be written:" << reported.message;
    Q_EMIT writeFailed(reported);
}

void UserLog::reportRecovery()
{
    const StoreError cause = m_failure;
    const qint64 lost = m_dropped.loadRelaxed() - m_droppedBeforeFailure;
    m_failure = {};
    m_retryTimer.stop();
    m_retryDelayMs = FirstRetryMs;
    const QString since = m_failingSince.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QString message = lost == 0
            ? tr("Log entries are written again; none was lost since %1.").arg(since)
            : tr("Log entries are written again; %1 were lost since %2.").arg(lost).arg(since);
    qCWarning(lcUserLog).noquote() << message;
    log(lost == 0 ? Severity::Information : Severity::Warning, message,
        tr("They could not be written: %1").arg(cause.message));
    Q_EMIT writeRecovered(lost);
}

} // namespace Oobm::Core
