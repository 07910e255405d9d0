// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/operation.h"
#include "core/fleet/wavepolicy.h"

#include <QDateTime>
#include <QString>

namespace Oobm::Core {

// Where a run is. The numbers are stored.
enum class RunState {
    Queued = 0,    // made; no engine has started it yet
    Running = 1,   // its waves are being worked on
    Stopped = 2,   // the stop rule stopped it (stopReason says why)
    Cancelled = 3, // someone cancelled it
    Completed = 4, // every system has a result
};
QString runStateName(RunState state); // translated
QString runStateKey(RunState state);  // "running", for the CLI and JSON
bool isFinished(RunState state);

// One run of a task (or one request from a page, such as Power off on selected systems): the
// target as resolved when it was made, its progress, and who asked.
struct TaskRun
{
    qint64 id = 0;
    qint64 taskId = 0; // 0: a one-off request
    QString name;      // the task's name, or what the request was ("Power off 3 systems")
    Operation operation = Operation::PowerOn;
    WavePolicy wave;
    QString target; // as described when the run was made
    QString createdBy;
    QDateTime created;
    QDateTime due;
    RunState state = RunState::Queued;
    int wavesTotal = 0;
    int currentWave = 0; // 0-based
    QDateTime waveStart; // when the current wave may start (after the pause)
    int total = 0;
    int succeeded = 0;
    int failed = 0;
    int skipped = 0;
    int cancelled = 0;
    QString stopReason;
    QDateTime started;
    QDateTime finished;

    int done() const { return succeeded + failed + skipped + cancelled; }
};

// What became of one system in a run. The numbers are stored.
enum class RunSystemState { Pending = 0, Running = 1, Succeeded = 2, Failed = 3, Skipped = 4, Cancelled = 5 };
QString runSystemStateName(RunSystemState state);
QString runSystemStateKey(RunSystemState state);

struct RunSystem
{
    qint64 runId = 0;
    QString uuid;
    QString name; // the system's name or FQDN, in listings
    int wave = 0;
    RunSystemState state = RunSystemState::Pending;
    QString status;  // PT_STATUS name when the device answered one, else the error category
    QString message; // what went wrong, or what was done
    QString engine;
    int attempt = 0;
    QDateTime started;
    QDateTime finished;
};

} // namespace Oobm::Core
