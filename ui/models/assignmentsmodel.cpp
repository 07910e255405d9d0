// SPDX-License-Identifier: GPL-2.0-or-later
#include "assignmentsmodel.h"


namespace Oobm::Gui {

AssignmentsModel::AssignmentsModel(Core::Store *store, QObject *parent)
    : StoreListModel(store, &Core::Store::listAssignments, &Core::Store::profilesChanged, parent)
{
    setColumnTitles({tr("#"), tr("Match by"), tr("Value"), tr("Provision profile")});
}

AssignmentsModel::~AssignmentsModel() = default;

QVariant AssignmentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || role != Qt::DisplayRole)
        return {};
    const Core::ProfileAssignment &a = items().at(index.row());
    switch (index.column()) {
    case OrderColumn:
        return index.row() + 1;
    case KindColumn:
        return a.kind == Core::ProfileAssignment::Kind::Uuid           ? tr("UUID")
                : a.kind == Core::ProfileAssignment::Kind::FqdnPattern ? tr("FQDN pattern")
                                                                       : tr("IP range");
    case ValueColumn:
        return a.value;
    case ProfileColumn:
        return a.profileName;
    }
    return {};
}

} // namespace Oobm::Gui
