// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/engine/deviceoperation.h"
#include "core/fleet/taskrun.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>

class QTimer;

namespace Oobm::Core {

namespace Amt {
class AmtClient;
}
class Store;
class UserLog;

// An engine's part in task runs (docs/architecture.md, "Tasks"): it makes the runs of scheduled
// tasks when they are due, claims systems of open runs' current waves as it has room (the store
// keeps each run's concurrency across engines), does each operation on the AMT client's pool,
// reports the outcomes in batches, and moves the runs on to their next wave, their end or their
// stop. Lives on the engine's thread.
class TaskRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskRunner)

public:
    struct Options
    {
        int maxConcurrent = 256;    // operations at once on this engine
        qint64 leaseMs = 120000;    // how long a claim lasts before another engine may take it
        int tickMs = 500;           // how often it looks for work when nothing wakes it
        int scheduleEveryMs = 5000; // how often it looks for due tasks
        int retryWriteMs = 1000;    // outcomes that could not be written are tried again after this
        // Tries of an operation that is safe to repeat (isSafeToRepeat) after a transient failure
        // (isTransientFailure), the claim held meanwhile; the n-th waits n times the backoff.
        int attempts = 3;
        int retryBackoffMs = 1000;
        DeviceOperationOptions device;
    };

    TaskRunner(Store *store, UserLog *log, Amt::AmtClient *client, QObject *parent = nullptr);
    ~TaskRunner() override;

    // Starts working for engineId (what an earlier run of it left claimed is released first).
    void start(const QString &engineId, const Options &options);
    // Stops claiming; operations under way finish and are reported, then stopped().
    void stop();
    bool isRunning() const { return m_running; }
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    void stopped();
    // A run this engine moved to its end (completed, stopped by its rule).
    void runEnded(qint64 runId);

private:
    QDateTime now() const;
    void tick();
    void claim();
    void perform(const RunWork &work, int tries);
    void report(const RunOutcome &outcome);
    void flush();
    void advance();
    void schedule();
    void wake();
    void checkStopped();
    void renewClaims();

    Store *m_store;
    UserLog *m_log;
    Amt::AmtClient *m_client;
    Options m_options;
    QString m_engineId;
    QTimer *m_tick;
    QTimer *m_flush;
    QTimer *m_renew;
    QList<RunOutcome> m_outcomes;
    int m_inFlight = 0;
    bool m_running = false;
    bool m_stopping = false;
    bool m_claiming = false;
    bool m_flushing = false;
    bool m_advancing = false;
    QDateTime m_lastSchedule;
};

} // namespace Oobm::Core
