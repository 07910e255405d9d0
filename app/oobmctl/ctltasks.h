// SPDX-License-Identifier: GPL-2.0-or-later
// tasks create, list, show, run, cancel, delete, enable, disable: operations on collections or
// systems, now or on a schedule, in waves; and the runs the engines make of them. What systems
// power, boot and unprovision share with them: the target and wave options, starting a one-off run
// and waiting for its end.
#pragma once

#include "ctlcommon.h"

#include "core/fleet/taskrun.h"

namespace Oobm::Ctl {

// --wave N, --concurrency N, --pause S, --stop-percent P over the defaults; a bad value or a policy
// that cannot run (a wave of 0) is a usage error.
bool parseWavePolicy(Context &c, Core::WavePolicy *wave, int *exitCode);
// Whether the command names its target: --collection, --system, or UUIDs as arguments.
bool hasTarget(Context &c, const QStringList &uuids);
// --collection NAME|ID, or --system UUID (repeatable, comma lists) and uuids; both or neither is a
// usage error, an unknown collection a runtime one.
bool parseTarget(Context &c, Core::Store &store, const QStringList &uuids, Core::TaskTarget *target, int *exitCode);
// Whether an engine's heartbeat is recent (and it has not stopped): the engines do the runs.
bool anyEngineAlive(Core::Store &store, QString *error);

enum class RunOutput {
    Run,         // the run's summary line
    Unprovision, // systems unprovision's summary sentence (full or partial)
};
// Asks the store for the run. Without wait, prints its number and returns. With wait (refused when
// no engine is alive, before anything is made), shows progress on stderr until it ends, then one
// line per system and a summary; the exit status is 1 when a system failed or the run did not
// complete.
int startRun(Context &c, Core::Store &store, const Core::RunRequest &request, bool wait, RunOutput output);
// Waits for the run's end as startRun does.
int followRun(Context &c, Core::Store &store, qint64 runId, RunOutput output);

int tasksCreate(Context &c);
int tasksList(Context &c);
int tasksShow(Context &c);
int tasksRun(Context &c);
int tasksCancel(Context &c);
int tasksDelete(Context &c);
int tasksEnable(Context &c);
int tasksDisable(Context &c);

} // namespace Oobm::Ctl
