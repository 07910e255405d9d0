// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/store/sqlstore.h"
#include "ui/pages/general/generalsettingswidget.h"
#include "ui/widgets/settingsform.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::GeneralSettingsWidget;
using Oobm::Gui::SettingsForm;

class tst_GeneralPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsStoredValues();
    void rejectsInvalidPortInline_data();
    void rejectsInvalidPortInline();
    void appliesPort9377();
    void appliesEveryField();
    void revertRestoresStoredValues();
    void followsChangesFromElsewhere();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *w = m_widget->findChild<T *>(QString::fromLatin1(name));
        Q_ASSERT(w);
        return w;
    }
    QStringList logMessages() const
    {
        QStringList m;
        for (const LogEntry &e : m_store->queryLog({}).result().value)
            m.prepend(e.message + " [" + e.source + "]");
        return m;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<GeneralSettingsWidget> m_widget;
};

void tst_GeneralPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
    QVERIFY(!m_store->openAndWait());
    m_widget = std::make_unique<GeneralSettingsWidget>(m_store.get());
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    QTRY_VERIFY(m_widget->form()->isLoaded());
}

void tst_GeneralPage::cleanup()
{
    m_widget.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_GeneralPage::showsStoredValues()
{
    QCOMPARE(child<QLineEdit>("listenPort")->text(), QStringLiteral("9971"));
    QVERIFY(!child<QCheckBox>("requireAuthorization")->isChecked());
    QVERIFY(child<QRadioButton>("commonNameFqdn")->isChecked());
    QCOMPARE(child<QComboBox>("logLevel")->currentText(), QStringLiteral("Information"));
    QCOMPARE(child<QComboBox>("logLevel")->itemText(1), QStringLiteral("Debug warning (recommended)"));
    QVERIFY(!m_widget->form()->isModified());
    QVERIFY(!child<QPushButton>("apply")->isEnabled());
}

void tst_GeneralPage::rejectsInvalidPortInline_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");
    QTest::newRow("0") << "0"
                       << "The listen port must be a number from 1 to 65535; 0 is outside that range.";
    QTest::newRow("70000") << "70000"
                           << "The listen port must be a number from 1 to 65535; 70000 is outside that range.";
    QTest::newRow("letters") << "port"
                             << "The listen port must be a number from 1 to 65535; 'port' is not a number.";
    QTest::newRow("empty") << ""
                           << "The listen port must be a number from 1 to 65535; '' is not a number.";
}

void tst_GeneralPage::rejectsInvalidPortInline()
{
    QFETCH(QString, typed);
    QFETCH(QString, message);
    auto *port = child<QLineEdit>("listenPort");
    auto *error = child<QLabel>("listenPortError");
    QVERIFY(!error->isVisible());
    port->selectAll();
    QTest::keyClick(port, Qt::Key_Backspace);
    QTest::keyClicks(port, typed);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), message);
    QVERIFY(!child<QPushButton>("apply")->isEnabled());
    QVERIFY(m_widget->form()->isModified());
    QVERIFY(!m_widget->form()->apply());
    QCOMPARE(m_store->serviceSettings().result().value.listenPort, 9971);
    QVERIFY(logMessages().isEmpty());
}

void tst_GeneralPage::appliesPort9377()
{
    auto *port = child<QLineEdit>("listenPort");
    port->selectAll();
    QTest::keyClicks(port, "9377");
    QVERIFY(!child<QLabel>("listenPortError")->isVisible());
    auto *apply = child<QPushButton>("apply");
    QVERIFY(apply->isEnabled());
    QSignalSpy applied(m_widget->form(), &SettingsForm::applied);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 5000);
    QCOMPARE(applied.first().first().toBool(), true);
    QCOMPARE(m_store->serviceSettings().result().value.listenPort, 9377);
    QCOMPARE(logMessages(), QStringList{"Set service listening port to 9377. [console]"});
    QCOMPARE(child<QLabel>("status")->text(), QStringLiteral("Set service listening port to 9377."));
    QVERIFY(!m_widget->form()->isModified());
    QVERIFY(!apply->isEnabled());
}

void tst_GeneralPage::appliesEveryField()
{
    child<QCheckBox>("requireAuthorization")->click();
    child<QCheckBox>("allowRemoteConfiguration")->click();
    child<QCheckBox>("oneTimePasswordRequired")->click();
    child<QRadioButton>("commonNameHostName")->click();
    child<QComboBox>("logLevel")->setCurrentIndex(3);
    QSignalSpy applied(m_widget->form(), &SettingsForm::applied);
    QVERIFY(m_widget->form()->apply());
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 5000);
    const ServiceSettings s = m_store->serviceSettings().result().value;
    QVERIFY(s.requireAuthorization);
    QVERIFY(s.allowRemoteConfiguration);
    QVERIFY(s.oneTimePasswordRequired);
    QCOMPARE(s.commonName, CommonNameSource::HostName);
    QCOMPARE(s.logLevel, LogLevel::Debug);
    QCOMPARE(logMessages(),
             (QStringList{"Set provisioning authorization mode. [console]",
                          "Set service remote configuration. [console]", "Set one time password requirement. [console]",
                          "Set certificate common name source to Host name. [console]",
                          "Set log level to Debug. [console]"}));
}

void tst_GeneralPage::revertRestoresStoredValues()
{
    child<QCheckBox>("requireAuthorization")->click();
    auto *port = child<QLineEdit>("listenPort");
    port->selectAll();
    QTest::keyClicks(port, "70000");
    QVERIFY(m_widget->form()->isModified());
    QTest::mouseClick(child<QPushButton>("revert"), Qt::LeftButton);
    QCOMPARE(port->text(), QStringLiteral("9971"));
    QVERIFY(!child<QCheckBox>("requireAuthorization")->isChecked());
    QVERIFY(!child<QLabel>("listenPortError")->isVisible());
    QVERIFY(!m_widget->form()->isModified());
}

void tst_GeneralPage::followsChangesFromElsewhere()
{
    ServiceSettings s;
    s.listenPort = 1111;
    QVERIFY(m_store->applyServiceSettings(s, "oobmctl").result().ok());
    QTRY_COMPARE(child<QLineEdit>("listenPort")->text(), QStringLiteral("1111"));
    QVERIFY(!m_widget->form()->isModified());
}

QTEST_MAIN(tst_GeneralPage)
#include "tst_generalpage.moc"
