// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/operation.h"
#include "core/fleet/schedule.h"
#include "core/fleet/wavepolicy.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// Which systems a task works on: a collection (resolved when a run starts), or systems chosen by
// UUID.
struct TaskTarget
{
    qint64 collectionId = 0; // a collection (negative: a built-in one); 0: the UUIDs below
    QString collectionName;  // in listings
    QStringList uuids;

    bool isEmpty() const { return collectionId == 0 && uuids.isEmpty(); }
    QString describe() const; // "collection Lab", "3 systems"
};

// A task: an operation, a target and a schedule, run in waves by the engines. Each time it is due
// the engines make a run of it (TaskRun), which keeps the target as it was resolved then.
struct Task
{
    qint64 id = 0;
    QString name;
    Operation operation = Operation::PowerOn;
    TaskTarget target;
    Schedule schedule;
    WavePolicy wave;
    QString parameter; // what the operation needs besides the system (RestartHello: HOST:PORT of the agent)
    bool enabled = true;
    QString createdBy;
    QDateTime created;
    QDateTime nextDue; // of a scheduled task; invalid: not due again
    QDateTime lastRun;

    // Empty, or what is wrong with the task as given at now (its target's existence and
    // credentials are the store's to check).
    QString problem(const QDateTime &now) const;
};

// What saving a task made: the task, and the run a task scheduled "now" started at once (0: none).
struct TaskSaved
{
    qint64 taskId = 0;
    qint64 runId = 0;
};

} // namespace Oobm::Core
