// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlsystemledger.h"

#include "core/amt/devicesession.h"
#include "core/fleet/taskrun.h"
#include "core/keys/passwordpolicy.h"
#include "core/keys/secretbox.h"
#include "core/provisioning/amtsystem.h"
#include "core/provisioning/ipv4range.h"
#include "core/provisioning/provisioningpolicy.h"
#include "core/store/sqlcertificateledger.h"
#include "core/store/sqlfleetledger.h"
#include "core/store/sqlkeyledger.h"
#include "core/store/sqllogledger.h"
#include "core/store/sqlprofileledger.h"
#include "core/store/sqlsettingsledger.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::SqlSystemLedger", text);
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

// The numbers collection rules compare (schema 8): null when the text is no IPv4 address or no
// AMT version.
QVariant numberOrNull(qint64 number)
{
    return number < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(number);
}

QString latin1(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QStringLiteral("") : QString::fromLatin1(bytes);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString hashText(const HelloPacket::RootHash &h)
{
    const char *type = h.type == HelloPacket::HashType::Sha1 ? "sha1"
            : h.type == HelloPacket::HashType::Sha256        ? "sha256"
                                                             : "sha384";
    return QString::fromLatin1(type) + u':' + QString::fromLatin1(h.hash.toHex().toUpper());
}

// The columns a system is read with (readSystem), and what follows them in some queries.
constexpr char SystemColumns[] =
        "s.uuid, s.fqdn, s.address, s.amt_version, s.state, s.reason, s.profile_id, s.pid, s.new_pid, "
        "s.hello_version, s.hello_count, s.last_retry, s.admin_set, s.first_seen_ms, s.last_hello_ms, "
        "s.last_action, s.last_action_ms, s.authorized, s.attempts, s.admin_user, s.provisioned_ms, p.name, "
        "s.assignment, s.name, s.dialect";
constexpr int AfterSystemColumns = 25;
constexpr char SystemFrom[] = "amt_systems s LEFT JOIN provision_profiles p ON p.id = s.profile_id";

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
    s.name = q.value(23).toString();
    s.dialect = q.value(24).toString();
    return s;
}

HelloRecord helloRecord(const HelloIntake &intake, const QString &uuid, qint64 now)
{
    HelloRecord rec;
    rec.time = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    rec.address = intake.address.toString();
    rec.port = intake.port;
    rec.version = int(intake.hello.version);
    rec.uuid = uuid;
    rec.pid = intake.hello.pid;
    for (const HelloPacket::RootHash &h : intake.hello.rootHashes)
        rec.rootHashes << hashText(h);
    rec.retry = int(intake.hello.retryCount);
    rec.adminCredentialsSet = intake.hello.adminCredentialsSet;
    rec.engine = intake.engineId;
    return rec;
}

} // namespace

SqlSystemLedger::SqlSystemLedger(Context context, const Ledgers &ledgers)
    : SqlLedger(std::move(context))
    , m_ledgers(ledgers)
{ }

QString SqlSystemLedger::revisionValue() const
{
    // SQLite has one writer at a time, so MAX + 1 follows commit order exactly; PostgreSQL's
    // writers run at once and tell other processes by NOTIFY instead (notifyChanged).
    return isPostgreSql() ? QStringLiteral("nextval('amt_systems_revisions')")
                          : QStringLiteral("(SELECT COALESCE(MAX(revision), 0) + 1 FROM amt_systems)");
}

QString SqlSystemLedger::nextRevision() const
{
    return QStringLiteral("revision = ") + revisionValue();
}

StoreError SqlSystemLedger::notifyChanged(const QString &uuid)
{
    if (!isPostgreSql())
        return {};
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT pg_notify(?, ?)"), {QString(NotifyChannel), uuid}))
        return queryError(q);
    return {};
}

