// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlprofileledger.h"

#include "core/keys/secretbox.h"
#include "core/store/sqlkeyledger.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
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

const QByteArray AuxiliaryAd = "auxiliary-profile";

QByteArray certificateAd(const QString &sha256)
{
    return "tls-certificate:" + sha256.toLatin1();
}

constexpr char CertificateColumns[] = "id, name, common_name, chain_pem, private_key, sha256, "
                                      "not_before_ms, not_after_ms, imported_ms";
constexpr char AuxiliaryColumns[] = "a.id, a.name, a.acl_users, a.tls_certificate_id, t.name, "
                                    "a.changed_ms FROM auxiliary_profiles a LEFT JOIN "
                                    "tls_certificates t ON t.id = a.tls_certificate_id";

} // namespace

SqlProfileLedger::SqlProfileLedger(const QString &connectionName, Schema::Dialect dialect, Sql::MapError mapError,
                                   const SqlKeyLedger *keys)
    : m_connectionName(connectionName)
    , m_dialect(dialect)
    , m_mapError(std::move(mapError))
    , m_keys(keys)
{ }

const SecretBox *SqlProfileLedger::box() const
{
    return m_keys && m_keys->box().isValid() ? &m_keys->box() : nullptr;
}

StoreError SqlProfileLedger::locked() const
{
    return m_keys ? m_keys->lockedError()
                  : StoreError::make(StoreError::Kind::KeysLocked, tr("The store has no data key."));
}

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
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        Amt::UserAclEntry u;
        u.username = o.value(QStringLiteral("name")).toString();
        for (const QJsonValue &r : o.value(QStringLiteral("realms")).toArray())
            u.realms << unsigned(r.toInt());
        if (box && ok) {
            u.password = QString::fromUtf8(box->open(
                    QByteArray::fromBase64(o.value(QStringLiteral("password")).toString().toLatin1()), ad, &ok));
        }
        users->append(u);
    }
    return ok;
}

StoreResult<qint64> SqlProfileLedger::importTlsCertificate(const TlsCertificate &c)
{
    StoreResult<qint64> r;
    const SecretBox *b = box();
    if (!b) {
        r.error = locked();
        return r;
    }
    if (c.name.trimmed().isEmpty() || c.chainPem.isEmpty() || c.keyPem.isEmpty() || c.sha256.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The TLS certificate needs a name, a certificate and its private key."));
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT name FROM tls_certificates WHERE name = ? OR sha256 = ?"),
                             {c.name.trimmed(), c.sha256})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    if (q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("A TLS certificate named %1 (or the same certificate under another name) is "
                                      "already imported; delete it first, or import under another name.")
                                           .arg(q.value(0).toString()));
        return r;
    }
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO tls_certificates (name, common_name, chain_pem, "
                                            "private_key, sha256, not_before_ms, not_after_ms, imported_ms) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                             {c.name.trimmed(), c.commonName.isNull() ? QStringLiteral("") : c.commonName,
                              QString::fromLatin1(c.chainPem), b->seal(c.keyPem, certificateAd(c.sha256)), c.sha256,
                              c.notBefore.isValid() ? QVariant(c.notBefore.toMSecsSinceEpoch()) : QVariant(),
                              c.notAfter.isValid() ? QVariant(c.notAfter.toMSecsSinceEpoch()) : QVariant(),
                              QDateTime::currentMSecsSinceEpoch()})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    if (Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM tls_certificates WHERE name = ?"), {c.name.trimmed()})
        && q.next())
        r.value = q.value(0).toLongLong();
    return r;
}

StoreResult<QList<TlsCertificate>> SqlProfileLedger::listTlsCertificates()
{
    StoreResult<QList<TlsCertificate>> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT %1 FROM tls_certificates ORDER BY name")
                        .arg(QLatin1String(CertificateColumns)))) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next()) {
        TlsCertificate c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.commonName = q.value(2).toString();
        c.chainPem = q.value(3).toString().toLatin1();
        c.sha256 = q.value(5).toString();
        c.notBefore = fromMs(q.value(6));
        c.notAfter = fromMs(q.value(7));
        c.imported = fromMs(q.value(8));
        r.value << c;
    }
    return r;
}

StoreResult<TlsCertificate> SqlProfileLedger::tlsCertificate(qint64 id, bool withKey)
{
    StoreResult<TlsCertificate> r;
    const SecretBox *b = box();
    if (withKey && !b) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("SELECT %1 FROM tls_certificates WHERE id = ?").arg(QLatin1String(CertificateColumns)),
                {id})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    if (!q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The TLS certificate %1 does not exist (any more); choose another, or import "
                                      "it again.")
                                           .arg(id));
        return r;
    }
    TlsCertificate &c = r.value;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.commonName = q.value(2).toString();
    c.chainPem = q.value(3).toString().toLatin1();
    c.sha256 = q.value(5).toString();
    c.notBefore = fromMs(q.value(6));
    c.notAfter = fromMs(q.value(7));
    c.imported = fromMs(q.value(8));
    if (withKey) {
        bool ok = false;
        c.keyPem = b->open(q.value(4).toByteArray(), certificateAd(c.sha256), &ok);
        if (!ok)
            r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                       tr("The private key of the TLS certificate %1 cannot be decrypted: it was "
                                          "changed outside OOBM or sealed with another data key.")
                                               .arg(c.name));
    }
    return r;
}

StoreResult<QStringList> SqlProfileLedger::profilesUsing(const QString &column, qint64 id)
{
    StoreResult<QStringList> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(
                q, QStringLiteral("SELECT name FROM provision_profiles WHERE %1 = ? ORDER BY name").arg(column),
                {id})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next())
        r.value << q.value(0).toString();
    return r;
}

StoreResult<int> SqlProfileLedger::deleteTlsCertificate(qint64 id)
{
    StoreResult<int> r;
    if (StoreError e = Sql::begin(m_connectionName, m_dialect, m_mapError)) {
        r.error = e;
        return r;
    }
    const auto profiles = profilesUsing(QStringLiteral("tls_certificate_id"), id);
    QStringList auxiliary;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!profiles.ok()
        || !Sql::prepareAndExec(q,
                                QStringLiteral("SELECT name FROM auxiliary_profiles WHERE "
                                               "tls_certificate_id = ? ORDER BY name"),
                                {id})) {
        r.error = profiles.ok() ? m_mapError(q.lastError()) : profiles.error;
        Sql::rollback(m_connectionName);
        return r;
    }
    while (q.next())
        auxiliary << q.value(0).toString();
    if (!profiles.value.isEmpty() || !auxiliary.isEmpty()) {
        Sql::rollback(m_connectionName);
        QStringList users;
        if (!profiles.value.isEmpty())
            users << tr("the provision profiles %1").arg(profiles.value.join(QStringLiteral(", ")));
        if (!auxiliary.isEmpty())
            users << tr("the auxiliary profiles %1").arg(auxiliary.join(QStringLiteral(", ")));
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The TLS certificate is used by %1; choose another certificate there first.")
                                           .arg(users.join(tr(" and "))));
        return r;
    }
    if (!Sql::prepareAndExec(q, QStringLiteral("DELETE FROM tls_certificates WHERE id = ?"), {id})) {
        r.error = m_mapError(q.lastError());
        Sql::rollback(m_connectionName);
        return r;
    }
    r.value = q.numRowsAffected();
    r.error = Sql::commit(m_connectionName, m_mapError);
    return r;
}

StoreResult<QList<AuxiliaryProfile>> SqlProfileLedger::listAuxiliaryProfiles()
{
    StoreResult<QList<AuxiliaryProfile>> r;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT %1 ORDER BY a.name").arg(QLatin1String(AuxiliaryColumns)))) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next()) {
        AuxiliaryProfile a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        usersFromJson(q.value(2).toByteArray(), nullptr, AuxiliaryAd, &a.aclUsers);
        a.tlsCertificateId = q.value(3).toLongLong();
        a.tlsCertificateName = q.value(4).toString();
        a.changed = fromMs(q.value(5));
        r.value << a;
    }
    for (AuxiliaryProfile &a : r.value) {
        const auto users = profilesUsing(QStringLiteral("auxiliary_profile_id"), a.id);
        a.usedBy = users.value;
    }
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
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT %1 WHERE a.id = ?").arg(QLatin1String(AuxiliaryColumns)),
                             {id})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    if (!q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The auxiliary profile %1 does not exist (any more); choose another.").arg(id));
        return r;
    }
    AuxiliaryProfile &a = r.value;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.tlsCertificateId = q.value(3).toLongLong();
    a.tlsCertificateName = q.value(4).toString();
    a.changed = fromMs(q.value(5));
    if (!usersFromJson(q.value(2).toByteArray(), withSecrets ? b : nullptr, AuxiliaryAd, &a.aclUsers)) {
        r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                   tr("The passwords of the auxiliary profile %1 cannot be decrypted: they were "
                                      "changed outside OOBM or sealed with another data key.")
                                           .arg(a.name));
    }
    return r;
}

StoreResult<qint64> SqlProfileLedger::saveAuxiliaryProfile(const AuxiliaryProfile &a)
{
    StoreResult<qint64> r;
    if (const QString problem = a.problem(); !problem.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest, problem);
        return r;
    }
    const SecretBox *b = box();
    if (!b) {
        r.error = locked();
        return r;
    }
    if (StoreError e = Sql::begin(m_connectionName, m_dialect, m_mapError)) {
        r.error = e;
        return r;
    }
    auto refuse = [&](const QString &message) {
        Sql::rollback(m_connectionName);
        r.error = StoreError::make(StoreError::Kind::InvalidRequest, message);
        return r;
    };
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    auto fail = [&]() {
        r.error = m_mapError(q.lastError());
        Sql::rollback(m_connectionName);
        return r;
    };
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM auxiliary_profiles WHERE name = ? AND id <> ?"),
                             {a.name.trimmed(), a.id}))
        return fail();
    if (q.next())
        return refuse(tr("There is already an auxiliary profile named %1; choose another name.").arg(a.name.trimmed()));
    if (a.tlsCertificateId > 0) {
        const auto c = tlsCertificate(a.tlsCertificateId, false);
        if (!c.ok())
            return refuse(c.error.message);
    }
    if (a.id > 0 && a.tlsCertificateId <= 0) {
        // Profiles with TLS on and no certificate of their own take this one's.
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("SELECT name FROM provision_profiles WHERE "
                                                "auxiliary_profile_id = ? AND tls_enabled <> 0 AND "
                                                "tls_certificate_id IS NULL ORDER BY name"),
                                 {a.id}))
            return fail();
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        if (!names.isEmpty())
            return refuse(tr("The provision profiles %1 turn TLS on with this auxiliary profile's "
                             "certificate; give "
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
    r.error = Sql::commit(m_connectionName, m_mapError);
    return r;
}

StoreResult<int> SqlProfileLedger::deleteAuxiliaryProfile(qint64 id)
{
    StoreResult<int> r;
    if (StoreError e = Sql::begin(m_connectionName, m_dialect, m_mapError)) {
        r.error = e;
        return r;
    }
    const auto profiles = profilesUsing(QStringLiteral("auxiliary_profile_id"), id);
    if (!profiles.ok() || !profiles.value.isEmpty()) {
        Sql::rollback(m_connectionName);
        r.error = !profiles.ok() ? profiles.error
                                 : StoreError::make(StoreError::Kind::InvalidRequest,
                                                    tr("The auxiliary profile is used by the provision profiles %1; "
                                                       "choose another auxiliary profile (or none) there first.")
                                                            .arg(profiles.value.join(QStringLiteral(", "))));
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q, QStringLiteral("DELETE FROM auxiliary_profiles WHERE id = ?"), {id})) {
        r.error = m_mapError(q.lastError());
        Sql::rollback(m_connectionName);
        return r;
    }
    r.value = q.numRowsAffected();
    r.error = Sql::commit(m_connectionName, m_mapError);
    return r;
}

StoreError SqlProfileLedger::checkReferences(const ProvisionProfile &p)
{
    if (p.tlsCertificateId > 0) {
        const auto c = tlsCertificate(p.tlsCertificateId, false);
        if (!c.ok())
            return c.error;
        if (c.value.isExpired())
            return StoreError::make(StoreError::Kind::InvalidRequest,
                                    tr("The TLS certificate %1 expired on %2; import a renewed one and choose it.")
                                            .arg(c.value.name, c.value.notAfter.toString(Qt::ISODate)));
    }
    if (p.auxiliaryProfileId > 0) {
        const auto a = auxiliaryProfile(p.auxiliaryProfileId, false);
        if (!a.ok())
            return a.error;
        if (p.tlsEnabled && p.tlsCertificateId <= 0 && a.value.tlsCertificateId <= 0)
            return StoreError::make(StoreError::Kind::InvalidRequest,
                                    tr("TLS is on, but neither the profile nor its auxiliary profile %1 has a TLS "
                                       "certificate: choose one in either.")
                                            .arg(a.value.name));
        for (const Amt::UserAclEntry &u : a.value.aclUsers) {
            if (u.username.compare(p.adminUser, Qt::CaseInsensitive) == 0)
                return StoreError::make(StoreError::Kind::InvalidRequest,
                                        tr("The auxiliary profile %1 has a user %2, the name of "
                                           "this profile's admin "
                                           "account; rename one of them.")
                                                .arg(a.value.name, u.username));
        }
    }
    return {};
}

StoreError SqlProfileLedger::resolve(ProvisionProfile *p, TlsCertificate *certificate)
{
    qint64 certificateId = p->tlsCertificateId;
    if (p->auxiliaryProfileId > 0) {
        const auto a = auxiliaryProfile(p->auxiliaryProfileId, true);
        if (!a.ok())
            return a.error;
        for (const Amt::UserAclEntry &u : a.value.aclUsers) {
            const bool own = std::any_of(p->aclUsers.cbegin(), p->aclUsers.cend(), [&](const Amt::UserAclEntry &o) {
                return o.username.compare(u.username, Qt::CaseInsensitive) == 0;
            });
            if (!own && u.username.compare(p->adminUser, Qt::CaseInsensitive) != 0)
                p->aclUsers << u;
        }
        if (certificateId <= 0)
            certificateId = a.value.tlsCertificateId;
    }
    if (!p->tlsEnabled)
        return {};
    if (certificateId <= 0)
        return StoreError::make(StoreError::Kind::InvalidRequest,
                                tr("The provision profile %1 turns TLS on but has no TLS certificate (nor its "
                                   "auxiliary profile): choose one under Provision Profiles.")
                                        .arg(p->name));
    const auto c = tlsCertificate(certificateId, true);
    if (!c.ok())
        return c.error;
    if (c.value.isExpired())
        return StoreError::make(StoreError::Kind::InvalidRequest,
                                tr("The TLS certificate %1 of the provision profile %2 expired on %3; import a "
                                   "renewed one and choose it in the profile.")
                                        .arg(c.value.name, p->name, c.value.notAfter.toString(Qt::ISODate)));
    *certificate = c.value;
    return {};
}

} // namespace Oobm::Core
