// SPDX-License-Identifier: GPL-2.0-or-later
// The AMT SOAP client against amt-sim over loopback: real HTTP Digest, real TLS-PSK and TLS.
#include "common/labcertificate.h"
#include "common/simprocess.h"

#include "core/amt/amtclient.h"
#include "core/amt/ptstatus.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>


using namespace Oobm::Core::Amt;
using Oobm::Test::LabCertificate;
using Oobm::Test::LabCertificateSpec;
using Oobm::Test::SimProcess;

namespace {

const QString Password = QStringLiteral("P@ssw0rd");

// A self-signed EC certificate, as a provisioning profile's TLS certificate would be.
LabCertificate makeCertificate(const char *commonName)
{
    LabCertificateSpec spec;
    spec.commonName = commonName;
    spec.extendedKeyUsage.clear();
    spec.validFrom = 0;
    spec.ecKey = true;
    spec.selfSigned = true;
    return issueLabCertificate(spec);
}

// A provisioning certificate chain as a CA would issue it: root (CA) -> leaf for the SCS.
LabCertificate makeChain(const char *commonName, bool intelOid, const char *ou)
{
    LabCertificateSpec spec;
    spec.commonName = commonName;
    spec.organizationalUnit = ou;
    spec.extendedKeyUsage = intelOid ? "serverAuth,2.16.840.1.113741.1.2.3" : "serverAuth";
    spec.validFrom = 0;
    spec.rootValidFrom = 0;
    spec.rootValidTo = 3600;
    return issueLabCertificate(spec);
}

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

AmtEndpoint pskEndpoint(const SimProcess &sim, int i = 0)
{
    const QJsonObject s = sim.state(i, true);
    AmtEndpoint e = httpEndpoint(sim, i);
    e.port = 16993;
    e.transport = AmtEndpoint::Transport::TlsPsk;
    e.pskIdentity = s.value(QStringLiteral("pid")).toString().toLatin1();
    e.psk = s.value(QStringLiteral("pps")).toString().toLatin1();
    e.password = s.value(QStringLiteral("mebxPassword")).toString();
    return e;
}

} // namespace

class tst_AmtClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyOperationOverHttpDigest();
    void provisioningOverTlsPsk();
    void tlsAfterProvisioning();
    void tlsStagedUntilCommit_data();
    void tlsStagedUntilCommit();
    void clientFacadeDeliversFutures();
    void remoteConfiguration_data();
    void remoteConfiguration();
    void errors_data();
    void errors();
    void traceHookSeesNoSecret();
    void remoteControlBoot_data();
    void remoteControlBoot();
    void networkTime_data();
    void networkTime();
    void operationFaults_data();
    void operationFaults();
    void faultForSomeCalls();
};

void tst_AmtClient::everyOperationOverHttpDigest()
{
    SimProcess sim;
    const QString started = sim.start(
            {"--fleet", "1", "--mode", "provisioned", "--amt-version", "3.0", "--admin-password", Password});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    AmtSession s(httpEndpoint(sim));

    QCOMPARE(s.getCoreVersion().value, QStringLiteral("3.0.4"));
    QCOMPARE(s.generalInfoCoreVersion().value, QStringLiteral("3.0.4"));
    QCOMPARE(s.getProvisioningState().value, 2u);
    QCOMPARE(s.getProvisioningMode().value, 1u);

    QVERIFY(!s.setHostName("ws-0042"));
    QVERIFY(!s.setDomainName("corp.example.test"));
    QCOMPARE(s.getHostName().value, QStringLiteral("ws-0042"));
    QCOMPARE(s.getDomainName().value, QStringLiteral("corp.example.test"));
    QCOMPARE(s.setHostName("not a host name!").ptStatus, unsigned(PtStatus::InvalidName));

    const auto interfaces = s.enumerateInterfaces();
    QVERIFY2(interfaces.ok(), qPrintable(interfaces.error.message));
    QCOMPARE(interfaces.value, QList<unsigned>{0});
    auto settings = s.getInterfaceSettings(0);
    QVERIFY(settings.ok());
    QCOMPARE(settings.value.interfaceMode, QStringLiteral("SHARED_MAC_ADDRESS"));
    QVERIFY(settings.value.dhcpEnabled);
    settings.value.dhcpEnabled = false;
    settings.value.ipv4.localAddress = 0x0A000005;
    QVERIFY(!s.setInterfaceSettings(0, settings.value));
    QCOMPARE(s.getInterfaceSettings(0).value.ipv4.localAddress, 0x0A000005u);
    QCOMPARE(s.getInterfaceSettings(7).error.ptStatus, unsigned(PtStatus::InvalidHandle));

    const quint32 now = quint32(QDateTime::currentSecsSinceEpoch());
    QVERIFY(!s.setHighAccuracyTimeSynch(now, now, now));
    QCOMPARE(s.setHighAccuracyTimeSynch(now, now, now - 10).ptStatus, unsigned(PtStatus::InvalidTime));

    QCOMPARE(s.getAdminAclEntry().value, QStringLiteral("admin"));
    QCOMPARE(s.setAdminAclEntry("admin", "weak").ptStatus, unsigned(PtStatus::InvalidPassword));

    const auto handle = s.addUserAclEntry(
            {"operator", "Op3rator!", {unsigned(Realm::RemoteControl), unsigned(Realm::HardwareAsset)}});
    QVERIFY2(handle.ok(), qPrintable(handle.error.message));
    const auto second = s.addUserAclEntry({"auditor", "Aud1tor!!", {unsigned(Realm::GeneralInfo)}});
    QVERIFY(second.ok());
    QCOMPARE(s.addUserAclEntry({"operator", "Op3rator!", {}}).error.ptStatus, unsigned(PtStatus::Duplicate));
    QCOMPARE(s.addUserAclEntry({"x", "Op3rator!", {99}}).error.ptStatus, unsigned(PtStatus::InvalidRealm));
    QCOMPARE(s.enumerateUserAclEntries().value, (QList<unsigned>{handle.value, second.value}));
    const auto entry = s.getUserAclEntry(handle.value);
    QCOMPARE(entry.value.username, QStringLiteral("operator"));
    QCOMPARE(entry.value.realms, (QList<unsigned>{5, 4}));
    QVERIFY(!s.updateUserAclEntry(handle.value, {"operator2", {}, {unsigned(Realm::Redirection)}}));
    QCOMPARE(s.getUserAclEntry(handle.value).value.username, QStringLiteral("operator2"));
    QVERIFY(!s.removeUserAclEntry(second.value));
    QCOMPARE(s.removeUserAclEntry(second.value).ptStatus, unsigned(PtStatus::InvalidHandle));
    QCOMPARE(s.enumerateUserAclEntries().value, QList<unsigned>{handle.value});

    QVERIFY(!s.setEnabledInterfaces({"WebUI", "SOL"}));
    QCOMPARE(s.setEnabledInterfaces({"KVM"}).ptStatus, unsigned(PtStatus::InvalidParameter));
    QVERIFY(!s.setZeroTouchConfigurationMode(false));
    QVERIFY(!s.setProvisioningServerOtp("0tp-0f-the-day"));
    QCOMPARE(s.getProvisioningServerOtp().value, QStringLiteral("0tp-0f-the-day"));
    QCOMPARE(s.setProvisioningServerOtp("short").ptStatus, unsigned(PtStatus::InvalidParameter));
    QVERIFY(!s.setTlsPsk("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"));
    QCOMPARE(s.setTlsPsk("SHORT", "X").ptStatus, unsigned(PtStatus::InvalidParameter));

    QCOMPARE(s.getSystemPowerState().value, 0u);
    const auto caps = s.getRemoteControlCapabilities();
    QCOMPARE(caps.value.ianaOemNumber, IntelIanaOemNumber);
    QCOMPARE(caps.value.systemCapabilitiesSupported, static_cast<unsigned char>(0x0F));
    QVERIFY(!s.remoteControl(RemoteCommand::PowerDown));
    QCOMPARE(s.getSystemPowerState().value, 5u);
    QCOMPARE(s.remoteControl(RemoteCommand::Reset).ptStatus, unsigned(PtStatus::NotPermitted));
    QVERIFY(!s.remoteControl(RemoteCommand::PowerUp, SpecialCommand::ForcePxeBoot));
    QCOMPARE(s.getSystemPowerState().value, 0u);
    QVERIFY(!s.remoteControl(RemoteCommand::PowerCycleReset));

    // The device's own view agrees.
    const QJsonObject state = sim.state();
    QCOMPARE(state.value("hostName").toString(), QStringLiteral("ws-0042"));
    QCOMPARE(state.value("enabledInterfaces").toArray().size(), 2);
    QCOMPARE(state.value("pid").toString(), QStringLiteral("K7QX2MBO"));

    // Unprovision: partial goes back to setup mode (the device then serves TLS-PSK only).
    QVERIFY(!s.unprovision(ProvisioningMode(0x80)));
    QTRY_COMPARE(sim.state().value("mode").toString(), QStringLiteral("setup-psk"));
}

