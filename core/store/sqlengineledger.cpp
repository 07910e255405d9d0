// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlengineledger.h"

#include "core/keys/pidpps.h"
#include "core/keys/secretbox.h"
#include "core/store/sqlkeyledger.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Oobm::Core {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Oobm::Core::SqlEngineLedger", text, disambiguation, n);
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// NOT NULL text columns: a null QString would bind as NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

const QByteArray ProfileAd = "provision-profile";
// Hellos are sent the moment a device decides to, and are handled within seconds even in a burst
// of 10,000; one older than its system's provisioning by less than this was sent before it.
constexpr qint64 StaleHelloMs = 120000;

QString hashText(const HelloPacket::RootHash &h)
{
    const char *type = h.type == HelloPacket::HashType::Sha1 ? "sha1"
            : h.type == HelloPacket::HashType::Sha256        ? "sha256"
                                                             : "sha384";
    return QString::fromLatin1(type) + u':' + QString::fromLatin1(h.hash.toHex().toUpper());
}

constexpr char ProfileColumns[] =
        "id, name, is_default, admin_user, admin_password, acl_users, tls_enabled, domain_name, host_name_pattern, "
        "interfaces, changed_ms, tls_certificate_id, auxiliary_profile_id, (SELECT t.name FROM tls_certificates t "
        "WHERE t.id = provision_profiles.tls_certificate_id) AS tls_certificate_name, (SELECT x.name FROM "
        "auxiliary_profiles x WHERE x.id = provision_profiles.auxiliary_profile_id) AS auxiliary_profile_name";

constexpr char SystemColumns[] =
        "s.uuid, s.fqdn, s.address, s.amt_version, s.state, s.reason, s.profile_id, s.pid, s.new_pid, "
        "s.hello_version, s.hello_count, s.last_retry, s.admin_set, s.first_seen_ms, s.last_hello_ms, "
        "s.last_action, s.last_action_ms, s.authorized, s.attempts, s.admin_user, s.provisioned_ms, p.name, "
        "s.assignment";

AmtSystem readSystem(const QSqlQuery &q)
{
    AmtSystem s;
    s.uuid = q.value(0).toString();
    s.fqdn = q.value(1).toString();
    s.address = q.value(2).toString();
    s.amtVersion = q.value(3).toString();
    s.state = SystemState(q.value(4).toInt());
    s.reason = q.value(5).toString();
    s.profileId = q.value(6).toLongLong();
    s.pid = q.value(7).toString().toLatin1();
    s.newPid = q.value(8).toString().toLatin1();
    s.helloVersion = q.value(9).toInt();
    s.helloCount = q.value(10).toInt();
    s.lastRetry = q.value(11).toInt();
    s.adminCredentialsSet = q.value(12).toInt() != 0;
    s.firstSeen = fromMs(q.value(13));
    s.lastHello = fromMs(q.value(14));
    s.lastAction = q.value(15).toString();
    s.lastActionTime = fromMs(q.value(16));
    s.authorized = q.value(17).toInt() != 0;
    s.attempts = q.value(18).toInt();
    s.adminUser = q.value(19).toString();
    s.provisioned = fromMs(q.value(20));
    s.profileName = q.value(21).toString();
    s.assignment = q.value(22).toString();
    return s;
}

} // namespace

SqlEngineLedger::SqlEngineLedger(const QString &connectionName, Schema::Dialect dialect, Sql::MapError mapError,
                                 const SqlKeyLedger *keys)
    : m_connectionName(connectionName)
    , m_dialect(dialect)
    , m_mapError(std::move(mapError))
    , m_keys(keys)
    , m_profiles(connectionName, dialect, m_mapError, keys)
{ }

StoreResult<int> SqlEngineLedger::execCount(const QString &sql, const QVariantList &binds)
{
    StoreResult<int> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q, sql, binds))
        r.error = m_mapError(q.lastError());
    else
        r.value = q.numRowsAffected();
    return r;
}

StoreError SqlEngineLedger::begin()
{
    return Sql::begin(m_connectionName, m_dialect, m_mapError);
}

StoreError SqlEngineLedger::commit()
{
    return Sql::commit(m_connectionName, m_mapError);
}

void SqlEngineLedger::rollback()
{
    Sql::rollback(m_connectionName);
}

const SecretBox *SqlEngineLedger::box() const
{
    return m_keys && m_keys->box().isValid() ? &m_keys->box() : nullptr;
}

StoreError SqlEngineLedger::locked() const
{
    return m_keys ? m_keys->lockedError()
                  : StoreError::make(StoreError::Kind::KeysLocked, tr("The store has no data key."));
}

StoreError SqlEngineLedger::insertHello(const HelloRecord &h)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO hellos (time_ms, address, port, version, uuid, pid, "
                                            "hashes, retry, admin_set, outcome, engine) VALUES (?, ?, ?, ?, ?, ?, "
                                            "?, ?, ?, ?, ?)"),
                             {h.time.toMSecsSinceEpoch(), text(h.address), int(h.port), h.version, text(h.uuid),
                              text(QString::fromLatin1(h.pid)), text(h.rootHashes.join(u' ')), h.retry,
                              h.adminCredentialsSet ? 1 : 0, text(h.outcome), text(h.engine)}))
        return m_mapError(q.lastError());
    return {};
}

StoreError SqlEngineLedger::insertActions(const QList<ActionRecord> &actions)
{
    if (actions.isEmpty())
        return {};
    if (QSqlError e; !Sql::lockForAppend(m_connectionName, m_dialect, Sql::AppendTable::Actions, &e))
        return m_mapError(e);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.prepare(QStringLiteral("INSERT INTO actions (time_ms, uuid, step, result, duration_ms, status, "
                                  "message, attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
        return m_mapError(q.lastError());
    for (const ActionRecord &a : actions) {
        q.addBindValue(a.time.isValid() ? a.time.toMSecsSinceEpoch() : nowMs());
        q.addBindValue(text(a.uuid));
        q.addBindValue(text(a.step));
        q.addBindValue(int(a.result));
        q.addBindValue(a.durationMs);
        q.addBindValue(text(a.status));
        q.addBindValue(text(a.message));
        q.addBindValue(a.attempt);
        if (!q.exec())
            return m_mapError(q.lastError());
    }
    return {};
}

StoreError SqlEngineLedger::recordRejectedHello(const HelloRecord &hello)
{
    return insertHello(hello);
}

bool SqlEngineLedger::readProfile(const QSqlQuery &q, bool withSecrets, ProvisionProfile *p, StoreError *error) const
{
    // id, name, is_default, admin_user, admin_password, acl_users, tls_enabled, domain_name,
    // host_name_pattern, interfaces, changed_ms
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
    const SecretBox *b = box();
    if (withSecrets && !b) {
        *error = locked();
        return false;
    }
    bool ok = true;
    if (withSecrets)
        p->adminPassword = QString::fromUtf8(b->open(q.value(4).toByteArray(), ProfileAd, &ok));
    // The users' passwords only while the admin password opened.
    if (!SqlProfileLedger::usersFromJson(q.value(5).toByteArray(), withSecrets && ok ? b : nullptr, ProfileAd,
                                         &p->aclUsers))
        ok = false;
    if (!ok) {
        *error = StoreError::make(StoreError::Kind::KeysLocked,
                                  tr("The passwords of the provision profile %1 cannot be decrypted: they "
                                     "were changed outside OOBM or sealed with another data key.")
                                          .arg(p->name));
        return false;
    }
    return true;
}

StoreResult<ProvisionProfile> SqlEngineLedger::defaultProfile(bool withSecrets)
{
    StoreResult<ProvisionProfile> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT %1 FROM provision_profiles ORDER BY is_default DESC, id LIMIT 2")
                        .arg(QLatin1String(ProfileColumns)))) {
        r.error = m_mapError(q.lastError());
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
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   found.isEmpty()
                                           ? tr("There is no provision profile: create one under Configuration Service "
                                                "Settings > Provision Profiles (or oobmctl profiles create).")
                                           : tr("No provision profile is the default: mark one as the default under "
                                                "Provision Profiles."));
        return r;
    }
    r.value = found.first();
    return r;
}

