// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/schema.h"
#include "core/store/storeerror.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>

class QSqlError;
class QSqlQuery;

// SQL pieces the store's classes share, on the store thread.
namespace Oobm::Core::Sql {

using MapError = std::function<StoreError(const QSqlError &)>;

// "state IN (?, ?)", appending the values (as ints) to binds.
template<typename Enum>
QString inList(const QString &column, const QList<Enum> &values, QVariantList *binds)
{
    QStringList marks;
    for (Enum v : values) {
        marks << QStringLiteral("?");
        binds->append(int(v));
    }
    return column + QStringLiteral(" IN (") + marks.join(u',') + u')';
}

// "%text%" with LIKE's wildcards in text escaped (use with ESCAPE '\\').
QString likePattern(const QString &text);
// LIKE without case: ILIKE on PostgreSQL (SQLite's LIKE ignores ASCII case already).
QString likeOperator(Schema::Dialect dialect);

// Prepares sql, binds binds in order and executes it. False if either step fails, q.lastError()
// then being that step's error: PostgreSQL prepares on the server, so a locked table (55P03) or a
// missing permission (42501) fails the prepare, and executing the failed statement would only
// report a syntax error.
bool prepareAndExec(QSqlQuery &q, const QString &sql, const QVariantList &binds = {});

// The tables the Logs pages follow live. Their rows are appended by one transaction at a time on
// PostgreSQL too (SQLite has one writer anyway), so that ids become visible in order: a reader
// that sees id N will never see a smaller id appear later, and the live tail can ask for "newer
// than the newest I have" without missing what several engines write at once.
enum class AppendTable { Log = 1, Actions = 2, Audit = 3 };
// Call inside the transaction, before the first insert; held until it ends.
bool lockForAppend(const QString &connection, Schema::Dialect dialect, AppendTable table, QSqlError *error);

} // namespace Oobm::Core::Sql