void tst_AmtClient::provisioningOverTlsPsk()
{
    SimProcess sim;
    const QString started = sim.start({"--fleet", "1", "--mode", "setup-psk", "--admin-password", Password});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    AmtSession s(pskEndpoint(sim));
    QCOMPARE(s.getCoreVersion().value, QStringLiteral("3.0.4"));
    QCOMPARE(s.getProvisioningState().value, 1u);
    const AmtError hostName = s.setHostName("ws-7");
    QVERIFY2(!hostName, qPrintable(hostName.message));
    QVERIFY(!s.setDomainName("corp.example.test"));
    const quint32 now = quint32(QDateTime::currentSecsSinceEpoch());
    QVERIFY(!s.setHighAccuracyTimeSynch(now, now, now));
    QVERIFY(!s.setAdminAclEntry("admin", "N3w-Adm1n!"));
    QVERIFY(!s.setTlsPsk("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"));
    QVERIFY(!s.setEnabledInterfaces({"WebUI", "SOL", "IDER"}));
    QVERIFY(!s.commitChanges());

    // Provisioned: HTTP on 16992 with the new admin password; committing again, with nothing
    // staged, changes nothing.
    AmtSession after(httpEndpoint(sim, 0, QStringLiteral("N3w-Adm1n!")));
    QTRY_COMPARE(after.getProvisioningState().value, 2u);
    const AmtError again = after.commitChanges();
    QVERIFY2(!again, qPrintable(again.message));
    QCOMPARE(after.getProvisioningState().value, 2u);
    const QJsonObject state = sim.state(0, true);
    QCOMPARE(state.value("tlsCommits").toInt(), 0);
    QCOMPARE(state.value("mode").toString(), QStringLiteral("provisioned"));
    QCOMPARE(state.value("pid").toString(), QStringLiteral("K7QX2MBO"));
    QCOMPARE(state.value("hostName").toString(), QStringLiteral("ws-7"));
}

void tst_AmtClient::tlsAfterProvisioning()
{
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    const LabCertificate kc = makeCertificate("ws-0001.corp.example.test");
    {
        AmtSession s(httpEndpoint(sim));
        QCOMPARE(s.setTlsEnabled(true).ptStatus, unsigned(PtStatus::PkiMissingKeys));
        QCOMPARE(s.setTlsKeyAndCertificate("not a key", {kc.leafPem}).ptStatus, unsigned(PtStatus::InvalidKey));
        QCOMPARE(s.setTlsKeyAndCertificate(makeCertificate("other").keyPem, {kc.leafPem}).ptStatus,
                 unsigned(PtStatus::CertKeyNotMatch));
        QVERIFY(!s.setTlsKeyAndCertificate(kc.keyPem, {kc.leafPem}));
        QVERIFY(!s.setTlsEnabled(true));
        // Staged until CommitChanges: the device still answers on 16992.
        QCOMPARE(sim.state().value("tlsChangesPending").toBool(), true);
        QCOMPARE(sim.state().value("tlsEnabled").toBool(), false);
        QVERIFY(s.getCoreVersion().ok());
        QVERIFY(!s.commitChanges());
    }
    QCOMPARE(sim.state().value("tlsEnabled").toBool(), true);
    QCOMPARE(sim.state().value("tlsChangesPending").toBool(), false);
    QCOMPARE(sim.state().value("tlsCommits").toInt(), 1);
    QCOMPARE(AmtSession(httpEndpoint(sim)).getCoreVersion().error.category, AmtError::Category::ConnectionRefused);
    AmtEndpoint tls = httpEndpoint(sim);
    tls.port = 16993;
    tls.transport = AmtEndpoint::Transport::Tls;
    tls.trustedCertificatesPem = kc.leafPem; // pinned
    AmtSession s(tls);
    const auto version = s.getCoreVersion();
    QVERIFY2(version.ok(), qPrintable(version.error.message));
    // A certificate we do not trust is refused by the client.
    tls.trustedCertificatesPem = makeCertificate("someone else").leafPem;
    AmtSession untrusted(tls);
    const auto refused = untrusted.getCoreVersion();
    QCOMPARE(refused.error.category, AmtError::Category::TlsHandshake);
    QVERIFY2(refused.error.message.contains(QStringLiteral("certificate")), qPrintable(refused.error.message));
}

void tst_AmtClient::tlsStagedUntilCommit_data()
{
    QTest::addColumn<bool>("tlsBefore");      // the device serves TLS with an older certificate
    QTest::addColumn<bool>("newCertificate"); // SetTLSKeyAndCertificate with another one
    QTest::addColumn<int>("enable");          // SetTlsEnabled: -1 not sent, 0 off, 1 on
    QTest::addColumn<bool>("commit");
    QTest::addColumn<bool>("tlsAfter");  // what the device serves afterwards
    QTest::addColumn<bool>("newServed"); // ... with the new certificate
    QTest::newRow("turned on, committed") << false << true << 1 << true << true << true;
    QTest::newRow("turned on, not committed") << false << true << 1 << false << false << false;
    QTest::newRow("turned off, committed") << true << false << 0 << true << false << false;
    QTest::newRow("turned off, not committed") << true << false << 0 << false << true << false;
    QTest::newRow("new certificate, committed") << true << true << -1 << true << true << true;
    QTest::newRow("new certificate, not committed") << true << true << -1 << false << true << false;
}

void tst_AmtClient::tlsStagedUntilCommit()
{
    QFETCH(bool, tlsBefore);
    QFETCH(bool, newCertificate);
    QFETCH(int, enable);
    QFETCH(bool, commit);
    QFETCH(bool, tlsAfter);
    QFETCH(bool, newServed);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    const LabCertificate older = makeCertificate("old.corp.example.test");
    const LabCertificate newer = makeCertificate("new.corp.example.test");
    const auto tlsEndpoint = [&](const LabCertificate &pinned) {
        AmtEndpoint e = httpEndpoint(sim);
        e.port = 16993;
        e.transport = AmtEndpoint::Transport::Tls;
        e.trustedCertificatesPem = pinned.leafPem;
        return e;
    };
    if (tlsBefore) {
        AmtSession s(httpEndpoint(sim));
        QVERIFY(!s.setTlsKeyAndCertificate(older.keyPem, {older.leafPem}));
        QVERIFY(!s.setTlsEnabled(true));
        QVERIFY(!s.commitChanges());
    }
    const int commitsBefore = sim.state().value("tlsCommits").toInt();
    {
        AmtSession s(tlsBefore ? tlsEndpoint(older) : httpEndpoint(sim));
        if (newCertificate)
            QVERIFY(!s.setTlsKeyAndCertificate(newer.keyPem, {newer.leafPem}));
        if (enable >= 0)
            QVERIFY(!s.setTlsEnabled(enable == 1));
        QVERIFY(sim.state().value("tlsChangesPending").toBool());
        QCOMPARE(sim.state().value("tlsEnabled").toBool(), tlsBefore); // nothing changed yet
        const auto stillThere = s.getCoreVersion();                    // on the same transport
        QVERIFY2(stillThere.ok(), qPrintable(stillThere.error.message));
        if (commit)
            QVERIFY(!s.commitChanges());
    }
    const QJsonObject state = sim.state(0, true);
    QCOMPARE(state.value("tlsEnabled").toBool(), tlsAfter);
    QCOMPARE(state.value("tlsChangesPending").toBool(), !commit);
    QCOMPARE(state.value("tlsCommits").toInt(), commitsBefore + (commit ? 1 : 0));
    // Only the transport it serves answers, with the certificate it serves.
    const AmtError http = AmtSession(httpEndpoint(sim)).getCoreVersion().error;
    const AmtError tlsOld = AmtSession(tlsEndpoint(older)).getCoreVersion().error;
    const AmtError tlsNew = AmtSession(tlsEndpoint(newer)).getCoreVersion().error;
    QVERIFY2(bool(http) == tlsAfter, qPrintable(http.message));
    if (tlsAfter) {
        QCOMPARE(http.category, AmtError::Category::ConnectionRefused);
        QVERIFY2(bool(tlsNew) != newServed, qPrintable(tlsNew.message));
        QVERIFY2(bool(tlsOld) == newServed, qPrintable(tlsOld.message));
    } else {
        QCOMPARE(tlsOld.category, AmtError::Category::ConnectionRefused);
        QCOMPARE(tlsNew.category, AmtError::Category::ConnectionRefused);
    }
}

void tst_AmtClient::clientFacadeDeliversFutures()
{
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "20", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    AmtClient client;
    QList<QFuture<AmtResult<unsigned>>> futures;
    for (int i = 0; i < 20; ++i)
        futures << client.run(httpEndpoint(sim, i), [](AmtSession &s) { return s.getSystemPowerState(); });
    for (auto &f : futures) {
        QTRY_VERIFY(f.isFinished());
        QVERIFY2(f.result().ok(), qPrintable(f.result().error.message));
    }
}

void tst_AmtClient::remoteConfiguration_data()
{
    QTest::addColumn<QString>("commonName");
    QTest::addColumn<bool>("intelOid");
    QTest::addColumn<QString>("ou");
    QTest::addColumn<bool>("trustRoot");
    QTest::addColumn<QString>("refusal"); // empty: accepted
    QTest::newRow("Intel OID") << "scs.amt.example.test" << true << "" << true << "";
    QTest::newRow("Intel OU") << "scs.amt.example.test" << false << "Intel(R) Client Setup Certificate" << true << "";
    QTest::newRow("root not trusted") << "scs.amt.example.test" << true << "" << false
                                      << "is not among the device's trusted root hashes";
    QTest::newRow("other domain") << "scs.other.example.test" << true << "" << true
                                  << "is not in the device's domain amt.example.test";
    QTest::newRow("no Intel marker") << "scs.amt.example.test" << false << "" << true << "neither the Intel OID";
}

