// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportchartfactory.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QColor>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Oobm::Gui {

using Core::ReportChart;
using Core::ReportResult;

namespace {

// colours that mean the same in every report (Tango-like, readable on white and in print).
QColor colourOf(const QString &key)
{
    static const QHash<QString, QColor> colours{
            {QStringLiteral("succeeded"), QColor(0x4e, 0x9a, 0x06)},
            {QStringLiteral("provisioned"), QColor(0x4e, 0x9a, 0x06)},
            {QStringLiteral("failed"), QColor(0xcc, 0x00, 0x00)},
            {QStringLiteral("skipped"), QColor(0x88, 0x8a, 0x85)},
            {QStringLiteral("cancelled"), QColor(0xc4, 0xa0, 0x00)},
            {QStringLiteral("unfinished"), QColor(0x72, 0x9f, 0xcf)},
            {QStringLiteral("awaiting-hello"), QColor(0xba, 0xbd, 0xb6)},
            {QStringLiteral("awaiting-authorization"), QColor(0xf5, 0x79, 0x00)},
            {QStringLiteral("provisioning"), QColor(0x34, 0x65, 0xa4)},
            {QStringLiteral("hello-window-expired"), QColor(0x75, 0x50, 0x7b)},
            {QStringLiteral("unprovisioned"), QColor(0x55, 0x57, 0x53)},
            {QStringLiteral("available"), QColor(0x4e, 0x9a, 0x06)},
            {QStringLiteral("exported"), QColor(0x34, 0x65, 0xa4)},
            {QStringLiteral("consumed"), QColor(0xf5, 0x79, 0x00)},
            {QStringLiteral("retired"), QColor(0x88, 0x8a, 0x85)},
            {QStringLiteral("added"), QColor(0x72, 0x9f, 0xcf)},
            {QStringLiteral("hellos"), QColor(0x34, 0x65, 0xa4)},
            {QStringLiteral("systems"), QColor(0x34, 0x65, 0xa4)},
            {QStringLiteral("keys"), QColor(0x34, 0x65, 0xa4)},
            {QStringLiteral("duration"), QColor(0x75, 0x50, 0x7b)},
    };
    return colours.value(key);
}

// Category labels are unique for QBarCategoryAxis; long ones (failure reasons) are cut.
QStringList axisLabels(const QStringList &categories, int maxLength)
{
    QStringList labels;
    for (const QString &c : categories) {
        QString label = c.size() > maxLength ? c.left(maxLength - 1) + QChar(0x2026) : c;
        while (labels.contains(label))
            label += u' ';
        labels << label;
    }
    return labels;
}

QValueAxis *valueAxis(const ReportResult &r, double max)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(r.valueAxis);
    axis->setMin(0);
    axis->setMax(max > 0 ? max : 1);
    axis->applyNiceNumbers();
    axis->setLabelFormat(max >= 10 || r.series.isEmpty() ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    return axis;
}

double maxOf(const ReportResult &r, bool stacked)
{
    double max = 0;
    for (int i = 0; i < r.categories.size(); ++i) {
        double sum = 0;
        for (const Core::ReportSeries &s : r.series) {
            const double v = s.values.value(i);
            sum = stacked ? sum + v : std::max(sum, v);
        }
        max = std::max(max, sum);
    }
    return max;
}

void bars(QChart *chart, const ReportResult &r)
{
    const bool horizontal = r.chart == ReportChart::HorizontalBar;
    const bool stacked = r.chart == ReportChart::StackedBar;
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
            : stacked                       ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QBarSeries);
    // A horizontal chart draws its first category at the bottom: the ranking reads from the top.
    QStringList categories = r.categories;
    if (horizontal)
        std::reverse(categories.begin(), categories.end());
    for (const Core::ReportSeries &s : r.series) {
        auto *set = new QBarSet(s.name);
        QList<double> values = s.values;
        if (horizontal)
            std::reverse(values.begin(), values.end());
        set->append(values);
        if (const QColor c = colourOf(s.key); c.isValid()) {
            set->setColor(c);
            set->setBorderColor(c.darker(115));
        }
        series->append(set);
    }
    series->setBarWidth(r.categories.size() > 20 ? 0.9 : 0.7);
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(axisLabels(categories, horizontal ? 48 : 24));
    categoryAxis->setTitleText(horizontal ? QString() : r.categoryAxis);
    auto *values = valueAxis(r, maxOf(r, stacked));
    if (horizontal) {
        chart->addAxis(categoryAxis, Qt::AlignLeft);
        chart->addAxis(values, Qt::AlignBottom);
    } else {
        if (r.categories.size() > 12)
            categoryAxis->setLabelsAngle(-90);
        chart->addAxis(categoryAxis, Qt::AlignBottom);
        chart->addAxis(values, Qt::AlignLeft);
    }
    series->attachAxis(categoryAxis);
    series->attachAxis(values);
    chart->legend()->setVisible(r.series.size() > 1);
}

