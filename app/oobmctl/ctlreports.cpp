// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlreports.h"

#include "core/reports/reportexport.h"

#include <QRegularExpression>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QString parameterNames(const ReportDefinition &d)
{
    QStringList names;
    if (d.takes(ReportDefinition::CollectionParameter))
        names << QStringLiteral("--collection");
    if (d.takes(ReportDefinition::PeriodParameter))
        names << QStringLiteral("--since/--until");
    if (d.takes(ReportDefinition::HoursParameter))
        names << QStringLiteral("--hours");
    if (d.takes(ReportDefinition::LimitParameter))
        names << QStringLiteral("--limit");
    return names.join(QStringLiteral(", "));
}

int listReports(Context &c)
{
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const ReportDefinition &d : ReportDefinition::all()) {
            a.append(QJsonObject{{QStringLiteral("key"), d.key},
                                 {QStringLiteral("group"), d.group},
                                 {QStringLiteral("title"), d.title},
                                 {QStringLiteral("description"), d.description},
                                 {QStringLiteral("chart"), reportChartKey(d.chart)},
                                 {QStringLiteral("parameters"), parameterNames(d)}});
        }
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        QList<QStringList> rows{{QStringLiteral("REPORT"), QStringLiteral("TITLE"), QStringLiteral("OPTIONS")}};
        for (const ReportDefinition &d : ReportDefinition::all())
            rows << QStringList{d.key, d.title, parameterNames(d)};
        printTable(c.out, rows);
    }
    c.out.flush();
    return Success;
}

// --since/--until: parseTime's forms; a date alone is midnight UTC, as the reports' days are.
bool parseReportTime(Context &c, const QString &option, QDateTime *time, int *exitCode)
{
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString text = c.parser.value(option).trimmed();
    if (c.parser.isSet(option) && dateOnly.match(text).hasMatch()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid()) {
            *time = d.startOfDay(Qt::UTC);
            return true;
        }
    }
    return parseTime(c, option, time, exitCode);
}

// --collection: a collection's name (any case) or its number (built-in ones are negative).
bool resolveCollection(Context &c, Store &store, qint64 *id, int *exitCode)
{
    const QString wanted = c.parser.value(QStringLiteral("collection")).trimmed();
    const StoreResult<QList<Collection>> r = store.listCollections().result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    bool isNumber = false;
    const qint64 number = wanted.toLongLong(&isNumber);
    QStringList names;
    for (const Collection &col : r.value) {
        if ((isNumber && col.id == number) || col.name.compare(wanted, Qt::CaseInsensitive) == 0) {
            *id = col.id;
            return true;
        }
        names << col.name;
    }
    *exitCode = usage(
            c.err,
            QStringLiteral("There is no collection '%1'. The collections are:\n%2").arg(wanted, wrappedList(names)));
    return false;
}

QString reportText(const ReportResult &r)
{
    QString text = r.title + u'\n' + r.scope() + u'\n';
    for (const QString &note : r.notes)
        text += note + u'\n';
    text += u'\n';
    if (r.isEmpty())
        return text + r.emptyText + u'\n';
    QList<QStringList> rows;
    QStringList header;
    for (const ReportColumn &col : r.columns)
        header << col.title;
    rows << header;
    for (int row = 0; row < r.rows.size(); ++row) {
        QStringList cells;
        for (int col = 0; col < r.columns.size(); ++col)
            cells << r.displayText(row, col);
        rows << cells;
    }
    QString table;
    QTextStream out(&table);
    printTable(out, rows);
    out.flush();
    return text + table;
}

} // namespace

