// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/logentry.h"
#include "core/settings/servicesettings.h"
#include "core/store/storeerror.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QTimer>

namespace Oobm::Core {

class Store;

// The user log (Logs > Log): structured entries written to the store in batches, gated by the
// General page's log level. log() is cheap and thread-safe; a burst of thousands of entries
// becomes a few transactions on the store thread, one after the other, so that the engine's own
// store calls get their turn in between.
//
// A write that fails for a cause that passes (the SQLite file locked by another program, a full
// disk, the PostgreSQL server unreachable) keeps its entries, bounded by MaxPending (the oldest
// are dropped first and counted), and tries again after FirstRetryMs, then less and less often
// up to MaxRetryMs. Any other failure drops the batch and counts it. Either way writeFailed()
// reports the cause once, and the caller (the engine) is never held up: log() only queues.
class UserLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserLog)

public:
    static constexpr int MaxBatch = 2000;     // entries per transaction
    static constexpr int MaxPending = 100000; // kept while the store opens or a write is retried
    static constexpr int FirstRetryMs = 1000;
    static constexpr int MaxRetryMs = 30000;

    // defaultSource names this process in entries that do not name one ("console", "oobmctl").
    UserLog(Store *store, const QString &defaultSource, QObject *parent = nullptr);
    ~UserLog() override;

    LogLevel level() const;
    void setLevel(LogLevel level);
    bool accepts(Severity severity) const;

    void log(Severity severity, const QString &message, const QString &details = {}, const QString &deviceUuid = {},
             const QString &source = {});
    void error(const QString &message, const QString &details = {}) { log(Severity::Error, message, details); }
    void warning(const QString &message, const QString &details = {}) { log(Severity::Warning, message, details); }
    void information(const QString &message, const QString &details = {})
    {
        log(Severity::Information, message, details);
    }
    void debug(const QString &message, const QString &details = {}) { log(Severity::Debug, message, details); }

    // OOB Trace Logging (service setting trace-logging, off by default): engine and SOAP
    // traffic summaries as Debug entries from TraceSource, whatever the log level. Never pass a
    // secret. Thread-safe.
    static constexpr QLatin1String TraceSource{"trace"};
    bool isTracing() const { return m_tracing.loadRelaxed() != 0; }
    void setTracing(bool on) { m_tracing.storeRelaxed(on ? 1 : 0); }
    void trace(const QString &message, const QString &details = {}, const QString &deviceUuid = {});

    // Hands everything pending (kept entries too) to the store now, even while a retry waits;
    // the future resolves, from the store thread, when the last batch is written or has failed.
    // Safe from any thread, and to wait for.
    QFuture<StoreError> flush();

    // Entries lost: past MaxPending, or in a batch that failed for good.
    qint64 droppedCount() const { return m_dropped.loadRelaxed(); }
    // Entries waiting to be written (logged meanwhile, or kept for a retry). Thread-safe.
    qsizetype pendingCount() const;

    // Whether entries that failed for this cause are kept and retried (a locked file, a full
    // disk, an unreachable server: causes that pass) rather than dropped.
    static bool isTransient(const StoreError &error);

Q_SIGNALS:
    // Reported once per distinct cause, not once per entry or batch (a full disk, a locked
    // file). The message says what is wrong, what to do, and whether the entries are kept or
    // were dropped.
    void writeFailed(const Oobm::Core::StoreError &error);
    // Entries are written again after writeFailed(); lost is how many were dropped meanwhile.
    // The log itself gets an Information entry saying so (a Warning when entries were lost).
    void writeRecovered(qint64 lost);

private:
    void enqueue(LogEntry &&entry);
    QList<LogEntry> take(qsizetype count); // from the front; count < 0 for all
    void requeue(const QList<LogEntry> &batch);
    void dropPending(const StoreError &why);
    QFuture<StoreError> send(const QList<LogEntry> &batch, bool chained);
    void scheduleFlush();
    void writeNext();
    void batchDone(const QList<LogEntry> &batch, const StoreError &error, bool chained);
    void onStoreStateChanged();
    void reportFailure(const StoreError &error, qint64 droppedNow);
    void reportRecovery();
    template<typename F>
    void onOwnThread(F &&f);

    Store *m_store;
    const QString m_defaultSource;
    QAtomicInt m_level;
    QAtomicInt m_tracing;
    QAtomicInt m_flushScheduled;
    QAtomicInteger<qint64> m_dropped;

    mutable QMutex m_mutex; // guards m_pending and m_requeued
    QList<LogEntry> m_pending;
    qsizetype m_requeued = 0; // entries at the front of m_pending kept from failed batches

    // Used on this object's thread only.
    QTimer m_retryTimer;
    int m_retryDelayMs = FirstRetryMs;
    bool m_writing = false; // a batch of writeNext() is with the store
    StoreError m_failure;   // the cause writeFailed() reported, until a write succeeds
    QDateTime m_failingSince;
    qint64 m_droppedBeforeFailure = 0;
};

} // namespace Oobm::Core
