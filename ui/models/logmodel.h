// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/logbook/logbook.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

#include <memory>

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// One of the logs (a Core::LogBook: the Log, the Actions Status, the Security Audit) as a table,
// newest first. Filtering runs in SQL; the model holds a window of at most MaxRows contiguous
// records and moves it with keyset queries: fetchMore pages older records in at the bottom,
// fetchNewerPage newer ones at the top, and the rows at the other end go. While the window's top
// is the newest record, new records are prepended live.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Role { EntryIdRole = Qt::UserRole + 1, CategoryRole, TimeRole, DetailsRole };

    static constexpr int PageSize = 200;
    static constexpr int LiveLimit = 1000; // newer entries taken in one live update
    // The window the model holds. A console left open with trace logging on stays at a few tens
    // of MB, and scrolling through a million entries never holds more than this.
    static constexpr int MaxRows = 50000;

    LogModel(std::shared_ptr<const Core::LogBook> book, QObject *parent = nullptr);
    // The Log (Core::UserLogBook).
    explicit LogModel(Core::Store *store, QObject *parent = nullptr);
    ~LogModel() override;

    const Core::LogBook &book() const { return *m_book; }
    std::shared_ptr<const Core::LogBook> bookPointer() const { return m_book; }
    Core::RecordFilter filter() const { return m_filter; }
    void setFilter(const Core::RecordFilter &filter);
    // Re-reads from the newest entry.
    void reload();
    // Whether the reader is at the newest entries. When not, a burst of new entries larger than
    // one live update waits (manyNewEntries) instead of reloading under the reader.
    void setFollowing(bool following) { m_following = following; }
    bool hasBurstPending() const { return m_burstPending; }
    // Moves the window to the oldest entries (still newest first): what scrolling to the very
    // end of a long log would show, without loading everything in between. Scrolling up from
    // there pages newer entries in (fetchNewerPage) until the newest.
    void showOldest();
    // Whether the window's top is the newest entry the filter selects (live updates apply).
    bool isAtNewest() const { return m_atNewest; }
    bool canFetchNewerPage() const;
    void fetchNewerPage();
    // True while a page of newer entries is being inserted at the top (not live entries).
    bool isInsertingNewerPage() const { return m_insertingNewerPage; }
    // How often entries written by other processes (the engine, oobmctl) are looked for.
    void setPollInterval(int ms);
    // The window's size (MaxRows unless a test wants a smaller one); at least two pages.
    void setWindowSize(int rows) { m_windowSize = qMax(2 * PageSize, rows); }
    int windowSize() const { return m_windowSize; }

    bool isLoading() const { return m_loading; }
    // Why the last page could not be read (empty when it could); scrolling tries again.
    QString lastError() const { return m_error; }
    // The row showing the record with this id, or -1.
    int rowOfId(qint64 id) const;
    bool isAtEnd() const { return m_atEnd; }
    Core::LogRecord record(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // A page or a live update arrived (or the first load finished with no rows).
    void loaded();
    void newEntries(int count);
    void manyNewEntries(); // more than LiveLimit arrived while the reader was elsewhere

private:
    void fetchNewer();
    void trimTop();
    void trimBottom();
    QIcon categoryIcon(int category) const;
    void onStoreStateChanged();

    std::shared_ptr<const Core::LogBook> m_book;
    Core::Store *m_store;
    QList<Core::LogBook::ColumnSpec> m_columns;
    Core::RecordFilter m_filter;
    QList<Core::LogRecord> m_rows;
    QString m_error;
    QTimer *m_poll;
    int m_windowSize = MaxRows;
    quint64 m_generation = 0; // discards answers to queries made before a reset
    bool m_loading = false;
    bool m_fetchingNewer = false;
    bool m_newerPending = false;
    bool m_atEnd = false;
    bool m_atNewest = true;
    bool m_started = false;
    bool m_following = true;
    bool m_burstPending = false;
    bool m_insertingNewerPage = false;
    mutable QIcon m_icons[4]; // the Log's, by severity
};

} // namespace Oobm::Gui
