// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/profileassignment.h"

#include <QAbstractTableModel>
#include <QList>

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Profile Assignments, in the order they are tried.
class AssignmentsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentsModel)

public:
    enum Column { OrderColumn, KindColumn, ValueColumn, ProfileColumn, ColumnCount };

    explicit AssignmentsModel(Core::Store *store, QObject *parent = nullptr);
    ~AssignmentsModel() override;

    void reload();
    Core::ProfileAssignment assignment(int row) const { return m_rules.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    QList<Core::ProfileAssignment> m_rules;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui
