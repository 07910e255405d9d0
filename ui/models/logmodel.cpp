// SPDX-License-Identifier: GPL-2.0-or-later
#include "logmodel.h"

#include "core/async.h"
#include "core/store/store.h"
#include "ui/shell/icons.h"

#include <QTimer>

namespace Oobm::Gui {

using Core::LogEntry;
using Core::LogQuery;
using Core::Severity;

LogModel::LogModel(Core::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(2000);
    connect(m_poll, &QTimer::timeout, this, &LogModel::fetchNewer);
    connect(m_store, &Core::Store::logAppended, this, &LogModel::fetchNewer);
    connect(m_store, &Core::Store::stateChanged, this, &LogModel::onStoreStateChanged);
    onStoreStateChanged();
}

LogModel::~LogModel() = default;

void LogModel::setPollInterval(int ms)
{
    m_poll->setInterval(ms);
}

void LogModel::onStoreStateChanged()
{
    if (m_store->isReadable()) {
        m_poll->start();
        if (!m_started)
            reload();
    } else {
        m_poll->stop();
    }
}

void LogModel::setFilter(const Core::LogFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void LogModel::reload()
{
    m_burstPending = false;
    beginResetModel();
    m_rows.clear();
    ++m_generation;
    m_loading = false;
    m_fetchingNewer = false;
    m_atEnd = false;
    m_oldest = false;
    endResetModel();
    if (m_store->isReadable()) {
        m_started = true;
        fetchMore({});
    }
}

void LogModel::showOldest()
{
    beginResetModel();
    m_rows.clear();
    ++m_generation;
    m_fetchingNewer = false;
    m_atEnd = true; // nothing older than the oldest
    m_oldest = true;
    m_loading = true;
    endResetModel();
    if (!m_store->isReadable()) {
        m_loading = false;
        return;
    }
    m_started = true;
    LogQuery query;
    query.filter = m_filter;
    query.limit = PageSize;
    query.oldestFirst = true;
    const quint64 generation = m_generation;
    Core::whenReady(m_store->queryLog(query), this,
                    [this, generation](const Core::StoreResult<QList<LogEntry>> &r) {
                        if (generation != m_generation)
                            return;
                        if (r.ok() && !r.value.isEmpty()) {
                            beginInsertRows({}, 0, int(r.value.size()) - 1);
                            m_rows.reserve(r.value.size());
                            for (auto it = r.value.crbegin(); it != r.value.crend(); ++it)
                                m_rows.append(*it);
                            endInsertRows();
                        }
                        m_loading = false;
                        Q_EMIT loaded();
                    });
}

QIcon LogModel::severityIcon(Severity severity) const
{
    // One icon per severity for the model's life: a new QIcon per row would render its SVG
    // again on every paint.
    const int i = int(severity) - int(Severity::Error);
    if (m_icons[i].isNull()) {
        static const char *const Names[] = { "error", "warning", "information", "debug" };
        m_icons[i] = bundledIcon(QLatin1String(Names[i]));
    }
    return m_icons[i];
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case SeverityColumn:
            return Core::severityName(e.severity);
        case DescriptionColumn:
            return e.message;
        case SourceColumn:
            return e.source;
        case UuidColumn:
            return e.deviceUuid;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return severityIcon(e.severity);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DescriptionColumn)
            return e.details.isEmpty() ? e.message : e.message + QStringLiteral("\n\n") + e.details;
        if (index.column() == DateColumn)
            return tr("%1 (UTC %2)")
                    .arg(e.time.toLocalTime().toString(Qt::ISODateWithMs),
                         e.time.toString(Qt::ISODateWithMs));
        return {};
    case EntryIdRole:
        return e.id;
    case SeverityRole:
        return int(e.severity);
    case TimeRole:
        return e.time;
    case DetailsRole:
        return e.details;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case SeverityColumn:
        return tr("Severity");
    case DescriptionColumn:
        return tr("Description");
    case SourceColumn:
        return tr("Source");
    case UuidColumn:
        return tr("UUID");
    }
    return {};
}

bool LogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && m_rows.size() < MaxRows
            && m_store->isReadable();
}

void LogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    LogQuery query;
    query.filter = m_filter;
    query.limit = PageSize;
    query.beforeId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    const quint64 generation = m_generation;
    Core::whenReady(m_store->queryLog(query), this,
                    [this, generation](const Core::StoreResult<QList<LogEntry>> &r) {
                        if (generation != m_generation)
                            return;
                        if (!r.ok() || r.value.size() < PageSize)
                            m_atEnd = true;
                        if (r.ok() && !r.value.isEmpty()) {
                            const int first = int(m_rows.size());
                            beginInsertRows({}, first, first + int(r.value.size()) - 1);
                            m_rows.append(r.value);
                            endInsertRows();
                        }
                        // Only now: a view may ask for more while the rows are being inserted.
                        m_loading = false;
                        Q_EMIT loaded();
                        if (m_newerPending)
                            fetchNewer();
                    });
}

void LogModel::fetchNewer()
{
    if (!m_store->isReadable() || m_oldest || m_burstPending)
        return;
    if (m_fetchingNewer || m_loading || !m_started) {
        m_newerPending = true;
        return;
    }
    m_newerPending = false;
    m_fetchingNewer = true;
    LogQuery query;
    query.filter = m_filter;
    query.afterId = m_rows.isEmpty() ? 0 : m_rows.constFirst().id;
    query.limit = LiveLimit;
    const quint64 generation = m_generation;
    Core::whenReady(m_store->queryLog(query), this,
                    [this, generation](const Core::StoreResult<QList<LogEntry>> &r) {
                        if (generation != m_generation)
                            return;
                        if (r.ok() && r.value.size() >= LiveLimit) {
                            // More arrived than one answer holds: start again from the newest entry
                            // rather than load the whole burst; older rows page in on demand. Not
                            // under a reader who is looking at older entries: they say when.
                            m_fetchingNewer = false;
                            if (m_following) {
                                reload();
                            } else {
                                m_burstPending = true;
                                Q_EMIT manyNewEntries();
                            }
                            return;
                        }
                        if (r.ok() && !r.value.isEmpty()) {
                            beginInsertRows({}, 0, int(r.value.size()) - 1);
                            m_rows = r.value + m_rows;
                            endInsertRows();
                            if (m_rows.size() > MaxRows) {
                                beginRemoveRows({}, MaxRows, int(m_rows.size()) - 1);
                                m_rows.resize(MaxRows);
                                endRemoveRows();
                                m_atEnd = false;
                            }
                            Q_EMIT newEntries(int(r.value.size()));
                            Q_EMIT loaded();
                        }
                        m_fetchingNewer = false;
                        if (m_newerPending)
                            fetchNewer();
                    });
}

} // namespace Oobm::Gui