StoreError SqlSystemLedger::insertHello(const HelloRecord &h)
{
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO hellos (time_ms, address, port, version, uuid, pid, hashes, "
                                            "retry, admin_set, outcome, engine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                            "?)"),
                             {h.time.toMSecsSinceEpoch(), text(h.address), int(h.port), h.version, text(h.uuid),
                              latin1(h.pid), text(h.rootHashes.join(u' ')), h.retry, h.adminCredentialsSet ? 1 : 0,
                              text(h.outcome), text(h.engine)}))
        return queryError(q);
    return {};
}

StoreError SqlSystemLedger::recordRejectedHello(const HelloRecord &hello)
{
    return insertHello(hello);
}

StoreResult<HelloDecision> SqlSystemLedger::recordHello(const HelloIntake &intake)
{
    StoreResult<HelloDecision> r;
    const QString uuid = HelloPacket::uuidText(intake.hello.uuid);
    HelloRecord hello = helloRecord(intake, uuid, nowMs());
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    HelloSnapshot snapshot;
    if (StoreError e = recordOnSystem(intake, hello)) {
        r.error = e;
        return r;
    }
    if (StoreError e = loadSnapshot(intake, uuid, &snapshot)) {
        r.error = e;
        return r;
    }
    r.value = ProvisioningPolicy::decide(snapshot);
    if (r.value.action == HelloDecision::Action::Provision && r.value.profile.randomAdminPassword) {
        if (StoreError e = stageRandomPassword(&r.value)) {
            r.error = e;
            return r;
        }
    }
    if (StoreError e = writeDecision(snapshot, r.value)) {
        r.error = e;
        return r;
    }
    hello.outcome = r.value.reason;
    if (StoreError e = insertHello(hello)) {
        r.error = e;
        return r;
    }
    r.error = t.commit();
    return r;
}

StoreError SqlSystemLedger::recordOnSystem(const HelloIntake &intake, const HelloRecord &hello)
{
    const qint64 now = hello.time.toMSecsSinceEpoch();
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO amt_systems (uuid, state, first_seen_ms) VALUES (?, ?, ?) ON "
                                            "CONFLICT (uuid) DO NOTHING"),
                             {hello.uuid, int(SystemState::AwaitingHello), now}))
        return queryError(q);
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("UPDATE amt_systems SET address = ?, address_v4 = ?, pid = ?, hello_version = ?, "
                               "hello_count = hello_count + 1, last_retry = ?, admin_set = ?, last_hello_ms = ?, %1 "
                               "WHERE uuid = ?")
                        .arg(nextRevision()),
                {text(hello.address), numberOrNull(ipv4Number(hello.address)), latin1(hello.pid), hello.version,
                 hello.retry, hello.adminCredentialsSet ? 1 : 0, now, hello.uuid}))
        return queryError(q);
    // A reverse lookup names a system that has no name yet; the device's own name, once
    // provisioned, or an admin's, is never overwritten.
    if (!intake.reverseName.isEmpty()
        && !Sql::prepareAndExec(q,
                                QStringLiteral("UPDATE amt_systems SET fqdn = ? WHERE uuid = ? AND (fqdn IS NULL OR "
                                               "fqdn = '')"),
                                {intake.reverseName, hello.uuid}))
        return queryError(q);
    return notifyChanged(hello.uuid);
}

