// SPDX-License-Identifier: GPL-2.0-or-later
#include "waveplanner.h"

#include <QCoreApplication>

namespace Oobm::Core::WavePlanner {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::WavePlanner", text);
}
} // namespace

Step afterWave(const TaskRun &run, const WaveTally &wave, const QDateTime &now)
{
    Step step;
    if (wave.open > 0)
        return step;
    const int judged = wave.succeeded + wave.failed; // skipped and cancelled systems are not failures
    if (run.wave.stopPercent > 0 && judged > 0 && qint64(wave.failed) * 100 > qint64(run.wave.stopPercent) * judged) {
        step.kind = Step::Kind::Stop;
        step.reason = tr("Stopped after wave %1: %2 of its %3 systems failed, more than the %4 % the stop rule allows.")
                              .arg(run.currentWave + 1)
                              .arg(wave.failed)
                              .arg(judged)
                              .arg(run.wave.stopPercent);
        return step;
    }
    if (run.currentWave + 1 < run.wavesTotal) {
        step.kind = Step::Kind::NextWave;
        step.nextWaveStart = now.addSecs(run.wave.pauseSeconds);
        return step;
    }
    step.kind = Step::Kind::Complete;
    return step;
}

int waveOf(int index, const WavePolicy &policy)
{
    return index / qMax(1, policy.batchSize);
}

int waveCount(int systems, const WavePolicy &policy)
{
    const int size = qMax(1, policy.batchSize);
    return systems <= 0 ? 0 : (systems + size - 1) / size;
}

int freeSlots(const WavePolicy &policy, int runningEverywhere, int engineRoom)
{
    return qMax(0, qMin(policy.concurrency - runningEverywhere, engineRoom));
}

} // namespace Oobm::Core::WavePlanner
