// SPDX-License-Identifier: GPL-2.0-or-later
#include "simdevice.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>

namespace Oobm::Sim {

namespace {
struct ModeName
{
    Mode mode;
    const char *key;
};
constexpr ModeName ModeNames[] = {
        {Mode::Disabled, "disabled"},  {Mode::Factory, "factory"},    {Mode::PasswordChanged, "password-changed"},
        {Mode::SetupPsk, "setup-psk"}, {Mode::SetupPki, "setup-pki"}, {Mode::Provisioned, "provisioned"},
};

// "3.0" as 300, "11.0" as 1100: major * 100 + minor, for comparing versions.
int amtVersionNumberOf(const QString &version)
{
    return version.section(u'.', 0, 0).toInt() * 100 + version.section(u'.', 1, 1).toInt();
}
} // namespace

QString modeKey(Mode mode)
{
    for (const ModeName &m : ModeNames) {
        if (m.mode == mode)
            return QLatin1String(m.key);
    }
    return {};
}

bool modeFromKey(const QString &key, Mode *mode)
{
    for (const ModeName &m : ModeNames) {
        if (key == QLatin1String(m.key)) {
            *mode = m.mode;
            return true;
        }
    }
    return false;
}

QJsonObject OperationFault::toJson() const
{
    QJsonObject o;
    if (forceStatus)
        o.insert(QStringLiteral("status"), int(status));
    if (latencyMs)
        o.insert(QStringLiteral("latency-ms"), latencyMs);
    if (drop)
        o.insert(QStringLiteral("drop"), true);
    if (hang)
        o.insert(QStringLiteral("hang"), true);
    if (remaining >= 0)
        o.insert(QStringLiteral("times"), remaining);
    return o;
}

QJsonObject Faults::toJson() const
{
    QJsonObject o;
    if (wrongPps)
        o.insert(QStringLiteral("wrong-pps"), true);
    if (refuse)
        o.insert(QStringLiteral("refuse"), true);
    if (latencyMs)
        o.insert(QStringLiteral("latency-ms"), latencyMs);
    if (dropMidCall)
        o.insert(QStringLiteral("drop"), true);
    if (hang)
        o.insert(QStringLiteral("hang"), true);
    QJsonObject ops;
    for (auto it = operations.cbegin(); it != operations.cend(); ++it)
        ops.insert(it.key(), it.value().toJson());
    if (!ops.isEmpty())
        o.insert(QStringLiteral("operations"), ops);
    return o;
}

QJsonObject CallRecord::toJson(bool withTimes) const
{
    QJsonObject o{{QStringLiteral("count"), qint64(count)},
                  {QStringLiteral("lastMs"), timesMs.isEmpty() ? 0 : timesMs.last()}};
    if (withTimes) {
        QJsonArray times;
        for (qint64 t : timesMs)
            times.append(t);
        o.insert(QStringLiteral("timesMs"), times);
    }
    return o;
}

unsigned DeviceState::provisioningState() const
{
    if (mode == Mode::Provisioned)
        return 2;
    if (inSetup())
        return 1;
    return 0;
}

bool DeviceState::supportsRemoteConfiguration() const
{
    return amtVersion == u"2.2" || amtVersion == u"2.6" || amtVersion == u"3.0";
}

bool DeviceState::supportsInterfaceSettings() const
{
    return amtVersion == u"2.5" || amtVersion == u"2.6" || amtVersion == u"3.0";
}

bool DeviceState::speaksWsman() const
{
    return amtVersionNumberOf(amtVersion) >= 300;
}

bool DeviceState::speaksLegacySoap() const
{
    return amtVersionNumberOf(amtVersion) < 900;
}

QString DeviceState::realm() const
{
    const QByteArray digest = QCryptographicHash::hash(uuid.toRfc4122(), QCryptographicHash::Md5);
    return QStringLiteral("Digest:") + QString::fromLatin1(digest.toHex().toUpper());
}

QString DeviceState::coreVersion() const
{
    return amtVersion + QStringLiteral(".4");
}

qint64 DeviceState::clockMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + clockOffsetMs;
}

bool DeviceState::isOff() const
{
    switch (powerState & 0x0F) {
    case 4:  // S4
    case 5:  // S5 soft off
    case 6:  // S4/S5
    case 7:  // mechanical off
    case 10: // S5 override
    case 12: // legacy off
        return true;
    default:
        return false;
    }
}

void DeviceState::boot(const BootSetting &requested, qint64 nowMs)
{
    const BootSetting used = requested.isSet() ? requested : nextBoot;
    lastBoot = used.specialCommand == 0 ? QStringLiteral("normal") : used.key();
    nextBoot = {}; // a next-boot setting lasts one boot
    bootBiosSetup = bootBiosPause = false;
    bootSource.clear();
    powerState = 0;
    ++boots;
    lastBootMs = nowMs;
}

Core::Amt::PtStatus DeviceState::remoteCommand(unsigned command, const BootSetting &boot, qint64 nowMs)
{
    using Core::Amt::PtStatus;
    switch (command) {
    case 0x10: // reset
    case 0x13: // power cycle
        if (isOff())
            return PtStatus::NotPermitted; // nothing to reset while off
        this->boot(boot, nowMs);
        return PtStatus::Success;
    case 0x11: // power up: a boot from off; a sleeping device wakes; one that is on stays so
        if (isOff())
            this->boot(boot, nowMs);
        else
            powerState = 0;
        return PtStatus::Success;
    case 0x12: // power down to S5
        powerState = 5;
        return PtStatus::Success;
    case 0x21: // the next boot, without a power change; no special command clears it
        nextBoot = boot;
        return PtStatus::Success;
    default:
        return PtStatus::InvalidCommand;
    }
}

Core::Amt::PtStatus DeviceState::unprovision(bool partial)
{
    if (provisioningState() == 0)
        return Core::Amt::PtStatus::InvalidProvisioningState;
    if (partial) {
        mode = Mode::SetupPsk; // keeps PID/PPS; hellos again, for 6 hours
        firstWindow = false;
    } else {
        mode = Mode::Factory; // back to factory: PSK data and accounts gone
        pid.clear();
        pps.clear();
        mebxPassword = QStringLiteral("admin");
        adminDigest.clear();
        adminUser = QStringLiteral("admin");
        firstWindow = true;
    }
    aclUsers.clear();
    tlsEnabled = false;
    clearPendingTls();
    helloRetry = 0;
    helloWindowOpened = {};
    helloWindowClosed = false;
    return Core::Amt::PtStatus::Success;
}

Core::Amt::PtStatus DeviceState::aclUserProblem(const QString &username, const QList<unsigned> &realms,
                                                unsigned ignoreHandle) const
{
    using Core::Amt::PtStatus;
    if (username.isEmpty() || username.size() > 16 || username.startsWith(QStringLiteral("$$")))
        return PtStatus::InvalidName;
    for (unsigned realm : realms) {
        if (realm < 2 || realm > 24 || realm == 22 || realm == 23)
            return PtStatus::InvalidRealm;
    }
    for (const AclUser &u : aclUsers) {
        if (u.handle != ignoreHandle && u.username == username)
            return PtStatus::Duplicate;
    }
    return PtStatus::Success;
}

// docs/protocol.md §5.7: Ta0 as the device answered, Tm1 the console's time when it received it,
// Tm2 the console's time when it sent this; Ta3 is the device's time now. The device takes the
// console's clock with the transit time averaged out:
//   time = Ta3 + ((Tm1 + Tm2) - (Ta0 + Ta3)) / 2
Core::Amt::PtStatus DeviceState::synchronizeClock(quint32 ta0, quint32 tm1, quint32 tm2, qint64 hostNowMs)
{
    if (tm2 < tm1) // the console's clock went back between the two
        return Core::Amt::PtStatus::InvalidTime;
    const qint64 ta3 = hostNowMs + clockOffsetMs; // ms
    const qint64 time = ta3 + ((qint64(tm1) + qint64(tm2)) * 1000 - (qint64(ta0) * 1000 + ta3)) / 2;
    clockOffsetMs = time - hostNowMs;
    ++clockSets;
    clockSetMs = hostNowMs;
    return Core::Amt::PtStatus::Success;
}

unsigned short DeviceState::dmtfPowerState() const
{
    switch (powerState & 0x0F) {
    case 0:
    case 11: // legacy on
        return 2;
    case 1:
    case 2:
        return 3; // sleep, light
    case 3:
    case 8:
        return 4; // sleep, deep
    case 4:
    case 9:
        return 7; // hibernate
    case 7:
        return 6; // off, hard
    default:
        return 8; // off, soft
    }
}

bool DeviceState::hasDashClasses() const
{
    return amtVersionNumberOf(amtVersion) >= 302;
}

bool DeviceState::hasPartialUnprovision() const
{
    return amtVersionNumberOf(amtVersion) >= 600;
}

bool DeviceState::hasCim213Arguments() const
{
    return amtVersionNumberOf(amtVersion) < 600;
}

void DeviceState::clearPendingTls()
{
    pendingTlsKeyPem.clear();
    pendingTlsCertificateChainPem.clear();
    pendingTlsEnabled.reset();
}

void DeviceState::recordCall(const QString &operation, qint64 nowMs)
{
    CallRecord &r = calls[operation];
    ++r.count;
    r.timesMs.append(nowMs);
    if (r.timesMs.size() > CallRecord::MaxTimes)
        r.timesMs.removeFirst();
}

QJsonObject DeviceState::callsJson(bool withTimes) const
{
    QJsonObject o;
    for (auto it = calls.cbegin(); it != calls.cend(); ++it)
        o.insert(it.key(), it.value().toJson(withTimes));
    return o;
}

QJsonObject DeviceState::toJson(bool withSecrets) const
{
    QJsonObject o;
    o.insert(QStringLiteral("uuid"), uuid.toString(QUuid::WithoutBraces).toUpper());
    o.insert(QStringLiteral("address"), address.toString());
    o.insert(QStringLiteral("version"), amtVersion);
    o.insert(QStringLiteral("mode"), modeKey(mode));
    o.insert(QStringLiteral("provisioningState"), int(provisioningState()));
    o.insert(QStringLiteral("pid"), QString::fromLatin1(pid));
    o.insert(QStringLiteral("hostName"), hostName);
    o.insert(QStringLiteral("domainName"), domainName);
    o.insert(QStringLiteral("powerState"), int(powerState));
    o.insert(QStringLiteral("nextBoot"), nextBoot.key());
    o.insert(QStringLiteral("nextBootSpecialCommand"), int(nextBoot.specialCommand));
    o.insert(QStringLiteral("nextBootParameter"), int(nextBoot.parameter));
    o.insert(QStringLiteral("nextBootOptions"), int(nextBoot.bootOptions));
    o.insert(QStringLiteral("lastBoot"), lastBoot);
    o.insert(QStringLiteral("boots"), qint64(boots));
    o.insert(QStringLiteral("lastBootMs"), lastBootMs);
    o.insert(QStringLiteral("tlsEnabled"), tlsEnabled);
    o.insert(QStringLiteral("tlsChangesPending"), hasPendingTls()); // for CommitChanges (provisioned)
    o.insert(QStringLiteral("tlsCommits"), qint64(tlsCommits));
    o.insert(QStringLiteral("enabledInterfaces"), QJsonArray::fromStringList(enabledInterfaces));
    o.insert(QStringLiteral("zeroTouchEnabled"), zeroTouchEnabled);
    o.insert(QStringLiteral("helloRetry"), qint64(helloRetry));
    o.insert(QStringLiteral("hellosSent"), qint64(hellosSent));
    o.insert(QStringLiteral("firstWindow"), firstWindow);
    o.insert(QStringLiteral("helloWindowClosed"), helloWindowClosed);
    if (helloWindowOpened.isValid())
        o.insert(QStringLiteral("helloWindowOpened"), helloWindowOpened.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("adminUser"), adminUser);
    o.insert(QStringLiteral("nextAclHandle"), qint64(nextAclHandle));
    o.insert(QStringLiteral("dhcpEnabled"), dhcpEnabled);
    o.insert(QStringLiteral("staticAddress"), qint64(staticAddress));
    o.insert(QStringLiteral("clockOffsetMs"), clockOffsetMs);
    o.insert(QStringLiteral("deviceTime"), clockMs() / 1000); // what GetLowAccuracyTimeSynch answers now
    o.insert(QStringLiteral("clockSets"), qint64(clockSets));
    o.insert(QStringLiteral("clockSetMs"), clockSetMs);
    o.insert(QStringLiteral("adminPasswordChanges"), qint64(adminPasswordChanges));
    o.insert(QStringLiteral("adminPasswordChangedMs"), adminPasswordChangedMs);
    QJsonArray users;
    for (const AclUser &u : aclUsers) {
        QJsonObject uo;
        uo.insert(QStringLiteral("handle"), qint64(u.handle));
        uo.insert(QStringLiteral("username"), u.username);
        QJsonArray realms;
        for (unsigned r : u.realms)
            realms.append(qint64(r));
        uo.insert(QStringLiteral("realms"), realms);
        if (withSecrets)
            uo.insert(QStringLiteral("password"), u.password);
        uo.insert(QStringLiteral("digest"), QString::fromLatin1(u.digest.toHex()));
        uo.insert(QStringLiteral("accessPermission"), int(u.accessPermission));
        users.append(uo);
    }
    o.insert(QStringLiteral("aclUsers"), users);
    if (withSecrets) {
        o.insert(QStringLiteral("pendingAdminUser"), pendingAdminUser);
        o.insert(QStringLiteral("pendingAdminPassword"), pendingAdminPassword);
        o.insert(QStringLiteral("pendingPid"), QString::fromLatin1(pendingPid));
        o.insert(QStringLiteral("pendingPps"), QString::fromLatin1(pendingPps));
        // The state folder is the simulated firmware's flash: it holds what a device holds.
        o.insert(QStringLiteral("mebxPassword"), mebxPassword);
        o.insert(QStringLiteral("adminDigest"), QString::fromLatin1(adminDigest.toHex()));
        o.insert(QStringLiteral("pps"), QString::fromLatin1(pps));
        o.insert(QStringLiteral("otp"), otp);
        o.insert(QStringLiteral("tlsKeyPem"), QString::fromLatin1(tlsKeyPem));
        QJsonArray chain;
        for (const QByteArray &c : tlsCertificateChainPem)
            chain.append(QString::fromLatin1(c));
        o.insert(QStringLiteral("tlsCertificateChainPem"), chain);
    }
    if (faults.any())
        o.insert(QStringLiteral("faults"), faults.toJson());
    if (!lastHelloError.isEmpty())
        o.insert(QStringLiteral("lastHelloError"), lastHelloError);
    o.insert(QStringLiteral("trustedRootHashes"), QJsonArray::fromStringList(trustedRootHashes));
    if (!lastRemoteConfigurationError.isEmpty())
        o.insert(QStringLiteral("lastRemoteConfigurationError"), lastRemoteConfigurationError);
    if (!provisionServerName.isEmpty())
        o.insert(QStringLiteral("provisionServerName"), provisionServerName);
    return o;
}

