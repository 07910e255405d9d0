// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hellopacket.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

namespace Oobm::Core {

// Sends one hello the way a device does (docs/protocol.md §3.1: connect, write, close), for the
// reference's RCT tool: Service Location's hello sender and `oobmctl hello send`. Blocking:
// call it off the GUI thread.
class HelloClient
{
    Q_DECLARE_TR_FUNCTIONS(Oobm::Core::HelloClient)

public:
    // Empty on success, else what went wrong and what to check.
    static QString send(const QHostAddress &server, quint16 port, const HelloPacket &hello, int timeoutMs = 5000);

    // "HOST:PORT", "HOST" (port 9971) or "[v6]:PORT". *host is the name or address as given.
    static bool parseServer(const QString &text, QString *host, quint16 *port, QString *error);
};

} // namespace Oobm::Core
