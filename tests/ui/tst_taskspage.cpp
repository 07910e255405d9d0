// SPDX-License-Identifier: GPL-2.0-or-later
// Tasks in the console, driven through the page's widgets against a real provisioning engine
// (in this process, as the console embeds it) and amt-sim devices it provisioned: the task
// dialog's refusals worded as the store words them (nothing made), a run made from the page and
// done by the engine with its progress and results, failures as the engine recorded them, Run
// again for the failed, Cancel, Enable/Disable, Edit and Delete; Intel AMT Systems and Delayed
// Provision going through runs. Models under QAbstractItemModelTester.
#include "common/simprocess.h"

#include "core/engine/provisioningengine.h"
#include "core/keys/secretbox.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"
#include "ui/dialogs/taskdialog.h"
#include "ui/models/runsmodel.h"
#include "ui/models/runsystemsmodel.h"
#include "ui/models/systemsmodel.h"
#include "ui/models/tasksmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/pages/systems/systemswidget.h"
#include "ui/pages/tasks/taskswidget.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/runprogresswidget.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTimeEdit>
#include <QToolButton>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Gui;
using Oobm::Test::SimProcess;

namespace {

QMessageBox *messageBox(QWidget *parent, const char *name)
{
    QMessageBox *box = nullptr;
    const bool found = QTest::qWaitFor(
            [&] { return (box = parent->findChild<QMessageBox *>(QLatin1String(name))) != nullptr; }, 5000);
    return found ? box : decltype(box){};
}

TaskDialog *taskDialog(QWidget *parent)
{
    TaskDialog *d = nullptr;
    const bool found = QTest::qWaitFor(
            [&] { return (d = parent->findChild<TaskDialog *>()) != nullptr && d->isVisible(); }, 5000);
    return found ? d : decltype(d){};
}

void choose(QComboBox *box, const QVariant &data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(index);
}

const qint64 AllProvisioned = -1 - int(SystemState::Provisioned); // the built-in collection's id

} // namespace

class tst_TasksPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void dialogRefusals_data();
    void dialogRefusals();
    void runOnACollectionFromThePage();
    void failuresAsTheEngineRecordedThemAndRunAgain();
    void cancelARunBetweenWaves();
    void enableDisableEditDelete();
    void showRunArgument();
    void intelAmtSystemsActionsAreRuns();
    void delayedProvisionRestartsHellosThroughARun();

private:
    PageContext context() { return {m_store.get(), m_log.get(), nullptr, nullptr}; }
    int powerState(int device) const { return m_sim.state(device).value("powerState").toInt(); }
    void setPower(int device, int state)
    {
        QVERIFY(m_sim.control({{"cmd", "set-power"}, {"uuid", m_sim.device(device).uuid}, {"state", state}})
                        .value("ok")
                        .toBool());
    }
    // The run the widget shows as current, once it has ended.
    TaskRun endedRun(TasksWidget &w, int timeoutMs = 30000);

    QTemporaryDir m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<UserLog> m_log;
    std::unique_ptr<ProvisioningEngine> m_engine;
    SimProcess m_sim;     // three devices with keys from this store: provisioned
    SimProcess m_unknown; // one device whose key this store has never seen: failed, no credentials
};

void tst_TasksPage::initTestCase()
{
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir.filePath("oobm.db")));
    QCOMPARE(m_store->openAndWait().message, QString());
    QCOMPARE(m_store->setDataKey(SecretBox::generateKey(), "test").result().message, QString());
    m_log = std::make_unique<UserLog>(m_store.get(), "test");
    KeyGenerationRequest g;
    g.count = 6;
    g.newMePassword = "N3w-Pass!";
    QVERIFY(m_store->generateKeys(g).result().ok());
    const auto keys = m_store->listKeys({}).result().value;
    KeyExportRequest x;
    x.pids = {keys.at(5).pid, keys.at(4).pid, keys.at(3).pid};
    x.path = m_dir.filePath("setup.bin");
    QVERIFY(m_store->exportKeys(x).result().ok());
    ProvisionProfile p;
    p.name = "Standard";
    p.isDefault = true;
    p.adminPassword = "Adm1n!Pass";
    QVERIFY(m_store->saveProfile(p).result().ok());

    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    EngineOptions o;
    o.listenAddresses = {QHostAddress::LocalHost};
    o.listenPort = probe.serverPort();
    probe.close();
    m_engine = std::make_unique<ProvisioningEngine>(m_store.get(), m_log.get(), o);
    QSignalSpy started(m_engine.get(), &ProvisioningEngine::started);
    QSignalSpy finished(m_engine.get(), &ProvisioningEngine::provisioningFinished);
    m_engine->start();
    QVERIFY(started.wait(10000));
    const QString server = QStringLiteral("127.0.0.1:%1").arg(o.listenPort);
    QCOMPARE(m_sim.start({"--fleet", "3", "--mode", "factory", "--keys", x.path, "--provision-server", server,
                          "--time-scale", "200"}),
             QString());
    QCOMPARE(
            m_unknown.start({"--fleet", "1", "--mode", "setup-psk", "--provision-server", server, "--time-scale", "1"}),
            QString());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 4, 30000);
    SystemFilter provisioned;
    provisioned.states = {SystemState::Provisioned};
    QTRY_COMPARE_WITH_TIMEOUT(m_store->countSystems(provisioned).result().value, qint64(3), 30000);
}

void tst_TasksPage::cleanupTestCase()
{
    m_sim.stop();
    m_unknown.stop();
    m_engine.reset();
}

TaskRun tst_TasksPage::endedRun(TasksWidget &w, int timeoutMs)
{
    TaskRun run;
    const bool found = QTest::qWaitFor(
            [&] {
        run = w.currentRun();
        return run.id > 0 && isFinished(run.state);
            },
            timeoutMs);
    return found ? run : decltype(run){};
}

void tst_TasksPage::dialogRefusals_data()
{
    QTest::addColumn<QString>("refusal");
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("beforeSave"); // found as it is typed (Save disabled), in the store's own words
    QTest::newRow("empty target") << "empty target"
                                  << "The task has no target: choose a collection or systems." << true;
    QTest::newRow("schedule in the past") << "past"
                                          << "is in the past: choose a later time, or run the task now." << true;
    QTest::newRow("wave of 0") << "wave 0"
                               << "A wave of 0 systems cannot run: give each wave at least 1 system." << true;
    QTest::newRow("unknown collection") << "unknown collection"
                                        << "There is no collection %1 (any more): choose another." << false;
    QTest::newRow("systems without stored credentials")
            << "no credentials"
            << "Power on: %1 is not provisioned by OOBM, so its admin credentials are not known here" << false;
}

void tst_TasksPage::dialogRefusals()
{
    QFETCH(QString, refusal);
    QFETCH(QString, words);
    QFETCH(bool, beforeSave);
    const qsizetype tasksBefore = m_store->listTasks().result().value.size();
    const qsizetype runsBefore = m_store->listRuns({}).result().value.size();
    TasksWidget w(context());
    QAbstractItemModelTester t1(w.tasksModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(w.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    w.newTask();
    TaskDialog *d = taskDialog(&w);
    QVERIFY(d);
    d->findChild<QLineEdit *>("name")->setText(QStringLiteral("Refused"));
    choose(d->findChild<QComboBox *>("operation"), int(Operation::PowerOn));
    auto *collection = d->findChild<QComboBox *>("collection");
    QTRY_VERIFY_WITH_TIMEOUT(collection->findData(AllProvisioned) >= 0, 5000);
    qint64 doomed = 0;
    if (refusal == u"empty target") {
        d->findChild<QRadioButton *>("targetSystems")->setChecked(true);
    } else if (refusal == u"past") {
        choose(d->findChild<QComboBox *>("schedule"), int(Schedule::Kind::Once));
        d->findChild<QComboBox *>("timeZone")->setEditText(QStringLiteral("UTC"));
        d->findChild<QDateTimeEdit *>("at")->setDateTime(QDateTime::currentDateTimeUtc().addDays(-1));
    } else if (refusal == u"wave 0") {
        d->findChild<QSpinBox *>("batchSize")->setValue(0);
    } else if (refusal == u"unknown collection") {
        Collection c;
        c.name = QStringLiteral("Doomed");
        doomed = m_store->saveCollection(c).result().value;
        QTRY_VERIFY_WITH_TIMEOUT(collection->findData(doomed) >= 0, 5000);
        choose(collection, doomed);
        words = words.arg(doomed);
    } else if (refusal == u"no credentials") {
        d->findChild<QRadioButton *>("targetSystems")->setChecked(true);
        d->findChild<QPlainTextEdit *>("systems")->setPlainText(m_unknown.device().uuid + u'\n' + m_sim.device(0).uuid);
        words = words.arg(m_unknown.device().uuid);
    }
    auto *problem = d->findChild<QLabel *>("problem");
    auto *save = d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    if (beforeSave) {
        QVERIFY2(problem->text().contains(words), qPrintable(problem->text()));
        QVERIFY(!save->isEnabled());
        // The very words the store answers with.
        QCOMPARE(m_store->saveTask(d->task(), {}).result().error.message, problem->text());
    } else {
        QVERIFY2(problem->text().isEmpty(), qPrintable(problem->text()));
        if (doomed != 0)
            QVERIFY(m_store->deleteCollection(doomed).result().ok());
        save->click();
        QTRY_VERIFY2_WITH_TIMEOUT(problem->text().contains(words), qPrintable(problem->text()), 5000);
        QVERIFY(d->isVisible());
    }
    QCOMPARE(m_store->listTasks().result().value.size(), tasksBefore);
    QCOMPARE(m_store->listRuns({}).result().value.size(), runsBefore);
}

void tst_TasksPage::runOnACollectionFromThePage()
{
    for (int i = 0; i < 3; ++i)
        setPower(i, 0);
    TasksWidget w(context());
    QAbstractItemModelTester t1(w.tasksModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(w.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(w.runSystemsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QLabel *>("tasksEmpty")->isVisible(), 5000);
    w.findChild<QAction *>("newTask")->trigger();
    TaskDialog *d = taskDialog(&w);
    QVERIFY(d);
    d->findChild<QLineEdit *>("name")->setText(QStringLiteral("Lab off"));
    choose(d->findChild<QComboBox *>("operation"), int(Operation::PowerOff));
    auto *collection = d->findChild<QComboBox *>("collection");
    QTRY_VERIFY_WITH_TIMEOUT(collection->findData(AllProvisioned) >= 0, 5000);
    d->findChild<QRadioButton *>("targetCollection")->setChecked(true);
    choose(collection, AllProvisioned);
    QVERIFY(collection->currentText().startsWith(QStringLiteral("All Provisioned (3 systems now)")));
    d->findChild<QSpinBox *>("batchSize")->setValue(2); // two waves
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    // Destructive: confirmed first, naming the operation and how many systems.
    QMessageBox *box = messageBox(d, "confirmTask");
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(QStringLiteral("Power off on 3 systems (the collection All Provisioned as it is "
                                                   "now) now?")),
             qPrintable(box->text()));
    QCOMPARE(m_store->listTasks().result().value.size(), 0);
    const QPointer<TaskDialog> dialog(d); // deleted on close
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 5000);
    // The task is listed, its run selected and followed live until the engine is done.
    QTRY_COMPARE_WITH_TIMEOUT(w.tasksModel()->rowCount(), 1, 5000);
    QVERIFY(w.tasksView()->isVisible());
    QCOMPARE(w.tasksModel()->index(0, TasksModel::OperationColumn).data().toString(), QStringLiteral("Power off"));
    QCOMPARE(w.tasksModel()->index(0, TasksModel::TargetColumn).data().toString(),
             QStringLiteral("collection All Provisioned"));
    QTRY_VERIFY_WITH_TIMEOUT(w.currentRun().id > 0, 5000);
    QVERIFY(w.findChild<QLabel *>("tasksStatus")
                    ->text()
                    .startsWith(QStringLiteral("Created the task Lab off. Its run")));
    QSignalSpy reset(w.runsModel(), &QAbstractItemModel::modelReset);
    const TaskRun run = endedRun(w);
    QCOMPARE(run.state, RunState::Completed);
    QCOMPARE(run.wavesTotal, 2);
    QCOMPARE(run.succeeded, 3);
    QCOMPARE(reset.size(), 0); // followed in place
    const int row = w.runsModel()->rowOf(run.id);
    QCOMPARE(w.runsModel()->index(row, RunsModel::ProgressColumn).data().toString(), QStringLiteral("3 of 3"));
    QCOMPARE(w.runsModel()->index(row, RunsModel::ProgressColumn).data(RunsModel::ProgressRole).toInt(), 1000);
    QCOMPARE(w.runsModel()->index(row, RunsModel::StateColumn).data().toString(), QStringLiteral("Completed"));
    QCOMPARE(w.runsModel()->index(row, RunsModel::SucceededColumn).data().toString(), QStringLiteral("3"));
    QCOMPARE(w.runsModel()->index(row, RunsModel::TargetColumn).data().toString(),
             QStringLiteral("collection All Provisioned (3 systems)"));
    // Its systems with their results.
    QTRY_COMPARE_WITH_TIMEOUT(w.runSystemsModel()->rowCount(), 3, 5000);
    for (int i = 0; i < 3; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(w.runSystemsModel()->index(i, RunSystemsModel::StateColumn).data().toString(),
                                  QStringLiteral("Succeeded"), 5000);
        QCOMPARE(powerState(i), 5);
    }
    QVERIFY2(w.findChild<QLabel *>("runSummary")->text().contains(QStringLiteral("3 succeeded, 0 failed")),
             qPrintable(w.findChild<QLabel *>("runSummary")->text()));
    QCOMPARE(w.tasksModel()->index(0, TasksModel::NextDueColumn).data().toString(), QStringLiteral("on request"));
    QTRY_VERIFY_WITH_TIMEOUT(w.tasksModel()->index(0, TasksModel::LastRunColumn).data().toString() != u"never", 5000);
}

void tst_TasksPage::failuresAsTheEngineRecordedThemAndRunAgain()
{
    // Reset needs the devices on: off, AMT answers NOT_PERMITTED.
    for (int i = 0; i < 3; ++i)
        setPower(i, 5);
    Task task;
    task.name = QStringLiteral("Reset the lab");
    task.operation = Operation::Reset;
    task.target.collectionId = AllProvisioned;
    task.schedule.kind = Schedule::Kind::Daily;
    task.schedule.timeOfDay = QTime(3, 0);
    const qint64 taskId = m_store->saveTask(task, {}).result().value.taskId;
    QVERIFY(taskId > 0);
    TasksWidget w(context());
    QAbstractItemModelTester t2(w.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(w.runSystemsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.tasksModel()->rowOf(taskId) >= 0, 5000);
    w.tasksView()->setCurrentIndex(
            w.tasksView()->model()->index(w.tasksView()->model()->rowCount() - 1, 0)); // by name: "Reset" after "Lab"
    QCOMPARE(w.currentTask().id, taskId);
    w.findChild<QAction *>("runTask")->trigger();
    QMessageBox *box = messageBox(&w, "confirmRun");
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(QStringLiteral("Reset on 3 systems now (the collection All Provisioned, for the "
                                                   "task Reset the lab)?")),
             qPrintable(box->text()));
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentRun().taskId == taskId, 5000);
    TaskRun run = endedRun(w);
    QCOMPARE(run.failed, 3);
    QVERIFY(w.findChild<QAction *>("rerunFailed")->isEnabled());
    // The failure as the engine recorded it: the device's PT_STATUS and what it means.
    QTRY_COMPARE_WITH_TIMEOUT(w.runSystemsModel()->rowCount(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.runSystemsModel()->index(0, RunSystemsModel::StateColumn).data().toString(),
                              QStringLiteral("Failed"), 5000);
    QCOMPARE(w.runSystemsModel()->index(0, RunSystemsModel::StatusColumn).data().toString(),
             QStringLiteral("NOT_PERMITTED"));
    QVERIFY(!w.runSystemsModel()->index(0, RunSystemsModel::MessageColumn).data().toString().isEmpty());
    // Filtered by result.
    auto *filter = w.findChild<QComboBox *>("runSystemState");
    choose(filter, int(RunSystemState::Succeeded));
    QTRY_COMPARE_WITH_TIMEOUT(w.runSystemsModel()->rowCount(), 0, 5000);
    choose(filter, int(RunSystemState::Failed));
    QTRY_COMPARE_WITH_TIMEOUT(w.runSystemsModel()->rowCount(), 3, 5000);
    // One device on again; Run again for the failed: it succeeds there, the others fail again.
    setPower(1, 0);
    w.findChild<QAction *>("rerunFailed")->trigger();
    box = messageBox(&w, "confirmRun");
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Reset again on the 3 systems that failed in run %1?").arg(run.id));
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentRun().id > run.id, 5000);
    const TaskRun again = endedRun(w);
    QCOMPARE(again.name, QStringLiteral("Reset the lab again (the failed systems of run %1)").arg(run.id));
    QCOMPARE(again.total, 3);
    QCOMPARE(again.succeeded, 1);
    QCOMPARE(again.failed, 2);
    QVERIFY(m_store->deleteTask(taskId).result().ok());
}

void tst_TasksPage::cancelARunBetweenWaves()
{
    for (int i = 0; i < 3; ++i)
        setPower(i, 5);
    Task task;
    task.name = QStringLiteral("Slow power on");
    task.operation = Operation::PowerOn;
    task.target.collectionId = AllProvisioned;
    task.schedule.kind = Schedule::Kind::Weekly;
    task.schedule.timeOfDay = QTime(4, 0);
    task.wave.batchSize = 1;
    task.wave.pauseSeconds = 3600;
    const qint64 taskId = m_store->saveTask(task, {}).result().value.taskId;
    TasksWidget w(context());
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.tasksModel()->rowOf(taskId) >= 0, 5000);
    for (int row = 0; row < w.tasksView()->model()->rowCount(); ++row) {
        if (w.tasksView()->model()->index(row, 0).data(TasksModel::IdRole).toLongLong() == taskId)
            w.tasksView()->setCurrentIndex(w.tasksView()->model()->index(row, 0));
    }
    w.runTask(); // powering on asks nothing
    QTRY_VERIFY_WITH_TIMEOUT(w.currentRun().taskId == taskId, 5000);
    // The first wave is done; the second waits an hour.
    QTRY_COMPARE_WITH_TIMEOUT(w.currentRun().succeeded, 1, 30000);
    QCOMPARE(w.currentRun().state, RunState::Running);
    QVERIFY(w.findChild<QAction *>("cancelRun")->isEnabled());
    w.findChild<QAction *>("cancelRun")->trigger();
    QMessageBox *box = messageBox(&w, "confirmCancel");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("The 2 systems not started yet are left alone")),
             qPrintable(box->text()));
    box->findChild<QPushButton *>("confirm")->click();
    const TaskRun run = endedRun(w, 10000);
    QCOMPARE(run.state, RunState::Cancelled);
    QCOMPARE(run.cancelled, 2);
    QCOMPARE(w.runsModel()->index(w.runsModel()->rowOf(run.id), RunsModel::NotStartedColumn).data().toString(),
             QStringLiteral("2"));
    QVERIFY(run.stopReason.startsWith(QStringLiteral("Cancelled by ")));
    QTRY_COMPARE_WITH_TIMEOUT(w.findChild<QLabel *>("tasksStatus")->text(),
                              QStringLiteral("Cancelled run %1: 2 systems were not started.").arg(run.id), 5000);
    QVERIFY(!w.findChild<QAction *>("cancelRun")->isEnabled());
    QVERIFY(m_store->deleteTask(taskId).result().ok());
}

void tst_TasksPage::enableDisableEditDelete()
{
    Task task;
    task.name = QStringLiteral("Clock");
    task.operation = Operation::SyncClock;
    task.target.uuids = {m_sim.device(0).uuid};
    task.schedule.kind = Schedule::Kind::Daily;
    task.schedule.timeOfDay = QTime(2, 0);
    task.schedule.timeZone = "Europe/Berlin";
    const qint64 taskId = m_store->saveTask(task, {}).result().value.taskId;
    TasksWidget w(context());
    QAbstractItemModelTester t1(w.tasksModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.tasksModel()->rowOf(taskId) >= 0, 5000);
    w.tasksView()->setCurrentIndex(w.tasksView()->model()->index(0, 0));
    QCOMPARE(w.currentTask().id, taskId);
    const int row = w.tasksModel()->rowOf(taskId);
    QCOMPARE(w.tasksModel()->index(row, TasksModel::ScheduleColumn).data().toString(),
             QStringLiteral("daily at 02:00 (Europe/Berlin)"));
    QVERIFY(!w.tasksModel()->index(row, TasksModel::NextDueColumn).data().toString().isEmpty());
    auto *toggle = w.findChild<QAction *>("toggleTask");
    QCOMPARE(toggle->text(), QStringLiteral("Disa&ble"));
    toggle->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(w.tasksModel()->index(row, TasksModel::EnabledColumn).data().toString(),
                              QStringLiteral("Disabled"), 5000);
    QCOMPARE(w.tasksModel()->index(row, TasksModel::NextDueColumn).data().toString(), QStringLiteral("disabled"));
    QTRY_COMPARE(toggle->text(), QStringLiteral("Ena&ble"));
    toggle->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(w.tasksModel()->index(row, TasksModel::EnabledColumn).data().toString(),
                              QStringLiteral("Enabled"), 5000);
    // Enter edits: the dialog shows the schedule as saved.
    w.tasksView()->setFocus();
    QTest::keyClick(w.tasksView(), Qt::Key_Return);
    TaskDialog *d = taskDialog(&w);
    QVERIFY(d);
    QCOMPARE(d->findChild<QComboBox *>("schedule")->currentData().toInt(), int(Schedule::Kind::Daily));
    QCOMPARE(d->findChild<QTimeEdit *>("time")->time(), QTime(2, 0));
    QCOMPARE(d->findChild<QComboBox *>("timeZone")->currentText(), QStringLiteral("Europe/Berlin"));
    QVERIFY(d->findChild<QRadioButton *>("targetSystems")->isChecked());
    d->findChild<QTimeEdit *>("time")->setTime(QTime(3, 30));
    d->findChild<QLineEdit *>("name")->setText(QStringLiteral("Clock at 03:30"));
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click(); // not destructive: no question
    QTRY_COMPARE_WITH_TIMEOUT(w.tasksModel()->index(row, TasksModel::NameColumn).data().toString(),
                              QStringLiteral("Clock at 03:30"), 5000);
    QCOMPARE(w.tasksModel()->index(row, TasksModel::ScheduleColumn).data().toString(),
             QStringLiteral("daily at 03:30 (Europe/Berlin)"));
    // The Delete key asks first.
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.tasksView()->setFocus();
    QTest::keyClick(w.tasksView(), Qt::Key_Delete);
    QMessageBox *box = messageBox(&w, "confirmDelete");
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("Clock at 03:30")));
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_COMPARE_WITH_TIMEOUT(w.tasksModel()->rowOf(taskId), -1, 5000);
}

void tst_TasksPage::showRunArgument()
{
    const QList<TaskRun> runs = m_store->listRuns({}).result().value;
    QVERIFY(runs.size() >= 2);
    WidgetPage page({QStringLiteral("tasks"), {}, {}, {}}, createTasksWidget, context());
    QWidget parent;
    auto *w = qobject_cast<TasksWidget *>(page.widget(&parent));
    QVERIFY(w);
    QTRY_VERIFY_WITH_TIMEOUT(w->runsModel()->rowCount() == runs.size(), 5000);
    page.showArgument(QStringLiteral("run:%1").arg(runs.last().id));
    QTRY_COMPARE_WITH_TIMEOUT(w->currentRun().id, runs.last().id, 5000);
    page.showArgument(QStringLiteral("new-task:%1,%2").arg(m_sim.device(0).uuid, m_sim.device(1).uuid));
    TaskDialog *d = taskDialog(w);
    QVERIFY(d);
    QVERIFY(d->findChild<QRadioButton *>("targetSystems")->isChecked());
    QCOMPARE(d->task().target.uuids, QStringList({m_sim.device(0).uuid, m_sim.device(1).uuid}));
    d->reject();
}

void tst_TasksPage::intelAmtSystemsActionsAreRuns()
{
    for (int i = 0; i < 3; ++i)
        setPower(i, 0);
    SystemsWidget w(context());
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 4, 5000);
    w.view()->selectAll();
    // Three provisioned ones and one the store has no credentials for: left out, and said so.
    w.findChild<QAction *>("powerOff")->trigger();
    QMessageBox *box = messageBox(&w, "confirmRun");
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(QStringLiteral("Power off 3 systems now? Unsaved work on them is lost. 1 of the "
                                                   "selected systems are not provisioned")),
             qPrintable(box->text()));
    QSignalSpy runRequested(&w, &SystemsWidget::showRunRequested);
    box->findChild<QPushButton *>("confirm")->click();
    RunProgressWidget *progress = w.runProgress();
    QSignalSpy finished(progress, &RunProgressWidget::runFinished);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 30000);
    QVERIFY2(progress->text().startsWith(QStringLiteral("Power off on 3 chosen systems (run ")),
             qPrintable(progress->text()));
    QVERIFY2(progress->text().contains(QStringLiteral(") completed: 3 succeeded, 0 failed, 0 skipped, 0 not started.")),
             qPrintable(progress->text()));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(powerState(i), 5);
    // The link to the run on the Tasks page.
    Q_EMIT progress->findChild<QLabel *>("runStatus")->linkActivated(QStringLiteral("run"));
    QCOMPARE(runRequested.size(), 1);
    QCOMPARE(runRequested.first().first().toLongLong(), progress->runId());
    // Next boot, from the menu under Power, on one system; a reset of a system that is off fails
    // and the failure is named as the engine recorded it.
    w.findChild<QLineEdit *>("systemSearch")->setText(m_sim.device(2).uuid);
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 1, 5000);
    w.view()->selectRow(0);
    w.findChild<QAction *>("reset")->trigger();
    box = messageBox(&w, "confirmRun");
    QVERIFY(box);
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 30000);
    QVERIFY2(progress->text().contains(QStringLiteral("0 succeeded, 1 failed")), qPrintable(progress->text()));
    QVERIFY2(progress->text().contains(QStringLiteral("Failed: ") + m_sim.device(2).uuid)
                     || progress->text().contains(QStringLiteral("(") + m_sim.device(2).uuid + u')'),
             qPrintable(progress->text()));
    QVERIFY2(progress->text().contains(QStringLiteral("NOT_PERMITTED")), qPrintable(progress->text()));
    w.findChild<QAction *>("bootPxe")->trigger();
    box = messageBox(&w, "confirmRun");
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(QStringLiteral("Boot from the network (PXE) at the next start of 1 systems?")),
             qPrintable(box->text()));
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 3, 30000);
    QVERIFY2(progress->text().contains(QStringLiteral("completed: 1 succeeded")), qPrintable(progress->text()));
}

