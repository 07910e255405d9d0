// SPDX-License-Identifier: GPL-2.0-or-later
// The provisioning policy on snapshots built by hand: no database, no network. One row for every
// sentence the engine logs when it refuses or sets aside a hello, and rows for what it accepts.
#include "core/keys/pidpps.h"
#include "core/provisioning/provisioningpolicy.h"

#include <QtTest>

using namespace Oobm::Core;

namespace {

using Setup = void (*)(HelloSnapshot &);

struct Case
{
    Setup setup = nullptr;
    HelloDecision::Action action = HelloDecision::Action::Provision;
    SystemState state = SystemState::Provisioning;
    QString reason; // the exact sentence (%1 etc. already filled)
};

const QString Uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
const QByteArray HelloPid = "K7QX2MBO";
const QByteArray NextPid = "N3XTK3Y5";
const QDateTime Now = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);

ProvisioningCertificate certificate(const QString &name, const QString &sha1, const QDateTime &notAfter)
{
    ProvisioningCertificate c;
    c.name = name;
    c.commonName = QStringLiteral("provision.example.com");
    c.rootSha1 = sha1;
    c.rootSha256 = QString(64, u'B');
    c.notBefore = Now.addYears(-1);
    c.notAfter = notAfter;
    c.keyPem = "key";
    return c;
}

HelloPacket::RootHash sha1Hash(const QString &hex)
{
    return {HelloPacket::HashType::Sha1, QByteArray::fromHex(hex.toLatin1())};
}

// A PSK hello from a known device whose key is in the ledger: provisioned.
HelloSnapshot provisionable()
{
    HelloSnapshot s;
    s.intake.hello.version = HelloPacket::Version::Psk;
    s.intake.hello.uuid = QUuid(Uuid);
    s.intake.hello.pid = HelloPid;
    s.intake.address = QHostAddress(QStringLiteral("10.1.0.7"));
    s.intake.engineId = QStringLiteral("engine-a");
    s.now = Now;
    s.system.uuid = Uuid;
    s.system.fqdn = QStringLiteral("pc1.example.com");
    s.system.state = SystemState::AwaitingHello;
    s.system.attempts = 2;
    s.helloKey.pid = HelloPid;
    s.helloKey.state = KeyState::Exported;
    s.helloKey.pps = "PPS";
    s.helloKey.mePassword = QStringLiteral("admin");
    s.helloKey.newMePassword = QStringLiteral("N3w-passw0rd");
    s.nextKey.pid = NextPid;
    s.nextKey.pps = "NEXTPPS";
    s.profile.id = 7;
    s.profile.name = QStringLiteral("Lab");
    s.assignment = QStringLiteral("default profile");
    return s;
}

// A Remote Configuration hello (PKI) whose root matches a loaded certificate: provisioned.
HelloSnapshot remoteConfiguration()
{
    HelloSnapshot s = provisionable();
    s.intake.hello.version = HelloPacket::Version::Pki;
    s.intake.hello.pid.clear();
    s.intake.hello.rootHashes = {sha1Hash(QString(40, u'A'))};
    s.helloKey = {};
    s.settings.allowRemoteConfiguration = true;
    s.certificates = {certificate(QStringLiteral("Provisioning"), QString(40, u'A'), Now.addYears(1))};
    return s;
}

} // namespace

Q_DECLARE_METATYPE(Case)
Q_DECLARE_METATYPE(Oobm::Core::CommonNameSource)

class tst_ProvisioningPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void acceptsPsk();
    void acceptsRemoteConfiguration();
    void keepsHelloKeyWhenRefusedLater();
    void chooseProfile_data();
    void chooseProfile();
    void systemName_data();
    void systemName();
};