void tst_AmtClient::remoteConfiguration()
{
    QFETCH(QString, commonName);
    QFETCH(bool, intelOid);
    QFETCH(QString, ou);
    QFETCH(bool, trustRoot);
    QFETCH(QString, refusal);
    const LabCertificate chain = makeChain(commonName.toLatin1().constData(), intelOid,
                                           ou.isEmpty() ? nullptr : ou.toLatin1().constData());
    const LabCertificate other = makeChain("unrelated", true, nullptr);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "setup-pki", "--amt-version", "3.0", "--admin-password", Password,
                       "--root-hash", trustRoot ? chain.rootSha1 : other.rootSha1})
                    .isEmpty());
    QVERIFY(sim.state().value("trustedRootHashes").toArray().contains(trustRoot ? chain.rootSha1 : other.rootSha1));
    AmtEndpoint e = httpEndpoint(sim);
    e.port = 16993;
    e.transport = AmtEndpoint::Transport::Tls;
    e.verifyServer = false;
    e.clientCertificateChainPem = chain.leafPem + chain.rootPem;
    e.clientPrivateKeyPem = chain.keyPem;
    AmtSession s(e);
    const auto r = s.getProvisioningState();
    if (refusal.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value, 1u);
        QVERIFY(!s.setProvisioningServerOtp("0ne-Time-Pass"));
        QCOMPARE(s.getProvisioningServerOtp().value, QStringLiteral("0ne-Time-Pass"));
        QVERIFY(!s.commitChanges());
        QTRY_COMPARE(sim.state().value("mode").toString(), QStringLiteral("provisioned"));
        return;
    }
    QVERIFY(!r.ok());
    QVERIFY2(r.error.category == AmtError::Category::ConnectionDropped
                     || r.error.category == AmtError::Category::TlsHandshake
                     || r.error.category == AmtError::Category::Protocol,
             qPrintable(r.error.message));
    const QString why = sim.state().value("lastRemoteConfigurationError").toString();
    QVERIFY2(why.contains(refusal), qPrintable(why));
    QCOMPARE(sim.state().value("mode").toString(), QStringLiteral("setup-pki"));
}

void tst_AmtClient::errors_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong password") << "password" << int(AmtError::Category::Authentication)
                                    << "the device rejected user 'admin' in realm 'Digest:";
    QTest::newRow("wrong PPS") << "wrong-pps" << int(AmtError::Category::TlsHandshake)
                               << "did not accept the pre-shared key, so the PPS does not match";
    QTest::newRow("refused") << "refuse" << int(AmtError::Category::ConnectionRefused)
                             << ":16992 refused the connection";
    QTest::newRow("slow") << "latency" << int(AmtError::Category::Timeout) << "did not answer GetCoreVersion within";
    QTest::newRow("dropped") << "drop" << int(AmtError::Category::ConnectionDropped)
                             << "closed the connection in the middle of GetCoreVersion";
    QTest::newRow("hung") << "hang" << int(AmtError::Category::Timeout) << "did not answer GetCoreVersion within";
    QTest::newRow("PT_STATUS") << "status" << int(AmtError::Category::Status)
                               << "GetCoreVersion returned INVALID_PROVISIONING_STATE (32)";
}

void tst_AmtClient::errors()
{
    QFETCH(QString, fault);
    QFETCH(int, category);
    QFETCH(QString, message);
    SimProcess sim;
    const bool psk = fault == u"wrong-pps";
    QVERIFY(sim.start({"--fleet", "1", "--mode", psk ? "setup-psk" : "provisioned", "--admin-password", Password})
                    .isEmpty());
    QJsonObject request{{"cmd", "fault"}, {"uuid", sim.device().uuid}, {"kind", fault}};
    if (fault == u"latency")
        request.insert("ms", 3000);
    if (fault == u"status") {
        request.insert("operation", "GetCoreVersion");
        request.insert("status", "INVALID_PROVISIONING_STATE");
    }
    if (fault != u"password")
        QVERIFY(sim.control(request).value("ok").toBool());

    AmtEndpoint e = psk ? pskEndpoint(sim) : httpEndpoint(sim, 0, fault == u"password" ? "Wr0ng-pass!" : Password);
    e.receiveTimeoutMs = 1000;
    e.sendTimeoutMs = 1000;
    QElapsedTimer timer;
    timer.start();
    AmtSession s(e);
    const auto r = s.getCoreVersion();
    QCOMPARE(int(r.error.category), category);
    QVERIFY2(r.error.message.contains(message), qPrintable(r.error.message));
    QCOMPARE(r.error.operation, QStringLiteral("GetCoreVersion"));
    QVERIFY2(timer.elapsed() < 2500,
             qPrintable(QString::number(timer.elapsed()))); // within the timeout, not after the fault
    if (fault == u"hang")
        sim.control({{"cmd", "clear-faults"}, {"uuid", sim.device().uuid}});
}

