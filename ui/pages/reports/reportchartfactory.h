// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/reports/reportresult.h"

class QChart;

namespace Oobm::Gui {

// Makes the Qt Charts chart of a computed report: bars (stacked, or horizontal for ranked lists),
// lines for time series, a pie for shares. The same chart is shown on the page and drawn into the
// PNG and the PDF. Series that mean the same (succeeded, failed, provisioned...) have the same
// colour in every report.
class ReportChartFactory
{
public:
    struct Options
    {
        bool title = false; // the report's title and scope on the chart (exports; the page shows its own)
        bool animate = false;
    };

    // A new chart (the caller owns it), or an empty one for a result with nothing to draw.
    static QChart *create(const Core::ReportResult &result, const Options &options);
    static QChart *create(const Core::ReportResult &result) { return create(result, Options{}); }
};

} // namespace Oobm::Gui
