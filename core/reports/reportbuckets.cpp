// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportbuckets.h"

namespace Oobm::Core {

namespace {

constexpr qint64 HourMs = 3600000;
constexpr qint64 DayMs = 24 * HourMs;

// Floor division: the bucket of a time before 1970 is below zero, as in SQL it would round to
// zero; no store holds such times, but the arithmetic here stays right.
qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

} // namespace

ReportBuckets::ReportBuckets(Unit unit, const QDateTime &since, const QDateTime &until)
    : m_unit(unit)
{
    if (!since.isValid() || !until.isValid() || since >= until)
        return;
    m_first = number(unit, since.toMSecsSinceEpoch());
    m_last = number(unit, until.toMSecsSinceEpoch() - 1);
}

QString ReportBuckets::sql(Unit unit, const QString &column)
{
    switch (unit) {
    case Unit::Hour:
        return QStringLiteral("(%1 / 3600000)").arg(column);
    case Unit::Day:
        return QStringLiteral("(%1 / 86400000)").arg(column);
    case Unit::Week:
        // Day 0 (1970-01-01) was a Thursday: days + 3 puts Monday at the start of each week.
        return QStringLiteral("((%1 / 86400000 + 3) / 7)").arg(column);
    }
    return {};
}

qint64 ReportBuckets::number(Unit unit, qint64 ms)
{
    switch (unit) {
    case Unit::Hour:
        return floorDiv(ms, HourMs);
    case Unit::Day:
        return floorDiv(ms, DayMs);
    case Unit::Week:
        return floorDiv(floorDiv(ms, DayMs) + 3, 7);
    }
    return 0;
}

QDateTime ReportBuckets::start(Unit unit, qint64 n)
{
    switch (unit) {
    case Unit::Hour:
        return QDateTime::fromMSecsSinceEpoch(n * HourMs, Qt::UTC);
    case Unit::Day:
        return QDateTime::fromMSecsSinceEpoch(n * DayMs, Qt::UTC);
    case Unit::Week:
        return QDateTime::fromMSecsSinceEpoch((n * 7 - 3) * DayMs, Qt::UTC);
    }
    return {};
}

int ReportBuckets::indexOf(qint64 n) const
{
    return n < m_first || n > m_last ? -1 : int(n - m_first);
}

QString ReportBuckets::label(int index) const
{
    const QDateTime t = startAt(index);
    return m_unit == Unit::Hour ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : t.date().toString(Qt::ISODate);
}

} // namespace Oobm::Core