void tst_AmtClient::traceHookSeesNoSecret()
{
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    struct Call
    {
        QString operation, peer;
        int status;
        qint64 ms;
    };
    QList<Call> calls;
    AmtEndpoint e = httpEndpoint(sim);
    e.trace = [&calls](const QString &operation, const QString &peer, int status, qint64 ms) {
        calls.append({operation, peer, status, ms});
    };
    {
        AmtSession s(e);
        QVERIFY(s.getCoreVersion().ok());
    }
    AmtEndpoint wrong = httpEndpoint(sim, 0, QStringLiteral("Wr0ng-pass!"));
    wrong.trace = e.trace;
    {
        AmtSession s(wrong);
        QVERIFY(!s.getCoreVersion().ok());
    }
    QCOMPARE(calls.size(), 2); // one per request, after the Digest challenge was answered
    QCOMPARE(calls.at(0).operation, QStringLiteral("GetCoreVersion"));
    QCOMPARE(calls.at(0).peer, e.address());
    QCOMPARE(calls.at(0).status, 0);
    QVERIFY(calls.at(0).ms >= 0);
    QCOMPARE(calls.at(1).status, 401);
    for (const Call &c : std::as_const(calls)) {
        QVERIFY(!c.operation.contains(Password) && !c.peer.contains(Password));
        QVERIFY(!c.peer.contains(QStringLiteral("Wr0ng")));
    }
}

void tst_AmtClient::remoteControlBoot_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("special");
    QTest::addColumn<int>("parameter");
    QTest::addColumn<int>("options");
    QTest::addColumn<int>("powerBefore");
    QTest::addColumn<bool>("pxeBefore"); // a next boot to PXE is set already
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("nextBoot");
    QTest::addColumn<QString>("lastBoot");
    QTest::addColumn<int>("powerAfter");
    QTest::newRow("next boot PXE") << 0x21 << 1 << 0 << 0 << 0 << false << "SUCCESS"
                                   << "pxe"
                                   << "" << 0;
    QTest::newRow("next boot safe mode while off") << 0x21 << 3 << 0 << 0 << 5 << false << "SUCCESS"
                                                   << "hard-disk-safe-mode"
                                                   << "" << 5;
    QTest::newRow("next boot IDE-R CD") << 0x21 << 0xC1 << 0x0101 << 0 << 0 << false << "SUCCESS"
                                        << "ider-cd"
                                        << "" << 0;
    QTest::newRow("next boot BIOS pause, keyboard locked") << 0x21 << 0xC1 << 0x0010 << 32 << 0 << false << "SUCCESS"
                                                           << "bios-pause"
                                                           << "" << 0;
    QTest::newRow("no special command clears it") << 0x21 << 0 << 0 << 0 << 0 << true << "SUCCESS"
                                                  << "none"
                                                  << "" << 0;
    QTest::newRow("Intel OEM without a target") << 0x21 << 0xC1 << 0 << 0 << 0 << false << "INVALID_PARAMETER"
                                                << "none"
                                                << "" << 0;
    QTest::newRow("Intel OEM with two targets") << 0x21 << 0xC1 << 0x0018 << 0 << 0 << false << "INVALID_PARAMETER"
                                                << "none"
                                                << "" << 0;
    QTest::newRow("PXE with a parameter") << 0x21 << 1 << 0x0008 << 0 << 0 << true << "INVALID_PARAMETER"
                                          << "pxe"
                                          << "" << 0;
    QTest::newRow("unknown special command") << 0x21 << 6 << 0 << 0 << 0 << false << "INVALID_SPECIAL_COMMAND"
                                             << "none"
                                             << "" << 0;
    QTest::newRow("unknown boot option") << 0x21 << 1 << 0 << 0x0001 << 0 << false << "UNSUPPORTED_BOOT_OPTION"
                                         << "none"
                                         << "" << 0;
    QTest::newRow("unknown command") << 0x30 << 0 << 0 << 0 << 0 << false << "INVALID_COMMAND"
                                     << "none"
                                     << "" << 0;
    QTest::newRow("power up into PXE") << 0x11 << 1 << 0 << 0 << 5 << false << "SUCCESS"
                                       << "none"
                                       << "pxe" << 0;
    QTest::newRow("power up, the next boot set before") << 0x11 << 0 << 0 << 0 << 5 << true << "SUCCESS"
                                                        << "none"
                                                        << "pxe" << 0;
    QTest::newRow("power up while on changes nothing") << 0x11 << 0 << 0 << 0 << 0 << true << "SUCCESS"
                                                       << "pxe"
                                                       << "" << 0;
    QTest::newRow("reset into BIOS setup") << 0x10 << 0xC1 << 0x0008 << 0 << 0 << true << "SUCCESS"
                                           << "none"
                                           << "bios-setup" << 0;
    QTest::newRow("power cycle, normally") << 0x13 << 0 << 0 << 0 << 0 << false << "SUCCESS"
                                           << "none"
                                           << "normal" << 0;
    QTest::newRow("power down keeps the next boot") << 0x12 << 0 << 0 << 0 << 0 << true << "SUCCESS"
                                                    << "pxe"
                                                    << "" << 5;
    QTest::newRow("reset while off") << 0x10 << 0 << 0 << 0 << 5 << true << "NOT_PERMITTED"
                                     << "pxe"
                                     << "" << 5;
}

