// SPDX-License-Identifier: GPL-2.0-or-later
#include "tlscertificatesmodel.h"

#include <QLocale>

namespace Oobm::Gui {

TlsCertificatesModel::TlsCertificatesModel(Core::Store *store, QObject *parent)
    : StoreListModel(store, &Core::Store::listTlsCertificates, &Core::Store::profilesChanged, parent)
{
    setColumnTitles({tr("Name"), tr("Common name"), tr("Expires"), tr("SHA-256")});
}

TlsCertificatesModel::~TlsCertificatesModel() = default;

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

} // namespace Oobm::Gui