int reports(Context &c)
{
    if (c.args.isEmpty() || (c.args.size() == 1 && c.args.first() == u"list"))
        return listReports(c);
    if (c.args.size() > 1)
        return usage(c.err, QStringLiteral("'reports' takes one report name, not '%1'.").arg(c.args.join(u' ')));
    ReportRequest request;
    if (!ReportDefinition::fromKey(c.args.first(), &request.report))
        return usage(c.err,
                     QStringLiteral("There is no report '%1'. The reports are:\n%2")
                             .arg(c.args.first(), wrappedList(ReportDefinition::keys())));
    const ReportDefinition d = ReportDefinition::of(request.report);

    const QString format = c.parser.value(QStringLiteral("format"));
    if (format == u"pdf")
        return usage(c.err,
                     QStringLiteral("oobmctl writes reports as text, CSV or JSON. A PDF holds the chart, which is "
                                    "drawn with Qt's widgets (Qt Charts), and oobmctl links no Qt Gui or Widgets so "
                                    "that it runs on any server: open the report in the console (oobm --page "
                                    "reports, then Export > PDF), or render the JSON (--format json) yourself."));
    if (format != u"text" && format != u"csv" && format != u"json")
        return usage(c.err, QStringLiteral("--format takes text, csv or json for reports, not '%1'.").arg(format));

    // The options this report takes; the others are a mistake worth saying.
    const struct
    {
        const char *option;
        ReportDefinition::Parameter parameter;
    } options[] = {{"collection", ReportDefinition::CollectionParameter},
                   {"since", ReportDefinition::PeriodParameter},
                   {"until", ReportDefinition::PeriodParameter},
                   {"hours", ReportDefinition::HoursParameter},
                   {"limit", ReportDefinition::LimitParameter}};
    for (const auto &o : options) {
        if (c.parser.isSet(QLatin1String(o.option)) && !d.takes(o.parameter))
            return usage(c.err,
                         QStringLiteral("The report %1 takes no --%2%3.")
                                 .arg(d.key, QLatin1String(o.option),
                                      parameterNames(d).isEmpty() ? QString()
                                                                  : QStringLiteral("; it takes ") + parameterNames(d)));
    }
    int code = Success;
    if (!parseReportTime(c, QStringLiteral("since"), &request.since, &code)
        || !parseReportTime(c, QStringLiteral("until"), &request.until, &code))
        return code;
    if (c.parser.isSet(QStringLiteral("hours"))) {
        bool ok = false;
        request.hours = c.parser.value(QStringLiteral("hours")).toInt(&ok);
        if (!ok || request.hours < 1 || request.hours > ReportRequest::MaxHours)
            return usage(c.err, QStringLiteral("--hours takes a number from 1 to %1.").arg(ReportRequest::MaxHours));
    }
    if (c.parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        request.limit = c.parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || request.limit < 1 || request.limit > ReportRequest::MaxLimit)
            return usage(c.err, QStringLiteral("--limit takes a number from 1 to %1.").arg(ReportRequest::MaxLimit));
    }
    const ReportRequest resolved = request.withDefaults(QDateTime::currentDateTimeUtc());
    if (const QString problem = resolved.problem(); !problem.isEmpty())
        return usage(c.err, problem);

    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    if (c.parser.isSet(QStringLiteral("collection")) && !resolveCollection(c, *store, &request.collectionId, &code))
        return code;
    const StoreResult<ReportResult> r = store->runReport(request).result();
    if (!r.ok())
        return failure(c.err, r.error.message);

    const QByteArray bytes = format == u"csv" ? ReportExport::csv(r.value)
            : format == u"json"               ? ReportExport::json(r.value)
                                              : reportText(r.value).toUtf8();
    const QString output = c.parser.value(QStringLiteral("output"));
    if (output.isEmpty() || output == u"-") {
        c.out << QString::fromUtf8(bytes);
        c.out.flush();
        return Success;
    }
    if (const QString error = ReportExport::writeFile(output, bytes); !error.isEmpty())
        return failure(c.err, error);
    c.out << QStringLiteral("Wrote %1 (%2, %3).\n")
                     .arg(output, r.value.title, plural(r.value.rows.size(), "row", "rows"));
    c.out.flush();
    return Success;
}

} // namespace Oobm::Ctl
