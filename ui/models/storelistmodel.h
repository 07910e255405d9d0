// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/async.h"
#include "core/store/store.h"
#include "ui/models/storelistmodelbase.h"

#include <QFuture>
#include <QList>

namespace Oobm::Gui {

// A table of what one Store list call returns (profiles, assignments, certificates, …): reloads
// when the store says the list may have changed, drops answers that a later reload superseded,
// resets the model with each answer and reports it with loaded(). Subclasses give the column
// titles (TableModel::setColumnTitles) and data().
template<typename T>
class StoreListModel : public StoreListModelBase
{
public:
    using List = QFuture<Core::StoreResult<QList<T>>> (Core::Store::*)();
    using Changed = void (Core::Store::*)();

    // list: the Store call that answers the rows; changed: the Store signal after which they are
    // read again.
    StoreListModel(Core::Store *store, List list, Changed changed, QObject *parent = nullptr)
        : StoreListModelBase(parent)
        , m_store(store)
        , m_list(list)
    {
        connect(m_store, changed, this, [this] { reload(); });
    }

    void reload() override
    {
        const quint64 generation = ++m_generation;
        Core::whenReady((m_store->*m_list)(), this, [this, generation](const Core::StoreResult<QList<T>> &r) {
            if (generation != m_generation)
                return; // a later reload is under way
            beginResetModel();
            m_items = r.ok() ? r.value : QList<T>{};
            endResetModel();
            finishLoad(r.ok() ? QString() : r.error.message);
        });
    }

    // The row's item; a default one for a row that does not exist.
    T item(int row) const { return m_items.value(row); }
    const QList<T> &items() const { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }

protected:
    Core::Store *store() const { return m_store; }

private:
    Core::Store *m_store;
    List m_list;
    QList<T> m_items;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui
