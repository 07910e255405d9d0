// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/reports/reportrequest.h"
#include "core/reports/reportresult.h"
#include "core/store/store.h"
#include "ui/shell/pagecontext.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace Oobm::Gui {

class ReportTableModel;

// The Reports page: the list of built-in reports on the left; on the right the chosen report's
// parameters (collection, period, hours, top N), its chart and its table, and Export (CSV, JSON,
// the chart as PNG, a PDF with chart and table, each through a save dialog). The store computes a
// report on its thread; the page shows progress meanwhile, drops an answer a newer request
// superseded, and says what an empty report means. Exports are written off the GUI thread.
class ReportsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsWidget)

public:
    enum class ExportFormat { Csv, Json, Png, Pdf };

    explicit ReportsWidget(const PageContext &context, QWidget *parent = nullptr);
    ~ReportsWidget() override;

    void selectReport(Core::ReportId id);
    Core::ReportId currentReport() const;
    // The parameters as the controls hold them; a custom period, a collection (0: all systems).
    Core::ReportRequest request() const;
    void setCustomPeriod(const QDateTime &since, const QDateTime &until);
    void setCollection(qint64 id);
    void setHours(int hours);
    void setLimit(int limit);
    // Computes the report with the current parameters (also done on every change, after a moment).
    void run();
    bool isComputing() const { return m_computing; }

    const Core::ReportResult &result() const;
    ReportTableModel *tableModel() const { return m_model; }
    QChartView *chartView() const { return m_chartView; }
    QTableView *tableView() const { return m_table; }
    // Writes the shown report to path (no dialog); exportFinished tells how it went.
    void exportTo(const QString &path, ExportFormat format);

Q_SIGNALS:
    // A report (or why there is none) is shown.
    void reportShown();
    void collectionsLoaded();
    void exportFinished(bool ok, const QString &message);

private:
    void buildList();
    void onReportChanged();
    void onPeriodChanged();
    void scheduleRun();
    void showAnswer(const Core::StoreResult<Core::ReportResult> &answer);
    void showMessage(const QString &text);
    void reloadCollections();
    void chooseExport(ExportFormat format);
    void setExporting(bool exporting);

    PageContext m_context;
    QTreeWidget *m_list;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_collectionLabel;
    QComboBox *m_collection;
    QLabel *m_periodLabel;
    QComboBox *m_period;
    QDateTimeEdit *m_since;
    QDateTimeEdit *m_until;
    QLabel *m_hoursLabel;
    QSpinBox *m_hours;
    QLabel *m_limitLabel;
    QSpinBox *m_limit;
    QPushButton *m_refresh;
    QToolButton *m_export;
    QLabel *m_notes;
    QStackedWidget *m_stack;
    QWidget *m_busyPage;
    QLabel *m_busyText;
    QWidget *m_contentPage;
    QLabel *m_message;
    QChartView *m_chartView;
    QTableView *m_table;
    ReportTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_status;
    QProgressBar *m_exportProgress;
    QTimer *m_runTimer;
    QTimer *m_busyTimer;

    quint64 m_generation = 0;
    bool m_computing = false;
    bool m_settingUp = false; // controls being set from a report's defaults: no run per change
    qint64 m_wantedCollection = 0;
};

} // namespace Oobm::Gui
