// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlledger.h"

#include "core/store/datakey.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Oobm::Core {

SqlLedger::SqlLedger(Context context)
    : m_context(std::move(context))
{ }

SqlLedger::~SqlLedger() = default;

QSqlDatabase SqlLedger::database() const
{
    return QSqlDatabase::database(m_context.connectionName, false);
}

StoreError SqlLedger::mapError(const QSqlError &error) const
{
    return m_context.mapError(error);
}

StoreError SqlLedger::queryError(const QSqlQuery &query) const
{
    return m_context.mapError(query.lastError());
}

Sql::Transaction SqlLedger::transaction() const
{
    return Sql::Transaction(m_context.connectionName, m_context.dialect, m_context.mapError);
}

const SecretBox *SqlLedger::box() const
{
    return m_context.dataKey ? m_context.dataKey->box() : nullptr;
}

StoreError SqlLedger::locked() const
{
    return m_context.dataKey ? m_context.dataKey->lockedError()
                             : StoreError::make(StoreError::Kind::KeysLocked, QStringLiteral("no data key"));
}

StoreResult<int> SqlLedger::execCount(const QString &sql, const QVariantList &binds) const
{
    StoreResult<int> r;
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, sql, binds))
        r.error = queryError(q);
    else
        r.value = q.numRowsAffected();
    return r;
}

} // namespace Oobm::Core
