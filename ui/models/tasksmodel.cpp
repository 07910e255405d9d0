// SPDX-License-Identifier: GPL-2.0-or-later
#include "tasksmodel.h"

#include "core/async.h"
#include "core/store/store.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>

namespace Oobm::Gui {

QString tableTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

TasksModel::TasksModel(Core::Store *store, QObject *parent)
    : LiveListModel(parent)
    , m_store(store)
    , m_runsChanged(new QTimer(this))
{
    setColumnTitles({tr("Name"), tr("Operation"), tr("Target"), tr("Schedule"), tr("Waves"), tr("Next due"),
                     tr("Last run"), tr("State")});
    connect(m_store, &Core::Store::tasksChanged, this, &TasksModel::reload);
    connect(m_store, &Core::Store::collectionsChanged, this, &TasksModel::reload);
    // A run of a task stamps its last run: followed at a slower pace than the runs themselves.
    m_runsChanged->setSingleShot(true);
    m_runsChanged->setInterval(1000);
    connect(m_runsChanged, &QTimer::timeout, this, &TasksModel::reload);
    connect(m_store, &Core::Store::runsChanged, this, [this] {
        if (!m_runsChanged->isActive())
            m_runsChanged->start();
    });
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        if (m_store->isReadable())
            reload();
    });
}

TasksModel::~TasksModel() = default;

void TasksModel::reload()
{
    if (!m_store->isReadable())
        return;
    const quint64 generation = ++m_generation;
    m_runsChanged->stop();
    Core::whenReady(m_store->listTasks(), this, [this, generation](const Core::StoreResult<QList<Core::Task>> &r) {
        if (generation != m_generation)
            return;
        if (r.ok())
            setItems(r.value);
        else
            clearItems();
        finishLoad(r.ok() ? QString() : r.error.message);
    });
}

QVariant TasksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::Task &t = items().at(index.row());
    switch (role) {
    case IdRole:
        return t.id;
    case Qt::ForegroundRole:
        return t.enabled ? QVariant() : QVariant(QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text));
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return tr("Made by %1 on %2")
                    .arg(t.createdBy.isEmpty() ? tr("someone") : t.createdBy, tableTime(t.created));
        if (index.column() == OperationColumn && !t.parameter.isEmpty())
            return tr("Task agent: %1").arg(t.parameter);
        return {};
    case SortRole:
        switch (index.column()) {
        case NextDueColumn:
            return t.nextDue.isValid() ? t.nextDue.toMSecsSinceEpoch() : Q_INT64_C(-1);
        case LastRunColumn:
            return t.lastRun.isValid() ? t.lastRun.toMSecsSinceEpoch() : Q_INT64_C(-1);
        case WaveColumn:
            return qint64(t.wave.batchSize);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return t.name;
    case OperationColumn:
        return Core::operationName(t.operation);
    case TargetColumn:
        return t.target.describe();
    case ScheduleColumn:
        return t.schedule.describe();
    case WaveColumn:
        return t.wave.describe();
    case NextDueColumn:
        if (!t.enabled)
            return tr("disabled");
        if (!t.nextDue.isValid())
            return t.schedule.kind == Core::Schedule::Kind::Now ? tr("on request") : tr("not again");
        return tableTime(t.nextDue);
    case LastRunColumn:
        return t.lastRun.isValid() ? tableTime(t.lastRun) : tr("never");
    case EnabledColumn:
        return t.enabled ? tr("Enabled") : tr("Disabled");
    }
    return {};
}

} // namespace Oobm::Gui
