// SPDX-License-Identifier: GPL-2.0-or-later
// The WS-Management client against amt-sim over loopback (docs/protocol.md §13): real HTTP Digest
// and TLS-PSK, SOAP 1.2, each answer checked against the device's state and against the legacy
// services of the same device.
#include "common/simprocess.h"

#include "core/amt/amtsession.h"
#include "core/amt/wsmansession.h"
#include "core/provisioning/hellopacket.h"

#include <QtTest>

#include <limits>

using namespace Oobm::Core::Amt;
using Oobm::Test::SimProcess;

namespace {

const QString Password = QStringLiteral("P@ssw0rd");
const QString SoftwareIdentityUri = QStringLiteral(
        "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity");

AmtEndpoint httpEndpoint(const SimProcess &sim, int i = 0, const QString &password = Password)
{
    AmtEndpoint e;
    e.host = sim.device(i).address;
    e.port = 16992;
    e.password = password;
    e.connectTimeoutMs = 3000;
    e.receiveTimeoutMs = 5000;
    e.sendTimeoutMs = 5000;
    return e;
}

int calls(const SimProcess &sim, const QString &operation, int device = 0)
{
    return sim.state(device).value("operations").toObject().value(operation).toObject().value("count").toInt();
}

} // namespace

class tst_WsmanClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identityAgreesWithLegacy();
    void overTlsPskInSetup();
    void enumerationPulls_data();
    void enumerationPulls();
    void enumerationContexts();
    void power_data();
    void power();
    void powerStateByVersion_data();
    void powerStateByVersion();
    void clock_data();
    void clock();
    void unprovision_data();
    void unprovision();
    void nextBoot_data();
    void nextBoot();
    void adminPassword_data();
    void adminPassword();
    void aclUsers_data();
    void aclUsers();
    void platformGuid_data();
    void platformGuid();
    void errors_data();
    void errors();
};

void tst_WsmanClient::identityAgreesWithLegacy()
{
    SimProcess sim;
    const QString started = sim.start(
            {"--fleet", "1", "--mode", "provisioned", "--amt-version", "3.0", "--admin-password", Password});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    AmtSession legacy(httpEndpoint(sim));
    QVERIFY(!legacy.setHostName("ws-0042"));
    QVERIFY(!legacy.setDomainName("corp.example.test"));

    WsmanSession s(httpEndpoint(sim));
    const AmtResult<GeneralSettings> settings = s.getGeneralSettings();
    QVERIFY2(settings.ok(), qPrintable(settings.error.message));
    QCOMPARE(settings.value.hostName, QStringLiteral("ws-0042"));
    QCOMPARE(settings.value.domainName, QStringLiteral("corp.example.test"));
    QCOMPARE(settings.value.instanceId, QStringLiteral("Intel(r) AMT: General Settings"));
    QVERIFY(!settings.value.wsmanOnlyMode); // 3.0 speaks both
    // The realm the Digest challenge named is the one the class reports.
    AmtSession wrong(httpEndpoint(sim, 0, QStringLiteral("Wr0ng-pass!")));
    const AmtError refused = wrong.getCoreVersion().error;
    QCOMPARE(refused.category, AmtError::Category::Authentication);
    QVERIFY2(refused.message.contains(settings.value.digestRealm), qPrintable(refused.message));
    QVERIFY(settings.value.digestRealm.startsWith(QStringLiteral("Digest:")));

    const AmtResult<QString> version = s.coreVersion();
    QVERIFY2(version.ok(), qPrintable(version.error.message));
    QCOMPARE(version.value, legacy.getCoreVersion().value);

    const AmtResult<SetupAndConfiguration> setup = s.getSetupAndConfiguration();
    QVERIFY2(setup.ok(), qPrintable(setup.error.message));
    QCOMPARE(setup.value.provisioningState, legacy.getProvisioningState().value);
    QCOMPARE(setup.value.provisioningState, unsigned(ProvisioningState::Post));
    QCOMPARE(setup.value.provisioningMode, legacy.getProvisioningMode().value);

    // One session, one connection: every request after the first challenge was answered.
    QCOMPARE(calls(sim, "AMT_GeneralSettings.Get"), 1);
    QCOMPARE(calls(sim, "CIM_SoftwareIdentity.Enumerate"), 1);
    QCOMPARE(calls(sim, "AMT_SetupAndConfigurationService.Get"), 1);
}

