// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/reports/reportdefinition.h"
#include "core/reports/reportrequest.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Oobm::Core {

// One column of a report's table. Cells hold typed values: Text a QString, Count a qint64, Number
// and Percent a double (Percent from 0 to 100), Time a QDateTime in UTC, Date a QDate; a null
// QVariant is an empty cell (a figure that does not exist, such as the days keys last when none
// are consumed).
struct ReportColumn
{
    enum class Type { Text, Count, Number, Percent, Time, Date };

    QString key;   // "systems", stable: JSON's field names
    QString title; // "Systems", translated: the table's header and the CSV's
    Type type = Type::Text;

    static QString typeKey(Type type); // "count"
    static bool typeFromKey(const QString &key, Type *type);
};

// One series of a report's chart: a value per category.
struct ReportSeries
{
    QString name;
    QList<double> values;
    QString key = {}; // what it counts ("succeeded", "failed"), for colours that mean the same everywhere
};

// A computed report: its chart (categories and series) and its table, and what it was computed
// for. Times are UTC throughout.
struct ReportResult
{
    ReportId report = ReportId::SystemsByState;
    QString key;
    QString title;
    ReportChart chart = ReportChart::Bar;
    ReportRequest request;  // with its defaults filled in
    QString collectionName; // empty: every system
    QDateTime generated;    // when the store computed it (UTC)
    qint64 elapsedMs = 0;   // how long the store took

    QString categoryAxis; // "Day (UTC)"
    QString valueAxis;    // "Systems"
    QStringList categories;
    QStringList categoryKeys; // when categories are states: their keys ("provisioned"), else empty
    QList<ReportSeries> series;

    QList<ReportColumn> columns;
    QList<QVariantList> rows;
    // Figures that are not in the table's rows, as sentences ("The 1,200 Available keys last 40
    // days at the current rate ..."), translated.
    QStringList notes;
    QString emptyText; // what an empty report means, translated

    bool isEmpty() const { return rows.isEmpty(); }
    int columnIndex(const QString &key) const; // -1 when there is none
    // What the report covers, in one line: "All systems · 2026-11-08 00:00 to 2026-12-08 10:00 UTC".
    QString scope() const;
    // A cell as the page shows it (numbers with the locale's separators) and as files hold it
    // (ISO times, plain numbers: CSV).
    QString displayText(int row, int column) const;
    QString plainText(int row, int column) const;
    static QString plainValue(const QVariant &value, ReportColumn::Type type);
};

} // namespace Oobm::Core