void tst_ProvisioningPolicy::decide_data()
{
    QTest::addColumn<bool>("pki");
    QTest::addColumn<Case>("row");
    using A = HelloDecision::Action;
    const QString pid = PidPps::formatPid(HelloPid);

    QTest::addRow("being provisioned by another engine")
            << false
            << Case{[](HelloSnapshot &s) {
        s.system.state = SystemState::Provisioning;
        s.claimedBy = QStringLiteral("engine-b");
        s.claimUntil = Now.addSecs(60);
                    },
                    A::InFlight, SystemState::Provisioning,
                    QStringLiteral("ignored: being provisioned by the engine engine-b")};
    QTest::addRow("hello sent before it was provisioned")
            << false
            << Case{[](HelloSnapshot &s) {
        s.system.state = SystemState::Provisioned;
        s.system.provisioned = Now.addSecs(-30);
                    },
                    A::InFlight, SystemState::Provisioned,
                    QStringLiteral("ignored: provisioned 30 s ago; the device sent this hello before it was "
                                   "provisioned")};
    QTest::addRow("Remote Configuration off")
            << true
            << Case{[](HelloSnapshot &s) { s.settings.allowRemoteConfiguration = false; }, A::Rejected,
                    SystemState::Failed,
                    QStringLiteral("Remote Configuration hello (PKI), but Remote Configuration is off: turn on "
                                   "\"Allow Remote Configuration\" on the General page, or give the device a "
                                   "PID/PPS.")};
    QTest::addRow("data key missing") << false
                                      << Case{[](HelloSnapshot &s) {
        s.lockedReason = QStringLiteral("The security keys ... no data key.");
                                              },
                                              A::Rejected, SystemState::Failed,
                                              QStringLiteral("The security keys ... no data key.")};
    QTest::addRow("unknown PID")
            << false
            << Case{[](HelloSnapshot &s) { s.helloKey = {}; }, A::Rejected, SystemState::Failed,
                    QStringLiteral("failed to find PID %1: the key this device offers is not in this database. Import "
                                   "the keys it was given (Security Keys > Import), or give it a key from this "
                                   "database.")
                            .arg(pid)};
    QTest::addRow("PID consumed by another system")
            << false
            << Case{[](HelloSnapshot &s) {
        s.helloKey.state = KeyState::Consumed;
        s.helloKey.consumedBy = QStringLiteral("OTHER-UUID");
                    },
                    A::Rejected, SystemState::Failed,
                    QStringLiteral("PID %1 is already used by the system OTHER-UUID; a key is never used by two "
                                   "systems. Give this device a new key.")
                            .arg(pid)};
    QTest::addRow("PID reserved for another system")
            << false
            << Case{[](HelloSnapshot &s) { s.helloKey.assignedTo = QStringLiteral("THIRD-UUID"); }, A::Rejected,
                    SystemState::Failed,
                    QStringLiteral("PID %1 is already used by the system THIRD-UUID; a key is never used by two "
                                   "systems. Give this device a new key.")
                            .arg(pid)};
    QTest::addRow("PID retired") << false
                                 << Case{[](HelloSnapshot &s) { s.helloKey.state = KeyState::Retired; }, A::Rejected,
                                         SystemState::Failed,
                                         QStringLiteral("PID %1 is retired; give the device a new key.").arg(pid)};
    QTest::addRow("hello key undecryptable")
            << false
            << Case{[](HelloSnapshot &s) { s.helloKeyReadable = false; }, A::Rejected, SystemState::Failed,
                    QStringLiteral("The key %1 cannot be decrypted: its stored secret was changed outside OOBM.")
                            .arg(pid)};
    QTest::addRow("certificates unreadable")
            << true
            << Case{[](HelloSnapshot &s) {
        s.certificatesError = QStringLiteral("The private key ... cannot be decrypted");
                    },
                    A::Rejected, SystemState::Failed, QStringLiteral("The private key ... cannot be decrypted")};
    QTest::addRow("no certificate matches")
            << true
            << Case{[](HelloSnapshot &s) { s.intake.hello.rootHashes = {sha1Hash(QString(40, u'C'))}; }, A::Rejected,
                    SystemState::Failed,
                    QStringLiteral("No provisioning certificate matches a root this device trusts. It offers sha1:%1; "
                                   "loaded: Provisioning (sha1:%2). Import a provisioning certificate issued under one "
                                   "of the offered roots, or add your root's hash to the device (MEBx or setup.bin).")
                            .arg(QString(40, u'C'), QString(40, u'A'))};
    QTest::addRow("no certificate and no hashes")
            << true
            << Case{[](HelloSnapshot &s) {
        s.intake.hello.rootHashes.clear();
        s.certificates.clear();
                    },
                    A::Rejected, SystemState::Failed,
                    QStringLiteral("No provisioning certificate matches a root this device trusts. It offers no "
                                   "hashes; loaded: none. Import a provisioning certificate issued under one of the "
                                   "offered roots, or add your root's hash to the device (MEBx or setup.bin).")};
    QTest::addRow("certificate expired")
            << true
            << Case{[](HelloSnapshot &s) { s.certificates.first().notAfter = Now.addDays(-1); }, A::Rejected,
                    SystemState::Failed,
                    QStringLiteral("The provisioning certificate Provisioning expired on %1; the device would refuse "
                                   "it. Import a renewed one.")
                            .arg(Now.addDays(-1).toString(Qt::ISODate))};
    QTest::addRow("certificate for another domain")
            << true
            << Case{[](HelloSnapshot &s) { s.system.fqdn = QStringLiteral("pc1.other.org"); }, A::Rejected,
                    SystemState::Failed,
                    QStringLiteral("The provisioning certificate's CN provision.example.com does not end in the "
                                   "device's domain other.org; the device refuses a certificate from another domain. "
                                   "Use a certificate issued for other.org.")};
    QTest::addRow("one-time password missing")
            << true
            << Case{[](HelloSnapshot &s) { s.settings.oneTimePasswordRequired = true; }, A::Rejected,
                    SystemState::Failed,
                    QStringLiteral("A one-time password is required (General page) but none is stored for "
                                   "this system: enter the OTP the device was given (oobmctl systems otp %1).")
                            .arg(Uuid)};
    QTest::addRow("authorization required")
            << false
            << Case{[](HelloSnapshot &s) { s.settings.requireAuthorization = true; }, A::AwaitAuthorization,
                    SystemState::AwaitingAuthorization, QStringLiteral("awaiting authorization")};
    QTest::addRow("authorization given") << false
                                         << Case{[](HelloSnapshot &s) {
        s.settings.requireAuthorization = true;
        s.system.authorized = true;
                                                 },
                                                 A::Provision, SystemState::Provisioning,
                                                 QStringLiteral("provisioning (attempt 3)")};
    QTest::addRow("no profile")
            << false
            << Case{[](HelloSnapshot &s) {
        s.profileError = QStringLiteral("There is no provision profile: create one under Configuration "
                                        "Service Settings > Provision Profiles (or oobmctl profiles "
                                        "create).");
                    },
                    A::Rejected, SystemState::Failed,
                    QStringLiteral("There is no provision profile: create one under Configuration Service Settings > "
                                   "Provision Profiles (or oobmctl profiles create).")};
    QTest::addRow("next key undecryptable")
            << false
            << Case{[](HelloSnapshot &s) { s.nextKeyReadable = false; }, A::Rejected, SystemState::Failed,
                    QStringLiteral("The key %1 cannot be decrypted: its stored secret was changed outside OOBM.")
                            .arg(PidPps::formatPid(NextPid))};
    QTest::addRow("no keys left") << false
                                  << Case{[](HelloSnapshot &s) { s.nextKey = {}; }, A::Provision,
                                          SystemState::Provisioning, QStringLiteral("provisioning (attempt 3)")};
    QTest::addRow("claim lapsed") << false
                                  << Case{[](HelloSnapshot &s) {
        s.system.state = SystemState::Provisioning;
        s.claimedBy = QStringLiteral("engine-b");
        s.claimUntil = Now.addSecs(-1);
                                          },
                                          A::Provision, SystemState::Provisioning,
                                          QStringLiteral("provisioning (attempt 3)")};
}