// In setup mode the device serves /wsman over TLS-PSK too, as provisioning over WS-Management needs.
void tst_WsmanClient::overTlsPskInSetup()
{
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "setup-psk", "--amt-version", "3.0"}).isEmpty());
    const QJsonObject state = sim.state(0, true);
    AmtEndpoint e = httpEndpoint(sim);
    e.port = 16993;
    e.transport = AmtEndpoint::Transport::TlsPsk;
    e.pskIdentity = state.value("pid").toString().toLatin1();
    e.psk = state.value("pps").toString().toLatin1();
    e.password = state.value("mebxPassword").toString();
    WsmanSession s(e);
    const AmtResult<SetupAndConfiguration> setup = s.getSetupAndConfiguration();
    QVERIFY2(setup.ok(), qPrintable(setup.error.message));
    QCOMPARE(setup.value.provisioningState, unsigned(ProvisioningState::In));
    QVERIFY(setup.value.zeroTouchConfigurationEnabled);
    QCOMPARE(s.coreVersion().value, QStringLiteral("3.0.4"));
}

void tst_WsmanClient::enumerationPulls_data()
{
    QTest::addColumn<int>("maxElements");
    QTest::addColumn<int>("pulls");
    QTest::newRow("as many as the device gives") << 0 << 1;
    QTest::newRow("one a pull") << 1 << 10;
    QTest::newRow("three a pull") << 3 << 4;
    QTest::newRow("exactly all") << 10 << 1;
    QTest::newRow("the most a client can ask") << std::numeric_limits<int>::max() << 1;
}

void tst_WsmanClient::enumerationPulls()
{
    QFETCH(int, maxElements);
    QFETCH(int, pulls);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    WsmanSession s(httpEndpoint(sim));
    const AmtResult<QList<SoftwareIdentity>> all = s.softwareIdentities(maxElements);
    QVERIFY2(all.ok(), qPrintable(all.error.message));
    QStringList ids;
    for (const SoftwareIdentity &i : all.value)
        ids << i.instanceId;
    QCOMPARE(ids,
             QStringList({"Flash", "Netstack", "AMTApps", "AMT", "Sku", "VendorID", "Build Number", "Recovery Version",
                          "Recovery Build Num", "Legacy Mode"}));
    QCOMPARE(calls(sim, "CIM_SoftwareIdentity.Pull"), pulls);
}

// A context ends with its last Pull, with Release, or when it is not pulled for a minute; a stale
// one is named as such.
void tst_WsmanClient::enumerationContexts()
{
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    WsmanSession s(httpEndpoint(sim));
    const AmtResult<QString> first = s.enumerate(SoftwareIdentityUri);
    QVERIFY2(first.ok(), qPrintable(first.error.message));
    QCOMPARE(first.value, QStringLiteral("01000000-0000-0000-0000-000000000000"));
    const AmtResult<QString> second = s.enumerate(SoftwareIdentityUri);
    QCOMPARE(second.value, QStringLiteral("02000000-0000-0000-0000-000000000000"));

    QString next;
    AmtResult<QList<SoftwareIdentity>> batch = s.pullSoftwareIdentities(first.value, 4, &next);
    QVERIFY2(batch.ok(), qPrintable(batch.error.message));
    QCOMPARE(batch.value.size(), 4);
    QCOMPARE(next, first.value);
    batch = s.pullSoftwareIdentities(first.value, 0, &next);
    QCOMPARE(batch.value.size(), 6);
    QVERIFY(next.isEmpty()); // EndOfSequence

    // Pulled to its end: the context is gone.
    batch = s.pullSoftwareIdentities(first.value, 0, &next);
    QCOMPARE(batch.error.category, AmtError::Category::SoapFault);
    QCOMPARE(batch.error.faultSubcode, QStringLiteral("InvalidEnumerationContext"));
    QVERIFY2(batch.error.message.contains(QStringLiteral("The supplied enumeration context is invalid")),
             qPrintable(batch.error.message));
    // Released: gone too, and releasing it again is refused.
    QVERIFY(!s.release(SoftwareIdentityUri, second.value));
    QCOMPARE(s.pullSoftwareIdentities(second.value, 0, &next).error.faultSubcode,
             QStringLiteral("InvalidEnumerationContext"));
    QCOMPARE(s.release(SoftwareIdentityUri, second.value).faultSubcode, QStringLiteral("InvalidEnumerationContext"));
    // Never issued.
    QCOMPARE(s.pullSoftwareIdentities(QStringLiteral("not a context"), 0, &next).error.faultSubcode,
             QStringLiteral("InvalidEnumerationContext"));
    // A device keeps 16 open at most.
    for (int i = 0; i < 16; ++i)
        QVERIFY(s.enumerate(SoftwareIdentityUri).ok());
    const AmtError full = s.enumerate(SoftwareIdentityUri).error;
    QCOMPARE(full.faultSubcode, QStringLiteral("QuotaLimit"));
}

void tst_WsmanClient::power_data()
{
    QTest::addColumn<bool>("startOff");
    QTest::addColumn<int>("request");
    QTest::addColumn<unsigned>("returnValue");
    QTest::addColumn<unsigned>("legacyPowerState"); // GetSystemPowerState afterwards
    QTest::addColumn<unsigned>("dmtfPowerState");   // CIM_AssociatedPowerManagementService afterwards
    QTest::addColumn<int>("boots");
    QTest::newRow("off soft") << false << int(DmtfPowerState::OffSoft) << 0u << 5u << 8u << 0;
    QTest::newRow("on from off") << true << int(DmtfPowerState::On) << 0u << 0u << 2u << 1;
    QTest::newRow("on when on") << false << int(DmtfPowerState::On) << 0u << 0u << 2u << 0;
    QTest::newRow("power cycle") << false << int(DmtfPowerState::PowerCycleOffSoft) << 0u << 0u << 2u << 1;
    QTest::newRow("reset") << false << int(DmtfPowerState::MasterBusReset) << 0u << 0u << 2u << 1;
    QTest::newRow("reset while off fails") << true << int(DmtfPowerState::MasterBusReset) << 2u << 5u << 8u << 0;
    QTest::newRow("hibernate not supported") << false << 7 << 1u << 0u << 2u << 0;
}

void tst_WsmanClient::power()
{
    QFETCH(bool, startOff);
    QFETCH(int, request);
    QFETCH(unsigned, returnValue);
    QFETCH(unsigned, legacyPowerState);
    QFETCH(unsigned, dmtfPowerState);
    QFETCH(int, boots);
    SimProcess sim; // 6.0: both dialects, and the DMTF power classes of 3.2 and later
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", "6.0", "--admin-password", Password})
                    .isEmpty());
    AmtSession legacy(httpEndpoint(sim));
    if (startOff)
        QVERIFY(!legacy.remoteControl(RemoteCommand::PowerDown));
    const qint64 bootsBefore = sim.state().value("boots").toInteger();

    WsmanSession s(httpEndpoint(sim));
    const AmtError e = s.requestPowerStateChange(static_cast<DmtfPowerState>(request));
    if (returnValue == 0) {
        QVERIFY2(!e, qPrintable(e.message));
    } else {
        QCOMPARE(e.category, AmtError::Category::Status);
        QCOMPARE(e.ptStatus, returnValue);
        QVERIFY2(e.message.contains(returnValue == 1 ? QStringLiteral("Not Supported")
                                                     : QStringLiteral("Unknown or Unspecified Error")),
                 qPrintable(e.message));
    }
    QCOMPARE(legacy.getSystemPowerState().value, legacyPowerState);
    const AmtResult<unsigned> state = s.powerState();
    QVERIFY2(state.ok(), qPrintable(state.error.message));
    QCOMPARE(state.value, dmtfPowerState);
    QCOMPARE(sim.state().value("boots").toInteger() - bootsBefore, boots);
    QCOMPARE(calls(sim, "CIM_PowerManagementService.RequestPowerStateChange"), 1);
}

// The power state by the device's power (amt-sim's set-power, SystemPowerState numbers) and
// version: the DMTF classes come with 3.2 (DestinationUnreachable before).
void tst_WsmanClient::powerStateByVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("systemPowerState");
    QTest::addColumn<int>("dmtfPowerState"); // -1: not found
    QTest::newRow("3.0 has no such class") << "3.0" << 0 << -1;
    QTest::newRow("4.0 on") << "4.0" << 0 << 2;
    QTest::newRow("6.0 sleeping (S3)") << "6.0" << 3 << 4;
    QTest::newRow("8.0 hibernating (S4)") << "8.0" << 4 << 7;
    QTest::newRow("11.0 off (S5)") << "11.0" << 5 << 8;
    QTest::newRow("11.0 mechanical off") << "11.0" << 7 << 6;
}

void tst_WsmanClient::powerStateByVersion()
{
    QFETCH(QString, version);
    QFETCH(int, systemPowerState);
    QFETCH(int, dmtfPowerState);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", version, "--admin-password", Password})
                    .isEmpty());
    QVERIFY(sim.control({{"cmd", "set-power"}, {"uuid", sim.device().uuid}, {"state", systemPowerState}})
                    .value("ok")
                    .toBool());
    WsmanSession s(httpEndpoint(sim));
    const AmtResult<unsigned> state = s.powerState();
    if (dmtfPowerState < 0) {
        QCOMPARE(state.error.category, AmtError::Category::NotFound);
        QCOMPARE(state.error.faultSubcode, QStringLiteral("DestinationUnreachable"));
        return;
    }
    QVERIFY2(state.ok(), qPrintable(state.error.message));
    QCOMPARE(int(state.value), dmtfPowerState);
}

// AMT_TimeSynchronizationService: the clock read as the device has it and set from the console's
// time with the transit time averaged out, as NetworkTime does (the two agree on 6.0).
void tst_WsmanClient::clock_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("offsetSeconds"); // the device's clock off the host's
    QTest::newRow("3.0, an hour behind") << "3.0" << -3600;
    QTest::newRow("6.0, a day ahead") << "6.0" << 86400;
    QTest::newRow("11.0, right") << "11.0" << 0;
}

void tst_WsmanClient::clock()
{
    QFETCH(QString, version);
    QFETCH(int, offsetSeconds);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", version, "--admin-password", Password})
                    .isEmpty());
    QVERIFY(sim.control({{"cmd", "set-clock"}, {"uuid", sim.device().uuid}, {"offset", offsetSeconds}})
                    .value("ok")
                    .toBool());
    WsmanSession s(httpEndpoint(sim));
    const AmtResult<quint32> ta0 = s.getLowAccuracyTimeSynch();
    QVERIFY2(ta0.ok(), qPrintable(ta0.error.message));
    const qint64 host = QDateTime::currentSecsSinceEpoch();
    QVERIFY2(qAbs(qint64(ta0.value) - (host + offsetSeconds)) <= 2, qPrintable(QString::number(ta0.value)));
    if (version == u"6.0") {
        AmtSession legacy(httpEndpoint(sim));
        const AmtResult<quint32> legacyTa0 = legacy.getLowAccuracyTimeSynch();
        QVERIFY(qAbs(qint64(legacyTa0.value) - qint64(ta0.value)) <= 1);
    }
    const quint32 now = quint32(QDateTime::currentSecsSinceEpoch());
    const AmtError e = s.setHighAccuracyTimeSynch(ta0.value, now, now);
    QVERIFY2(!e, qPrintable(e.message));
    QCOMPARE(sim.state().value("clockSets").toInteger(), 1);
    QVERIFY2(qAbs(sim.state().value("clockOffsetMs").toInteger()) <= 2000,
             qPrintable(QString::number(sim.state().value("clockOffsetMs").toInteger())));
    // Tm2 before Tm1: the device refuses, in PT_STATUS words, and keeps its clock.
    const AmtError back = s.setHighAccuracyTimeSynch(ta0.value, now, now - 10);
    QCOMPARE(back.category, AmtError::Category::Status);
    QCOMPARE(back.statusName, QStringLiteral("INVALID_TIME"));
    QCOMPARE(sim.state().value("clockSets").toInteger(), 1);
}

// Unprovision and PartialUnprovision (6.0 and later) change the device as the legacy call does.
void tst_WsmanClient::unprovision_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("partial");
    QTest::addColumn<int>("category"); // AmtError::Category
    QTest::addColumn<QString>("modeAfter");
    QTest::newRow("3.0 full") << "3.0" << false << int(AmtError::Category::None) << "factory";
    QTest::newRow("4.0 partial is not there yet")
            << "4.0" << true << int(AmtError::Category::NotSupported) << "provisioned";
    QTest::newRow("6.0 partial") << "6.0" << true << int(AmtError::Category::None) << "setup-psk";
    QTest::newRow("11.0 full") << "11.0" << false << int(AmtError::Category::None) << "factory";
}

void tst_WsmanClient::unprovision()
{
    QFETCH(QString, version);
    QFETCH(bool, partial);
    QFETCH(int, category);
    QFETCH(QString, modeAfter);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", version, "--admin-password", Password})
                    .isEmpty());
    WsmanSession s(httpEndpoint(sim));
    const AmtError e = s.unprovision(partial);
    QCOMPARE(int(e.category), category);
    QCOMPARE(sim.state().value("mode").toString(), modeAfter);
    if (category == int(AmtError::Category::NotSupported))
        QCOMPARE(e.faultSubcode, QStringLiteral("ActionNotSupported"));
    QCOMPARE(calls(sim,
                   partial ? "AMT_SetupAndConfigurationService.PartialUnprovision"
                           : "AMT_SetupAndConfigurationService.Unprovision"),
             1);
}

// The next boot, set as MeshCommander sets it, lands where RemoteControl's SetBootOptions would
// put it and lasts one start; AMT 5.0 and earlier read the source only when it is spelled
// "source" (a client that spells it "Source" clears the next boot without an error, as the firmware
// would let it).
void tst_WsmanClient::nextBoot_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("biosSetup");
    QTest::addColumn<bool>("lowerCase");
    QTest::addColumn<int>("category"); // AmtError::Category
    QTest::addColumn<QString>("statusName");
    QTest::addColumn<QString>("nextBoot");
    QTest::addColumn<int>("specialCommand");
    QTest::addColumn<int>("parameter");
    const auto ok = int(AmtError::Category::None);
    QTest::newRow("6.0 PXE") << "6.0"
                             << "Intel(r) AMT: Force PXE Boot" << false << false << ok << ""
                             << "pxe" << 1 << 0;
    QTest::newRow("11.0 hard disk") << "11.0"
                                    << "Intel(r) AMT: Force Hard-drive Boot" << false << false << ok << ""
                                    << "hard-disk" << 2 << 0;
    QTest::newRow("8.0 CD/DVD") << "8.0"
                                << "Intel(r) AMT: Force CD/DVD Boot" << false << false << ok << ""
                                << "cd-dvd" << 5 << 0;
    QTest::newRow("6.0 BIOS setup") << "6.0"
                                    << "" << true << false << ok << ""
                                    << "bios-setup" << 0xC1 << 0x0008;
    QTest::newRow("4.0 PXE spelled source") << "4.0"
                                            << "Intel(r) AMT: Force PXE Boot" << false << true << ok << ""
                                            << "pxe" << 1 << 0;
    QTest::newRow("4.0 PXE spelled Source is no source") << "4.0"
                                                         << "Intel(r) AMT: Force PXE Boot" << false << false << ok << ""
                                                         << "none" << 0 << 0;
    QTest::newRow("6.0 a source that is not there")
            << "6.0"
            << "Intel(r) AMT: Force Floppy Boot" << false << false << int(AmtError::Category::Status) << "FAILED"
            << "none" << 0 << 0;
    QTest::newRow("3.0 has no CIM_BootService")
            << "3.0"
            << "Intel(r) AMT: Force PXE Boot" << false << true << int(AmtError::Category::NotFound) << ""
            << "none" << 0 << 0;
}

void tst_WsmanClient::nextBoot()
{
    QFETCH(QString, version);
    QFETCH(QString, source);
    QFETCH(bool, biosSetup);
    QFETCH(bool, lowerCase);
    QFETCH(int, category);
    QFETCH(QString, statusName);
    QFETCH(QString, nextBoot);
    QFETCH(int, specialCommand);
    QFETCH(int, parameter);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", version, "--admin-password", Password})
                    .isEmpty());
    WsmanSession s(httpEndpoint(sim));
    const AmtError e = s.setNextBoot(source, biosSetup, lowerCase);
    QVERIFY2(int(e.category) == category, qPrintable(e.message));
    QCOMPARE(e.statusName, statusName);
    QJsonObject state = sim.state(0, true);
    QCOMPARE(state.value("nextBoot").toString(), nextBoot);
    QCOMPARE(state.value("nextBootSpecialCommand").toInt(), specialCommand);
    QCOMPARE(state.value("nextBootParameter").toInt(), parameter);
    QCOMPARE(state.value("powerState").toInt(), 0); // set, not started
    if (nextBoot == u"none")
        return;
    // One start uses it; the one after boots normally.
    QVERIFY(!s.requestPowerStateChange(DmtfPowerState::MasterBusReset));
    state = sim.state(0, true);
    QCOMPARE(state.value("lastBoot").toString(), nextBoot);
    QCOMPARE(state.value("nextBoot").toString(), QStringLiteral("none"));
    QVERIFY(!s.requestPowerStateChange(DmtfPowerState::MasterBusReset));
    QCOMPARE(sim.state(0, true).value("lastBoot").toString(), QStringLiteral("normal"));
}

// SetAdminAclEntryEx sends only MD5(user:realm:password); the device then takes Digest with the new
// password in both dialects, and no longer with the old one.
void tst_WsmanClient::adminPassword_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("statusName"); // empty: set
    QTest::newRow("6.0") << "6.0"
                         << "admin"
                         << "";
    QTest::newRow("11.0, another admin name") << "11.0"
                                              << "root"
                                              << "";
    QTest::newRow("6.0, a name too long") << "6.0"
                                          << "administrator-of-it-all"
                                          << "INVALID_NAME";
}

void tst_WsmanClient::adminPassword()
{
    QFETCH(QString, version);
    QFETCH(QString, user);
    QFETCH(QString, statusName);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", version, "--admin-password", Password})
                    .isEmpty());
    const QString newPassword = QStringLiteral("N3w-P@ssw0rd");
    const AmtError e = WsmanSession(httpEndpoint(sim)).setAdminAclEntryEx(user, newPassword);
    QCOMPARE(e.statusName, statusName);
    QJsonObject state = sim.state(0, true);
    if (!statusName.isEmpty()) {
        QCOMPARE(state.value("adminPasswordChanges").toInt(), 0);
        QCOMPARE(state.value("mebxPassword").toString(), Password);
        return;
    }
    QVERIFY2(!e, qPrintable(e.message));
    QCOMPARE(state.value("adminPasswordChanges").toInt(), 1);
    QCOMPARE(state.value("adminUser").toString(), user);
    QCOMPARE(state.value("mebxPassword").toString(), QString()); // the device never saw it
    QCOMPARE(state.value("adminDigest").toString().size(), 32);

    AmtEndpoint fresh = httpEndpoint(sim, 0, newPassword);
    fresh.user = user;
    const AmtResult<QString> v = WsmanSession(fresh).coreVersion();
    QVERIFY2(v.ok(), qPrintable(v.error.message));
    if (version == u"6.0") {
        const AmtResult<QString> legacy = AmtSession(fresh).getCoreVersion();
        QVERIFY2(legacy.ok(), qPrintable(legacy.error.message));
    }
    AmtEndpoint old = httpEndpoint(sim, 0, Password);
    old.user = user;
    QCOMPARE(WsmanSession(old).coreVersion().error.category, AmtError::Category::Authentication);
    AmtEndpoint wrongUser = httpEndpoint(sim, 0, newPassword);
    wrongUser.user = user == u"admin" ? QStringLiteral("root") : QStringLiteral("admin");
    QCOMPARE(WsmanSession(wrongUser).coreVersion().error.category, AmtError::Category::Authentication);
}

// ACL users over WS-Management: the same entries the legacy interface sees, kept as digests, each
// refusal a PT_STATUS.
void tst_WsmanClient::aclUsers_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("6.0") << "6.0";
    QTest::newRow("11.0") << "11.0";
}

void tst_WsmanClient::aclUsers()
{
    QFETCH(QString, version);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", version, "--admin-password", Password})
                    .isEmpty());
    WsmanSession s(httpEndpoint(sim));
    const AmtResult<unsigned> op = s.addUserAclEntryEx({"operator", "Operat0r!", {5, 13}});
    QVERIFY2(op.ok(), qPrintable(op.error.message));
    const AmtResult<unsigned> aud = s.addUserAclEntryEx({"auditor", "Aud1t-0nly!", {20}});
    QVERIFY2(aud.ok(), qPrintable(aud.error.message));
    QVERIFY(op.value != aud.value);

    const AmtResult<QList<unsigned>> handles = s.enumerateUserAclEntries();
    QVERIFY2(handles.ok(), qPrintable(handles.error.message));
    QCOMPARE(handles.value, (QList<unsigned>{op.value, aud.value}));
    AmtResult<UserAclEntry> got = s.getUserAclEntryEx(op.value);
    QVERIFY2(got.ok(), qPrintable(got.error.message));
    QCOMPARE(got.value.username, QStringLiteral("operator"));
    QCOMPARE(got.value.realms, (QList<unsigned>{5, 13}));

    // An update without a password keeps the digest; one with a password replaces it.
    QVERIFY(!s.updateUserAclEntryEx(op.value, {"operator", QString(), {5}}));
    const QString digestBefore =
            sim.state(0, true).value("aclUsers").toArray().at(0).toObject().value("digest").toString();
    QCOMPARE(digestBefore.size(), 32);
    QVERIFY(!s.updateUserAclEntryEx(op.value, {"operator", "N3w-Operat0r!", {5, 20}}));
    const QJsonObject stored = sim.state(0, true).value("aclUsers").toArray().at(0).toObject();
    QVERIFY(stored.value("digest").toString() != digestBefore);
    QCOMPARE(stored.value("password").toString(), QString()); // the device never saw it
    QCOMPARE(s.getUserAclEntryEx(op.value).value.realms, (QList<unsigned>{5, 20}));

    // Refusals, in PT_STATUS words; nothing changes.
    QCOMPARE(s.addUserAclEntryEx({"auditor", "An0ther-0ne!", {20}}).error.statusName, QStringLiteral("DUPLICATE"));
    QCOMPARE(s.addUserAclEntryEx({"$$internal", "An0ther-0ne!", {20}}).error.statusName,
             QStringLiteral("INVALID_NAME"));
    QCOMPARE(s.addUserAclEntryEx({"viewer", "An0ther-0ne!", {22}}).error.statusName, QStringLiteral("INVALID_REALM"));
    QCOMPARE(s.getUserAclEntryEx(999).error.statusName, QStringLiteral("INVALID_HANDLE"));
    QCOMPARE(s.enumerateUserAclEntries().value.size(), 2);

    // The legacy interface of a device that has both sees the same users.
    if (version == u"6.0") {
        AmtSession legacy(httpEndpoint(sim));
        QCOMPARE(legacy.enumerateUserAclEntries().value, (QList<unsigned>{op.value, aud.value}));
        QCOMPARE(legacy.getUserAclEntry(aud.value).value.username, QStringLiteral("auditor"));
    }
}

// CIM_ComputerSystemPackage's PlatformGUID is the hello's UUID, in the hello's byte order.
void tst_WsmanClient::platformGuid_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("6.0") << "6.0";
    QTest::newRow("11.0") << "11.0";
}

void tst_WsmanClient::platformGuid()
{
    QFETCH(QString, version);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "2", "--mode", "provisioned", "--amt-version", version, "--admin-password", Password})
                    .isEmpty());
    for (int i = 0; i < 2; ++i) {
        WsmanSession s(httpEndpoint(sim, i));
        const AmtResult<QByteArray> guid = s.platformGuid();
        QVERIFY2(guid.ok(), qPrintable(guid.error.message));
        QCOMPARE(Oobm::Core::HelloPacket::uuidText(Oobm::Core::HelloPacket::uuidFromWire(guid.value)),
                 sim.device(i).uuid);
    }
}

void tst_WsmanClient::errors_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("call");
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("subcode");
    QTest::addColumn<QString>("words");
    QTest::newRow("wrong password") << "3.0"
                                    << "Wr0ng-pass!"
                                    << "settings" << int(AmtError::Category::Authentication) << ""
                                    << "rejected user 'admin'";
    QTest::newRow("unknown class") << "3.0" << Password << "unknown class" << int(AmtError::Category::NotFound)
                                   << "DestinationUnreachable"
                                   << "No route can be determined";
    QTest::newRow("AMT 2.6 has no WS-Management")
            << "2.6" << Password << "settings" << int(AmtError::Category::NotSupported) << ""
            << "HTTP 404";
    QTest::newRow("a lab fault: ReturnValue forced")
            << "3.0" << Password << "forced" << int(AmtError::Category::Status) << ""
            << "returned 4 (Failed)";
    QTest::newRow("a lab fault on a Get")
            << "3.0" << Password << "forced get" << int(AmtError::Category::SoapFault) << "InternalError"
            << "internal processing errors";
}

void tst_WsmanClient::errors()
{
    QFETCH(QString, version);
    QFETCH(QString, password);
    QFETCH(QString, call);
    QFETCH(int, category);
    QFETCH(QString, subcode);
    QFETCH(QString, words);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--amt-version", version, "--admin-password", Password})
                    .isEmpty());
    for (const char *operation : {"CIM_PowerManagementService.RequestPowerStateChange", "AMT_GeneralSettings.Get"}) {
        sim.control({{"cmd", "fault"},
                     {"uuid", sim.device().uuid},
                     {"kind", "status"},
                     {"operation", operation},
                     {"status", "4"}});
    }
    WsmanSession s(httpEndpoint(sim, 0, password));
    AmtError e;
    if (call == u"settings")
        e = s.getSetupAndConfiguration().error;
    else if (call == u"unknown class")
        e = s.enumerate(QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_NoSuchClass")).error;
    else if (call == u"forced")
        e = s.requestPowerStateChange(DmtfPowerState::OffSoft);
    else
        e = s.getGeneralSettings().error;
    QCOMPARE(int(e.category), category);
    QCOMPARE(e.faultSubcode, subcode);
    QVERIFY2(e.message.contains(words), qPrintable(e.message));
    if (e.category != AmtError::Category::Status) // a method's answer names the method, as PT_STATUS errors do
        QVERIFY2(e.message.contains(sim.device().address), qPrintable(e.message));
    // The session goes on after a fault: its next call works.
    if (category != int(AmtError::Category::Authentication) && version != u"2.6") {
        const AmtResult<QString> v = s.coreVersion();
        QVERIFY2(v.ok(), qPrintable(v.error.message));
    }
}

QTEST_GUILESS_MAIN(tst_WsmanClient)
#include "tst_wsmanclient.moc"