void lines(QChart *chart, const ReportResult &r)
{
    const int n = int(r.categories.size());
    // Labels on about a dozen of the points, on the points themselves.
    auto *xAxis = new QCategoryAxis;
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int step = std::max(1, int(std::ceil(n / 12.0)));
    for (int i = 0; i < n; i += step)
        xAxis->append(r.categories.at(i), i);
    xAxis->setRange(0, std::max(1, n - 1));
    xAxis->setTitleText(r.categoryAxis);
    if (step > 1 || n > 8)
        xAxis->setLabelsAngle(-45);
    chart->addAxis(xAxis, Qt::AlignBottom);
    auto *values = valueAxis(r, maxOf(r, false));
    chart->addAxis(values, Qt::AlignLeft);
    for (const Core::ReportSeries &s : r.series) {
        auto *line = new QLineSeries;
        line->setName(s.name);
        for (int i = 0; i < s.values.size(); ++i)
            line->append(i, s.values.at(i));
        QPen pen = line->pen();
        pen.setWidthF(2.0);
        if (const QColor c = colourOf(s.key); c.isValid() && r.series.size() == 1)
            pen.setColor(c);
        line->setPen(pen);
        line->setPointsVisible(n <= 60);
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(values);
    }
    chart->legend()->setVisible(r.series.size() > 1);
}

void pie(QChart *chart, const ReportResult &r)
{
    auto *series = new QPieSeries;
    const Core::ReportSeries &s = r.series.constFirst();
    double total = 0;
    for (double v : s.values)
        total += v;
    for (int i = 0; i < r.categories.size(); ++i) {
        const double v = s.values.value(i);
        if (v <= 0)
            continue; // the table lists the empty ones
        auto *slice = series->append(
                QStringLiteral("%1: %2 (%3 %)")
                        .arg(r.categories.at(i))
                        .arg(QLocale().toString(qint64(v)), QLocale().toString(100.0 * v / total, 'f', 1)),
                v);
        if (const QColor c = colourOf(r.categoryKeys.value(i)); c.isValid())
            slice->setColor(c);
        slice->setBorderColor(Qt::white);
        // Each slice says what it is; one too thin for its label is in the table below.
        slice->setLabelVisible(100.0 * v / total >= 3.0);
    }
    series->setPieSize(0.6);
    chart->addSeries(series);
    // No legend: it said what the labels say, and both were cut short sharing the width.
    chart->legend()->hide();
}

} // namespace

QChart *ReportChartFactory::create(const ReportResult &r, const Options &options)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(options.animate ? QChart::SeriesAnimations : QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (options.title) {
        chart->setTitle(QStringLiteral("<b>%1</b><br><small>%2</small>")
                                .arg(r.title.toHtmlEscaped(), r.scope().toHtmlEscaped()));
    }
    if (r.series.isEmpty() || r.categories.isEmpty()) {
        chart->legend()->hide();
        return chart;
    }
    switch (r.chart) {
    case ReportChart::Bar:
    case ReportChart::StackedBar:
    case ReportChart::HorizontalBar:
        bars(chart, r);
        break;
    case ReportChart::Line:
        lines(chart, r);
        break;
    case ReportChart::Pie:
        pie(chart, r);
        break;
    }
    return chart;
}

} // namespace Oobm::Gui
