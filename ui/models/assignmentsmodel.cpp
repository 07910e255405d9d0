// SPDX-License-Identifier: GPL-2.0-or-later
#include "assignmentsmodel.h"

#include "core/async.h"
#include "core/store/store.h"

namespace Oobm::Gui {

AssignmentsModel::AssignmentsModel(Core::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &Core::Store::profilesChanged, this, &AssignmentsModel::reload);
}

AssignmentsModel::~AssignmentsModel() = default;

void AssignmentsModel::reload()
{
    const quint64 generation = ++m_generation;
    Core::whenReady(m_store->listAssignments(), this,
                    [this, generation](const Core::StoreResult<QList<Core::ProfileAssignment>> &r) {
        if (generation != m_generation)
            return;
        beginResetModel();
        m_rules = r.ok() ? r.value : QList<Core::ProfileAssignment>{};
        endResetModel();
        Q_EMIT loaded(r.ok() ? QString() : r.error.message);
    });
}

int AssignmentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int AssignmentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssignmentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || role != Qt::DisplayRole)
        return {};
    const Core::ProfileAssignment &a = m_rules.at(index.row());
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

QVariant AssignmentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OrderColumn:
        return tr("#");
    case KindColumn:
        return tr("Match by");
    case ValueColumn:
        return tr("Value");
    case ProfileColumn:
        return tr("Provision profile");
    }
    return {};
}

} // namespace Oobm::Gui
