// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceoperation.h"

#include "core/amt/amtsession.h"
#include "core/amt/ptstatus.h"
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

// The special command and its parameter for a "next boot" operation (docs/protocol.md §5.3):
// a device, or BIOS setup through the Intel OEM command's BIOS-setup bit.
struct BootTarget
{
    Amt::SpecialCommand special = Amt::SpecialCommand::Nop;
    unsigned short parameter = 0;
};

BootTarget bootTarget(Operation operation)
{
    switch (operation) {
    case Operation::BootPxe:
        return {Amt::SpecialCommand::ForcePxeBoot, 0};
    case Operation::BootHardDisk:
        return {Amt::SpecialCommand::ForceHardDriveBoot, 0};
    case Operation::BootCd:
        return {Amt::SpecialCommand::ForceCdOrDvdBoot, 0};
    case Operation::BootBiosSetup:
        return {Amt::SpecialCommand::IntelOemCommand, Amt::IntelOemBiosSetup};
    default:
        return {};
    }
}

bool isOff(unsigned powerState)
{
    const auto s = Amt::PowerState(powerState & 0x0F);
    return s == Amt::PowerState::S5SoftOff || s == Amt::PowerState::S4S5 || s == Amt::PowerState::MechanicalOff
            || s == Amt::PowerState::S5Override || s == Amt::PowerState::LegacyOff;
}

// The PT_STATUS name when the device answered one, else the error's category; as Actions Status shows.
void fail(RunOutcome *o, const Amt::AmtError &e)
{
    o->state = RunSystemState::Failed;
    o->status = e.category == Amt::AmtError::Category::Status ? Amt::ptStatusName(e.ptStatus)
                                                              : Amt::AmtError::categoryName(e.category);
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

// ACL users as the profile has them: existing entries of the same name are updated, the others added.
Amt::AmtError applyUsers(Amt::AmtSession &session, const QList<Amt::UserAclEntry> &users)
{
    const auto handles = session.enumerateUserAclEntries();
    if (handles.error)
        return handles.error;
    QHash<QString, unsigned> existing;
    for (unsigned handle : handles.value) {
        const auto entry = session.getUserAclEntry(handle);
        if (entry.error)
            return entry.error;
        existing.insert(entry.value.username.toLower(), handle);
    }
    for (const Amt::UserAclEntry &user : users) {
        if (const auto it = existing.constFind(user.username.toLower()); it != existing.cend()) {
            if (Amt::AmtError e = session.updateUserAclEntry(it.value(), user))
                return e;
        } else if (const auto added = session.addUserAclEntry(user); added.error) {
            return added.error;
        }
    }
    return {};
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
    Amt::AmtSession session(endpoint);
    Amt::AmtError error;
    switch (work.operation) {
    case Operation::PowerOn:
    case Operation::PowerOff: {
        const bool on = work.operation == Operation::PowerOn;
        if (work.attempt > 1) {
            // An earlier attempt may have switched it before its engine stopped: look first.
            const auto state = session.getSystemPowerState();
            if (state.error) {
                // Not known: switching blind could switch it twice. The read's failure is the
                // outcome (a transient one is tried again).
                fail(&o, state.error);
                return finish();
            }
            if (isOff(state.value) != on) {
                o.state = RunSystemState::Skipped;
                o.message = on ? tr("It is on already.") : tr("It is off already.");
                return finish();
            }
        }
        error = session.remoteControl(on ? Amt::RemoteCommand::PowerUp : Amt::RemoteCommand::PowerDown);
        break;
    }
    case Operation::Reset:
        error = session.remoteControl(Amt::RemoteCommand::Reset);
        break;
    case Operation::PowerCycle:
        error = session.remoteControl(Amt::RemoteCommand::PowerCycleReset);
        break;
    case Operation::BootPxe:
    case Operation::BootHardDisk:
    case Operation::BootCd:
    case Operation::BootBiosSetup: {
        const BootTarget boot = bootTarget(work.operation);
        error = session.remoteControl(Amt::RemoteCommand::SetBootOptions, boot.special, boot.parameter);
        if (!error)
            o.message = tr("The next boot is set; it takes effect at the device's next start.");
        break;
    }
    case Operation::SyncClock: {
        const auto device = session.getLowAccuracyTimeSynch();
        if (device.error) {
            error = device.error;
            break;
        }
        const auto now = [&] {
            return quint32((options.clock ? options.clock() : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch());
        };
        const quint32 tm1 = now();
        error = session.setHighAccuracyTimeSynch(device.value, tm1, now());
        if (!error)
            o.message = tr("The device's clock was %1 s off; it is set now.").arg(qint64(device.value) - qint64(tm1));
        break;
    }
    case Operation::RotateAdminPassword: {
        error = session.setAdminAclEntry(work.system.adminUser, work.newAdminPassword);
        if (error.category == Amt::AmtError::Category::Authentication && !work.previousPassword.isEmpty()) {
            // An earlier attempt set a password and its engine stopped before it was recorded.
            Amt::AmtEndpoint again = endpoint;
            again.password = work.previousPassword;
            Amt::AmtSession retry(again);
            error = retry.setAdminAclEntry(work.system.adminUser, work.newAdminPassword);
        }
        if (!error) {
            o.newAdminPassword = work.newAdminPassword;
            o.message = tr("The admin password of %1 was replaced by a new random one (sealed in the store).")
                                .arg(work.system.adminUser);
        }
        break;
    }
    case Operation::ReapplyProfile: {
        error = applyUsers(session, work.profile.aclUsers);
        if (!error && !work.profile.interfaces.isEmpty())
            error = session.setEnabledInterfaces(work.profile.interfaces);
        if (!error && work.profile.tlsEnabled && work.tlsCertificate.isValid()) {
            error = session.setTlsKeyAndCertificate(work.tlsCertificate.keyPem, work.tlsCertificate.chainList());
            if (!error)
                error = session.setTlsEnabled(true);
            if (!error)
                error = session.commitChanges();
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
        // Project contract (docs/protocol.md §5.6): 0x80 asks for a partial unprovision, as MEBx offers it.
        error = session.unprovision(work.operation == Operation::UnprovisionFull ? Amt::ProvisioningMode::Current
                                                                                 : Amt::ProvisioningMode(0x80));
        break;
    case Operation::RestartHello:
        break;
    }
    if (error)
        fail(&o, error);
    return finish();
}

} // namespace Oobm::Core
