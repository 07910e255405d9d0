// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/amtsystem.h"

#include <QAbstractTableModel>
#include <QList>

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Intel AMT Systems: every system the engines have seen. Filtering by state and text runs in
// SQL; the model follows the store (changes made here at once, other engines' every few seconds).
class SystemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemsModel)

public:
    enum Column {
        UuidColumn,
        FqdnColumn,
        AddressColumn,
        VersionColumn,
        StateColumn,
        ProfileColumn,
        PidColumn,
        LastHelloColumn,
        LastActionColumn,
        ColumnCount
    };
    enum Role { UuidRole = Qt::UserRole + 1, StateRole, SortRole };

    explicit SystemsModel(Core::Store *store, QObject *parent = nullptr);
    ~SystemsModel() override;

    void setFilter(const Core::SystemFilter &filter);
    void reload();
    Core::AmtSystem system(int row) const { return m_systems.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    Core::SystemFilter m_filter;
    QList<Core::AmtSystem> m_systems;
    QTimer *m_changed;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui
