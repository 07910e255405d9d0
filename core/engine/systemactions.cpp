// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemactions.h"

#include "core/logbook/userlog.h"
#include "core/store/store.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QTcpSocket>
#include <QThreadPool>

namespace Oobm::Core {

QString SystemActions::actionName(Action action)
{
    switch (action) {
    case Action::PowerOn:
        return tr("Power on");
    case Action::PowerOff:
        return tr("Power off");
    case Action::Reset:
        return tr("Reset");
    case Action::Unprovision:
        return tr("Unprovision");
    case Action::PartialUnprovision:
        return tr("Partial unprovision");
    }
    return {};
}

bool SystemActions::actionFromKey(const QString &key, Action *action)
{
    static const QList<QPair<QString, Action>> keys{{QStringLiteral("on"), Action::PowerOn},
                                                    {QStringLiteral("off"), Action::PowerOff},
                                                    {QStringLiteral("reset"), Action::Reset}};
    for (const auto &[k, a] : keys) {
        if (key.compare(k, Qt::CaseInsensitive) == 0) {
            *action = a;
            return true;
        }
    }
    return false;
}

SystemActions::SystemActions(Store *store, UserLog *log, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_log(log)
{ }

SystemActions::~SystemActions() = default;

Amt::AmtEndpoint SystemActions::endpointFor(const AmtSystem &credentials, quint16 httpPort, quint16 tlsPort,
                                            int timeoutMs)
{
    Amt::AmtEndpoint e;
    e.host = credentials.address;
    if (credentials.tlsCertificatePem.isEmpty()) {
        e.port = httpPort;
        e.transport = Amt::AmtEndpoint::Transport::Http;
    } else {
        // Provisioned with TLS: the device presents the certificate we installed; trust that
        // one only.
        e.port = tlsPort;
        e.transport = Amt::AmtEndpoint::Transport::Tls;
        e.verifyServer = true;
        e.trustedCertificatesPem = credentials.tlsCertificatePem;
    }
    e.user = credentials.adminUser;
    e.password = credentials.adminPassword;
    e.connectTimeoutMs = e.sendTimeoutMs = e.receiveTimeoutMs = timeoutMs;
    return e;
}

Amt::Dialect SystemActions::dialectFor(const AmtSystem &system)
{
    Amt::Dialect forced;
    if (Amt::dialectFromKey(system.dialect, &forced))
        return forced;
    return Amt::defaultDialect(system.amtVersion);
}

QFuture<QList<SystemActions::Result>> SystemActions::run(Action action, const QStringList &uuids)
{
    auto promise = std::make_shared<QPromise<QList<Result>>>();
    QFuture<QList<Result>> future = promise->future();
    promise->start();
    promise->setProgressRange(0, int(uuids.size()));
    Store *store = m_store;
    UserLog *log = m_log;
    const quint16 httpPort = m_httpPort;
    const quint16 tlsPort = m_tlsPort;
    const int timeoutMs = m_timeoutMs;
    // One coordinating task; the store calls it waits for run on the store thread.
    QThreadPool::globalInstance()->start([=] {
        QList<Result> results;
        QList<ActionRecord> records;
        int done = 0;
        for (const QString &uuid : uuids) {
            Result r;
            r.uuid = uuid;
            if (promise->isCanceled()) {
                r.message = tr("cancelled");
                results << r;
                continue;
            }
            auto credentials = store->systemCredentials(uuid);
            credentials.waitForFinished();
            const StoreResult<AmtSystem> c = credentials.result();
            if (!c.ok()) {
                r.message = c.error.message;
                results << r;
                promise->setProgressValue(++done);
                continue;
            }
            const Amt::AmtEndpoint e = endpointFor(c.value, httpPort, tlsPort, timeoutMs);
            QElapsedTimer timer;
            timer.start();
            const std::unique_ptr<Amt::DeviceSession> session = Amt::DeviceSession::open(e, dialectFor(c.value),
                                                                                         c.value.amtVersion);
            const bool wsman = session->dialect() == Amt::Dialect::Wsman;
            Amt::AmtError error;
            QString step;
            switch (action) {
            case Action::PowerOn:
            case Action::PowerOff:
            case Action::Reset:
                step = wsman ? QStringLiteral("RequestPowerStateChange") : QStringLiteral("RemoteControl");
                error = session->power(action == Action::PowerOn            ? Amt::PowerAction::PowerOn
                                               : action == Action::PowerOff ? Amt::PowerAction::PowerOff
                                                                            : Amt::PowerAction::Reset);
                break;
            case Action::Unprovision:
            case Action::PartialUnprovision:
                step = QStringLiteral("Unprovision");
                error = session->unprovision(action == Action::PartialUnprovision);
                break;
            }
            ActionRecord a;
            a.time = QDateTime::currentDateTimeUtc();
            a.uuid = c.value.uuid;
            a.step = step;
            a.durationMs = int(timer.elapsed());
            a.result = error ? ActionRecord::Result::Failed : ActionRecord::Result::Succeeded;
            a.status = error
                    ? (error.category == Amt::AmtError::Category::Status ? error.statusName
                                                                         : Amt::AmtError::categoryName(error.category))
                    : QStringLiteral("SUCCESS");
            a.message = error ? error.message : actionName(action);
            records << a;
            r.ok = !error;
            r.message = error ? error.message : tr("%1: done").arg(actionName(action));
            log->log(error ? Severity::Error : Severity::Information,
                     error ? tr("%1 of %2 failed: %3").arg(actionName(action), c.value.uuid, error.message)
                           : tr("%1 of %2 (%3) done.").arg(actionName(action), c.value.uuid, c.value.address),
                     {}, c.value.uuid, QStringLiteral("console"));
            if (!error && (action == Action::Unprovision || action == Action::PartialUnprovision)) {
                store->setSystemsState({c.value.uuid}, SystemState::Unprovisioned,
                                       action == Action::Unprovision
                                               ? tr("Unprovisioned (full): back to factory mode; it needs a new key.")
                                               : tr("Unprovisioned (partial): back in setup mode with its key; it "
                                                    "sends hellos again."),
                                       {a})
                        .waitForFinished();
                records.removeLast();
            }
            results << r;
            promise->setProgressValue(++done);
        }
        if (!records.isEmpty()) {
            // Steps only; the state does not change for power actions.
            QStringList none;
            store->setSystemsState(none, SystemState::Provisioned, {}, records).waitForFinished();
        }
        promise->addResult(results);
        promise->finish();
    });
    return future;
}

QFuture<QList<SystemActions::Result>> SystemActions::restartHellos(const QString &agent, const QStringList &uuids)
{
    auto promise = std::make_shared<QPromise<QList<Result>>>();
    QFuture<QList<Result>> future = promise->future();
    promise->start();
    promise->setProgressRange(0, int(uuids.size()));
    Store *store = m_store;
    UserLog *log = m_log;
    const int timeoutMs = m_timeoutMs;
    QThreadPool::globalInstance()->start([=] {
        QList<Result> results;
        QList<ActionRecord> records;
        const int colon = int(agent.lastIndexOf(u':'));
        const QHostAddress host(agent.left(colon));
        const quint16 port = quint16(agent.mid(colon + 1).toUInt());
        QTcpSocket socket;
        QString connectError;
        if (colon <= 0 || host.isNull() || port == 0)
            connectError = tr("The task agent address '%1' is not HOST:PORT with an IP address.").arg(agent);
        else {
            socket.connectToHost(host, port);
            if (!socket.waitForConnected(timeoutMs))
                connectError =
                        tr("The task agent at %1 does not answer: %2. Is it running?").arg(agent, socket.errorString());
        }
        int done = 0;
        for (const QString &uuid : uuids) {
            Result r;
            r.uuid = uuid;
            QElapsedTimer timer;
            timer.start();
            if (!connectError.isEmpty()) {
                r.message = connectError;
            } else {
                socket.write(QJsonDocument(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("restart-hellos")},
                                                       {QStringLiteral("uuid"), uuid}})
                                     .toJson(QJsonDocument::Compact)
                             + '\n');
                QByteArray answer;
                while (!answer.contains('\n') && socket.waitForReadyRead(timeoutMs))
                    answer += socket.readAll();
                const QJsonObject o = QJsonDocument::fromJson(answer).object();
                r.ok = o.value(QStringLiteral("ok")).toBool();
                r.message = r.ok ? tr("hello sequence restarted; the system says hello again for 6 hours")
                                 : o.value(QStringLiteral("error")).toString(tr("the task agent did not answer"));
            }
            ActionRecord a;
            a.time = QDateTime::currentDateTimeUtc();
            a.uuid = uuid;
            a.step = QStringLiteral("DelayedProvision");
            a.durationMs = int(timer.elapsed());
            a.result = r.ok ? ActionRecord::Result::Succeeded : ActionRecord::Result::Failed;
            a.status = r.ok ? QStringLiteral("SUCCESS") : QStringLiteral("agent");
            a.message = r.message;
            records << a;
            log->log(r.ok ? Severity::Information : Severity::Error,
                     r.ok ? tr("Delayed Provision: the task agent restarted the hello sequence of %1.").arg(uuid)
                          : tr("Delayed Provision of %1 failed: %2").arg(uuid, r.message),
                     {}, uuid, QStringLiteral("console"));
            results << r;
            promise->setProgressValue(++done);
        }
        store->setSystemsState({}, SystemState::Failed, {}, records).waitForFinished();
        promise->addResult(results);
        promise->finish();
    });
    return future;
}

} // namespace Oobm::Core
