// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/keyledger.h"
#include "ui/models/tablemodel.h"

#include <QHash>
#include <QList>

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// The key ledger as a table (Manage Security Keys). Filtering by state and text runs in SQL;
// PPS values are masked unless revealed (each reveal is audited by the store).
class SecurityKeysModel final : public TableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityKeysModel)

public:
    enum Column {
        PidColumn,
        PpsColumn,
        StateColumn,
        BatchColumn,
        CreatedColumn,
        ExportedColumn,
        DeviceColumn,
        ColumnCount
    };
    enum Role { PidRole = Qt::UserRole + 1, StateRole, SortRole };

    explicit SecurityKeysModel(Core::Store *store, QObject *parent = nullptr);
    ~SecurityKeysModel() override;

    void setFilter(const Core::KeyFilter &filter);
    Core::KeyFilter filter() const { return m_filter; }
    void reload();
    bool isLoaded() const { return m_loaded; }
    Core::KeyRecord key(int row) const { return m_keys.value(row); }
    void setRevealed(const QByteArray &pid, const QByteArray &pps);
    void hideAll();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    Core::KeyFilter m_filter;
    QList<Core::KeyRecord> m_keys;
    QHash<QByteArray, QByteArray> m_revealed;
    quint64 m_generation = 0;
    bool m_loaded = false;
};

} // namespace Oobm::Gui
