// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlhelpers.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Oobm::Core::Sql {

bool prepareAndExec(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec();
}

bool lockForAppend(const QString &connection, Schema::Dialect dialect, AppendTable table, QSqlError *error)
{
    if (dialect != Schema::Dialect::PostgreSQL)
        return true;
    QSqlQuery q(QSqlDatabase::database(connection, false));
    if (q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7736266, %1)").arg(int(table))))
        return true;
    *error = q.lastError();
    return false;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

QString likeOperator(Schema::Dialect dialect)
{
    return dialect == Schema::Dialect::SQLite ? QStringLiteral("LIKE") : QStringLiteral("ILIKE");
}

} // namespace Oobm::Core::Sql
