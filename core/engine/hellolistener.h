// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/hellopacket.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace Oobm::Core {

// Receives hello packets (docs/protocol.md §3): a device connects to the ProvisionServer port, sends
// one hello and closes; the server never answers. Each connection is read until the peer
// closes, at most HelloPacket::MaxSize bytes and for at most the timeout; the bytes are parsed
// by the pure HelloPacket::parse. Nothing a client sends can stall the others.
class HelloListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelloListener)

public:
    static constexpr int MaxPendingConnections = 4096;

    explicit HelloListener(QObject *parent = nullptr);
    ~HelloListener() override;

    void setTimeout(int ms) { m_timeoutMs = ms; }
    // Listens on each address (Any for all); returns an error sentence, or empty.
    QString listen(const QList<QHostAddress> &addresses, quint16 port);
    void close();
    bool isListening() const { return !m_servers.isEmpty(); }
    quint16 port() const { return m_port; }
    QString describe() const; // "0.0.0.0:9971"

Q_SIGNALS:
    void helloReceived(const Oobm::Core::HelloPacket &hello, const QHostAddress &address, quint16 port);
    // reason: "truncated: 20 bytes, a PSK hello has 32"; excerpt: the first bytes in hex.
    void helloRejected(const QHostAddress &address, quint16 port, const QString &reason, const QByteArray &excerpt);

private:
    struct Pending
    {
        QByteArray bytes;
        QTimer *timer = nullptr;
        QHostAddress address; // read at accept: gone once the peer has closed
        quint16 port = 0;
    };
    void accept(QTcpServer *server);
    void finish(QTcpSocket *socket, const QString &timeoutReason = {});

    QList<QTcpServer *> m_servers;
    QHash<QTcpSocket *, Pending> m_pending;
    quint16 m_port = 0;
    int m_timeoutMs = 5000;
};

} // namespace Oobm::Core
