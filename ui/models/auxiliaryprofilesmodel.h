// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/auxiliaryprofile.h"

#include <QAbstractTableModel>
#include <QList>

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Auxiliary Profiles, without their passwords, with the provision profiles that use each.
class AuxiliaryProfilesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuxiliaryProfilesModel)

public:
    enum Column { NameColumn, UsersColumn, CertificateColumn, UsedByColumn, ChangedColumn, ColumnCount };

    explicit AuxiliaryProfilesModel(Core::Store *store, QObject *parent = nullptr);
    ~AuxiliaryProfilesModel() override;

    void reload();
    Core::AuxiliaryProfile profile(int row) const { return m_profiles.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    QList<Core::AuxiliaryProfile> m_profiles;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui
