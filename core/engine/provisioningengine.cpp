// SPDX-License-Identifier: GPL-2.0-or-later
#include "provisioningengine.h"

#include "core/amt/amtclient.h"
#include "core/async.h"
#include "core/dns/reversenamer.h"
#include "core/engine/hellolistener.h"
#include "core/engine/maintenancerunner.h"
#include "core/engine/provisioningsequence.h"
#include "core/engine/taskrunner.h"
#include "core/keys/pidpps.h"
#include "core/logbook/userlog.h"
#include "core/logging.h"
#include "core/provisioning/provisioningpolicy.h"
#include "core/store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QTimer>

namespace Oobm::Core {

namespace {

const QString Source = QStringLiteral("engine");

// The store's decision on a hello, for trace entries (stable words, like the CLI's keys).
QString helloActionName(HelloDecision::Action action)
{
    switch (action) {
    case HelloDecision::Action::Provision:
        return QStringLiteral("provision");
    case HelloDecision::Action::AwaitAuthorization:
        return QStringLiteral("await authorization");
    case HelloDecision::Action::InFlight:
        return QStringLiteral("in flight");
    case HelloDecision::Action::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

QString hostPort(const QHostAddress &address, quint16 port)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
            : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

QHostAddress plainAddress(const QHostAddress &address)
{
    // A dual-stack listener reports IPv4 peers as ::ffff:a.b.c.d.
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

} // namespace

QString EngineOptions::parseListen(const QStringList &values)
{
    if (values.isEmpty())
        return {};
    listenAddresses.clear();
    for (const QString &value : values) {
        const int colon = int(value.lastIndexOf(u':'));
        const bool hasPort = colon > 0 && value.count(u':') == 1;
        const QHostAddress address(hasPort ? value.left(colon) : value);
        bool ok = true;
        const int port = hasPort ? value.mid(colon + 1).toInt(&ok) : -1;
        if (address.isNull() || !ok || (hasPort && port < 0) || port > 65535)
            return QCoreApplication::translate("Oobm::Core::EngineOptions",
                                               "--listen takes ADDR[:PORT] with an IP address, e.g. 0.0.0.0:9971 or "
                                               "10.0.0.5, not '%1'")
                    .arg(value);
        listenAddresses << address;
        if (hasPort)
            listenPort = port;
    }
    return {};
}

ProvisioningEngine::ProvisioningEngine(Store *store, UserLog *log, const EngineOptions &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_log(log)
    , m_options(options)
    , m_client(std::make_unique<Amt::AmtClient>())
    , m_namer(std::make_unique<ReverseNamer>())
    , m_listener(new HelloListener(this))
    , m_tasks(new TaskRunner(store, log, m_client.get(), this))
    , m_maintenance(new MaintenanceRunner(store, log, this))
    , m_heartbeat(new QTimer(this))
{
    connect(m_tasks, &TaskRunner::stopped, this, &ProvisioningEngine::checkStopped);
    m_client->setMaxConcurrent(qMax(1, options.maxConcurrent));
    m_listener->setTimeout(options.helloTimeoutMs);
    connect(m_listener, &HelloListener::helloReceived, this, &ProvisioningEngine::onHello);
    connect(m_listener, &HelloListener::helloRejected, this, &ProvisioningEngine::onRejected);
    connect(m_heartbeat, &QTimer::timeout, this, &ProvisioningEngine::sendHeartbeat);
    connect(m_store, &Store::serviceSettingsChanged, this, [this](const ServiceSettings &s) {
        if (m_running)
            haveSettings(s);
    });
}

ProvisioningEngine::~ProvisioningEngine()
{
    m_listener->close();
    m_client->waitForDone();
}

bool ProvisioningEngine::isListening() const
{
    return m_listener->isListening();
}

quint16 ProvisioningEngine::port() const
{
    return m_listener->port();
}

EngineStatus ProvisioningEngine::status() const
{
    EngineStatus s;
    s.id = m_engineId;
    s.host = QSysInfo::machineHostName();
    s.listen = m_listener->isListening() ? m_listener->describe() : QString();
    s.started = m_started;
    s.heartbeat = QDateTime::currentDateTimeUtc();
    s.error = m_listenError;
    s.inFlight = int(m_inFlight.size());
    return s;
}

void ProvisioningEngine::start()
{
    m_running = true;
    m_stopping = false;
    m_started = QDateTime::currentDateTimeUtc();
    whenReady(m_store->serviceSettings(), this, [this](const StoreResult<ServiceSettings> &r) {
        if (!r.ok()) {
            m_listenError = tr("cannot read the service settings: %1").arg(r.error.message);
            m_log->log(Severity::Error, tr("The provisioning engine cannot start: %1").arg(m_listenError), {}, {},
                       Source);
            Q_EMIT started(m_listenError);
            return;
        }
        haveSettings(r.value);
        // What an earlier run of this engine left claimed will never finish: say so.
        whenReady(m_store->releaseClaims(m_engineId,
                                         tr("The engine %1 stopped while provisioning it; it is provisioned again "
                                            "at its next hello.")
                                                 .arg(m_engineId)),
                  this, [this](const StoreResult<int> &released) {
                      if (released.value > 0)
                          m_log->log(Severity::Warning,
                                     tr("%1 systems were being provisioned when this engine last stopped; they are "
                                        "marked Failed and are provisioned again at their next hello.")
                                             .arg(released.value),
                                     {}, {}, Source);
                      sendHeartbeat();
                      m_heartbeat->start(m_options.heartbeatMs);
                      if (m_options.runTasks) {
                          TaskRunner::Options t;
                          t.maxConcurrent = m_options.taskConcurrency;
                          t.leaseMs = m_options.taskLeaseMs;
                          t.device.tlsPort = m_options.deviceTlsPort;
                          t.device.timeoutMs = m_options.soapTimeoutMs;
                          t.device.clock = m_options.clock;
                          m_tasks->start(m_engineId, t);
                      }
                      if (m_options.runMaintenance) {
                          MaintenanceRunner::Options m;
                          m.tickMs = m_options.maintenanceTickMs;
                          m.clock = m_options.clock;
                          m_maintenance->start(m_engineId, m);
                      }
                      Q_EMIT started(m_listenError);
                  });
    });
}

void ProvisioningEngine::haveSettings(const ServiceSettings &settings)
{
    const bool portChanged = !m_haveSettings || settings.listenPort != m_settings.listenPort;
    m_settings = settings;
    m_haveSettings = true;
    QString dnsProblem;
    const DnsServer dns = DnsServer::parse(settings.dnsServer, &dnsProblem);
    m_namer->setServer(dns);
    m_dnsServerSet = !dns.isNull();
    // A stored value that does not parse (written by hand into the database) turns reverse
    // lookups off rather than falling back to the system's resolver.
    m_dnsServerBroken = !dnsProblem.isEmpty();
    if (m_dnsServerBroken)
        m_log->log(Severity::Warning,
                   tr("Reverse lookups of systems are off: the DNS server setting is invalid: %1").arg(dnsProblem), {},
                   {}, Source);
    if (portChanged && !m_stopping)
        relisten();
}

void ProvisioningEngine::relisten()
{
    const quint16 port = quint16(m_options.listenPort >= 0 ? m_options.listenPort : m_settings.listenPort);
    if (m_listener->isListening() && m_listener->port() == port)
        return;
    m_listenError = m_listener->listen(m_options.listenAddresses, port);
    if (m_engineId.isEmpty())
        m_engineId = m_options.engineId.isEmpty() ? QStringLiteral("%1:%2")
                                                            .arg(QSysInfo::machineHostName())
                                                            .arg(m_listener->isListening() ? m_listener->port() : port)
                                                  : m_options.engineId;
    if (!m_listenError.isEmpty()) {
        m_log->log(Severity::Error, tr("The provisioning engine is not receiving hello packets: %1").arg(m_listenError),
                   {}, {}, Source);
    } else {
        m_log->log(Severity::Information,
                   tr("The provisioning engine listens for hello packets on %1.").arg(m_listener->describe()), {}, {},
                   Source);
    }
    Q_EMIT statusChanged(status());
    if (m_heartbeat->isActive())
        sendHeartbeat();
}

void ProvisioningEngine::stop()
{
    if (!m_running) {
        Q_EMIT stopped();
        return;
    }
    m_stopping = true;
    m_listener->close();
    m_heartbeat->stop();
    m_maintenance->stop();
    m_tasks->stop();
    QTimer::singleShot(m_options.shutdownGraceMs, this, [this] {
        if (!m_running)
            return;
        // Attempts still running are abandoned: their systems are marked Failed now; a finish
        // that arrives later no longer owns them and changes nothing.
        whenReady(m_store->releaseClaims(m_engineId,
                                         tr("The engine %1 was stopped while provisioning it; it is "
                                            "provisioned again at its next hello.")
                                                 .arg(m_engineId)),
                  this, [this](const StoreResult<int> &) {
                      m_inFlight.clear();
                      checkStopped();
                  });
    });
    checkStopped();
}

void ProvisioningEngine::checkStopped()
{
    if (!m_stopping || !m_inFlight.isEmpty() || !m_running || m_tasks->isRunning())
        return;
    m_running = false;
    EngineStatus s = status();
    s.error = tr("stopped");
    s.listen.clear();
    whenReady(m_store->engineHeartbeat(s), this, [this](const StoreError &) { Q_EMIT stopped(); });
}

void ProvisioningEngine::sendHeartbeat()
{
    const EngineStatus s = status();
    m_store->engineHeartbeat(s);
    Q_EMIT statusChanged(s);
    whenReady(m_store->markSilentSystems(QDateTime::currentMSecsSinceEpoch() - m_options.helloSilenceMs), this,
              [this](const StoreResult<int> &r) {
        if (r.value > 0)
            m_log->log(Severity::Warning,
                       tr("%n systems stopped sending hello packets: their hello window has closed (mode "
                          "6). Delayed Provision restarts it.",
                          nullptr, r.value),
                       {}, {}, Source);
    });
}

void ProvisioningEngine::logIncoming(const QHostAddress &address, const QString &uuid)
{
    // The reference's own line for every hello (its figure 3), which admins following it search
    // the log for.
    m_log->log(Severity::Information, tr("Incoming connection from %1").arg(address.toString()), {}, uuid, Source);
}

void ProvisioningEngine::onRejected(const QHostAddress &address, quint16 port, const QString &reason,
                                    const QByteArray &excerpt)
{
    const QString from = hostPort(plainAddress(address), port);
    logIncoming(plainAddress(address), {});
    m_log->log(Severity::Warning, tr("Malformed hello from %1 dropped: %2").arg(from, reason),
               excerpt.isEmpty() ? QString() : tr("first bytes: %1").arg(QString::fromLatin1(excerpt.toHex(' '))), {},
               Source);
    HelloRecord h;
    h.time = QDateTime::currentDateTimeUtc();
    h.address = plainAddress(address).toString();
    h.port = port;
    h.outcome = tr("dropped: %1").arg(reason);
    h.engine = m_engineId;
    m_store->recordRejectedHello(h);
}

void ProvisioningEngine::onHello(const HelloPacket &hello, const QHostAddress &peer, quint16 port)
{
    const QHostAddress address = plainAddress(peer);
    const QString uuid = HelloPacket::uuidText(hello.uuid);
    logIncoming(address, uuid);
    if (m_stopping)
        return;
    if (m_inFlight.contains(uuid)) {
        // The device retries while we talk to it: record the hello, change nothing.
        HelloRecord h;
        h.time = QDateTime::currentDateTimeUtc();
        h.address = address.toString();
        h.port = port;
        h.version = int(hello.version);
        h.uuid = uuid;
        h.pid = hello.pid;
        h.retry = int(hello.retryCount);
        h.adminCredentialsSet = hello.adminCredentialsSet;
        h.outcome = tr("ignored: already being provisioned by this engine");
        h.engine = m_engineId;
        m_store->recordRejectedHello(h);
        return;
    }
    m_inFlight.insert(uuid);
    m_log->log(Severity::Debug,
               tr("Hello from %1 at %2 (%3, retry %4).")
                       .arg(uuid, hostPort(address, port),
                            hello.version == HelloPacket::Version::Psk
                                    ? tr("PSK, PID %1").arg(PidPps::formatPid(hello.pid))
                                    : tr("PKI, %n root hashes", nullptr, int(hello.rootHashes.size())))
                       .arg(hello.retryCount),
               {}, uuid, Source);
    HelloIntake intake;
    intake.hello = hello;
    intake.address = address;
    intake.port = port;
    intake.engineId = m_engineId;
    intake.leaseSeconds = m_options.leaseSeconds;
    // Loopback sources (the simulator's devices) are named only by an explicitly chosen DNS
    // server: the system resolver would answer "localhost" at best, and tests and rehearsals
    // never send a question to it.
    if (!m_settings.reverseLookups || m_dnsServerBroken || (address.isLoopback() && !m_dnsServerSet)) {
        recordIntake(intake);
        return;
    }
    // The system's name, by a reverse lookup of the hello's source (off this thread, cached).
    whenReady(m_namer->nameOf(address), this, [this, intake](const QString &name) mutable {
        intake.reverseName = name;
        recordIntake(intake);
    });
}

void ProvisioningEngine::recordIntake(const HelloIntake &intake)
{
    const QHostAddress address = intake.address;
    const QString uuid = HelloPacket::uuidText(intake.hello.uuid);
    QElapsedTimer intakeTimer;
    intakeTimer.start();
    whenReady(m_store->recordHello(intake), this,
              [this, address, uuid, intakeTimer](const StoreResult<HelloDecision> &r) {
        if (m_log->isTracing())
            m_log->trace(tr("Hello intake from %1: %2 in %3 ms")
                                 .arg(address.toString(), r.ok() ? helloActionName(r.value.action) : tr("store error"))
                                 .arg(intakeTimer.elapsed()),
                         {}, uuid);
        if (!r.ok()) {
            m_inFlight.remove(uuid);
            m_log->log(Severity::Error, tr("The hello of %1 could not be recorded: %2").arg(uuid, r.error.message), {},
                       uuid, Source);
            checkStopped();
            return;
        }
        onDecision(r.value, address);
    });
}

void ProvisioningEngine::onDecision(const HelloDecision &d, const QHostAddress &address)
{
    const QString uuid = d.system.uuid;
    switch (d.action) {
    case HelloDecision::Action::Provision:
        break;
    case HelloDecision::Action::AwaitAuthorization:
        m_inFlight.remove(uuid);
        m_log->log(Severity::Information, tr("%1 is waiting for authorization before it is provisioned.").arg(uuid), {},
                   uuid, Source);
        checkStopped();
        return;
    case HelloDecision::Action::InFlight:
        m_inFlight.remove(uuid);
        checkStopped();
        return;
    case HelloDecision::Action::Rejected:
        m_inFlight.remove(uuid);
        m_log->log(Severity::Error, d.reason, tr("UUID %1, address %2").arg(uuid, address.toString()), uuid, Source);
        Q_EMIT provisioningFinished(uuid, false, d.reason);
        checkStopped();
        return;
    }
    auto job = std::make_shared<Job>();
    job->decision = d;
    job->address = address;
    job->report.uuid = uuid;
    job->report.engineId = m_engineId;
    job->report.pid = d.system.pid;
    job->report.adminUser = d.profile.adminUser;
    job->elapsed.start();
    runAttempt(job);
}

void ProvisioningEngine::runAttempt(const std::shared_ptr<Job> &job)
{
    ++job->tries;
    ProvisioningPlan plan;
    plan.uuid = job->decision.system.uuid;
    plan.endpoint.host = job->address.toString();
    plan.endpoint.port = m_options.deviceTlsPort;
    if (job->decision.remoteConfiguration) {
        // TLS with our provisioning certificate chain; the device's self-signed certificate only
        // carries the key exchange (docs/protocol.md §4.3).
        plan.endpoint.transport = Amt::AmtEndpoint::Transport::Tls;
        plan.endpoint.verifyServer = false;
        plan.endpoint.clientCertificateChainPem = job->decision.certificate.chainPem;
        plan.endpoint.clientPrivateKeyPem = job->decision.certificate.keyPem;
        plan.expectedOtp = job->decision.otp;
        plan.remoteConfiguration = true;
    } else {
        plan.endpoint.transport = Amt::AmtEndpoint::Transport::TlsPsk;
        plan.endpoint.pskIdentity = job->decision.system.pid;
        plan.endpoint.psk = job->decision.pps;
    }
    plan.endpoint.user = QStringLiteral("admin");
    plan.endpoint.password = job->decision.passwords.value(0);
    plan.endpoint.connectTimeoutMs = m_options.soapTimeoutMs;
    plan.endpoint.sendTimeoutMs = m_options.soapTimeoutMs;
    plan.endpoint.receiveTimeoutMs = m_options.soapTimeoutMs;
    if (m_log->isTracing()) {
        // Operation, peer, status and duration only: the endpoint's secrets never reach the log.
        plan.endpoint.trace =
                [log = m_log, uuid = plan.uuid](const QString &operation, const QString &peer, int status, qint64 ms) {
            log->trace(tr("SOAP %1 to %2: %3 in %4 ms")
                               .arg(operation, peer, status == 0 ? tr("OK") : tr("status %1").arg(status))
                               .arg(ms),
                       {}, uuid);
        };
    }
    plan.passwords = job->decision.passwords;
    plan.profile = job->decision.profile;
    plan.tlsCertificate = job->decision.tlsCertificate;
    plan.newPid = job->decision.newPid;
    plan.newPps = job->decision.newPps;
    plan.attempt = job->decision.attempt;
    whenReady(m_client->runTask([plan] { return runProvisioningSequence(plan); }), this,
              [this, job](const ProvisioningAttempt &a) {
        job->report.actions += a.actions;
        job->report.success = a.success;
        job->report.transient = a.transient;
        job->report.reason = a.reason;
        if (!a.amtVersion.isEmpty())
            job->report.amtVersion = a.amtVersion;
        job->report.fqdn = a.fqdn;
        job->report.name = ProvisioningPolicy::systemName(m_settings.commonName, a.fqdn);
        const int backoff = m_options.retryBackoffMs << qMin(job->tries - 1, 10);
        if (!a.success && a.transient && job->tries < m_options.attempts && !m_stopping
            && job->elapsed.elapsed() + backoff < m_options.deviceDeadlineMs) {
            m_log->log(Severity::Warning,
                       tr("Provisioning %1: try %2 of %3 failed (%4); trying again in %5 ms.")
                               .arg(job->report.uuid)
                               .arg(job->tries)
                               .arg(m_options.attempts)
                               .arg(a.reason)
                               .arg(backoff),
                       {}, job->report.uuid, Source);
            QTimer::singleShot(backoff, this, [this, job] { runAttempt(job); });
            return;
        }
        finishJob(job);
    });
}

void ProvisioningEngine::finishJob(const std::shared_ptr<Job> &job)
{
    ProvisioningReport &report = job->report;
    if (report.success) {
        report.newPid = job->decision.newPid;
        report.adminPassword = job->decision.profile.adminPassword;
        if (job->decision.profile.tlsEnabled)
            report.tlsCertificatePem = job->decision.tlsCertificate.leafPem();
    } else if (report.transient && job->tries > 1) {
        report.reason = tr("%1 (after %2 tries)").arg(report.reason).arg(job->tries);
    }
    if (!report.success && job->decision.remoteConfiguration && !report.actions.isEmpty()
        && (report.actions.constFirst().status == Amt::AmtError::categoryName(Amt::AmtError::Category::TlsHandshake)
            || report.actions.constFirst().status
                    == Amt::AmtError::categoryName(Amt::AmtError::Category::ConnectionDropped))) {
        // The device checks our chain and says nothing but "handshake failure": name what it checks.
        const ProvisioningCertificate &c = job->decision.certificate;
        report.reason = tr("The device refused the provisioning certificate %1 (CN %2, root sha1:%3). It accepts a "
                           "certificate whose CN ends in its own DNS domain (DHCP option 15 or the MEBx PKI DNS "
                           "suffix), whose root it trusts, and which has the Intel key usage. The connection said: %4")
                                .arg(c.name, c.commonName, c.rootSha1, report.actions.constFirst().message);
    }
    const qint64 ms = job->elapsed.elapsed();
    whenReady(m_store->finishProvisioning(report), this, [this, job, ms](const StoreError &e) {
        const ProvisioningReport &report = job->report;
        const QString uuid = report.uuid;
        m_inFlight.remove(uuid);
        if (e) {
            m_log->log(Severity::Error,
                       tr("Provisioning %1: the result could not be recorded: %2").arg(uuid, e.message), {}, uuid,
                       Source);
            Q_EMIT provisioningFinished(uuid, false, e.message);
        } else if (report.success) {
            m_log->log(Severity::Information,
                       tr("Provisioned %1 (%2, AMT %3) with the profile %4 in %5 ms.")
                               .arg(uuid, report.fqdn.isEmpty() ? job->address.toString() : report.fqdn,
                                    report.amtVersion, job->decision.profile.name)
                               .arg(ms),
                       report.newPid.isEmpty()
                               ? tr("Key %1 consumed; no new key was installed (none Available).")
                                         .arg(PidPps::formatPid(report.pid))
                               : tr("Key %1 consumed; key %2 installed for the next provisioning.")
                                         .arg(PidPps::formatPid(report.pid), PidPps::formatPid(report.newPid)),
                       uuid, Source);
            Q_EMIT provisioningFinished(uuid, true, {});
        } else {
            m_log->log(Severity::Error, tr("Provisioning %1 failed: %2").arg(uuid, report.reason),
                       tr("address %1, attempt %2").arg(job->address.toString()).arg(job->decision.attempt), uuid,
                       Source);
            Q_EMIT provisioningFinished(uuid, false, report.reason);
        }
        checkStopped();
    });
}

} // namespace Oobm::Core
