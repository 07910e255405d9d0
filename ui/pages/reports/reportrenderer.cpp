// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportrenderer.h"

#include "ui/pages/reports/reportchartfactory.h"
#include "ui/shell/translate.h"

#include <QBuffer>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>
#include <functional>

namespace Oobm::Gui {

using Core::ReportColumn;
using Core::ReportResult;

namespace {

// The PDF is laid out in 1/96 inch, the unit the chart is recorded in: A4 with 15 mm margins.
constexpr int Dpi = 96;
constexpr qreal MmToPx = Dpi / 25.4;
const QSizeF PageSize(210 * MmToPx, 297 * MmToPx);
constexpr qreal Margin = 15 * MmToPx;
constexpr qreal FooterHeight = 18;
constexpr qreal CellPadding = 5;

// Draws the chart of a report into a painter, through a scene of its own.
void drawChart(QPainter *painter, const ReportResult &result, const QSize &size)
{
    QGraphicsScene scene;
    QChart *chart = ReportChartFactory::create(result, {.title = true, .animate = false});
    scene.addItem(chart); // the scene owns it
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    if (chart->layout())
        chart->layout()->activate();
    scene.setSceneRect(QRectF(QPointF(0, 0), QSizeF(size)));
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    scene.render(painter, QRectF(QPointF(0, 0), QSizeF(size)), scene.sceneRect());
}

struct Fonts
{
    QFont title;
    QFont small;
    QFont note;
    QFont cell;
    QFont header;
};

Fonts fonts()
{
    Fonts f;
    f.title.setPointSizeF(15);
    f.title.setBold(true);
    f.small.setPointSizeF(8);
    f.note.setPointSizeF(9);
    f.cell.setPointSizeF(7.5);
    f.header = f.cell;
    f.header.setBold(true);
    return f;
}

// Column widths that fit the width: what each column's longest text needs (of its header and the
// first rows), text columns giving way when the total is too wide.
QList<qreal> columnWidths(const ReportResult &r, const Fonts &f, qreal width, QPaintDevice *device)
{
    const QFontMetricsF cell(f.cell, device);
    const QFontMetricsF header(f.header, device);
    QList<qreal> widths;
    const int sample = int(std::min<qsizetype>(r.rows.size(), 300));
    for (int c = 0; c < r.columns.size(); ++c) {
        qreal w = header.horizontalAdvance(r.columns.at(c).title);
        for (int row = 0; row < sample; ++row)
            w = std::max(w, cell.horizontalAdvance(r.displayText(row, c)));
        widths << w + 2 * CellPadding;
    }
    qreal total = 0;
    for (qreal w : widths)
        total += w;
    if (total > width) {
        qreal fixed = 0, flexible = 0;
        for (int c = 0; c < widths.size(); ++c)
            (r.columns.at(c).type == ReportColumn::Type::Text ? flexible : fixed) += widths.at(c);
        const qreal room = std::max(width - fixed, qreal(40) * qreal(widths.size()));
        for (int c = 0; c < widths.size(); ++c) {
            if (r.columns.at(c).type == ReportColumn::Type::Text)
                widths[c] = flexible > 0 ? std::max(qreal(40), widths.at(c) * room / flexible) : widths.at(c);
        }
        total = 0;
        for (qreal w : widths)
            total += w;
        if (total > width) { // still too wide: everything shrinks
            for (qreal &w : widths)
                w *= width / total;
        }
    } else if (total < width && !widths.isEmpty()) {
        // The spare room goes to the first text column, as in the page's table.
        int first = 0;
        for (int c = 0; c < r.columns.size(); ++c) {
            if (r.columns.at(c).type == ReportColumn::Type::Text) {
                first = c;
                break;
            }
        }
        widths[first] += width - total;
    }
    return widths;
}

// Paints every page; newPage() is called between pages.
void paintPages(QPainter &p, const ReportResult &r, const QPicture &chart, const std::function<void()> &newPage)
{
    const Fonts f = fonts();
    QPaintDevice *device = p.device();
    const QRectF area(Margin, Margin, PageSize.width() - 2 * Margin, PageSize.height() - 2 * Margin - FooterHeight);
    const QFontMetricsF cellMetrics(f.cell, device);
    const qreal rowHeight = cellMetrics.height() + 4;
    const QList<qreal> widths = columnWidths(r, f, area.width(), device);

    // The first page's head: title, scope, notes, chart.
    const auto headHeight = [&] {
        qreal h = QFontMetricsF(f.title, device).height() + 4 + QFontMetricsF(f.small, device).height() + 8;
        const QFontMetricsF note(f.note, device);
        for (const QString &n : r.notes)
            h += note.boundingRect(QRectF(0, 0, area.width(), 1000), Qt::TextWordWrap, n).height() + 2;
        const qreal chartHeight = area.width() * ReportRenderer::PdfChartSize.height()
                / ReportRenderer::PdfChartSize.width();
        return h + 6 + chartHeight + 12;
    }();
    const int firstPageRows = std::max(0, int((area.height() - headHeight) / rowHeight) - 1);
    const int rowsPerPage = std::max(1, int(area.height() / rowHeight) - 1);
    const int rows = int(r.rows.size());
    const int pages = rows <= firstPageRows ? 1 : 1 + (rows - firstPageRows + rowsPerPage - 1) / rowsPerPage;

    const auto footer = [&](int page) {
        p.setFont(f.small);
        p.setPen(QColor(0x55, 0x57, 0x53));
        const QRectF foot(Margin, PageSize.height() - Margin - FooterHeight + 6, area.width(), FooterHeight);
        p.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, tr("OOBM · %1").arg(r.title));
        p.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(page).arg(pages));
    };
    const auto tableHeader = [&](qreal y) {
        p.fillRect(QRectF(area.left(), y, area.width(), rowHeight), QColor(0xee, 0xee, 0xec));
        p.setPen(Qt::black);
        p.setFont(f.header);
        qreal x = area.left();
        const QFontMetricsF m(f.header, device);
        for (int c = 0; c < r.columns.size(); ++c) {
            const bool text = r.columns.at(c).type == ReportColumn::Type::Text;
            const QRectF cell(x + CellPadding, y, widths.at(c) - 2 * CellPadding, rowHeight);
            p.drawText(cell, (text ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                       m.elidedText(r.columns.at(c).title, Qt::ElideRight, cell.width()));
            x += widths.at(c);
        }
        return y + rowHeight;
    };
    const auto tableRow = [&](int row, qreal y) {
        if (row % 2 == 1)
            p.fillRect(QRectF(area.left(), y, area.width(), rowHeight), QColor(0xf7, 0xf7, 0xf5));
        p.setPen(Qt::black);
        p.setFont(f.cell);
        qreal x = area.left();
        for (int c = 0; c < r.columns.size(); ++c) {
            const bool text = r.columns.at(c).type == ReportColumn::Type::Text;
            const QRectF cell(x + CellPadding, y, widths.at(c) - 2 * CellPadding, rowHeight);
            p.drawText(cell, (text ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                       cellMetrics.elidedText(r.displayText(row, c), Qt::ElideRight, cell.width()));
            x += widths.at(c);
        }
        return y + rowHeight;
    };

    // Page 1.
    qreal y = area.top();
    p.setPen(Qt::black);
    p.setFont(f.title);
    p.drawText(QRectF(area.left(), y, area.width(), 40), Qt::AlignLeft | Qt::AlignTop, r.title);
    y += QFontMetricsF(f.title, device).height() + 4;
    p.setFont(f.small);
    p.setPen(QColor(0x55, 0x57, 0x53));
    p.drawText(QRectF(area.left(), y, area.width(), 40), Qt::AlignLeft | Qt::AlignTop, r.scope());
    y += QFontMetricsF(f.small, device).height() + 8;
    p.setFont(f.note);
    p.setPen(Qt::black);
    for (const QString &n : r.notes) {
        QRectF bounds;
        p.drawText(QRectF(area.left(), y, area.width(), 1000), Qt::AlignLeft | Qt::TextWordWrap, n, &bounds);
        y += bounds.height() + 2;
    }
    y += 6;
    const qreal scale = area.width() / ReportRenderer::PdfChartSize.width();
    p.save();
    p.translate(area.left(), y);
    p.scale(scale, scale);
    p.drawPicture(0, 0, chart);
    p.restore();
    y += ReportRenderer::PdfChartSize.height() * scale + 12;

    if (rows == 0) {
        p.setFont(f.note);
        p.drawText(QRectF(area.left(), y, area.width(), 200), Qt::AlignLeft | Qt::TextWordWrap, r.emptyText);
        footer(1);
        return;
    }
    int row = 0;
    for (int page = 1; page <= pages; ++page) {
        if (page > 1) {
            newPage();
            y = area.top();
        }
        y = tableHeader(y);
        const int last = std::min(rows, row + (page == 1 ? firstPageRows : rowsPerPage));
        for (; row < last; ++row)
            y = tableRow(row, y);
        footer(page);
    }
}

} // namespace

QImage ReportRenderer::chartImage(const ReportResult &result, const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    drawChart(&painter, result, size);
    return image;
}

QPicture ReportRenderer::chartPicture(const ReportResult &result, const QSize &size)
{
    QPicture picture;
    picture.setBoundingRect(QRect(QPoint(0, 0), size));
    QPainter painter(&picture);
    drawChart(&painter, result, size);
    painter.end();
    return picture;
}

QByteArray ReportRenderer::png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray ReportRenderer::pdf(const ReportResult &result, const QPicture &chart)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(Dpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
        writer.setTitle(result.title);
        writer.setCreator(QStringLiteral("OOBM"));
        QPainter painter(&writer);
        paintPages(painter, result, chart, [&writer] { writer.newPage(); });
    }
    return bytes;
}

QList<QImage> ReportRenderer::pdfPreview(const ReportResult &result, const QPicture &chart)
{
    QList<QImage> pages;
    const QSize size = PageSize.toSize();
    const auto blank = [&] {
        QImage page(size, QImage::Format_ARGB32_Premultiplied);
        page.setDotsPerMeterX(int(Dpi / 0.0254));
        page.setDotsPerMeterY(int(Dpi / 0.0254));
        page.fill(Qt::white);
        return page;
    };
    pages << blank();
    auto painter = std::make_unique<QPainter>(&pages.last());
    paintPages(*painter, result, chart, [&] {
        painter.reset();
        pages << blank();
        painter = std::make_unique<QPainter>(&pages.last());
    });
    painter.reset();
    return pages;
}

} // namespace Oobm::Gui
