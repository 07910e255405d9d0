// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/schema.h"
#include "core/store/sqlhelpers.h"
#include "core/store/sqltransaction.h"
#include "core/store/store.h"

#include <QString>
#include <QVariantList>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

namespace Oobm::Core {

class DataKey;
class SecretBox;

// What every SQL ledger shares: the store thread's connection (looked up by name for each
// statement, never kept), the dialect, the mapping of SQL errors to StoreErrors that say what to
// do, and the data key. Each ledger (settings, log, keys, certificates, profiles, systems,
// engines) derives from it and holds the SQL of one subject; none decides workflow.
class SqlLedger
{
public:
    struct Context
    {
        QString connectionName;
        Schema::Dialect dialect = Schema::Dialect::SQLite;
        Sql::MapError mapError;
        DataKey *dataKey = nullptr;
    };

    explicit SqlLedger(Context context);
    virtual ~SqlLedger();
    SqlLedger(const SqlLedger &) = delete;
    SqlLedger &operator=(const SqlLedger &) = delete;

protected:
    QSqlDatabase database() const;
    Schema::Dialect dialect() const { return m_context.dialect; }
    bool isPostgreSql() const { return m_context.dialect == Schema::Dialect::PostgreSQL; }
    StoreError mapError(const QSqlError &error) const;
    StoreError queryError(const QSqlQuery &query) const;
    Sql::Transaction transaction() const;
    // The data key's box, or null while it is missing (locked() then says why).
    const SecretBox *box() const;
    StoreError locked() const;
    // Runs one statement; resolves to the rows it changed.
    StoreResult<int> execCount(const QString &sql, const QVariantList &binds = {}) const;

    Context m_context;
};

} // namespace Oobm::Core
