// SPDX-License-Identifier: GPL-2.0-or-later
// Intel AMT Systems, Hello Monitor, Actions Status and Provision Profiles against a real engine
// provisioning simulated devices, with the models under QAbstractItemModelTester.
#include "common/simprocess.h"

#include "core/engine/provisioningengine.h"
#include "core/keys/secretbox.h"
#include "core/logbook/actionslogbook.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"
#include "ui/dialogs/profiledialog.h"
#include "ui/dialogs/systemdetailsdialog.h"
#include "ui/models/hellosmodel.h"
#include "ui/models/logmodel.h"
#include "ui/models/profilesmodel.h"
#include "ui/models/systemsmodel.h"
#include "ui/pages/systems/systemswidget.h"
#include "ui/widgets/runprogresswidget.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTcpServer>
#include <QTreeWidget>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Gui;
using Oobm::Test::SimProcess;

class tst_SystemsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void systemsModelShowsEveryStateAndReason();
    void hellosAndActionsModels();
    void powerActionFromThePage();
    void dialectFromThePage();
    void detailsShowTheTimeline();
    void profileDialogValidatesInline_data();
    void profileDialogValidatesInline();
    void detailsRevealTheAdminPassword();
    void profileDialogRandomAdminPassword();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<UserLog> m_log;
    std::unique_ptr<ProvisioningEngine> m_engine;
    SimProcess m_sim;     // two devices with keys from this store
    SimProcess m_unknown; // one device whose key this store has never seen
};

void tst_SystemsPage::initTestCase()
{
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir.filePath("oobm.db")));
    QCOMPARE(m_store->openAndWait().message, QString());
    QCOMPARE(m_store->setDataKey(SecretBox::generateKey(), "test").result().message, QString());
    m_log = std::make_unique<UserLog>(m_store.get(), "test");
    KeyGenerationRequest g;
    g.count = 4;
    g.newMePassword = "N3w-Pass!";
    QVERIFY(m_store->generateKeys(g).result().ok());
    const auto keys = m_store->listKeys({}).result().value;
    KeyExportRequest x;
    x.pids = {keys.at(3).pid, keys.at(2).pid};
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
    QCOMPARE(m_sim.start({"--fleet", "2", "--mode", "factory", "--keys", x.path, "--provision-server", server,
                          "--time-scale", "200"}),
             QString());
    QCOMPARE(
            m_unknown.start({"--fleet", "1", "--mode", "setup-psk", "--provision-server", server, "--time-scale", "1"}),
            QString());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 3, 30000);
}

void tst_SystemsPage::cleanupTestCase()
{
    m_sim.stop();
    m_unknown.stop();
    m_engine.reset();
}

void tst_SystemsPage::systemsModelShowsEveryStateAndReason()
{
    SystemsModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &SystemsModel::loaded);
    model.reload();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model.rowCount(), 3);
    int provisioned = 0;
    QString failed;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto state = SystemState(model.index(row, 0).data(SystemsModel::StateRole).toInt());
        if (state == SystemState::Provisioned) {
            ++provisioned;
            QCOMPARE(model.index(row, SystemsModel::ProfileColumn).data().toString(),
                     QStringLiteral("Standard (default profile)"));
            QVERIFY(model.index(row, SystemsModel::VersionColumn).data().toString().startsWith("3.0"));
        } else {
            failed = model.index(row, SystemsModel::StateColumn).data().toString();
            QCOMPARE(model.index(row, SystemsModel::UuidColumn).data().toString(), m_unknown.device().uuid);
        }
    }
    QCOMPARE(provisioned, 2);
    QVERIFY2(failed.startsWith(QStringLiteral("Failed: failed to find PID")), qPrintable(failed));
    // Filtering runs in SQL.
    SystemFilter f;
    f.states = {SystemState::Failed};
    model.setFilter(f);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model.rowCount(), 1);
    f = {};
    f.text = m_sim.device(1).address;
    model.setFilter(f);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, SystemsModel::UuidColumn).data().toString(), m_sim.device(1).uuid);
}

void tst_SystemsPage::hellosAndActionsModels()
{
    HellosModel hellos(m_store.get());
    QAbstractItemModelTester t1(&hellos, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy hellosLoaded(&hellos, &HellosModel::loaded);
    hellos.reload();
    QVERIFY(hellosLoaded.wait(5000));
    QVERIFY(hellos.rowCount() >= 3);
    bool sawUnknown = false;
    for (int row = 0; row < hellos.rowCount(); ++row)
        sawUnknown |= hellos.index(row, HellosModel::OutcomeColumn).data().toString().startsWith("failed to find PID");
    QVERIFY(sawUnknown);
    // Live: a new hello (the unknown device retries every 12 s at this time scale; ask it now)
    // is inserted at the top without a reset.
    const int before = hellos.rowCount();
    QSignalSpy reset(&hellos, &QAbstractItemModel::modelReset);
    m_unknown.control({{"cmd", "restart-hellos"}, {"all", true}});
    QTRY_VERIFY_WITH_TIMEOUT(hellos.rowCount() > before, 15000);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(hellos.index(0, HellosModel::UuidColumn).data().toString(), m_unknown.device().uuid);

    Oobm::Gui::LogModel actions(std::make_shared<ActionsLogBook>(m_store.get()));
    QAbstractItemModelTester t2(&actions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RecordFilter f;
    f.device = m_sim.device(0).uuid;
    f.source = "CommitChanges";
    actions.setFilter(f);
    QTRY_VERIFY_WITH_TIMEOUT(actions.isAtEnd() && !actions.isLoading(), 5000);
    QCOMPARE(actions.rowCount(), 1);
    QCOMPARE(actions.index(0, ActionsLogBook::ResultColumn).data().toString(), QStringLiteral("Succeeded"));
    QCOMPARE(actions.index(0, ActionsLogBook::StatusColumn).data().toString(), QStringLiteral("SUCCESS"));
}

void tst_SystemsPage::powerActionFromThePage()
{
    QVERIFY(m_sim.control({{"cmd", "set-power"}, {"uuid", m_sim.device(0).uuid}, {"state", 5}}).value("ok").toBool());
    SystemsWidget w({m_store.get(), m_log.get(), nullptr, nullptr});
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 3, 5000);
    QLineEdit *search = w.findChild<QLineEdit *>("systemSearch");
    search->setText(m_sim.device(0).uuid.left(13));
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 1, 5000);
    w.view()->selectRow(0);
    QCOMPARE(w.selectedUuids(), QStringList{m_sim.device(0).uuid});
    // Powering on asks nothing: it is a run the engine does at once.
    QSignalSpy finished(w.runProgress(), &RunProgressWidget::runFinished);
    w.runOnSelected(Operation::PowerOn);
    QTRY_COMPARE_WITH_TIMEOUT(m_sim.state(0).value("powerState").toInt(), 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 15000);
    QVERIFY2(w.runProgress()->text().contains(QStringLiteral("completed: 1 succeeded, 0 failed")),
             qPrintable(w.runProgress()->text()));
}

// Power > Dialect forces the dialect of the selected systems and back; the Version column says
// which one each system gets.
void tst_SystemsPage::dialectFromThePage()
{
    SystemsWidget w({m_store.get(), m_log.get(), nullptr, nullptr});
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QLineEdit *search = w.findChild<QLineEdit *>("systemSearch");
    search->setText(m_sim.device(1).uuid.left(13));
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 1, 5000);
    const auto version = [&w] { return w.model()->index(0, SystemsModel::VersionColumn).data().toString(); };
    QVERIFY2(version().endsWith(QStringLiteral(" (legacy SOAP)")), qPrintable(version())); // AMT 3.0
    w.view()->selectRow(0);
    QAction *wsman = w.findChild<QAction *>("dialectWsman");
    QVERIFY(wsman && wsman->isEnabled());
    wsman->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(version().endsWith(QStringLiteral(" (WS-Management, forced)")), 5000);
    QCOMPARE(m_store->systemCredentials(m_sim.device(1).uuid).result().value.dialect, QStringLiteral("wsman"));
    w.view()->selectRow(0);
    w.findChild<QAction *>("dialectAuto")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(version().endsWith(QStringLiteral(" (legacy SOAP)")), 5000);
    QCOMPARE(m_store->systemCredentials(m_sim.device(1).uuid).result().value.dialect, QString());
}

void tst_SystemsPage::detailsShowTheTimeline()
{
    AmtSystem system;
    for (const AmtSystem &s : m_store->listSystems({}).result().value) {
        if (s.uuid == m_sim.device(1).uuid)
            system = s;
    }
    SystemDetailsDialog d(m_store.get(), system);
    QTRY_VERIFY_WITH_TIMEOUT(d.timeline()->topLevelItemCount() >= 11, 5000);
    // Oldest first: the hello that started it, then the steps, CommitChanges last of those.
    QVERIFY(d.timeline()->topLevelItem(0)->text(1).startsWith("Hello (PSK"));
    QStringList what;
    for (int i = 0; i < d.timeline()->topLevelItemCount(); ++i)
        what << d.timeline()->topLevelItem(i)->text(1);
    QVERIFY(what.indexOf("GetCoreVersion") < what.indexOf("CommitChanges"));
}

