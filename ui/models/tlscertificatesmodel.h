// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/tlscertificate.h"
#include "ui/models/storelistmodel.h"

namespace Oobm::Gui {

// The imported TLS server certificates, without their keys.
class TlsCertificatesModel final : public StoreListModel<Core::TlsCertificate>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsCertificatesModel)

public:
    enum Column { NameColumn, CommonNameColumn, ExpiresColumn, FingerprintColumn, ColumnCount };

    explicit TlsCertificatesModel(Core::Store *store, QObject *parent = nullptr);
    ~TlsCertificatesModel() override;

    Core::TlsCertificate certificate(int row) const { return item(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace Oobm::Gui
