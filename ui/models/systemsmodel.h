// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/amtsystem.h"
#include "core/provisioning/systemquery.h"
#include "ui/models/tablemodel.h"

#include <QHash>
#include <QList>
#include <QSet>

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Intel AMT Systems at fleet size. Filtering, sorting and paging run in SQL (Core::SystemQuery):
// the model holds the rows read so far and fetches the next page when the view scrolls to the
// end (fetchMore). It follows the store: the systems a change names (this process's engine, or
// another process) are read again and updated, moved or inserted in place, so the selection and
// the scroll position stay; rows beyond what is loaded come with the next page.
class SystemsModel final : public TableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemsModel)

public:
    enum Column {
        UuidColumn,
        NameColumn,
        StateColumn,
        FqdnColumn,
        AddressColumn,
        VersionColumn,
        ProfileColumn,
        PidColumn,
        LastHelloColumn,
        LastActionColumn,
        ColumnCount
    };
    enum Role { UuidRole = Qt::UserRole + 1, StateRole };
    static constexpr int PageSize = 200;

    explicit SystemsModel(Core::Store *store, QObject *parent = nullptr);
    ~SystemsModel() override;

    void setFilter(const Core::SystemFilter &filter);
    // Reads the rows shown so far again (and the total).
    void reload();
    Core::AmtSystem system(int row) const { return m_systems.value(row); }
    int rowOf(const QString &uuid) const { return m_rowOf.value(uuid, -1); }
    // Systems the filter selects, loaded or not (-1 until counted).
    qint64 total() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

Q_SIGNALS:
    // A read finished (error empty) or failed.
    void loaded(const QString &error);

private:
    static Core::SystemQuery::Sort sortOf(int column);
    Core::SystemQuery query(int limit) const;
    void readChanged();
    void countAll();
    // Puts the systems a change named where they belong: updates, moves, inserts, removes.
    void apply(const QStringList &asked, const QList<Core::AmtSystem> &found);
    // Where system belongs among the loaded rows (ignoring row skip).
    int positionFor(const Core::AmtSystem &system, int skip) const;
    void reindex(int from);

    Core::Store *m_store;
    Core::SystemQuery m_query; // filter and order; limit and keyset are set per read
    QList<Core::AmtSystem> m_systems;
    QHash<QString, int> m_rowOf;
    bool m_more = false;     // the last page was full: there may be more
    bool m_fetching = false; // a page is on its way
    quint64 m_generation = 0;
    qint64 m_total = -1;
    QSet<QString> m_changed;   // systems a change named, read at the next coalesced read
    bool m_changedAll = false; // a change named none: read what is shown again
    QTimer *m_coalesce;
};

} // namespace Oobm::Gui
