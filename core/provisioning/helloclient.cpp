// SPDX-License-Identifier: GPL-2.0-or-later
#include "helloclient.h"

#include <QTcpSocket>

namespace Oobm::Core {

QString HelloClient::send(const QHostAddress &server, quint16 port, const HelloPacket &hello, int timeoutMs)
{
    const QString where = server.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]:%2").arg(server.toString()).arg(port)
            : QStringLiteral("%1:%2").arg(server.toString()).arg(port);
    QTcpSocket socket;
    socket.connectToHost(server, port);
    if (!socket.waitForConnected(timeoutMs))
        return tr("Cannot connect to %1: %2. Check that the provisioning engine runs and listens "
                  "there, and that the firewall lets TCP port %3 through.")
                .arg(where, socket.errorString())
                .arg(port);
    const QByteArray bytes = hello.encode();
    socket.write(bytes);
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(timeoutMs))
            return tr("Connected to %1, but the hello could not be sent: %2.").arg(where, socket.errorString());
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
    return {};
}

bool HelloClient::parseServer(const QString &text, QString *host, quint16 *port, QString *error)
{
    const QString t = text.trimmed();
    *port = 9971;
    QString portText;
    if (t.startsWith(u'[')) {
        const qsizetype close = t.indexOf(u']');
        *host = close > 0 ? t.mid(1, close - 1) : QString();
        if (close > 0 && t.mid(close + 1).startsWith(u':'))
            portText = t.mid(close + 2);
    } else if (t.count(u':') == 1) {
        *host = t.section(u':', 0, 0);
        portText = t.section(u':', 1);
    } else {
        *host = t;
    }
    if (host->isEmpty()) {
        *error = tr("Give the provisioning server as HOST:PORT, such as 127.0.0.1:9971 or "
                    "scs.example.com:9971.");
        return false;
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint p = portText.toUInt(&ok);
        if (!ok || p < 1 || p > 65535) {
            *error = tr("'%1' is not a port: use a number from 1 to 65535 (hellos go to 9971 "
                        "unless the engine listens elsewhere).")
                             .arg(portText);
            return false;
        }
        *port = quint16(p);
    }
    return true;
}

} // namespace Oobm::Core
