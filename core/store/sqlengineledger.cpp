// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlengineledger.h"

#include <QSqlQuery>
#include <QVariant>

namespace Oobm::Core {

namespace {

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

StoreError SqlEngineLedger::heartbeat(const EngineStatus &status)
{
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO engines (id, host, listen, started_ms, heartbeat_ms, error, "
                                            "in_flight) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                            "host = excluded.host, listen = excluded.listen, started_ms = "
                                            "excluded.started_ms, heartbeat_ms = excluded.heartbeat_ms, error = "
                                            "excluded.error, in_flight = excluded.in_flight"),
                             {status.id, text(status.host), text(status.listen), status.started.toMSecsSinceEpoch(),
                              status.heartbeat.isValid() ? status.heartbeat.toMSecsSinceEpoch()
                                                         : QDateTime::currentMSecsSinceEpoch(),
                              text(status.error), status.inFlight}))
        return queryError(q);
    return {};
}

StoreResult<QList<EngineStatus>> SqlEngineLedger::engines()
{
    StoreResult<QList<EngineStatus>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT id, host, listen, started_ms, heartbeat_ms, error, in_flight FROM engines "
                               "ORDER BY heartbeat_ms DESC"))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next()) {
        EngineStatus e;
        e.id = q.value(0).toString();
        e.host = q.value(1).toString();
        e.listen = q.value(2).toString();
        e.started = fromMs(q.value(3));
        e.heartbeat = fromMs(q.value(4));
        e.error = q.value(5).toString();
        e.inFlight = q.value(6).toInt();
        r.value << e;
    }
    return r;
}

} // namespace Oobm::Core
