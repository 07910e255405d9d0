// SPDX-License-Identifier: GPL-2.0-or-later
#include "auxiliaryprofilesmodel.h"

#include "ui/widgets/aclusersedit.h"

#include <QLocale>

namespace Oobm::Gui {

AuxiliaryProfilesModel::AuxiliaryProfilesModel(Core::Store *store, QObject *parent)
    : StoreListModel(store, &Core::Store::listAuxiliaryProfiles, &Core::Store::profilesChanged, parent)
{ }

AuxiliaryProfilesModel::~AuxiliaryProfilesModel() = default;

int AuxiliaryProfilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuxiliaryProfilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::AuxiliaryProfile &a = items().at(index.row());
    if (role == Qt::ToolTipRole && index.column() == UsersColumn) {
        QStringList lines;
        for (const auto &u : a.aclUsers)
            lines << tr("%1: %2").arg(u.username, AclUsersEdit::realmText(u.realms));
        return lines.join(u'\n');
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return a.name;
    case UsersColumn: {
        QStringList names;
        for (const auto &u : a.aclUsers)
            names << u.username;
        return names.join(QStringLiteral(", "));
    }
    case CertificateColumn:
        return a.tlsCertificateId > 0 ? a.tlsCertificateName : tr("(none)");
    case UsedByColumn:
        return a.usedBy.isEmpty() ? tr("(no profile)") : a.usedBy.join(QStringLiteral(", "));
    case ChangedColumn:
        return QLocale().toString(a.changed.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant AuxiliaryProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UsersColumn:
        return tr("Intel AMT users");
    case CertificateColumn:
        return tr("TLS certificate");
    case UsedByColumn:
        return tr("Used by");
    case ChangedColumn:
        return tr("Changed");
    }
    return {};
}

} // namespace Oobm::Gui
