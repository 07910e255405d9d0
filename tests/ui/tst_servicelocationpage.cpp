// SPDX-License-Identifier: GPL-2.0-or-later
// Service Location: the engines' listeners, the setup.bin server setting, and the hello sender
// against a real engine on loopback (it records the hello; the page says so).
#include "core/engine/provisioningengine.h"
#include "core/keys/pidpps.h"
#include "core/keys/secretbox.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"
#include "ui/pages/servicelocation/servicelocationwidget.h"
#include "ui/widgets/settingsform.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTcpServer>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::ServiceLocationWidget;
using Oobm::Gui::SettingsForm;

class tst_ServiceLocationPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setupServerSetting_data();
    void setupServerSetting();
    void helloSender_data();
    void helloSender();

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
        if (text.isEmpty())
            QTest::keyClick(e, Qt::Key_Delete);
        else
            QTest::keyClicks(e, text);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<UserLog> m_log;
    std::unique_ptr<ProvisioningEngine> m_engine;
    std::unique_ptr<ServiceLocationWidget> m_widget;
    quint16 m_port = 0;
};

void tst_ServiceLocationPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
    QVERIFY(!m_store->openAndWait());
    QVERIFY(!m_store->setDataKey(SecretBox::generateKey(), QStringLiteral("test")).result());
    m_log = std::make_unique<UserLog>(m_store.get(), QStringLiteral("console"));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    m_port = probe.serverPort();
    probe.close();
    EngineOptions o;
    o.listenAddresses = {QHostAddress::LocalHost};
    o.listenPort = m_port;
    o.engineId = QStringLiteral("location-test");
    m_engine = std::make_unique<ProvisioningEngine>(m_store.get(), m_log.get(), o);
    QSignalSpy started(m_engine.get(), &ProvisioningEngine::started);
    m_engine->start();
    QVERIFY(started.wait(10000));
    Oobm::Gui::PageContext context;
    context.store = m_store.get();
    context.log = m_log.get();
    m_widget = std::make_unique<ServiceLocationWidget>(context);
    QSignalSpy loaded(m_widget->form(), &SettingsForm::loaded);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    QTRY_VERIFY(!loaded.isEmpty());
}

void tst_ServiceLocationPage::cleanup()
{
    m_widget.reset();
    m_engine.reset();
    m_log.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_ServiceLocationPage::setupServerSetting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("address and port") << "192.0.2.10:9971"
                                      << "";
    QTest::newRow("address") << "192.0.2.10"
                             << "";
    QTest::newRow("a name") << "scs.example.com"
                            << "is not an IPv4 address";
    QTest::newRow("bad port") << "192.0.2.10:99999"
                              << "'99999' is not a port";
}

void tst_ServiceLocationPage::setupServerSetting()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    // The engine's listener shows, with where it listens.
    QTRY_VERIFY2(child<QLabel>("engines")->text().contains(QStringLiteral("listening on 127.0.0.1:%1").arg(m_port)),
                 qPrintable(child<QLabel>("engines")->text()));
    type("setupServer", text);
    if (!error.isEmpty()) {
        QVERIFY2(child<QLabel>("settingsError")->text().contains(error),
                 qPrintable(child<QLabel>("settingsError")->text()));
        QVERIFY(!child<QPushButton>("apply")->isEnabled());
        return;
    }
    QTest::mouseClick(child<QPushButton>("apply"), Qt::LeftButton);
    QTRY_VERIFY(!m_widget->form()->isModified());
    QCOMPARE(m_store->serviceSettings().result().value.setupServerAddress, text);
}

void tst_ServiceLocationPage::helloSender_data()
{
    QTest::addColumn<QString>("server"); // "%1" is the engine's port
    QTest::addColumn<QString>("pid");
    QTest::addColumn<bool>("received");
    QTest::addColumn<QString>("words");

    QTest::newRow("unknown PID reaches the engine") << "127.0.0.1:%1"
                                                    << "" << true << "failed to find PID";
    QTest::newRow("nothing listens there") << "127.0.0.1:1"
                                           << "" << false << "Cannot connect to 127.0.0.1:1";
    QTest::newRow("bad PID") << "127.0.0.1:%1"
                             << "K7QX" << false << "PID";
}

void tst_ServiceLocationPage::helloSender()
{
    QFETCH(QString, server);
    QFETCH(QString, pid);
    QFETCH(bool, received);
    QFETCH(QString, words);
    type("helloServer", server.contains("%1") ? server.arg(m_port) : server);
    type("helloPid", pid.isEmpty() ? PidPps::formatPid(PidPps::generatePid()) : pid);
    QSignalSpy result(m_widget.get(), &ServiceLocationWidget::helloResult);
    QTest::mouseClick(child<QPushButton>("sendHello"), Qt::LeftButton);
    const QString status = [&] {
        if (pid.isEmpty()) {
            [&] { QVERIFY(result.wait(15000)); }();
            return result.first().at(1).toString();
        }
        return child<QLabel>("helloStatus")->text();
    }();
    if (pid.isEmpty())
        QCOMPARE(result.first().at(0).toBool(), received);
    QVERIFY2(status.contains(words), qPrintable(status));
    if (received)
        QVERIFY2(status.contains("Received by engine location-test"), qPrintable(status));
    QVERIFY(child<QPushButton>("sendHello")->isEnabled());
}

QTEST_MAIN(tst_ServiceLocationPage)
#include "tst_servicelocationpage.moc"