void tst_ProvisioningPolicy::decide()
{
    QFETCH(bool, pki);
    QFETCH(Case, row);
    HelloSnapshot s = pki ? remoteConfiguration() : provisionable();
    row.setup(s);
    const HelloDecision d = ProvisioningPolicy::decide(s);
    QCOMPARE(d.action, row.action);
    QCOMPARE(d.reason, row.reason);
    QCOMPARE(d.system.state, row.state);
    if (row.action == HelloDecision::Action::Rejected)
        QCOMPARE(d.system.reason, row.reason); // the system shows why
}

void tst_ProvisioningPolicy::acceptsPsk()
{
    HelloSnapshot s = provisionable();
    s.previousPassword = QStringLiteral("Pr3vious!");
    const HelloDecision d = ProvisioningPolicy::decide(s);
    QCOMPARE(d.action, HelloDecision::Action::Provision);
    QCOMPARE(d.pps, QByteArray("PPS"));
    // The password this store gave it, then the key's new and old ME passwords.
    QCOMPARE(d.passwords,
             QStringList({QStringLiteral("Pr3vious!"), QStringLiteral("N3w-passw0rd"), QStringLiteral("admin")}));
    QCOMPARE(d.newPid, NextPid);
    QCOMPARE(d.newPps, QByteArray("NEXTPPS"));
    QCOMPARE(d.attempt, 3);
    QVERIFY(d.keepHelloKey);
    QVERIFY(!d.remoteConfiguration);
    QCOMPARE(d.profile.id, 7);
    QCOMPARE(d.system.profileId, 7);
    QCOMPARE(d.system.profileName, QStringLiteral("Lab"));
    QCOMPARE(d.system.assignment, QStringLiteral("default profile"));
    QCOMPARE(d.system.name, QStringLiteral("pc1.example.com"));
    QVERIFY(d.system.reason.isEmpty());
}

void tst_ProvisioningPolicy::acceptsRemoteConfiguration()
{
    HelloSnapshot s = remoteConfiguration();
    s.settings.oneTimePasswordRequired = true;
    s.otp = QStringLiteral("0tp-for-this");
    // An expired certificate under the same root loses to a valid one.
    s.certificates.prepend(certificate(QStringLiteral("Old"), QString(40, u'A'), Now.addDays(-3)));
    const HelloDecision d = ProvisioningPolicy::decide(s);
    QCOMPARE(d.action, HelloDecision::Action::Provision);
    QVERIFY(d.remoteConfiguration);
    QCOMPARE(d.certificate.name, QStringLiteral("Provisioning"));
    QCOMPARE(d.otp, QStringLiteral("0tp-for-this"));
    QCOMPARE(d.passwords, QStringList{QStringLiteral("admin")}); // the factory password of setup mode
    QVERIFY(!d.keepHelloKey);

    // Without the requirement, a stored OTP is not sent.
    s.settings.oneTimePasswordRequired = false;
    QVERIFY(ProvisioningPolicy::decide(s).otp.isEmpty());
}

