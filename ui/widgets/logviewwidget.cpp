// SPDX-License-Identifier: GPL-2.0-or-later
#include "logviewwidget.h"

#include "core/async.h"
#include "core/log/retention.h"
#include "core/logbook/userlogbook.h"
#include "core/settings/localsettings.h"
#include "core/store/store.h"
#include "ui/models/logmodel.h"
#include "ui/widgets/logfilterbar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::LogRecord;

LogViewWidget::LogViewWidget(Core::Store *store, Core::LocalSettings *settings, QWidget *parent)
    : LogViewWidget(std::make_shared<Core::UserLogBook>(store), settings, parent)
{ }

LogViewWidget::LogViewWidget(std::shared_ptr<const Core::LogBook> book, Core::LocalSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_book(std::move(book))
    , m_store(m_book->store())
    , m_settings(settings)
    , m_model(new LogModel(m_book, this))
    , m_filterBar(new LogFilterBar(*m_book, settings, m_book->key() + QStringLiteral("/savedFilters"), this))
    , m_stack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_empty(new QLabel(this))
    , m_count(new QLabel(this))
    , m_newEntries(new QPushButton(this))
    , m_export(new QToolButton(this))
    , m_oldest(new QToolButton(this))
    , m_progress(new QProgressBar(this))
    , m_cancelExport(new QToolButton(this))
    , m_recount(new QTimer(this))
{
    m_view->setObjectName(m_book->key() + QStringLiteral("View"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionsMovable(true);
    h->setHighlightSections(false);
    h->setStretchLastSection(false);
    const QList<Core::LogBook::ColumnSpec> columns = m_book->columns();
    for (int c = 0; c < columns.size(); ++c) {
        if (columns.at(c).widthSample.isEmpty())
            h->setSectionResizeMode(c, QHeaderView::Stretch);
        else
            h->resizeSection(c, m_view->fontMetrics().horizontalAdvance(columns.at(c).widthSample) + 24);
    }
    const QString headerKey = m_book->key() + QStringLiteral("/header");
    if (m_settings)
        h->restoreState(m_settings->bytes(headerKey));
    connect(h, &QHeaderView::sectionResized, this, &LogViewWidget::saveHeader);
    connect(h, &QHeaderView::sectionMoved, this, &LogViewWidget::saveHeader);

    // Details (double-click or Enter), copy, the two ends, export.
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setReadOnly(true);
    m_details->hide();
    connect(m_view, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { showDetails(index.row()); });
    connect(m_view, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { showDetails(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
        if (m_details->isVisible() && current.isValid())
            showDetails(current.row());
    });
    auto *copy = new QAction(tr("&Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &LogViewWidget::copySelection);
    auto *details = new QAction(tr("Show &Details"), m_view);
    connect(details, &QAction::triggered, this, [this] {
        if (m_view->currentIndex().isValid())
            showDetails(m_view->currentIndex().row());
    });
    auto *newest = new QAction(tr("Go to the &Newest Entries"), m_view);
    newest->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    newest->setShortcutContext(Qt::WidgetShortcut);
    connect(newest, &QAction::triggered, this, &LogViewWidget::showNewest);
    auto *oldest = new QAction(tr("Go to the &Oldest Entries"), m_view);
    oldest->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    oldest->setShortcutContext(Qt::WidgetShortcut);
    connect(oldest, &QAction::triggered, this, &LogViewWidget::showOldest);
    m_view->addAction(copy);
    m_view->addAction(details);
    m_view->addAction(newest);
    m_view->addAction(oldest);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_empty);

    m_count->setObjectName(QStringLiteral("entryCount"));
    m_newEntries->setObjectName(QStringLiteral("newEntries"));
    m_newEntries->hide();
    connect(m_newEntries, &QPushButton::clicked, this, &LogViewWidget::showNewest);

    m_export->setObjectName(QStringLiteral("export"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Write the entries the filter selects to a CSV or JSON file"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("CSV…"), this, [this] { chooseExport(Core::LogExporter::Format::Csv); });
    exportMenu->addAction(tr("JSON…"), this, [this] { chooseExport(Core::LogExporter::Format::Json); });
    m_export->setMenu(exportMenu);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancelExport->setObjectName(QStringLiteral("cancelExport"));
    m_cancelExport->setText(tr("Cancel Export"));
    m_cancelExport->setToolTip(tr("Stop the export; nothing is written"));
    m_cancelExport->hide();
    connect(m_cancelExport, &QToolButton::clicked, this, &LogViewWidget::cancelExport);

    m_oldest->setObjectName(QStringLiteral("oldest"));
    m_oldest->setText(tr("Oldest"));
    m_oldest->setToolTip(tr("Go to the oldest entries the filter selects (Ctrl+End); scroll up "
                            "from there for newer ones"));
    connect(m_oldest, &QToolButton::clicked, this, &LogViewWidget::showOldest);

    auto *status = new QHBoxLayout;
    status->addWidget(m_count, 1);
    status->addWidget(m_newEntries);
    status->addWidget(m_oldest);
    status->addWidget(m_progress);
    status->addWidget(m_cancelExport);
    status->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_stack, 1);
    layout->addLayout(status);

    connect(m_filterBar, &LogFilterBar::filterChanged, this, &LogViewWidget::applyFilter);
    connect(m_model, &LogModel::loaded, this, &LogViewWidget::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogViewWidget::updateState);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        disconnect(m_scrollToOldest);
        m_unseen = 0;
        // A reload after a burst: the counts missed those entries. Recount, at most once a minute.
        if (!m_recount->isActive())
            m_recount->start();
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int first, int) {
        if (first == 0)
            rememberTopRow();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { afterRowsInserted(first, last); });
    // Rows going at the top (the window moved down a long log): the reader's row stays put.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int first, int) {
        if (first == 0)
            rememberTopRow();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int) {
        if (first == 0)
            restoreTopRow();
        updateState();
    });
    // Live entries add to the counts here; a full recount (a query over every matching entry)
    // runs at most once a minute while entries keep coming, not at every batch.
    m_recount->setSingleShot(true);
    m_recount->setInterval(60000);
    connect(m_recount, &QTimer::timeout, this, &LogViewWidget::refreshCounts);
    connect(m_model, &LogModel::newEntries, this, [this](int count) {
        for (int row = 0; row < count && row < m_model->rowCount(); ++row)
            m_counts.add(m_model->index(row, 0).data(LogModel::CategoryRole).toInt(), 1);
        m_filterBar->setCounts(m_counts);
        if (!m_recount->isActive())
            m_recount->start();
    });
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        if (m_store->isReadable())
            refreshCounts();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LogViewWidget::onScrolled);
    connect(m_model, &LogModel::manyNewEntries, this, [this] {
        m_newEntries->setText(tr("More than %1 new entries, show them").arg(LogModel::LiveLimit));
        m_newEntries->show();
    });
    connect(m_store, &Core::Store::logsPurged, this, [this](const Core::PurgeReport &report) {
        if (!m_book->purgedBy(report))
            return; // entries of the other logs went: nothing here changed
        m_model->reload();
        refreshCounts();
    });
    updateState();
    if (m_store->isReadable())
        refreshCounts();
}

LogViewWidget::~LogViewWidget()
{
    // A running export reads the store on a worker thread: stop it (between two pages of
    // entries; the temporary file is discarded) before the store can go away.
    if (m_exporting.isRunning()) {
        m_exporting.cancel();
        m_exporting.waitForFinished();
    }
}

void LogViewWidget::applyFilter()
{
    m_model->setFilter(m_filterBar->filter());
    refreshCounts();
}

void LogViewWidget::refreshCounts()
{
    if (!m_store->isReadable())
        return;
    const quint64 generation = ++m_countGeneration;
    m_counting.cancel(); // a filter left behind: not worth the store thread's time
    m_counting = m_book->count(m_model->filter());
    Core::whenReady(m_counting, this, [this, generation](const Core::StoreResult<Core::CategoryCounts> &r) {
        if (generation == m_countGeneration && r.ok()) {
            m_counts = r.value;
            m_filterBar->setCounts(r.value);
        }
    });
}

void LogViewWidget::showSystem(const QString &uuidOrFqdn)
{
    m_filterBar->setDevice(uuidOrFqdn);
}

void LogViewWidget::rememberTopRow()
{
    m_wasAtTop = m_view->verticalScrollBar()->value() == 0;
    const QModelIndex top = m_view->indexAt(QPoint(1, 1));
    m_topEntryId = top.isValid() ? top.data(LogModel::EntryIdRole).toLongLong() : 0;
}

void LogViewWidget::restoreTopRow()
{
    const int row = m_model->rowOfId(m_topEntryId);
    if (row < 0)
        return;
    // The scroll bar's range follows the rows only at the next layout: lay out now, or the row
    // could not be scrolled to the top when it is in the rows just added.
    m_view->doItemsLayout();
    m_view->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
}

void LogViewWidget::afterRowsInserted(int first, int last)
{
    if (first != 0 || m_model->rowCount() == last + 1)
        return; // a page of older entries at the end, or the first rows: nothing moves
    if (m_model->isInsertingNewerPage()) {
        restoreTopRow(); // scrolling up from older entries: carry on from the same row
        return;
    }
    if (m_wasAtTop) {
        m_view->scrollToTop();
        return;
    }
    // The reader is further down: keep the row they were reading where it was.
    m_unseen += last - first + 1;
    m_newEntries->setText(tr("%n new entries, show them", nullptr, m_unseen));
    m_newEntries->show();
    restoreTopRow();
}

void LogViewWidget::onScrolled(int value)
{
    m_model->setFollowing(value == 0 && m_model->isAtNewest());
    if (value == 0 && m_model->isAtNewest() && !m_model->hasBurstPending() && m_unseen > 0) {
        m_unseen = 0; // scrolled up to them by hand
        m_newEntries->hide();
    }
    // At the top of a window that is not at the newest entries: page the newer ones in.
    if (value == m_view->verticalScrollBar()->minimum() && m_model->canFetchNewerPage())
        m_model->fetchNewerPage();
}

void LogViewWidget::showNewest()
{
    m_unseen = 0;
    m_newEntries->hide();
    if (!m_model->isAtNewest() || m_model->hasBurstPending())
        m_model->reload();
    m_view->scrollToTop();
}

void LogViewWidget::showOldest()
{
    m_model->showOldest();
    // Once they are there; not after whatever comes next, should the filter change first.
    m_scrollToOldest = connect(m_model, &LogModel::loaded, m_view, &QTableView::scrollToBottom,
                               Qt::SingleShotConnection);
}

QString LogViewWidget::selectedRowsText() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(rows)) {
        QStringList fields = m_book->copyFields(m_model->record(index.row()));
        for (QString &f : fields)
            f.replace(u'\t', u' ').replace(u'\n', u' ');
        lines << fields.join(u'\t');
    }
    return lines.join(u'\n');
}

void LogViewWidget::copySelection()
{
    const QString text = selectedRowsText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void LogViewWidget::showDetails(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_details->setPlainText(m_book->details(m_model->record(row)));
    m_details->show();
}

void LogViewWidget::chooseExport(Core::LogExporter::Format format)
{
    const bool csv = format == Core::LogExporter::Format::Csv;
    const QString name = QStringLiteral("oobm-") + m_book->key();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"),
                                                      name + (csv ? QStringLiteral(".csv") : QStringLiteral(".json")),
                                                      csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportTo(path, format);
}

void LogViewWidget::exportTo(const QString &path, Core::LogExporter::Format format)
{
    auto *watcher = new QFutureWatcher<Core::StoreResult<qint64>>(this);
    m_export->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelExport->show();
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_export->setEnabled(true);
        m_progress->hide();
        m_cancelExport->hide();
        auto r = watcher->future().resultCount() > 0 ? watcher->future().result() : Core::StoreResult<qint64>{};
        if (watcher->future().isCanceled())
            r.error = Core::StoreError::make(Core::StoreError::Kind::Query,
                                             tr("The export was cancelled; nothing was written."));
        const QString message = r.ok() ? tr("Exported %n entries to %1.", nullptr, int(r.value)).arg(path)
                                       : r.error.message;
        m_count->setText(message);
        Q_EMIT exportFinished(r.ok(), message);
    });
    m_exporting = Core::LogExporter::exportToFile(m_book, m_model->filter(), format, path);
    watcher->setFuture(m_exporting);
}

