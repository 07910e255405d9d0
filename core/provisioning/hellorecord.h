// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// One hello as received, with what became of it.
struct HelloRecord
{
    qint64 id = 0;
    QDateTime time;
    QString address;
    quint16 port = 0;
    int version = 0; // 2 PSK, 3 PKI; 0 malformed
    QString uuid;
    QByteArray pid;
    QStringList rootHashes; // "sha1:ABCD..." for PKI hellos
    int retry = 0;
    bool adminCredentialsSet = false;
    QString outcome; // "provisioning", "awaiting authorization", "failed to find PID ...", ...
    QString engine;  // which engine received it
};

} // namespace Oobm::Core
