// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/logfilter.h"

#include "core/keys/keyledger.h"

#include <QAbstractTableModel>
#include <QList>

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// The Security Audit log, newest first: who showed, exported, imported, generated or deleted
// secrets. Reloads when the key ledger changes.
class SecurityAuditModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityAuditModel)

public:
    enum Column {
        TimeColumn,
        UserColumn,
        HostColumn,
        ActionColumn,
        CountColumn,
        FileColumn,
        DetailsColumn,
        ColumnCount
    };
    static constexpr int Limit = 5000;

    explicit SecurityAuditModel(Core::Store *store, QObject *parent = nullptr);
    ~SecurityAuditModel() override;

    void reload();
    // The log's filters that apply to the Security Audit (time range, action, text), in SQL.
    Core::AuditQuery query() const { return m_query; }
    void setQuery(const Core::AuditQuery &query);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    QList<Core::AuditEntry> m_entries;
    Core::AuditQuery m_query;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui
