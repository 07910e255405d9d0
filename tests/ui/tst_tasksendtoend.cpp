// SPDX-License-Identifier: GPL-2.0-or-later
// A task made in the console (the Tasks page's dialog, in this process) is done by a real
// oobm-engine process against amt-sim's devices, and its per-system results show up on the page
// as that other process records them, on SQLite and on PostgreSQL.
#include "common/engineprocess.h"
#include "common/provisioningfixture.h"
#include "common/simprocess.h"
#include "common/testsupport.h"

#include "core/store/sqlstore.h"
#include "ui/dialogs/taskdialog.h"
#include "ui/models/runsmodel.h"
#include "ui/models/runsystemsmodel.h"
#include "ui/models/tasksmodel.h"
#include "ui/pages/tasks/taskswidget.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Gui;
using Oobm::Test::EngineProcess;
using Oobm::Test::ProvisioningFixture;
using Oobm::Test::SimProcess;

namespace {

const qint64 AllProvisioned = -1 - int(SystemState::Provisioned); // the built-in collection's id

template<typename T>
T *waitForChild(QObject *parent, const char *name = nullptr)
{
    T *child = nullptr;
    const bool found = QTest::qWaitFor(
            [&] {
        child = name ? parent->findChild<T *>(QLatin1String(name)) : parent->findChild<T *>();
        return child != nullptr;
            },
            10000);
    return found ? child : decltype(child){};
}

} // namespace

class tst_TasksEndToEnd final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void taskFromTheConsoleRunByAnEngine_data() { Oobm::Test::addBackendRows(); }
    void taskFromTheConsoleRunByAnEngine();
};

void tst_TasksEndToEnd::taskFromTheConsoleRunByAnEngine()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    ProvisioningFixture f(backend);
    QCOMPARE(f.prepare(2), QString());
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(Oobm::Test::freePort());
    EngineProcess engine;
    QCOMPARE(engine.start(QStringLiteral(OOBM_ENGINE_PATH), f.location(), f.keyFile(), listen,
                          QStringLiteral("tasks-e2e")),
             QString());
    SimProcess sim;
    QCOMPARE(sim.start({"--fleet", "2", "--mode", "factory", "--keys", f.setupBin(), "--provision-server", listen,
                        "--time-scale", "200"}),
             QString());
    SystemFilter provisioned;
    provisioned.states = {SystemState::Provisioned};
    QTRY_COMPARE_WITH_TIMEOUT(f.store().countSystems(provisioned).result().value, qint64(2), 60000);
    for (int i = 0; i < 2; ++i)
        QVERIFY(sim.control({{"cmd", "set-power"}, {"uuid", sim.device(i).uuid}, {"state", 0}}).value("ok").toBool());

    // The console: the Tasks page on its own store connection, no engine of its own.
    TasksWidget w({&f.store(), nullptr, nullptr, nullptr});
    QAbstractItemModelTester t1(w.tasksModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(w.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(w.runSystemsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    w.findChild<QAction *>("newTask")->trigger();
    auto *d = waitForChild<TaskDialog>(&w);
    QVERIFY(d);
    d->findChild<QLineEdit *>("name")->setText(QStringLiteral("Fleet off"));
    const auto choose = [](QComboBox *box, const QVariant &data) {
        const int index = box->findData(data);
        QVERIFY2(index >= 0, qPrintable(data.toString()));
        box->setCurrentIndex(index);
    };
    choose(d->findChild<QComboBox *>("operation"), int(Operation::PowerOff));
    auto *collection = d->findChild<QComboBox *>("collection");
    QTRY_VERIFY_WITH_TIMEOUT(collection->findData(AllProvisioned) >= 0, 10000);
    d->findChild<QRadioButton *>("targetCollection")->setChecked(true);
    choose(collection, AllProvisioned);
    d->findChild<QSpinBox *>("batchSize")->setValue(1); // one system a wave: two waves
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    auto *box = waitForChild<QMessageBox>(d, "confirmTask");
    QVERIFY(box);
    const QPointer<TaskDialog> dialog(d); // deleted on close
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);

    // The engine process claims the run, powers both devices off, and the page follows.
    QTRY_VERIFY_WITH_TIMEOUT(w.currentRun().id > 0, 10000);
    const qint64 runId = w.currentRun().id;
    // Done by the engine, as the database has it…
    QTRY_VERIFY2_WITH_TIMEOUT(isFinished(f.store().taskRun(runId).result().value.state),
                              engine.output().right(4000).constData(), 60000);
    // …and as the page shows it, followed from the other process's changes.
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(w.currentRun().state), 10000);
    const TaskRun run = w.currentRun();
    QCOMPARE(run.id, runId);
    QCOMPARE(run.state, RunState::Completed);
    QCOMPARE(run.wavesTotal, 2);
    QCOMPARE(run.succeeded, 2);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(sim.state(i).value("powerState").toInt(), 5); // S5: off
    QTRY_COMPARE_WITH_TIMEOUT(w.runSystemsModel()->rowCount(), 2, 10000);
    QStringList uuids;
    for (int row = 0; row < 2; ++row) {
        QTRY_COMPARE_WITH_TIMEOUT(w.runSystemsModel()->index(row, RunSystemsModel::StateColumn).data().toString(),
                                  QStringLiteral("Succeeded"), 10000);
        uuids << w.runSystemsModel()->index(row, RunSystemsModel::UuidColumn).data().toString();
    }
    uuids.sort();
    QStringList expected{sim.device(0).uuid, sim.device(1).uuid};
    expected.sort();
    QCOMPARE(uuids, expected);
    const int row = w.runsModel()->rowOf(runId);
    QCOMPARE(w.runsModel()->index(row, RunsModel::ProgressColumn).data().toString(), QStringLiteral("2 of 2"));
    QCOMPARE(engine.process().state(), QProcess::Running);
}

QTEST_MAIN(tst_TasksEndToEnd)
#include "tst_tasksendtoend.moc"
