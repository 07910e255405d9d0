// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqllogledger.h"

#include "core/logging.h"
#include "core/store/sqlhelpers.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Oobm::Core {

namespace {

constexpr auto LogColumns = "log.id, log.time_ms, log.severity, log.source, log.device_uuid, "
                            "log.message, log.details";

// The trigram index finds substrings of three characters or more.
constexpr int MinFullTextLength = 3;

// An FTS5 phrase: the text as one quoted string, so operators in it are plain characters.
QString ftsPhrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

qint64 cutoffMs(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days).toMSecsSinceEpoch();
}

// Qt binds a null QString as SQL NULL; the NOT NULL text columns want ''.
QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// Read once, front to back.
bool bindAndExec(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    q.setForwardOnly(true);
    return Sql::prepareAndExec(q, sql, binds);
}

} // namespace

SqlLogLedger::SqlLogLedger(Context context, const QString &sqlitePath)
    : SqlLedger(std::move(context))
    , m_sqlitePath(sqlitePath)
{
    // What Schema::ensureFullText made: an FTS5 table (SQLite) or pg_trgm indexes (PostgreSQL).
    const auto hasFullText = [this](const QString &table) {
        QSqlQuery q(database());
        if (dialect() == Schema::Dialect::SQLite)
            q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = '%1_fts'").arg(table));
        else
            q.exec(QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = '%1_message_trgm'").arg(table));
        return q.next();
    };
    m_fullText = hasFullText(QStringLiteral("log"));
    if (!m_fullText)
        qCInfo(lcStore) << "no full-text index on the log; its text filter reads every entry";
    m_actionsFullText = hasFullText(QStringLiteral("actions"));
}

QString SqlLogLedger::likeOperator() const
{
    return Sql::likeOperator(dialect());
}

void SqlLogLedger::Selection::page(qint64 beforeId, qint64 afterId)
{
    if (beforeId > 0) {
        where << idColumn + QStringLiteral(" < ?");
        binds << beforeId;
    }
    if (afterId > 0) {
        where << idColumn + QStringLiteral(" > ?");
        binds << afterId;
    }
}

QString SqlLogLedger::Selection::sql(const QString &columns, const QString &tail) const
{
    QString sql = QStringLiteral("SELECT %1 FROM %2").arg(columns, from);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    return sql + tail;
}

QString SqlLogLedger::Selection::order(bool oldestFirst, int limit) const
{
    return QStringLiteral(" ORDER BY %1 %2 LIMIT %3")
            .arg(idColumn, oldestFirst ? QStringLiteral("ASC") : QStringLiteral("DESC"))
            .arg(limit);
}

bool SqlLogLedger::run(QSqlQuery &q, const Selection &s, const QString &sql, StoreError *error) const
{
    if (bindAndExec(q, sql, s.binds))
        return true;
    *error = mapError(q.lastError());
    return false;
}

void SqlLogLedger::addText(Selection &s, const QString &table, bool fullText, const QStringList &columns,
                           const QString &text) const
{
    if (text.isEmpty())
        return;
    if (dialect() == Schema::Dialect::SQLite && fullText && text.size() >= MinFullTextLength) {
        // The full-text table drives the join, newest first, so a page stops after its rows
        // instead of collecting every match.
        const QString fts = table + QStringLiteral("_fts");
        s.from = QStringLiteral("%1 CROSS JOIN %2 ON %2.id = %1.rowid").arg(fts, table);
        s.idColumn = fts + QStringLiteral(".rowid");
        s.where << fts + QStringLiteral(" MATCH ?");
        s.binds << ftsPhrase(text);
        return;
    }
    QStringList likes;
    for (const QString &column : columns) {
        likes << QStringLiteral("%1.%2 %3 ? ESCAPE '\\'").arg(table, column, likeOperator());
        s.binds << Sql::likePattern(text);
    }
    s.where << u'(' + likes.join(QStringLiteral(" OR ")) + u')';
}

void SqlLogLedger::addDevice(Selection &s, const QString &column, const QString &uuidOrFqdn)
{
    const QString device = uuidOrFqdn.trimmed();
    if (device.isEmpty())
        return;
    if (const QUuid uuid = QUuid::fromString(device); !uuid.isNull()) {
        s.where << column + QStringLiteral(" = ?");
        s.binds << uuid.toString(QUuid::WithoutBraces).toUpper();
    } else {
        s.where << column
                        + QStringLiteral(" IN (SELECT upper(uuid) FROM amt_systems WHERE "
                                         "lower(fqdn) = lower(?))");
        s.binds << device;
    }
}

void SqlLogLedger::addTimes(Selection &s, const QString &table, const QDateTime &since, const QDateTime &until)
{
    if (since.isValid()) {
        s.where << table + QStringLiteral(".time_ms >= ?");
        s.binds << since.toMSecsSinceEpoch();
    }
    if (until.isValid()) {
        s.where << table + QStringLiteral(".time_ms <= ?");
        s.binds << until.toMSecsSinceEpoch();
    }
}

SqlLogLedger::Selection SqlLogLedger::logSelection(const LogFilter &f, bool withSeverities) const
{
    Selection s;
    s.from = QStringLiteral("log");
    s.idColumn = QStringLiteral("log.id");
    addText(s, QStringLiteral("log"), m_fullText, {QStringLiteral("message"), QStringLiteral("details")},
            f.text.trimmed());
    if (withSeverities && !f.severities.isEmpty())
        s.where << Sql::inList(QStringLiteral("log.severity"), f.severities, &s.binds);
    if (!f.source.isEmpty()) {
        s.where << QStringLiteral("log.source = ?");
        s.binds << f.source;
    }
    addDevice(s, QStringLiteral("log.device_uuid"), f.deviceUuid);
    addTimes(s, QStringLiteral("log"), f.since, f.until);
    return s;
}

StoreResult<QList<LogEntry>> SqlLogLedger::query(const LogQuery &query)
{
    StoreResult<QList<LogEntry>> r;
    Selection s = logSelection(query.filter, true);
    s.page(query.beforeId, query.afterId);
    QSqlQuery q(database());
    if (!run(q, s, s.sql(QLatin1String(LogColumns), s.order(query.oldestFirst, qMax(1, query.limit))), &r.error))
        return r;
    while (q.next()) {
        LogEntry e;
        e.id = q.value(0).toLongLong();
        e.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        const int sev = q.value(2).toInt();
        e.severity = sev >= int(Severity::Error) && sev <= int(Severity::Debug) ? Severity(sev) : Severity::Debug;
        e.source = q.value(3).toString();
        e.deviceUuid = q.value(4).toString();
        e.message = q.value(5).toString();
        e.details = q.value(6).toString();
        r.value.append(e);
    }
    return r;
}

StoreResult<CategoryCounts> SqlLogLedger::count(const LogFilter &filter)
{
    StoreResult<CategoryCounts> r;
    const Selection s = logSelection(filter, false);
    QSqlQuery q(database());
    if (!run(q, s, s.sql(QStringLiteral("log.severity, count(*)"), QStringLiteral(" GROUP BY log.severity")), &r.error))
        return r;
    while (q.next()) {
        const int sev = q.value(0).toInt();
        if (sev >= int(Severity::Error) && sev <= int(Severity::Debug))
            r.value.add(sev, q.value(1).toLongLong());
    }
    return r;
}

SqlLogLedger::Selection SqlLogLedger::auditSelection(const AuditQuery &query, bool withActions) const
{
    Selection s;
    s.from = QStringLiteral("security_audit");
    s.idColumn = QStringLiteral("security_audit.id");
    if (withActions && !query.actions.isEmpty()) {
        QStringList marks;
        for (const QString &a : query.actions) {
            marks << QStringLiteral("?");
            s.binds << a.toLower();
        }
        s.where << QStringLiteral("lower(action) IN (%1)").arg(marks.join(u','));
    }
    addText(s, QStringLiteral("security_audit"), false,
            {QStringLiteral("user_name"), QStringLiteral("host"), QStringLiteral("file"), QStringLiteral("details")},
            query.text.trimmed());
    addTimes(s, QStringLiteral("security_audit"), query.since, query.until);
    return s;
}

SqlLogLedger::Selection SqlLogLedger::actionSelection(const ActionFilter &f, bool withResults) const
{
    Selection s;
    s.from = QStringLiteral("actions");
    s.idColumn = QStringLiteral("actions.id");
    addText(s, QStringLiteral("actions"), m_actionsFullText, {QStringLiteral("message"), QStringLiteral("status")},
            f.text.trimmed());
    addDevice(s, QStringLiteral("actions.uuid"), f.uuid);
    if (!f.step.isEmpty()) {
        s.where << QStringLiteral("actions.step = ?");
        s.binds << f.step;
    }
    if (withResults && !f.results.isEmpty())
        s.where << Sql::inList(QStringLiteral("actions.result"), f.results, &s.binds);
    addTimes(s, QStringLiteral("actions"), f.since, f.until);
    return s;
}

StoreResult<QList<ActionRecord>> SqlLogLedger::queryActions(const ActionFilter &filter)
{
    StoreResult<QList<ActionRecord>> r;
    Selection s = actionSelection(filter, true);
    s.page(filter.beforeId, filter.afterId);
    QSqlQuery q(database());
    if (!run(q, s,
             s.sql(QStringLiteral("actions.id, actions.time_ms, actions.uuid, actions.step, "
                                  "actions.result, actions.duration_ms, actions.status, "
                                  "actions.message, actions.attempt"),
                   s.order(filter.oldestFirst, filter.limit > 0 ? filter.limit : 1000)),
             &r.error))
        return r;
    while (q.next()) {
        ActionRecord a;
        a.id = q.value(0).toLongLong();
        a.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        a.uuid = q.value(2).toString();
        a.step = q.value(3).toString();
        const int result = q.value(4).toInt();
        a.result = result >= 0 && result <= int(ActionRecord::Result::Skipped) ? ActionRecord::Result(result)
                                                                               : ActionRecord::Result::Failed;
        a.durationMs = q.value(5).toInt();
        a.status = q.value(6).toString();
        a.message = q.value(7).toString();
        a.attempt = q.value(8).toInt();
        r.value << a;
    }
    return r;
}

StoreResult<CategoryCounts> SqlLogLedger::countActions(const ActionFilter &filter)
{
    StoreResult<CategoryCounts> r;
    const Selection s = actionSelection(filter, false);
    QSqlQuery q(database());
    if (!run(q, s, s.sql(QStringLiteral("actions.result, count(*)"), QStringLiteral(" GROUP BY actions.result")),
             &r.error))
        return r;
    while (q.next())
        r.value.add(q.value(0).toInt(), q.value(1).toLongLong());
    return r;
}

StoreResult<QList<AuditEntry>> SqlLogLedger::queryAudit(const AuditQuery &query)
{
    StoreResult<QList<AuditEntry>> r;
    Selection s = auditSelection(query, true);
    s.page(query.beforeId, query.afterId);
    QSqlQuery q(database());
    if (!run(q, s,
             s.sql(QStringLiteral("id, time_ms, user_name, host, action, count, file, details"),
                   s.order(query.oldestFirst, qMax(1, query.limit))),
             &r.error))
        return r;
    while (q.next()) {
        r.value.append({q.value(0).toLongLong(), QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC),
                        q.value(2).toString(), q.value(3).toString(), q.value(4).toString(), q.value(5).toInt(),
                        q.value(6).toString(), q.value(7).toString()});
    }
    return r;
}

