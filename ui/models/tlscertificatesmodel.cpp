// SPDX-License-Identifier: GPL-2.0-or-later
#include "tlscertificatesmodel.h"

#include <QLocale>

namespace Oobm::Gui {

TlsCertificatesModel::TlsCertificatesModel(Core::Store *store, QObject *parent)
    : StoreListModel(store, &Core::Store::listTlsCertificates, &Core::Store::profilesChanged, parent)
{ }

TlsCertificatesModel::~TlsCertificatesModel() = default;

int TlsCertificatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TlsCertificatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::TlsCertificate &c = items().at(index.row());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c.name;
    case CommonNameColumn:
        return c.commonName;
    case ExpiresColumn: {
        const QString when = QLocale().toString(c.notAfter.toLocalTime(), QLocale::ShortFormat);
        return c.isExpired() ? tr("%1 (expired)").arg(when) : when;
    }
    case FingerprintColumn:
        return c.sha256;
    }
    return {};
}

QVariant TlsCertificatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CommonNameColumn:
        return tr("Common name");
    case ExpiresColumn:
        return tr("Expires");
    case FingerprintColumn:
        return tr("SHA-256");
    }
    return {};
}

} // namespace Oobm::Gui