StoreResult<HelloDecision> SqlEngineLedger::recordHello(const HelloIntake &intake)
{
    StoreResult<HelloDecision> r;
    HelloDecision &d = r.value;
    const HelloPacket &hello = intake.hello;
    const QString uuid = HelloPacket::uuidText(hello.uuid);
    const qint64 now = nowMs();
    const bool psk = hello.version == HelloPacket::Version::Psk;

    HelloRecord rec;
    rec.time = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    rec.address = intake.address.toString();
    rec.port = intake.port;
    rec.version = int(hello.version);
    rec.uuid = uuid;
    rec.pid = hello.pid;
    for (const HelloPacket::RootHash &h : hello.rootHashes)
        rec.rootHashes << hashText(h);
    rec.retry = int(hello.retryCount);
    rec.adminCredentialsSet = hello.adminCredentialsSet;
    rec.engine = intake.engineId;

    if (StoreError e = begin()) {
        r.error = e;
        return r;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    auto fail = [&](const QSqlQuery &failed) {
        r.error = m_mapError(failed.lastError());
        rollback();
        return r;
    };

    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO amt_systems (uuid, state, first_seen_ms) VALUES (?, ?, ?) "
                                            "ON CONFLICT (uuid) DO NOTHING"),
                             {uuid, int(SystemState::AwaitingHello), now}))
        return fail(q);
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("UPDATE amt_systems SET address = ?, pid = ?, hello_version = ?, "
                                            "hello_count = hello_count + 1, last_retry = ?, admin_set = ?, "
                                            "last_hello_ms = ? WHERE uuid = ?"),
                             {text(rec.address), text(QString::fromLatin1(hello.pid)), rec.version, rec.retry,
                              rec.adminCredentialsSet ? 1 : 0, now, uuid}))
        return fail(q);
    // A reverse lookup names a system that has no name yet; the device's own name, once
    // provisioned, or an admin's, is never overwritten.
    if (!intake.reverseName.isEmpty()) {
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("UPDATE amt_systems SET fqdn = ? WHERE uuid = ? AND (fqdn IS NULL "
                                                "OR fqdn = '')"),
                                 {intake.reverseName, uuid}))
            return fail(q);
    }
    // The row lock (PostgreSQL) or the write lock (SQLite) makes this engine the only one
    // deciding about this system until commit.
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("SELECT %1 FROM amt_systems s LEFT JOIN provision_profiles p ON p.id = "
                               "s.profile_id WHERE s.uuid = ?%2")
                        .arg(QLatin1String(SystemColumns),
                             m_dialect == Schema::Dialect::PostgreSQL ? QStringLiteral(" FOR UPDATE OF s") : QString()),
                {uuid})
        || !q.next())
        return fail(q);
    d.system = readSystem(q);
    QString claimedBy;
    qint64 claimUntil = 0;
    {
        QSqlQuery c(db);
        if (!Sql::prepareAndExec(c, QStringLiteral("SELECT claimed_by, claim_until_ms FROM amt_systems WHERE uuid = ?"),
                                 {uuid})
            || !c.next())
            return fail(c);
        claimedBy = c.value(0).toString();
        claimUntil = c.value(1).toLongLong();
    }

    auto setState = [&](SystemState state, const QString &reason) -> bool {
        QSqlQuery u(db);
        if (!Sql::prepareAndExec(u, QStringLiteral("UPDATE amt_systems SET state = ?, reason = ? WHERE uuid = ?"),
                                 {int(state), text(reason), uuid})) {
            r.error = m_mapError(u.lastError());
            return false;
        }
        d.system.state = state;
        d.system.reason = reason;
        return true;
    };
    auto finish = [&](HelloDecision::Action action, const QString &outcome) {
        d.action = action;
        d.reason = outcome;
        rec.outcome = outcome;
        if (StoreError e = insertHello(rec)) {
            r.error = e;
            rollback();
            return r;
        }
        if (StoreError e = commit())
            r.error = e;
        return r;
    };
    auto reject = [&](SystemState state, const QString &reason) {
        if (!setState(state, reason)) {
            rollback();
            return r;
        }
        return finish(HelloDecision::Action::Rejected, reason);
    };

    if (d.system.state == SystemState::Provisioning && !claimedBy.isEmpty() && claimUntil > now)
        return finish(HelloDecision::Action::InFlight,
                      tr("ignored: being provisioned by the engine %1").arg(claimedBy));
    // A hello the device sent just before its CommitChanges can arrive after it (at this engine
    // or another): it must not start a second attempt against a device that is provisioned now.
    if (d.system.state == SystemState::Provisioned && d.system.provisioned.isValid()
        && d.system.provisioned.toMSecsSinceEpoch() > now - StaleHelloMs)
        return finish(HelloDecision::Action::InFlight,
                      tr("ignored: provisioned %1 s ago; the device sent this hello before it was provisioned")
                              .arg((now - d.system.provisioned.toMSecsSinceEpoch()) / 1000));
    if (!psk && !intake.allowRemoteConfiguration) {
        return reject(SystemState::Failed,
                      tr("Remote Configuration hello (PKI), but Remote Configuration is off: turn on \"Allow Remote "
                         "Configuration\" on the General page, or give the device a PID/PPS."));
    }
    const SecretBox *b = box();
    if (!b)
        return reject(SystemState::Failed, locked().message);
    // The password this store gave the device when it provisioned it before (a partial
    // unprovision keeps it): the most likely one.
    {
        QSqlQuery a(db);
        if (Sql::prepareAndExec(a, QStringLiteral("SELECT admin_password, otp FROM amt_systems WHERE uuid = ?"), {uuid})
            && a.next()) {
            bool ok = false;
            const QString previous = a.value(0).isNull()
                    ? QString()
                    : QString::fromUtf8(b->open(a.value(0).toByteArray(), uuid.toLatin1(), &ok));
            if (ok && !previous.isEmpty())
                d.passwords << previous;
            if (!a.value(1).isNull())
                d.otp = QString::fromUtf8(b->open(a.value(1).toByteArray(), "otp:" + uuid.toLatin1(), &ok));
        }
    }
    if (psk) {
        // The hello's key: its PPS is the TLS pre-shared key; the password the device has now is
        // the record's new ME password (set by setup.bin or typed into the MEBx), else its old one.
        const QString pidText = PidPps::formatPid(hello.pid);
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("SELECT pps, me_password, new_me_password, state, consumed_by, "
                                                "assigned_to FROM security_keys WHERE pid = ?"),
                                 {text(QString::fromLatin1(hello.pid))}))
            return fail(q);
        if (!q.next()) {
            return reject(SystemState::Failed,
                          tr("failed to find PID %1: the key this device offers is not in this database. Import the "
                             "keys it was given (Security Keys > Import), or give it a key from this database.")
                                  .arg(pidText));
        }
        const KeyState keyState = KeyState(q.value(3).toInt());
        const QString consumedBy = q.value(4).toString();
        const QString assignedTo = q.value(5).toString();
        if ((keyState == KeyState::Consumed && !consumedBy.isEmpty() && consumedBy != uuid)
            || (!assignedTo.isEmpty() && assignedTo != uuid)) {
            return reject(SystemState::Failed,
                          tr("PID %1 is already used by the system %2; a key is never used by two systems. Give this "
                             "device a new key.")
                                  .arg(pidText, consumedBy.isEmpty() ? assignedTo : consumedBy));
        }
        if (keyState == KeyState::Retired)
            return reject(SystemState::Failed, tr("PID %1 is retired; give the device a new key.").arg(pidText));
        bool ok1 = false, ok2 = false, ok3 = false;
        d.pps = b->open(q.value(0).toByteArray(), hello.pid, &ok1);
        const QString me = QString::fromUtf8(b->open(q.value(1).toByteArray(), hello.pid, &ok2));
        const QString newMe = QString::fromUtf8(b->open(q.value(2).toByteArray(), hello.pid, &ok3));
        if (!ok1 || !ok2 || !ok3)
            return reject(
                    SystemState::Failed,
                    tr("The key %1 cannot be decrypted: its stored secret was changed outside OOBM.").arg(pidText));
        for (const QString &p : {newMe, me}) {
            if (!p.isEmpty() && !d.passwords.contains(p))
                d.passwords << p;
        }
        // The key is this device's now: never handed to another as its next key.
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("UPDATE security_keys SET assigned_to = ? WHERE pid = ? AND "
                                                "assigned_to IS NULL"),
                                 {uuid, text(QString::fromLatin1(hello.pid))}))
            return fail(q);

    } else {
        // Remote Configuration: a certificate whose root the device trusts (PROTOCOL.md §4.3).
        d.remoteConfiguration = true;
        const auto loaded = certificates(true);
        if (!loaded.ok())
            return reject(SystemState::Failed, loaded.error.message);
        QStringList offered, available;
        for (const QString &h : std::as_const(rec.rootHashes))
            offered << h;
        const ProvisioningCertificate *match = nullptr;
        for (const ProvisioningCertificate &c : loaded.value) {
            available << QStringLiteral("%1 (sha1:%2)").arg(c.name, c.rootSha1);
            for (const HelloPacket::RootHash &h : hello.rootHashes) {
                const QString hex = QString::fromLatin1(h.hash.toHex().toUpper());
                if ((h.type == HelloPacket::HashType::Sha1 && hex == c.rootSha1)
                    || (h.type == HelloPacket::HashType::Sha256 && hex == c.rootSha256)) {
                    if (!match || (match->isExpired() && !c.isExpired()))
                        match = &c;
                }
            }
        }
        if (!match)
            return reject(SystemState::Failed,
                          tr("No provisioning certificate matches a root this device trusts. It offers %1; loaded: "
                             "%2. Import a provisioning certificate issued under one of the offered roots, or add "
                             "your root's hash to the device (MEBx or setup.bin).")
                                  .arg(offered.isEmpty() ? tr("no hashes") : offered.join(QStringLiteral(", ")),
                                       available.isEmpty() ? tr("none") : available.join(QStringLiteral(", "))));
        if (match->isExpired())
            return reject(SystemState::Failed,
                          tr("The provisioning certificate %1 expired on %2; the device would refuse it. Import a "
                             "renewed one.")
                                  .arg(match->name, match->notAfter.toString(Qt::ISODate)));
        const int dot = int(d.system.fqdn.indexOf(u'.'));
        if (dot > 0 && !match->matchesDomain(d.system.fqdn.mid(dot + 1)))
            return reject(SystemState::Failed,
                          tr("The provisioning certificate's CN %1 does not end in the device's domain %2; the "
                             "device refuses a certificate from another domain. Use a certificate issued for %2.")
                                  .arg(match->commonName, d.system.fqdn.mid(dot + 1)));
        if (intake.oneTimePasswordRequired && d.otp.isEmpty())
            return reject(SystemState::Failed,
                          tr("A one-time password is required (General page) but none is stored for this system: "
                             "enter the OTP the device was given (oobmctl systems otp %1).")
                                  .arg(uuid));
        if (!intake.oneTimePasswordRequired)
            d.otp.clear();
        d.certificate = *match;
        // A device in Remote Configuration setup mode still has the factory password.
        if (!d.passwords.contains(QStringLiteral("admin")))
            d.passwords << QStringLiteral("admin");
    }

    // The authorization gate comes after the checks above: a system that could not be
    // provisioned anyway shows why, not "awaiting authorization".
    if (intake.requireAuthorization && !d.system.authorized) {
        if (!setState(SystemState::AwaitingAuthorization,
                      tr("Waiting for an administrator to authorize it (Intel AMT Systems > Authorize)."))) {
            rollback();
            return r;
        }
        return finish(HelloDecision::Action::AwaitAuthorization, tr("awaiting authorization"));
    }

    // Profile Assignments first (in the order they were made), then the default profile.
    StoreResult<ProvisionProfile> profile;
    QString assignment = tr("default profile");
    {
        const auto rules = assignments();
        if (!rules.ok())
            return reject(SystemState::Failed, rules.error.message);
        for (const ProfileAssignment &rule : rules.value) {
            if (rule.matches(uuid, d.system.fqdn, intake.address)) {
                profile = profileById(rule.profileId);
                assignment = rule.describe();
                break;
            }
        }
        if (assignment == tr("default profile"))
            profile = defaultProfile(true);
    }
    if (!profile.ok())
        return reject(SystemState::Failed, profile.error.message);
    d.profile = profile.value;
    if (StoreError e = m_profiles.resolve(&d.profile, &d.tlsCertificate))
        return reject(SystemState::Failed, e.message);
    d.system.assignment = assignment;

    // The next key: one already reserved for this system, else the oldest Available key nobody
    // has (SKIP LOCKED: engines claiming at once take different keys).
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT pid, pps FROM security_keys WHERE assigned_to = ? AND state = 0 "
                                            "AND pid <> ? ORDER BY id LIMIT 1"),
                             {uuid, text(QString::fromLatin1(hello.pid))}))
        return fail(q);
    if (!q.next()) {
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("SELECT pid, pps FROM security_keys WHERE state = 0 AND assigned_to "
                                                "IS NULL ORDER BY id LIMIT 1%1")
                                         .arg(m_dialect == Schema::Dialect::PostgreSQL
                                                      ? QStringLiteral(" FOR UPDATE SKIP LOCKED")
                                                      : QString())))
            return fail(q);
        q.next();
    }
    if (q.isValid()) {
        d.newPid = q.value(0).toString().toLatin1();
        bool ok = false;
        d.newPps = b->open(q.value(1).toByteArray(), d.newPid, &ok);
        if (!ok)
            return reject(SystemState::Failed,
                          tr("The key %1 cannot be decrypted: its stored secret was changed outside OOBM.")
                                  .arg(PidPps::formatPid(d.newPid)));
        QSqlQuery u(db);
        if (!Sql::prepareAndExec(u, QStringLiteral("UPDATE security_keys SET assigned_to = ? WHERE pid = ?"),
                                 {uuid, QString::fromLatin1(d.newPid)}))
            return fail(u);
    }

    d.attempt = d.system.attempts + 1;
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("UPDATE amt_systems SET state = ?, reason = '', profile_id = ?, "
                                            "assignment = ?, claimed_by = ?, claim_until_ms = ?, attempts = "
                                            "attempts + 1 WHERE uuid = ?"),
                             {int(SystemState::Provisioning), d.profile.id, text(d.system.assignment), intake.engineId,
                              now + qint64(intake.leaseSeconds) * 1000, uuid}))
        return fail(q);
    d.system.state = SystemState::Provisioning;
    d.system.profileId = d.profile.id;
    d.system.profileName = d.profile.name;
    return finish(HelloDecision::Action::Provision, tr("provisioning (attempt %1)").arg(d.attempt));
}

