// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/logentry.h"
#include "core/settings/servicesettings.h"
#include "core/store/storeerror.h"

#include <QAtomicInt>
#include <QFuture>
#include <QMutex>
#include <QObject>

namespace Oobm::Core {

class Store;

// The user log (Logs > Log): structured entries written to the store in batches, gated by the
// General page's log level. log() is cheap and thread-safe; a burst of thousands of entries
// becomes a few transactions on the store thread.
class UserLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserLog)

public:
    static constexpr int MaxBatch = 2000;     // entries per transaction
    static constexpr int MaxPending = 100000; // kept while the store is still opening

    // defaultSource names this process in entries that do not name one ("console", "oobmctl").
    UserLog(Store *store, const QString &defaultSource, QObject *parent = nullptr);
    ~UserLog() override;

    LogLevel level() const;
    void setLevel(LogLevel level);
    bool accepts(Severity severity) const;

    void log(Severity severity, const QString &message, const QString &details = {},
             const QString &deviceUuid = {}, const QString &source = {});
    void error(const QString &message, const QString &details = {})
    {
        log(Severity::Error, message, details);
    }
    void warning(const QString &message, const QString &details = {})
    {
        log(Severity::Warning, message, details);
    }
    void information(const QString &message, const QString &details = {})
    {
        log(Severity::Information, message, details);
    }
    void debug(const QString &message, const QString &details = {})
    {
        log(Severity::Debug, message, details);
    }

    // OOB Trace Logging (service setting trace-logging, off by default): engine and SOAP
    // traffic summaries as Debug entries from TraceSource, whatever the log level. Never pass a
    // secret. Thread-safe.
    static constexpr QLatin1String TraceSource{ "trace" };
    bool isTracing() const { return m_tracing.loadRelaxed() != 0; }
    void setTracing(bool on) { m_tracing.storeRelaxed(on ? 1 : 0); }
    void trace(const QString &message, const QString &details = {}, const QString &deviceUuid = {});

    // Hands everything pending to the store now; the future resolves when the last batch is
    // written. Safe from any thread.
    QFuture<StoreError> flush();

    qint64 droppedCount() const { return m_dropped.loadRelaxed(); }

Q_SIGNALS:
    // Reported once per distinct cause, not once per entry (a full disk, a locked file).
    void writeFailed(const Oobm::Core::StoreError &error);

private:
    void scheduleFlush();
    void onStoreStateChanged();
    void reportFailure(const StoreError &error);

    Store *m_store;
    const QString m_defaultSource;
    QAtomicInt m_level;
    QAtomicInt m_tracing;
    QAtomicInt m_flushScheduled;
    QAtomicInteger<qint64> m_dropped;

    QMutex m_mutex;
    QList<LogEntry> m_pending;
    QString m_lastFailure;
};

} // namespace Oobm::Core
