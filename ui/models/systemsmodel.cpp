// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemsmodel.h"

#include "core/amt/devicesession.h"
#include "core/async.h"
#include "core/engine/systemactions.h"
#include "core/keys/pidpps.h"
#include "core/store/store.h"

#include <QColor>
#include <QTimer>

namespace Oobm::Gui {

namespace {
constexpr int CoalesceMs = 300;       // a burst of changes is one read
constexpr int MaxNamedChanges = 2000; // more than this at once: read what is shown again
} // namespace

SystemsModel::SystemsModel(Core::Store *store, QObject *parent)
    : TableModel(parent)
    , m_store(store)
    , m_coalesce(new QTimer(this))
{
    setColumnTitles({tr("UUID"), tr("Name"), tr("State"), tr("FQDN"), tr("IP address"), tr("AMT version"),
                     tr("Profile"), tr("PID"), tr("Last hello"), tr("Last action")});
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(CoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &SystemsModel::readChanged);
    connect(m_store, &Core::Store::systemsChanged, this, [this](const QStringList &uuids) {
        if (uuids.isEmpty())
            m_changedAll = true;
        for (const QString &uuid : uuids)
            m_changed.insert(uuid);
        if (m_changed.size() > MaxNamedChanges)
            m_changedAll = true;
        if (!m_coalesce->isActive())
            m_coalesce->start();
    });
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        if (m_store->isReadable())
            reload();
    });
}

SystemsModel::~SystemsModel() = default;

Core::SystemQuery::Sort SystemsModel::sortOf(int column)
{
    using Sort = Core::SystemQuery::Sort;
    switch (column) {
    case UuidColumn:
        return Sort::Uuid;
    case NameColumn:
        return Sort::Name;
    case FqdnColumn:
        return Sort::Fqdn;
    case AddressColumn:
        return Sort::Address;
    case VersionColumn:
        return Sort::Version;
    case StateColumn:
        return Sort::State;
    case ProfileColumn:
        return Sort::Profile;
    case PidColumn:
        return Sort::Pid;
    case LastActionColumn:
        return Sort::LastAction;
    default:
        return Sort::LastHello;
    }
}

Core::SystemQuery SystemsModel::query(int limit) const
{
    Core::SystemQuery q = m_query;
    q.limit = limit;
    q.afterUuid.clear();
    q.afterKey.clear();
    return q;
}

void SystemsModel::setFilter(const Core::SystemFilter &filter)
{
    m_query.filter = filter;
    beginResetModel();
    m_systems.clear();
    m_rowOf.clear();
    m_more = false;
    endResetModel();
    reload();
}

void SystemsModel::sort(int column, Qt::SortOrder order)
{
    const Core::SystemQuery::Sort sort = sortOf(column);
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_query.sort && descending == m_query.descending && !m_systems.isEmpty())
        return;
    m_query.sort = sort;
    m_query.descending = descending;
    beginResetModel();
    m_systems.clear();
    m_rowOf.clear();
    m_more = false;
    endResetModel();
    reload();
}

void SystemsModel::reload()
{
    if (!m_store->isReadable())
        return;
    const quint64 generation = ++m_generation;
    m_changed.clear();
    m_changedAll = false;
    m_fetching = true;
    const int limit = qMax(PageSize, int(m_systems.size()));
    Core::whenReady(m_store->querySystems(query(limit)), this,
                    [this, generation, limit](const Core::StoreResult<QList<Core::AmtSystem>> &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        const QList<Core::AmtSystem> systems = r.ok() ? r.value : QList<Core::AmtSystem>{};
        // The same systems in the same order (the usual case): update in place, so the
        // selection and the scroll position stay.
        bool sameRows = systems.size() == m_systems.size();
        for (int i = 0; sameRows && i < systems.size(); ++i)
            sameRows = systems.at(i).uuid == m_systems.at(i).uuid;
        if (sameRows) {
            m_systems = systems;
            if (!m_systems.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        } else {
            beginResetModel();
            m_systems = systems;
            m_rowOf.clear();
            reindex(0);
            endResetModel();
        }
        m_more = r.ok() && systems.size() == limit;
        Q_EMIT loaded(r.ok() ? QString() : r.error.message);
        countAll();
    });
}

void SystemsModel::countAll()
{
    const quint64 generation = m_generation;
    Core::whenReady(m_store->countSystems(m_query.filter), this,
                    [this, generation](const Core::StoreResult<qint64> &r) {
        if (generation != m_generation || !r.ok())
            return;
        if (r.value != m_total) {
            m_total = r.value;
            Q_EMIT loaded({});
        }
    });
}

bool SystemsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_fetching;
}

void SystemsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_systems.isEmpty())
        return;
    m_fetching = true;
    Core::SystemQuery q = query(PageSize);
    const Core::AmtSystem &last = m_systems.constLast();
    q.afterUuid = last.uuid;
    q.afterKey = Core::SystemQuery::sortKey(q.sort, last);
    const quint64 generation = m_generation;
    Core::whenReady(m_store->querySystems(q), this,
                    [this, generation](const Core::StoreResult<QList<Core::AmtSystem>> &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (!r.ok()) {
            Q_EMIT loaded(r.error.message);
            return;
        }
        QList<Core::AmtSystem> page;
        for (const Core::AmtSystem &s : r.value) {
            if (!m_rowOf.contains(s.uuid))
                page << s;
        }
        m_more = r.value.size() == PageSize;
        if (page.isEmpty())
            return;
        const int first = int(m_systems.size());
        beginInsertRows({}, first, first + int(page.size()) - 1);
        m_systems += page;
        reindex(first);
        endInsertRows();
    });
}

void SystemsModel::readChanged()
{
    if (!m_store->isReadable())
        return;
    if (m_changedAll) {
        reload();
        return;
    }
    const QStringList asked(m_changed.cbegin(), m_changed.cend());
    m_changed.clear();
    if (asked.isEmpty())
        return;
    Core::SystemQuery q = query(int(asked.size()));
    q.filter.uuids = asked;
    const quint64 generation = m_generation;
    Core::whenReady(m_store->querySystems(q), this,
                    [this, generation, asked](const Core::StoreResult<QList<Core::AmtSystem>> &r) {
        // A reload since then read them all.
        if (generation != m_generation || !r.ok())
            return;
        apply(asked, r.value);
    });
}

int SystemsModel::positionFor(const Core::AmtSystem &system, int skip) const
{
    // Binary search over the loaded rows as if row skip were not there.
    const int n = int(m_systems.size()) - (skip >= 0 ? 1 : 0);
    const auto at = [&](int i) -> const Core::AmtSystem & { return m_systems.at(skip >= 0 && i >= skip ? i + 1 : i); };
    int low = 0, high = n;
    while (low < high) {
        const int mid = (low + high) / 2;
        if (Core::SystemQuery::lessThan(m_query.sort, m_query.descending, at(mid), system))
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

void SystemsModel::reindex(int from)
{
    for (int i = from; i < m_systems.size(); ++i)
        m_rowOf.insert(m_systems.at(i).uuid, i);
}

void SystemsModel::apply(const QStringList &asked, const QList<Core::AmtSystem> &found)
{
    bool countChanged = false;
    QSet<QString> present;
    for (const Core::AmtSystem &s : found)
        present.insert(s.uuid);
    // Named but no longer selected by the filter: gone from the view.
    for (const QString &uuid : asked) {
        const int row = m_rowOf.value(uuid, -1);
        if (row < 0 || present.contains(uuid))
            continue;
        beginRemoveRows({}, row, row);
        m_systems.removeAt(row);
        m_rowOf.remove(uuid);
        reindex(row);
        endRemoveRows();
        countChanged = true;
    }
    for (const Core::AmtSystem &s : found) {
        const int row = m_rowOf.value(s.uuid, -1);
        if (row >= 0) {
            const int to = positionFor(s, row);
            if (to != row) {
                // Qt's destination is an index in the list before the move.
                beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
                m_systems.move(row, to);
                m_systems[to] = s;
                reindex(qMin(row, to));
                endMoveRows();
            } else {
                m_systems[row] = s;
            }
            Q_EMIT dataChanged(index(to, 0), index(to, ColumnCount - 1));
            continue;
        }
        // A system not shown yet: shown if it falls among the rows read so far; otherwise the
        // page that reaches it brings it.
        const int to = positionFor(s, -1);
        if (to >= m_systems.size() && m_more)
            continue;
        beginInsertRows({}, to, to);
        m_systems.insert(to, s);
        reindex(to);
        endInsertRows();
        countChanged = true;
    }
    if (countChanged)
        countAll();
}

int SystemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_systems.size());
}

QVariant SystemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::AmtSystem &s = m_systems.at(index.row());
    if (role == UuidRole)
        return s.uuid;
    if (role == StateRole)
        return int(s.state);
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case UuidColumn:
            return s.uuid;
        case NameColumn:
            return s.name;
        case FqdnColumn:
            return s.fqdn;
        case AddressColumn:
            return s.address;
        case VersionColumn:
            // With the dialect the engines use for it (docs/protocol.md §13.7), once it is known.
            if (s.amtVersion.isEmpty() && s.dialect.isEmpty())
                return QString();
            return s.dialect.isEmpty()
                    ? tr("%1 (%2)").arg(s.amtVersion, Core::Amt::dialectName(Core::SystemActions::dialectFor(s)))
                    : tr("%1 (%2, forced)")
                              .arg(s.amtVersion, Core::Amt::dialectName(Core::SystemActions::dialectFor(s)));
        case StateColumn:
            return s.state == Core::SystemState::Failed && !s.reason.isEmpty() ? tr("Failed: %1").arg(s.reason)
                                                                               : Core::systemStateName(s.state);
        case ProfileColumn:
            return s.assignment.isEmpty() ? s.profileName : QStringLiteral("%1 (%2)").arg(s.profileName, s.assignment);
        case PidColumn:
            return s.pid.isEmpty() ? QString() : Core::PidPps::formatPid(s.pid);
        case LastHelloColumn:
            return time(s.lastHello);
        case LastActionColumn:
            return s.lastAction.isEmpty() ? QString()
                                          : QStringLiteral("%1 (%2)").arg(s.lastAction, time(s.lastActionTime));
        }
    }
    if (role == Qt::ToolTipRole && index.column() == StateColumn && !s.reason.isEmpty())
        return s.reason;
    if (role == Qt::ToolTipRole && index.column() == VersionColumn && !s.amtVersion.isEmpty())
        return tr("Intel AMT %1. The engines talk to it in %2%3 (Power > Dialect changes it).")
                .arg(s.amtVersion, Core::Amt::dialectName(Core::SystemActions::dialectFor(s)),
                     s.dialect.isEmpty() ? tr(", the dialect of its version") : tr(", as forced for it"));
    if (role == Qt::ToolTipRole && index.column() == ProfileColumn && !s.assignment.isEmpty())
        return tr("Chosen by: %1").arg(s.assignment);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        if (s.state == Core::SystemState::Failed)
            return QColor(Qt::darkRed);
        if (s.state == Core::SystemState::Provisioned)
            return QColor(Qt::darkGreen);
    }
    return {};
}

} // namespace Oobm::Gui
