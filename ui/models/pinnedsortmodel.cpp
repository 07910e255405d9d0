// SPDX-License-Identifier: GPL-2.0-or-later
#include "pinnedsortmodel.h"

namespace Oobm::Gui {

PinnedSortModel::PinnedSortModel(int pinnedRole, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_pinnedRole(pinnedRole)
{
    setDynamicSortFilter(true);
}

PinnedSortModel::~PinnedSortModel() = default;

bool PinnedSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_pinnedRole != 0) {
        const bool leftPinned = left.data(m_pinnedRole).toBool();
        const bool rightPinned = right.data(m_pinnedRole).toBool();
        // The view reverses the order for a descending sort: pinned rows stay first either way.
        if (leftPinned != rightPinned)
            return sortOrder() == Qt::AscendingOrder ? leftPinned : rightPinned;
        if (leftPinned)
            return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    }
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (a == b)
        return left.row() < right.row();
    return QVariant::compare(a, b) == QPartialOrdering::Less;
}

} // namespace Oobm::Gui
