// SPDX-License-Identifier: GPL-2.0-or-later
// Task operations (core/engine/deviceoperation) against provisioned amt-sim devices over loopback,
// judged by what the device says about itself through amt-sim's control interface, never by the
// outcome alone: its power state, next and last boot, clock, admin password, users, mode, and the
// calls it received.
#include "common/labcertificate.h"
#include "common/simprocess.h"

#include "core/amt/amtclient.h"
#include "core/amt/amtsession.h"
#include "core/amt/devicesession.h"
#include "core/amt/ptstatus.h"
#include "core/engine/deviceoperation.h"
#include "core/keys/tlscertificate.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::SimProcess;

namespace {

const QString Password = QStringLiteral("P@ssw0rd");
constexpr int Fleet = 96;

// A TLS server certificate as a profile would carry it: RSA, "TLS Web Server Authentication",
// self-signed (the console pins the leaf).
TlsCertificate makeTlsCertificate(const char *commonName)
{
    Oobm::Test::LabCertificateSpec spec;
    spec.commonName = commonName;
    spec.selfSigned = true;
    const Oobm::Test::LabCertificate lab = Oobm::Test::issueLabCertificate(spec);
    QString error;
    TlsCertificate c = TlsCertificate::fromPem(lab.chainPem(), lab.keyPem, &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return c;
}

int callCount(const QJsonObject &state, const QString &operation)
{
    return state.value(QStringLiteral("operations")).toObject().value(operation).toObject().value("count").toInt();
}

QList<qint64> callTimes(const QJsonObject &state, const QString &operation)
{
    QList<qint64> times;
    for (const QJsonValue t :
         state.value(QStringLiteral("operations")).toObject().value(operation).toObject().value("timesMs").toArray())
        times << t.toInteger();
    return times;
}

QMap<QString, QList<unsigned>> users(const QJsonObject &state)
{
    QMap<QString, QList<unsigned>> out;
    for (const QJsonValue v : state.value(QStringLiteral("aclUsers")).toArray()) {
        QList<unsigned> realms;
        for (const QJsonValue r : v.toObject().value("realms").toArray())
            realms << unsigned(r.toInt());
        out.insert(v.toObject().value("username").toString(), realms);
    }
    return out;
}

QString userPassword(const QJsonObject &state, const QString &username)
{
    for (const QJsonValue v : state.value(QStringLiteral("aclUsers")).toArray()) {
        if (v.toObject().value("username").toString() == username)
            return v.toObject().value("password").toString();
    }
    return {};
}

// A run's work on a device of this lab, with the admin credentials the lab gave it.
RunWork workOn(const SimProcess &sim, int device, Operation operation, int attempt = 1)
{
    RunWork w;
    w.runId = 42;
    w.operation = operation;
    w.attempt = attempt;
    w.system.uuid = sim.device(device).uuid;
    w.system.address = sim.device(device).address;
    w.system.adminUser = QStringLiteral("admin");
    w.system.adminPassword = Password;
    return w;
}

} // namespace

Q_DECLARE_METATYPE(Oobm::Core::Operation)
Q_DECLARE_METATYPE(Oobm::Core::RunSystemState)

class tst_DeviceOperation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void power_data();
    void power();
    void nextBoot_data();
    void nextBoot();
    void nextBootLastsOneStart_data();
    void nextBootLastsOneStart();
    void syncClock_data();
    void syncClock();
    void rotateAdminPassword_data();
    void rotateAdminPassword();
    void reapplyProfile_data();
    void reapplyProfile();
    void unprovision_data();
    void unprovision();
    void restartHello_data();
    void restartHello();
    void retryLooksFirst_data();
    void retryLooksFirst();
    void retryThatCannotLookSwitchesNothing();
    void ptStatusFault_data();
    void ptStatusFault();
    void transportFault_data();
    void transportFault();
    void transientFaultThenRetry();
    void halfOfABatchFails();
    void mixedFleet_data();
    void mixedFleet();
    void retryLooksFirstOverWsman_data();
    void retryLooksFirstOverWsman();

private:
    // A provisioned device no other row has touched.
    int takeDevice();
    RunWork work(Operation operation, int device, int attempt = 1) const;
    DeviceOperationOptions options(int timeoutMs = 5000) const;
    QJsonObject state(int device) const { return m_sim.state(device, true); }
    bool control(QJsonObject request, int device) const;
    Amt::AmtEndpoint endpoint(int device, const QString &password = Password) const;

    SimProcess m_sim;
    int m_next = 0;
};

void tst_DeviceOperation::initTestCase()
{
    const QString e = m_sim.start({"--fleet", QString::number(Fleet), "--mode", "provisioned", "--admin-password",
                                   Password, "--workers", "16"});
    QVERIFY2(e.isEmpty(), qPrintable(e));
}

int tst_DeviceOperation::takeDevice()
{
    if (m_next >= Fleet)
        qFatal("tst_deviceoperation: more rows than devices; raise Fleet");
    return m_next++;
}

RunWork tst_DeviceOperation::work(Operation operation, int device, int attempt) const
{
    return workOn(m_sim, device, operation, attempt);
}

DeviceOperationOptions tst_DeviceOperation::options(int timeoutMs) const
{
    DeviceOperationOptions o;
    o.timeoutMs = timeoutMs;
    return o;
}

bool tst_DeviceOperation::control(QJsonObject request, int device) const
{
    request.insert("uuid", m_sim.device(device).uuid);
    const QJsonObject answer = m_sim.control(request);
    if (!answer.value("ok").toBool())
        qWarning("control: %s", qPrintable(answer.value("error").toString()));
    return answer.value("ok").toBool();
}

Amt::AmtEndpoint tst_DeviceOperation::endpoint(int device, const QString &password) const
{
    Amt::AmtEndpoint e;
    e.host = m_sim.device(device).address;
    e.password = password;
    e.connectTimeoutMs = e.sendTimeoutMs = e.receiveTimeoutMs = 5000;
    return e;
}

void tst_DeviceOperation::power_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<int>("powerBefore");
    QTest::addColumn<RunSystemState>("outcome");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("powerAfter");
    QTest::addColumn<int>("boots");
    QTest::addColumn<QString>("command"); // RemoteControl's command, as the device counts it
    QTest::newRow("power on from off") << Operation::PowerOn << 5 << RunSystemState::Succeeded << "SUCCESS" << 0 << 1
                                       << "PowerUp";
    QTest::newRow("power on while on") << Operation::PowerOn << 0 << RunSystemState::Succeeded << "SUCCESS" << 0 << 0
                                       << "PowerUp";
    QTest::newRow("power off") << Operation::PowerOff << 0 << RunSystemState::Succeeded << "SUCCESS" << 5 << 0
                               << "PowerDown";
    QTest::newRow("power off while off") << Operation::PowerOff << 5 << RunSystemState::Succeeded << "SUCCESS" << 5 << 0
                                         << "PowerDown";
    QTest::newRow("reset") << Operation::Reset << 0 << RunSystemState::Succeeded << "SUCCESS" << 0 << 1 << "Reset";
    QTest::newRow("reset while off") << Operation::Reset << 5 << RunSystemState::Failed << "NOT_PERMITTED" << 5 << 0
                                     << "Reset";
    QTest::newRow("power cycle") << Operation::PowerCycle << 0 << RunSystemState::Succeeded << "SUCCESS" << 0 << 1
                                 << "PowerCycleReset";
    QTest::newRow("power cycle while off")
            << Operation::PowerCycle << 5 << RunSystemState::Failed << "NOT_PERMITTED" << 5 << 0 << "PowerCycleReset";
}

void tst_DeviceOperation::power()
{
    QFETCH(Operation, operation);
    QFETCH(int, powerBefore);
    QFETCH(RunSystemState, outcome);
    QFETCH(QString, status);
    QFETCH(int, powerAfter);
    QFETCH(int, boots);
    QFETCH(QString, command);
    const int d = takeDevice();
    QVERIFY(control({{"cmd", "set-power"}, {"state", powerBefore}}, d));

    const RunOutcome o = runDeviceOperation(work(operation, d), options());
    QCOMPARE(o.uuid, m_sim.device(d).uuid);
    QCOMPARE(o.runId, 42);
    QCOMPARE(o.operation, operation);
    QCOMPARE(o.attempt, 1);
    QVERIFY2(o.state == outcome, qPrintable(o.status + u": " + o.message));
    QCOMPARE(o.status, status);

    const QJsonObject s = state(d);
    QCOMPARE(s.value("powerState").toInt(), powerAfter);
    QCOMPARE(s.value("boots").toInt(), boots);
    QCOMPARE(s.value("lastBoot").toString(), boots ? QStringLiteral("normal") : QString());
    QCOMPARE(callCount(s, "RemoteControl"), 1);
    QCOMPARE(callCount(s, command), 1);
    QCOMPARE(callCount(s, "GetSystemPowerState"), 0); // a first attempt does not look first
}

void tst_DeviceOperation::nextBoot_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<int>("power");
    QTest::addColumn<QString>("nextBoot");
    QTest::addColumn<int>("specialCommand");
    QTest::addColumn<int>("parameter");
    QTest::newRow("PXE") << Operation::BootPxe << 0 << "pxe" << 1 << 0;
    QTest::newRow("hard disk") << Operation::BootHardDisk << 0 << "hard-disk" << 2 << 0;
    QTest::newRow("CD/DVD") << Operation::BootCd << 0 << "cd-dvd" << 5 << 0;
    QTest::newRow("BIOS setup") << Operation::BootBiosSetup << 0 << "bios-setup" << 0xC1 << 0x0008;
    QTest::newRow("PXE while off") << Operation::BootPxe << 5 << "pxe" << 1 << 0;
    QTest::newRow("BIOS setup while off") << Operation::BootBiosSetup << 5 << "bios-setup" << 0xC1 << 0x0008;
}

void tst_DeviceOperation::nextBoot()
{
    QFETCH(Operation, operation);
    QFETCH(int, power);
    QFETCH(QString, nextBoot);
    QFETCH(int, specialCommand);
    QFETCH(int, parameter);
    const int d = takeDevice();
    QVERIFY(control({{"cmd", "set-power"}, {"state", power}}, d));

    const RunOutcome o = runDeviceOperation(work(operation, d), options());
    QVERIFY2(o.state == RunSystemState::Succeeded, qPrintable(o.status + u": " + o.message));
    QCOMPARE(o.status, QStringLiteral("SUCCESS"));

    // Set for the next start, without one: the power state and the boots stay.
    const QJsonObject s = state(d);
    QCOMPARE(s.value("nextBoot").toString(), nextBoot);
    QCOMPARE(s.value("nextBootSpecialCommand").toInt(), specialCommand);
    QCOMPARE(s.value("nextBootParameter").toInt(), parameter);
    QCOMPARE(s.value("powerState").toInt(), power);
    QCOMPARE(s.value("boots").toInt(), 0);
    QCOMPARE(callCount(s, "SetBootOptions"), 1);
    QCOMPARE(callCount(s, "RemoteControl"), 1);
}

void tst_DeviceOperation::nextBootLastsOneStart_data()
{
    QTest::addColumn<Operation>("boot");
    QTest::addColumn<int>("power");
    QTest::addColumn<QList<Operation>>("then");
    QTest::addColumn<QString>("lastBoot");
    QTest::newRow("PXE, reset") << Operation::BootPxe << 0 << QList<Operation>{Operation::Reset} << "pxe";
    QTest::newRow("hard disk, power cycle")
            << Operation::BootHardDisk << 0 << QList<Operation>{Operation::PowerCycle} << "hard-disk";
    QTest::newRow("CD/DVD, power on") << Operation::BootCd << 5 << QList<Operation>{Operation::PowerOn} << "cd-dvd";
    QTest::newRow("BIOS setup, power off and on")
            << Operation::BootBiosSetup << 0 << QList<Operation>{Operation::PowerOff, Operation::PowerOn}
            << "bios-setup";
}

void tst_DeviceOperation::nextBootLastsOneStart()
{
    QFETCH(Operation, boot);
    QFETCH(int, power);
    QFETCH(QList<Operation>, then);
    QFETCH(QString, lastBoot);
    const int d = takeDevice();
    QVERIFY(control({{"cmd", "set-power"}, {"state", power}}, d));
    QCOMPARE(runDeviceOperation(work(boot, d), options()).state, RunSystemState::Succeeded);
    for (Operation op : then) {
        const RunOutcome o = runDeviceOperation(work(op, d), options());
        QVERIFY2(o.state == RunSystemState::Succeeded, qPrintable(o.message));
    }
    QJsonObject s = state(d);
    QCOMPARE(s.value("boots").toInt(), 1);
    QCOMPARE(s.value("lastBoot").toString(), lastBoot);
    QCOMPARE(s.value("nextBoot").toString(), QStringLiteral("none"));
    QCOMPARE(s.value("powerState").toInt(), 0);

    // The start after boots normally.
    QCOMPARE(runDeviceOperation(work(Operation::Reset, d), options()).state, RunSystemState::Succeeded);
    s = state(d);
    QCOMPARE(s.value("boots").toInt(), 2);
    QCOMPARE(s.value("lastBoot").toString(), QStringLiteral("normal"));
}

void tst_DeviceOperation::syncClock_data()
{
    QTest::addColumn<int>("offset");       // the device's clock against the host's, seconds
    QTest::addColumn<int>("serverOffset"); // the server's clock (DeviceOperationOptions::clock)
    QTest::newRow("an hour ahead") << 3600 << 0;
    QTest::newRow("an hour behind") << -3600 << 0;
    QTest::newRow("a year ahead") << 365 * 86400 << 0;
    QTest::newRow("right already") << 0 << 0;
    QTest::newRow("to the server's clock, not the host's") << 0 << 120;
}

void tst_DeviceOperation::syncClock()
{
    QFETCH(int, offset);
    QFETCH(int, serverOffset);
    const int d = takeDevice();
    QVERIFY(control({{"cmd", "set-clock"}, {"offset", offset}}, d));
    QCOMPARE(state(d).value("clockOffsetMs").toInteger(), qint64(offset) * 1000);
    const qint64 hostNow = QDateTime::currentSecsSinceEpoch();
    QVERIFY(qAbs(state(d).value("deviceTime").toInteger() - (hostNow + offset)) <= 1);

    DeviceOperationOptions opts = options();
    if (serverOffset)
        opts.clock = [serverOffset] { return QDateTime::currentDateTimeUtc().addSecs(serverOffset); };
    const RunOutcome o = runDeviceOperation(work(Operation::SyncClock, d), opts);
    QVERIFY2(o.state == RunSystemState::Succeeded, qPrintable(o.status + u": " + o.message));
    // The message says how far off it was (Ta0 against the server's time).
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("(-?\\d+) s off")).match(o.message);
    QVERIFY2(m.hasMatch(), qPrintable(o.message));
    QVERIFY2(qAbs(m.captured(1).toLongLong() - (offset - serverOffset)) <= 2, qPrintable(o.message));

    // On the device: within 2 s of the server's clock; read, then set, once each.
    const QJsonObject s = state(d);
    const qint64 error = s.value("clockOffsetMs").toInteger() - qint64(serverOffset) * 1000;
    QVERIFY2(qAbs(error) <= 2000, qPrintable(QString::number(error)));
    QVERIFY(qAbs(s.value("deviceTime").toInteger() - (QDateTime::currentSecsSinceEpoch() + serverOffset)) <= 2);
    QCOMPARE(s.value("clockSets").toInt(), 1);
    QCOMPARE(callCount(s, "GetLowAccuracyTimeSynch"), 1);
    QCOMPARE(callCount(s, "SetHighAccuracyTimeSynch"), 1);
    QVERIFY(callTimes(s, "GetLowAccuracyTimeSynch").first() <= callTimes(s, "SetHighAccuracyTimeSynch").first());
}

void tst_DeviceOperation::rotateAdminPassword_data()
{
    QTest::addColumn<QString>("stored");   // the password the store has for the device
    QTest::addColumn<QString>("onDevice"); // what the device has (empty: Password)
    QTest::addColumn<QString>("previous"); // one an earlier attempt may have set
    QTest::addColumn<QString>("newPassword");
    QTest::addColumn<RunSystemState>("outcome");
    QTest::addColumn<QString>("status");
    QTest::newRow("rotates") << Password << ""
                             << ""
                             << "N3w-Rotat3d!x" << RunSystemState::Succeeded << "SUCCESS";
    QTest::newRow("an earlier attempt set one already") << Password << "Pend1ng-Pass!"
                                                        << "Pend1ng-Pass!"
                                                        << "N3w-Rotat3d!y" << RunSystemState::Succeeded << "SUCCESS";
    QTest::newRow("the stored password is wrong") << "Wr0ng-Stored!"
                                                  << ""
                                                  << ""
                                                  << "N3w-Rotat3d!z" << RunSystemState::Failed << "authentication";
    QTest::newRow("the device refuses the new one") << Password << ""
                                                    << ""
                                                    << "weak" << RunSystemState::Failed << "INVALID_PASSWORD";
}

void tst_DeviceOperation::rotateAdminPassword()
{
    QFETCH(QString, stored);
    QFETCH(QString, onDevice);
    QFETCH(QString, previous);
    QFETCH(QString, newPassword);
    QFETCH(RunSystemState, outcome);
    QFETCH(QString, status);
    const int d = takeDevice();
    if (!onDevice.isEmpty()) {
        Amt::AmtSession s(endpoint(d));
        QVERIFY(!s.setAdminAclEntry("admin", onDevice));
    }
    const int changesBefore = state(d).value("adminPasswordChanges").toInt();
    const QString devicePassword = onDevice.isEmpty() ? Password : onDevice;

    RunWork w = work(Operation::RotateAdminPassword, d, previous.isEmpty() ? 1 : 2);
    w.system.adminPassword = stored;
    w.previousPassword = previous;
    w.newAdminPassword = newPassword;
    const RunOutcome o = runDeviceOperation(w, options());
    QVERIFY2(o.state == outcome, qPrintable(o.status + u": " + o.message));
    QCOMPARE(o.status, status);

    const QJsonObject s = state(d);
    if (outcome == RunSystemState::Succeeded) {
        QCOMPARE(o.newAdminPassword, newPassword);
        QCOMPARE(s.value("mebxPassword").toString(), newPassword);
        QCOMPARE(s.value("adminPasswordChanges").toInt(), changesBefore + 1);
        QVERIFY(s.value("adminPasswordChangedMs").toInteger() > 0);
        // Digest with the new password works, with the old ones it does not.
        Amt::AmtSession fresh(endpoint(d, newPassword));
        const auto version = fresh.getCoreVersion();
        QVERIFY2(version.ok(), qPrintable(version.error.message));
        for (const QString &old : {Password, devicePassword}) {
            Amt::AmtSession stale(endpoint(d, old));
            QCOMPARE(stale.getCoreVersion().error.category, Amt::AmtError::Category::Authentication);
        }
    } else {
        QVERIFY(o.newAdminPassword.isEmpty());
        QCOMPARE(s.value("mebxPassword").toString(), devicePassword);
        QCOMPARE(s.value("adminPasswordChanges").toInt(), changesBefore);
        QVERIFY(Amt::AmtSession(endpoint(d, devicePassword)).getCoreVersion().ok());
    }
}

void tst_DeviceOperation::reapplyProfile_data()
{
    QTest::addColumn<bool>("tls");          // the profile turns TLS on with its certificate
    QTest::addColumn<bool>("deviceHasTls"); // the device was provisioned with TLS already
    QTest::addColumn<int>("badRealm");      // a realm the device refuses in the profile (0: none)
    QTest::addColumn<RunSystemState>("outcome");
    QTest::addColumn<QString>("status");
    QTest::newRow("users and interfaces") << false << false << 0 << RunSystemState::Succeeded << "SUCCESS";
    QTest::newRow("TLS on a device on HTTP") << true << false << 0 << RunSystemState::Succeeded << "SUCCESS";
    QTest::newRow("TLS on a device on TLS") << true << true << 0 << RunSystemState::Succeeded << "SUCCESS";
    QTest::newRow("a realm the device refuses") << false << false << 99 << RunSystemState::Failed << "INVALID_REALM";
}

void tst_DeviceOperation::reapplyProfile()
{
    QFETCH(bool, tls);
    QFETCH(bool, deviceHasTls);
    QFETCH(int, badRealm);
    QFETCH(RunSystemState, outcome);
    QFETCH(QString, status);
    const int d = takeDevice();
    RunWork w = work(Operation::ReapplyProfile, d);
    {
        // What the device has: an operator with fewer realms and an old password, someone the
        // profile does not name, and (for one row) TLS with an older certificate.
        Amt::AmtSession s(endpoint(d));
        QVERIFY(s.addUserAclEntry({"operator", "0ld-Operat0r!", {5}}).ok());
        QVERIFY(s.addUserAclEntry({"helpdesk", "Help-D3sk!", {13}}).ok());
        if (deviceHasTls) {
            const TlsCertificate old = makeTlsCertificate("old.amt.example.test");
            QVERIFY(!s.setTlsKeyAndCertificate(old.keyPem, old.chainList()));
            QVERIFY(!s.setTlsEnabled(true));
            QVERIFY(!s.commitChanges());
            w.system.tlsCertificatePem = old.leafPem();
        }
    }
    w.profile.name = QStringLiteral("Standard");
    w.profile.aclUsers = {{"operator", "N3w-Operat0r!", {5, 13}}, {"auditor", "Aud1t-0nly!", {20}}};
    if (badRealm)
        w.profile.aclUsers.append({"broken", "Br0ken-User!", {unsigned(badRealm)}});
    w.profile.interfaces = {QStringLiteral("WebUI"), QStringLiteral("SOL")};
    w.profile.tlsEnabled = tls;
    if (tls) {
        w.tlsCertificate = makeTlsCertificate("amt.example.test");
        QVERIFY(w.tlsCertificate.isValid());
    }

    const RunOutcome o = runDeviceOperation(w, options());
    QVERIFY2(o.state == outcome, qPrintable(o.status + u": " + o.message));
    QCOMPARE(o.status, status);

    const QJsonObject s = state(d);
    const auto onDevice = users(s);
    if (outcome == RunSystemState::Failed) {
        QVERIFY(!onDevice.contains("broken"));
        return;
    }
    QCOMPARE(onDevice.value("operator"), (QList<unsigned>{5, 13})); // updated in place
    QCOMPARE(userPassword(s, "operator"), QStringLiteral("N3w-Operat0r!"));
    QCOMPARE(onDevice.value("auditor"), QList<unsigned>{20}); // added
    QCOMPARE(userPassword(s, "auditor"), QStringLiteral("Aud1t-0nly!"));
    QVERIFY(onDevice.contains("helpdesk")); // left alone
    QCOMPARE(onDevice.size(), 3);
    QCOMPARE(s.value("enabledInterfaces").toVariant().toStringList(), (QStringList{"WebUI", "SOL"}));
    QCOMPARE(callCount(s, "AddUserAclEntry"), 2 + 1);
    QCOMPARE(callCount(s, "UpdateUserAclEntry"), 1);
    if (!tls) {
        QVERIFY(o.tlsCertificatePem.isEmpty());
        QCOMPARE(s.value("tlsEnabled").toBool(), deviceHasTls);
        return;
    }
    // The device serves TLS with the profile's certificate, and is reached with it pinned.
    QCOMPARE(o.tlsCertificatePem, w.tlsCertificate.leafPem());
    QVERIFY(s.value("tlsEnabled").toBool());
    QVERIFY(!s.value("tlsChangesPending").toBool());
    QCOMPARE(s.value("tlsCommits").toInt(), deviceHasTls ? 2 : 1);
    QCOMPARE(callCount(s, "CommitChanges"), deviceHasTls ? 2 : 1);
    QCOMPARE(s.value("tlsCertificateChainPem").toArray().first().toString().toLatin1(), w.tlsCertificate.leafPem());
    RunWork after = work(Operation::PowerOff, d);
    after.system.tlsCertificatePem = o.tlsCertificatePem;
    const RunOutcome off = runDeviceOperation(after, options());
    QVERIFY2(off.state == RunSystemState::Succeeded, qPrintable(off.message));
    QCOMPARE(state(d).value("powerState").toInt(), 5);
}

void tst_DeviceOperation::unprovision_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("keepsPid");
    QTest::newRow("partial") << Operation::UnprovisionPartial << "setup-psk" << true;
    QTest::newRow("full") << Operation::UnprovisionFull << "factory" << false;
}

void tst_DeviceOperation::unprovision()
{
    QFETCH(Operation, operation);
    QFETCH(QString, mode);
    QFETCH(bool, keepsPid);
    const int d = takeDevice();
    {
        Amt::AmtSession s(endpoint(d));
        QVERIFY(s.addUserAclEntry({"operator", "0perat0r-Pw!", {5}}).ok());
    }
    const QString pid = state(d).value("pid").toString();
    QVERIFY(!pid.isEmpty());

    const RunOutcome o = runDeviceOperation(work(operation, d), options());
    QVERIFY2(o.state == RunSystemState::Succeeded, qPrintable(o.status + u": " + o.message));
    QTRY_COMPARE(state(d).value("mode").toString(), mode);
    const QJsonObject s = state(d);
    QCOMPARE(s.value("provisioningState").toInt(), keepsPid ? 1 : 0);
    QCOMPARE(s.value("pid").toString(), keepsPid ? pid : QString());
    QCOMPARE(s.value("mebxPassword").toString(), keepsPid ? Password : QStringLiteral("admin"));
    QVERIFY(s.value("aclUsers").toArray().isEmpty());
    QCOMPARE(callCount(s, "Unprovision"), 1);
    // Nothing answers on 16992 any more.
    QCOMPARE(Amt::AmtSession(endpoint(d)).getCoreVersion().error.category, Amt::AmtError::Category::ConnectionRefused);
}

void tst_DeviceOperation::restartHello_data()
{
    QTest::addColumn<QString>("mode");  // the device's
    QTest::addColumn<QString>("agent"); // empty: amt-sim's control interface
    QTest::addColumn<bool>("knownDevice");
    QTest::addColumn<RunSystemState>("outcome");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("message"); // a part of the outcome's message
    QTest::newRow("restarted") << "setup-psk"
                               << "" << true << RunSystemState::Succeeded << "SUCCESS"
                               << "restarted the hello sequence";
    QTest::newRow("agent unreachable") << "setup-psk"
                                       << "127.0.0.1:1" << true << RunSystemState::Failed << "connection"
                                       << "cannot be reached";
    QTest::newRow("agent does not know the device") << "setup-psk"
                                                    << "" << false << RunSystemState::Failed << "agent"
                                                    << "no device";
    QTest::newRow("device not in setup mode") << "provisioned"
                                              << "" << true << RunSystemState::Failed << "agent"
                                              << "not in setup mode (provisioned)";
}

void tst_DeviceOperation::restartHello()
{
    QFETCH(QString, mode);
    QFETCH(QString, agent);
    QFETCH(bool, knownDevice);
    QFETCH(RunSystemState, outcome);
    QFETCH(QString, status);
    QFETCH(QString, message);
    // A device in setup mode whose hello window closed (mode 6): 100000x makes 24 hours 0.86 s.
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", mode, "--admin-password", Password, "--provision-server",
                       "127.0.0.1:1", "--time-scale", "100000"})
                    .isEmpty());
    const bool setup = mode == u"setup-psk";
    if (setup)
        QTRY_VERIFY_WITH_TIMEOUT(sim.state().value("helloWindowClosed").toBool(), 10000);
    const int sent = sim.state().value("hellosSent").toInt();

    RunWork w;
    w.operation = Operation::RestartHello;
    w.system.uuid = knownDevice ? sim.device().uuid : QStringLiteral("00000000-0000-0000-0000-000000000000");
    w.parameter = agent.isEmpty() ? sim.controlAddress() : agent;
    const RunOutcome o = runDeviceOperation(w, options(2000));
    QVERIFY2(o.state == outcome, qPrintable(o.status + u": " + o.message));
    QCOMPARE(o.status, status);
    QVERIFY2(o.message.contains(message), qPrintable(o.message));
    if (outcome == RunSystemState::Succeeded) {
        QTRY_VERIFY(sim.state().value("hellosSent").toInt() > sent); // hellos again,
        const QJsonObject s = sim.state();
        QCOMPARE(s.value("firstWindow").toBool(), false); // in a second, 6-hour window
        QCOMPARE(callCount(s, "RestartHellos"), 1);
    } else {
        const QJsonObject s = sim.state();
        QCOMPARE(s.value("mode").toString(), mode);
        QCOMPARE(s.value("helloWindowClosed").toBool(), setup);
        QVERIFY(s.value("firstWindow").toBool());
        QCOMPARE(s.value("hellosSent").toInt(), sent);
        QCOMPARE(callCount(s, "RestartHellos"), 0);
    }
}

void tst_DeviceOperation::retryLooksFirst_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("power");
    QTest::addColumn<RunSystemState>("outcome");
    QTest::addColumn<int>("remoteControls"); // RemoteControl calls the device received
    QTest::addColumn<int>("powerAfter");
    QTest::newRow("power off, off already") << Operation::PowerOff << 2 << 5 << RunSystemState::Skipped << 0 << 5;
    QTest::newRow("power on, on already") << Operation::PowerOn << 2 << 0 << RunSystemState::Skipped << 0 << 0;
    QTest::newRow("power off, still on") << Operation::PowerOff << 2 << 0 << RunSystemState::Succeeded << 1 << 5;
    QTest::newRow("power on, still off") << Operation::PowerOn << 3 << 5 << RunSystemState::Succeeded << 1 << 0;
    QTest::newRow("first attempt, off already") << Operation::PowerOff << 1 << 5 << RunSystemState::Succeeded << 1 << 5;
}

void tst_DeviceOperation::retryLooksFirst()
{
    QFETCH(Operation, operation);
    QFETCH(int, attempt);
    QFETCH(int, power);
    QFETCH(RunSystemState, outcome);
    QFETCH(int, remoteControls);
    QFETCH(int, powerAfter);
    const int d = takeDevice();
    QVERIFY(control({{"cmd", "set-power"}, {"state", power}}, d));

    const RunOutcome o = runDeviceOperation(work(operation, d, attempt), options());
    QVERIFY2(o.state == outcome, qPrintable(o.status + u": " + o.message));
    QCOMPARE(o.attempt, attempt);
    const QJsonObject s = state(d);
    QCOMPARE(callCount(s, "RemoteControl"), remoteControls);
    QCOMPARE(callCount(s, "GetSystemPowerState"), attempt > 1 ? 1 : 0);
    QCOMPARE(s.value("powerState").toInt(), powerAfter);
    if (outcome == RunSystemState::Skipped)
        QVERIFY2(o.message.contains(QStringLiteral("already")), qPrintable(o.message));
}

// A later attempt that cannot read the power state does not switch blind: the earlier attempt may
// have switched already. The read's failure is the outcome.
void tst_DeviceOperation::retryThatCannotLookSwitchesNothing()
{
    const int d = takeDevice();
    QVERIFY(control({{"cmd", "set-power"}, {"state", 0}}, d));
    QVERIFY(control(
            {{"cmd", "fault"}, {"kind", "status"}, {"operation", "GetSystemPowerState"}, {"status", "NOT_READY"}}, d));
    const RunOutcome o = runDeviceOperation(work(Operation::PowerOff, d, 2), options());
    QCOMPARE(o.state, RunSystemState::Failed);
    QCOMPARE(o.status, QStringLiteral("NOT_READY"));
    const QJsonObject s = state(d);
    QCOMPARE(callCount(s, "GetSystemPowerState"), 1);
    QCOMPARE(callCount(s, "RemoteControl"), 0);
    QCOMPARE(s.value("powerState").toInt(), 0);
}

void tst_DeviceOperation::ptStatusFault_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("faulted"); // the operation (or RemoteControl command) made to fail
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("unchanged"); // a state field the failure leaves as it was
    QTest::newRow("power off") << Operation::PowerOff << "PowerDown"
                               << "INTERNAL_ERROR"
                               << "powerState";
    QTest::newRow("power on, by operation") << Operation::PowerOn << "RemoteControl"
                                            << "NOT_READY"
                                            << "boots";
    QTest::newRow("reset") << Operation::Reset << "Reset"
                           << "NOT_PERMITTED"
                           << "boots";
    QTest::newRow("power cycle") << Operation::PowerCycle << "PowerCycleReset"
                                 << "NOT_READY"
                                 << "lastBoot";
    QTest::newRow("next boot") << Operation::BootPxe << "SetBootOptions"
                               << "UNSUPPORTED_BOOT_OPTION"
                               << "nextBoot";
    QTest::newRow("BIOS setup") << Operation::BootBiosSetup << "SetBootOptions"
                                << "INVALID_PARAMETER"
                                << "nextBoot";
    QTest::newRow("clock, reading") << Operation::SyncClock << "GetLowAccuracyTimeSynch"
                                    << "INTERNAL_ERROR"
                                    << "clockOffsetMs";
    QTest::newRow("clock, setting") << Operation::SyncClock << "SetHighAccuracyTimeSynch"
                                    << "INVALID_TIME"
                                    << "clockSets";
    QTest::newRow("admin password") << Operation::RotateAdminPassword << "SetAdminAclEntry"
                                    << "INTERNAL_ERROR"
                                    << "mebxPassword";
    QTest::newRow("profile, listing users") << Operation::ReapplyProfile << "EnumerateUserAclEntries"
                                            << "INTERNAL_ERROR"
                                            << "aclUsers";
    QTest::newRow("profile, adding a user") << Operation::ReapplyProfile << "AddUserAclEntry"
                                            << "MAX_LIMIT_REACHED"
                                            << "aclUsers";
    QTest::newRow("profile, interfaces") << Operation::ReapplyProfile << "SetEnabledInterfaces"
                                         << "INVALID_PARAMETER"
                                         << "enabledInterfaces";
    QTest::newRow("profile, committing TLS") << Operation::ReapplyProfile << "CommitChanges"
                                             << "INTERNAL_ERROR"
                                             << "tlsEnabled";
    QTest::newRow("partial unprovision") << Operation::UnprovisionPartial << "Unprovision"
                                         << "INVALID_PROVISIONING_STATE"
                                         << "mode";
    QTest::newRow("full unprovision") << Operation::UnprovisionFull << "Unprovision"
                                      << "NOT_READY"
                                      << "pid";
}

void tst_DeviceOperation::ptStatusFault()
{
    QFETCH(Operation, operation);
    QFETCH(QString, faulted);
    QFETCH(QString, status);
    QFETCH(QString, unchanged);
    const int d = takeDevice();
    QVERIFY(control({{"cmd", "set-clock"}, {"offset", 3600}}, d));
    if (operation == Operation::PowerOn)
        QVERIFY(control({{"cmd", "set-power"}, {"state", 5}}, d));
    QVERIFY(control({{"cmd", "fault"}, {"kind", "status"}, {"operation", faulted}, {"status", status}}, d));
    const QJsonObject before = state(d);

    RunWork w = work(operation, d);
    w.newAdminPassword = QStringLiteral("N3w-Rotat3d!x");
    w.profile.aclUsers = {{"operator", "N3w-Operat0r!", {5}}};
    w.profile.interfaces = {QStringLiteral("WebUI")};
    if (operation == Operation::ReapplyProfile) { // TLS comes last: the rows before it fail first
        w.profile.tlsEnabled = true;
        w.tlsCertificate = makeTlsCertificate("amt.example.test");
    }
    const RunOutcome o = runDeviceOperation(w, options());
    QCOMPARE(o.state, RunSystemState::Failed);
    QCOMPARE(o.status, status);
    QVERIFY2(o.message.contains(status), qPrintable(o.message));
    QVERIFY(o.newAdminPassword.isEmpty());
    QVERIFY(o.tlsCertificatePem.isEmpty());

    const QJsonObject after = state(d);
    QCOMPARE(callCount(after, faulted), 1); // it reached the device, which refused it
    QCOMPARE(after.value(unchanged), before.value(unchanged));
    if (faulted == u"GetLowAccuracyTimeSynch")
        QCOMPARE(callCount(after, "SetHighAccuracyTimeSynch"), 0);
}

void tst_DeviceOperation::transportFault_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("faulted");
    QTest::addColumn<QString>("status");
    QTest::newRow("dropped power off") << Operation::PowerOff << "drop"
                                       << "PowerDown"
                                       << "connection-dropped";
    QTest::newRow("slow clock") << Operation::SyncClock << "latency"
                                << "SetHighAccuracyTimeSynch"
                                << "timeout";
    QTest::newRow("hung password") << Operation::RotateAdminPassword << "hang"
                                   << "SetAdminAclEntry"
                                   << "timeout";
    QTest::newRow("dropped next boot") << Operation::BootCd << "drop"
                                       << "SetBootOptions"
                                       << "connection-dropped";
}

void tst_DeviceOperation::transportFault()
{
    QFETCH(Operation, operation);
    QFETCH(QString, kind);
    QFETCH(QString, faulted);
    QFETCH(QString, status);
    const int d = takeDevice();
    QVERIFY(control({{"cmd", "fault"}, {"kind", kind}, {"operation", faulted}, {"ms", 3000}}, d));
    RunWork w = work(operation, d);
    w.newAdminPassword = QStringLiteral("N3w-Rotat3d!x");
    const RunOutcome o = runDeviceOperation(w, options(1000));
    QCOMPARE(o.state, RunSystemState::Failed);
    QVERIFY2(o.status == status, qPrintable(o.status + u": " + o.message));
    QVERIFY(control({{"cmd", "clear-faults"}}, d)); // a hung call ends
    const QJsonObject s = state(d);
    QCOMPARE(callCount(s, faulted), 1);
    // The request was not carried out (the fault stops it before the operation runs).
    QCOMPARE(s.value("powerState").toInt(), 0);
    QCOMPARE(s.value("nextBoot").toString(), QStringLiteral("none"));
    QCOMPARE(s.value("clockSets").toInt(), 0);
    QCOMPARE(s.value("mebxPassword").toString(), Password);
}

void tst_DeviceOperation::transientFaultThenRetry()
{
    // The device refuses the first power off only ("times": 1); the run's second attempt finds it
    // still on, and switches it off.
    const int d = takeDevice();
    QVERIFY(control(
            {{"cmd", "fault"}, {"kind", "status"}, {"operation", "PowerDown"}, {"status", "NOT_READY"}, {"times", 1}},
            d));
    const RunOutcome first = runDeviceOperation(work(Operation::PowerOff, d, 1), options());
    QCOMPARE(first.state, RunSystemState::Failed);
    QCOMPARE(first.status, QStringLiteral("NOT_READY"));
    QCOMPARE(state(d).value("powerState").toInt(), 0);
    QVERIFY(!state(d).contains("faults")); // spent

    const RunOutcome second = runDeviceOperation(work(Operation::PowerOff, d, 2), options());
    QVERIFY2(second.state == RunSystemState::Succeeded, qPrintable(second.message));
    const QJsonObject s = state(d);
    QCOMPARE(s.value("powerState").toInt(), 5);
    QCOMPARE(callCount(s, "PowerDown"), 2);
    QCOMPARE(callCount(s, "GetSystemPowerState"), 1);
}

void tst_DeviceOperation::halfOfABatchFails()
{
    // A batch of ten power offs run as the engine runs them (the AMT client's pool), half of the
    // fleet refusing: the device side shows which were switched, and when each was asked.
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "10", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    const QJsonObject faulted = sim.control({{"cmd", "fault"},
                                             {"fraction", 0.5},
                                             {"kind", "status"},
                                             {"operation", "PowerDown"},
                                             {"status", "INTERNAL_ERROR"}});
    QCOMPARE(faulted.value("devices").toInt(), 5);

    Amt::AmtClient client;
    QList<QFuture<RunOutcome>> futures;
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 10; ++i) {
        RunWork w;
        w.operation = Operation::PowerOff;
        w.system.uuid = sim.device(i).uuid;
        w.system.address = sim.device(i).address;
        w.system.adminUser = QStringLiteral("admin");
        w.system.adminPassword = Password;
        const DeviceOperationOptions o = options();
        futures << client.runTask([w, o] { return runDeviceOperation(w, o); });
    }
    for (QFuture<RunOutcome> &f : futures)
        QTRY_VERIFY(f.isFinished());
    const qint64 finished = QDateTime::currentMSecsSinceEpoch();

    int failed = 0;
    for (int i = 0; i < 10; ++i) {
        const RunOutcome o = futures.at(i).result();
        const QJsonObject s = sim.state(i);
        const bool refused = s.value("faults").toObject().value("operations").toObject().contains("PowerDown");
        QCOMPARE(o.uuid, sim.device(i).uuid);
        QCOMPARE(o.state, refused ? RunSystemState::Failed : RunSystemState::Succeeded);
        QCOMPARE(o.status, refused ? QStringLiteral("INTERNAL_ERROR") : QStringLiteral("SUCCESS"));
        QCOMPARE(s.value("powerState").toInt(), refused ? 0 : 5);
        const QList<qint64> times = callTimes(s, "PowerDown");
        QCOMPARE(times.size(), 1);
        QVERIFY(times.first() >= started && times.first() <= finished);
        failed += refused;
    }
    QCOMPARE(failed, 5);
}

// The same operations over a fleet that mixes AMT 3.0 (legacy SOAP), 6.0 (both; WS-Management by
// default, legacy when forced) and 11.0 (WS-Management only): each device is reached in its dialect
// (counted by amt-sim under the dialect's call names) and changed as the operation says.
void tst_DeviceOperation::mixedFleet_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<int>("powerBefore");
    QTest::addColumn<QString>("legacyCall"); // the call amt-sim counts, per dialect
    QTest::addColumn<QString>("wsmanCall");
    QTest::addColumn<bool>("wsmanDoes");   // false: the WS-Management side refuses, in words, touching nothing
    QTest::addColumn<QString>("stateKey"); // what the device says afterwards
    QTest::addColumn<QJsonValue>("stateAfter");
    QTest::newRow("power off") << Operation::PowerOff << 0 << "PowerDown"
                               << "CIM_PowerManagementService.RequestPowerStateChange" << true << "powerState"
                               << QJsonValue(5);
    QTest::newRow("power on") << Operation::PowerOn << 5 << "PowerUp"
                              << "CIM_PowerManagementService.RequestPowerStateChange" << true << "boots"
                              << QJsonValue(1);
    QTest::newRow("reset") << Operation::Reset << 0 << "Reset"
                           << "CIM_PowerManagementService.RequestPowerStateChange" << true << "boots" << QJsonValue(1);
    QTest::newRow("power cycle") << Operation::PowerCycle << 0 << "PowerCycleReset"
                                 << "CIM_PowerManagementService.RequestPowerStateChange" << true << "boots"
                                 << QJsonValue(1);
    QTest::newRow("sync clock") << Operation::SyncClock << 0 << "SetHighAccuracyTimeSynch"
                                << "AMT_TimeSynchronizationService.SetHighAccuracyTimeSynch" << true << "clockSets"
                                << QJsonValue(1);
    QTest::newRow("full unprovision") << Operation::UnprovisionFull << 0 << "Unprovision"
                                      << "AMT_SetupAndConfigurationService.Unprovision" << true << "mode"
                                      << QJsonValue("factory");
    QTest::newRow("partial unprovision") << Operation::UnprovisionPartial << 0 << "Unprovision"
                                         << "AMT_SetupAndConfigurationService.PartialUnprovision" << true << "mode"
                                         << QJsonValue("setup-psk");
    QTest::newRow("next boot to PXE") << Operation::BootPxe << 0 << "SetBootOptions"
                                      << "CIM_BootService.SetBootConfigRole" << true << "nextBoot" << QJsonValue("pxe");
    QTest::newRow("next boot to BIOS setup")
            << Operation::BootBiosSetup << 5 << "SetBootOptions"
            << "CIM_BootService.SetBootConfigRole" << true << "nextBoot" << QJsonValue("bios-setup");
    QTest::newRow("re-apply a profile's users")
            << Operation::ReapplyProfile << 0 << "AddUserAclEntry"
            << "AMT_AuthorizationService.AddUserAclEntryEx" << true << "aclUsers"
            << QJsonValue(QJsonArray{QJsonObject{{"handle", 1}, {"username", "operator"}}});
    QTest::newRow("admin password") << Operation::RotateAdminPassword << 0 << "SetAdminAclEntry"
                                    << "AMT_AuthorizationService.SetAdminAclEntryEx" << true << "adminPasswordChanges"
                                    << QJsonValue(1);
}

void tst_DeviceOperation::mixedFleet()
{
    QFETCH(Operation, operation);
    QFETCH(int, powerBefore);
    QFETCH(QString, legacyCall);
    QFETCH(QString, wsmanCall);
    QFETCH(bool, wsmanDoes);
    QFETCH(QString, stateKey);
    QFETCH(QJsonValue, stateAfter);
    struct Member
    {
        QString version;
        QString forced; // AmtSystem::dialect
        bool wsman;     // the dialect it must be reached in
    };
    const QList<Member> members{{QStringLiteral("3.0"), QString(), false},
                                {QStringLiteral("6.0"), QString(), true},
                                {QStringLiteral("6.0"), QStringLiteral("legacy"), false},
                                {QStringLiteral("11.0"), QString(), true},
                                {QStringLiteral("3.0"), QStringLiteral("wsman"), true}};
    for (const Member &m : members) {
        if (m.wsman && m.version == u"3.0"
            && (operation == Operation::UnprovisionPartial || operation == Operation::BootPxe
                || operation == Operation::BootBiosSetup))
            continue; // PartialUnprovision came with 6.0, CIM_BootService with 3.2 (tst_wsmanclient checks both)
        const QString row = m.version + u' ' + (m.forced.isEmpty() ? QStringLiteral("automatic") : m.forced);
        SimProcess sim;
        QVERIFY2(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", m.version, "--admin-password",
                            Password})
                         .isEmpty(),
                 qPrintable(row));
        QVERIFY(sim.control({{"cmd", "set-power"}, {"uuid", sim.device().uuid}, {"state", powerBefore}})
                        .value("ok")
                        .toBool());
        RunWork w = workOn(sim, 0, operation);
        w.system.amtVersion = m.version + QStringLiteral(".4"); // as GetCoreVersion reported it
        w.system.dialect = m.forced;
        w.newAdminPassword = QStringLiteral("N3w-P@ssword");
        w.profile.name = QStringLiteral("Users only");
        w.profile.aclUsers = {{"operator", "Operat0r!", {5, 13}}};
        w.profile.interfaces.clear(); // not over WS-Management yet (docs/protocol.md §13.7)
        const RunOutcome o = runDeviceOperation(w, options());
        const QJsonObject s = sim.state(0, true);
        if (m.wsman && !wsmanDoes) {
            QVERIFY2(o.state == RunSystemState::Failed, qPrintable(row));
            QCOMPARE(o.status, QStringLiteral("not-supported"));
            QVERIFY2(o.message.contains(u"over WS-Management is not in this version"), qPrintable(o.message));
            QVERIFY2(s.value("operations").toObject().isEmpty(), qPrintable(row)); // nothing was sent
            continue;
        }
        QVERIFY2(o.state == RunSystemState::Succeeded, qPrintable(row + u": " + o.status + u": " + o.message));
        QCOMPARE(callCount(s, m.wsman ? wsmanCall : legacyCall), 1);
        QCOMPARE(callCount(s, m.wsman ? legacyCall : wsmanCall), 0);
        if (stateKey == u"aclUsers") { // the names and handles; the rest differs by dialect
            QJsonArray users;
            for (const QJsonValue u : s.value(stateKey).toArray())
                users.append(QJsonObject{{"handle", u["handle"]}, {"username", u["username"]}});
            QCOMPARE(QJsonValue(users), stateAfter);
            continue;
        }
        QVERIFY2(s.value(stateKey) == stateAfter,
                 qPrintable(row + u": " + stateKey + u" is " + s.value(stateKey).toVariant().toString()));
        if (operation == Operation::RotateAdminPassword) {
            // The new password works in the device's dialect; the old one no longer does.
            QCOMPARE(o.newAdminPassword, w.newAdminPassword);
            Amt::AmtEndpoint e;
            e.host = sim.device().address;
            e.password = w.newAdminPassword;
            e.connectTimeoutMs = e.sendTimeoutMs = e.receiveTimeoutMs = 5000;
            const Amt::Dialect dialect = m.wsman ? Amt::Dialect::Wsman : Amt::Dialect::Legacy;
            const auto version = Amt::DeviceSession::open(e, dialect, w.system.amtVersion)->coreVersion();
            QVERIFY2(version.ok(), qPrintable(row + u": " + version.error.message));
            e.password = Password;
            QCOMPARE(Amt::DeviceSession::open(e, dialect, w.system.amtVersion)->coreVersion().error.category,
                     Amt::AmtError::Category::Authentication);
        }
    }
}

// A second attempt looks at the power state first over WS-Management too
// (CIM_AssociatedPowerManagementService), and switches only what is not switched yet.
void tst_DeviceOperation::retryLooksFirstOverWsman_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<int>("powerBefore");
    QTest::addColumn<RunSystemState>("outcome");
    QTest::addColumn<int>("requests"); // RequestPowerStateChange calls
    QTest::newRow("off, already off") << Operation::PowerOff << 5 << RunSystemState::Skipped << 0;
    QTest::newRow("off, still on") << Operation::PowerOff << 0 << RunSystemState::Succeeded << 1;
    QTest::newRow("on, already on") << Operation::PowerOn << 0 << RunSystemState::Skipped << 0;
    QTest::newRow("on, sleeping") << Operation::PowerOn << 3 << RunSystemState::Skipped << 0;
    QTest::newRow("on, hibernating") << Operation::PowerOn << 4 << RunSystemState::Succeeded << 1;
}

void tst_DeviceOperation::retryLooksFirstOverWsman()
{
    QFETCH(Operation, operation);
    QFETCH(int, powerBefore);
    QFETCH(RunSystemState, outcome);
    QFETCH(int, requests);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", "11.0", "--admin-password", Password})
                    .isEmpty());
    QVERIFY(sim.control({{"cmd", "set-power"}, {"uuid", sim.device().uuid}, {"state", powerBefore}})
                    .value("ok")
                    .toBool());
    RunWork w = workOn(sim, 0, operation, 2);
    w.system.amtVersion = QStringLiteral("11.0.4");
    const RunOutcome o = runDeviceOperation(w, options());
    QVERIFY2(o.state == outcome, qPrintable(o.status + u": " + o.message));
    const QJsonObject s = sim.state(0, true);
    QCOMPARE(callCount(s, "CIM_AssociatedPowerManagementService.Get"), 1);
    QCOMPARE(callCount(s, "CIM_PowerManagementService.RequestPowerStateChange"), requests);
}

QTEST_GUILESS_MAIN(tst_DeviceOperation)
#include "tst_deviceoperation.moc"
