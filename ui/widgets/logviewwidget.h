// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/logbook/logexporter.h"

#include <QFuture>
#include <QWidget>

#include <memory>

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

// The one view of the Logs pages (Log, Actions Status, Security Audit), configured by the log
// it shows (a Core::LogBook): filters with counts per category, the table (a window paged in
// from SQL in both directions), a live tail that keeps the reader's place ("N new entries" jumps
// back to the newest), a details pane (double-click or Enter), copying rows, and export of the
// filtered view to CSV or JSON with progress, off the GUI thread. The header and the saved
// filters are kept in the local settings under the book's key.
class LogViewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogViewWidget)

public:
    LogViewWidget(std::shared_ptr<const Core::LogBook> book, Core::LocalSettings *settings, QWidget *parent = nullptr);
    // The Log.
    LogViewWidget(Core::Store *store, Core::LocalSettings *settings, QWidget *parent = nullptr);
    ~LogViewWidget() override;

    LogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    LogFilterBar *filterBar() const { return m_filterBar; }
    QPushButton *newEntriesButton() const { return m_newEntries; }
    QPlainTextEdit *detailsPane() const { return m_details; }
    QLabel *statusLabel() const { return m_count; }

    // Shows one system's entries ("Show log" from Intel AMT Systems).
    void showSystem(const QString &uuidOrFqdn);
    // The selected rows as tab-separated text, as Copy puts them on the clipboard.
    QString selectedRowsText() const;
    void copySelection();
    void showDetails(int row);
    // Moves to the oldest entries (Ctrl+End); scrolling up pages newer ones in, and
    // newEntriesButton() (Ctrl+Home) comes back to the newest.
    void showOldest();
    void showNewest();
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
    void rememberTopRow();
    void restoreTopRow();
    void afterRowsInserted(int first, int last);
    void onScrolled(int value);
    void chooseExport(Core::LogExporter::Format format);

    std::shared_ptr<const Core::LogBook> m_book;
    Core::Store *m_store;
    Core::LocalSettings *m_settings;
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
    QToolButton *m_cancelExport;
    QTimer *m_recount;
    Core::CategoryCounts m_counts; // the last full count, plus the live entries since
    quint64 m_countGeneration = 0;
    QFuture<Core::StoreResult<Core::CategoryCounts>> m_counting;
    int m_unseen = 0;
    bool m_wasAtTop = true;
    qint64 m_topEntryId = 0;
    QFuture<Core::StoreResult<qint64>> m_exporting;
    QMetaObject::Connection m_scrollToOldest;
};

} // namespace Oobm::Gui