void tst_ProvisioningPolicy::keepsHelloKeyWhenRefusedLater()
{
    // The hello's key passed its checks: it stays this system's even when the profile is missing.
    HelloSnapshot s = provisionable();
    s.profileError = QStringLiteral("No provision profile is the default.");
    const HelloDecision d = ProvisioningPolicy::decide(s);
    QCOMPARE(d.action, HelloDecision::Action::Rejected);
    QVERIFY(d.keepHelloKey);
    QVERIFY(d.newPid.isEmpty()); // no next key is reserved for a refused hello
}

void tst_ProvisioningPolicy::chooseProfile_data()
{
    QTest::addColumn<QString>("fqdn");
    QTest::addColumn<QString>("address");
    QTest::addColumn<qint64>("profileId");
    QTest::addColumn<QString>("assignment");
    QTest::addRow("uuid rule first") << "pc1.lab.example.com"
                                     << "10.1.0.7" << qint64(1) << QStringLiteral("UUID %1").arg(Uuid);
    QTest::addRow("fqdn pattern") << "pc9.lab.example.com"
                                  << "192.0.2.1" << qint64(2) << "FQDN *.lab.example.com";
    QTest::addRow("ip range") << "pc9.example.org"
                              << "10.1.0.9" << qint64(3) << "IP range 10.1.0.0/16";
    QTest::addRow("default") << "pc9.example.org"
                             << "192.0.2.1" << qint64(0) << "default profile";
}

void tst_ProvisioningPolicy::chooseProfile()
{
    QFETCH(QString, fqdn);
    QFETCH(QString, address);
    QFETCH(qint64, profileId);
    QFETCH(QString, assignment);
    QList<ProfileAssignment> rules;
    rules << ProfileAssignment{1, ProfileAssignment::Kind::Uuid, QStringLiteral("NOT-THIS-ONE"), 9, {}};
    rules << ProfileAssignment{2, ProfileAssignment::Kind::Uuid, Uuid.toLower(), 1, {}};
    rules << ProfileAssignment{3, ProfileAssignment::Kind::FqdnPattern, QStringLiteral("*.lab.example.com"), 2, {}};
    rules << ProfileAssignment{4, ProfileAssignment::Kind::IpRange, QStringLiteral("10.1.0.0/16"), 3, {}};
    AmtSystem system;
    system.uuid = profileId == 1 ? Uuid : QStringLiteral("11111111-2222-3333-4444-555555555555");
    system.fqdn = fqdn;
    const auto choice = ProvisioningPolicy::chooseProfile(rules, system, QHostAddress(address));
    QCOMPARE(choice.profileId, profileId);
    QCOMPARE(choice.assignment, assignment);
}

void tst_ProvisioningPolicy::systemName_data()
{
    QTest::addColumn<CommonNameSource>("source");
    QTest::addColumn<QString>("fqdn");
    QTest::addColumn<QString>("name");
    QTest::addRow("fqdn") << CommonNameSource::Fqdn << "pc1.example.com"
                          << "pc1.example.com";
    QTest::addRow("host name") << CommonNameSource::HostName << "pc1.example.com"
                               << "pc1";
    QTest::addRow("sam account") << CommonNameSource::SamAccountName << "pc1.example.com"
                                 << "PC1$";
    QTest::addRow("sam account, long host")
            << CommonNameSource::SamAccountName << "engineering-workstation-42.example.com"
            << "ENGINEERING-WOR$";
    QTest::addRow("bare host") << CommonNameSource::HostName << "pc1"
                               << "pc1";
    QTest::addRow("no name") << CommonNameSource::SamAccountName << ""
                             << "";
}

void tst_ProvisioningPolicy::systemName()
{
    QFETCH(CommonNameSource, source);
    QFETCH(QString, fqdn);
    QFETCH(QString, name);
    QCOMPARE(ProvisioningPolicy::systemName(source, fqdn), name);
    // The policy names the system it decides about.
    HelloSnapshot s = provisionable();
    s.settings.commonName = source;
    s.system.fqdn = fqdn;
    QCOMPARE(ProvisioningPolicy::decide(s).system.name, name);
}

QTEST_GUILESS_MAIN(tst_ProvisioningPolicy)
#include "tst_provisioningpolicy.moc"
