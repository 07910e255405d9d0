// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/logfilter.h"
#include "core/logbook/logbook.h"
#include "core/store/store.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>

#include <memory>

namespace Oobm::Core {

// Writes what a filter selects from one of the logs, newest first, as CSV or JSON: the Logs
// pages' export and `oobmctl log query`. The export runs on a pool thread, pages through the store with keyset
// queries, reports progress (entries written, of the count) on its future, writes a temporary
// file and renames it over the target only when everything was written; cancelling the future
// keeps nothing.
class LogExporter
{
public:
    enum class Format { Csv, Json };
    static constexpr int PageSize = 5000;

    // The Log's entries as CSV and JSON.
    static QByteArray csvHeader();
    static QByteArray csvLine(const LogEntry &entry);
    static QJsonObject json(const LogEntry &entry);

    // Resolves to the number of entries written. limit <= 0: all of them.
    static QFuture<StoreResult<qint64>> exportToFile(std::shared_ptr<const LogBook> book, const RecordFilter &filter,
                                                     Format format, const QString &path, qint64 limit = 0);
    // The Log's entries.
    static QFuture<StoreResult<qint64>> exportToFile(Store *store, const LogFilter &filter, Format format,
                                                     const QString &path, qint64 limit = 0);
};

} // namespace Oobm::Core
