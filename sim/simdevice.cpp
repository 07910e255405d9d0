// SPDX-License-Identifier: GPL-2.0-or-later
#include "simdevice.h"

#include <QCryptographicHash>
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
    QJsonObject status;
    for (auto it = statusFor.cbegin(); it != statusFor.cend(); ++it)
        status.insert(it.key(), int(it.value()));
    if (!status.isEmpty())
        o.insert(QStringLiteral("status"), status);
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

QString DeviceState::realm() const
{
    const QByteArray digest = QCryptographicHash::hash(uuid.toRfc4122(), QCryptographicHash::Md5);
    return QStringLiteral("Digest:") + QString::fromLatin1(digest.toHex().toUpper());
}

QString DeviceState::coreVersion() const
{
    return amtVersion + QStringLiteral(".4");
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
    o.insert(QStringLiteral("tlsEnabled"), tlsEnabled);
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
    o.insert(QStringLiteral("timeOffsetSeconds"), timeOffsetSeconds);
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
    s.adminUser = o.value(QStringLiteral("adminUser")).toString(s.adminUser);
    s.hostName = o.value(QStringLiteral("hostName")).toString();
    s.domainName = o.value(QStringLiteral("domainName")).toString();
    s.powerState = unsigned(o.value(QStringLiteral("powerState")).toInt());
    s.tlsEnabled = o.value(QStringLiteral("tlsEnabled")).toBool();
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
    s.timeOffsetSeconds = o.value(QStringLiteral("timeOffsetSeconds")).toInteger();
    for (const QJsonValue v : o.value(QStringLiteral("aclUsers")).toArray()) {
        const QJsonObject uo = v.toObject();
        AclUser u;
        u.handle = unsigned(uo.value(QStringLiteral("handle")).toInteger());
        u.username = uo.value(QStringLiteral("username")).toString();
        u.password = uo.value(QStringLiteral("password")).toString();
        for (const QJsonValue r : uo.value(QStringLiteral("realms")).toArray())
            u.realms.append(unsigned(r.toInteger()));
        s.aclUsers.append(u);
    }
    return s;
}

} // namespace Oobm::Sim
