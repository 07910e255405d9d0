// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqltransaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Oobm::Core::Sql {

Transaction::Transaction(const QString &connection, Schema::Dialect dialect, MapError mapError)
    : m_connection(connection)
    , m_mapError(std::move(mapError))
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(dialect == Schema::Dialect::SQLite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN")))
        m_open = true;
    else
        m_error = m_mapError(q.lastError());
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_connection(std::move(other.m_connection))
    , m_mapError(std::move(other.m_mapError))
    , m_error(std::move(other.m_error))
    , m_open(std::exchange(other.m_open, false))
{ }

Transaction::~Transaction()
{
    rollback();
}

StoreError Transaction::commit()
{
    if (!m_open)
        return m_error ? m_error
                       : StoreError::make(StoreError::Kind::Query, QStringLiteral("COMMIT outside a transaction"));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const StoreError e = m_mapError(q.lastError());
        rollback();
        return e;
    }
    m_open = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace Oobm::Core::Sql
