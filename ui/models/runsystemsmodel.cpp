// SPDX-License-Identifier: GPL-2.0-or-later
#include "runsystemsmodel.h"

#include "core/async.h"
#include "core/store/store.h"
#include "ui/models/tasksmodel.h"

#include <QColor>
#include <QTimer>

namespace Oobm::Gui {

namespace {
constexpr int CoalesceMs = 700;
} // namespace

RunSystemsModel::RunSystemsModel(Core::Store *store, QObject *parent)
    : LiveListModel(parent)
    , m_store(store)
    , m_coalesce(new QTimer(this))
{
    setColumnTitles({tr("UUID"), tr("Name"), tr("Result"), tr("Status"), tr("Message"), tr("Wave"), tr("Attempt"),
                     tr("Engine"), tr("Finished")});
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(CoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &RunSystemsModel::reload);
    connect(m_store, &Core::Store::runsChanged, this, [this] {
        if (m_runId > 0 && !m_coalesce->isActive())
            m_coalesce->start();
    });
}

RunSystemsModel::~RunSystemsModel() = default;

void RunSystemsModel::setRunId(qint64 runId)
{
    if (runId == m_runId)
        return;
    m_runId = runId;
    ++m_generation;
    m_more = false;
    m_fetching = false;
    clearItems();
    reload();
}

void RunSystemsModel::setStates(const QList<Core::RunSystemState> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    ++m_generation;
    m_more = false;
    m_fetching = false;
    clearItems();
    reload();
}

void RunSystemsModel::reload()
{
    m_coalesce->stop();
    if (m_runId <= 0 || !m_store->isReadable()) {
        finishLoad({});
        return;
    }
    const quint64 generation = ++m_generation;
    const int limit = qMax(PageSize, rowCount());
    m_fetching = true;
    Core::whenReady(m_store->runSystems(m_runId, m_states, limit, {}), this,
                    [this, generation, limit](const Core::StoreResult<QList<Core::RunSystem>> &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (r.ok()) {
            setItems(r.value);
            m_more = r.value.size() >= limit;
        } else {
            clearItems();
        }
        finishLoad(r.ok() ? QString() : r.error.message);
    });
}

bool RunSystemsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_fetching;
}

void RunSystemsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || items().isEmpty())
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    Core::whenReady(m_store->runSystems(m_runId, m_states, PageSize, items().last().uuid), this,
                    [this, generation](const Core::StoreResult<QList<Core::RunSystem>> &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (!r.ok()) {
            finishLoad(r.error.message);
            return;
        }
        m_more = r.value.size() >= PageSize;
        setItems(items() + r.value);
        finishLoad({});
    });
}

QVariant RunSystemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::RunSystem &s = items().at(index.row());
    switch (role) {
    case UuidRole:
        return s.uuid;
    case StateRole:
        return int(s.state);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && s.state == Core::RunSystemState::Failed)
            return QColor(0xb0, 0x00, 0x20);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return s.message;
        if (index.column() == StateColumn && s.started.isValid())
            return tr("Started %1").arg(tableTime(s.started));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == WaveColumn || index.column() == AttemptColumn
                ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case UuidColumn:
        return s.uuid;
    case NameColumn:
        return s.name;
    case StateColumn:
        return Core::runSystemStateName(s.state);
    case StatusColumn:
        return s.status;
    case MessageColumn:
        return s.message;
    case WaveColumn:
        return QString::number(s.wave + 1);
    case AttemptColumn:
        return s.attempt > 0 ? QString::number(s.attempt) : QString();
    case EngineColumn:
        return s.engine;
    case FinishedColumn:
        return tableTime(s.finished);
    }
    return {};
}

} // namespace Oobm::Gui
