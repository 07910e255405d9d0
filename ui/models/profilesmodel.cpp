// SPDX-License-Identifier: GPL-2.0-or-later
#include "profilesmodel.h"

#include <QFont>

namespace Oobm::Gui {

ProfilesModel::ProfilesModel(Core::Store *store, QObject *parent)
    : StoreListModel(store, &Core::Store::listProfiles, &Core::Store::profilesChanged, parent)
{ }

ProfilesModel::~ProfilesModel() = default;

int ProfilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

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

QVariant ProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DefaultColumn:
        return tr("Default");
    case AdminColumn:
        return tr("Admin user");
    case UsersColumn:
        return tr("Intel AMT users");
    case AuxiliaryColumn:
        return tr("Auxiliary profile");
    case TlsColumn:
        return tr("TLS");
    case DomainColumn:
        return tr("Domain");
    case HostColumn:
        return tr("Host name");
    case InterfacesColumn:
        return tr("Interfaces");
    }
    return {};
}

} // namespace Oobm::Gui
