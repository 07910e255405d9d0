// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/reports/reportresult.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// A report's table as files: CSV (the header, then one line per row, RFC 4180 quoting, UTF-8,
// machine values: ISO times, plain numbers) and JSON (what it was computed for, the columns, one
// object per row keyed by column, the chart's categories and series, the notes). The console,
// oobmctl and scripts read the same files; the PDF and PNG need Qt Gui and are the console's.
class ReportExport
{
public:
    enum class Format { Csv, Json };

    static QByteArray csv(const ReportResult &result);
    static QByteArray json(const ReportResult &result);
    static QByteArray encode(const ReportResult &result, Format format);

    // Reads what json() wrote back (the table, the chart and what it was computed for); false and
    // *error when it is not such a file.
    static bool fromJson(const QByteArray &bytes, ReportResult *result, QString *error);
    // The fields of a CSV file, line by line (quoted fields may hold commas, quotes and line breaks).
    static QList<QStringList> parseCsv(const QByteArray &bytes);

    // Writes bytes to path through a temporary file renamed at the end (QSaveFile): nothing is left
    // half written. Empty, or why it failed (translated).
    static QString writeFile(const QString &path, const QByteArray &bytes);
};

} // namespace Oobm::Core
