// SPDX-License-Identifier: GPL-2.0-or-later
#include "taskrunner.h"

#include "core/amt/amtclient.h"
#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"

#include <QTimer>

namespace Oobm::Core {

namespace {
const QString Source = QStringLiteral("tasks");
} // namespace

TaskRunner::TaskRunner(Store *store, UserLog *log, Amt::AmtClient *client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_log(log)
    , m_client(client)
    , m_tick(new QTimer(this))
    , m_flush(new QTimer(this))
    , m_renew(new QTimer(this))
{
    connect(m_tick, &QTimer::timeout, this, &TaskRunner::tick);
    m_flush->setSingleShot(true);
    connect(m_flush, &QTimer::timeout, this, &TaskRunner::flush);
    connect(m_renew, &QTimer::timeout, this, &TaskRunner::renewClaims);
    // A run made or changed anywhere (a console's request, another engine's wave): look now.
    connect(m_store, &Store::runsChanged, this, &TaskRunner::wake);
}

TaskRunner::~TaskRunner() = default;

QDateTime TaskRunner::now() const
{
    return m_options.device.clock ? m_options.device.clock() : QDateTime::currentDateTimeUtc();
}

void TaskRunner::start(const QString &engineId, const Options &options)
{
    m_engineId = engineId;
    m_options = options;
    m_stopping = false;
    m_running = true;
    whenReady(m_store->releaseRunWork(m_engineId), this, [this](const StoreResult<int> &released) {
        if (released.value > 0)
            m_log->log(Severity::Warning,
                       tr("%n systems of task runs were being worked on when this engine last stopped; they are "
                          "taken up again (power states are checked first, so no device is switched twice).",
                          nullptr, released.value),
                       {}, {}, Source);
        m_tick->start(m_options.tickMs);
        // Claims are renewed well before they run out: an operation tried again, or waiting for a
        // thread of the pool, must not be taken (and done again) by another engine meanwhile.
        m_renew->start(int(qMax<qint64>(1000, m_options.leaseMs / 3)));
        tick();
    });
}

void TaskRunner::stop()
{
    if (!m_running) {
        Q_EMIT stopped();
        return;
    }
    m_stopping = true;
    m_tick->stop();
    checkStopped();
}

void TaskRunner::checkStopped()
{
    if (!m_stopping || m_inFlight > 0 || m_flushing || m_claiming)
        return;
    if (!m_outcomes.isEmpty()) {
        flush();
        return;
    }
    m_running = false;
    m_renew->stop();
    Q_EMIT stopped();
}

void TaskRunner::renewClaims()
{
    if (m_inFlight == 0)
        return;
    whenReady(m_store->renewRunWork(m_engineId, now().addMSecs(m_options.leaseMs)), this,
              [this](const StoreResult<int> &r) {
        if (!r.ok())
            m_log->log(Severity::Warning,
                       tr("Task runs: the claims of this engine could not be renewed (tried again): %1")
                               .arg(r.error.message),
                       {}, {}, Source);
    });
}

void TaskRunner::wake()
{
    if (m_running && !m_stopping)
        QTimer::singleShot(0, this, &TaskRunner::tick);
}

void TaskRunner::tick()
{
    if (!m_running || m_stopping)
        return;
    const QDateTime t = now();
    if (!m_lastSchedule.isValid() || m_lastSchedule.msecsTo(t) >= m_options.scheduleEveryMs) {
        m_lastSchedule = t;
        schedule();
    }
    claim();
    advance();
}

void TaskRunner::schedule()
{
    whenReady(m_store->scheduleDueTasks(now()), this, [this](const StoreResult<int> &r) {
        if (!r.ok())
            m_log->log(Severity::Error, tr("Scheduled tasks could not be started: %1").arg(r.error.message), {}, {},
                       Source);
    });
}

void TaskRunner::claim()
{
    const int room = m_options.maxConcurrent - m_inFlight;
    if (m_claiming || room <= 0)
        return;
    m_claiming = true;
    whenReady(m_store->claimRunWork(m_engineId, room, m_options.leaseMs, now()), this,
              [this](const StoreResult<QList<RunWork>> &r) {
        m_claiming = false;
        if (!r.ok()) {
            m_log->log(Severity::Error, tr("Task runs: systems could not be claimed: %1").arg(r.error.message), {}, {},
                       Source);
            checkStopped();
            return;
        }
        for (const RunWork &work : r.value) {
            ++m_inFlight;
            perform(work, 1);
        }
        // Full: there may be more to take right away.
        if (!r.value.isEmpty() && !m_stopping)
            wake();
        checkStopped();
    });
}

void TaskRunner::perform(const RunWork &work, int tries)
{
    const DeviceOperationOptions device = m_options.device;
    whenReady(m_client->runTask([work, device] { return runDeviceOperation(work, device); }), this,
              [this, work, tries](const RunOutcome &outcome) {
        if (tries >= m_options.attempts || m_stopping || !isTransientFailure(outcome)
            || !isSafeToRepeat(work.operation)) {
            report(outcome);
            return;
        }
        // The device may have acted before the answer was lost: the next attempt looks first
        // where the operation can (runDeviceOperation), which a higher attempt number asks for.
        RunWork again = work;
        again.attempt = outcome.attempt + 1;
        QTimer::singleShot(m_options.retryBackoffMs * tries, this, [this, again, tries, outcome] {
            if (m_stopping)
                report(outcome);
            else
                perform(again, tries + 1);
        });
    });
}

void TaskRunner::report(const RunOutcome &outcome)
{
    --m_inFlight;
    m_outcomes << outcome;
    // Group commit: an outcome is written at once when no batch is being written, else with the
    // next batch, which gathers what comes in while the store writes this one. Waiting to fill a
    // batch would leave slots idle: the store counts a run's concurrency from its unwritten
    // outcomes, so a finished system's slot is free for the next one only once it is written.
    // After a failed write, the retry timer decides when to try again.
    if (m_flush->isActive())
        checkStopped();
    else
        flush();
}

void TaskRunner::flush()
{
    if (m_flushing || m_outcomes.isEmpty()) {
        checkStopped();
        return;
    }
    m_flushing = true;
    const QList<RunOutcome> batch = std::exchange(m_outcomes, {});
    whenReady(m_store->finishRunWork(batch, m_engineId, now()), this, [this, batch](const StoreError &e) {
        m_flushing = false;
        if (e) {
            // Kept for the next try: a result is never lost because the store was busy.
            m_outcomes = batch + m_outcomes;
            m_log->log(Severity::Error, tr("Task results could not be written (tried again): %1").arg(e.message), {},
                       {}, Source);
            if (!m_flush->isActive())
                m_flush->start(m_options.retryWriteMs);
        } else {
            // The next batch: what came in while this one was written.
            if (!m_outcomes.isEmpty()) {
                flush();
                return;
            }
            // The wave may be done: advance it now (also while stopping, so a run this engine
            // finished ends with it), then claim what is free.
            advance();
            wake();
        }
        checkStopped();
    });
}

void TaskRunner::advance()
{
    if (m_advancing)
        return;
    m_advancing = true;
    whenReady(m_store->advanceRuns(now()), this, [this](const StoreResult<QList<qint64>> &r) {
        m_advancing = false;
        for (qint64 id : r.value) {
            whenReady(m_store->taskRun(id), this, [this](const StoreResult<TaskRun> &run) {
                if (!run.ok() || !isFinished(run.value.state))
                    return;
                const Severity severity = run.value.state == RunState::Completed && run.value.failed == 0
                        ? Severity::Information
                        : Severity::Warning;
                m_log->log(severity,
                           tr("Task run %1 (%2) %3: %4 succeeded, %5 failed, %6 skipped, %7 not started. %8")
                                   .arg(run.value.id)
                                   .arg(run.value.name, runStateName(run.value.state).toLower())
                                   .arg(run.value.succeeded)
                                   .arg(run.value.failed)
                                   .arg(run.value.skipped)
                                   .arg(run.value.cancelled)
                                   .arg(run.value.stopReason),
                           {}, {}, Source);
                Q_EMIT runEnded(run.value.id);
            });
        }
    });
}

} // namespace Oobm::Core
