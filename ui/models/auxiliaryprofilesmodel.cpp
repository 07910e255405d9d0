// SPDX-License-Identifier: GPL-2.0-or-later
#include "auxiliaryprofilesmodel.h"

#include "ui/widgets/aclusersedit.h"

#include <QLocale>

namespace Oobm::Gui {

AuxiliaryProfilesModel::AuxiliaryProfilesModel(Core::Store *store, QObject *parent)
    : StoreListModel(store, &Core::Store::listAuxiliaryProfiles, &Core::Store::profilesChanged, parent)
{
    setColumnTitles({tr("Name"), tr("Intel AMT users"), tr("TLS certificate"), tr("Used by"), tr("Changed")});
}

AuxiliaryProfilesModel::~AuxiliaryProfilesModel() = default;

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

} // namespace Oobm::Gui
