// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/auxiliaryprofile.h"
#include "ui/models/storelistmodel.h"

namespace Oobm::Gui {

// Auxiliary Profiles, without their passwords, with the provision profiles that use each.
class AuxiliaryProfilesModel final : public StoreListModel<Core::AuxiliaryProfile>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuxiliaryProfilesModel)

public:
    enum Column { NameColumn, UsersColumn, CertificateColumn, UsedByColumn, ChangedColumn, ColumnCount };

    explicit AuxiliaryProfilesModel(Core::Store *store, QObject *parent = nullptr);
    ~AuxiliaryProfilesModel() override;

    Core::AuxiliaryProfile profile(int row) const { return item(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace Oobm::Gui
