// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/logfilter.h"
#include "core/log/retention.h"
#include "core/provisioning/actionrecord.h"
#include "core/store/sqlledger.h"

#include <QStringList>
#include <QVariantList>

class QSqlError;
class QSqlQuery;

namespace Oobm::Core {

// The logs' SQL, on the store thread: filtered, keyset-paged reads of the Log and the Actions
// Status (on full-text indexes when there are) and of the Security Audit, counts per category, retention purges in
// small transactions, the store's size, vacuum and analyze.
class SqlLogLedger final : public SqlLedger
{
public:
    static constexpr int PurgeBatch = 5000; // rows per delete transaction

    // sqlitePath: the database file, for its size (empty on PostgreSQL).
    SqlLogLedger(Context context, const QString &sqlitePath);

    // Appends entries in a transaction of their own; *newestId is the newest id after it.
    StoreError append(const QList<LogEntry> &entries, qint64 *newestId);
    // Inside the caller's transaction: log entries, provisioning steps, a Security Audit entry.
    // Each takes its table's append lock first (Sql::lockForAppend), so ids become visible in
    // order on PostgreSQL too.
    StoreError insertEntries(const QList<LogEntry> &entries);
    StoreError insertActions(const QList<ActionRecord> &actions);
    StoreError insertAudit(const AuditActor &actor, const QString &action, int count, const QString &file,
                           const QString &details);

    bool hasFullTextIndex() const { return m_fullText; }

    StoreResult<QList<LogEntry>> query(const LogQuery &query);
    StoreResult<CategoryCounts> count(const LogFilter &filter);
    // Logs > Actions Status: the steps, filtered (the text on the full-text index when there
    // is one), newest first; counts per result, the filter's results ignored.
    StoreResult<QList<ActionRecord>> queryActions(const ActionFilter &filter);
    StoreResult<CategoryCounts> countActions(const ActionFilter &filter);
    StoreResult<QList<AuditEntry>> queryAudit(const AuditQuery &query);
    // Entries per action (the index in auditActions()), the query's actions ignored.
    StoreResult<CategoryCounts> countAudit(const AuditQuery &query);
    StoreResult<PurgeReport> purge(const RetentionPolicy &policy);
    StoreResult<StoreStats> stats();
    StoreResult<StoreStats> vacuum();

private:
    // FROM, WHERE and binds for the entries a filter selects; idColumn is what to page on.
    struct Selection
    {
        QString from;
        QString idColumn;
        QStringList where;
        QVariantList binds;

        // Keyset paging: older than beforeId, newer than afterId (0: no bound).
        void page(qint64 beforeId, qint64 afterId);
        // "SELECT columns FROM ... WHERE ...", then tail.
        QString sql(const QString &columns, const QString &tail) const;
        // " ORDER BY idColumn ... LIMIT limit": newest first unless oldestFirst.
        QString order(bool oldestFirst, int limit) const;
    };
    // Runs sql with the selection's binds; false with *error set when it fails.
    bool run(QSqlQuery &q, const Selection &s, const QString &sql, StoreError *error) const;
    // Text (without case) in columns of table: on its FTS5 table when fullText (SQLite, from
    // three characters on), otherwise LIKE/ILIKE (pg_trgm serves those on PostgreSQL).
    void addText(Selection &s, const QString &table, bool fullText, const QStringList &columns,
                 const QString &text) const;
    // A system by UUID, or by FQDN through the Intel AMT systems.
    static void addDevice(Selection &s, const QString &column, const QString &uuidOrFqdn);
    static void addTimes(Selection &s, const QString &table, const QDateTime &since, const QDateTime &until);
    Selection logSelection(const LogFilter &filter, bool withSeverities) const;
    Selection auditSelection(const AuditQuery &query, bool withActions) const;
    Selection actionSelection(const ActionFilter &filter, bool withResults) const;
    QString likeOperator() const;
    // Deletes rows of table matching condition, PurgeBatch at a time, each in its transaction.
    qint64 deleteBatched(const QString &table, const QString &condition, const QVariant &bind, StoreError *error);
    // Deletes all but the newest maxEntries rows of table.
    qint64 keepNewest(const QString &table, qint64 maxEntries, StoreError *error);
    qint64 scalar(const QString &sql, StoreError *error);

    QString m_sqlitePath;
    bool m_fullText = false;
    bool m_actionsFullText = false;
};

} // namespace Oobm::Core
