// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/provisionprofile.h"
#include "ui/models/storelistmodel.h"

namespace Oobm::Gui {

// Provision Profiles, without their secrets.
class ProfilesModel final : public StoreListModel<Core::ProvisionProfile>
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

    Core::ProvisionProfile profile(int row) const { return item(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace Oobm::Gui
