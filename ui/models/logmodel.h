// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/logfilter.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// The user log as a table, newest first. Filtering runs in SQL (LogFilter); rows page in with
// fetchMore (keyset paging on id) and new entries are prepended live. The model never holds
// more than what has been fetched.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Column {
        DateColumn,
        SeverityColumn,
        DescriptionColumn,
        SourceColumn,
        UuidColumn,
        ColumnCount
    };
    enum Role { EntryIdRole = Qt::UserRole + 1, SeverityRole, TimeRole, DetailsRole };

    static constexpr int PageSize = 200;
    static constexpr int LiveLimit = 1000; // newer entries taken in one live update
    // The window the model holds: live entries push the oldest rows out (they page in again on
    // scrolling), and scrolling stops there (Oldest jumps to the other end). A console left open
    // with trace logging on stays at a few tens of MB.
    static constexpr int MaxRows = 50000;

    explicit LogModel(Core::Store *store, QObject *parent = nullptr);
    ~LogModel() override;

    Core::LogFilter filter() const { return m_filter; }
    void setFilter(const Core::LogFilter &filter);
    // Re-reads from the newest entry.
    void reload();
    // Whether the reader is at the newest entries. When not, a burst of new entries larger than
    // one live update waits (manyNewEntries) instead of reloading under the reader.
    void setFollowing(bool following) { m_following = following; }
    bool hasBurstPending() const { return m_burstPending; }
    // Shows the oldest entries (still newest first) instead: what scrolling to the very end of a
    // long log would show, without loading everything in between. Live updates pause until
    // reload().
    void showOldest();
    bool isShowingOldest() const { return m_oldest; }
    // How often entries written by other processes (the engine, oobmctl) are looked for.
    void setPollInterval(int ms);

    bool isLoading() const { return m_loading; }
    bool isAtEnd() const { return m_atEnd; }
    Core::LogEntry entry(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // A page or a live update arrived (or the first load finished with no rows).
    void loaded();
    void newEntries(int count);
    void manyNewEntries(); // more than LiveLimit arrived while the reader was elsewhere

private:
    void fetchNewer();
    QIcon severityIcon(Core::Severity severity) const;
    void onStoreStateChanged();

    Core::Store *m_store;
    Core::LogFilter m_filter;
    QList<Core::LogEntry> m_rows;
    QTimer *m_poll;
    quint64 m_generation = 0; // discards answers to queries made before a reset
    bool m_loading = false;
    bool m_fetchingNewer = false;
    bool m_newerPending = false;
    bool m_atEnd = false;
    bool m_started = false;
    bool m_oldest = false;
    bool m_following = true;
    bool m_burstPending = false;
    mutable QIcon m_icons[4]; // by severity
};

} // namespace Oobm::Gui
