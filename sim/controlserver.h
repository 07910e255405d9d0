// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>

class QTcpServer;

namespace Oobm::Sim {

class Fleet;
class HelloSender;
class SoapServer;

// The lab's remote: JSON lines over TCP on loopback, one request per line, one answer per line.
//   {"cmd":"list"}                                  every device with its state
//   {"cmd":"get","uuid":U,"secrets":true}           one device (with PPS and passwords)
//   {"cmd":"set-mode","uuid":U,"mode":"setup-psk"}  factory|password-changed|setup-psk|setup-pki|provisioned|disabled
//   {"cmd":"set-power","uuid":U,"state":5}          SystemPowerState
//   {"cmd":"restart-hellos","uuid":U}               re-open the hello window (the host agent's job)
//   {"cmd":"set-otp","uuid":U,"otp":"..."}         the OTP a local agent set (Remote Configuration)
//   {"cmd":"fault","uuid":U,"kind":K,...}           K: wrong-pps | refuse | latency (ms) | drop | hang |
//                                                   status (operation, status: name or number)
//   {"cmd":"clear-faults","uuid":U}
// Instead of "uuid", "all":true or "fraction":0.1 selects devices.
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    ControlServer(Fleet &fleet, SoapServer &soap, HelloSender &hellos, QObject *parent = nullptr);
    ~ControlServer() override;

    QString listen(const QString &hostPort); // error sentence or empty
    quint16 port() const;

    QJsonObject handle(const QJsonObject &request);

private:
    Fleet &m_fleet;
    SoapServer &m_soap;
    HelloSender &m_hellos;
    QTcpServer *m_server;
};

} // namespace Oobm::Sim