StoreError SqlSystemLedger::loadSnapshot(const HelloIntake &intake, const QString &uuid, HelloSnapshot *s)
{
    s->intake = intake;
    s->now = QDateTime::currentDateTimeUtc();
    const auto settings = m_ledgers.settings->load();
    if (!settings.ok())
        return settings.error;
    s->settings = settings.value;

    // The row lock (PostgreSQL) or the write lock (SQLite) makes this engine the only one
    // deciding about this system until commit.
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT %1, s.claimed_by, s.claim_until_ms, s.admin_password, s.otp FROM "
                                            "%2 WHERE s.uuid = ?%3")
                                     .arg(QLatin1String(SystemColumns), QLatin1String(SystemFrom),
                                          isPostgreSql() ? QStringLiteral(" FOR UPDATE OF s") : QString()),
                             {uuid})
        || !q.next())
        return queryError(q);
    s->system = readSystem(q);
    s->claimedBy = q.value(AfterSystemColumns).toString();
    s->claimUntil = fromMs(q.value(AfterSystemColumns + 1));
    if (const SecretBox *b = box()) {
        bool ok = false;
        if (!q.value(AfterSystemColumns + 2).isNull()) {
            const QString previous = QString::fromUtf8(
                    b->open(q.value(AfterSystemColumns + 2).toByteArray(), uuid.toLatin1(), &ok));
            if (ok)
                s->previousPassword = previous;
        }
        if (!q.value(AfterSystemColumns + 3).isNull())
            s->otp = QString::fromUtf8(
                    b->open(q.value(AfterSystemColumns + 3).toByteArray(), "otp:" + uuid.toLatin1(), &ok));
    } else {
        s->lockedReason = locked().message;
    }

    if (intake.hello.version == HelloPacket::Version::Psk) {
        const auto key = m_ledgers.keys->keyForProvisioning(intake.hello.pid, &s->helloKeyReadable);
        if (!key.ok())
            return key.error;
        s->helloKey = key.value;
    } else {
        const auto certificates = m_ledgers.certificates->provisioningCertificates(true);
        s->certificates = certificates.value;
        s->certificatesError = certificates.error.message;
    }

    const auto rules = m_ledgers.profiles->assignments();
    if (!rules.ok()) {
        s->profileError = rules.error.message;
    } else {
        const auto choice = ProvisioningPolicy::chooseProfile(rules.value, s->system, intake.address);
        s->assignment = choice.assignment;
        s->profileError =
                m_ledgers.profiles->profileForProvisioning(choice.profileId, &s->profile, &s->tlsCertificate).message;
    }
    const auto next = m_ledgers.keys->nextKeyFor(uuid, intake.hello.pid, &s->nextKeyReadable);
    if (!next.ok())
        return next.error;
    s->nextKey = next.value;
    return {};
}

StoreError SqlSystemLedger::stageRandomPassword(HelloDecision *d)
{
    const SecretBox *b = box();
    if (!b)
        return locked();
    const QString &uuid = d->system.uuid;
    const QByteArray ad = "pending:" + uuid.toLatin1();
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT pending_admin_password FROM amt_systems WHERE uuid = ?"), {uuid})
        || !q.next())
        return queryError(q);
    // An earlier attempt's password (the device may have it already) is given again; otherwise a
    // new one, sealed here, before the device gets it.
    bool ok = false;
    const QString pending = q.value(0).isNull() ? QString()
                                                : QString::fromUtf8(b->open(q.value(0).toByteArray(), ad, &ok));
    if (ok && !pending.isEmpty()) {
        d->profile.adminPassword = pending;
        if (!d->passwords.contains(pending))
            d->passwords.prepend(pending);
        return {};
    }
    d->profile.adminPassword = generateMePassword();
    if (!Sql::prepareAndExec(q, QStringLiteral("UPDATE amt_systems SET pending_admin_password = ? WHERE uuid = ?"),
                             {b->seal(d->profile.adminPassword.toUtf8(), ad), uuid}))
        return queryError(q);
    return {};
}

StoreError SqlSystemLedger::writeDecision(const HelloSnapshot &s, const HelloDecision &d)
{
    const QString &uuid = d.system.uuid;
    // The key is this device's now: never handed to another as its next key.
    if (d.keepHelloKey) {
        if (StoreError e = m_ledgers.keys->reserve(s.intake.hello.pid, uuid, true))
            return e;
    }
    QSqlQuery q(database());
    switch (d.action) {
    case HelloDecision::Action::Provision:
        if (!d.newPid.isEmpty()) {
            if (StoreError e = m_ledgers.keys->reserve(d.newPid, uuid, false))
                return e;
        }
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("UPDATE amt_systems SET state = ?, reason = '', profile_id = ?, "
                                                "assignment = ?, claimed_by = ?, claim_until_ms = ?, attempts = "
                                                "attempts + 1, name = ?, %1 WHERE uuid = ?")
                                         .arg(nextRevision()),
                                 {int(d.system.state), d.profile.id, text(d.system.assignment), s.intake.engineId,
                                  s.now.toMSecsSinceEpoch() + qint64(s.intake.leaseSeconds) * 1000, text(d.system.name),
                                  uuid}))
            return queryError(q);
        break;
    case HelloDecision::Action::AwaitAuthorization:
    case HelloDecision::Action::Rejected:
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("UPDATE amt_systems SET state = ?, reason = ?, name = ?, %1 WHERE uuid "
                                                "= ?")
                                         .arg(nextRevision()),
                                 {int(d.system.state), text(d.system.reason), text(d.system.name), uuid}))
            return queryError(q);
        break;
    case HelloDecision::Action::InFlight:
        if (d.system.name != s.system.name
            && !Sql::prepareAndExec(
                    q, QStringLiteral("UPDATE amt_systems SET name = ?, %1 WHERE uuid = ?").arg(nextRevision()),
                    {text(d.system.name), uuid}))
            return queryError(q);
        break;
    }
    return {};
}

StoreError SqlSystemLedger::finishProvisioning(const ProvisioningReport &report)
{
    const SecretBox *b = box();
    if (report.success && !b)
        return locked();
    Sql::Transaction t = transaction();
    if (t.failed())
        return t.error();
    if (StoreError e = m_ledgers.log->insertActions(report.actions))
        return e;
    const qint64 now = nowMs();
    const QString lastAction = report.actions.isEmpty() ? QString() : report.actions.last().step;
    QSqlQuery q(database());
    if (report.success) {
        if (!Sql::prepareAndExec(
                    q,
                    QStringLiteral("UPDATE amt_systems SET state = ?, reason = '', amt_version = ?, version_number "
                                   "= ?, fqdn = ?, name = "
                                   "CASE WHEN ? = '' THEN name ELSE ? END, admin_user = ?, admin_password = ?, new_pid "
                                   "= ?, provisioned_ms = ?, admin_password_ms = ?, pending_admin_password = NULL, "
                                   "tls_certificate_pem = ?, attempts = 0, claimed_by = NULL, claim_until_ms = NULL, "
                                   "last_action = ?, last_action_ms = ?, %1 WHERE uuid = ? AND claimed_by = ?")
                            .arg(nextRevision()),
                    {int(SystemState::Provisioned), text(report.amtVersion),
                     numberOrNull(amtVersionNumber(report.amtVersion)), text(report.fqdn), text(report.name),
                     text(report.name), text(report.adminUser),
                     b->seal(report.adminPassword.toUtf8(), report.uuid.toLatin1()), latin1(report.newPid), now, now,
                     report.tlsCertificatePem.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                        : QVariant(QString::fromLatin1(report.tlsCertificatePem)),
                     text(lastAction), now, report.uuid, report.engineId}))
            return queryError(q);
        if (q.numRowsAffected() != 1)
            return StoreError::make(StoreError::Kind::InvalidRequest,
                                    tr("The system %1 is no longer claimed by this engine (its lease ran out and "
                                       "another engine took it).")
                                            .arg(report.uuid));
        for (const QByteArray &pid : {report.pid, report.newPid}) {
            if (pid.isEmpty())
                continue;
            if (StoreError e = m_ledgers.keys->consume(pid, report.uuid, now))
                return e;
        }
    } else if (!Sql::prepareAndExec(q,
                                    QStringLiteral("UPDATE amt_systems SET state = ?, reason = ?, amt_version = CASE "
                                                   "WHEN ? = '' THEN amt_version ELSE ? END, version_number = "
                                                   "COALESCE(?, version_number), claimed_by = NULL, "
                                                   "claim_until_ms = NULL, last_action = ?, last_action_ms = ?, %1 "
                                                   "WHERE uuid = ? AND (claimed_by = ? OR claimed_by IS NULL)")
                                            .arg(nextRevision()),
                                    {int(SystemState::Failed), text(report.reason), text(report.amtVersion),
                                     text(report.amtVersion), numberOrNull(amtVersionNumber(report.amtVersion)),
                                     text(lastAction), now, report.uuid, report.engineId})) {
        return queryError(q);
    }
    if (StoreError e = notifyChanged(report.uuid))
        return e;
    return t.commit();
}

StoreResult<int> SqlSystemLedger::releaseClaims(const QString &engineId, const QString &reason)
{
    return execCount(QStringLiteral("UPDATE amt_systems SET state = ?, reason = ?, claimed_by = NULL, claim_until_ms = "
                                    "NULL, %1 WHERE claimed_by = ? AND state = ?")
                             .arg(nextRevision()),
                     {int(SystemState::Failed), text(reason), engineId, int(SystemState::Provisioning)});
}

QString SqlSystemLedger::sortExpression(SystemQuery::Sort sort) const
{
    // Text is compared byte by byte (SQLite's binary collation, PostgreSQL's "C"), lower case for
    // names, as SystemQuery::sortKey does in C++.
    const auto text = [this](const QString &column) {
        return isPostgreSql() ? column + QStringLiteral(" COLLATE \"C\"") : column;
    };
    const auto folded = [&](const QString &column) { return QStringLiteral("lower(%1)").arg(text(column)); };
    switch (sort) {
    case SystemQuery::Sort::LastHello:
        return QStringLiteral("COALESCE(s.last_hello_ms, 0)");
    case SystemQuery::Sort::Uuid:
        return text(QStringLiteral("s.uuid"));
    case SystemQuery::Sort::Name:
        return folded(QStringLiteral("s.name"));
    case SystemQuery::Sort::Fqdn:
        return folded(QStringLiteral("s.fqdn"));
    case SystemQuery::Sort::Address:
        return text(QStringLiteral("s.address"));
    case SystemQuery::Sort::Version:
        return text(QStringLiteral("s.amt_version"));
    case SystemQuery::Sort::State:
        return QStringLiteral("s.state");
    case SystemQuery::Sort::Profile:
        return folded(QStringLiteral("COALESCE(p.name, '')"));
    case SystemQuery::Sort::Pid:
        return text(QStringLiteral("s.pid"));
    case SystemQuery::Sort::LastAction:
        return QStringLiteral("COALESCE(s.last_action_ms, 0)");
    }
    return QStringLiteral("s.uuid");
}

QStringList SqlSystemLedger::filterClauses(const SystemFilter &filter, QVariantList *binds, StoreError *error) const
{
    QStringList where;
    if (!filter.states.isEmpty())
        where << Sql::inList(QStringLiteral("s.state"), filter.states, binds);
    if (!filter.text.isEmpty()) {
        const QString like = Sql::likePattern(filter.text);
        where << QStringLiteral("(s.uuid %1 ? ESCAPE '\\' OR s.fqdn %1 ? ESCAPE '\\' OR s.name %1 ? ESCAPE '\\' "
                                "OR s.address %1 ? ESCAPE '\\')")
                         .arg(Sql::likeOperator(dialect()));
        *binds << like << like << like << like;
    }
    if (!filter.uuids.isEmpty()) {
        QStringList marks;
        for (const QString &uuid : filter.uuids) {
            marks << QStringLiteral("?");
            *binds << uuid.toUpper();
        }
        where << QStringLiteral("s.uuid IN (%1)").arg(marks.join(u','));
    }
    if (filter.collectionId != 0) {
        const auto clause = m_ledgers.fleet->membershipClause(filter.collectionId, binds);
        if (!clause.ok())
            *error = clause.error;
        where << clause.value;
    }
    if (!filter.tag.isEmpty()) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM system_tags t WHERE t.uuid = s.uuid AND t.tag = ?)");
        *binds << filter.tag.trimmed();
    }
    return where;
}

