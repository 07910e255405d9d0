// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/tlscertificate.h"

#include <QAbstractTableModel>
#include <QList>

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// The imported TLS server certificates, without their keys.
class TlsCertificatesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsCertificatesModel)

public:
    enum Column { NameColumn, CommonNameColumn, ExpiresColumn, FingerprintColumn, ColumnCount };

    explicit TlsCertificatesModel(Core::Store *store, QObject *parent = nullptr);
    ~TlsCertificatesModel() override;

    void reload();
    Core::TlsCertificate certificate(int row) const { return m_certificates.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    QList<Core::TlsCertificate> m_certificates;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui
