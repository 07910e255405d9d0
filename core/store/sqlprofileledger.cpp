// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlprofileledger.h"

#include "core/keys/secretbox.h"
#include "core/provisioning/amtsystem.h"
#include "core/store/sqlcertificateledger.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Oobm::Core {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Oobm::Core::SqlProfileLedger", text, disambiguation, n);
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// NOT NULL text columns: a null QString would bind as NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

StoreError invalid(const QString &message)
{
    return StoreError::make(StoreError::Kind::InvalidRequest, message);
}

const QByteArray ProfileAd = "provision-profile";
const QByteArray AuxiliaryAd = "auxiliary-profile";

constexpr char ProfileColumns[] =
        "id, name, is_default, admin_user, admin_password, acl_users, tls_enabled, domain_name, host_name_pattern, "
        "interfaces, changed_ms, tls_certificate_id, auxiliary_profile_id, (SELECT t.name FROM tls_certificates t "
        "WHERE t.id = provision_profiles.tls_certificate_id) AS tls_certificate_name, (SELECT x.name FROM "
        "auxiliary_profiles x WHERE x.id = provision_profiles.auxiliary_profile_id) AS auxiliary_profile_name, "
        "random_admin_password";
constexpr char AuxiliaryColumns[] = "a.id, a.name, a.acl_users, a.tls_certificate_id, t.name, a.changed_ms FROM "
                                    "auxiliary_profiles a LEFT JOIN tls_certificates t ON t.id = a.tls_certificate_id";

AuxiliaryProfile readAuxiliary(const QSqlQuery &q)
{
    AuxiliaryProfile a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.tlsCertificateId = q.value(3).toLongLong();
    a.tlsCertificateName = q.value(4).toString();
    a.changed = fromMs(q.value(5));
    return a;
}

} // namespace

SqlProfileLedger::SqlProfileLedger(Context context, SqlCertificateLedger *certificates)
    : SqlLedger(std::move(context))
    , m_certificates(certificates)
{ }

QByteArray SqlProfileLedger::usersToJson(const QList<Amt::UserAclEntry> &users, const SecretBox *box,
                                         const QByteArray &ad)
{
    QJsonArray array;
    for (const Amt::UserAclEntry &u : users) {
        QJsonArray realms;
        for (unsigned realm : u.realms)
            realms.append(int(realm));
        array.append(QJsonObject{
                {QStringLiteral("name"), u.username},
                {QStringLiteral("realms"), realms},
                {QStringLiteral("password"), QString::fromLatin1(box->seal(u.password.toUtf8(), ad).toBase64())}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

bool SqlProfileLedger::usersFromJson(const QByteArray &json, const SecretBox *box, const QByteArray &ad,
                                     QList<Amt::UserAclEntry> *users)
{
    bool ok = true;
    for (const QJsonValue v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        Amt::UserAclEntry u;
        u.username = o.value(QStringLiteral("name")).toString();
        for (const QJsonValue r : o.value(QStringLiteral("realms")).toArray())
            u.realms << unsigned(r.toInt());
        if (box && ok) {
            u.password = QString::fromUtf8(box->open(
                    QByteArray::fromBase64(o.value(QStringLiteral("password")).toString().toLatin1()), ad, &ok));
        }
        users->append(u);
    }
    return ok;
}

// Provision profiles

bool SqlProfileLedger::readProfile(const QSqlQuery &q, bool withSecrets, ProvisionProfile *p, StoreError *error) const
{
    // ProfileColumns, in order.
    p->id = q.value(0).toLongLong();
    p->name = q.value(1).toString();
    p->isDefault = q.value(2).toInt() != 0;
    p->adminUser = q.value(3).toString();
    p->tlsEnabled = q.value(6).toInt() != 0;
    p->domainName = q.value(7).toString();
    p->hostNamePattern = q.value(8).toString();
    p->interfaces = q.value(9).toString().split(u',', Qt::SkipEmptyParts);
    p->changed = fromMs(q.value(10));
    p->tlsCertificateId = q.value(11).toLongLong();
    p->auxiliaryProfileId = q.value(12).toLongLong();
    p->tlsCertificateName = q.value(13).toString();
    p->auxiliaryProfileName = q.value(14).toString();
    p->randomAdminPassword = q.value(15).toInt() != 0;
    const SecretBox *b = box();
    if (withSecrets && !b) {
        *error = locked();
        return false;
    }
    bool ok = true;
    if (withSecrets)
        p->adminPassword = QString::fromUtf8(b->open(q.value(4).toByteArray(), ProfileAd, &ok));
    // The users' passwords only while the admin password opened.
    if (!usersFromJson(q.value(5).toByteArray(), withSecrets && ok ? b : nullptr, ProfileAd, &p->aclUsers))
        ok = false;
    if (!ok) {
        *error = StoreError::make(StoreError::Kind::KeysLocked,
                                  tr("The passwords of the provision profile %1 cannot be decrypted: they were changed "
                                     "outside OOBM or sealed with another data key.")
                                          .arg(p->name));
        return false;
    }
    return true;
}

StoreResult<QList<ProvisionProfile>> SqlProfileLedger::listProfiles()
{
    StoreResult<QList<ProvisionProfile>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT %1 FROM provision_profiles ORDER BY name").arg(QLatin1String(ProfileColumns)))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next()) {
        ProvisionProfile p;
        StoreError ignored;
        readProfile(q, false, &p, &ignored);
        r.value << p;
    }
    return r;
}

StoreResult<ProvisionProfile> SqlProfileLedger::defaultProfile(bool withSecrets)
{
    StoreResult<ProvisionProfile> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT %1 FROM provision_profiles ORDER BY is_default DESC, id LIMIT 2")
                        .arg(QLatin1String(ProfileColumns)))) {
        r.error = queryError(q);
        return r;
    }
    QList<ProvisionProfile> found;
    while (q.next()) {
        ProvisionProfile p;
        if (!readProfile(q, withSecrets, &p, &r.error))
            return r;
        found << p;
    }
    // The default profile; a single profile is the default even when not marked.
    if (found.isEmpty() || (!found.first().isDefault && found.size() > 1)) {
        r.error = invalid(found.isEmpty() ? tr("There is no provision profile: create one under Configuration Service "
                                               "Settings > Provision Profiles (or oobmctl profiles create).")
                                          : tr("No provision profile is the default: mark one as the default under "
                                               "Provision Profiles."));
        return r;
    }
    r.value = found.first();
    return r;
}

StoreResult<ProvisionProfile> SqlProfileLedger::profileById(qint64 id, bool withSecrets)
{
    StoreResult<ProvisionProfile> r;
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(
                q, QStringLiteral("SELECT %1 FROM provision_profiles WHERE id = ?").arg(QLatin1String(ProfileColumns)),
                {id})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        r.error = invalid(tr("The provision profile of a Profile Assignment no longer exists."));
        return r;
    }
    readProfile(q, withSecrets, &r.value, &r.error);
    return r;
}

StoreResult<qint64> SqlProfileLedger::saveProfile(const ProvisionProfile &profile)
{
    StoreResult<qint64> r;
    if (const QString problem = profile.problem(); !problem.isEmpty()) {
        r.error = invalid(problem);
        return r;
    }
    const SecretBox *b = box();
    if (!b) {
        r.error = locked();
        return r;
    }
    const QByteArray users = usersToJson(profile.aclUsers, b, ProfileAd);
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM provision_profiles WHERE name = ? AND id <> ?"),
                             {profile.name.trimmed(), profile.id})) {
        r.error = queryError(q);
        return r;
    }
    if (q.next()) {
        r.error = invalid(
                tr("There is already a provision profile named %1; choose another name.").arg(profile.name.trimmed()));
        return r;
    }
    if (StoreError e = checkReferences(profile)) {
        r.error = e;
        return r;
    }
    if (profile.isDefault && !q.exec(QStringLiteral("UPDATE provision_profiles SET is_default = 0"))) {
        r.error = queryError(q);
        return r;
    }
    const QString save = profile.id > 0
            ? QStringLiteral(
                    "UPDATE provision_profiles SET name = ?, is_default = ?, admin_user = ?, admin_password = "
                    "?, acl_users = ?, tls_enabled = ?, domain_name = ?, host_name_pattern = ?, interfaces = "
                    "?, changed_ms = ?, tls_certificate_id = ?, auxiliary_profile_id = ?, random_admin_password = ? "
                    "WHERE id = ?")
            : QStringLiteral(
                    "INSERT INTO provision_profiles (name, is_default, admin_user, admin_password, acl_users, "
                    "tls_enabled, domain_name, host_name_pattern, interfaces, changed_ms, tls_certificate_id, "
                    "auxiliary_profile_id, random_admin_password) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QVariantList binds{profile.name.trimmed(),
                       profile.isDefault ? 1 : 0,
                       profile.adminUser.trimmed(),
                       b->seal(profile.adminPassword.toUtf8(), ProfileAd),
                       users,
                       profile.tlsEnabled ? 1 : 0,
                       text(profile.domainName.trimmed()),
                       text(profile.hostNamePattern.trimmed()),
                       text(profile.interfaces.join(u',')),
                       QDateTime::currentMSecsSinceEpoch(),
                       idOrNull(profile.tlsCertificateId),
                       idOrNull(profile.auxiliaryProfileId),
                       profile.randomAdminPassword ? 1 : 0};
    if (profile.id > 0)
        binds << profile.id;
    if (!Sql::prepareAndExec(q, save, binds)) {
        r.error = queryError(q);
        return r;
    }
    if (profile.id > 0 && q.numRowsAffected() != 1) {
        r.error = invalid(tr("The provision profile was deleted meanwhile."));
        return r;
    }
    r.value = profile.id;
    if (profile.id <= 0) {
        if (Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM provision_profiles WHERE name = ?"),
                                {profile.name.trimmed()})
            && q.next())
            r.value = q.value(0).toLongLong();
    }
    r.error = t.commit();
    return r;
}

