// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// The built-in reports. The numbers are not stored; the keys are (command lines, saved choices).
enum class ReportId {
    SystemsByState,
    SystemsByVersion,
    SystemsByProfile,
    SystemsByCollection,
    ProvisioningPerDay,
    FailureReasons,
    KeysByState,
    KeyConsumption,
    KeyRunway,
    HellosPerHour,
    SilentSystems,
    RunOutcomes,
    SlowestSystems,
    FailingSystems,
};

// How a report's figures are drawn.
enum class ReportChart {
    Bar,           // one bar per category (and per series)
    StackedBar,    // the series stacked in one bar per category
    HorizontalBar, // ranked lists: the longest first, at the top
    Line,          // time series
    Pie,           // shares of a whole
};
QString reportChartKey(ReportChart chart); // "bar", for JSON

// What a built-in report is: its key, where it is listed, what it shows, which parameters it takes
// and their defaults. The figures are computed by aggregate SQL in the store (SqlReportLedger),
// never by reading rows into the caller.
struct ReportDefinition
{
    enum Parameter {
        NoParameter = 0,
        CollectionParameter = 0x1, // only the members of a collection
        PeriodParameter = 0x2,     // since and until (UTC)
        HoursParameter = 0x4,      // silent for more than N hours
        LimitParameter = 0x8,      // the top N
    };
    Q_DECLARE_FLAGS(Parameters, Parameter)

    ReportId id = ReportId::SystemsByState;
    QString key;         // "systems-by-state"
    QString group;       // "Systems", translated
    QString title;       // translated
    QString description; // one or two sentences on what it counts, translated
    ReportChart chart = ReportChart::Bar;
    Parameters parameters = NoParameter;
    int defaultPeriodHours = 0; // the period when none is given: the last N hours up to now
    int defaultHours = 0;       // HoursParameter's default
    int defaultLimit = 0;       // LimitParameter's default

    bool takes(Parameter parameter) const { return parameters.testFlag(parameter); }

    // Every report, in the order the Reports page lists them (by group).
    static QList<ReportDefinition> all();
    static ReportDefinition of(ReportId id);
    static bool fromKey(const QString &key, ReportId *id);
    static QStringList keys();
};

} // namespace Oobm::Core

Q_DECLARE_OPERATORS_FOR_FLAGS(Oobm::Core::ReportDefinition::Parameters)
