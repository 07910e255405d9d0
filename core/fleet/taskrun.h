// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/operation.h"
#include "core/fleet/task.h"
#include "core/fleet/wavepolicy.h"
#include "core/keys/keyledger.h"
#include "core/keys/tlscertificate.h"
#include "core/provisioning/amtsystem.h"
#include "core/provisioning/provisionprofile.h"

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
    QString parameter;
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

// A request for a run: a task now (its operation, target and waves), the systems of an earlier run
// that failed, or a one-off (a page's Power off on selected systems).
struct RunRequest
{
    qint64 taskId = 0;        // run this task now; or
    qint64 failedOfRunId = 0; // run this run's operation again on its failed systems; or a one-off:
    QString name;             // "Power off 3 systems"
    Operation operation = Operation::PowerOn;
    TaskTarget target;
    WavePolicy wave;
    QString parameter; // what the operation needs besides the system (RestartHello: HOST:PORT of the agent)
    AuditActor actor;  // who asks (the Security Audit records it)
};

// What an engine claims: one system of one run, with what it needs to talk to the device.
struct RunWork
{
    qint64 runId = 0;
    Operation operation = Operation::PowerOn;
    int attempt = 1;
    AmtSystem system; // with its admin credentials and pinned TLS certificate
    // RotateAdminPassword: the password to set (sealed in the store before the device gets it),
    // and one an earlier attempt may have set already.
    QString newAdminPassword;
    QString previousPassword;
    // ReapplyProfile: the system's profile with its secrets, and the TLS certificate it installs.
    ProvisionProfile profile;
    TlsCertificate tlsCertificate;
    QString parameter; // the run's parameter (RestartHello: the host agent, HOST:PORT)
    QString problem;   // not empty: why it cannot be done (reported as its failure, the device untouched)
};

// What an engine reports for one system of a run.
struct RunOutcome
{
    qint64 runId = 0;
    QString uuid;
    Operation operation = Operation::PowerOn;
    RunSystemState state = RunSystemState::Succeeded;
    QString status;
    QString message;
    int durationMs = 0;
    int attempt = 1;
    QString newAdminPassword;     // RotateAdminPassword: the password the device has now (sealed by the store)
    QByteArray tlsCertificatePem; // ReapplyProfile with TLS: the certificate installed now (pinned)
};

// Which runs a listing shows, newest first.
struct RunFilter
{
    bool openOnly = false; // queued or running
    qint64 taskId = 0;
    qint64 beforeId = 0;
    int limit = 200;
};

} // namespace Oobm::Core
