// SPDX-License-Identifier: GPL-2.0-or-later
#include "securitykeysmodel.h"

#include "core/async.h"
#include "core/keys/pidpps.h"
#include "core/store/store.h"

#include <QFileInfo>

namespace Oobm::Gui {

using Core::KeyRecord;

SecurityKeysModel::SecurityKeysModel(Core::Store *store, QObject *parent)
    : TableModel(parent)
    , m_store(store)
{
    setColumnTitles({tr("PID"), tr("PPS"), tr("State"), tr("Batch"), tr("Created"), tr("Exported to"), tr("Device")});
    connect(m_store, &Core::Store::keysChanged, this, &SecurityKeysModel::reload);
}

SecurityKeysModel::~SecurityKeysModel() = default;

void SecurityKeysModel::setFilter(const Core::KeyFilter &filter)
{
    m_filter = filter;
    reload();
}

void SecurityKeysModel::reload()
{
    const quint64 generation = ++m_generation;
    Core::whenReady(m_store->listKeys(m_filter), this,
                    [this, generation](const Core::StoreResult<QList<KeyRecord>> &r) {
        if (generation != m_generation)
            return;
        beginResetModel();
        m_keys = r.ok() ? r.value : QList<KeyRecord>{};
        endResetModel();
        m_loaded = true;
        Q_EMIT loaded(r.ok() ? QString() : r.error.message);
    });
}

void SecurityKeysModel::setRevealed(const QByteArray &pid, const QByteArray &pps)
{
    m_revealed.insert(pid, pps);
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).pid == pid)
            Q_EMIT dataChanged(index(row, PpsColumn), index(row, PpsColumn));
    }
}

void SecurityKeysModel::hideAll()
{
    if (m_revealed.isEmpty())
        return;
    m_revealed.clear();
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, PpsColumn), index(int(m_keys.size()) - 1, PpsColumn));
}

int SecurityKeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

QVariant SecurityKeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KeyRecord &k = m_keys.at(index.row());
    if (role == PidRole)
        return k.pid;
    if (role == StateRole)
        return int(k.state);
    if (role == SortRole) {
        switch (index.column()) {
        case CreatedColumn:
            return k.created;
        case StateColumn:
            return int(k.state);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == PpsColumn && !m_revealed.contains(k.pid))
        return tr("Hidden. Select the key and choose Show PPS (this is written to the Security "
                  "Audit log).");
    if (role == Qt::ToolTipRole && index.column() == ExportedColumn && k.exported.isValid())
        return tr("%1 (%2) by %3 on %4")
                .arg(k.exportedTo, k.exportFormat, k.exportedBy, k.exported.toLocalTime().toString(Qt::ISODate));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PidColumn:
        return Core::PidPps::formatPid(k.pid);
    case PpsColumn:
        return m_revealed.contains(k.pid) ? Core::PidPps::formatPps(m_revealed.value(k.pid))
                                          : QStringLiteral("••••-••••-••••-••••-••••-••••-••••-••••");
    case StateColumn:
        return Core::keyStateName(k.state);
    case BatchColumn:
        return k.batch;
    case CreatedColumn:
        return k.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ExportedColumn:
        return k.exportedTo.isEmpty() ? QString() : QFileInfo(k.exportedTo).fileName();
    case DeviceColumn:
        return k.consumedBy;
    }
    return {};
}

} // namespace Oobm::Gui
