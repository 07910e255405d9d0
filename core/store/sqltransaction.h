// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/schema.h"
#include "core/store/sqlhelpers.h"
#include "core/store/storeerror.h"

#include <QString>

namespace Oobm::Core::Sql {

// One transaction on the store thread's connection: BEGIN when made (BEGIN IMMEDIATE on SQLite,
// which takes the write lock now rather than at the first write), ROLLBACK when it goes out of
// scope without commit(). An early return rolls back by itself:
//
//     Sql::Transaction t = transaction();
//     if (t.failed())
//         return t.error();
//     ... any return before commit() rolls back ...
//     return t.commit();
class Transaction
{
public:
    Transaction(const QString &connection, Schema::Dialect dialect, MapError mapError);
    ~Transaction();
    Transaction(Transaction &&other) noexcept;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    Transaction &operator=(Transaction &&) = delete;

    // BEGIN failed: error() says why, and there is nothing to roll back.
    bool failed() const { return m_error.isError(); }
    StoreError error() const { return m_error; }
    // COMMIT (rolled back if it fails); resolves to the error, if any.
    StoreError commit();
    void rollback();

private:
    QString m_connection;
    MapError m_mapError;
    StoreError m_error;
    bool m_open = false;
};

} // namespace Oobm::Core::Sql
