// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlsettingsledger.h"

#include "core/logging.h"
#include "core/store/sqllogledger.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace Oobm::Core {

SqlSettingsLedger::SqlSettingsLedger(Context context, SqlLogLedger *log)
    : SqlLedger(std::move(context))
    , m_log(log)
{ }

StoreResult<QMap<QString, QString>> SqlSettingsLedger::readMap() const
{
    StoreResult<QMap<QString, QString>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM service_settings"))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value.insert(q.value(0).toString(), q.value(1).toString());
    return r;
}

StoreResult<ServiceSettings> SqlSettingsLedger::load() const
{
    StoreResult<ServiceSettings> r;
    const auto map = readMap();
    if (!map.ok()) {
        r.error = map.error;
        return r;
    }
    QStringList problems;
    r.value = ServiceSettings::fromMap(map.value, &problems);
    for (const QString &p : std::as_const(problems))
        qCWarning(lcStore) << "ignoring stored setting:" << p;
    return r;
}

StoreResult<QStringList> SqlSettingsLedger::apply(const ServiceSettings &settings, const QString &source)
{
    StoreResult<QStringList> r;
    if (const auto problems = settings.validate(); !problems.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::Query, problems.first().message);
        return r;
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    const auto map = readMap();
    if (!map.ok()) {
        r.error = map.error;
        return r;
    }
    const ServiceSettings before = ServiceSettings::fromMap(map.value);
    const QMap<QString, QString> wanted = settings.toMap();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery upsert(database());
    if (!upsert.prepare(QStringLiteral("INSERT INTO service_settings (key, value, changed_ms, changed_by) VALUES (?, "
                                       "?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_ms = "
                                       "excluded.changed_ms, changed_by = excluded.changed_by"))) {
        r.error = queryError(upsert);
        return r;
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (before.value(it.key()) == it.value() && map.value.contains(it.key()))
            continue;
        upsert.addBindValue(it.key());
        upsert.addBindValue(it.value().isNull() ? QStringLiteral("") : it.value());
        upsert.addBindValue(now);
        upsert.addBindValue(source.isNull() ? QStringLiteral("") : source);
        if (!upsert.exec()) {
            r.error = queryError(upsert);
            return r;
        }
    }

    r.value = ServiceSettings::describeChanges(before, settings);
    // The level that governs these entries is the more verbose of the old and the new one, so
    // that lowering the level still records the change itself.
    const LogLevel gate = std::max(before.logLevel, settings.logLevel);
    QList<LogEntry> entries;
    if (logLevelAccepts(gate, Severity::Information)) {
        for (const QString &line : std::as_const(r.value))
            entries.append(LogEntry::make(Severity::Information, source, line));
    }
    if (StoreError e = m_log->insertEntries(entries)) {
        r.error = e;
        return r;
    }
    // Every other process on a PostgreSQL store hears of it at commit (SqlStoreWorker listens).
    if (QSqlQuery notify(database()); isPostgreSql() && !notify.exec(QStringLiteral("NOTIFY oobm_settings"))) {
        r.error = queryError(notify);
        return r;
    }
    r.error = t.commit();
    return r;
}

} // namespace Oobm::Core
