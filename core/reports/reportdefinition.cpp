// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportdefinition.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ReportDefinition", text);
}

constexpr int Day = 24;

} // namespace

QString reportChartKey(ReportChart chart)
{
    switch (chart) {
    case ReportChart::Bar:
        return QStringLiteral("bar");
    case ReportChart::StackedBar:
        return QStringLiteral("stacked-bar");
    case ReportChart::HorizontalBar:
        return QStringLiteral("horizontal-bar");
    case ReportChart::Line:
        return QStringLiteral("line");
    case ReportChart::Pie:
        return QStringLiteral("pie");
    }
    return {};
}

QList<ReportDefinition> ReportDefinition::all()
{
    using P = ReportDefinition;
    const QString systems = tr("Systems");
    const QString provisioning = tr("Provisioning");
    const QString keys = tr("Security keys");
    const QString hellos = tr("Hello packets");
    const QString runs = tr("Task runs");
    return {
            {ReportId::SystemsByState, QStringLiteral("systems-by-state"), systems, tr("Systems by provisioning state"),
             tr("How many Intel AMT systems are in each provisioning state now."), ReportChart::Pie,
             P::CollectionParameter, 0, 0, 0},
            {ReportId::SystemsByVersion, QStringLiteral("systems-by-version"), systems, tr("Systems by AMT version"),
             tr("How many systems run each Intel AMT firmware version (as GetCoreVersion reported it); systems "
                "not provisioned yet have no version."),
             ReportChart::Bar, P::CollectionParameter, 0, 0, 0},
            {ReportId::SystemsByProfile, QStringLiteral("systems-by-profile"), systems, tr("Systems by profile"),
             tr("How many systems each provision profile was chosen for."), ReportChart::Bar, P::CollectionParameter, 0,
             0, 0},
            {ReportId::SystemsByCollection, QStringLiteral("systems-by-collection"), systems,
             tr("Systems by collection"),
             tr("How many systems each collection holds now (built-in and your own; a system may be in several)."),
             ReportChart::HorizontalBar, P::CollectionParameter, 0, 0, 0},
            {ReportId::ProvisioningPerDay, QStringLiteral("provisioning-per-day"), provisioning,
             tr("Provisioning per day"),
             tr("Provisioning attempts per day (UTC): succeeded (CommitChanges succeeded) and failed (the attempt "
                "stopped at a failed step)."),
             ReportChart::StackedBar, P::CollectionParameter | P::PeriodParameter, 30 * Day, 0, 0},
            {ReportId::FailureReasons, QStringLiteral("failure-reasons"), provisioning, tr("Top failure reasons"),
             tr("Why provisioning failed in the period: failed steps by step and the status the device answered, "
                "and the reasons of the systems that are Failed now (last seen in the period)."),
             ReportChart::HorizontalBar, P::CollectionParameter | P::PeriodParameter | P::LimitParameter, 30 * Day, 0,
             10},
            {ReportId::KeysByState, QStringLiteral("keys-by-state"), keys, tr("Security keys by state"),
             tr("How many PID/PPS keys of the ledger are Available, Exported, Consumed and Retired."), ReportChart::Pie,
             P::NoParameter, 0, 0, 0},
            {ReportId::KeyConsumption, QStringLiteral("key-consumption"), keys, tr("Key consumption per week"),
             tr("Keys consumed by devices and keys added to the ledger (generated or imported), per week "
                "(Monday to Sunday, UTC)."),
             ReportChart::Bar, P::PeriodParameter, 12 * 7 * Day, 0, 0},
            {ReportId::KeyRunway, QStringLiteral("key-runway"), keys, tr("Available keys at the current rate"),
             tr("How long the Available keys last if devices keep consuming keys at the rate of the period."),
             ReportChart::Line, P::PeriodParameter, 30 * Day, 0, 0},
            {ReportId::HellosPerHour, QStringLiteral("hellos-per-hour"), hellos, tr("Hello packets per hour"),
             tr("Hello packets received per hour (UTC), and how many systems sent them."), ReportChart::Line,
             P::CollectionParameter | P::PeriodParameter, 2 * Day, 0, 0},
            {ReportId::SilentSystems, QStringLiteral("silent-systems"), hellos, tr("Systems that stopped sending"),
             tr("Systems that are not provisioned and whose last hello is older than the given number of hours, "
                "the most recently silent first."),
             ReportChart::Bar, P::CollectionParameter | P::HoursParameter | P::LimitParameter, 0, 24, 500},
            {ReportId::RunOutcomes, QStringLiteral("run-outcomes"), runs, tr("Task run outcomes per operation"),
             tr("What became of the systems of the task runs made in the period, per operation."),
             ReportChart::StackedBar, P::CollectionParameter | P::PeriodParameter, 30 * Day, 0, 0},
            {ReportId::SlowestSystems, QStringLiteral("slowest-systems"), runs, tr("Slowest systems"),
             tr("The systems whose operations took longest on average in the task runs of the period."),
             ReportChart::HorizontalBar, P::CollectionParameter | P::PeriodParameter | P::LimitParameter, 30 * Day, 0,
             10},
            {ReportId::FailingSystems, QStringLiteral("failing-systems"), runs, tr("Most failing systems"),
             tr("The systems that failed most often in the task runs of the period."), ReportChart::HorizontalBar,
             P::CollectionParameter | P::PeriodParameter | P::LimitParameter, 30 * Day, 0, 10},
    };
}

ReportDefinition ReportDefinition::of(ReportId id)
{
    for (const ReportDefinition &d : all()) {
        if (d.id == id)
            return d;
    }
    return {};
}

bool ReportDefinition::fromKey(const QString &key, ReportId *id)
{
    for (const ReportDefinition &d : all()) {
        if (d.key == key) {
            *id = d.id;
            return true;
        }
    }
    return false;
}

QStringList ReportDefinition::keys()
{
    QStringList list;
    for (const ReportDefinition &d : all())
        list << d.key;
    return list;
}

} // namespace Oobm::Core
