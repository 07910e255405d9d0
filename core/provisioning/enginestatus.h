// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Oobm::Core {

// A running engine, as its heartbeat says.
struct EngineStatus
{
    QString id;
    QString host;
    QString listen; // "0.0.0.0:9971"
    QDateTime started;
    QDateTime heartbeat;
    QString error; // why it is not listening, or empty
    int inFlight = 0;
    bool isAlive(const QDateTime &now) const { return heartbeat.secsTo(now) < 30; }
};

} // namespace Oobm::Core
