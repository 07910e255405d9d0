// SPDX-License-Identifier: GPL-2.0-or-later
#include "taskswidget.h"

#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/dialogs/taskdialog.h"
#include "ui/models/pinnedsortmodel.h"
#include "ui/models/runsmodel.h"
#include "ui/models/runsystemsmodel.h"
#include "ui/models/tasksmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/shell/icons.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/progressdelegate.h"
#include "ui/widgets/recordtable.h"
#include "ui/widgets/statuslabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {

QWidget *pane(QWidget *parent, QLayout *top, QWidget *body)
{
    auto *w = new QWidget(parent);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(body, 1);
    return w;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    return l;
}

} // namespace

TasksWidget::TasksWidget(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_tasks(new TasksModel(context.store, this))
    , m_sortedTasks(new PinnedSortModel(0, this))
    , m_runs(new RunsModel(context.store, this))
    , m_systems(new RunSystemsModel(context.store, this))
    , m_tasksView(createListTable(m_sortedTasks, QStringLiteral("tasksView"), this))
    , m_runsView(createListTable(m_runs, QStringLiteral("runsView"), this))
    , m_systemsView(new QTableView(this))
    , m_tasksStack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_onlyTask(new QCheckBox(tr("Only the selected task's runs"), this))
    , m_runSummary(new QLabel(this))
    , m_systemState(new QComboBox(this))
    , m_status(new StatusLabel(QStringLiteral("tasksStatus"), this))
{
    setObjectName(QStringLiteral("tasksWidget"));
    const QFontMetrics fm = fontMetrics();
    const int timeWidth = fm.horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) + 16;

    // Tasks, sortable.
    m_sortedTasks->setSourceModel(m_tasks);
    m_sortedTasks->setSortRole(TasksModel::SortRole);
    m_tasksView->setSortingEnabled(true);
    m_tasksView->sortByColumn(TasksModel::NameColumn, Qt::AscendingOrder);
    m_tasksView->setColumnWidth(TasksModel::NameColumn,
                                fm.horizontalAdvance(QStringLiteral("Nightly power off lab")) + 16);
    m_tasksView->setColumnWidth(TasksModel::OperationColumn,
                                fm.horizontalAdvance(QStringLiteral("Boot from the network (PXE)")) + 16);
    m_tasksView->setColumnWidth(TasksModel::TargetColumn,
                                fm.horizontalAdvance(QStringLiteral("collection All Provisioned")) + 16);
    m_tasksView->setColumnWidth(TasksModel::ScheduleColumn,
                                fm.horizontalAdvance(QStringLiteral("daily at 02:00 (Europe/Berlin)")) + 16);
    m_tasksView->setColumnWidth(TasksModel::WaveColumn,
                                fm.horizontalAdvance(QStringLiteral("waves of 500, 50 at once")) + 16);
    m_tasksView->setColumnWidth(TasksModel::NextDueColumn, timeWidth);
    m_tasksView->setColumnWidth(TasksModel::LastRunColumn, timeWidth);
    rememberHeader(m_tasksView, context.settings, QStringLiteral("tasks/tasksHeader"));
    auto *emptyTasks = new QLabel(
            tr("<p><b>No task yet.</b></p><p><b>New task</b> makes one: an operation (power, next boot, clock, "
               "admin password, profile, unprovision, hello restart) on a collection or on chosen systems, now, "
               "once, daily, weekly or every few hours, in waves. Power and Unprovision on Intel AMT Systems make "
               "one-off runs; they are listed under Runs below.</p>"),
            this);
    emptyTasks->setObjectName(QStringLiteral("tasksEmpty"));
    emptyTasks->setWordWrap(true);
    emptyTasks->setAlignment(Qt::AlignCenter);
    m_tasksStack->addWidget(m_tasksView);
    m_tasksStack->addWidget(emptyTasks);

    // Runs, newest first.
    m_runsView->setItemDelegateForColumn(RunsModel::ProgressColumn,
                                         new ProgressDelegate(RunsModel::ProgressRole, m_runsView));
    m_runsView->setColumnWidth(RunsModel::IdColumn, fm.horizontalAdvance(QStringLiteral("Run 0000")) + 8);
    m_runsView->setColumnWidth(RunsModel::NameColumn,
                               fm.horizontalAdvance(QStringLiteral("Power off on 12 chosen systems")) + 16);
    m_runsView->setColumnWidth(RunsModel::StateColumn, fm.horizontalAdvance(QStringLiteral("Completed")) + 16);
    m_runsView->setColumnWidth(RunsModel::ProgressColumn,
                               fm.horizontalAdvance(QStringLiteral("10,000 of 10,000, wave 2 of 20")) + 16);
    for (int c :
         {RunsModel::SucceededColumn, RunsModel::FailedColumn, RunsModel::SkippedColumn, RunsModel::NotStartedColumn})
        m_runsView->setColumnWidth(c, fm.horizontalAdvance(m_runs->headerData(c, Qt::Horizontal).toString()) + 24);
    m_runsView->setColumnWidth(RunsModel::CreatedColumn, timeWidth);
    rememberHeader(m_runsView, context.settings, QStringLiteral("tasks/runsHeader"));
    m_onlyTask->setObjectName(QStringLiteral("onlySelectedTask"));
    m_onlyTask->setToolTip(tr("Show the runs of the selected task only, instead of every run"));
    auto *runsTop = new QHBoxLayout;
    runsTop->addWidget(heading(tr("Runs, newest first"), this));
    runsTop->addStretch();
    runsTop->addWidget(m_onlyTask);

    // The selected run's systems.
    m_systemsView->setObjectName(QStringLiteral("runSystemsView"));
    m_systemsView->setModel(m_systems);
    setUpRecordTable(m_systemsView);
    m_systemsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_systemsView->setColumnWidth(RunSystemsModel::UuidColumn,
                                  fm.horizontalAdvance(QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B")) + 16);
    m_systemsView->setColumnWidth(RunSystemsModel::NameColumn,
                                  fm.horizontalAdvance(QStringLiteral("amt-00000000.example.com")) + 16);
    m_systemsView->setColumnWidth(RunSystemsModel::StatusColumn,
                                  fm.horizontalAdvance(QStringLiteral("INVALID_PT_MODE")) + 16);
    m_systemsView->setColumnWidth(RunSystemsModel::MessageColumn, 360);
    m_systemsView->setColumnWidth(RunSystemsModel::FinishedColumn, timeWidth);
    rememberHeader(m_systemsView, context.settings, QStringLiteral("tasks/runSystemsHeader"));
    m_runSummary->setObjectName(QStringLiteral("runSummary"));
    m_runSummary->setWordWrap(true);
    m_runSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_systemState->setObjectName(QStringLiteral("runSystemState"));
    m_systemState->addItem(tr("Every result"), -1);
    for (auto s : {Core::RunSystemState::Pending, Core::RunSystemState::Running, Core::RunSystemState::Succeeded,
                   Core::RunSystemState::Failed, Core::RunSystemState::Skipped, Core::RunSystemState::Cancelled})
        m_systemState->addItem(Core::runSystemStateName(s), int(s));
    m_systemState->setToolTip(tr("Show only the systems with this result"));
    auto *detailsTop = new QHBoxLayout;
    detailsTop->addWidget(m_runSummary, 1);
    detailsTop->addWidget(m_systemState, 0, Qt::AlignTop);

    auto *tasksTop = new QHBoxLayout;
    tasksTop->addWidget(heading(tr("Tasks"), this));
    tasksTop->addStretch();
    m_splitter->setObjectName(QStringLiteral("tasksSplitter"));
    m_splitter->addWidget(pane(this, tasksTop, m_tasksStack));
    m_splitter->addWidget(pane(this, runsTop, m_runsView));
    m_splitter->addWidget(pane(this, detailsTop, m_systemsView));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({200, 220, 260});
    rememberSplitter(m_splitter, context.settings, QStringLiteral("tasks/splitter"));

    // The actions.
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_new = toolbar->addAction(themedIcon(QStringLiteral("tasks")), tr("&New Task…"), this, [this] { newTask(); });
    m_new->setObjectName(QStringLiteral("newTask"));
    m_new->setToolTip(tr("An operation on a collection or on systems, now or on a schedule, in waves"));
    m_edit = toolbar->addAction(themedIcon(QStringLiteral("general")), tr("&Edit…"), this, &TasksWidget::editTask);
    m_edit->setObjectName(QStringLiteral("editTask"));
    m_edit->setToolTip(tr("Change the selected task (Enter)"));
    m_delete = toolbar->addAction(themedIcon(QStringLiteral("error")), tr("&Delete…"), this, &TasksWidget::deleteTask);
    m_delete->setObjectName(QStringLiteral("deleteTask"));
    m_delete->setToolTip(tr("Delete the selected task (Delete); its runs stay listed"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    m_toggle = toolbar->addAction(themedIcon(QStringLiteral("pass")), tr("Disa&ble"), this, &TasksWidget::toggleTask);
    m_toggle->setObjectName(QStringLiteral("toggleTask"));
    m_run = toolbar->addAction(themedIcon(QStringLiteral("actions")), tr("&Run Now"), this, &TasksWidget::runTask);
    m_run->setObjectName(QStringLiteral("runTask"));
    m_run->setToolTip(tr("Run the selected task now, on the systems its target has now"));
    toolbar->addSeparator();
    m_cancel = toolbar->addAction(themedIcon(QStringLiteral("warning")), tr("&Cancel Run…"), this,
                                  &TasksWidget::cancelRun);
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setToolTip(tr("Stop the selected run: systems not started yet are left alone, those under way finish"));
    m_rerun = toolbar->addAction(themedIcon(QStringLiteral("delayed")), tr("Run Again for the &Failed"), this,
                                 &TasksWidget::rerunFailed);
    m_rerun->setObjectName(QStringLiteral("rerunFailed"));
    m_rerun->setToolTip(tr("The selected run's operation again, on the systems that failed in it"));
    for (QAction *a : {m_new, m_edit, m_delete, m_toggle, m_run})
        m_tasksView->addAction(a);
    for (QAction *a : {m_cancel, m_rerun})
        m_runsView->addAction(a);
    connect(m_tasksView, &QTableView::activated, this, &TasksWidget::editTask);


    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(
            themedIcon(QStringLiteral("tasks")), tr("Tasks"),
            tr("A task runs an Intel AMT operation on a collection or on chosen systems, now or on a schedule, "
               "in waves; the engines do each run and record every system's result. Select a run to see them."),
            this));
    layout->addWidget(toolbar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    connect(m_tasksView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (m_onlyTask->isChecked())
            m_runs->setTaskId(currentTask().id);
        updateActions();
    });
    connect(m_onlyTask, &QCheckBox::toggled, this,
            [this](bool only) { m_runs->setTaskId(only ? currentTask().id : 0); });
    connect(m_runsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_systems->setRunId(currentRun().id);
        showRunDetails();
        updateActions();
    });
    connect(m_runs, &QAbstractItemModel::dataChanged, this, [this] {
        showRunDetails();
        updateActions();
    });
    connect(m_runs, &RunsModel::loaded, this, [this](const QString &error) {
        if (!error.isEmpty())
            setStatus(error, true);
        if (m_wantedRun > 0) {
            const int row = m_runs->rowOf(m_wantedRun);
            if (row >= 0) {
                m_runsView->setCurrentIndex(m_runs->index(row, 0));
                m_runsView->scrollTo(m_runs->index(row, 0));
                m_wantedRun = 0;
            }
        }
        if (!m_runsView->currentIndex().isValid() && m_runs->rowCount() > 0)
            m_runsView->setCurrentIndex(m_runs->index(0, 0));
        showRunDetails();
        updateActions();
    });
    connect(m_tasks, &TasksModel::loaded, this, [this, emptyTasks](const QString &error) {
        m_tasksStack->setCurrentWidget(m_tasks->rowCount() == 0 && error.isEmpty() ? static_cast<QWidget *>(emptyTasks)
                                                                                   : m_tasksView);
        if (!error.isEmpty())
            setStatus(error, true);
        updateActions();
    });
    connect(m_systemState, &QComboBox::currentIndexChanged, this, [this] {
        const int state = m_systemState->currentData().toInt();
        m_systems->setStates(state < 0 ? QList<Core::RunSystemState>{}
                                       : QList<Core::RunSystemState>{Core::RunSystemState(state)});
    });
    connect(m_context.store, &Core::Store::stateChanged, this, &TasksWidget::updateActions);
    m_tasks->reload();
    m_runs->reload();
    showRunDetails();
    updateActions();
}

TasksWidget::~TasksWidget() = default;

Core::Task TasksWidget::currentTask() const
{
    const QModelIndex index = m_tasksView->currentIndex();
    return index.isValid() ? m_tasks->task(m_sortedTasks->mapToSource(index).row()) : Core::Task{};
}

Core::TaskRun TasksWidget::currentRun() const
{
    const QModelIndex index = m_runsView->currentIndex();
    return index.isValid() ? m_runs->run(index.row()) : Core::TaskRun{};
}

void TasksWidget::setStatus(const QString &text, bool error)
{
    m_status->setStatus(text, error);
}

void TasksWidget::showRun(qint64 runId)
{
    if (runId <= 0)
        return;
    m_onlyTask->setChecked(false);
    const int row = m_runs->rowOf(runId);
    if (row >= 0) {
        m_runsView->setCurrentIndex(m_runs->index(row, 0));
        m_runsView->scrollTo(m_runs->index(row, 0));
        return;
    }
    m_wantedRun = runId;
    m_runs->reload();
}

void TasksWidget::updateActions()
{
    const bool writable = m_context.store->isWritable();
    const Core::Task task = currentTask();
    const Core::TaskRun run = currentRun();
    m_new->setEnabled(writable);
    m_edit->setEnabled(writable && task.id > 0);
    m_delete->setEnabled(writable && task.id > 0);
    m_toggle->setEnabled(writable && task.id > 0);
    m_toggle->setText(task.id > 0 && !task.enabled ? tr("Ena&ble") : tr("Disa&ble"));
    m_toggle->setToolTip(task.id > 0 && !task.enabled ? tr("Let the selected task run when it is due again")
                                                      : tr("Keep the selected task from running when it is due"));
    m_run->setEnabled(writable && task.id > 0);
    m_cancel->setEnabled(writable && run.id > 0 && !Core::isFinished(run.state));
    m_rerun->setEnabled(writable && run.id > 0 && Core::isFinished(run.state) && run.failed > 0);
}

void TasksWidget::showRunDetails()
{
    const Core::TaskRun r = currentRun();
    if (r.id <= 0) {
        m_runSummary->setText(m_runs->rowCount() == 0
                                      ? tr("No run yet. A task scheduled Now runs at once; Run Now runs any task.")
                                      : tr("Select a run to see its systems."));
        return;
    }
    QString text = tr("<b>Run %1: %2</b> (%3, %4). %5: %6 of %7 done; %8 succeeded, %9 failed, %10 skipped, "
                      "%11 not started.")
                           .arg(r.id)
                           .arg(r.name.toHtmlEscaped(), Core::operationName(r.operation).toHtmlEscaped(),
                                r.wave.describe().toHtmlEscaped(), Core::runStateName(r.state))
                           .arg(r.done())
                           .arg(r.total)
                           .arg(r.succeeded)
                           .arg(r.failed)
                           .arg(r.skipped)
                           .arg(RunsModel::notStarted(r));
    text += u' '
            + tr("Asked by %1 at %2.")
                      .arg((r.createdBy.isEmpty() ? tr("the schedule") : r.createdBy).toHtmlEscaped(),
                           tableTime(r.created));
    if (!r.stopReason.isEmpty())
        text += QStringLiteral(" <span style=\"color:#b00020\">%1</span>").arg(r.stopReason.toHtmlEscaped());
    m_runSummary->setText(text);
}

void TasksWidget::openDialog(const Core::Task &task)
{
    auto *dialog = new TaskDialog(m_context.store, task, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool isNew = task.id <= 0;
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew] {
        const Core::Task saved = dialog->task();
        const Core::TaskSaved made = dialog->saved();
        QString text = isNew ? tr("Created the task %1.").arg(saved.name) : tr("Changed the task %1.").arg(saved.name);
        if (made.runId > 0) {
            text += u' ' + tr("Its run %1 started.").arg(made.runId);
            showRun(made.runId);
        }
        setStatus(text);
        if (m_context.log)
            m_context.log->information(text);
    });
    dialog->open();
}

void TasksWidget::newTask(const Core::TaskTarget &target)
{
    Core::Task task;
    task.target = target;
    if (!target.uuids.isEmpty())
        task.name = tr("%1 on %n systems", nullptr, int(target.uuids.size())).arg(Core::operationName(task.operation));
    openDialog(task);
}

void TasksWidget::editTask()
{
    const Core::Task task = currentTask();
    if (task.id > 0)
        openDialog(task);
}

void TasksWidget::deleteTask()
{
    const Core::Task task = currentTask();
    if (task.id <= 0)
        return;
    Confirmation ask;
    ask.objectName = QStringLiteral("confirmDelete");
    ask.title = tr("Delete task");
    ask.text = tr("Delete the task %1? It does not run again; its runs stay listed.").arg(task.name);
    ask.action = tr("Delete");
    askToConfirm(this, ask, [this, task] {
        Core::whenReady(m_context.store->deleteTask(task.id), this, [this, task](const Core::StoreResult<int> &r) {
            if (!r.ok())
                return setStatus(r.error.message, true);
            setStatus(tr("Deleted the task %1.").arg(task.name));
            if (m_context.log)
                m_context.log->information(tr("Deleted the task %1.").arg(task.name));
        });
    });
}

void TasksWidget::toggleTask()
{
    Core::Task task = currentTask();
    if (task.id <= 0)
        return;
    task.enabled = !task.enabled;
    Core::whenReady(m_context.store->saveTask(task, Core::AuditActor::current()), this,
                    [this, task](const Core::StoreResult<Core::TaskSaved> &r) {
        if (!r.ok())
            return setStatus(r.error.message, true);
        const QString text = task.enabled ? tr("Enabled the task %1.").arg(task.name)
                                          : tr("Disabled the task %1.").arg(task.name);
        setStatus(text);
        if (m_context.log)
            m_context.log->information(text);
    });
}

void TasksWidget::requestRun(const Core::RunRequest &request, Core::Operation operation, const QString &question)
{
    const auto go = [this, request] {
        Core::whenReady(m_context.store->requestRun(request), this, [this](const Core::StoreResult<qint64> &r) {
            if (!r.ok())
                return setStatus(r.error.message, true);
            setStatus(tr("Run %1 started; the engines work through it.").arg(r.value));
            showRun(r.value);
        });
    };
    if (!Core::isDestructive(operation))
        return go();
    Confirmation ask;
    ask.objectName = QStringLiteral("confirmRun");
    ask.icon = QMessageBox::Warning;
    ask.title = Core::operationName(operation);
    ask.text = question;
    ask.action = Core::operationName(operation);
    askToConfirm(this, ask, go);
}

void TasksWidget::runTask()
{
    const Core::Task task = currentTask();
    if (task.id <= 0)
        return;
    Core::RunRequest request;
    request.taskId = task.id;
    request.actor = Core::AuditActor::current();
    if (task.target.collectionId == 0) {
        requestRun(request, task.operation,
                   tr("%1 on %n systems now (the task %2)? Unsaved work on them may be lost.", nullptr,
                      int(task.target.uuids.size()))
                           .arg(Core::operationName(task.operation), task.name));
        return;
    }
    Core::SystemFilter filter;
    filter.collectionId = task.target.collectionId;
    Core::whenReady(m_context.store->countSystems(filter), this,
                    [this, task, request](const Core::StoreResult<qint64> &r) {
        if (!r.ok())
            return setStatus(r.error.message, true);
        requestRun(request, task.operation,
                   tr("%1 on %n systems now (the collection %2, for the task %3)? Unsaved work on them may be lost.",
                      nullptr, int(qMin<qint64>(r.value, INT_MAX)))
                           .arg(Core::operationName(task.operation), task.target.collectionName, task.name));
    });
}

void TasksWidget::cancelRun()
{
    const Core::TaskRun run = currentRun();
    if (run.id <= 0 || Core::isFinished(run.state))
        return;
    Confirmation ask;
    ask.objectName = QStringLiteral("confirmCancel");
    ask.title = tr("Cancel run");
    ask.text = tr("Cancel run %1 (%2)? The %n systems not started yet are left alone; those under way finish.", nullptr,
                  qMax(0, run.total - run.done()))
                       .arg(run.id)
                       .arg(run.name);
    ask.action = tr("Cancel the run");
    ask.keep = QMessageBox::No;
    askToConfirm(this, ask, [this, run] {
        Core::whenReady(m_context.store->cancelRun(run.id, Core::AuditActor::current()), this,
                        [this, run](const Core::StoreResult<int> &r) {
            if (!r.ok())
                return setStatus(r.error.message, true);
            setStatus(tr("Cancelled run %1: %n systems were not started.", nullptr, r.value).arg(run.id));
        });
    });
}

void TasksWidget::rerunFailed()
{
    const Core::TaskRun run = currentRun();
    if (run.id <= 0 || run.failed <= 0)
        return;
    Core::RunRequest request;
    request.failedOfRunId = run.id;
    request.actor = Core::AuditActor::current();
    requestRun(request, run.operation,
               tr("%1 again on the %n systems that failed in run %2?", nullptr, run.failed)
                       .arg(Core::operationName(run.operation))
                       .arg(run.id));
}

void TasksWidget::showArgument(const QString &argument)
{
    const QString kind = argument.section(u':', 0, 0);
    const QString value = argument.section(u':', 1);
    Core::TaskTarget target;
    if (kind == u"run") {
        showRun(value.toLongLong());
    } else if (kind == u"new-task") {
        target.uuids = value.split(u',', Qt::SkipEmptyParts);
        newTask(target);
    } else if (kind == u"new-task-collection") {
        target.collectionId = value.toLongLong();
        newTask(target);
    }
}

QWidget *createTasksWidget(const PageContext &context, WidgetPage *page, QWidget *parent)
{
    auto *w = new TasksWidget(context, parent);
    QObject::connect(page, &WidgetPage::argumentShown, w, &TasksWidget::showArgument);
    return w;
}

} // namespace Oobm::Gui
