// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/settings/servicesettings.h"
#include "core/store/sqlledger.h"

#include <QMap>
#include <QStringList>

namespace Oobm::Core {

class SqlLogLedger;

// The service settings' SQL, on the store thread: one row per key in service_settings. Every
// process on the store reads the same rows, so a change made by any of them is seen by all
// (SqlStoreWorker follows changes made by other processes and reloads).
class SqlSettingsLedger final : public SqlLedger
{
public:
    SqlSettingsLedger(Context context, SqlLogLedger *log);

    StoreResult<ServiceSettings> load() const;
    // Writes the fields that differ from what is stored, and one Information log entry per
    // change (gated by the more verbose of the old and new log level), in one transaction.
    // Resolves to the log sentences.
    StoreResult<QStringList> apply(const ServiceSettings &settings, const QString &source);

    // The PostgreSQL NOTIFY channel apply() signals on (delivered at commit).
    static constexpr QLatin1String NotifyChannel{"oobm_settings"};

private:
    StoreResult<QMap<QString, QString>> readMap() const;

    SqlLogLedger *m_log;
};

} // namespace Oobm::Core
