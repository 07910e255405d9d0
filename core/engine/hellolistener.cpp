// SPDX-License-Identifier: GPL-2.0-or-later
#include "hellolistener.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Oobm::Core {

namespace {
constexpr int ExcerptBytes = 48;
} // namespace

HelloListener::HelloListener(QObject *parent)
    : QObject(parent)
{ }

HelloListener::~HelloListener()
{
    close();
}

QString HelloListener::listen(const QList<QHostAddress> &addresses, quint16 port)
{
    close();
    for (const QHostAddress &address : addresses) {
        auto *server = new QTcpServer(this);
        server->setMaxPendingConnections(MaxPendingConnections);
        server->setListenBacklogSize(1024);
        if (!server->listen(address, port)) {
            const QString why = server->serverError() == QAbstractSocket::AddressInUseError
                    ? tr("port %1 is in use on %2: another provisioning service (or another OOBM engine) "
                         "listens there. Stop it, or choose another port on the General page.")
                              .arg(port)
                              .arg(address == QHostAddress::Any ? tr("all addresses") : address.toString())
                    : server->serverError() == QAbstractSocket::SocketAccessError
                    ? tr("this user may not listen on port %1 (ports below 1024 need privileges). Choose a port "
                         "of 1024 or higher on the General page, or run the engine with the needed privilege.")
                              .arg(port)
                    : tr("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(server->errorString());
            delete server;
            close();
            return why;
        }
        port = server->serverPort(); // the same port on every address when 0 was asked for
        connect(server, &QTcpServer::newConnection, this, [this, server] { accept(server); });
        m_servers << server;
    }
    m_port = port;
    return {};
}

void HelloListener::close()
{
    qDeleteAll(m_servers);
    m_servers.clear();
    const auto sockets = m_pending.keys();
    for (QTcpSocket *s : sockets) {
        s->abort();
        s->deleteLater();
    }
    m_pending.clear();
}

QString HelloListener::describe() const
{
    QStringList parts;
    for (QTcpServer *s : m_servers)
        parts << QStringLiteral("%1:%2")
                         .arg(s->serverAddress() == QHostAddress::Any ? QStringLiteral("0.0.0.0")
                                                                      : s->serverAddress().toString())
                         .arg(s->serverPort());
    return parts.join(QStringLiteral(", "));
}

void HelloListener::accept(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        if (m_pending.size() >= MaxPendingConnections) {
            // A flood of connections that never finish must not exhaust the engine.
            Q_EMIT helloRejected(socket->peerAddress(), socket->peerPort(),
                                 tr("dropped: %1 connections are already being read").arg(m_pending.size()), {});
            socket->abort();
            socket->deleteLater();
            continue;
        }
        Pending &p = m_pending[socket];
        p.address = socket->peerAddress();
        p.port = socket->peerPort();
        p.timer = new QTimer(socket);
        p.timer->setSingleShot(true);
        connect(p.timer, &QTimer::timeout, this, [this, socket] {
            finish(socket, tr("the sender did not close the connection within %1 ms").arg(m_timeoutMs));
        });
        p.timer->start(m_timeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            auto it = m_pending.find(socket);
            if (it == m_pending.end())
                return;
            it->bytes += socket->read(HelloPacket::MaxSize + 1 - it->bytes.size());
            if (it->bytes.size() > HelloPacket::MaxSize)
                finish(socket, tr("oversized: more than %1 bytes, larger than any hello").arg(HelloPacket::MaxSize));
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { finish(socket); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError)
                finish(socket);
        });
        if (socket->bytesAvailable() > 0)
            Q_EMIT socket->readyRead();
        if (socket->state() != QAbstractSocket::ConnectedState)
            finish(socket);
    }
}

void HelloListener::finish(QTcpSocket *socket, const QString &timeoutReason)
{
    auto it = m_pending.find(socket);
    if (it == m_pending.end())
        return;
    if (timeoutReason.isEmpty() && socket->bytesAvailable() > 0)
        it->bytes += socket->read(HelloPacket::MaxSize + 1 - it->bytes.size());
    const QByteArray bytes = it->bytes;
    const QHostAddress address = it->address;
    const quint16 port = it->port;
    delete it->timer;
    m_pending.erase(it);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();

    if (!timeoutReason.isEmpty()) {
        Q_EMIT helloRejected(address, port, timeoutReason, bytes.left(ExcerptBytes));
        return;
    }
    QString error;
    const std::optional<HelloPacket> hello = HelloPacket::parse(bytes, &error);
    if (!hello)
        Q_EMIT helloRejected(address, port, error, bytes.left(ExcerptBytes));
    else
        Q_EMIT helloReceived(*hello, address, port);
}

} // namespace Oobm::Core
