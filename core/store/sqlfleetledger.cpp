// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlfleetledger.h"

#include "core/provisioning/ipv4range.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::SqlFleetLedger", text);
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

StoreError invalid(const QString &message)
{
    return StoreError::make(StoreError::Kind::InvalidRequest, message);
}

// A wildcard pattern ("*.lab.example.com") as a LIKE pattern, LIKE's own wildcards escaped.
QString likeFromWildcard(const QString &pattern)
{
    QString like;
    for (QChar c : pattern.toLower()) {
        if (c == u'\\' || c == u'%' || c == u'_')
            like += u'\\';
        like += c == u'*' ? QChar(u'%') : c == u'?' ? QChar(u'_') : c;
    }
    return like;
}

Collection readCollection(const QSqlQuery &q)
{
    Collection c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.description = q.value(2).toString();
    c.kind = Collection::Kind(q.value(3).toInt());
    c.rule = CollectionRule::fromJson(q.value(4).toString().toUtf8());
    c.createdBy = q.value(5).toString();
    c.changed = fromMs(q.value(6));
    return c;
}

constexpr char CollectionColumns[] = "id, name, description, kind, rule, created_by, changed_ms";

} // namespace

QString SqlFleetLedger::ruleClause(const CollectionRule &rule, const QDateTime &now, Schema::Dialect dialect,
                                   QVariantList *binds)
{
    QStringList where;
    if (!rule.states.isEmpty())
        where << Sql::inList(QStringLiteral("s.state"), rule.states, binds);
    if (const qint64 min = amtVersionNumber(rule.minVersion); !rule.minVersion.isEmpty() && min >= 0) {
        where << QStringLiteral("s.version_number >= ?");
        *binds << min;
    }
    if (const qint64 max = amtVersionNumber(rule.maxVersion); !rule.maxVersion.isEmpty() && max >= 0) {
        // "3.2" covers 3.2.x.
        const qint64 top = rule.maxVersion.count(u'.') >= 2 ? max
                : rule.maxVersion.count(u'.') == 1          ? max + 999
                                                            : max + 999999;
        where << QStringLiteral("s.version_number <= ?");
        *binds << top;
    }
    if (rule.profileId > 0) {
        where << QStringLiteral("s.profile_id = ?");
        *binds << rule.profileId;
    }
    if (!rule.fqdnPattern.isEmpty()) {
        // ESCAPE '\': one character in SQL (a backslash in a string literal is itself there).
        where << QStringLiteral("(lower(s.fqdn) LIKE ? ESCAPE '\\' OR lower(s.name) LIKE ? ESCAPE '\\')");
        *binds << likeFromWildcard(rule.fqdnPattern) << likeFromWildcard(rule.fqdnPattern);
    }
    if (Ipv4Range range; !rule.ipRange.isEmpty() && Ipv4Range::parse(rule.ipRange, &range)) {
        where << QStringLiteral("s.address_v4 BETWEEN ? AND ?");
        *binds << qint64(range.first) << qint64(range.last);
    }
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (rule.helloOlderThanHours > 0) {
        where << QStringLiteral("(s.last_hello_ms IS NULL OR s.last_hello_ms < ?)");
        *binds << nowMs - qint64(rule.helloOlderThanHours) * 3600 * 1000;
    }
    if (rule.helloNewerThanHours > 0) {
        where << QStringLiteral("s.last_hello_ms >= ?");
        *binds << nowMs - qint64(rule.helloNewerThanHours) * 3600 * 1000;
    }
    if (rule.taskOutcome != CollectionRule::TaskOutcome::Any) {
        where << QStringLiteral("s.last_task_result = ?");
        *binds << int(rule.taskOutcome == CollectionRule::TaskOutcome::LastFailed ? 3 : 2); // RunSystemState
    }
    if (!rule.tag.isEmpty()) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM system_tags t WHERE t.uuid = s.uuid AND t.tag = ?)");
        *binds << rule.tag.trimmed();
    }
    Q_UNUSED(dialect)
    return where.isEmpty() ? QStringLiteral("1 = 1") : QStringLiteral("(") + where.join(QStringLiteral(" AND ")) + u')';
}

StoreResult<QString> SqlFleetLedger::membershipClause(qint64 collectionId, QVariantList *binds)
{
    StoreResult<QString> r;
    const auto c = collection(collectionId, false);
    if (!c.ok()) {
        r.error = c.error;
        return r;
    }
    if (c.value.kind == Collection::Kind::Static) {
        r.value = QStringLiteral("s.uuid IN (SELECT m.uuid FROM collection_members m WHERE m.collection_id = ?)");
        *binds << c.value.id;
    } else {
        r.value = ruleClause(c.value.rule, QDateTime::currentDateTimeUtc(), dialect(), binds);
    }
    return r;
}

StoreResult<qint64> SqlFleetLedger::countMembers(const Collection &c)
{
    StoreResult<qint64> r;
    QVariantList binds;
    QString sql;
    if (c.kind == Collection::Kind::Static) {
        sql = QStringLiteral("SELECT COUNT(*) FROM collection_members m JOIN amt_systems s ON s.uuid = m.uuid WHERE "
                             "m.collection_id = ?");
        binds << c.id;
    } else {
        sql = QStringLiteral("SELECT COUNT(*) FROM amt_systems s WHERE ")
                + ruleClause(c.rule, QDateTime::currentDateTimeUtc(), dialect(), &binds);
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, sql, binds) || !q.next()) {
        r.error = queryError(q);
        return r;
    }
    r.value = q.value(0).toLongLong();
    return r;
}

StoreResult<QList<Collection>> SqlFleetLedger::listCollections(bool withCounts)
{
    StoreResult<QList<Collection>> r;
    r.value = Collection::builtIns();
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT %1 FROM collections ORDER BY name").arg(QLatin1String(CollectionColumns)))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value << readCollection(q);
    if (!withCounts)
        return r;
    for (Collection &c : r.value) {
        const auto count = countMembers(c);
        if (!count.ok()) {
            r.error = count.error;
            return r;
        }
        c.memberCount = count.value;
    }
    return r;
}

StoreResult<Collection> SqlFleetLedger::collection(qint64 id, bool withMembers)
{
    StoreResult<Collection> r;
    if (id < 0) {
        for (const Collection &c : Collection::builtIns()) {
            if (c.id == id)
                r.value = c;
        }
        if (r.value.id == 0)
            r.error = invalid(tr("There is no built-in collection %1.").arg(id));
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(
                q, QStringLiteral("SELECT %1 FROM collections WHERE id = ?").arg(QLatin1String(CollectionColumns)),
                {id})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        r.error = invalid(tr("There is no collection %1 (any more): choose another.").arg(id));
        return r;
    }
    r.value = readCollection(q);
    if (withMembers && r.value.kind == Collection::Kind::Static) {
        if (!Sql::prepareAndExec(
                    q, QStringLiteral("SELECT uuid FROM collection_members WHERE collection_id = ? ORDER BY uuid"),
                    {id})) {
            r.error = queryError(q);
            return r;
        }
        while (q.next())
            r.value.members << q.value(0).toString();
    }
    return r;
}

