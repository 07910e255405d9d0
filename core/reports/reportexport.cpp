// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportexport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ReportExport", text);
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QJsonValue jsonValue(const QVariant &v, ReportColumn::Type type)
{
    if (v.isNull())
        return QJsonValue::Null;
    switch (type) {
    case ReportColumn::Type::Text:
        return v.toString();
    case ReportColumn::Type::Count:
        return v.toLongLong();
    case ReportColumn::Type::Number:
    case ReportColumn::Type::Percent:
        return v.toDouble();
    case ReportColumn::Type::Time:
    case ReportColumn::Type::Date:
        return ReportResult::plainValue(v, type);
    }
    return QJsonValue::Null;
}

QVariant fromJsonValue(const QJsonValue &v, ReportColumn::Type type)
{
    if (v.isNull() || v.isUndefined())
        return {};
    switch (type) {
    case ReportColumn::Type::Text:
        return v.toString();
    case ReportColumn::Type::Count:
        return qint64(v.toDouble());
    case ReportColumn::Type::Number:
    case ReportColumn::Type::Percent:
        return v.toDouble();
    case ReportColumn::Type::Time:
        return QDateTime::fromString(v.toString(), Qt::ISODate).toUTC();
    case ReportColumn::Type::Date:
        return QDate::fromString(v.toString(), Qt::ISODate);
    }
    return {};
}

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QByteArray ReportExport::csv(const ReportResult &result)
{
    QStringList header;
    for (const ReportColumn &c : result.columns)
        header << csvField(c.title);
    QString text = header.join(u',') + QStringLiteral("\r\n");
    for (int r = 0; r < result.rows.size(); ++r) {
        QStringList fields;
        for (int c = 0; c < result.columns.size(); ++c)
            fields << csvField(result.plainText(r, c));
        text += fields.join(u',') + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

QByteArray ReportExport::json(const ReportResult &result)
{
    QJsonObject parameters;
    const ReportDefinition d = ReportDefinition::of(result.report);
    if (d.takes(ReportDefinition::CollectionParameter)) {
        parameters.insert(QStringLiteral("collection"),
                          result.request.collectionId == 0 ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(result.request.collectionId));
        parameters.insert(QStringLiteral("collectionName"), result.collectionName);
    }
    if (d.takes(ReportDefinition::PeriodParameter)) {
        parameters.insert(QStringLiteral("since"), isoOrNull(result.request.since));
        parameters.insert(QStringLiteral("until"), isoOrNull(result.request.until));
    }
    if (d.takes(ReportDefinition::HoursParameter))
        parameters.insert(QStringLiteral("hours"), result.request.hours);
    if (d.takes(ReportDefinition::LimitParameter))
        parameters.insert(QStringLiteral("limit"), result.request.limit);

    QJsonArray columns;
    for (const ReportColumn &c : result.columns)
        columns.append(QJsonObject{{QStringLiteral("key"), c.key},
                                   {QStringLiteral("title"), c.title},
                                   {QStringLiteral("type"), ReportColumn::typeKey(c.type)}});
    QJsonArray rows;
    for (const QVariantList &row : result.rows) {
        QJsonObject o;
        for (int c = 0; c < result.columns.size(); ++c)
            o.insert(result.columns.at(c).key, jsonValue(row.value(c), result.columns.at(c).type));
        rows.append(o);
    }
    QJsonArray series;
    for (const ReportSeries &s : result.series) {
        QJsonArray values;
        for (double v : s.values)
            values.append(v);
        series.append(QJsonObject{
                {QStringLiteral("name"), s.name}, {QStringLiteral("key"), s.key}, {QStringLiteral("values"), values}});
    }
    const QJsonObject chart{{QStringLiteral("type"), reportChartKey(result.chart)},
                            {QStringLiteral("categoryAxis"), result.categoryAxis},
                            {QStringLiteral("valueAxis"), result.valueAxis},
                            {QStringLiteral("categories"), QJsonArray::fromStringList(result.categories)},
                            {QStringLiteral("categoryKeys"), QJsonArray::fromStringList(result.categoryKeys)},
                            {QStringLiteral("series"), series}};
    const QJsonObject o{{QStringLiteral("report"), result.key},
                        {QStringLiteral("title"), result.title},
                        {QStringLiteral("scope"), result.scope()},
                        {QStringLiteral("generated"), isoOrNull(result.generated)},
                        {QStringLiteral("parameters"), parameters},
                        {QStringLiteral("columns"), columns},
                        {QStringLiteral("rows"), rows},
                        {QStringLiteral("chart"), chart},
                        {QStringLiteral("notes"), QJsonArray::fromStringList(result.notes)}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray ReportExport::encode(const ReportResult &result, Format format)
{
    return format == Format::Csv ? csv(result) : json(result);
}

bool ReportExport::fromJson(const QByteArray &bytes, ReportResult *result, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) {
        *error = tr("Not a report in JSON: %1").arg(parseError.errorString());
        return false;
    }
    const QJsonObject o = doc.object();
    ReportResult r;
    r.key = o.value(QStringLiteral("report")).toString();
    if (!ReportDefinition::fromKey(r.key, &r.report)) {
        *error = tr("'%1' is not a report this program knows.").arg(r.key);
        return false;
    }
    r.title = o.value(QStringLiteral("title")).toString();
    r.generated = QDateTime::fromString(o.value(QStringLiteral("generated")).toString(), Qt::ISODate).toUTC();
    const QJsonObject parameters = o.value(QStringLiteral("parameters")).toObject();
    r.request.report = r.report;
    r.request.collectionId = qint64(parameters.value(QStringLiteral("collection")).toDouble());
    r.collectionName = parameters.value(QStringLiteral("collectionName")).toString();
    r.request.since = QDateTime::fromString(parameters.value(QStringLiteral("since")).toString(), Qt::ISODate);
    r.request.until = QDateTime::fromString(parameters.value(QStringLiteral("until")).toString(), Qt::ISODate);
    r.request.hours = parameters.value(QStringLiteral("hours")).toInt();
    r.request.limit = parameters.value(QStringLiteral("limit")).toInt();
    for (const QJsonValue v : o.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject c = v.toObject();
        ReportColumn column;
        column.key = c.value(QStringLiteral("key")).toString();
        column.title = c.value(QStringLiteral("title")).toString();
        if (!ReportColumn::typeFromKey(c.value(QStringLiteral("type")).toString(), &column.type)) {
            *error = tr("The column '%1' has an unknown type.").arg(column.key);
            return false;
        }
        r.columns << column;
    }
    for (const QJsonValue v : o.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject row = v.toObject();
        QVariantList cells;
        for (const ReportColumn &c : std::as_const(r.columns))
            cells << fromJsonValue(row.value(c.key), c.type);
        r.rows << cells;
    }
    const QJsonObject chart = o.value(QStringLiteral("chart")).toObject();
    const QString chartType = chart.value(QStringLiteral("type")).toString();
    for (ReportChart c :
         {ReportChart::Bar, ReportChart::StackedBar, ReportChart::HorizontalBar, ReportChart::Line, ReportChart::Pie}) {
        if (reportChartKey(c) == chartType)
            r.chart = c;
    }
    r.categoryAxis = chart.value(QStringLiteral("categoryAxis")).toString();
    r.valueAxis = chart.value(QStringLiteral("valueAxis")).toString();
    for (const QJsonValue v : chart.value(QStringLiteral("categories")).toArray())
        r.categories << v.toString();
    for (const QJsonValue v : chart.value(QStringLiteral("categoryKeys")).toArray())
        r.categoryKeys << v.toString();
    for (const QJsonValue v : chart.value(QStringLiteral("series")).toArray()) {
        ReportSeries s;
        s.name = v.toObject().value(QStringLiteral("name")).toString();
        s.key = v.toObject().value(QStringLiteral("key")).toString();
        for (const QJsonValue x : v.toObject().value(QStringLiteral("values")).toArray())
            s.values << x.toDouble();
        r.series << s;
    }
    for (const QJsonValue v : o.value(QStringLiteral("notes")).toArray())
        r.notes << v.toString();
    *result = r;
    return true;
}

QList<QStringList> ReportExport::parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> lines;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool any = false; // the current line has content
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
            any = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            if (any || !field.isEmpty()) {
                fields << field;
                lines << fields;
            }
            fields.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        fields << field;
        lines << fields;
    }
    return lines;
}

QString ReportExport::writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace Oobm::Core