StoreResult<QList<AmtSystem>> SqlSystemLedger::listSystems(const SystemFilter &filter)
{
    SystemQuery query;
    query.filter = filter;
    query.limit = filter.limit;
    return querySystems(query);
}

StoreResult<QList<AmtSystem>> SqlSystemLedger::querySystems(const SystemQuery &query)
{
    StoreResult<QList<AmtSystem>> r;
    QVariantList binds;
    QStringList where = filterClauses(query.filter, &binds, &r.error);
    if (r.error)
        return r;
    const QString key = sortExpression(query.sort);
    const QString uuid = sortExpression(SystemQuery::Sort::Uuid);
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    if (!query.afterUuid.isEmpty()) {
        // Keyset: after (key, uuid) in the order, on the same expressions the order uses.
        const QString beyond = query.descending ? QStringLiteral("<") : QStringLiteral(">");
        where << QStringLiteral("(%1 %2 ? OR (%1 = ? AND %3 %2 ?))").arg(key, beyond, uuid);
        const QVariant after = query.afterKey.typeId() == QMetaType::QByteArray
                ? QVariant(QString::fromUtf8(query.afterKey.toByteArray()))
                : query.afterKey;
        binds << after << after << query.afterUuid;
    }
    QString sql = QStringLiteral("SELECT %1 FROM %2").arg(QLatin1String(SystemColumns), QLatin1String(SystemFrom));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1 %2, %3 %2").arg(key, direction, uuid);
    if (query.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(q, sql, binds)) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value << readSystem(q);
    return r;
}

StoreResult<qint64> SqlSystemLedger::countSystems(const SystemFilter &filter)
{
    StoreResult<qint64> r;
    QVariantList binds;
    const QStringList where = filterClauses(filter, &binds, &r.error);
    if (r.error)
        return r;
    QString sql = QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(SystemFrom));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, sql, binds) || !q.next()) {
        r.error = queryError(q);
        return r;
    }
    r.value = q.value(0).toLongLong();
    return r;
}

StoreResult<QString> SqlSystemLedger::revealAdminPassword(const QString &uuid, const AuditActor &actor)
{
    StoreResult<QString> r;
    const auto system = systemCredentials(uuid);
    if (!system.ok()) {
        r.error = system.error;
        return r;
    }
    // In a transaction of its own, like every audit entry (see Sql::lockForAppend).
    Sql::Transaction t = transaction();
    StoreError e = t.error();
    if (!e)
        e = m_ledgers.log->insertAudit(
                actor, QStringLiteral("show"), 1, {},
                tr("Admin password of the Intel AMT system %1 %2").arg(system.value.uuid, system.value.fqdn));
    if (!e)
        e = t.commit();
    if (e)
        r.error = e;
    else
        r.value = system.value.adminPassword;
    return r;
}

StoreResult<QStringList> SqlSystemLedger::rotationDue(const QDateTime &passwordSetBefore)
{
    StoreResult<QStringList> r;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("SELECT s.uuid FROM amt_systems s WHERE s.state = ? AND s.admin_password IS "
                               "NOT NULL AND COALESCE(s.admin_password_ms, 0) <= ? AND NOT EXISTS (SELECT "
                               "1 FROM run_systems rs JOIN task_runs tr ON tr.id = rs.run_id WHERE "
                               "rs.uuid = s.uuid AND tr.operation = ? AND tr.state IN (?, ?) AND rs.state "
                               "IN (?, ?)) ORDER BY s.uuid"),
                {int(SystemState::Provisioned), passwordSetBefore.toMSecsSinceEpoch(),
                 int(Operation::RotateAdminPassword), int(RunState::Queued), int(RunState::Running),
                 int(RunSystemState::Pending), int(RunSystemState::Running)})) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value << q.value(0).toString();
    return r;
}

StoreResult<AmtSystem> SqlSystemLedger::systemCredentials(const QString &uuid)
{
    StoreResult<AmtSystem> r;
    const SecretBox *b = box();
    if (!b) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT %1, s.admin_password, s.tls_certificate_pem FROM %2 WHERE s.uuid "
                                            "= ?")
                                     .arg(QLatin1String(SystemColumns), QLatin1String(SystemFrom)),
                             {uuid.toUpper()})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("There is no Intel AMT system %1 in this database.").arg(uuid));
        return r;
    }
    r.value = readSystem(q);
    const QVariant sealed = q.value(AfterSystemColumns);
    if (sealed.isNull() || r.value.state != SystemState::Provisioned) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The system %1 was not provisioned by OOBM, so its admin credentials are not "
                                      "known here.")
                                           .arg(r.value.uuid));
        return r;
    }
    bool ok = false;
    r.value.adminPassword = QString::fromUtf8(b->open(sealed.toByteArray(), r.value.uuid.toLatin1(), &ok));
    r.value.tlsCertificatePem = q.value(AfterSystemColumns + 1).toString().toLatin1();
    if (!ok)
        r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                   tr("The admin password of %1 cannot be decrypted: it was changed outside OOBM or "
                                      "sealed with another data key.")
                                           .arg(r.value.uuid));
    return r;
}

StoreResult<int> SqlSystemLedger::setSystemsDialect(const QStringList &uuids, const QString &dialect)
{
    StoreResult<int> r;
    Amt::Dialect d = Amt::Dialect::Legacy;
    if (!dialect.isEmpty() && !Amt::dialectFromKey(dialect, &d)) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("'%1' is not a dialect: use legacy, wsman, or automatic.").arg(dialect));
        return r;
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery read(database()), write(database());
    if (!read.prepare(QStringLiteral("SELECT amt_version FROM amt_systems WHERE uuid = ?"))) {
        r.error = queryError(read);
        return r;
    }
    if (!write.prepare(QStringLiteral("UPDATE amt_systems SET dialect = ?, %1 WHERE uuid = ?").arg(nextRevision()))) {
        r.error = queryError(write);
        return r;
    }
    for (const QString &uuid : uuids) {
        read.addBindValue(uuid.toUpper());
        if (!read.exec()) {
            r.error = queryError(read);
            return r;
        }
        if (!read.next()) {
            r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                       tr("There is no Intel AMT system %1 in this database.").arg(uuid));
            return r;
        }
        const QString version = read.value(0).toString();
        read.finish();
        if (!dialect.isEmpty() && !Amt::speaksDialect(version, d)) {
            r.error = StoreError::make(
                    StoreError::Kind::InvalidRequest,
                    tr("%1 runs Intel AMT %2, which has no %3 interface (legacy SOAP ends with AMT 8.x; "
                       "WS-Management begins with 3.0). Nothing was changed.")
                            .arg(uuid.toUpper(), version, Amt::dialectName(d)));
            return r;
        }
        write.addBindValue(dialect.isEmpty() ? QStringLiteral("") : dialect.toLower()); // never NULL
        write.addBindValue(uuid.toUpper());
        if (!write.exec()) {
            r.error = queryError(write);
            return r;
        }
        r.value += write.numRowsAffected();
        if (StoreError e = notifyChanged(uuid.toUpper())) {
            r.error = e;
            return r;
        }
    }
    r.error = t.commit();
    return r;
}

StoreResult<int> SqlSystemLedger::authorizeSystems(const QStringList &uuids)
{
    StoreResult<int> r;
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery q(database());
    if (!q.prepare(QStringLiteral("UPDATE amt_systems SET authorized = 1, reason = CASE WHEN state = ? THEN ? ELSE "
                                  "reason END, %1 WHERE uuid = ?")
                           .arg(nextRevision()))) {
        r.error = queryError(q);
        return r;
    }
    for (const QString &uuid : uuids) {
        q.addBindValue(int(SystemState::AwaitingAuthorization));
        q.addBindValue(tr("Authorized; provisioned at its next hello."));
        q.addBindValue(uuid.toUpper());
        if (!q.exec()) {
            r.error = queryError(q);
            return r;
        }
        r.value += q.numRowsAffected();
        if (StoreError e = notifyChanged(uuid.toUpper())) {
            r.error = e;
            return r;
        }
    }
    r.error = t.commit();
    return r;
}