StoreResult<int> SqlProfileLedger::deleteProfile(qint64 id)
{
    StoreResult<int> r;
    QSqlQuery q(database());
    if (Sql::prepareAndExec(q, QStringLiteral("SELECT COUNT(*) FROM amt_systems WHERE profile_id = ? AND state = ?"),
                            {id, int(SystemState::Provisioning)})
        && q.next() && q.value(0).toInt() > 0) {
        r.error = invalid(tr("%n system(s) are being provisioned with this profile right now; delete it when they are "
                             "done.",
                             nullptr, q.value(0).toInt()));
        return r;
    }
    return execCount(QStringLiteral("DELETE FROM provision_profiles WHERE id = ?"), {id});
}

StoreError SqlProfileLedger::checkReferences(const ProvisionProfile &p)
{
    if (p.tlsCertificateId > 0) {
        const auto c = m_certificates->tlsCertificate(p.tlsCertificateId, false);
        if (!c.ok())
            return c.error;
        if (c.value.isExpired())
            return invalid(tr("The TLS certificate %1 expired on %2; import a renewed one and choose it.")
                                   .arg(c.value.name, c.value.notAfter.toString(Qt::ISODate)));
    }
    if (p.auxiliaryProfileId > 0) {
        const auto a = auxiliaryProfile(p.auxiliaryProfileId, false);
        if (!a.ok())
            return a.error;
        if (p.tlsEnabled && p.tlsCertificateId <= 0 && a.value.tlsCertificateId <= 0)
            return invalid(tr("TLS is on, but neither the profile nor its auxiliary profile %1 has a TLS certificate: "
                              "choose one in either.")
                                   .arg(a.value.name));
        for (const Amt::UserAclEntry &u : a.value.aclUsers) {
            if (u.username.compare(p.adminUser, Qt::CaseInsensitive) == 0)
                return invalid(tr("The auxiliary profile %1 has a user %2, the name of this profile's admin account; "
                                  "rename one of them.")
                                       .arg(a.value.name, u.username));
        }
    }
    return {};
}

StoreError SqlProfileLedger::profileForProvisioning(qint64 profileId, ProvisionProfile *profile,
                                                    TlsCertificate *certificate)
{
    const auto loaded = profileId > 0 ? profileById(profileId, true) : defaultProfile(true);
    if (!loaded.ok())
        return loaded.error;
    ProvisionProfile &p = *profile;
    p = loaded.value;
    qint64 certificateId = p.tlsCertificateId;
    if (p.auxiliaryProfileId > 0) {
        const auto a = auxiliaryProfile(p.auxiliaryProfileId, true);
        if (!a.ok())
            return a.error;
        for (const Amt::UserAclEntry &u : a.value.aclUsers) {
            const bool own = std::any_of(p.aclUsers.cbegin(), p.aclUsers.cend(), [&](const Amt::UserAclEntry &o) {
                return o.username.compare(u.username, Qt::CaseInsensitive) == 0;
            });
            if (!own && u.username.compare(p.adminUser, Qt::CaseInsensitive) != 0)
                p.aclUsers << u;
        }
        if (certificateId <= 0)
            certificateId = a.value.tlsCertificateId;
    }
    if (!p.tlsEnabled)
        return {};
    if (certificateId <= 0)
        return invalid(tr("The provision profile %1 turns TLS on but has no TLS certificate (nor its auxiliary "
                          "profile): choose one under Provision Profiles.")
                               .arg(p.name));
    const auto c = m_certificates->tlsCertificate(certificateId, true);
    if (!c.ok())
        return c.error;
    if (c.value.isExpired())
        return invalid(tr("The TLS certificate %1 of the provision profile %2 expired on %3; import a renewed one and "
                          "choose it in the profile.")
                               .arg(c.value.name, p.name, c.value.notAfter.toString(Qt::ISODate)));
    *certificate = c.value;
    return {};
}

// Auxiliary profiles

StoreResult<QStringList> SqlProfileLedger::profilesUsing(const QString &column, qint64 id)
{
    StoreResult<QStringList> r;
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(
                q, QStringLiteral("SELECT name FROM provision_profiles WHERE %1 = ? ORDER BY name").arg(column),
                {id})) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value << q.value(0).toString();
    return r;
}

StoreResult<QList<AuxiliaryProfile>> SqlProfileLedger::listAuxiliaryProfiles()
{
    StoreResult<QList<AuxiliaryProfile>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT %1 ORDER BY a.name").arg(QLatin1String(AuxiliaryColumns)))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next()) {
        AuxiliaryProfile a = readAuxiliary(q);
        usersFromJson(q.value(2).toByteArray(), nullptr, AuxiliaryAd, &a.aclUsers);
        r.value << a;
    }
    // Which provision profiles use each, in one query.
    if (!q.exec(QStringLiteral("SELECT auxiliary_profile_id, name FROM provision_profiles WHERE auxiliary_profile_id "
                               "IS NOT NULL ORDER BY name"))) {
        r.error = queryError(q);
        return r;
    }
    QHash<qint64, QStringList> usedBy;
    while (q.next())
        usedBy[q.value(0).toLongLong()] << q.value(1).toString();
    for (AuxiliaryProfile &a : r.value)
        a.usedBy = usedBy.value(a.id);
    return r;
}

StoreResult<AuxiliaryProfile> SqlProfileLedger::auxiliaryProfile(qint64 id, bool withSecrets)
{
    StoreResult<AuxiliaryProfile> r;
    const SecretBox *b = box();
    if (withSecrets && !b) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT %1 WHERE a.id = ?").arg(QLatin1String(AuxiliaryColumns)),
                             {id})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        r.error = invalid(tr("The auxiliary profile %1 does not exist (any more); choose another.").arg(id));
        return r;
    }
    r.value = readAuxiliary(q);
    if (!usersFromJson(q.value(2).toByteArray(), withSecrets ? b : nullptr, AuxiliaryAd, &r.value.aclUsers))
        r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                   tr("The passwords of the auxiliary profile %1 cannot be decrypted: they were "
                                      "changed outside OOBM or sealed with another data key.")
                                           .arg(r.value.name));
    return r;
}

StoreResult<qint64> SqlProfileLedger::saveAuxiliaryProfile(const AuxiliaryProfile &a)
{
    StoreResult<qint64> r;
    if (const QString problem = a.problem(); !problem.isEmpty()) {
        r.error = invalid(problem);
        return r;
    }
    const SecretBox *b = box();
    if (!b) {
        r.error = locked();
        return r;
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    auto refuse = [&](const QString &message) {
        r.error = invalid(message);
        return r;
    };
    QSqlQuery q(database());
    auto fail = [&]() {
        r.error = queryError(q);
        return r;
    };
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM auxiliary_profiles WHERE name = ? AND id <> ?"),
                             {a.name.trimmed(), a.id}))
        return fail();
    if (q.next())
        return refuse(tr("There is already an auxiliary profile named %1; choose another name.").arg(a.name.trimmed()));
    if (a.tlsCertificateId > 0) {
        const auto c = m_certificates->tlsCertificate(a.tlsCertificateId, false);
        if (!c.ok())
            return refuse(c.error.message);
    }
    if (a.id > 0 && a.tlsCertificateId <= 0) {
        // Profiles with TLS on and no certificate of their own take this one's.
        if (!Sql::prepareAndExec(
                    q,
                    QStringLiteral("SELECT name FROM provision_profiles WHERE auxiliary_profile_id = ? AND "
                                   "tls_enabled <> 0 AND tls_certificate_id IS NULL ORDER BY name"),
                    {a.id}))
            return fail();
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        if (!names.isEmpty())
            return refuse(tr("The provision profiles %1 turn TLS on with this auxiliary profile's certificate; give "
                             "them their own certificate first, or keep one here.")
                                  .arg(names.join(QStringLiteral(", "))));
    }
    const QString save = a.id > 0
            ? QStringLiteral("UPDATE auxiliary_profiles SET name = ?, acl_users = ?, "
                             "tls_certificate_id = ?, changed_ms = ? WHERE id = ?")
            : QStringLiteral("INSERT INTO auxiliary_profiles (name, acl_users, tls_certificate_id, "
                             "changed_ms) VALUES (?, ?, ?, ?)");
    QVariantList binds{a.name.trimmed(), usersToJson(a.aclUsers, b, AuxiliaryAd), idOrNull(a.tlsCertificateId),
                       QDateTime::currentMSecsSinceEpoch()};
    if (a.id > 0)
        binds << a.id;
    if (!Sql::prepareAndExec(q, save, binds))
        return fail();
    if (a.id > 0 && q.numRowsAffected() != 1)
        return refuse(tr("The auxiliary profile was deleted meanwhile."));
    r.value = a.id;
    if (a.id <= 0) {
        if (!Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM auxiliary_profiles WHERE name = ?"),
                                 {a.name.trimmed()})
            || !q.next())
            return fail();
        r.value = q.value(0).toLongLong();
    }
    r.error = t.commit();
    return r;
}

StoreResult<int> SqlProfileLedger::deleteAuxiliaryProfile(qint64 id)
{
    StoreResult<int> r;
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    const auto profiles = profilesUsing(QStringLiteral("auxiliary_profile_id"), id);
    if (!profiles.ok() || !profiles.value.isEmpty()) {
        r.error = !profiles.ok() ? profiles.error
                                 : invalid(tr("The auxiliary profile is used by the provision profiles %1; choose "
                                              "another auxiliary profile (or none) there first.")
                                                   .arg(profiles.value.join(QStringLiteral(", "))));
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("DELETE FROM auxiliary_profiles WHERE id = ?"), {id})) {
        r.error = queryError(q);
        return r;
    }
    r.value = q.numRowsAffected();
    r.error = t.commit();
    return r;
}

// Profile Assignments

StoreResult<QList<ProfileAssignment>> SqlProfileLedger::assignments()
{
    StoreResult<QList<ProfileAssignment>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT a.id, a.kind, a.value, a.profile_id, p.name FROM profile_assignments a JOIN "
                               "provision_profiles p ON p.id = a.profile_id ORDER BY a.id"))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next()) {
        ProfileAssignment a;
        a.id = q.value(0).toLongLong();
        a.kind = ProfileAssignment::Kind(q.value(1).toInt());
        a.value = q.value(2).toString();
        a.profileId = q.value(3).toLongLong();
        a.profileName = q.value(4).toString();
        r.value << a;
    }
    return r;
}

StoreResult<qint64> SqlProfileLedger::addAssignment(const ProfileAssignment &a)
{
    StoreResult<qint64> r;
    if (const QString problem = a.problem(); !problem.isEmpty()) {
        r.error = invalid(problem);
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO profile_assignments (kind, value, profile_id, created_ms) "
                                            "VALUES (?, ?, ?, ?)"),
                             {int(a.kind),
                              a.kind == ProfileAssignment::Kind::Uuid ? a.value.trimmed().toUpper() : a.value.trimmed(),
                              a.profileId, QDateTime::currentMSecsSinceEpoch()})) {
        r.error = queryError(q);
        return r;
    }
    r.value = q.lastInsertId().toLongLong();
    return r;
}

StoreResult<int> SqlProfileLedger::deleteAssignment(qint64 id)
{
    return execCount(QStringLiteral("DELETE FROM profile_assignments WHERE id = ?"), {id});
}

} // namespace Oobm::Core
