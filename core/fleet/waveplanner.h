// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/taskrun.h"
#include "core/fleet/wavepolicy.h"

#include <QDateTime>
#include <QString>

// How a task run goes through its waves: pure decisions, no database. The engines ask it under
// the run's row lock when a wave has no open systems left (SqlTaskLedger::advanceRuns), so one
// of them decides for all; tests/core/tst_waveplanner.cpp holds its rows.
namespace Oobm::Core::WavePlanner {

// The systems of the current wave, by what became of them.
struct WaveTally
{
    int total = 0;
    int succeeded = 0;
    int failed = 0;
    int skipped = 0;
    int cancelled = 0;
    int open = 0; // pending or running
};

struct Step
{
    enum class Kind {
        Wait,     // the wave still has open systems
        NextWave, // start the next wave at nextWaveStart (after the pause)
        Stop,     // the stop rule: reason says why
        Complete, // the last wave is done
    };
    Kind kind = Kind::Wait;
    QDateTime nextWaveStart;
    QString reason;
};

Step afterWave(const TaskRun &run, const WaveTally &wave, const QDateTime &now);

// The wave of the index-th system of a run's target (0-based), and how many waves n systems make.
int waveOf(int index, const WavePolicy &policy);
int waveCount(int systems, const WavePolicy &policy);

// How many more systems of a run may start now: its concurrency less those running on every
// engine, no more than this engine has room for.
int freeSlots(const WavePolicy &policy, int runningEverywhere, int engineRoom);

} // namespace Oobm::Core::WavePlanner