StoreResult<int> SqlSystemLedger::markSilentSystems(qint64 silentSinceMs)
{
    return execCount(
            QStringLiteral("UPDATE amt_systems SET state = ?, reason = ?, %1 WHERE state IN (?, ?) AND claimed_by IS "
                           "NULL AND last_hello_ms IS NOT NULL AND last_hello_ms < ?")
                    .arg(nextRevision()),
            {int(SystemState::HelloWindowExpired),
             tr("No hello since %1: the device's hello window has closed (mode 6, \"hello packet mode disabled\"). "
                "Delayed Provision asks its task agent to restart it; an AC power cycle or a partial unprovision in "
                "the MEBx does too.")
                     .arg(QDateTime::fromMSecsSinceEpoch(silentSinceMs, Qt::UTC).toString(Qt::ISODate)),
             int(SystemState::Failed), int(SystemState::AwaitingAuthorization), silentSinceMs});
}

StoreResult<int> SqlSystemLedger::setSystemsState(const QStringList &uuids, SystemState state, const QString &reason,
                                                  const QList<ActionRecord> &actions)
{
    StoreResult<int> r;
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    if (StoreError e = m_ledgers.log->insertActions(actions)) {
        r.error = e;
        return r;
    }
    QSqlQuery q(database());
    if (!q.prepare(
                QStringLiteral("UPDATE amt_systems SET state = ?, reason = ?, authorized = CASE WHEN ? = 1 THEN 0 ELSE "
                               "authorized END, last_action = ?, last_action_ms = ?, %1 WHERE uuid = ?")
                        .arg(nextRevision()))) {
        r.error = queryError(q);
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
            r.error = queryError(q);
            return r;
        }
        r.value += q.numRowsAffected();
        if (StoreError e = notifyChanged(uuid.toUpper())) {
            r.error = e;
            return r;
        }
    }
    r.error = t.commit();
    return r;
}

StoreResult<QList<HelloRecord>> SqlSystemLedger::listHellos(const QString &uuid, qint64 afterId, int limit)
{
    StoreResult<QList<HelloRecord>> r;
    QSqlQuery q(database());
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
        r.error = queryError(q);
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

StoreError SqlSystemLedger::setSystemOtp(const QString &uuid, const QString &otp)
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
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("INSERT INTO amt_systems (uuid, state, first_seen_ms, otp, revision) VALUES "
                               "(?, ?, ?, ?, %1) ON CONFLICT (uuid) DO UPDATE SET otp = excluded.otp, "
                               "revision = excluded.revision")
                        .arg(revisionValue()),
                {id, int(SystemState::AwaitingHello), nowMs(), b->seal(otp.toUtf8(), "otp:" + id.toLatin1())}))
        return queryError(q);
    return notifyChanged(id);
}

StoreResult<QStringList> SqlSystemLedger::changedSince(qint64 revision, int limit, qint64 *newest, bool *overflow)
{
    StoreResult<QStringList> r;
    *overflow = false;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT uuid, revision FROM amt_systems WHERE revision > ? ORDER BY "
                                            "revision LIMIT ?"),
                             {revision, limit + 1})) {
        r.error = queryError(q);
        return r;
    }
    *newest = revision;
    while (q.next()) {
        r.value << q.value(0).toString();
        *newest = qMax(*newest, q.value(1).toLongLong());
    }
    if (r.value.size() > limit) {
        *overflow = true;
        r.value.clear();
        QSqlQuery max(database());
        if (max.exec(QStringLiteral("SELECT MAX(revision) FROM amt_systems")) && max.next())
            *newest = max.value(0).toLongLong();
    }
    return r;
}

} // namespace Oobm::Core
