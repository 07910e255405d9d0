// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportresult.h"

#include <QCoreApplication>
#include <QLocale>

namespace Oobm::Core {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Oobm::Core::ReportResult", text, disambiguation, n);
}

QString utcMinutes(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString ReportColumn::typeKey(Type type)
{
    switch (type) {
    case Type::Text:
        return QStringLiteral("text");
    case Type::Count:
        return QStringLiteral("count");
    case Type::Number:
        return QStringLiteral("number");
    case Type::Percent:
        return QStringLiteral("percent");
    case Type::Time:
        return QStringLiteral("time");
    case Type::Date:
        return QStringLiteral("date");
    }
    return {};
}

bool ReportColumn::typeFromKey(const QString &key, Type *type)
{
    for (Type t : {Type::Text, Type::Count, Type::Number, Type::Percent, Type::Time, Type::Date}) {
        if (typeKey(t) == key) {
            *type = t;
            return true;
        }
    }
    return false;
}

int ReportResult::columnIndex(const QString &columnKey) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).key == columnKey)
            return i;
    }
    return -1;
}

QString ReportResult::scope() const
{
    QStringList parts;
    const ReportDefinition d = ReportDefinition::of(report);
    if (d.takes(ReportDefinition::CollectionParameter))
        parts << (collectionName.isEmpty() ? tr("All systems") : tr("Collection %1").arg(collectionName));
    if (d.takes(ReportDefinition::PeriodParameter) && request.since.isValid())
        parts << tr("%1 to %2 UTC").arg(utcMinutes(request.since), utcMinutes(request.until));
    if (d.takes(ReportDefinition::HoursParameter))
        parts << tr("silent for more than %n hours", nullptr, request.hours);
    if (d.takes(ReportDefinition::LimitParameter))
        parts << tr("top %n", nullptr, request.limit);
    if (generated.isValid())
        parts << tr("computed %1 UTC").arg(utcMinutes(generated));
    return parts.join(QStringLiteral(" · "));
}

QString ReportResult::displayText(int row, int column) const
{
    if (row < 0 || row >= rows.size() || column < 0 || column >= columns.size())
        return {};
    const QVariant v = rows.at(row).value(column);
    if (v.isNull())
        return {};
    const QLocale locale;
    switch (columns.at(column).type) {
    case ReportColumn::Type::Text:
        return v.toString();
    case ReportColumn::Type::Count:
        return locale.toString(v.toLongLong());
    case ReportColumn::Type::Number:
        return locale.toString(v.toDouble(), 'f', 1);
    case ReportColumn::Type::Percent:
        return locale.toString(v.toDouble(), 'f', 1) + QStringLiteral(" %");
    case ReportColumn::Type::Time:
        return utcMinutes(v.toDateTime());
    case ReportColumn::Type::Date:
        return v.toDate().toString(Qt::ISODate);
    }
    return {};
}

QString ReportResult::plainText(int row, int column) const
{
    if (row < 0 || row >= rows.size() || column < 0 || column >= columns.size())
        return {};
    return plainValue(rows.at(row).value(column), columns.at(column).type);
}

QString ReportResult::plainValue(const QVariant &v, ReportColumn::Type type)
{
    if (v.isNull())
        return {};
    switch (type) {
    case ReportColumn::Type::Text:
        return v.toString();
    case ReportColumn::Type::Count:
        return QString::number(v.toLongLong());
    case ReportColumn::Type::Number:
    case ReportColumn::Type::Percent:
        return QString::number(v.toDouble(), 'f', 2);
    case ReportColumn::Type::Time:
        return v.toDateTime().toUTC().toString(Qt::ISODate);
    case ReportColumn::Type::Date:
        return v.toDate().toString(Qt::ISODate);
    }
    return {};
}

} // namespace Oobm::Core