void tst_TasksPage::delayedProvisionRestartsHellosThroughARun()
{
    WidgetPage page({QStringLiteral("delayed-provision"), {}, {}, {}}, createDelayedProvisionWidget, context());
    QWidget parent;
    QWidget *w = page.widget(&parent);
    auto *view = w->findChild<QTableView *>("delayedView");
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 10000);
    view->selectRow(0);
    auto *restart = w->findChild<QToolButton *>("delayedProvision");
    QVERIFY(!restart->isEnabled()); // no agent yet
    w->findChild<QLineEdit *>("agent")->setText(m_unknown.controlAddress());
    QVERIFY(restart->isEnabled());
    QSignalSpy open(&page, &Page::openPageRequested);
    restart->click();
    auto *progress = w->findChild<RunProgressWidget *>();
    QSignalSpy finished(progress, &RunProgressWidget::runFinished);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 30000);
    QVERIFY2(progress->text().contains(QStringLiteral("completed: 1 succeeded, 0 failed")),
             qPrintable(progress->text()));
    const TaskRun run = finished.first().first().value<TaskRun>();
    QCOMPARE(run.operation, Operation::RestartHello);
    QCOMPARE(run.parameter, m_unknown.controlAddress());
    const auto systems = m_store->runSystems(run.id, {}, 10, {}).result().value;
    QCOMPARE(systems.size(), 1);
    QCOMPARE(systems.first().uuid, m_unknown.device().uuid);
    QCOMPARE(systems.first().message, QStringLiteral("The agent restarted the hello sequence."));
    Q_EMIT progress->findChild<QLabel *>("runStatus")->linkActivated(QStringLiteral("run"));
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().at(0).toString(), QStringLiteral("tasks"));
    QCOMPARE(open.first().at(1).toString(), QStringLiteral("run:%1").arg(run.id));
}

QTEST_MAIN(tst_TasksPage)
#include "tst_taskspage.moc"
