// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Oobm::Gui {

// Sorts a record table by the source's sort role (raw values: numbers and times sort as such),
// keeping the rows whose pinned role is true first in either order, as a file manager keeps
// folders first: the built-in collections stay above the ones admins made.
class PinnedSortModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PinnedSortModel)

public:
    // pinnedRole: a bool role of the source (0: none pinned).
    explicit PinnedSortModel(int pinnedRole = 0, QObject *parent = nullptr);
    ~PinnedSortModel() override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_pinnedRole;
};

} // namespace Oobm::Gui
