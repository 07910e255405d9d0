// SPDX-License-Identifier: GPL-2.0-or-later
// The DNS Configuration page against a dnsmasq on loopback: settings, the Test button, results
// as they arrive, the log summary, and Cancel while a silent server keeps a question waiting.
#include "common/simprocess.h"

#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"
#include "ui/models/checkresultsmodel.h"
#include "ui/pages/dns/dnsconfigurationwidget.h"
#include "ui/widgets/checkresultsview.h"
#include "ui/widgets/settingsform.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QUdpSocket>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::CheckResultsModel;
using Oobm::Gui::DnsConfigurationWidget;
using Oobm::Gui::SettingsForm;

class tst_DnsConfigurationPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void settingsValidateAndApply_data();
    void settingsValidateAndApply();
    void testShowsEachCheck();
    void cancelKeepsThePageResponsive();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *w = m_widget->findChild<T *>(QString::fromLatin1(name));
        Q_ASSERT(w);
        return w;
    }
    void type(const char *name, const QString &text)
    {
        QLineEdit *e = child<QLineEdit>(name);
        e->selectAll();
        QTest::keyClicks(e, text);
        if (text.isEmpty())
            QTest::keyClick(e, Qt::Key_Delete);
    }

    Oobm::Test::DnsmasqProcess m_dns;
    QTcpServer m_listener;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<UserLog> m_log;
    std::unique_ptr<DnsConfigurationWidget> m_widget;
};

void tst_DnsConfigurationPage::initTestCase()
{
    QCOMPARE(m_dns.start({"--cname=provisionserver.good.test,scs.example.test",
                          "--host-record=scs.example.test,127.0.0.1"}),
             QString());
    QVERIFY(m_listener.listen(QHostAddress::LocalHost, 0));
}

void tst_DnsConfigurationPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
    QVERIFY(!m_store->openAndWait());
    ServiceSettings s = m_store->serviceSettings().result().value;
    s.listenPort = m_listener.serverPort();
    s.dnsServer = m_dns.address(); // never the system resolver
    QVERIFY(m_store->applyServiceSettings(s, "test").result().ok());
    m_log = std::make_unique<UserLog>(m_store.get(), QStringLiteral("console"));
    Oobm::Gui::PageContext context;
    context.store = m_store.get();
    context.log = m_log.get();
    m_widget = std::make_unique<DnsConfigurationWidget>(context);
    QSignalSpy loaded(m_widget->form(), &SettingsForm::loaded);
    m_widget->resize(1000, 700);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    QTRY_VERIFY(!loaded.isEmpty());
}

void tst_DnsConfigurationPage::cleanup()
{
    m_widget.reset();
    m_log.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_DnsConfigurationPage::settingsValidateAndApply_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // empty: accepted and applied

    QTest::newRow("suffixes") << "dnsSuffixes"
                              << "good.test, Lab.Good.Test"
                              << "";
    QTest::newRow("bad suffix") << "dnsSuffixes"
                                << "good.test, bad!"
                                << "'bad!' is not a DNS name";
    QTest::newRow("server with port") << "dnsServer"
                                      << "127.0.0.1:5353"
                                      << "";
    QTest::newRow("server by name") << "dnsServer"
                                    << "dns.example.com"
                                    << "is not an IP address";
    QTest::newRow("server name") << "serverName"
                                 << "scs.example.test"
                                 << "";
}

void tst_DnsConfigurationPage::settingsValidateAndApply()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, error);
    type(field.toLatin1().constData(), text);
    QVERIFY(m_widget->form()->isModified());
    QLabel *problem = child<QLabel>("settingsError");
    if (!error.isEmpty()) {
        QVERIFY2(problem->text().contains(error), qPrintable(problem->text()));
        QVERIFY(problem->isVisible());
        QVERIFY(!child<QPushButton>("apply")->isEnabled());
        QVERIFY(!m_widget->form()->apply());
        return;
    }
    QVERIFY(!problem->isVisible());
    QVERIFY(child<QPushButton>("apply")->isEnabled());
    QTest::mouseClick(child<QPushButton>("apply"), Qt::LeftButton);
    QTRY_VERIFY(!m_widget->form()->isModified());
    const ServiceSettings stored = m_store->serviceSettings().result().value;
    if (field == u"dnsSuffixes")
        QCOMPARE(stored.dnsSuffixes, (QStringList{"good.test", "lab.good.test"}));
    else if (field == u"dnsServer")
        QCOMPARE(stored.dnsServer, text);
    else
        QCOMPARE(stored.serverFqdn, text);
}

void tst_DnsConfigurationPage::testShowsEachCheck()
{
    type("dnsSuffixes", "good.test, missing.test");
    type("serverName", "scs.example.test");
    CheckResultsModel *model = m_widget->results()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(m_widget.get(), &DnsConfigurationWidget::testFinished);
    QTest::mouseClick(child<QPushButton>("test"), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    // The unapplied edits are what was tested.
    const auto id = [model](int row) { return model->index(row, 0).data(Qt::UserRole).toString(); };
    QCOMPARE(id(0), QStringLiteral("provisionserver:good.test"));
    QCOMPARE(model->index(0, CheckResultsModel::ResultColumn).data().toString(), QStringLiteral("Pass"));
    QCOMPARE(id(1), QStringLiteral("provisionserver:missing.test"));
    QCOMPARE(model->index(1, CheckResultsModel::ResultColumn).data().toString(), QStringLiteral("Fail"));
    QVERIFY(model->index(1, CheckResultsModel::CauseColumn)
                    .data()
                    .toString()
                    .contains("Fix: Create a CNAME ProvisionServer → scs.example.test in missing.test"));
    QVERIFY(model->index(0, CheckResultsModel::ResultColumn).data(Qt::DecorationRole).isValid());
    QCOMPARE(child<QLabel>("summary")->text(),
             QStringLiteral("DNS test against %1: 4 passed, 0 with warnings, 1 failed.").arg(m_dns.address()));
    QCOMPARE(child<QPushButton>("test")->text(), QStringLiteral("T&est"));
    // Copy gives the same lines as oobmctl dns test.
    QTest::mouseClick(child<QPushButton>("copyResults"), Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains("FAIL     ProvisionServer.missing.test: NXDOMAIN"), qPrintable(copied));
    // The run left its summary in the log.
    m_log->flush().waitForFinished();
    bool logged = false;
    for (const LogEntry &e : m_store->queryLog({}).result().value)
        logged = logged || (e.message.startsWith("DNS test against") && e.severity == Severity::Warning);
    QVERIFY(logged);
}

void tst_DnsConfigurationPage::cancelKeepsThePageResponsive()
{
    QUdpSocket silent; // a DNS server that never answers
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    type("dnsServer", QStringLiteral("127.0.0.1:%1").arg(silent.localPort()));
    type("dnsSuffixes", "good.test");
    QSignalSpy finished(m_widget.get(), &DnsConfigurationWidget::testFinished);
    QPushButton *button = child<QPushButton>("test");
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(button->text(), QStringLiteral("&Cancel"));
    QTRY_VERIFY(silent.hasPendingDatagrams()); // the question is out, its answer never comes
    // The GUI thread keeps serving events meanwhile: timers fire, edits go through.
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start(10);
    QTRY_VERIFY(ticks >= 5);
    QVERIFY(m_widget->isRunning());
    QTest::keyClicks(child<QLineEdit>("serverName"), "x");
    QVERIFY(child<QLineEdit>("serverName")->text().endsWith(u'x'));
    QTest::mouseClick(button, Qt::LeftButton); // Cancel
    QVERIFY(finished.wait(5000));
    QVERIFY(!m_widget->isRunning());
    QVERIFY2(child<QLabel>("testStatus")->text().startsWith("Cancelled after"),
             qPrintable(child<QLabel>("testStatus")->text()));
    QCOMPARE(button->text(), QStringLiteral("T&est"));
}

QTEST_MAIN(tst_DnsConfigurationPage)
#include "tst_dnsconfigurationpage.moc"
