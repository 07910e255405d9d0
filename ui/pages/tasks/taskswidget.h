// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/task.h"
#include "core/fleet/taskrun.h"
#include "ui/shell/pagecontext.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace Oobm::Gui {

class StatusLabel;

class PinnedSortModel;
class RunSystemsModel;
class RunsModel;
class TasksModel;

// Tasks: the tasks (what, on which systems, when, in which waves, next due, last run), their runs
// newest first and live (state, progress, counts, who asked, when, target, stop reason), and the
// selected run's systems with their results as the engines recorded them. New, Edit, Delete,
// Enable/Disable, Run now, Cancel run, and Run again for the failed systems.
class TasksWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TasksWidget)

public:
    explicit TasksWidget(const PageContext &context, QWidget *parent = nullptr);
    ~TasksWidget() override;

    TasksModel *tasksModel() const { return m_tasks; }
    RunsModel *runsModel() const { return m_runs; }
    RunSystemsModel *runSystemsModel() const { return m_systems; }
    QTableView *tasksView() const { return m_tasksView; }
    QTableView *runsView() const { return m_runsView; }
    QTableView *runSystemsView() const { return m_systemsView; }

    Core::Task currentTask() const;
    Core::TaskRun currentRun() const;
    // Selects the run (read when it is not shown yet).
    void showRun(qint64 runId);
    // What another page asked for: "run:ID" shows a run, "new-task:UUID,..." and
    // "new-task-collection:ID" open a new task for those systems or that collection.
    void showArgument(const QString &argument);

    // A new task, for this target (empty: the dialog asks).
    void newTask(const Core::TaskTarget &target = {});
    void editTask();
    void deleteTask();
    void toggleTask(); // enable or disable
    void runTask();
    void cancelRun();
    void rerunFailed();

private:
    void updateActions();
    void showRunDetails();
    void openDialog(const Core::Task &task);
    // Asks before a run of a destructive operation (naming it and how many systems), then asks the
    // store for it and shows it.
    void requestRun(const Core::RunRequest &request, Core::Operation operation, const QString &question);
    void setStatus(const QString &text, bool error = false);

    PageContext m_context;
    TasksModel *m_tasks;
    PinnedSortModel *m_sortedTasks;
    RunsModel *m_runs;
    RunSystemsModel *m_systems;
    QTableView *m_tasksView;
    QTableView *m_runsView;
    QTableView *m_systemsView;
    QStackedWidget *m_tasksStack;
    QSplitter *m_splitter;
    QCheckBox *m_onlyTask;
    QLabel *m_runSummary;
    QComboBox *m_systemState;
    StatusLabel *m_status;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_delete;
    QAction *m_toggle;
    QAction *m_run;
    QAction *m_cancel;
    QAction *m_rerun;
    qint64 m_wantedRun = 0; // a run to select when the runs list has it
};

} // namespace Oobm::Gui