StoreResult<qint64> SqlFleetLedger::saveCollection(const Collection &c)
{
    StoreResult<qint64> r;
    if (const QString problem = c.problem(); !problem.isEmpty()) {
        r.error = invalid(problem);
        return r;
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM collections WHERE name = ? AND id <> ?"),
                             {c.name.trimmed(), c.id})) {
        r.error = queryError(q);
        return r;
    }
    bool builtInName = false;
    for (const Collection &b : Collection::builtIns())
        builtInName |= b.name.compare(c.name.trimmed(), Qt::CaseInsensitive) == 0;
    if (q.next() || builtInName) {
        r.error = invalid(tr("There is already a collection named %1; choose another name.").arg(c.name.trimmed()));
        return r;
    }
    const QVariantList binds{c.name.trimmed(),
                             c.description.isNull() ? QStringLiteral("") : c.description,
                             int(c.kind),
                             QString::fromUtf8(c.rule.toJson()),
                             c.createdBy.isNull() ? QStringLiteral("") : c.createdBy,
                             QDateTime::currentMSecsSinceEpoch()};
    if (c.id > 0) {
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("UPDATE collections SET name = ?, description = ?, kind = ?, rule = ?, "
                                                "created_by = ?, changed_ms = ? WHERE id = ?"),
                                 binds + QVariantList{c.id})) {
            r.error = queryError(q);
            return r;
        }
        if (q.numRowsAffected() != 1) {
            r.error = invalid(tr("The collection was deleted meanwhile."));
            return r;
        }
        r.value = c.id;
    } else {
        if (!Sql::prepareAndExec(q,
                                 QStringLiteral("INSERT INTO collections (name, description, kind, rule, created_by, "
                                                "changed_ms) VALUES (?, ?, ?, ?, ?, ?)"),
                                 binds)) {
            r.error = queryError(q);
            return r;
        }
        if (!Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM collections WHERE name = ?"), {c.name.trimmed()})
            || !q.next()) {
            r.error = queryError(q);
            return r;
        }
        r.value = q.value(0).toLongLong();
    }
    if (c.kind == Collection::Kind::Static && (!c.members.isEmpty() || c.id <= 0)) {
        const auto members = resolveSystems(c.members);
        if (!members.ok()) {
            r.error = members.error;
            return r;
        }
        if (!Sql::prepareAndExec(q, QStringLiteral("DELETE FROM collection_members WHERE collection_id = ?"), {r.value})
            || !q.prepare(QStringLiteral("INSERT INTO collection_members (collection_id, uuid) VALUES (?, ?)"))) {
            r.error = queryError(q);
            return r;
        }
        for (const QString &uuid : members.value) {
            q.addBindValue(r.value);
            q.addBindValue(uuid);
            if (!q.exec()) {
                r.error = queryError(q);
                return r;
            }
        }
    }
    r.error = t.commit();
    return r;
}

StoreResult<int> SqlFleetLedger::deleteCollection(qint64 id)
{
    StoreResult<int> r;
    if (id < 0) {
        r.error = invalid(tr("Built-in collections cannot be deleted."));
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT name FROM tasks WHERE target_collection = ? ORDER BY name"),
                             {id})) {
        r.error = queryError(q);
        return r;
    }
    QStringList tasks;
    while (q.next())
        tasks << q.value(0).toString();
    if (!tasks.isEmpty()) {
        r.error = invalid(tr("The collection is the target of the tasks %1; give them another target first.")
                                  .arg(tasks.join(QStringLiteral(", "))));
        return r;
    }
    return execCount(QStringLiteral("DELETE FROM collections WHERE id = ?"), {id});
}

StoreResult<QStringList> SqlFleetLedger::resolveSystems(const QStringList &names)
{
    StoreResult<QStringList> r;
    QStringList unknown;
    QSet<QString> seen;
    QSqlQuery q(database());
    if (!q.prepare(QStringLiteral("SELECT uuid FROM amt_systems WHERE uuid = ? OR lower(fqdn) = ? OR lower(name) = ?")))
        r.error = queryError(q);
    for (const QString &raw : names) {
        const QString name = raw.trimmed();
        if (name.isEmpty() || r.error)
            continue;
        const QString asUuid = QUuid::fromString(name).isNull() ? name : name.toUpper();
        q.addBindValue(asUuid);
        q.addBindValue(name.toLower());
        q.addBindValue(name.toLower());
        if (!q.exec()) {
            r.error = queryError(q);
            return r;
        }
        if (!q.next()) {
            unknown << name;
            continue;
        }
        const QString uuid = q.value(0).toString();
        if (!seen.contains(uuid))
            r.value << uuid;
        seen.insert(uuid);
    }
    if (!unknown.isEmpty() && !r.error)
        r.error = invalid(
                tr("No Intel AMT system has the UUID, FQDN or name %1: check the list (nothing was changed).")
                        .arg(unknown.mid(0, 10).join(QStringLiteral(", "))
                             + (unknown.size() > 10 ? tr(" and %1 more").arg(unknown.size() - 10) : QString())));
    return r;
}

StoreResult<int> SqlFleetLedger::changeMembers(qint64 id, const QStringList &systems, MemberChange change)
{
    StoreResult<int> r;
    const auto c = collection(id, false);
    if (!c.ok()) {
        r.error = c.error;
        return r;
    }
    if (c.value.kind != Collection::Kind::Static) {
        r.error = invalid(tr("The collection %1 is dynamic: its rule chooses its members. Change the rule, or copy it "
                             "into a static collection.")
                                  .arg(c.value.name));
        return r;
    }
    const auto uuids = resolveSystems(systems);
    if (!uuids.ok()) {
        r.error = uuids.error;
        return r;
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery q(database());
    if (change == MemberChange::Replace
        && !Sql::prepareAndExec(q, QStringLiteral("DELETE FROM collection_members WHERE collection_id = ?"), {id})) {
        r.error = queryError(q);
        return r;
    }
    const QString sql = change == MemberChange::Remove
            ? QStringLiteral("DELETE FROM collection_members WHERE collection_id = ? AND uuid = ?")
            : QStringLiteral(
                    "INSERT INTO collection_members (collection_id, uuid) VALUES (?, ?) ON CONFLICT DO NOTHING");
    if (!q.prepare(sql)) {
        r.error = queryError(q);
        return r;
    }
    for (const QString &uuid : uuids.value) {
        q.addBindValue(id);
        q.addBindValue(uuid);
        if (!q.exec()) {
            r.error = queryError(q);
            return r;
        }
        r.value += qMax(0, q.numRowsAffected());
    }
    if (!Sql::prepareAndExec(q, QStringLiteral("UPDATE collections SET changed_ms = ? WHERE id = ?"),
                             {QDateTime::currentMSecsSinceEpoch(), id})) {
        r.error = queryError(q);
        return r;
    }
    r.error = t.commit();
    return r;
}

StoreResult<int> SqlFleetLedger::tagSystems(const QStringList &uuids, const QStringList &add, const QStringList &remove)
{
    StoreResult<int> r;
    for (const QString &tag : add + remove) {
        if (tag.trimmed().isEmpty() || tag.contains(u',')) {
            r.error = invalid(tr("'%1' is not a tag: a tag is a word or a few, without commas.").arg(tag));
            return r;
        }
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery insert(database()), drop(database());
    if (!insert.prepare(QStringLiteral("INSERT INTO system_tags (uuid, tag) SELECT uuid, ? FROM amt_systems WHERE uuid "
                                       "= ? ON CONFLICT DO NOTHING"))) {
        r.error = queryError(insert);
        return r;
    }
    if (!drop.prepare(QStringLiteral("DELETE FROM system_tags WHERE uuid = ? AND tag = ?"))) {
        r.error = queryError(drop);
        return r;
    }
    for (const QString &uuid : uuids) {
        for (const QString &tag : add) {
            insert.addBindValue(tag.trimmed());
            insert.addBindValue(uuid.toUpper());
            if (!insert.exec()) {
                r.error = queryError(insert);
                return r;
            }
            r.value += qMax(0, insert.numRowsAffected());
        }
        for (const QString &tag : remove) {
            drop.addBindValue(uuid.toUpper());
            drop.addBindValue(tag.trimmed());
            if (!drop.exec()) {
                r.error = queryError(drop);
                return r;
            }
            r.value += qMax(0, drop.numRowsAffected());
        }
    }
    r.error = t.commit();
    return r;
}

StoreResult<QList<TagCount>> SqlFleetLedger::listTags()
{
    StoreResult<QList<TagCount>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT tag, COUNT(*) FROM system_tags GROUP BY tag ORDER BY tag"))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value.append({q.value(0).toString(), q.value(1).toLongLong()});
    return r;
}

} // namespace Oobm::Core
