// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/reports/reportresult.h"

#include <QByteArray>
#include <QImage>
#include <QPicture>
#include <QSize>

namespace Oobm::Gui {

// A computed report as a picture: the chart as a PNG, and a PDF with the title, what the report
// covers, its notes, the chart and the whole table (its header again on every page, page numbers
// at the foot). The chart is drawn by Qt Charts, so on the GUI thread: into an image (PNG) or a
// recording (QPicture, for the PDF); the rest (PNG encoding, the PDF's pages) runs anywhere, so
// the console does it on a worker thread.
class ReportRenderer
{
public:
    // The size a chart is drawn at, in pixels (PNG) and in the PDF's units (1/96 inch).
    static constexpr QSize PngSize{1600, 900};
    static constexpr QSize PdfChartSize{680, 400};

    // GUI thread.
    static QImage chartImage(const Core::ReportResult &result, const QSize &size = PngSize);
    static QPicture chartPicture(const Core::ReportResult &result, const QSize &size = PdfChartSize);

    // Any thread.
    static QByteArray png(const QImage &image);
    static QByteArray pdf(const Core::ReportResult &result, const QPicture &chart);
    // The PDF's pages painted into images instead (A4 at 96 dpi), to look at them.
    static QList<QImage> pdfPreview(const Core::ReportResult &result, const QPicture &chart);
};

} // namespace Oobm::Gui
