// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceoperation.h"

#include "core/amt/devicesession.h"
#include "core/engine/systemactions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <algorithm>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::DeviceOperation", text);
}

Amt::NextBoot nextBoot(Operation operation)
{
    switch (operation) {
    case Operation::BootPxe:
        return Amt::NextBoot::Pxe;
    case Operation::BootHardDisk:
        return Amt::NextBoot::HardDisk;
    case Operation::BootCd:
        return Amt::NextBoot::CdDvd;
    default:
        return Amt::NextBoot::BiosSetup;
    }
}

// The status's name when the device answered one (a PT_STATUS, a CIM ReturnValue), else the
// error's category; as Actions Status shows.
void fail(RunOutcome *o, const Amt::AmtError &e)
{
    o->state = RunSystemState::Failed;
    o->status = e.category == Amt::AmtError::Category::Status ? e.statusName : Amt::AmtError::categoryName(e.category);
    o->message = e.message;
}

// The host agent restarts the hello sequence: one JSON line, one answer (the lab's agent is
// amt-sim's control interface; issue 16 brings the real one).
void restartHello(const RunWork &work, RunOutcome *o, int timeoutMs)
{
    const QString agent = work.parameter;
    const int colon = int(agent.lastIndexOf(u':'));
    QTcpSocket socket;
    socket.connectToHost(agent.left(colon), quint16(agent.mid(colon + 1).toUInt()));
    if (colon <= 0 || !socket.waitForConnected(timeoutMs)) {
        o->state = RunSystemState::Failed;
        o->status = QStringLiteral("connection");
        o->message = tr("The host agent at %1 cannot be reached: %2").arg(agent, socket.errorString());
        return;
    }
    socket.write(QJsonDocument(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("restart-hellos")},
                                           {QStringLiteral("uuid"), work.system.uuid}})
                         .toJson(QJsonDocument::Compact)
                 + '\n');
    QByteArray line;
    while (!line.contains('\n') && socket.waitForReadyRead(timeoutMs))
        line += socket.readAll();
    const QJsonObject answer = QJsonDocument::fromJson(line).object();
    if (answer.value(QStringLiteral("ok")).toBool()) {
        o->message = tr("The agent restarted the hello sequence.");
    } else {
        o->state = RunSystemState::Failed;
        o->status = QStringLiteral("agent");
        o->message = tr("The host agent refused: %1")
                             .arg(answer.value(QStringLiteral("error")).toString(QString::fromUtf8(line).trimmed()));
    }
}

} // namespace

bool isTransientFailure(const RunOutcome &outcome)
{
    using Category = Amt::AmtError::Category;
    return outcome.state == RunSystemState::Failed
            && (outcome.status == Amt::AmtError::categoryName(Category::Timeout)
                || outcome.status == Amt::AmtError::categoryName(Category::ConnectionRefused)
                || outcome.status == Amt::AmtError::categoryName(Category::ConnectionDropped));
}

RunOutcome runDeviceOperation(const RunWork &work, const DeviceOperationOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    RunOutcome o;
    o.runId = work.runId;
    o.uuid = work.system.uuid;
    o.operation = work.operation;
    o.attempt = work.attempt;
    o.state = RunSystemState::Succeeded;
    o.status = QStringLiteral("SUCCESS");
    const auto finish = [&]() {
        o.durationMs = int(timer.elapsed());
        return o;
    };
    if (!work.problem.isEmpty()) {
        o.state = RunSystemState::Failed;
        o.status = QStringLiteral("refused");
        o.message = work.problem;
        return finish();
    }
    if (work.operation == Operation::RestartHello) {
        restartHello(work, &o, options.timeoutMs);
        return finish();
    }
    const Amt::AmtEndpoint endpoint = SystemActions::endpointFor(work.system, options.httpPort, options.tlsPort,
                                                                 options.timeoutMs);
    const Amt::Dialect dialect = SystemActions::dialectFor(work.system);
    const std::unique_ptr<Amt::DeviceSession> session = Amt::DeviceSession::open(endpoint, dialect,
                                                                                 work.system.amtVersion);
    Amt::AmtError error;
    switch (work.operation) {
    case Operation::PowerOn:
    case Operation::PowerOff: {
        const bool on = work.operation == Operation::PowerOn;
        if (work.attempt > 1) {
            // An earlier attempt may have switched it before its engine stopped: look first.
            const auto power = session->hostPower();
            if (power.error) {
                // Not known: switching blind could switch it twice. The read's failure is the
                // outcome (a transient one is tried again).
                fail(&o, power.error);
                return finish();
            }
            if ((power.value == Amt::HostPower::Off) != on) {
                o.state = RunSystemState::Skipped;
                o.message = on ? tr("It is on already.") : tr("It is off already.");
                return finish();
            }
        }
        error = session->power(on ? Amt::PowerAction::PowerOn : Amt::PowerAction::PowerOff);
        break;
    }
    case Operation::Reset:
        error = session->power(Amt::PowerAction::Reset);
        break;
    case Operation::PowerCycle:
        error = session->power(Amt::PowerAction::PowerCycle);
        break;
    case Operation::BootPxe:
    case Operation::BootHardDisk:
    case Operation::BootCd:
    case Operation::BootBiosSetup:
        error = session->setNextBoot(nextBoot(work.operation));
        if (!error)
            o.message = tr("The next boot is set; it takes effect at the device's next start.");
        break;
    case Operation::SyncClock: {
        const auto device = session->clock();
        if (device.error) {
            error = device.error;
            break;
        }
        const auto now = [&] {
            return quint32((options.clock ? options.clock() : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch());
        };
        const quint32 tm1 = now();
        error = session->setClock(device.value, tm1, now());
        if (!error)
            o.message = tr("The device's clock was %1 s off; it is set now.").arg(qint64(device.value) - qint64(tm1));
        break;
    }
    case Operation::RotateAdminPassword: {
        error = session->setAdminPassword(work.system.adminUser, work.newAdminPassword);
        if (error.category == Amt::AmtError::Category::Authentication && !work.previousPassword.isEmpty()) {
            // An earlier attempt set a password and its engine stopped before it was recorded.
            Amt::AmtEndpoint again = endpoint;
            again.password = work.previousPassword;
            error = Amt::DeviceSession::open(again, dialect, work.system.amtVersion)
                            ->setAdminPassword(work.system.adminUser, work.newAdminPassword);
        }
        if (!error) {
            o.newAdminPassword = work.newAdminPassword;
            o.message = tr("The admin password of %1 was replaced by a new random one (sealed in the store).")
                                .arg(work.system.adminUser);
        }
        break;
    }
    case Operation::ReapplyProfile: {
        error = session->applyUsers(work.profile.aclUsers);
        if (!error && !work.profile.interfaces.isEmpty())
            error = session->setEnabledInterfaces(work.profile.interfaces);
        if (!error && work.profile.tlsEnabled && work.tlsCertificate.isValid()) {
            error = session->installTls(work.tlsCertificate.keyPem, work.tlsCertificate.chainList());
            if (!error)
                o.tlsCertificatePem = work.tlsCertificate.leafPem();
        }
        if (!error)
            o.message = tr("The profile %1 was applied again (%2 users%3).")
                                .arg(work.profile.name)
                                .arg(work.profile.aclUsers.size())
                                .arg(o.tlsCertificatePem.isEmpty() ? QString() : tr(", TLS"));
        break;
    }
    case Operation::UnprovisionPartial:
    case Operation::UnprovisionFull:
        error = session->unprovision(work.operation == Operation::UnprovisionPartial);
        break;
    case Operation::RestartHello:
        break;
    }
    if (error)
        fail(&o, error);
    return finish();
}

} // namespace Oobm::Core
