// SPDX-License-Identifier: GPL-2.0-or-later
#include "amttypes.h"

namespace Oobm::Core::Amt {

QString powerStateName(unsigned state)
{
    static const char *const names[] = {
            "S0 (on)",        "S1",       "S2",    "S3 (sleep)",    "S4 (hibernate)", "S5 (soft off)", "S4/S5",
            "mechanical off", "S1/S2/S3", "S1-S4", "S5 (override)", "legacy on",      "legacy off"};
    const unsigned s = state & 0x0F;
    if (s < std::size(names))
        return QLatin1String(names[s]);
    return QStringLiteral("unknown (%1)").arg(state);
}

namespace {
struct RealmName
{
    Realm realm;
    const char *name;
};

constexpr RealmName RealmNames[] = {
        {Realm::Redirection, "Redirection"},
        {Realm::PtAdministration, "PTAdministration"},
        {Realm::HardwareAsset, "HardwareAsset"},
        {Realm::RemoteControl, "RemoteControl"},
        {Realm::Storage, "Storage"},
        {Realm::EventManager, "EventManager"},
        {Realm::StorageAdmin, "StorageAdmin"},
        {Realm::AgentPresenceLocal, "AgentPresenceLocal"},
        {Realm::AgentPresenceRemote, "AgentPresenceRemote"},
        {Realm::CircuitBreaker, "CircuitBreaker"},
        {Realm::NetworkTime, "NetworkTime"},
        {Realm::GeneralInfo, "GeneralInfo"},
        {Realm::FirmwareUpdate, "FirmwareUpdate"},
        {Realm::Eit, "EIT"},
        {Realm::LocalUn, "LocalUN"},
        {Realm::EndpointAccessControl, "EndpointAccessControl"},
        {Realm::EndpointAccessControlAdmin, "EndpointAccessControlAdmin"},
        {Realm::EventLogReader, "EventLogReader"},
        {Realm::AuditLog, "AuditLog"},
        {Realm::Acl, "ACL"},
        {Realm::LocalSystem, "LocalSystem"},
};
} // namespace

QList<Realm> allRealms()
{
    QList<Realm> realms;
    for (const RealmName &r : RealmNames)
        realms << r.realm;
    return realms;
}

QString realmName(unsigned realm)
{
    for (const RealmName &r : RealmNames) {
        if (unsigned(r.realm) == realm)
            return QLatin1String(r.name);
    }
    return QString::number(realm);
}

bool realmFromName(const QString &text, unsigned *realm)
{
    QString t = text.trimmed();
    bool isNumber = false;
    const unsigned number = t.toUInt(&isNumber);
    if (!isNumber && t.endsWith(QStringLiteral("Realm"), Qt::CaseInsensitive) && t.size() > 5)
        t.chop(5);
    for (const RealmName &r : RealmNames) {
        if (isNumber ? unsigned(r.realm) == number : t.compare(QLatin1String(r.name), Qt::CaseInsensitive) == 0) {
            *realm = unsigned(r.realm);
            return true;
        }
    }
    return false;
}

QString provisioningStateName(unsigned state)
{
    switch (state) {
    case 0:
        return QStringLiteral("Pre (factory)");
    case 1:
        return QStringLiteral("In (setup)");
    case 2:
        return QStringLiteral("Post (operational)");
    }
    return QStringLiteral("unknown (%1)").arg(state);
}

} // namespace Oobm::Core::Amt
