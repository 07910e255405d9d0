// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/enginestatus.h"
#include "core/provisioning/hellodecision.h"
#include "core/provisioning/provisioningreport.h"
#include "core/settings/servicesettings.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

class QTimer;

namespace Oobm::Core {

class ReverseNamer;

namespace Amt {
class AmtClient;
}
class HelloListener;
class MaintenanceRunner;
class TaskRunner;
class Store;
class UserLog;

struct EngineOptions
{
    QString engineId; // default: "<host>:<port>"
    QList<QHostAddress> listenAddresses{QHostAddress::Any};
    int listenPort = -1;           // -1: the General page's port (followed live)
    quint16 deviceTlsPort = 16993; // where provisioning connects back
    int maxConcurrent = 256;       // devices talked to at once
    int attempts = 3;              // per hello, for transient failures
    int retryBackoffMs = 1000;     // doubled after each try
    int soapTimeoutMs = 10000;     // connect, send and receive, per call
    int deviceDeadlineMs = 120000; // no more retries after this
    int helloTimeoutMs = 5000;     // a sender must close within this
    int leaseSeconds = 300;        // how long a claim on a system lasts
    int heartbeatMs = 10000;
    // A system that is not provisioned and has said nothing for this long has closed its hello
    // window (mode 6): it is marked Hello window expired, for Delayed Provision.
    qint64 helloSilenceMs = 2 * 3600 * 1000;
    int shutdownGraceMs = 10000; // stop() waits this long for running attempts
    // Task runs (docs/architecture.md, "Tasks"): this engine takes its share of them.
    bool runTasks = true;
    int taskConcurrency = 256;   // task operations at once on this engine
    qint64 taskLeaseMs = 120000; // how long a claimed system is this engine's
    // Device maintenance (the Maintenance page's jobs): this engine looks for due ones this often.
    bool runMaintenance = true;
    int maintenanceTickMs = 60000;
    std::function<QDateTime()> clock; // "now" for schedules, maintenance and devices' clocks; empty: the system clock

    // --listen ADDR[:PORT] (repeatable), as oobm and oobm-engine take it. Returns an error
    // sentence, or empty.
    QString parseListen(const QStringList &values);
};

// The provisioning engine (the role of Intel SCS / AMTConfig): receives hellos, records them,
// claims each system in the store, connects back to the device over TLS-PSK and runs the
// provisioning sequence with the profile's settings, many devices at once. Runs on the thread it
// lives on (an event loop); blocking SOAP runs on its own pool, SQL on the store thread.
class ProvisioningEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvisioningEngine)

public:
    ProvisioningEngine(Store *store, UserLog *log, const EngineOptions &options = {}, QObject *parent = nullptr);
    ~ProvisioningEngine() override;

    // Once the store is open: reads the settings, listens, releases what an earlier run of this
    // engine left claimed, starts the heartbeat. Reports started().
    void start();
    // Stops listening, lets running attempts finish (up to shutdownGraceMs), releases the rest;
    // reports stopped().
    void stop();

    QString engineId() const { return m_engineId; }
    bool isListening() const;
    quint16 port() const;
    QString listenError() const { return m_listenError; }
    int inFlight() const { return int(m_inFlight.size()); }
    EngineStatus status() const;
    TaskRunner *tasks() const { return m_tasks; }
    MaintenanceRunner *maintenance() const { return m_maintenance; }

Q_SIGNALS:
    void started(const QString &error);
    void stopped();
    void statusChanged(const Oobm::Core::EngineStatus &status);
    void provisioningFinished(const QString &uuid, bool success, const QString &reason);

private:
    struct Job
    {
        HelloDecision decision;
        QHostAddress address;
        ProvisioningReport report;
        QElapsedTimer elapsed;
        int tries = 0;
    };

    void haveSettings(const ServiceSettings &settings);
    void relisten();
    void onHello(const HelloPacket &hello, const QHostAddress &peer, quint16 port);
    void onRejected(const QHostAddress &address, quint16 port, const QString &reason, const QByteArray &excerpt);
    void logIncoming(const QHostAddress &address, const QString &uuid);
    void recordIntake(const HelloIntake &intake);
    void onDecision(const HelloDecision &decision, const QHostAddress &address);
    void runAttempt(const std::shared_ptr<Job> &job);
    void finishJob(const std::shared_ptr<Job> &job);
    void sendHeartbeat();
    void checkStopped();

    Store *m_store;
    UserLog *m_log;
    EngineOptions m_options;
    std::unique_ptr<Amt::AmtClient> m_client;
    std::unique_ptr<ReverseNamer> m_namer;
    HelloListener *m_listener;
    TaskRunner *m_tasks;
    MaintenanceRunner *m_maintenance;
    QTimer *m_heartbeat;
    ServiceSettings m_settings;
    bool m_haveSettings = false;
    bool m_dnsServerSet = false;    // reverse lookups go to a chosen server
    bool m_dnsServerBroken = false; // the setting does not parse: no reverse lookups
    bool m_running = false;
    bool m_stopping = false;
    QString m_engineId;
    QString m_listenError;
    QDateTime m_started;
    QSet<QString> m_inFlight; // UUIDs this engine is deciding about or provisioning
};

} // namespace Oobm::Core