StoreError SqlEngineLedger::finishProvisioning(const ProvisioningReport &report)
{
    const SecretBox *b = box();
    if (report.success && !b)
        return locked();
    if (StoreError e = begin())
        return e;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    const qint64 now = nowMs();
    auto fail = [&](const QSqlQuery &failed) {
        const StoreError e = m_mapError(failed.lastError());
        rollback();
        return e;
    };
    if (StoreError e = insertActions(report.actions)) {
        rollback();
        return e;
    }
    const QString lastAction = report.actions.isEmpty() ? QString() : report.actions.last().step;
    if (report.success) {
        if (!Sql::prepareAndExec(
                    q,
                    QStringLiteral("UPDATE amt_systems SET state = ?, reason = '', amt_version = ?, fqdn = ?, "
                                   "admin_user = ?, admin_password = ?, new_pid = ?, provisioned_ms = ?, "
                                   "tls_certificate_pem = ?, attempts = 0, claimed_by = NULL, claim_until_ms = "
                                   "NULL, last_action = ?, last_action_ms = ? WHERE uuid = ? AND claimed_by = ?"),
                    {int(SystemState::Provisioned), text(report.amtVersion), text(report.fqdn), text(report.adminUser),
                     b->seal(report.adminPassword.toUtf8(), report.uuid.toLatin1()),
                     text(QString::fromLatin1(report.newPid)), now,
                     report.tlsCertificatePem.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                        : QVariant(QString::fromLatin1(report.tlsCertificatePem)),
                     text(lastAction), now, report.uuid, report.engineId}))
            return fail(q);
        if (q.numRowsAffected() != 1) {
            rollback();
            return StoreError::make(StoreError::Kind::InvalidRequest,
                                    tr("The system %1 is no longer claimed by this engine (its lease ran out "
                                       "and another engine took it).")
                                            .arg(report.uuid));
        }
        for (const QByteArray &pid : {report.pid, report.newPid}) {
            if (pid.isEmpty())
                continue;
            if (!Sql::prepareAndExec(
                        q,
                        QStringLiteral("UPDATE security_keys SET state = ?, consumed_by = ?, "
                                       "consumed_ms = ?, assigned_to = ? WHERE pid = ?"),
                        {int(KeyState::Consumed), report.uuid, now, report.uuid, QString::fromLatin1(pid)}))
                return fail(q);
        }
    } else {
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("UPDATE amt_systems SET state = ?, reason = ?, amt_version = CASE "
                                                "WHEN ? = '' THEN amt_version ELSE ? END, claimed_by = NULL, "
                                                "claim_until_ms = NULL, last_action = ?, last_action_ms = ? WHERE "
                                                "uuid = ? AND (claimed_by = ? OR claimed_by IS NULL)"),
                                 {int(SystemState::Failed), text(report.reason), text(report.amtVersion),
                                  text(report.amtVersion), text(lastAction), now, report.uuid, report.engineId}))
            return fail(q);
    }
    return commit();
}

StoreResult<int> SqlEngineLedger::releaseClaims(const QString &engineId, const QString &reason)
{
    return execCount(QStringLiteral("UPDATE amt_systems SET state = ?, reason = ?, claimed_by = NULL, claim_until_ms "
                                    "= NULL WHERE claimed_by = ? AND state = ?"),
                     {int(SystemState::Failed), text(reason), engineId, int(SystemState::Provisioning)});
}

StoreResult<QList<AmtSystem>> SqlEngineLedger::listSystems(const SystemFilter &filter)
{
    StoreResult<QList<AmtSystem>> r;
    QStringList where;
    QVariantList binds;
    if (!filter.states.isEmpty())
        where << Sql::inList(QStringLiteral("s.state"), filter.states, &binds);
    if (!filter.text.isEmpty()) {
        where << QStringLiteral("(s.uuid LIKE ? OR s.fqdn LIKE ? OR s.address LIKE ?)");
        const QString like = QStringLiteral("%") + filter.text + QStringLiteral("%");
        binds << QVariant(like.toUpper()) << QVariant(like) << QVariant(like);
    }
    QString sql = QStringLiteral("SELECT %1 FROM amt_systems s LEFT JOIN provision_profiles p ON p.id = "
                                 "s.profile_id")
                          .arg(QLatin1String(SystemColumns));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY s.last_hello_ms DESC, s.uuid");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(q, sql, binds)) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next())
        r.value << readSystem(q);
    return r;
}

StoreResult<AmtSystem> SqlEngineLedger::systemCredentials(const QString &uuid)
{
    StoreResult<AmtSystem> r;
    const SecretBox *b = box();
    if (!b) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT %1, s.admin_password, s.tls_certificate_pem FROM amt_systems s "
                                            "LEFT JOIN provision_profiles p ON p.id = s.profile_id WHERE s.uuid = ?")
                                     .arg(QLatin1String(SystemColumns)),
                             {uuid.toUpper()})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    if (!q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("There is no Intel AMT system %1 in this database.").arg(uuid));
        return r;
    }
    r.value = readSystem(q);
    if (q.value(23).isNull() || r.value.state != SystemState::Provisioned) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The system %1 was not provisioned by OOBM, so its admin credentials are "
                                      "not known here.")
                                           .arg(r.value.uuid));
        return r;
    }
    bool ok = false;
    r.value.adminPassword = QString::fromUtf8(b->open(q.value(23).toByteArray(), r.value.uuid.toLatin1(), &ok));
    r.value.tlsCertificatePem = q.value(24).toString().toLatin1();
    if (!ok)
        r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                   tr("The admin password of %1 cannot be decrypted: it was changed outside "
                                      "OOBM or sealed with another data key.")
                                           .arg(r.value.uuid));
    return r;
}

StoreResult<int> SqlEngineLedger::authorizeSystems(const QStringList &uuids)
{
    StoreResult<int> r;
    if (StoreError e = begin()) {
        r.error = e;
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.prepare(QStringLiteral("UPDATE amt_systems SET authorized = 1, reason = CASE WHEN state = ? THEN ? "
                                  "ELSE reason END WHERE uuid = ?"))) {
        r.error = m_mapError(q.lastError());
        rollback();
        return r;
    }
    for (const QString &uuid : uuids) {
        q.addBindValue(int(SystemState::AwaitingAuthorization));
        q.addBindValue(tr("Authorized; provisioned at its next hello."));
        q.addBindValue(uuid.toUpper());
        if (!q.exec()) {
            r.error = m_mapError(q.lastError());
            rollback();
            return r;
        }
        r.value += q.numRowsAffected();
    }
    r.error = commit();
    return r;
}

StoreResult<int> SqlEngineLedger::markSilentSystems(qint64 silentSinceMs)
{
    return execCount(
            QStringLiteral("UPDATE amt_systems SET state = ?, reason = ? WHERE state IN (?, ?) AND claimed_by IS NULL "
                           "AND last_hello_ms IS NOT NULL AND last_hello_ms < ?"),
            {int(SystemState::HelloWindowExpired),
             tr("No hello since %1: the device's hello window has closed (mode 6, \"hello packet mode disabled\"). "
                "Delayed Provision asks its task agent to restart it; an AC power cycle or a partial unprovision in "
                "the MEBx does too.")
                     .arg(QDateTime::fromMSecsSinceEpoch(silentSinceMs, Qt::UTC).toString(Qt::ISODate)),
             int(SystemState::Failed), int(SystemState::AwaitingAuthorization), silentSinceMs});
}

StoreResult<int> SqlEngineLedger::setSystemsState(const QStringList &uuids, SystemState state, const QString &reason,
                                                  const QList<ActionRecord> &actions)
{
    StoreResult<int> r;
    if (StoreError e = begin()) {
        r.error = e;
        return r;
    }
    if (StoreError e = insertActions(actions)) {
        r.error = e;
        rollback();
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.prepare(QStringLiteral("UPDATE amt_systems SET state = ?, reason = ?, authorized = CASE WHEN ? THEN 0 "
                                  "ELSE authorized END, last_action = ?, last_action_ms = ? WHERE uuid = ?"))) {
        r.error = m_mapError(q.lastError());
        rollback();
        return r;
    }
    for (const QString &uuid : uuids) {
        QString last;
        for (const ActionRecord &a : actions) {
            if (a.uuid == uuid)
                last = a.step;
        }
        q.addBindValue(int(state));
        q.addBindValue(text(reason));
        q.addBindValue(state == SystemState::Unprovisioned ? 1 : 0);
        q.addBindValue(text(last));
        q.addBindValue(nowMs());
        q.addBindValue(uuid.toUpper());
        if (!q.exec()) {
            r.error = m_mapError(q.lastError());
            rollback();
            return r;
        }
        r.value += q.numRowsAffected();
    }
    r.error = commit();
    return r;
}

StoreResult<QList<HelloRecord>> SqlEngineLedger::listHellos(const QString &uuid, qint64 afterId, int limit)
{
    StoreResult<QList<HelloRecord>> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    // Newest first; afterId > 0 asks only for what came since.
    QVariantList binds{afterId};
    if (!uuid.isEmpty())
        binds << uuid.toUpper();
    binds << (limit > 0 ? limit : 1000);
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT id, time_ms, address, port, version, uuid, pid, hashes, retry, "
                                            "admin_set, outcome, engine FROM hellos WHERE id > ?%1 ORDER BY id DESC "
                                            "LIMIT ?")
                                     .arg(uuid.isEmpty() ? QString() : QStringLiteral(" AND uuid = ?")),
                             binds)) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next()) {
        HelloRecord h;
        h.id = q.value(0).toLongLong();
        h.time = fromMs(q.value(1));
        h.address = q.value(2).toString();
        h.port = quint16(q.value(3).toInt());
        h.version = q.value(4).toInt();
        h.uuid = q.value(5).toString();
        h.pid = q.value(6).toString().toLatin1();
        h.rootHashes = q.value(7).toString().split(u' ', Qt::SkipEmptyParts);
        h.retry = q.value(8).toInt();
        h.adminCredentialsSet = q.value(9).toInt() != 0;
        h.outcome = q.value(10).toString();
        h.engine = q.value(11).toString();
        r.value << h;
    }
    return r;
}

StoreResult<QList<ProvisionProfile>> SqlEngineLedger::listProfiles()
{
    StoreResult<QList<ProvisionProfile>> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT %1 FROM provision_profiles ORDER BY name").arg(QLatin1String(ProfileColumns)))) {
        r.error = m_mapError(q.lastError());
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

StoreResult<qint64> SqlEngineLedger::saveProfile(const ProvisionProfile &profile)
{
    StoreResult<qint64> r;
    if (const QString problem = profile.problem(); !problem.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest, problem);
        return r;
    }
    const SecretBox *b = box();
    if (!b) {
        r.error = locked();
        return r;
    }
    const QByteArray users = SqlProfileLedger::usersToJson(profile.aclUsers, b, ProfileAd);
    if (StoreError e = begin()) {
        r.error = e;
        return r;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM provision_profiles WHERE name = ? AND id <> ?"),
                             {profile.name.trimmed(), profile.id})) {
        r.error = m_mapError(q.lastError());
        rollback();
        return r;
    }
    if (q.next()) {
        rollback();
        r.error = StoreError::make(
                StoreError::Kind::InvalidRequest,
                tr("There is already a provision profile named %1; choose another name.").arg(profile.name.trimmed()));
        return r;
    }
    if (StoreError e = m_profiles.checkReferences(profile)) {
        rollback();
        r.error = e;
        return r;
    }
    if (profile.isDefault && !q.exec(QStringLiteral("UPDATE provision_profiles SET is_default = 0"))) {
        r.error = m_mapError(q.lastError());
        rollback();
        return r;
    }
    const QString save = profile.id > 0
            ? QStringLiteral("UPDATE provision_profiles SET name = ?, is_default = ?, admin_user = ?, "
                             "admin_password = ?, acl_users = ?, tls_enabled = ?, domain_name = ?, "
                             "host_name_pattern = ?, interfaces = ?, changed_ms = ?, tls_certificate_id = ?, "
                             "auxiliary_profile_id = ? WHERE id = ?")
            : QStringLiteral("INSERT INTO provision_profiles (name, is_default, admin_user, admin_password, "
                             "acl_users, tls_enabled, domain_name, host_name_pattern, interfaces, changed_ms, "
                             "tls_certificate_id, auxiliary_profile_id) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QVariantList binds{profile.name.trimmed(),
                       profile.isDefault ? 1 : 0,
                       profile.adminUser.trimmed(),
                       b->seal(profile.adminPassword.toUtf8(), ProfileAd),
                       users,
                       profile.tlsEnabled ? 1 : 0,
                       text(profile.domainName.trimmed()),
                       text(profile.hostNamePattern.trimmed()),
                       text(profile.interfaces.join(u',')),
                       nowMs()};
    for (qint64 id : {profile.tlsCertificateId, profile.auxiliaryProfileId})
        binds << (id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>()));
    if (profile.id > 0)
        binds << profile.id;
    if (!Sql::prepareAndExec(q, save, binds)) {
        r.error = m_mapError(q.lastError());
        rollback();
        return r;
    }
    if (profile.id > 0 && q.numRowsAffected() != 1) {
        rollback();
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The provision profile was deleted meanwhile."));
        return r;
    }
    r.value = profile.id;
    if (profile.id <= 0) {
        if (Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM provision_profiles WHERE name = ?"),
                                {profile.name.trimmed()})
            && q.next())
            r.value = q.value(0).toLongLong();
    }
    r.error = commit();
    return r;
}

StoreResult<int> SqlEngineLedger::deleteProfile(qint64 id)
{
    StoreResult<int> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (Sql::prepareAndExec(q, QStringLiteral("SELECT COUNT(*) FROM amt_systems WHERE profile_id = ? AND state = ?"),
                            {id, int(SystemState::Provisioning)})
        && q.next() && q.value(0).toInt() > 0) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("%n system(s) are being provisioned with this profile right now; delete "
                                      "it when they are done.",
                                      nullptr, q.value(0).toInt()));
        return r;
    }
    return execCount(QStringLiteral("DELETE FROM provision_profiles WHERE id = ?"), {id});
}

StoreResult<ProvisionProfile> SqlEngineLedger::profileById(qint64 id)
{
    StoreResult<ProvisionProfile> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(
                q, QStringLiteral("SELECT %1 FROM provision_profiles WHERE id = ?").arg(QLatin1String(ProfileColumns)),
                {id})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    if (!q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The provision profile of a Profile Assignment no longer exists."));
        return r;
    }
    readProfile(q, true, &r.value, &r.error);
    return r;
}

StoreResult<QList<ProfileAssignment>> SqlEngineLedger::assignments()
{
    StoreResult<QList<ProfileAssignment>> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT a.id, a.kind, a.value, a.profile_id, p.name FROM profile_assignments a JOIN "
                               "provision_profiles p ON p.id = a.profile_id ORDER BY a.id"))) {
        r.error = m_mapError(q.lastError());
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

StoreResult<qint64> SqlEngineLedger::addAssignment(const ProfileAssignment &a)
{
    StoreResult<qint64> r;
    if (const QString problem = a.problem(); !problem.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest, problem);
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO profile_assignments (kind, value, profile_id, created_ms) "
                                            "VALUES (?, ?, ?, ?)"),
                             {int(a.kind),
                              a.kind == ProfileAssignment::Kind::Uuid ? a.value.trimmed().toUpper() : a.value.trimmed(),
                              a.profileId, nowMs()})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    r.value = q.lastInsertId().toLongLong();
    return r;
}

StoreResult<int> SqlEngineLedger::deleteAssignment(qint64 id)
{
    return execCount(QStringLiteral("DELETE FROM profile_assignments WHERE id = ?"), {id});
}

StoreResult<QList<ProvisioningCertificate>> SqlEngineLedger::certificates(bool withKeys)
{
    StoreResult<QList<ProvisioningCertificate>> r;
    const SecretBox *b = box();
    if (withKeys && !b) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral(
                "SELECT id, name, common_name, chain_pem, private_key, root_sha1, root_sha256, "
                "not_before_ms, not_after_ms, imported_ms FROM provisioning_certificates ORDER BY name"))) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next()) {
        ProvisioningCertificate c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.commonName = q.value(2).toString();
        c.chainPem = q.value(3).toString().toLatin1();
        c.rootSha1 = q.value(5).toString();
        if (withKeys) {
            bool ok = false;
            c.keyPem = b->open(q.value(4).toByteArray(), "certificate:" + c.rootSha1.toLatin1(), &ok);
            if (!ok) {
                r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                           tr("The private key of the provisioning certificate %1 cannot be "
                                              "decrypted: it was changed outside OOBM or sealed with another data key.")
                                                   .arg(c.name));
                return r;
            }
        }
        c.rootSha256 = q.value(6).toString();
        c.notBefore = fromMs(q.value(7));
        c.notAfter = fromMs(q.value(8));
        c.imported = fromMs(q.value(9));
        c.intelUsage = true;
        r.value << c;
    }
    return r;
}

StoreResult<QList<ProvisioningCertificate>> SqlEngineLedger::listCertificates()
{
    return certificates(false);
}

StoreResult<qint64> SqlEngineLedger::importCertificate(const ProvisioningCertificate &c)
{
    StoreResult<qint64> r;
    const SecretBox *b = box();
    if (!b) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (Sql::prepareAndExec(q,
                            QStringLiteral("SELECT name FROM provisioning_certificates WHERE name = ? OR root_sha1 = "
                                           "? AND common_name = ?"),
                            {c.name, c.rootSha1, c.commonName})
        && q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("A provisioning certificate named %1 (or for %2 under the same root) is already "
                                      "loaded; delete it first to replace it.")
                                           .arg(q.value(0).toString(), c.commonName));
        return r;
    }
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO provisioning_certificates (name, common_name, chain_pem, "
                                            "private_key, root_sha1, root_sha256, not_before_ms, not_after_ms, "
                                            "imported_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             {c.name, c.commonName, QString::fromLatin1(c.chainPem),
                              b->seal(c.keyPem, "certificate:" + c.rootSha1.toLatin1()), c.rootSha1, c.rootSha256,
                              c.notBefore.toMSecsSinceEpoch(), c.notAfter.toMSecsSinceEpoch(), nowMs()})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    if (Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM provisioning_certificates WHERE name = ?"), {c.name})
        && q.next())
        r.value = q.value(0).toLongLong();
    return r;
}

StoreResult<int> SqlEngineLedger::deleteCertificate(qint64 id)
{
    return execCount(QStringLiteral("DELETE FROM provisioning_certificates WHERE id = ?"), {id});
}

StoreError SqlEngineLedger::setSystemOtp(const QString &uuid, const QString &otp)
{
    const SecretBox *b = box();
    if (!b)
        return locked();
    if (otp.size() < 8 || otp.size() > 32)
        return StoreError::make(StoreError::Kind::InvalidRequest,
                                tr("A one-time password has 8 to 32 characters; this one has %1.").arg(otp.size()));
    const QString id = uuid.toUpper();
    if (QUuid::fromString(id).isNull())
        return StoreError::make(StoreError::Kind::InvalidRequest,
                                tr("'%1' is not a UUID such as 4B529B93-D413-181D-E487-1C697A6B7A2B.").arg(uuid));
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("INSERT INTO amt_systems (uuid, state, first_seen_ms, otp) VALUES (?, ?, "
                               "?, ?) ON CONFLICT (uuid) DO UPDATE SET otp = excluded.otp"),
                {id, int(SystemState::AwaitingHello), nowMs(), b->seal(otp.toUtf8(), "otp:" + id.toLatin1())}))
        return m_mapError(q.lastError());
    return {};
}

StoreError SqlEngineLedger::heartbeat(const EngineStatus &status)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO engines (id, host, listen, started_ms, heartbeat_ms, error, "
                                            "in_flight) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                            "host = excluded.host, listen = excluded.listen, started_ms = "
                                            "excluded.started_ms, heartbeat_ms = excluded.heartbeat_ms, error = "
                                            "excluded.error, in_flight = excluded.in_flight"),
                             {status.id, text(status.host), text(status.listen), status.started.toMSecsSinceEpoch(),
                              status.heartbeat.isValid() ? status.heartbeat.toMSecsSinceEpoch() : nowMs(),
                              text(status.error), status.inFlight}))
        return m_mapError(q.lastError());
    return {};
}

StoreResult<QList<EngineStatus>> SqlEngineLedger::engines()
{
    StoreResult<QList<EngineStatus>> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT id, host, listen, started_ms, heartbeat_ms, error, in_flight FROM engines "
                               "ORDER BY heartbeat_ms DESC"))) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next()) {
        EngineStatus e;
        e.id = q.value(0).toString();
        e.host = q.value(1).toString();
        e.listen = q.value(2).toString();
        e.started = fromMs(q.value(3));
        e.heartbeat = fromMs(q.value(4));
        e.error = q.value(5).toString();
        e.inFlight = q.value(6).toInt();
        r.value << e;
    }
    return r;
}

} // namespace Oobm::Core
