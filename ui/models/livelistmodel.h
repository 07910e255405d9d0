// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/models/storelistmodelbase.h"

#include <QHash>
#include <QList>

namespace Oobm::Gui {

// A table of records the store lists that change while they are shown (collections and their
// member counts, tasks, runs and their progress). Unlike StoreListModel, which resets itself with
// each answer, setItems() updates the rows in place, matched by their key: what is new is
// inserted, what is gone removed, what moved moved, and the rest only reports changed data, so
// the selection, the current row and the scroll position stay while a run progresses.
// Subclasses give keyOf(), the column titles (TableModel::setColumnTitles) and data(), and decide
// when to read.
template<typename T, typename Key = qint64>
class LiveListModel : public StoreListModelBase
{
public:
    using StoreListModelBase::StoreListModelBase;

    // The row's item; a default one for a row that does not exist.
    T item(int row) const { return m_items.value(row); }
    const QList<T> &items() const { return m_items; }
    // The row of the item with this key, or -1.
    int rowOf(const Key &key) const
    {
        for (int row = 0; row < m_items.size(); ++row) {
            if (keyOf(m_items.at(row)) == key)
                return row;
        }
        return -1;
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }

protected:
    virtual Key keyOf(const T &item) const = 0;

    // Makes the rows items, in their order, changing only what differs.
    void setItems(const QList<T> &items)
    {
        QHash<Key, int> wanted;
        for (int i = 0; i < items.size(); ++i)
            wanted.insert(keyOf(items.at(i)), i);
        // What is gone, in blocks from the end.
        for (int row = int(m_items.size()) - 1; row >= 0; --row) {
            if (wanted.contains(keyOf(m_items.at(row))))
                continue;
            int first = row;
            while (first > 0 && !wanted.contains(keyOf(m_items.at(first - 1))))
                --first;
            beginRemoveRows({}, first, row);
            m_items.remove(first, row - first + 1);
            endRemoveRows();
            row = first;
        }
        // Then each wanted item at its place: where it is, moved up from below, or inserted (new
        // ones next to each other in one block).
        for (int i = 0; i < items.size(); ++i) {
            const Key key = keyOf(items.at(i));
            if (i < m_items.size() && keyOf(m_items.at(i)) == key)
                continue;
            int from = -1;
            for (int row = i + 1; row < m_items.size(); ++row) {
                if (keyOf(m_items.at(row)) == key) {
                    from = row;
                    break;
                }
            }
            if (from >= 0) {
                beginMoveRows({}, from, from, {}, i);
                m_items.move(from, i);
                endMoveRows();
                continue;
            }
            int last = i;
            while (last + 1 < items.size() && rowOfFrom(keyOf(items.at(last + 1)), i) < 0)
                ++last;
            beginInsertRows({}, i, last);
            for (int j = i; j <= last; ++j)
                m_items.insert(j, items.at(j));
            endInsertRows();
            i = last;
        }
        m_items = items;
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_items.size()) - 1, columnCount() - 1));
    }

    void clearItems()
    {
        if (m_items.isEmpty())
            return;
        beginRemoveRows({}, 0, int(m_items.size()) - 1);
        m_items.clear();
        endRemoveRows();
    }

private:
    int rowOfFrom(const Key &key, int from) const
    {
        for (int row = from; row < m_items.size(); ++row) {
            if (keyOf(m_items.at(row)) == key)
                return row;
        }
        return -1;
    }

    QList<T> m_items;
};

} // namespace Oobm::Gui