StoreResult<CategoryCounts> SqlLogLedger::countAudit(const AuditQuery &query)
{
    StoreResult<CategoryCounts> r;
    const Selection s = auditSelection(query, false);
    QSqlQuery q(database());
    if (!run(q, s, s.sql(QStringLiteral("lower(action), count(*)"), QStringLiteral(" GROUP BY lower(action)")),
             &r.error))
        return r;
    while (q.next()) {
        if (const qsizetype i = auditActions().indexOf(q.value(0).toString()); i >= 0)
            r.value.add(int(i), q.value(1).toLongLong());
    }
    return r;
}

qint64 SqlLogLedger::deleteBatched(const QString &table, const QString &condition, const QVariant &bind,
                                   StoreError *error)
{
    const QString sql = QStringLiteral("DELETE FROM %1 WHERE id IN (SELECT id FROM %1 WHERE %2 "
                                       "LIMIT %3)")
                                .arg(table, condition)
                                .arg(PurgeBatch);
    qint64 total = 0;
    for (;;) {
        Sql::Transaction t = transaction();
        if (t.failed()) {
            *error = t.error();
            return total;
        }
        QSqlQuery q(database());
        if (!bindAndExec(q, sql, {bind})) {
            *error = queryError(q);
            return total;
        }
        const int removed = q.numRowsAffected();
        if ((*error = t.commit()))
            return total;
        total += qMax(0, removed);
        if (removed < PurgeBatch)
            return total;
    }
}

qint64 SqlLogLedger::keepNewest(const QString &table, qint64 maxEntries, StoreError *error)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    // The newest entry beyond the limit: it and everything older go.
    if (!q.exec(QStringLiteral("SELECT id FROM %1 ORDER BY id DESC LIMIT 1 OFFSET %2").arg(table).arg(maxEntries))) {
        *error = mapError(q.lastError());
        return 0;
    }
    if (!q.next())
        return 0;
    const qint64 threshold = q.value(0).toLongLong();
    q.finish();
    return deleteBatched(table, QStringLiteral("id <= ?"), threshold, error);
}

StoreResult<PurgeReport> SqlLogLedger::purge(const RetentionPolicy &policy)
{
    StoreResult<PurgeReport> r;
    StoreError &e = r.error;
    const QString older = QStringLiteral("time_ms < ?");
    if (policy.logDays > 0 && !e)
        r.value.log += deleteBatched(QStringLiteral("log"), older, cutoffMs(policy.logDays), &e);
    if (policy.logMaxEntries > 0 && !e)
        r.value.log += keepNewest(QStringLiteral("log"), policy.logMaxEntries, &e);
    if (policy.actionsDays > 0 && !e)
        r.value.actions += deleteBatched(QStringLiteral("actions"), older, cutoffMs(policy.actionsDays), &e);
    if (policy.actionsMaxEntries > 0 && !e)
        r.value.actions += keepNewest(QStringLiteral("actions"), policy.actionsMaxEntries, &e);
    // The Security Audit only by its own rule, never by the others' limits.
    // The Security Audit's own rule never goes below its minimum, whoever asks.
    if (policy.auditDays > 0 && !e)
        r.value.audit += deleteBatched(QStringLiteral("security_audit"), older,
                                       cutoffMs(qMax(policy.auditDays, ServiceSettings::MinAuditRetentionDays)), &e);
    if (r.value.total() > 0)
        qCInfo(lcStore) << "purged" << r.value.log << "log entries," << r.value.actions << "steps," << r.value.audit
                        << "audit entries";
    return r;
}

qint64 SqlLogLedger::scalar(const QString &sql, StoreError *error)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        if (!*error)
            *error = mapError(q.lastError());
        return 0;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

StoreResult<StoreStats> SqlLogLedger::stats()
{
    StoreResult<StoreStats> r;
    StoreError &e = r.error;
    if (dialect() == Schema::Dialect::SQLite) {
        r.value.bytes = scalar(QStringLiteral("PRAGMA page_count"), &e)
                * scalar(QStringLiteral("PRAGMA page_size"), &e);
        const QFileInfo wal(m_sqlitePath + QStringLiteral("-wal"));
        if (wal.exists())
            r.value.bytes += wal.size();
    } else {
        r.value.bytes = scalar(QStringLiteral("SELECT pg_database_size(current_database())"), &e);
    }
    r.value.logEntries = scalar(QStringLiteral("SELECT count(*) FROM log"), &e);
    r.value.actions = scalar(QStringLiteral("SELECT count(*) FROM actions"), &e);
    r.value.auditEntries = scalar(QStringLiteral("SELECT count(*) FROM security_audit"), &e);
    r.value.fullTextIndex = m_fullText && m_actionsFullText;
    return r;
}

StoreResult<StoreStats> SqlLogLedger::vacuum()
{
    QSqlQuery q(database());
    QStringList statements;
    if (dialect() == Schema::Dialect::SQLite) {
        if (m_fullText)
            statements << QStringLiteral("INSERT INTO log_fts (log_fts) VALUES ('optimize')");
        if (m_actionsFullText)
            statements << QStringLiteral("INSERT INTO actions_fts (actions_fts) VALUES ('optimize')");
        statements << QStringLiteral("VACUUM") << QStringLiteral("ANALYZE")
                   << QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)");
    } else {
        statements << QStringLiteral("VACUUM (ANALYZE)");
    }
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql)) {
            StoreResult<StoreStats> r;
            r.error = mapError(q.lastError());
            return r;
        }
    }
    return stats();
}

StoreError SqlLogLedger::append(const QList<LogEntry> &entries, qint64 *newestId)
{
    if (entries.isEmpty())
        return {};
    Sql::Transaction t = transaction();
    if (t.failed())
        return t.error();
    if (StoreError e = insertEntries(entries))
        return e;
    QSqlQuery newest(database());
    if (newest.exec(QStringLiteral("SELECT MAX(id) FROM log")) && newest.next())
        *newestId = newest.value(0).toLongLong();
    return t.commit();
}

StoreError SqlLogLedger::insertEntries(const QList<LogEntry> &entries)
{
    if (entries.isEmpty())
        return {};
    if (QSqlError e; !Sql::lockForAppend(m_context.connectionName, dialect(), Sql::AppendTable::Log, &e))
        return mapError(e);
    QSqlQuery insert(database());
    // PostgreSQL prepares on the server: a locked table fails here already, and executing the
    // failed statement would only say "syntax error".
    if (!insert.prepare(QStringLiteral("INSERT INTO log (time_ms, severity, source, device_uuid, message, details) "
                                       "VALUES (?, ?, ?, ?, ?, ?)")))
        return queryError(insert);
    for (const LogEntry &e : entries) {
        insert.addBindValue(e.time.toMSecsSinceEpoch());
        insert.addBindValue(int(e.severity));
        insert.addBindValue(notNull(e.source));
        insert.addBindValue(e.deviceUuid.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                   : QVariant(e.deviceUuid.toUpper()));
        insert.addBindValue(notNull(e.message));
        insert.addBindValue(notNull(e.details));
        if (!insert.exec())
            return queryError(insert);
    }
    return {};
}

StoreError SqlLogLedger::insertActions(const QList<ActionRecord> &actions)
{
    if (actions.isEmpty())
        return {};
    if (QSqlError e; !Sql::lockForAppend(m_context.connectionName, dialect(), Sql::AppendTable::Actions, &e))
        return mapError(e);
    QSqlQuery q(database());
    if (!q.prepare(QStringLiteral("INSERT INTO actions (time_ms, uuid, step, result, duration_ms, status, message, "
                                  "attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
        return queryError(q);
    for (const ActionRecord &a : actions) {
        q.addBindValue(a.time.isValid() ? a.time.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(notNull(a.uuid));
        q.addBindValue(notNull(a.step));
        q.addBindValue(int(a.result));
        q.addBindValue(a.durationMs);
        q.addBindValue(notNull(a.status));
        q.addBindValue(notNull(a.message));
        q.addBindValue(a.attempt);
        if (!q.exec())
            return queryError(q);
    }
    return {};
}

StoreError SqlLogLedger::insertAudit(const AuditActor &actor, const QString &action, int count, const QString &file,
                                     const QString &details)
{
    if (QSqlError e; !Sql::lockForAppend(m_context.connectionName, dialect(), Sql::AppendTable::Audit, &e))
        return mapError(e);
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO security_audit (time_ms, user_name, host, action, count, "
                                            "file, details) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                             {QDateTime::currentMSecsSinceEpoch(),
                              actor.user.isEmpty() ? QStringLiteral("unknown") : actor.user,
                              actor.host.isEmpty() ? QStringLiteral("unknown") : actor.host, action, count,
                              notNull(file), notNull(details)}))
        return queryError(q);
    return {};
}

} // namespace Oobm::Core
