// SPDX-License-Identifier: GPL-2.0-or-later
#include "securityauditmodel.h"

#include "core/async.h"
#include "core/store/store.h"

namespace Oobm::Gui {

SecurityAuditModel::SecurityAuditModel(Core::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &Core::Store::keysChanged, this, &SecurityAuditModel::reload);
}

SecurityAuditModel::~SecurityAuditModel() = default;

void SecurityAuditModel::reload()
{
    const quint64 generation = ++m_generation;
    Core::AuditQuery query = m_query;
    query.limit = Limit;
    Core::whenReady(m_store->queryAudit(query), this,
                    [this, generation](const Core::StoreResult<QList<Core::AuditEntry>> &r) {
                        if (generation != m_generation)
                            return;
                        beginResetModel();
                        m_entries = r.ok() ? r.value : QList<Core::AuditEntry>{};
                        endResetModel();
                        Q_EMIT loaded(r.ok() ? QString() : r.error.message);
                    });
}

void SecurityAuditModel::setQuery(const Core::AuditQuery &query)
{
    m_query = query;
    reload();
}

int SecurityAuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SecurityAuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SecurityAuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || role != Qt::DisplayRole)
        return {};
    const Core::AuditEntry &e = m_entries.at(index.row());
    switch (index.column()) {
    case TimeColumn:
        return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case UserColumn:
        return e.user;
    case HostColumn:
        return e.host;
    case ActionColumn:
        return e.action;
    case CountColumn:
        return e.count;
    case FileColumn:
        return e.file;
    case DetailsColumn:
        return e.details;
    }
    return {};
}

QVariant SecurityAuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Date");
    case UserColumn:
        return tr("User");
    case HostColumn:
        return tr("Host");
    case ActionColumn:
        return tr("Action");
    case CountColumn:
        return tr("Keys");
    case FileColumn:
        return tr("File");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
}

} // namespace Oobm::Gui
