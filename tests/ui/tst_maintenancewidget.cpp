// SPDX-License-Identifier: GPL-2.0-or-later
// Configuration Service Settings > Maintenance: retention applied as service settings, Purge Now,
// the store's size, vacuum and analyze, the device maintenance jobs and the certificates that
// expire soon; all off the GUI thread.
#include "common/labcertificate.h"

#include "core/keys/secretbox.h"
#include "core/store/sqlstore.h"
#include "ui/pages/maintenance/maintenancewidget.h"
#include "ui/widgets/settingsform.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::MaintenanceWidget;
using Oobm::Gui::SettingsForm;

class tst_MaintenanceWidget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsStoredSettings();
    void appliesRetention();
    void rejectsShortAuditRetention_data();
    void rejectsShortAuditRetention();
    void purgeNowKeepsSecurityAudit();
    void vacuumShowsSize();
    void appliesDeviceJobs_data();
    void appliesDeviceJobs();
    void showsExpiringCertificates_data();
    void showsExpiringCertificates();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
};

void tst_MaintenanceWidget::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
    QVERIFY(!m_store->openAndWait());
}

void tst_MaintenanceWidget::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_MaintenanceWidget::showsStoredSettings()
{
    ServiceSettings s;
    s.logRetentionDays = 14;
    s.auditRetentionDays = 0;
    s.traceLogging = true;
    QVERIFY(m_store->applyServiceSettings(s, "test").result().ok());
    MaintenanceWidget w(m_store.get());
    QTRY_VERIFY(w.form()->isLoaded());
    QCOMPARE(w.findChild<QSpinBox *>("logDays")->value(), 14);
    QCOMPARE(w.findChild<QSpinBox *>("auditDays")->value(), 0);
    QVERIFY(w.findChild<QCheckBox *>("traceLogging")->isChecked());
    QVERIFY(!w.form()->isModified());
}

void tst_MaintenanceWidget::appliesRetention()
{
    MaintenanceWidget w(m_store.get());
    QTRY_VERIFY(w.form()->isLoaded());
    QSignalSpy modified(w.form(), &SettingsForm::modifiedChanged);
    w.findChild<QSpinBox *>("logDays")->setValue(30);
    w.findChild<QSpinBox *>("logEntries")->setValue(2000); // thousands
    w.findChild<QCheckBox *>("traceLogging")->setChecked(true);
    QVERIFY(w.form()->isModified());
    QCOMPARE(modified.size(), 1);
    QSignalSpy applied(w.form(), &SettingsForm::applied);
    QVERIFY(w.form()->apply());
    QVERIFY(applied.wait());
    QVERIFY(applied.first().first().toBool());
    QVERIFY(!w.form()->isModified());
    const ServiceSettings stored = m_store->serviceSettings().result().value;
    QCOMPARE(stored.logRetentionDays, 30);
    QCOMPARE(stored.logRetentionEntries, 2000000);
    QVERIFY(stored.traceLogging);
    QCOMPARE(stored.listenPort, ServiceSettings::DefaultListenPort); // the rest untouched
    // The change is in the log, like every service setting change.
    LogQuery q;
    q.filter.text = QStringLiteral("Log retention");
    QCOMPARE(m_store->queryLog(q).result().value.size(), 1);
}

void tst_MaintenanceWidget::rejectsShortAuditRetention_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("30 days") << 30 << false;
    QTest::newRow("89 days") << 89 << false;
    QTest::newRow("90 days") << 90 << true;
    QTest::newRow("keep all") << 0 << true;
}

void tst_MaintenanceWidget::rejectsShortAuditRetention()
{
    QFETCH(int, days);
    QFETCH(bool, accepted);
    MaintenanceWidget w(m_store.get());
    w.show();
    QTRY_VERIFY(w.form()->isLoaded());
    w.findChild<QSpinBox *>("auditDays")->setValue(days);
    auto *problem = w.findChild<QLabel *>("retentionProblem");
    QCOMPARE(problem->isVisible(), !accepted);
    if (!accepted) {
        QVERIFY2(problem->text().contains("at least 90 days"), qPrintable(problem->text()));
        QVERIFY(!w.form()->apply());
        QCOMPARE(m_store->serviceSettings().result().value.auditRetentionDays, 730);
    }
}

void tst_MaintenanceWidget::purgeNowKeepsSecurityAudit()
{
    QList<LogEntry> entries;
    for (int age : {200, 100, 1}) {
        LogEntry e = LogEntry::make(Severity::Information, "engine", QString::number(age));
        e.time = QDateTime::currentDateTimeUtc().addDays(-age);
        entries << e;
    }
    QVERIFY(!m_store->appendLog(entries).result());
    MaintenanceWidget w(m_store.get());
    QTRY_VERIFY(w.form()->isLoaded());
    QSignalSpy purged(&w, &MaintenanceWidget::purged);
    w.findChild<QPushButton *>("purgeNow")->click();
    QVERIFY(purged.wait());
    const auto report = purged.first().first().value<PurgeReport>();
    QCOMPARE(report.log, 2); // older than the default 90 days
    QCOMPARE(report.audit, 0);
    QTRY_VERIFY(w.findChild<QLabel *>("status")->text().contains("Purged 2 log entries"));
}

