// SPDX-License-Identifier: GPL-2.0-or-later
#include "controlserver.h"

#include "core/amt/ptstatus.h"
#include "sim/fleet.h"
#include "sim/hellosender.h"
#include "sim/simdevice.h"
#include "sim/soapserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>

namespace Oobm::Sim {

namespace {
QJsonObject failure(const QString &message)
{
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}};
}
} // namespace

ControlServer::ControlServer(Fleet &fleet, SoapServer &soap, HelloSender &hellos, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_soap(soap)
    , m_hellos(hellos)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                while (socket->canReadLine()) {
                    const QByteArray line = socket->readLine().trimmed();
                    if (line.isEmpty())
                        continue;
                    QJsonParseError error{};
                    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
                    const QJsonObject answer = doc.isObject()
                            ? handle(doc.object())
                            : failure(QStringLiteral("not a JSON object: %1").arg(error.errorString()));
                    socket->write(QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n');
                }
            });
        }
    });
}

ControlServer::~ControlServer() = default;

QString ControlServer::listen(const QString &hostPort)
{
    const int colon = hostPort.lastIndexOf(u':');
    bool ok = false;
    const quint16 port = colon < 0 ? 0 : hostPort.mid(colon + 1).toUShort(&ok);
    const QHostAddress host(colon < 0 ? hostPort : hostPort.left(colon));
    if (colon < 0 || !ok || host.isNull())
        return QStringLiteral("--control takes HOST:PORT with an IP address, e.g. 127.0.0.1:17000, not '%1'")
                .arg(hostPort);
    if (!host.isLoopback())
        return QStringLiteral("--control listens on loopback only; %1 is not a loopback address").arg(host.toString());
    if (!m_server->listen(host, port))
        return QStringLiteral("cannot listen on %1: %2").arg(hostPort, m_server->errorString());
    return {};
}

quint16 ControlServer::port() const
{
    return m_server->serverPort();
}

QJsonObject ControlServer::handle(const QJsonObject &request)
{
    const QString cmd = request.value(QStringLiteral("cmd")).toString();
    QList<SimDevice *> devices;
    if (request.contains(QStringLiteral("uuid"))) {
        SimDevice *d = m_fleet.deviceByUuid(request.value(QStringLiteral("uuid")).toString());
        if (!d)
            return failure(QStringLiteral("no device %1").arg(request.value(QStringLiteral("uuid")).toString()));
        devices << d;
    } else if (request.value(QStringLiteral("all")).toBool() || cmd == u"list") {
        for (int i = 0; i < m_fleet.size(); ++i)
            devices << m_fleet.device(i);
    } else if (request.contains(QStringLiteral("uuids"))) {
        for (const QJsonValue v : request.value(QStringLiteral("uuids")).toArray()) {
            SimDevice *d = m_fleet.deviceByUuid(v.toString());
            if (!d)
                return failure(QStringLiteral("no device %1").arg(v.toString()));
            devices << d;
        }
    } else if (request.contains(QStringLiteral("fraction"))) {
        const double fraction = request.value(QStringLiteral("fraction")).toDouble();
        const int count = qBound(0, qRound(fraction * m_fleet.size()), m_fleet.size());
        for (int i = 0; i < count; ++i) // spread over the fleet: every n-th device
            devices << m_fleet.device(int(qint64(i) * m_fleet.size() / qMax(1, count)));
    } else {
        return failure(QStringLiteral("name the devices: \"uuid\", \"uuids\", \"all\": true, or \"fraction\""));
    }

    if (cmd == u"list" || cmd == u"get") {
        const bool secrets = request.value(QStringLiteral("secrets")).toBool();
        QJsonArray list;
        for (SimDevice *d : devices) {
            QMutexLocker lock(&d->mutex);
            QJsonObject o = d->state().toJson(secrets);
            // What reached the device: counts in a listing, each call's time for one device.
            o.insert(QStringLiteral("operations"), d->state().callsJson(cmd == u"get"));
            list.append(o);
        }
        if (cmd == u"get")
            return {{QStringLiteral("ok"), true}, {QStringLiteral("device"), list.first()}};
        return {{QStringLiteral("ok"), true}, {QStringLiteral("devices"), list}};
    }
    if (cmd == u"set-mode") {
        Mode mode;
        if (!modeFromKey(request.value(QStringLiteral("mode")).toString(), &mode))
            return failure(QStringLiteral(
                    "unknown mode; use disabled, factory, password-changed, setup-psk, setup-pki or provisioned"));
        for (SimDevice *d : devices) {
            {
                QMutexLocker lock(&d->mutex);
                DeviceState &s = d->state();
                s.mode = mode;
                s.helloWindowClosed = false;
                s.helloRetry = 0;
                s.helloWindowOpened = {};
                if (mode == Mode::Factory) {
                    s.mebxPassword = QStringLiteral("admin");
                    s.adminDigest.clear();
                }
                m_fleet.save(*d);
            }
            m_soap.updateListeners(d);
            m_hellos.reschedule(d);
        }
        return {{QStringLiteral("ok"), true}};
    }
    if (cmd == u"set-power") {
        // The power button, or the OS shutting down: a device that was off and comes on boots
        // (and consumes its next-boot setting).
        const unsigned state = unsigned(request.value(QStringLiteral("state")).toInt());
        for (SimDevice *d : devices) {
            QMutexLocker lock(&d->mutex);
            DeviceState &s = d->state();
            if (state == 0 && s.isOff())
                s.boot({}, QDateTime::currentMSecsSinceEpoch());
            else
                s.powerState = state;
            m_fleet.save(*d);
        }
        return {{QStringLiteral("ok"), true}};
    }
    if (cmd == u"set-clock") {
        // The device's clock put off the host's (a flat CMOS battery, a wrong BIOS setting).
        const bool ms = request.contains(QStringLiteral("offsetMs"));
        if (!ms && !request.contains(QStringLiteral("offset")))
            return failure(QStringLiteral("set-clock needs \"offset\" (seconds) or \"offsetMs\""));
        const qint64 offsetMs = ms ? request.value(QStringLiteral("offsetMs")).toInteger()
                                   : qRound64(request.value(QStringLiteral("offset")).toDouble() * 1000);
        for (SimDevice *d : devices) {
            QMutexLocker lock(&d->mutex);
            d->state().clockOffsetMs = offsetMs;
            m_fleet.save(*d);
        }
        return {{QStringLiteral("ok"), true}};
    }
    if (cmd == u"clear-calls") {
        for (SimDevice *d : devices) {
            QMutexLocker lock(&d->mutex);
            d->state().calls.clear();
        }
        return {{QStringLiteral("ok"), true}};
    }
    if (cmd == u"set-otp") {
        // What a local agent does through HECI (CFG_SetProvisioningServerOTP): the OTP the
        // device will compare with the one the provisioning server presents.
        for (SimDevice *d : devices) {
            QMutexLocker lock(&d->mutex);
            d->state().otp = request.value(QStringLiteral("otp")).toString();
            m_fleet.save(*d);
        }
        return {{QStringLiteral("ok"), true}};
    }
    if (cmd == u"restart-hellos") {
        // The host agent's job (docs/protocol.md §3.4): only a device in setup mode has hellos to
        // send, so the agent refuses the others, and none is restarted.
        for (SimDevice *d : std::as_const(devices)) {
            QMutexLocker lock(&d->mutex);
            const DeviceState &s = d->state();
            if (!s.inSetup())
                return failure(QStringLiteral("device %1 is not in setup mode (%2): it sends no hellos")
                                       .arg(s.uuid.toString(QUuid::WithoutBraces), modeKey(s.mode)));
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (SimDevice *d : std::as_const(devices)) {
            {
                QMutexLocker lock(&d->mutex);
                d->state().recordCall(QStringLiteral("RestartHellos"), now);
            }
            m_hellos.restart(d);
        }
        return {{QStringLiteral("ok"), true}, {QStringLiteral("devices"), int(devices.size())}};
    }
    if (cmd == u"fault" || cmd == u"clear-faults") {
        const QString kind = request.value(QStringLiteral("kind")).toString();
        const QString operation = request.value(QStringLiteral("operation")).toString();
        const int times = request.value(QStringLiteral("times")).toInt(-1);
        unsigned status = 0;
        if (cmd == u"fault") {
            const QStringList kinds{QStringLiteral("wrong-pps"), QStringLiteral("refuse"), QStringLiteral("latency"),
                                    QStringLiteral("drop"),      QStringLiteral("hang"),   QStringLiteral("status")};
            if (!kinds.contains(kind))
                return failure(
                        QStringLiteral("unknown fault '%1'; use %2").arg(kind, kinds.join(QStringLiteral(", "))));
            if (kind == u"status"
                && (operation.isEmpty()
                    || !Core::Amt::ptStatusFromText(request.value(QStringLiteral("status")).toVariant().toString(),
                                                    &status)))
                return failure(QStringLiteral(
                        "a status fault needs \"operation\" and \"status\" (a PT_STATUS name or number)"));
            if (!operation.isEmpty() && (kind == u"wrong-pps" || kind == u"refuse"))
                return failure(QStringLiteral("a %1 fault is the device's, not an operation's").arg(kind));
            if (request.contains(QStringLiteral("times")) && (operation.isEmpty() || times < 1))
                return failure(QStringLiteral("\"times\" (1 or more) goes with an operation's fault"));
        }
        for (SimDevice *d : devices) {
            {
                QMutexLocker lock(&d->mutex);
                Faults &f = d->state().faults;
                const int ms = request.value(QStringLiteral("ms")).toInt(1000);
                if (cmd == u"clear-faults") {
                    if (operation.isEmpty())
                        f = Faults{};
                    else
                        f.operations.remove(operation);
                } else if (!operation.isEmpty()) {
                    OperationFault &of = f.operations[operation];
                    if (kind == u"latency")
                        of.latencyMs = ms;
                    else if (kind == u"drop")
                        of.drop = true;
                    else if (kind == u"hang")
                        of.hang = true;
                    else {
                        of.forceStatus = true;
                        of.status = status;
                    }
                    of.remaining = times;
                } else if (kind == u"wrong-pps")
                    f.wrongPps = true;
                else if (kind == u"refuse")
                    f.refuse = true;
                else if (kind == u"latency")
                    f.latencyMs = ms;
                else if (kind == u"drop")
                    f.dropMidCall = true;
                else if (kind == u"hang")
                    f.hang = true;
            }
            m_soap.updateListeners(d);
        }
        return {{QStringLiteral("ok"), true}, {QStringLiteral("devices"), int(devices.size())}};
    }
    return failure(QStringLiteral("unknown command '%1'").arg(cmd));
}

} // namespace Oobm::Sim
