// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/logexporter.h"

#include <QFuture>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Oobm::Core {
class LocalSettings;
class Store;
} // namespace Oobm::Core

namespace Oobm::Gui {

class LogFilterBar;
class LogModel;

// The Log page's view: filters with counts per severity, the table (paged in from SQL), a live
// tail that keeps the reader's place ("N new entries" jumps back to the newest), a details pane
// (double-click or Enter), copying rows, and export of the filtered view to CSV or JSON with
// progress, off the GUI thread.
class LogViewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogViewWidget)

public:
    LogViewWidget(Core::Store *store, Core::LocalSettings *settings, const QString &settingsKey,
                  QWidget *parent = nullptr);
    ~LogViewWidget() override;

    LogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    LogFilterBar *filterBar() const { return m_filterBar; }
    QPushButton *newEntriesButton() const { return m_newEntries; }
    QPlainTextEdit *detailsPane() const { return m_details; }

    // Shows one system's entries ("Show log" from Intel AMT Systems).
    void showSystem(const QString &uuidOrFqdn);
    // The selected rows as tab-separated text, as Copy puts them on the clipboard.
    QString selectedRowsText() const;
    void copySelection();
    void showDetails(int row);
    // Jumps to the oldest entries (End of the log); newEntriesButton() comes back to the newest.
    void showOldest();
    // Writes the filtered view; the result is reported in the status line and exportFinished.
    void exportTo(const QString &path, Core::LogExporter::Format format);
    void cancelExport();

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);

private:
    void updateState();
    void saveHeader();
    void applyFilter();
    void refreshCounts();
    void beforeRowsInserted(int first);
    void afterRowsInserted(int first, int last);
    void jumpToNewest();
    void chooseExport(Core::LogExporter::Format format);

    Core::Store *m_store;
    Core::LocalSettings *m_settings;
    QString m_settingsKey;
    LogModel *m_model;
    LogFilterBar *m_filterBar;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    QTableView *m_view;
    QPlainTextEdit *m_details;
    QLabel *m_empty;
    QLabel *m_count;
    QPushButton *m_newEntries;
    QToolButton *m_export;
    QToolButton *m_oldest;
    QProgressBar *m_progress;
    QToolButton *m_cancelExport = nullptr;
    QTimer *m_recount;
    Core::SeverityCounts m_counts; // the last full count, plus the live entries since
    quint64 m_countGeneration = 0;
    QFuture<Core::StoreResult<Core::SeverityCounts>> m_counting;
    int m_unseen = 0;
    bool m_wasAtTop = true;
    qint64 m_topEntryId = 0;
    QFuture<Core::StoreResult<qint64>> m_exporting;
};

} // namespace Oobm::Gui
