// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportrequest.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ReportRequest", text);
}
} // namespace

ReportRequest ReportRequest::withDefaults(const QDateTime &currentTime) const
{
    const ReportDefinition d = ReportDefinition::of(report);
    ReportRequest r = *this;
    if (!r.now.isValid())
        r.now = currentTime;
    r.now = r.now.toUTC();
    if (!d.takes(ReportDefinition::CollectionParameter))
        r.collectionId = 0;
    if (d.takes(ReportDefinition::PeriodParameter)) {
        if (!r.until.isValid())
            r.until = r.now;
        if (!r.since.isValid())
            r.since = r.until.addSecs(-qint64(d.defaultPeriodHours) * 3600);
        r.since = r.since.toUTC();
        r.until = r.until.toUTC();
    } else {
        r.since = {};
        r.until = {};
    }
    r.hours = d.takes(ReportDefinition::HoursParameter) ? (r.hours > 0 ? r.hours : d.defaultHours) : 0;
    r.limit = d.takes(ReportDefinition::LimitParameter) ? (r.limit > 0 ? r.limit : d.defaultLimit) : 0;
    return r;
}

QString ReportRequest::problem() const
{
    const ReportDefinition d = ReportDefinition::of(report);
    if (d.takes(ReportDefinition::PeriodParameter)) {
        if (!since.isValid() || !until.isValid())
            return tr("The period needs a start and an end.");
        if (since >= until)
            return tr("The period starts (%1) at or after it ends (%2); choose a start before the end.")
                    .arg(since.toString(Qt::ISODate), until.toString(Qt::ISODate));
        const qint64 hoursLong = since.secsTo(until) / 3600;
        if (report == ReportId::HellosPerHour && hoursLong > MaxHourBuckets)
            return tr("Hello packets per hour covers at most %1 days; choose a shorter period.")
                    .arg(MaxHourBuckets / 24);
        if (hoursLong > qint64(MaxDayBuckets) * 24)
            return tr("A report covers at most %1 days; choose a shorter period.").arg(MaxDayBuckets);
    }
    if (d.takes(ReportDefinition::HoursParameter) && (hours < 1 || hours > MaxHours))
        return tr("The number of hours must be from 1 to %1.").arg(MaxHours);
    if (d.takes(ReportDefinition::LimitParameter) && (limit < 1 || limit > MaxLimit))
        return tr("The number of rows must be from 1 to %1.").arg(MaxLimit);
    return {};
}

} // namespace Oobm::Core
