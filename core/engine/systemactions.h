// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amtendpoint.h"
#include "core/amt/devicesession.h"
#include "core/provisioning/amtsystem.h"

#include <QFuture>
#include <QObject>
#include <QStringList>


namespace Oobm::Core {

class Store;
class UserLog;

// What an administrator does to provisioned systems from the console or oobmctl: power on, off
// or reset (RemoteControl) and unprovision, with the admin credentials the engine stored. Each
// system gets its own result; each run is an Actions Status row and a log entry.
class SystemActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemActions)

public:
    enum class Action { PowerOn, PowerOff, Reset, Unprovision, PartialUnprovision };
    static QString actionName(Action action);                      // "Power on", translated
    static bool actionFromKey(const QString &key, Action *action); // "on", "off", "reset"

    struct Result
    {
        QString uuid;
        bool ok = false;
        QString message; // what happened, or why not
    };

    SystemActions(Store *store, UserLog *log, QObject *parent = nullptr);
    ~SystemActions() override;

    static constexpr quint16 DefaultHttpPort = 16992;
    static constexpr quint16 DefaultTlsPort = 16993;

    // The devices' SOAP port over HTTP (16992); tests use the default too.
    void setHttpPort(quint16 port) { m_httpPort = port; }
    // The devices' SOAP port over TLS (16993), for systems provisioned with a TLS certificate:
    // they are reached there, trusting only the certificate OOBM installed (pinned).
    void setTlsPort(quint16 port) { m_tlsPort = port; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // How a provisioned system is reached with the credentials OOBM stored (from
    // Store::systemCredentials): HTTP Digest on httpPort, or TLS on tlsPort pinned to the
    // certificate OOBM installed.
    static Amt::AmtEndpoint endpointFor(const AmtSystem &credentials, quint16 httpPort, quint16 tlsPort, int timeoutMs);
    // The dialect a system is talked to in (docs/protocol.md §13.7): the one forced for it, else
    // the one its version speaks best.
    static Amt::Dialect dialectFor(const AmtSystem &system);

    // Runs on a worker pool; progress (systems done) is reported on the future, one result per
    // system in the given order.
    QFuture<QList<Result>> run(Action action, const QStringList &uuids);

    // Delayed Provisioning: asks the systems' host agent (the reference's Out of Band Task
    // Agent; in the lab, amt-sim's control interface at HOST:PORT) to restart each system's hello
    // sequence. One JSON line per system: {"cmd":"restart-hellos","uuid":...}.
    QFuture<QList<Result>> restartHellos(const QString &agent, const QStringList &uuids);

private:
    Store *m_store;
    UserLog *m_log;
    quint16 m_httpPort = DefaultHttpPort;
    quint16 m_tlsPort = DefaultTlsPort;
    int m_timeoutMs = 10000;
};

} // namespace Oobm::Core
