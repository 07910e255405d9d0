// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemsmodel.h"

#include "core/async.h"
#include "core/keys/pidpps.h"
#include "core/store/store.h"

#include <QColor>
#include <QTimer>

namespace Oobm::Gui {

namespace {
constexpr int PollMs = 5000;    // other engines write to the same store
constexpr int CoalesceMs = 300; // a burst of provisioning is one reload
} // namespace

SystemsModel::SystemsModel(Core::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_changed(new QTimer(this))
{
    m_changed->setSingleShot(true);
    m_changed->setInterval(CoalesceMs);
    connect(m_changed, &QTimer::timeout, this, &SystemsModel::reload);
    connect(m_store, &Core::Store::systemsChanged, this, [this] {
        if (!m_changed->isActive())
            m_changed->start();
    });
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, &SystemsModel::reload);
    poll->start(PollMs);
}

SystemsModel::~SystemsModel() = default;

void SystemsModel::setFilter(const Core::SystemFilter &filter)
{
    m_filter = filter;
    reload();
}

void SystemsModel::reload()
{
    if (!m_store->isReadable())
        return;
    const quint64 generation = ++m_generation;
    Core::whenReady(m_store->listSystems(m_filter), this,
                    [this, generation](const Core::StoreResult<QList<Core::AmtSystem>> &r) {
        if (generation != m_generation)
            return;
        const QList<Core::AmtSystem> systems = r.ok() ? r.value : QList<Core::AmtSystem>{};
        // Same systems in the same order (the usual poll): update in place, so
        // the selection and scroll position stay.
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
            endResetModel();
        }
        Q_EMIT loaded(r.ok() ? QString() : r.error.message);
    });
}

int SystemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_systems.size());
}

int SystemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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
    if (role == SortRole) {
        switch (index.column()) {
        case LastHelloColumn:
            return s.lastHello.toMSecsSinceEpoch();
        case StateColumn:
            return int(s.state);
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case UuidColumn:
            return s.uuid;
        case FqdnColumn:
            return s.fqdn;
        case AddressColumn:
            return s.address;
        case VersionColumn:
            return s.amtVersion;
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

QVariant SystemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UuidColumn:
        return tr("UUID");
    case FqdnColumn:
        return tr("FQDN");
    case AddressColumn:
        return tr("IP address");
    case VersionColumn:
        return tr("AMT version");
    case StateColumn:
        return tr("State");
    case ProfileColumn:
        return tr("Profile");
    case PidColumn:
        return tr("PID");
    case LastHelloColumn:
        return tr("Last hello");
    case LastActionColumn:
        return tr("Last action");
    }
    return {};
}

} // namespace Oobm::Gui
