// SPDX-License-Identifier: GPL-2.0-or-later
#include "runsmodel.h"

#include "core/async.h"
#include "core/store/store.h"
#include "ui/models/tasksmodel.h"

#include <QLocale>
#include <QMap>
#include <QTimer>

namespace Oobm::Gui {

namespace {
constexpr int CoalesceMs = 500; // a run's progress is a burst of changes: one read for each
constexpr int NewestCount = 20; // the newest runs read at each change (new ones appear among them)
constexpr int OpenLimit = 1000;
} // namespace

RunsModel::RunsModel(Core::Store *store, QObject *parent)
    : LiveListModel(parent)
    , m_store(store)
    , m_coalesce(new QTimer(this))
{
    setColumnTitles({tr("Run"), tr("What"), tr("State"), tr("Progress"), tr("Succeeded"), tr("Failed"), tr("Skipped"),
                     tr("Not started"), tr("Asked by"), tr("When"), tr("Target"), tr("Stop reason")});
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(CoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &RunsModel::refresh);
    connect(m_store, &Core::Store::runsChanged, this, [this] {
        if (!m_coalesce->isActive())
            m_coalesce->start();
    });
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        if (m_store->isReadable())
            reload();
    });
}

RunsModel::~RunsModel() = default;

void RunsModel::setTaskId(qint64 taskId)
{
    if (taskId == m_taskId)
        return;
    m_taskId = taskId;
    clearItems();
    reload();
}

void RunsModel::reload()
{
    if (!m_store->isReadable())
        return;
    const quint64 generation = ++m_generation;
    m_coalesce->stop();
    m_fetching = true;
    Core::RunFilter filter;
    filter.taskId = m_taskId;
    filter.limit = qMax(PageSize, rowCount());
    Core::whenReady(m_store->listRuns(filter), this,
                    [this, generation, filter](const Core::StoreResult<QList<Core::TaskRun>> &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (r.ok()) {
            setItems(r.value);
            m_more = r.value.size() >= filter.limit;
        }
        finishLoad(r.ok() ? QString() : r.error.message);
    });
}

void RunsModel::refresh()
{
    if (!m_store->isReadable())
        return;
    if (m_fetching || rowCount() == 0) {
        // A read of the whole page is under way, or there is nothing to update in place.
        if (!m_fetching)
            reload();
        return;
    }
    const quint64 generation = m_generation;
    Core::RunFilter newest;
    newest.taskId = m_taskId;
    newest.limit = NewestCount;
    Core::RunFilter open = newest;
    open.openOnly = true;
    open.limit = OpenLimit;
    Core::whenReady(m_store->listRuns(newest), this,
                    [this, generation, open](const Core::StoreResult<QList<Core::TaskRun>> &latest) {
        if (generation != m_generation)
            return;
        Core::whenReady(m_store->listRuns(open), this,
                        [this, generation, latest](const Core::StoreResult<QList<Core::TaskRun>> &running) {
            if (generation != m_generation)
                return;
            if (!latest.ok() || !running.ok()) {
                finishLoad(latest.ok() ? running.error.message : latest.error.message);
                return;
            }
            // More new runs than the newest few: some in between would be missing.
            if (latest.value.size() >= NewestCount && !items().isEmpty() && latest.value.last().id > items().first().id)
                return reload();
            QSet<qint64> read;
            for (const Core::TaskRun &run : latest.value + running.value)
                read.insert(run.id);
            // Runs shown as open that are neither new nor open any more have ended: read each.
            QList<qint64> ended;
            for (const Core::TaskRun &run : items()) {
                if (!Core::isFinished(run.state) && !read.contains(run.id))
                    ended << run.id;
            }
            merge(latest.value + running.value, false);
            for (qint64 id : std::as_const(ended)) {
                Core::whenReady(m_store->taskRun(id), this,
                                [this, generation](const Core::StoreResult<Core::TaskRun> &r) {
                    if (generation == m_generation && r.ok())
                        merge({r.value}, false);
                });
            }
            finishLoad({});
        });
    });
}

void RunsModel::merge(const QList<Core::TaskRun> &runs, bool olderPage)
{
    QMap<qint64, Core::TaskRun> byId;
    for (const Core::TaskRun &run : items())
        byId.insert(run.id, run);
    const qint64 oldest = items().isEmpty() ? 0 : items().last().id;
    for (const Core::TaskRun &run : runs) {
        // An open run older than what is shown comes with its page.
        if (!olderPage && m_more && oldest > 0 && run.id < oldest)
            continue;
        if (m_taskId > 0 && run.taskId != m_taskId)
            continue;
        byId.insert(run.id, run);
    }
    QList<Core::TaskRun> list;
    list.reserve(byId.size());
    for (auto it = byId.cend(); it != byId.cbegin();)
        list << *--it;
    setItems(list);
}

bool RunsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_fetching;
}

void RunsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || items().isEmpty())
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    Core::RunFilter filter;
    filter.taskId = m_taskId;
    filter.beforeId = items().last().id;
    filter.limit = PageSize;
    Core::whenReady(m_store->listRuns(filter), this,
                    [this, generation](const Core::StoreResult<QList<Core::TaskRun>> &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (r.ok()) {
            m_more = r.value.size() >= PageSize;
            merge(r.value, true);
        }
        finishLoad(r.ok() ? QString() : r.error.message);
    });
}

QString RunsModel::progressText(const Core::TaskRun &run)
{
    QString text = tr("%1 of %2").arg(QLocale().toString(run.done()), QLocale().toString(run.total));
    if (run.state == Core::RunState::Running && run.wavesTotal > 1)
        text += tr(", wave %1 of %2").arg(run.currentWave + 1).arg(run.wavesTotal);
    return text;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::TaskRun &r = items().at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case StateRole:
        return int(r.state);
    case ProgressRole:
        return r.total > 0 ? int(qint64(r.done()) * 1000 / r.total) : 1000;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case IdColumn:
        case SucceededColumn:
        case FailedColumn:
        case SkippedColumn:
        case NotStartedColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return tr("%1, %2").arg(Core::operationName(r.operation), r.wave.describe());
        case StateColumn:
            return tr("Made %1, started %2, ended %3")
                    .arg(tableTime(r.created), r.started.isValid() ? tableTime(r.started) : tr("not yet"),
                         r.finished.isValid() ? tableTime(r.finished) : tr("not yet"));
        case NotStartedColumn:
            return tr("Systems the run will not work on: it was cancelled, or its stop rule stopped it first.");
        case StopReasonColumn:
            return r.stopReason;
        default:
            return {};
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case IdColumn:
        return QString::number(r.id);
    case NameColumn:
        return r.name;
    case StateColumn:
        return Core::runStateName(r.state);
    case ProgressColumn:
        return progressText(r);
    case SucceededColumn:
        return QLocale().toString(r.succeeded);
    case FailedColumn:
        return QLocale().toString(r.failed);
    case SkippedColumn:
        return QLocale().toString(r.skipped);
    case NotStartedColumn:
        return QLocale().toString(notStarted(r));
    case ByColumn:
        return r.taskId > 0 && r.createdBy.isEmpty() ? tr("schedule") : r.createdBy;
    case CreatedColumn:
        return tableTime(r.created);
    case TargetColumn:
        return r.target;
    case StopReasonColumn:
        return r.stopReason;
    }
    return {};
}

} // namespace Oobm::Gui