DeviceState DeviceState::fromJson(const QJsonObject &o)
{
    DeviceState s;
    s.uuid = QUuid::fromString(o.value(QStringLiteral("uuid")).toString());
    s.address = QHostAddress(o.value(QStringLiteral("address")).toString());
    s.amtVersion = o.value(QStringLiteral("version")).toString(s.amtVersion);
    modeFromKey(o.value(QStringLiteral("mode")).toString(), &s.mode);
    s.pid = o.value(QStringLiteral("pid")).toString().toLatin1();
    s.pps = o.value(QStringLiteral("pps")).toString().toLatin1();
    s.mebxPassword = o.value(QStringLiteral("mebxPassword")).toString(s.mebxPassword);
    s.adminDigest = QByteArray::fromHex(o.value(QStringLiteral("adminDigest")).toString().toLatin1());
    s.adminUser = o.value(QStringLiteral("adminUser")).toString(s.adminUser);
    s.hostName = o.value(QStringLiteral("hostName")).toString();
    s.domainName = o.value(QStringLiteral("domainName")).toString();
    s.powerState = unsigned(o.value(QStringLiteral("powerState")).toInt());
    s.nextBoot.specialCommand = unsigned(o.value(QStringLiteral("nextBootSpecialCommand")).toInt());
    s.nextBoot.parameter = unsigned(o.value(QStringLiteral("nextBootParameter")).toInt());
    s.nextBoot.bootOptions = unsigned(o.value(QStringLiteral("nextBootOptions")).toInt());
    s.lastBoot = o.value(QStringLiteral("lastBoot")).toString();
    s.boots = quint64(o.value(QStringLiteral("boots")).toInteger());
    s.lastBootMs = o.value(QStringLiteral("lastBootMs")).toInteger();
    s.tlsEnabled = o.value(QStringLiteral("tlsEnabled")).toBool();
    s.tlsCommits = quint64(o.value(QStringLiteral("tlsCommits")).toInteger());
    s.tlsKeyPem = o.value(QStringLiteral("tlsKeyPem")).toString().toLatin1();
    for (const QJsonValue c : o.value(QStringLiteral("tlsCertificateChainPem")).toArray())
        s.tlsCertificateChainPem.append(c.toString().toLatin1());
    s.enabledInterfaces.clear();
    for (const QJsonValue i : o.value(QStringLiteral("enabledInterfaces")).toArray())
        s.enabledInterfaces.append(i.toString());
    s.zeroTouchEnabled = o.value(QStringLiteral("zeroTouchEnabled")).toBool(true);
    s.otp = o.value(QStringLiteral("otp")).toString();
    s.pendingAdminUser = o.value(QStringLiteral("pendingAdminUser")).toString();
    s.pendingAdminPassword = o.value(QStringLiteral("pendingAdminPassword")).toString();
    s.pendingPid = o.value(QStringLiteral("pendingPid")).toString().toLatin1();
    s.pendingPps = o.value(QStringLiteral("pendingPps")).toString().toLatin1();
    s.helloRetry = quint32(o.value(QStringLiteral("helloRetry")).toInteger());
    s.hellosSent = quint64(o.value(QStringLiteral("hellosSent")).toInteger());
    s.firstWindow = o.value(QStringLiteral("firstWindow")).toBool(true);
    s.helloWindowClosed = o.value(QStringLiteral("helloWindowClosed")).toBool();
    s.helloWindowOpened = QDateTime::fromString(o.value(QStringLiteral("helloWindowOpened")).toString(),
                                                Qt::ISODateWithMs);
    for (const QJsonValue h : o.value(QStringLiteral("trustedRootHashes")).toArray())
        s.trustedRootHashes.append(h.toString());
    s.nextAclHandle = unsigned(o.value(QStringLiteral("nextAclHandle")).toInteger(1));
    s.dhcpEnabled = o.value(QStringLiteral("dhcpEnabled")).toBool(true);
    s.staticAddress = quint32(o.value(QStringLiteral("staticAddress")).toInteger());
    s.clockOffsetMs = o.contains(QStringLiteral("clockOffsetMs")) // timeOffsetSeconds: state folders before it
            ? o.value(QStringLiteral("clockOffsetMs")).toInteger()
            : o.value(QStringLiteral("timeOffsetSeconds")).toInteger() * 1000;
    s.clockSets = quint64(o.value(QStringLiteral("clockSets")).toInteger());
    s.clockSetMs = o.value(QStringLiteral("clockSetMs")).toInteger();
    s.adminPasswordChanges = quint64(o.value(QStringLiteral("adminPasswordChanges")).toInteger());
    s.adminPasswordChangedMs = o.value(QStringLiteral("adminPasswordChangedMs")).toInteger();
    for (const QJsonValue v : o.value(QStringLiteral("aclUsers")).toArray()) {
        const QJsonObject uo = v.toObject();
        AclUser u;
        u.handle = unsigned(uo.value(QStringLiteral("handle")).toInteger());
        u.username = uo.value(QStringLiteral("username")).toString();
        u.password = uo.value(QStringLiteral("password")).toString();
        u.digest = QByteArray::fromHex(uo.value(QStringLiteral("digest")).toString().toLatin1());
        u.accessPermission = unsigned(uo.value(QStringLiteral("accessPermission")).toInt(2));
        for (const QJsonValue r : uo.value(QStringLiteral("realms")).toArray())
            u.realms.append(unsigned(r.toInteger()));
        s.aclUsers.append(u);
    }
    return s;
}

} // namespace Oobm::Sim