void tst_AmtClient::remoteControlBoot()
{
    QFETCH(int, command);
    QFETCH(int, special);
    QFETCH(int, parameter);
    QFETCH(int, options);
    QFETCH(int, powerBefore);
    QFETCH(bool, pxeBefore);
    QFETCH(QString, status);
    QFETCH(QString, nextBoot);
    QFETCH(QString, lastBoot);
    QFETCH(int, powerAfter);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    QVERIFY(sim.control({{"cmd", "set-power"}, {"uuid", sim.device().uuid}, {"state", powerBefore}})
                    .value("ok")
                    .toBool());
    AmtSession s(httpEndpoint(sim));
    if (pxeBefore)
        QVERIFY(!s.remoteControl(RemoteCommand::SetBootOptions, SpecialCommand::ForcePxeBoot));

    const AmtError e = s.remoteControl(RemoteCommand(command), SpecialCommand(special), quint16(parameter),
                                       quint16(options));
    QCOMPARE(e ? ptStatusName(e.ptStatus) : QStringLiteral("SUCCESS"), status);
    const QJsonObject state = sim.state();
    QCOMPARE(state.value("nextBoot").toString(), nextBoot);
    QCOMPARE(state.value("lastBoot").toString(), lastBoot);
    QCOMPARE(state.value("boots").toInt(), lastBoot.isEmpty() ? 0 : 1);
    QCOMPARE(state.value("powerState").toInt(), powerAfter);
    QCOMPARE(s.getSystemPowerState().value, unsigned(powerAfter));
    if (nextBoot != u"none" && !pxeBefore)
        QCOMPARE(state.value("nextBootOptions").toInt(), options);
}

void tst_AmtClient::networkTime_data()
{
    QTest::addColumn<int>("offset"); // the device's clock against the host's, seconds
    QTest::addColumn<int>("tm1");    // what the console sends, against the host's clock
    QTest::addColumn<int>("tm2");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("offsetAfter");
    QTest::newRow("an hour ahead") << 3600 << 0 << 0 << "SUCCESS" << 0;
    QTest::newRow("an hour behind") << -3600 << 0 << 0 << "SUCCESS" << 0;
    // time = Ta3 + ((Tm1 + Tm2) - (Ta0 + Ta3)) / 2: a console 50 s ahead of the host, a device 100
    // s ahead: 100 + (2 * 50 - 2 * 100) / 2 = 50.
    QTest::newRow("the transit averaged out") << 100 << 50 << 50 << "SUCCESS" << 50;
    QTest::newRow("Tm2 before Tm1") << 3600 << 0 << -10 << "INVALID_TIME" << 3600;
}

void tst_AmtClient::networkTime()
{
    QFETCH(int, offset);
    QFETCH(int, tm1);
    QFETCH(int, tm2);
    QFETCH(QString, status);
    QFETCH(int, offsetAfter);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    QVERIFY(sim.control({{"cmd", "set-clock"}, {"uuid", sim.device().uuid}, {"offset", offset}}).value("ok").toBool());
    AmtSession s(httpEndpoint(sim));
    const auto ta0 = s.getLowAccuracyTimeSynch();
    QVERIFY2(ta0.ok(), qPrintable(ta0.error.message));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY2(qAbs(qint64(ta0.value) - (now + offset)) <= 1, qPrintable(QString::number(ta0.value)));
    const AmtError e = s.setHighAccuracyTimeSynch(ta0.value, quint32(now + tm1), quint32(now + tm2));
    QCOMPARE(e ? ptStatusName(e.ptStatus) : QStringLiteral("SUCCESS"), status);
    const QJsonObject state = sim.state();
    const qint64 error = state.value("clockOffsetMs").toInteger() - qint64(offsetAfter) * 1000;
    QVERIFY2(qAbs(error) <= 2000, qPrintable(QString::number(error)));
    QCOMPARE(state.value("clockSets").toInt(), e ? 0 : 1);
    const qint64 deviceNow = s.getLowAccuracyTimeSynch().value;
    QVERIFY2(qAbs(deviceNow - (QDateTime::currentSecsSinceEpoch() + offsetAfter)) <= 2,
             qPrintable(QString::number(deviceNow)));
}

namespace {
// One call by the name the device counts it under.
AmtError callByName(AmtSession &s, const QString &name)
{
    if (name == u"GetCoreVersion")
        return s.getCoreVersion().error;
    if (name == u"GetHostName")
        return s.getHostName().error;
    if (name == u"GetLowAccuracyTimeSynch")
        return s.getLowAccuracyTimeSynch().error;
    if (name == u"SetHighAccuracyTimeSynch") {
        const quint32 now = quint32(QDateTime::currentSecsSinceEpoch());
        return s.setHighAccuracyTimeSynch(now, now, now);
    }
    if (name == u"SetAdminAclEntry")
        return s.setAdminAclEntry("admin", Password);
    if (name == u"PowerUp")
        return s.remoteControl(RemoteCommand::PowerUp);
    if (name == u"PowerDown" || name == u"RemoteControl")
        return s.remoteControl(RemoteCommand::PowerDown);
    if (name == u"SetBootOptions")
        return s.remoteControl(RemoteCommand::SetBootOptions, SpecialCommand::ForcePxeBoot);
    qFatal("callByName: %s", qPrintable(name));
}
} // namespace

void tst_AmtClient::operationFaults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("faulted");
    QTest::addColumn<QString>("other"); // a call the fault leaves alone
    QTest::addColumn<int>("category");
    QTest::newRow("slow clock read") << "latency"
                                     << "GetLowAccuracyTimeSynch"
                                     << "GetCoreVersion" << int(AmtError::Category::Timeout);
    QTest::newRow("dropped clock set") << "drop"
                                       << "SetHighAccuracyTimeSynch"
                                       << "GetLowAccuracyTimeSynch" << int(AmtError::Category::ConnectionDropped);
    QTest::newRow("dropped password change") << "drop"
                                             << "SetAdminAclEntry"
                                             << "GetCoreVersion" << int(AmtError::Category::ConnectionDropped);
    QTest::newRow("hung power up") << "hang"
                                   << "PowerUp"
                                   << "SetBootOptions" << int(AmtError::Category::Timeout);
    QTest::newRow("refused next boot") << "status"
                                       << "SetBootOptions"
                                       << "PowerDown" << int(AmtError::Category::Status);
    QTest::newRow("refused RemoteControl, every command") << "status"
                                                          << "RemoteControl"
                                                          << "GetHostName" << int(AmtError::Category::Status);
}

void tst_AmtClient::operationFaults()
{
    QFETCH(QString, kind);
    QFETCH(QString, faulted);
    QFETCH(QString, other);
    QFETCH(int, category);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "2", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    // On every device ("all"), for one operation only.
    const QJsonObject set = sim.control({{"cmd", "fault"},
                                         {"all", true},
                                         {"kind", kind},
                                         {"operation", faulted},
                                         {"ms", 1500},
                                         {"status", "NOT_READY"}});
    QVERIFY2(set.value("ok").toBool(), qPrintable(set.value("error").toString()));
    QCOMPARE(set.value("devices").toInt(), 2);
    QCOMPARE(sim.state(1).value("faults").toObject().value("operations").toObject().keys(), QStringList{faulted});

    AmtEndpoint e = httpEndpoint(sim, 1);
    e.receiveTimeoutMs = 1000;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    {
        AmtSession s(e);
        const AmtError error = callByName(s, faulted);
        QCOMPARE(int(error.category), category);
        if (error.category == AmtError::Category::Status)
            QCOMPARE(error.ptStatus, unsigned(PtStatus::NotReady));
    }
    sim.control({{"cmd", "clear-faults"}, {"uuid", sim.device(1).uuid}, {"operation", faulted}}); // ends a hang
    AmtSession s(e);
    const AmtError fine = callByName(s, other);
    QVERIFY2(!fine, qPrintable(fine.message));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    // The device counts what reached it, faulted or not, with the time of each.
    const QJsonObject calls = sim.state(1).value("operations").toObject();
    QCOMPARE(calls.value(faulted).toObject().value("count").toInt(), 1);
    QCOMPARE(calls.value(other).toObject().value("count").toInt(), 1);
    const qint64 at = calls.value(faulted).toObject().value("timesMs").toArray().first().toInteger();
    QVERIFY(at >= before && at <= after);
    QVERIFY(sim.state(1).value("faults").toObject().isEmpty());
    QVERIFY(sim.state(0).value("faults").toObject().value("operations").toObject().contains(faulted));
}

void tst_AmtClient::faultForSomeCalls()
{
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password}).isEmpty());
    QVERIFY(sim.control({{"cmd", "fault"},
                         {"uuid", sim.device().uuid},
                         {"kind", "status"},
                         {"operation", "GetHostName"},
                         {"status", 1},
                         {"times", 2}})
                    .value("ok")
                    .toBool());
    AmtSession s(httpEndpoint(sim));
    QCOMPARE(s.getHostName().error.ptStatus, unsigned(PtStatus::InternalError));
    QCOMPARE(sim.state()
                     .value("faults")
                     .toObject()
                     .value("operations")
                     .toObject()
                     .value("GetHostName")
                     .toObject()
                     .value("times")
                     .toInt(),
             1);
    QCOMPARE(s.getHostName().error.ptStatus, unsigned(PtStatus::InternalError));
    const auto third = s.getHostName();
    QVERIFY2(third.ok(), qPrintable(third.error.message));
    QVERIFY(sim.state().value("faults").toObject().isEmpty());
    QCOMPARE(sim.state().value("operations").toObject().value("GetHostName").toObject().value("count").toInt(), 3);
    // Forgotten on request.
    QVERIFY(sim.control({{"cmd", "clear-calls"}, {"uuid", sim.device().uuid}}).value("ok").toBool());
    QVERIFY(sim.state().value("operations").toObject().isEmpty());
}

QTEST_GUILESS_MAIN(tst_AmtClient)
#include "tst_amtclient.moc"
