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
//   {"cmd":"set-power","uuid":U,"state":5}          SystemPowerState; 0 on a device that is off boots it
//   {"cmd":"set-clock","uuid":U,"offset":3600}      the device's clock this many seconds off the host's
//                                                   (or "offsetMs")
//   {"cmd":"restart-hellos","uuid":U}               re-open the hello window (the host agent's job);
//                                                   refused unless every device named is in setup mode
//   {"cmd":"set-otp","uuid":U,"otp":"..."}         the OTP a local agent set (Remote Configuration)
//   {"cmd":"fault","uuid":U,"kind":K,...}           K: wrong-pps | refuse | latency (ms) | drop | hang |
//                                                   status (status: name or number); with "operation"
//                                                   (a SOAP operation, or RemoteControl's command:
//                                                   PowerUp, PowerDown, Reset, PowerCycleReset,
//                                                   SetBootOptions) only that one, and with "times":N
//                                                   only its next N calls; status needs "operation"
//   {"cmd":"clear-faults","uuid":U}                 all of them, or one "operation"'s
//   {"cmd":"clear-calls","uuid":U}                  forget the calls received ("operations" below)
// Instead of "uuid", "uuids":[...], "all":true or "fraction":0.1 (every n-th device) selects devices.
//
// A device's state ("get", "list") holds, besides its identity, mode and settings:
//   powerState                  SystemPowerState (0 on, 5 soft off)
//   nextBoot, nextBootSpecialCommand, nextBootParameter, nextBootOptions
//                               what SetBootOptions set for the next start: "none", "pxe", "hard-disk",
//                               "hard-disk-safe-mode", "diagnostics", "cd-dvd", "ider-floppy", "ider-cd",
//                               "reflash-bios", "bios-setup", "bios-pause"
//   lastBoot, boots, lastBootMs what the last start booted ("normal" without a setting; empty before
//                               the first), how many starts (power up from off, reset, power cycle)
//   clockOffsetMs, deviceTime   the clock's offset from the host's; the device's time (s since 1970)
//   clockSets, clockSetMs       SetHighAccuracyTimeSynch calls that set the clock, and the last one's time
//   adminPasswordChanges, adminPasswordChangedMs
//   tlsEnabled, tlsChangesPending, tlsCommits
//                               TLS as served; TLS changes a provisioned device holds for CommitChanges,
//                               and the commits that applied some (docs/protocol.md §5.6)
//   aclUsers                    handle, username, realms
//   operations                  per operation or RemoteControl command received (authenticated,
//                               whatever the answer), and "RestartHellos" for restart-hellos:
//                               count, lastMs, and in "get" timesMs (the latest 64). Not kept over
//                               a restart.
//   faults                      what "fault" switched on
// Times are the host's clock in ms since 1970 UTC.
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
