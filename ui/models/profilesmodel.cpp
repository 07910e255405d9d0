// SPDX-License-Identifier: GPL-2.0-or-later
#include "profilesmodel.h"

#include <QFont>

namespace Oobm::Gui {

ProfilesModel::ProfilesModel(Core::Store *store, QObject *parent)
    : StoreListModel(store, &Core::Store::listProfiles, &Core::Store::profilesChanged, parent)
{
    setColumnTitles({tr("Name"), tr("Default"), tr("Admin user"), tr("Intel AMT users"), tr("Auxiliary profile"),
                     tr("TLS"), tr("Domain"), tr("Host name"), tr("Interfaces")});
}

ProfilesModel::~ProfilesModel() = default;

QVariant ProfilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::ProvisionProfile &p = items().at(index.row());
    if (role == Qt::FontRole && p.isDefault) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return p.name;
    case DefaultColumn:
        return p.isDefault ? tr("Default") : QString();
    case AdminColumn:
        return p.adminUser;
    case UsersColumn: {
        QStringList names;
        for (const auto &u : p.aclUsers)
            names << u.username;
        return names.join(QStringLiteral(", "));
    }
    case AuxiliaryColumn:
        return p.auxiliaryProfileName;
    case TlsColumn:
        if (!p.tlsEnabled)
            return tr("off");
        return p.tlsCertificateId > 0 ? p.tlsCertificateName : tr("%1's certificate").arg(p.auxiliaryProfileName);
    case DomainColumn:
        return p.domainName;
    case HostColumn:
        return p.hostNamePattern.isEmpty() ? tr("(unchanged)") : p.hostNamePattern;
    case InterfacesColumn:
        return p.interfaces.join(QStringLiteral(", "));
    }
    return {};
}

} // namespace Oobm::Gui
