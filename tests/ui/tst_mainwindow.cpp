// SPDX-License-Identifier: GPL-2.0-or-later
#include "common/testsupport.h"

#include "core/logbook/userlog.h"
#include "core/settings/localsettings.h"
#include "core/store/schema.h"
#include "core/store/sqlstore.h"
#include "ui/models/logmodel.h"
#include "ui/pages/log/logpage.h"
#include "ui/shell/connectionerrorwidget.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigationmodel.h"
#include "ui/shell/page.h"
#include "ui/shell/pagearea.h"
#include "ui/widgets/logfilterbar.h"
#include "ui/widgets/logviewwidget.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTreeView>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Gui;

namespace {

// Figure 11 of the reference, node for node; indentation is depth.
const char Figure11[] = R"(Out of Band Management
  Configuration
    Out of Band Discovery
    Out of Band Task Agent Rollout
    Out of Band Task Agent Uninstall
    Provisioning
      Configuration Service Settings
        Auxiliary Profiles
        DNS Configuration
        General
        Maintenance
        Provision Profiles
        Security Keys
        Service Location
        Users
      Delayed Provisioning
        Delayed Provision
      Intel® AMT Systems
        Intel® AMT Systems
        Hello Monitor
        Profile Assignments
        Resource Synchronization
      Logs
        Actions Status
        Log
        Security Audit
    Reports
  Tasks
  Collections
)";

QString treeText(const QAbstractItemModel *model, const QModelIndex &parent = {}, int depth = 0)
{
    QString text;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        text += QString(depth * 2, u' ') + i.data().toString() + u'\n';
        text += treeText(model, i, depth + 1);
    }
    return text;
}

// Answers the next modal message box with the given button.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(button);
            return;
        }
        box->button(button)->click();
    });
}

struct Console
{
    explicit Console(const StoreLocation &location, const QString &settingsFile)
        : store(location)
        , log(&store, "console")
        , settings(settingsFile)
        , window({&store, &log, &settings})
    { }
    SqlStore store;
    UserLog log;
    LocalSettings settings;
    MainWindow window;
};

} // namespace

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void treeMatchesFigure11();
    void everyNodeShowsItsPage_data();
    void everyNodeShowsItsPage();
    void everyNodeHasAnIcon();
    void keyboardNavigation();
    void filterBox();
    void stateRestoredOnNextStart();
    void statusBarShowsStoreAndEngine();
    void connectionError_data();
    void connectionError();
    void readOnlyStoreKeepsPagesUsable();
    void modifiedPageAsksBeforeLeaving();
    void showLogOfASystem();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Console> m_console;
    int m_stateChanges = 0;
    QString dbPath() const { return m_dir->filePath("oobm.db"); }
    QString iniPath() const { return m_dir->filePath("ui.ini"); }
    void start(const StoreLocation &location)
    {
        m_console = std::make_unique<Console>(location, iniPath());
        m_console->window.show();
        // Counted on the GUI thread (a QSignalSpy counts on the emitting thread): once the outcome
        // has arrived here, the window, connected earlier, has seen it too.
        m_stateChanges = 0;
        connect(&m_console->store, &Store::stateChanged, &m_console->window, [this] { ++m_stateChanges; });
        m_console->store.open();
        QVERIFY(QTest::qWaitForWindowExposed(&m_console->window));
        QTRY_COMPARE(m_stateChanges, 2); // Opening, then the outcome
    }
};

void tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_MainWindow::cleanup()
{
    m_console.reset();
    m_dir.reset();
}

void tst_MainWindow::treeMatchesFigure11()
{
    start(StoreLocation::sqlite(dbPath()));
    QCOMPARE(treeText(m_console->window.navigationModel()), QString::fromUtf8(Figure11));
}

void tst_MainWindow::everyNodeShowsItsPage_data()
{
    QTest::addColumn<QString>("id");
    // The ids in tree order; checked against the tree itself in the test.
    for (const char *id : {"out-of-band-management",
                           "configuration",
                           "out-of-band-discovery",
                           "out-of-band-task-agent-rollout",
                           "out-of-band-task-agent-uninstall",
                           "provisioning",
                           "configuration-service-settings",
                           "auxiliary-profiles",
                           "dns-configuration",
                           "general",
                           "maintenance",
                           "provision-profiles",
                           "security-keys",
                           "service-location",
                           "users",
                           "delayed-provisioning",
                           "delayed-provision",
                           "intel-amt-systems-folder",
                           "intel-amt-systems",
                           "hello-monitor",
                           "profile-assignments",
                           "resource-synchronization",
                           "logs",
                           "actions-status",
                           "log",
                           "security-audit",
                           "reports",
                           "tasks",
                           "collections"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void tst_MainWindow::everyNodeShowsItsPage()
{
    QFETCH(QString, id);
    start(StoreLocation::sqlite(dbPath()));
    MainWindow &w = m_console->window;
    QVERIFY(w.pageIds().contains(id));
    QCOMPARE(w.pageIds().size(), 29);
    QVERIFY(w.selectPage(id));
    QCOMPARE(w.currentPageId(), id);
    Page *page = w.page(id);
    QVERIFY(page);
    QVERIFY(page->hasWidget());
    QCOMPARE(w.pageArea()->currentWidget(), page->widget(nullptr));
    QVERIFY(page->widget(nullptr)->isVisible());
    QVERIFY(!w.pageArea()->isShowingConnectionError());
    // Every page starts with its title band, and no page but the real ones offers controls.
    QVERIFY(page->widget(nullptr)->findChild<QLabel *>("pageTitle"));
    static const QStringList withButtons{
            "general",          "log",         "actions-status", "security-audit", "dns-configuration",
            "service-location", "maintenance", "reports"};
    if (!withButtons.contains(id))
        QVERIFY(page->widget(nullptr)->findChildren<QPushButton *>().isEmpty());
    // The tree's selection follows.
    QCOMPARE(w.navigationView()->currentIndex().data(NavigationModel::PageIdRole).toString(), id);
}

void tst_MainWindow::everyNodeHasAnIcon()
{
    start(StoreLocation::sqlite(dbPath()));
    const NavigationModel *model = m_console->window.navigationModel();
    for (const QString &id : m_console->window.pageIds()) {
        const QIcon icon = model->indexForId(id).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(!icon.isNull() && !icon.pixmap(16, 16).isNull(), qPrintable(id));
    }
}

void tst_MainWindow::keyboardNavigation()
{
    start(StoreLocation::sqlite(dbPath()));
    MainWindow &w = m_console->window;
    QVERIFY(w.selectPage("general"));
    QTreeView *tree = w.navigationView();
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(w.currentPageId(), QStringLiteral("maintenance"));
    QTest::keyClick(tree, Qt::Key_Up);
    QTest::keyClick(tree, Qt::Key_Up);
    QCOMPARE(w.currentPageId(), QStringLiteral("dns-configuration"));
    QTest::keyClick(tree, Qt::Key_Home);
    QCOMPARE(w.currentPageId(), QStringLiteral("out-of-band-management"));
    QTest::keyClick(tree, Qt::Key_End);
    QCOMPARE(w.currentPageId(), QStringLiteral("collections"));
    // Ctrl+F goes to the filter box.
    QTest::keySequence(&w, QKeySequence::Find);
    QTRY_VERIFY(w.navigationFilter()->hasFocus());
}

void tst_MainWindow::filterBox()
{
    start(StoreLocation::sqlite(dbPath()));
    MainWindow &w = m_console->window;
    QTest::keyClicks(w.navigationFilter(), "keys");
    QCOMPARE(treeText(w.navigationView()->model()),
             QStringLiteral("Out of Band Management\n  Configuration\n    Provisioning\n"
                            "      Configuration Service Settings\n        Security Keys\n"));
    w.navigationFilter()->clear();
    QCOMPARE(treeText(w.navigationView()->model()), QString::fromUtf8(Figure11));
    // Selecting a node the filter hides clears the filter.
    QTest::keyClicks(w.navigationFilter(), "audit");
    QVERIFY(w.selectPage("general"));
    QVERIFY(w.navigationFilter()->text().isEmpty());
}

void tst_MainWindow::stateRestoredOnNextStart()
{
    QList<int> sizes;
    QRect geometry;
    {
        start(StoreLocation::sqlite(dbPath()));
        MainWindow &w = m_console->window;
        w.resize(1000, 640);
        QVERIFY(w.selectPage("security-audit"));
        auto *splitter = w.findChild<QSplitter *>("splitter");
        splitter->setSizes({360, 640}); // within the pages' minimum widths
        sizes = splitter->sizes();
        geometry = w.geometry();
        QVERIFY(w.close());
        m_console.reset();
    }
    start(StoreLocation::sqlite(dbPath()));
    MainWindow &w = m_console->window;
    QCOMPARE(w.currentPageId(), QStringLiteral("security-audit"));
    QCOMPARE(w.findChild<QSplitter *>("splitter")->sizes(), sizes);
    QCOMPARE(w.geometry().size(), geometry.size());
}

void tst_MainWindow::statusBarShowsStoreAndEngine()
{
    start(StoreLocation::sqlite(dbPath()));
    const QString store = m_console->window.findChild<QLabel *>("storeStatus")->text();
    QVERIFY2(store.contains("SQLite " + dbPath()), qPrintable(store));
    QVERIFY2(store.contains("schema"), qPrintable(store));
    QVERIFY(!m_console->window.findChild<QLabel *>("engineStatus")->text().isEmpty());
}

void tst_MainWindow::connectionError_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("cause");
    QTest::newRow("not a database") << "garbage"
                                    << "is not a SQLite database";
    QTest::newRow("schema too new") << "newer"
                                    << QStringLiteral("The schema version %1 is newer than this program")
                                               .arg(Oobm::Core::Schema::CurrentVersion + 1);
    QTest::newRow("folder cannot be made") << "proc"
                                           << "/proc/oobm-ui-test";
    QTest::newRow("server down") << "postgresql-down"
                                 << "refused the connection";
}

void tst_MainWindow::connectionError()
{
    QFETCH(QString, kind);
    QFETCH(QString, cause);
    StoreLocation location = StoreLocation::sqlite(dbPath());
    if (kind == u"garbage") {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'g'));
    } else if (kind == u"newer") {
        {
            SqlStore s(location);
            QVERIFY(!s.openAndWait());
        }
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "bump");
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema_version'")
                               .arg(Oobm::Core::Schema::CurrentVersion + 1)));
        db.close();
    } else if (kind == u"proc") {
        location = StoreLocation::sqlite("/proc/oobm-ui-test/oobm.db");
    } else {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        location = StoreLocation::postgresql("127.0.0.1", port, "oobm", "oobm");
    }
    QSqlDatabase::removeDatabase("bump");
    start(location);
    MainWindow &w = m_console->window;
    QCOMPARE(m_console->store.state(), Store::State::Failed);

    for (const char *id : {"general", "log"}) {
        QVERIFY(w.selectPage(id));
        QVERIFY(w.pageArea()->isShowingConnectionError());
        const QString text = w.pageArea()->connectionError()->text();
        QVERIFY(text.startsWith(QStringLiteral("• Error connecting to the Intel AMT Setup and Configuration Server. "
                                               "Verify that Intel AMT Setup and Configuration Service security "
                                               "settings are configured and AMTConfig service is running.\n• ")));
        QVERIFY2(text.contains(cause), qPrintable(text));
        QCOMPARE(w.pageArea()->connectionError()->cause(), m_console->store.lastError().message);
    }
    // Pages that do not need the store stay usable.
    QVERIFY(w.selectPage("users"));
    QVERIFY(!w.pageArea()->isShowingConnectionError());
    QVERIFY(w.findChild<QLabel *>("storeStatus")->text().contains("cannot be opened"));
}

void tst_MainWindow::readOnlyStoreKeepsPagesUsable()
{
    OOBM_RUN_UNPRIVILEGED();
    {
        SqlStore s(StoreLocation::sqlite(dbPath()));
        QVERIFY(!s.openAndWait());
        ServiceSettings settings;
        settings.listenPort = 9377;
        QVERIFY(s.applyServiceSettings(settings, "oobmctl").result().ok());
    }
    QVERIFY(QFile::setPermissions(dbPath(), QFile::ReadOwner));
    start(StoreLocation::sqlite(dbPath()));
    MainWindow &w = m_console->window;
    QCOMPARE(m_console->store.state(), Store::State::ReadOnly);
    QVERIFY(w.selectPage("general"));
    QVERIFY(!w.pageArea()->isShowingConnectionError());
    auto *port = w.page("general")->widget(nullptr)->findChild<QLineEdit *>("listenPort");
    QTRY_COMPARE(port->text(), QStringLiteral("9377"));
    QVERIFY(!port->isEnabled());
    auto *banner = w.page("general")->widget(nullptr)->findChild<QLabel *>("readOnlyBanner");
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains("is read-only"));
    QVERIFY(w.selectPage("log"));
    QVERIFY(!w.pageArea()->isShowingConnectionError());
}

void tst_MainWindow::modifiedPageAsksBeforeLeaving()
{
    start(StoreLocation::sqlite(dbPath()));
    MainWindow &w = m_console->window;
    QVERIFY(w.selectPage("general"));
    QWidget *general = w.page("general")->widget(nullptr);
    auto *port = general->findChild<QLineEdit *>("listenPort");
    QTRY_VERIFY(port->isEnabled());
    port->selectAll();
    QTest::keyClicks(port, "9377");
    QVERIFY(w.page("general")->isModified());

    // Cancel: stay on the page with the edit.
    answerNextMessageBox(QMessageBox::Cancel);
    QVERIFY(!w.selectPage("log"));
    QCOMPARE(w.currentPageId(), QStringLiteral("general"));
    QCOMPARE(port->text(), QStringLiteral("9377"));

    // Discard: leave, and the edit is gone.
    answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(w.selectPage("log"));
    QCOMPARE(port->text(), QStringLiteral("9971"));

    // Apply: leave, and the value is stored.
    QVERIFY(w.selectPage("general"));
    port->selectAll();
    QTest::keyClicks(port, "9378");
    answerNextMessageBox(QMessageBox::Apply);
    QVERIFY(w.selectPage("log"));
    QTRY_COMPARE(m_console->store.serviceSettings().result().value.listenPort, 9378);
}

void tst_MainWindow::showLogOfASystem()
{
    const QString uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
    start(StoreLocation::sqlite(dbPath()));
    MainWindow &w = m_console->window;
    QVERIFY(w.selectPage("intel-amt-systems"));
    // What the systems page's "Show Log" asks for.
    Q_EMIT w.page("intel-amt-systems")->openPageRequested(QStringLiteral("log"), uuid);
    QCOMPARE(w.currentPageId(), QStringLiteral("log"));
    auto *log = qobject_cast<Oobm::Gui::LogPage *>(w.page("log"));
    QVERIFY(log && log->logView());
    QCOMPARE(log->logView()->filterBar()->filter().device, uuid);
    QCOMPARE(log->logView()->model()->filter().device, uuid);

    // "Show Actions": Actions Status, filtered the same way.
    Q_EMIT w.page("intel-amt-systems")->openPageRequested(QStringLiteral("actions-status"), uuid);
    QCOMPARE(w.currentPageId(), QStringLiteral("actions-status"));
    auto *actions = qobject_cast<Oobm::Gui::LogPage *>(w.page("actions-status"));
    QVERIFY(actions && actions->logView());
    QCOMPARE(actions->logView()->model()->filter().device, uuid);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