void tst_SystemsPage::profileDialogValidatesInline_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirm");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no name") << ""
                             << "Adm1n!Pass"
                             << "Adm1n!Pass"
                             << "Give the profile a name.";
    QTest::newRow("weak password") << "Lab"
                                   << "password"
                                   << "password"
                                   << "Admin password:";
    QTest::newRow("mismatch") << "Lab"
                              << "Adm1n!Pass"
                              << "Adm1n!Pasz"
                              << "The two admin passwords differ.";
    QTest::newRow("duplicate name") << "Standard"
                                    << "Adm1n!Pass"
                                    << "Adm1n!Pass"
                                    << "already a provision profile named Standard";
    QTest::newRow("fine") << "Lab"
                          << "Adm1n!Pass"
                          << "Adm1n!Pass"
                          << "";
}

void tst_SystemsPage::profileDialogValidatesInline()
{
    QFETCH(QString, name);
    QFETCH(QString, password);
    QFETCH(QString, confirm);
    QFETCH(QString, problem);
    ProfilesModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProfileDialog d(m_store.get(), ProvisionProfile{});
    d.findChild<QLineEdit *>("name")->setText(name);
    d.findChild<QLineEdit *>("adminPassword")->setText(password);
    d.findChild<QLineEdit *>("confirmPassword")->setText(confirm);
    QSignalSpy accepted(&d, &QDialog::accepted);
    d.accept();
    QLabel *label = d.findChild<QLabel *>("problem");
    if (problem.isEmpty()) {
        QVERIFY(accepted.wait(5000));
        QSignalSpy loaded(&model, &ProfilesModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(m_store->deleteProfile(d.profile().id).result().ok());
    } else {
        QTRY_VERIFY2_WITH_TIMEOUT(label->text().contains(problem), qPrintable(label->text()), 5000);
        QCOMPARE(accepted.size(), 0);
    }
}

// Details shows a provisioned system's admin password on request; the store audits it.
void tst_SystemsPage::detailsRevealTheAdminPassword()
{
    AmtSystem system;
    for (const AmtSystem &s : m_store->listSystems({}).result().value) {
        if (s.uuid == m_sim.device(1).uuid)
            system = s;
    }
    QCOMPARE(system.state, SystemState::Provisioned);
    SystemDetailsDialog d(m_store.get(), system);
    auto *password = d.findChild<QLabel *>("adminPassword");
    QVERIFY(password);
    QVERIFY(password->text() != QStringLiteral("Adm1n!Pass"));
    QSignalSpy shown(&d, &SystemDetailsDialog::adminPasswordShown);
    d.findChild<QPushButton *>("revealAdminPassword")->click();
    QVERIFY(shown.wait(5000));
    QVERIFY(shown.first().first().toBool());
    QCOMPARE(password->text(), QStringLiteral("Adm1n!Pass"));
    AuditQuery q;
    q.actions = {QStringLiteral("show")};
    q.text = system.uuid;
    QCOMPARE(m_store->queryAudit(q).result().value.size(), 1);
}

// "A random admin password per device" needs no password, and turns the password fields off.
void tst_SystemsPage::profileDialogRandomAdminPassword()
{
    ProfileDialog d(m_store.get(), ProvisionProfile{});
    d.findChild<QLineEdit *>("name")->setText("Random");
    auto *random = d.findChild<QCheckBox *>("randomAdminPassword");
    QVERIFY(random);
    random->click();
    QVERIFY(!d.findChild<QLineEdit *>("adminPassword")->isEnabled());
    QSignalSpy accepted(&d, &QDialog::accepted);
    d.accept();
    QVERIFY(accepted.wait(5000));
    const ProvisionProfile saved = d.profile();
    QVERIFY(saved.randomAdminPassword);
    bool found = false;
    for (const ProvisionProfile &p : m_store->listProfiles().result().value) {
        if (p.name == u"Random")
            found = p.randomAdminPassword;
    }
    QVERIFY(found);
    QVERIFY(m_store->deleteProfile(saved.id).result().ok());
}

QTEST_MAIN(tst_SystemsPage)
#include "tst_systemspage.moc"