void tst_MaintenanceWidget::vacuumShowsSize()
{
    MaintenanceWidget w(m_store.get());
    QSignalSpy shown(&w, &MaintenanceWidget::statsShown);
    QVERIFY(shown.wait());
    QVERIFY(shown.first().first().value<StoreStats>().bytes > 0);
    // SQLite asks first (VACUUM locks the file), without a nested event loop: Cancel does
    // nothing, then the test says yes.
    shown.clear();
    w.findChild<QPushButton *>("vacuum")->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = w.findChild<QMessageBox *>("confirmVacuum")) != nullptr);
    QVERIFY(box->text().contains("locks it while it runs"));
    QVERIFY(box->defaultButton() == box->button(QMessageBox::Cancel));
    const QString statusBefore = w.findChild<QLabel *>("status")->text();
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!w.findChild<QMessageBox *>("confirmVacuum"));
    // Nothing started: it would be busy, say so, and show the new size when done.
    QVERIFY(w.findChild<QPushButton *>("vacuum")->isEnabled());
    QCOMPARE(w.findChild<QLabel *>("status")->text(), statusBefore);
    QCOMPARE(shown.count(), 0);
    w.findChild<QPushButton *>("vacuum")->click();
    QTRY_VERIFY((box = w.findChild<QMessageBox *>("confirmVacuum")) != nullptr);
    box->findChild<QPushButton *>("confirm")->click();
    QVERIFY(shown.wait());
    QVERIFY(w.findChild<QLabel *>("status")->text().contains("compacted and analyzed"));
    QVERIFY(w.findChild<QLabel *>("storeStats")->text().contains("full-text index"));
}

void tst_MaintenanceWidget::appliesDeviceJobs_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("clock") << "clockSyncHours"
                           << "clock-sync-hours" << 6 << "Set device clock synchronisation to every 6 hours.";
    QTest::newRow("rotation") << "passwordRotationDays"
                              << "password-rotation-days" << 90 << "Set admin password rotation to every 90 days.";
    QTest::newRow("certificates off") << "certificateWarningDays"
                                      << "certificate-warning-days" << 0
                                      << "Set the certificate expiry warning to off.";
    QTest::newRow("available keys") << "retireAvailableDays"
                                    << "retire-available-days" << 365
                                    << "Set the retirement of Available keys to after 365 days.";
    QTest::newRow("exported keys") << "retireExportedDays"
                                   << "retire-exported-days" << 30
                                   << "Set the retirement of unused Exported keys to 30 days after export.";
}

void tst_MaintenanceWidget::appliesDeviceJobs()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(int, value);
    QFETCH(QString, sentence);
    MaintenanceWidget w(m_store.get());
    QTRY_VERIFY(w.form()->isLoaded());
    auto *box = w.findChild<QSpinBox *>(input);
    QVERIFY(box);
    QCOMPARE(box->minimum(), 0);
    QCOMPARE(box->specialValueText(), QStringLiteral("Off"));
    box->setValue(value);
    QVERIFY(w.form()->isModified());
    QSignalSpy applied(w.form(), &SettingsForm::applied);
    QVERIFY(w.form()->apply());
    QVERIFY(applied.wait());
    QVERIFY(applied.first().first().toBool());
    const ServiceSettings stored = m_store->serviceSettings().result().value;
    QCOMPARE(stored.value(key), QString::number(value));
    LogQuery q;
    q.filter.text = sentence;
    QCOMPARE(m_store->queryLog(q).result().value.size(), 1);
}

void tst_MaintenanceWidget::showsExpiringCertificates_data()
{
    QTest::addColumn<int>("validDays");
    QTest::addColumn<int>("warningDays");
    QTest::addColumn<bool>("shown");

    QTest::newRow("expires in 10 days, warn 30") << 10 << 30 << true;
    QTest::newRow("expires in 40 days, warn 30") << 40 << 30 << false;
    QTest::newRow("expires in 40 days, warn 60") << 40 << 60 << true;
    QTest::newRow("warning off") << 1 << 0 << false;
}

void tst_MaintenanceWidget::showsExpiringCertificates()
{
    QFETCH(int, validDays);
    QFETCH(int, warningDays);
    QFETCH(bool, shown);
    QVERIFY(!m_store->setDataKey(SecretBox::generateKey(), QStringLiteral("test")).result());
    Oobm::Test::LabCertificateSpec spec;
    spec.validTo = validDays * 86400L;
    const Oobm::Test::LabCertificate lab = Oobm::Test::issueLabCertificate(spec);
    QString why;
    TlsCertificate tls = TlsCertificate::fromPem(lab.chainPem(), lab.keyPem, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    tls.name = QStringLiteral("web01");
    QVERIFY(m_store->importTlsCertificate(tls).result().ok());
    ServiceSettings s;
    s.certificateWarningDays = warningDays;
    QVERIFY(m_store->applyServiceSettings(s, "test").result().ok());
    MaintenanceWidget w(m_store.get());
    QSignalSpy jobsShown(&w, &MaintenanceWidget::deviceJobsShown);
    QTRY_VERIFY(w.form()->isLoaded());
    QTRY_VERIFY(!jobsShown.isEmpty());
    auto *warnings = w.findChild<QLabel *>("certificateWarnings");
    QVERIFY(warnings);
    QCOMPARE(warnings->text().contains(QStringLiteral("TLS certificate web01")), shown);
    QCOMPARE(w.findChild<QLabel *>("maintenanceJobs")->text(), QStringLiteral("No job has run yet."));
    // A change of the warning days elsewhere shows the list for the new days.
    if (!shown && warningDays > 0) {
        s.certificateWarningDays = validDays + 1;
        QVERIFY(m_store->applyServiceSettings(s, "test").result().ok());
        QTRY_VERIFY(warnings->text().contains(QStringLiteral("TLS certificate web01")));
    }
}

QTEST_MAIN(tst_MaintenanceWidget)
#include "tst_maintenancewidget.moc"
