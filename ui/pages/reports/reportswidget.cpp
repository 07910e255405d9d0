// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportswidget.h"

#include "core/async.h"
#include "core/reports/reportexport.h"
#include "core/settings/localsettings.h"
#include "core/store/store.h"
#include "ui/pages/reports/reportchartfactory.h"
#include "ui/pages/reports/reportrenderer.h"
#include "ui/pages/reports/reporttablemodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Oobm::Gui {

using Core::ReportDefinition;
using Core::ReportId;
using Core::ReportRequest;
using Core::ReportResult;
using Core::StoreResult;

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int CustomPeriod = -1;
constexpr int RunDelayMs = 250;  // parameters settle before a report is computed
constexpr int BusyDelayMs = 150; // the progress page shows only when a report takes longer
const QString LastReportKey = QStringLiteral("reports/last");

// The periods offered: the last N hours up to now, or a custom one.
struct Preset
{
    int hours;
    const char *label;
};
constexpr Preset Presets[] = {
        {24, QT_TRANSLATE_NOOP("Oobm::Gui::ReportsWidget", "Last 24 hours")},
        {48, QT_TRANSLATE_NOOP("Oobm::Gui::ReportsWidget", "Last 48 hours")},
        {7 * 24, QT_TRANSLATE_NOOP("Oobm::Gui::ReportsWidget", "Last 7 days")},
        {30 * 24, QT_TRANSLATE_NOOP("Oobm::Gui::ReportsWidget", "Last 30 days")},
        {12 * 7 * 24, QT_TRANSLATE_NOOP("Oobm::Gui::ReportsWidget", "Last 12 weeks")},
        {90 * 24, QT_TRANSLATE_NOOP("Oobm::Gui::ReportsWidget", "Last 90 days")},
        {365 * 24, QT_TRANSLATE_NOOP("Oobm::Gui::ReportsWidget", "Last 365 days")},
};