void LogViewWidget::cancelExport()
{
    m_exporting.cancel();
    m_cancelExport->setEnabled(false);
    QTimer::singleShot(0, m_cancelExport, [b = m_cancelExport] { b->setEnabled(true); });
}

void LogViewWidget::updateState()
{
    const int rows = m_model->rowCount();
    const QString error = m_model->lastError();
    const bool empty = rows == 0 && m_model->isAtEnd() && !m_model->isLoading() && error.isEmpty();
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_splitter);
    m_empty->setText(m_book->emptyText(!m_model->filter().isEmpty()));
    const bool newest = m_model->isAtNewest();
    m_model->setFollowing(newest && m_view->verticalScrollBar()->value() == 0);
    if (!newest) {
        if (!m_model->hasBurstPending())
            m_newEntries->setText(tr("Back to the newest entries"));
        m_newEntries->show();
    } else if (m_unseen == 0 && !m_model->hasBurstPending()) {
        m_newEntries->hide();
    }
    if (!error.isEmpty())
        m_count->setText(tr("The entries could not be read: %1 Scroll to try again.").arg(error));
    else if (newest && m_model->isAtEnd())
        m_count->setText(tr("%n entries, newest first.", nullptr, rows));
    else if (newest)
        m_count->setText(tr("%n newest entries shown; scroll down for older ones.", nullptr, rows));
    else if (m_model->isAtEnd())
        m_count->setText(tr("The %n oldest entries, newest first; scroll up for newer ones.", nullptr, rows));
    else
        m_count->setText(tr("%n entries shown, neither the newest nor the oldest; scroll for "
                            "more.",
                            nullptr, rows));
}

void LogViewWidget::saveHeader()
{
    if (m_settings)
        m_settings->setValue(m_book->key() + QStringLiteral("/header"), m_view->horizontalHeader()->saveState());
}

} // namespace Oobm::Gui
