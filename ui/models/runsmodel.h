// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/taskrun.h"
#include "ui/models/livelistmodel.h"

#include <QSet>

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Task runs, newest first, live. Each change the store reports (Store::runsChanged: this process's
// engine, another process, a console's request) is coalesced, and what is read again is only the
// runs: the newest few, the open ones, and those shown as open that have ended since; never every
// run's systems. Older runs come page by page (fetchMore).
class RunsModel final : public LiveListModel<Core::TaskRun>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsModel)

public:
    enum Column {
        IdColumn,
        NameColumn,
        StateColumn,
        ProgressColumn,
        SucceededColumn,
        FailedColumn,
        SkippedColumn,
        NotStartedColumn,
        ByColumn,
        CreatedColumn,
        TargetColumn,
        StopReasonColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole,    // Core::RunState's number
        ProgressRole, // done per thousand of the run's systems
    };
    static constexpr int PageSize = 100;

    explicit RunsModel(Core::Store *store, QObject *parent = nullptr);
    ~RunsModel() override;

    // Reads the newest page again (the rows already shown are updated in place).
    void reload() override;
    // Only the runs of this task (0: every run).
    void setTaskId(qint64 taskId);
    qint64 taskId() const { return m_taskId; }
    Core::TaskRun run(int row) const { return item(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // "3 of 10" and the per-thousand done, for a progress bar.
    static QString progressText(const Core::TaskRun &run);
    // Systems the run will not work on: cancelled ones, or those its stop rule left.
    static int notStarted(const Core::TaskRun &run) { return run.cancelled; }

protected:
    qint64 keyOf(const Core::TaskRun &run) const override { return run.id; }

private:
    void refresh();
    // Puts these runs in (new ones) or over the shown ones, newest first.
    void merge(const QList<Core::TaskRun> &runs, bool olderPage);

    Core::Store *m_store;
    QTimer *m_coalesce;
    qint64 m_taskId = 0;
    quint64 m_generation = 0;
    bool m_more = false;
    bool m_fetching = false;
};

} // namespace Oobm::Gui