QString fileSuffix(ReportsWidget::ExportFormat format)
{
    switch (format) {
    case ReportsWidget::ExportFormat::Csv:
        return QStringLiteral("csv");
    case ReportsWidget::ExportFormat::Json:
        return QStringLiteral("json");
    case ReportsWidget::ExportFormat::Png:
        return QStringLiteral("png");
    case ReportsWidget::ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QDateTimeEdit *utcEdit(QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

ReportsWidget::ReportsWidget(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_list(new QTreeWidget(this))
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_collectionLabel(new QLabel(tr("&Collection:"), this))
    , m_collection(new QComboBox(this))
    , m_periodLabel(new QLabel(tr("&Period:"), this))
    , m_period(new QComboBox(this))
    , m_since(utcEdit(this))
    , m_until(utcEdit(this))
    , m_hoursLabel(new QLabel(tr("Silent for more than (&hours):"), this))
    , m_hours(new QSpinBox(this))
    , m_limitLabel(new QLabel(tr("&Rows:"), this))
    , m_limit(new QSpinBox(this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_export(new QToolButton(this))
    , m_notes(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_busyPage(new QWidget(this))
    , m_busyText(new QLabel(this))
    , m_contentPage(new QWidget(this))
    , m_message(new QLabel(this))
    , m_chartView(new QChartView(this))
    , m_table(new QTableView(this))
    , m_model(new ReportTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_status(new QLabel(this))
    , m_exportProgress(new QProgressBar(this))
    , m_runTimer(new QTimer(this))
    , m_busyTimer(new QTimer(this))
{
    m_list->setObjectName(QStringLiteral("reportList"));
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setIndentation(12);
    m_list->setMinimumWidth(200);
    m_list->setMaximumWidth(290);
    buildList();

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("reportTitle"));
    m_description->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("reportNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_collection->setObjectName(QStringLiteral("reportCollection"));
    m_collection->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_collection->addItem(tr("All systems"), qint64(0));
    m_collectionLabel->setBuddy(m_collection);
    m_period->setObjectName(QStringLiteral("reportPeriod"));
    for (const Preset &p : Presets)
        m_period->addItem(tr(p.label), p.hours);
    m_period->addItem(tr("Custom (UTC)"), CustomPeriod);
    m_periodLabel->setBuddy(m_period);
    m_since->setObjectName(QStringLiteral("reportSince"));
    m_until->setObjectName(QStringLiteral("reportUntil"));
    m_since->setToolTip(tr("From (UTC, included)"));
    m_until->setToolTip(tr("To (UTC, not included)"));
    m_hours->setObjectName(QStringLiteral("reportHours"));
    m_hours->setRange(1, ReportRequest::MaxHours);
    m_hoursLabel->setBuddy(m_hours);
    m_limit->setObjectName(QStringLiteral("reportLimit"));
    m_limit->setRange(1, ReportRequest::MaxLimit);
    m_limitLabel->setBuddy(m_limit);
    m_refresh->setObjectName(QStringLiteral("reportRefresh"));
    m_refresh->setToolTip(tr("Compute the report again (F5)"));
    m_refresh->setShortcut(QKeySequence::Refresh);

    m_export->setObjectName(QStringLiteral("reportExport"));
    m_export->setText(tr("&Export"));
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("Table as &CSV…"), this, [this] { chooseExport(ExportFormat::Csv); });
    menu->addAction(tr("Report as &JSON (table and chart data)…"), this, [this] { chooseExport(ExportFormat::Json); });
    menu->addAction(tr("Chart as &PNG…"), this, [this] { chooseExport(ExportFormat::Png); });
    menu->addAction(tr("P&DF (chart and table)…"), this, [this] { chooseExport(ExportFormat::Pdf); });
    m_export->setMenu(menu);
    m_export->setEnabled(false);

    m_chartView->setObjectName(QStringLiteral("reportChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReportTableModel::SortRole);
    m_table->setModel(m_proxy);
    setUpRecordTable(m_table);
    m_table->horizontalHeader()->setSectionsMovable(false);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the store's order
    m_proxy->sort(-1);

    // The stack: computing, the report, or what there is to say instead.
    auto *busyBar = new QProgressBar(m_busyPage);
    busyBar->setRange(0, 0);
    busyBar->setMaximumWidth(320);
    busyBar->setTextVisible(false);
    m_busyText->setAlignment(Qt::AlignCenter);
    auto *busyLayout = new QVBoxLayout(m_busyPage);
    busyLayout->addStretch();
    busyLayout->addWidget(m_busyText, 0, Qt::AlignHCenter);
    busyLayout->addWidget(busyBar, 0, Qt::AlignHCenter);
    busyLayout->addStretch();
    auto *splitter = new QSplitter(Qt::Vertical, m_contentPage);
    splitter->addWidget(m_chartView);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *contentLayout = new QVBoxLayout(m_contentPage);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(splitter);
    m_message->setObjectName(QStringLiteral("reportMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_stack->addWidget(m_busyPage);
    m_stack->addWidget(m_contentPage);
    m_stack->addWidget(m_message);

    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportProgress->setRange(0, 0);
    m_exportProgress->setMaximumWidth(160);
    m_exportProgress->setTextVisible(false);
    m_exportProgress->hide();

    // Layout.
    auto *parameters = new QHBoxLayout;
    parameters->addWidget(m_collectionLabel);
    parameters->addWidget(m_collection);
    parameters->addSpacing(12);
    parameters->addWidget(m_periodLabel);
    parameters->addWidget(m_period);
    parameters->addWidget(m_since);
    parameters->addWidget(m_until);
    parameters->addSpacing(12);
    parameters->addWidget(m_hoursLabel);
    parameters->addWidget(m_hours);
    parameters->addSpacing(12);
    parameters->addWidget(m_limitLabel);
    parameters->addWidget(m_limit);
    parameters->addStretch();
    parameters->addWidget(m_refresh);
    parameters->addWidget(m_export);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_exportProgress);
    auto *right = new QVBoxLayout;
    right->addWidget(m_title);
    right->addWidget(m_description);
    right->addLayout(parameters);
    right->addWidget(m_notes);
    right->addWidget(m_stack, 1);
    right->addLayout(statusRow);
    auto *body = new QHBoxLayout;
    body->addWidget(m_list);
    body->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(themedIcon(QStringLiteral("reports")), tr("Reports"),
                                     tr("Built-in reports on the fleet, provisioning, security keys, hello packets "
                                        "and task runs. Each is counted in the database, for all systems or one "
                                        "collection, over a period; times are UTC."),
                                     this));
    layout->addLayout(body, 1);

    m_runTimer->setSingleShot(true);
    m_runTimer->setInterval(RunDelayMs);
    connect(m_runTimer, &QTimer::timeout, this, &ReportsWidget::run);
    m_busyTimer->setSingleShot(true);
    m_busyTimer->setInterval(BusyDelayMs);
    connect(m_busyTimer, &QTimer::timeout, this, [this] {
        if (m_computing)
            m_stack->setCurrentWidget(m_busyPage);
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ReportsWidget::onReportChanged);
    connect(m_collection, &QComboBox::currentIndexChanged, this, [this] {
        m_wantedCollection = m_collection->currentData().toLongLong();
        scheduleRun();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportsWidget::onPeriodChanged);
    connect(m_since, &QDateTimeEdit::dateTimeChanged, this, &ReportsWidget::scheduleRun);
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, &ReportsWidget::scheduleRun);
    connect(m_hours, &QSpinBox::valueChanged, this, &ReportsWidget::scheduleRun);
    connect(m_limit, &QSpinBox::valueChanged, this, &ReportsWidget::scheduleRun);
    connect(m_refresh, &QPushButton::clicked, this, &ReportsWidget::run);
    if (m_context.store)
        connect(m_context.store, &Core::Store::collectionsChanged, this, &ReportsWidget::reloadCollections);

    ReportId first = ReportId::SystemsByState;
    if (m_context.settings)
        ReportDefinition::fromKey(m_context.settings->string(LastReportKey), &first);
    selectReport(first);
    // After the first report: the store thread counts every collection's members for the list.
    reloadCollections();
}

ReportsWidget::~ReportsWidget()
{
    delete m_chartView->chart(); // the view does not delete the chart it shows
}

void ReportsWidget::buildList()
{
    QTreeWidgetItem *group = nullptr;
    QFont groupFont = m_list->font();
    groupFont.setBold(true);
    for (const ReportDefinition &d : ReportDefinition::all()) {
        if (!group || group->text(0) != d.group) {
            group = new QTreeWidgetItem(m_list, {d.group});
            group->setFlags(Qt::ItemIsEnabled);
            group->setFont(0, groupFont);
            group->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(group, {d.title});
        item->setData(0, IdRole, int(d.id));
        item->setToolTip(0, d.description);
    }
    m_list->expandAll();
}

void ReportsWidget::selectReport(ReportId id)
{
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, IdRole).toInt() == int(id)) {
                if (m_list->currentItem() == group->child(i))
                    run();
                else
                    m_list->setCurrentItem(group->child(i));
                return;
            }
        }
    }
}

ReportId ReportsWidget::currentReport() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item && item->data(0, IdRole).isValid() ? ReportId(item->data(0, IdRole).toInt()) : ReportId::SystemsByState;
}

void ReportsWidget::onReportChanged()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->data(0, IdRole).isValid())
        return;
    const ReportDefinition d = ReportDefinition::of(currentReport());
    if (m_context.settings)
        m_context.settings->setValue(LastReportKey, d.key);
    m_title->setText(d.title);
    m_description->setText(d.description);
    // The report's defaults; the collection stays what it was.
    m_settingUp = true;
    const bool collection = d.takes(ReportDefinition::CollectionParameter);
    const bool period = d.takes(ReportDefinition::PeriodParameter);
    const bool hours = d.takes(ReportDefinition::HoursParameter);
    const bool limit = d.takes(ReportDefinition::LimitParameter);
    m_collectionLabel->setVisible(collection);
    m_collection->setVisible(collection);
    m_periodLabel->setVisible(period);
    m_period->setVisible(period);
    m_hoursLabel->setVisible(hours);
    m_hours->setVisible(hours);
    m_limitLabel->setVisible(limit);
    m_limit->setVisible(limit);
    if (period) {
        const int preset = m_period->findData(d.defaultPeriodHours);
        m_period->setCurrentIndex(preset >= 0 ? preset : m_period->findData(30 * 24));
    }
    onPeriodChanged();
    if (hours)
        m_hours->setValue(d.defaultHours);
    if (limit) {
        m_limit->setValue(d.defaultLimit);
        m_limitLabel->setText(d.id == ReportId::SilentSystems ? tr("List at &most:") : tr("&Top:"));
    }
    m_settingUp = false;
    // What was shown belongs to another report.
    m_model->clear();
    QChart *old = m_chartView->chart();
    m_chartView->setChart(new QChart);
    delete old;
    m_notes->clear();
    m_export->setEnabled(false);
    run();
}

void ReportsWidget::onPeriodChanged()
{
    const bool custom = m_period->currentData().toInt() == CustomPeriod;
    const bool period = ReportDefinition::of(currentReport()).takes(ReportDefinition::PeriodParameter);
    m_since->setVisible(period && custom);
    m_until->setVisible(period && custom);
    if (custom && !m_settingUp) {
        // Start from the period that was chosen before, to the hour.
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(
                (QDateTime::currentMSecsSinceEpoch() / 3600000 + 1) * 3600000, Qt::UTC);
        const QSignalBlocker blockSince(m_since);
        const QSignalBlocker blockUntil(m_until);
        if (m_until->dateTime() <= m_since->dateTime() || m_since->dateTime().date().year() < 2000) {
            m_until->setDateTime(until);
            m_since->setDateTime(until.addDays(-7));
        }
    }
    scheduleRun();
}

ReportRequest ReportsWidget::request() const
{
    ReportRequest r;
    r.report = currentReport();
    const ReportDefinition d = ReportDefinition::of(r.report);
    if (d.takes(ReportDefinition::CollectionParameter))
        r.collectionId = m_collection->currentData().toLongLong();
    if (d.takes(ReportDefinition::PeriodParameter)) {
        const int hours = m_period->currentData().toInt();
        if (hours == CustomPeriod) {
            r.since = m_since->dateTime().toUTC();
            r.until = m_until->dateTime().toUTC();
        } else {
            r.until = QDateTime::currentDateTimeUtc();
            r.since = r.until.addSecs(-qint64(hours) * 3600);
        }
    }
    if (d.takes(ReportDefinition::HoursParameter))
        r.hours = m_hours->value();
    if (d.takes(ReportDefinition::LimitParameter))
        r.limit = m_limit->value();
    return r;
}

void ReportsWidget::setCustomPeriod(const QDateTime &since, const QDateTime &until)
{
    m_settingUp = true;
    m_period->setCurrentIndex(m_period->findData(CustomPeriod));
    m_since->setDateTime(since.toUTC());
    m_until->setDateTime(until.toUTC());
    m_settingUp = false;
    scheduleRun();
}

void ReportsWidget::setCollection(qint64 id)
{
    m_wantedCollection = id;
    const int index = m_collection->findData(id);
    if (index >= 0)
        m_collection->setCurrentIndex(index);
}

void ReportsWidget::setHours(int hours)
{
    m_hours->setValue(hours);
}

void ReportsWidget::setLimit(int limit)
{
    m_limit->setValue(limit);
}

void ReportsWidget::scheduleRun()
{
    if (!m_settingUp)
        m_runTimer->start();
}

void ReportsWidget::run()
{
    m_runTimer->stop();
    if (!m_context.store)
        return;
    const ReportRequest r = request();
    if (const QString problem = r.withDefaults(QDateTime::currentDateTimeUtc()).problem(); !problem.isEmpty()) {
        ++m_generation; // an answer still coming is of no use now
        m_computing = false;
        showMessage(problem);
        return;
    }
    const quint64 generation = ++m_generation;
    m_computing = true;
    m_busyText->setText(tr("Computing %1…").arg(ReportDefinition::of(r.report).title));
    m_status->setText(tr("Computing…"));
    if (m_stack->currentWidget() != m_contentPage || m_model->rowCount() == 0)
        m_busyTimer->start();
    Core::whenReady(m_context.store->runReport(r), this, [this, generation](const StoreResult<ReportResult> &answer) {
        if (generation != m_generation)
            return; // a newer request is on its way
        showAnswer(answer);
    });
}

void ReportsWidget::showAnswer(const StoreResult<ReportResult> &answer)
{
    m_computing = false;
    m_busyTimer->stop();
    if (!answer.ok()) {
        m_model->clear();
        m_export->setEnabled(false);
        m_notes->clear();
        m_status->clear();
        showMessage(answer.error.message);
        return;
    }
    const ReportResult &r = answer.value;
    m_model->setResult(r);
    QChart *old = m_chartView->chart();
    m_chartView->setChart(ReportChartFactory::create(r));
    delete old;
    m_table->resizeColumnsToContents();
    m_notes->setText(r.notes.join(u' '));
    m_notes->setVisible(!r.notes.isEmpty());
    m_export->setEnabled(true);
    m_status->setText(
            tr("%1 · %n rows, computed in %2 ms.", nullptr, int(r.rows.size())).arg(r.scope()).arg(r.elapsedMs));
    if (r.isEmpty())
        showMessage(
                QStringLiteral("<p><b>%1</b></p><p>%2</p>").arg(tr("Nothing to show."), r.emptyText.toHtmlEscaped()));
    else
        m_stack->setCurrentWidget(m_contentPage);
    Q_EMIT reportShown();
}

void ReportsWidget::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    Q_EMIT reportShown();
}

const ReportResult &ReportsWidget::result() const
{
    return m_model->result();
}

void ReportsWidget::reloadCollections()
{
    if (!m_context.store)
        return;
    Core::whenReady(m_context.store->listCollections(), this,
                    [this](const StoreResult<QList<Core::Collection>> &answer) {
        if (!answer.ok())
            return; // the report itself will say what is wrong with the store
        const QSignalBlocker block(m_collection);
        m_collection->clear();
        m_collection->addItem(tr("All systems"), qint64(0));
        for (const Core::Collection &c : answer.value)
            m_collection->addItem(c.name, c.id);
        const int index = m_collection->findData(m_wantedCollection);
        m_collection->setCurrentIndex(index >= 0 ? index : 0);
        if (index < 0 && m_wantedCollection != 0) {
            m_wantedCollection = 0; // it was deleted
            scheduleRun();
        }
        Q_EMIT collectionsLoaded();
    });
}

void ReportsWidget::chooseExport(ExportFormat format)
{
    const ReportResult &r = result();
    const QString suffix = fileSuffix(format);
    const QString name =
            QStringLiteral("oobm-%1-%2.%3").arg(r.key, r.generated.toString(QStringLiteral("yyyyMMdd-HHmm")), suffix);
    const QString filter = format == ExportFormat::Csv ? tr("CSV files (*.csv)")
            : format == ExportFormat::Json             ? tr("JSON files (*.json)")
            : format == ExportFormat::Png              ? tr("PNG images (*.png)")
                                                       : tr("PDF documents (*.pdf)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(r.title), name, filter);
    if (path.isEmpty())
        return;
    if (!path.contains(u'.'))
        path += u'.' + suffix;
    exportTo(path, format);
}

void ReportsWidget::exportTo(const QString &path, ExportFormat format)
{
    const ReportResult r = result();
    if (r.key.isEmpty()) {
        Q_EMIT exportFinished(false, tr("There is no report to export yet."));
        return;
    }
    std::function<QString()> job;
    switch (format) {
    case ExportFormat::Csv:
    case ExportFormat::Json: {
        const auto f = format == ExportFormat::Csv ? Core::ReportExport::Format::Csv : Core::ReportExport::Format::Json;
        job = [r, f, path] { return Core::ReportExport::writeFile(path, Core::ReportExport::encode(r, f)); };
        break;
    }
    case ExportFormat::Png: {
        // Qt Charts draws on this thread; encoding and writing go to a worker.
        const QImage image = ReportRenderer::chartImage(r);
        job = [image, path] { return Core::ReportExport::writeFile(path, ReportRenderer::png(image)); };
        break;
    }
    case ExportFormat::Pdf: {
        const QPicture chart = ReportRenderer::chartPicture(r);
        job = [r, chart, path] { return Core::ReportExport::writeFile(path, ReportRenderer::pdf(r, chart)); };
        break;
    }
    }
    setExporting(true);
    m_status->setText(tr("Exporting to %1…").arg(path));
    Core::whenReady(QtConcurrent::run(job), this, [this, path, r](const QString &error) {
        setExporting(false);
        const QString message = error.isEmpty() ? tr("Exported %1 to %2.").arg(r.title, path) : error;
        m_status->setText(message);
        Q_EMIT exportFinished(error.isEmpty(), message);
    });
}

void ReportsWidget::setExporting(bool exporting)
{
    m_exportProgress->setVisible(exporting);
    m_export->setEnabled(!exporting);
}

} // namespace Oobm::Gui
