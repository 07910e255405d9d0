// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Oobm::Core {

// How a task run goes through its systems: in batches ("waves") of batchSize, at most
// concurrency at once, pausing between batches, and stopping when too much of a batch failed.
struct WavePolicy
{
    static constexpr int MaxConcurrency = 4096;

    int concurrency = 50; // systems worked on at once, across every engine
    int batchSize = 500;  // systems per wave
    int pauseSeconds = 0; // between the end of one wave and the start of the next
    int stopPercent = 0;  // stop the run when more than this share of a wave failed; 0: never

    QString problem() const;  // empty, or what is wrong ("A wave of 0 systems ...")
    QString describe() const; // "waves of 500, 50 at once, 60 s apart, stop above 20 % failed"

    QByteArray toJson() const;
    static WavePolicy fromJson(const QByteArray &json);
    bool operator==(const WavePolicy &other) const = default;
};

} // namespace Oobm::Core
