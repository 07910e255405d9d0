// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace Oobm::Bench {

// amt-sim as a benchmark starts it: a process with its control interface on a free loopback port
// (one JSON line each way). Stopped with SIGTERM on destruction.
class SimFleet
{
public:
    SimFleet() = default;
    SimFleet(const SimFleet &) = delete;
    SimFleet &operator=(const SimFleet &) = delete;
    ~SimFleet();

    // Starts amt-sim with these arguments (and --control) and waits for "ready"; says why not on
    // stderr.
    bool start(const QStringList &arguments, int timeoutMs = 120000);
    QJsonObject control(const QJsonObject &request) const;

private:
    QProcess m_process;
    quint16 m_control = 0;
};

} // namespace Oobm::Bench
