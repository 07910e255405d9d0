// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/provisionprofile.h"

#include <QAbstractTableModel>
#include <QList>

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Provision Profiles, without their secrets.
class ProfilesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesModel)

public:
    enum Column {
        NameColumn,
        DefaultColumn,
        AdminColumn,
        UsersColumn,
        AuxiliaryColumn,
        TlsColumn,
        DomainColumn,
        HostColumn,
        InterfacesColumn,
        ColumnCount
    };

    explicit ProfilesModel(Core::Store *store, QObject *parent = nullptr);
    ~ProfilesModel() override;

    void reload();
    Core::ProvisionProfile profile(int row) const { return m_profiles.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    QList<Core::ProvisionProfile> m_profiles;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui
