// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/profileassignment.h"
#include "ui/models/storelistmodel.h"

namespace Oobm::Gui {

// Profile Assignments, in the order they are tried.
class AssignmentsModel final : public StoreListModel<Core::ProfileAssignment>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentsModel)

public:
    enum Column { OrderColumn, KindColumn, ValueColumn, ProfileColumn, ColumnCount };

    explicit AssignmentsModel(Core::Store *store, QObject *parent = nullptr);
    ~AssignmentsModel() override;

    Core::ProfileAssignment assignment(int row) const { return item(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace Oobm::Gui
