// SPDX-License-Identifier: GPL-2.0-or-later
// Tools > Diagnose: one system or every unprovisioned one, off the GUI thread, verdicts in the
// dialog and in the log. DNS goes to a dnsmasq on loopback.
#include "common/simprocess.h"

#include "core/keys/pidpps.h"
#include "core/keys/secretbox.h"
#include "core/logbook/userlog.h"
#include "core/store/sqlstore.h"
#include "ui/dialogs/doctordialog.h"
#include "ui/models/checkresultsmodel.h"
#include "ui/widgets/checkresultsview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::CheckResultsModel;
using Oobm::Gui::DoctorDialog;

class tst_DoctorDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void diagnoses_data();
    void diagnoses();

private:
    Oobm::Test::DnsmasqProcess m_dns;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<UserLog> m_log;
    QString m_uuid;
};

void tst_DoctorDialog::init()
{
    if (m_dns.port() == 0)
        QCOMPARE(m_dns.start({"--cname=provisionserver.example.test,scs.example.test",
                              "--host-record=scs.example.test,127.0.0.1"}),
                 QString());
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
    QVERIFY(!m_store->openAndWait());
    QVERIFY(!m_store->setDataKey(SecretBox::generateKey(), QStringLiteral("test")).result());
    ServiceSettings s = m_store->serviceSettings().result().value;
    s.dnsServer = m_dns.address();
    s.dnsSuffixes = {QStringLiteral("example.test")};
    s.serverFqdn = QStringLiteral("scs.example.test");
    QVERIFY(m_store->applyServiceSettings(s, "test").result().ok());
    m_log = std::make_unique<UserLog>(m_store.get(), QStringLiteral("console"));
    // A device whose PID this database has never seen says hello.
    HelloIntake intake;
    intake.hello.uuid = QUuid::createUuid();
    intake.hello.pid = PidPps::generatePid();
    intake.address = QHostAddress(QStringLiteral("127.0.0.40"));
    intake.port = 16994;
    intake.engineId = QStringLiteral("test");
    QVERIFY(m_store->recordHello(intake).result().ok());
    m_uuid = HelloPacket::uuidText(intake.hello.uuid);
}

void tst_DoctorDialog::cleanup()
{
    m_log.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_DoctorDialog::diagnoses_data()
{
    QTest::addColumn<QString>("subject"); // "uuid": the device's
    QTest::addColumn<QString>("firstRow");
    QTest::addColumn<QString>("verdict");

    QTest::newRow("one system") << "uuid"
                                << "Hellos received"
                                << "Verdict: Its PID";
    QTest::newRow("every unprovisioned system") << ""
                                                << ": Its PID"
                                                << "1 of 1 systems have a problem";
    QTest::newRow("a system never seen") << "10.9.8.7"
                                         << "Hellos received"
                                         << "Verdict: Provisioning engine";
}

void tst_DoctorDialog::diagnoses()
{
    QFETCH(QString, subject);
    QFETCH(QString, firstRow);
    QFETCH(QString, verdict);
    Oobm::Gui::PageContext context;
    context.store = m_store.get();
    context.log = m_log.get();
    DoctorDialog dialog(context, subject == u"uuid" ? m_uuid : subject);
    QAbstractItemModelTester tester(dialog.results()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy done(&dialog, &DoctorDialog::diagnosed);
    QPushButton *run = dialog.findChild<QPushButton *>("diagnose");
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(done.wait(20000));
    CheckResultsModel *model = dialog.results()->model();
    QVERIFY(model->rowCount() > 0);
    QVERIFY2(model->index(0, CheckResultsModel::CheckColumn).data().toString().contains(firstRow),
             qPrintable(model->index(0, CheckResultsModel::CheckColumn).data().toString()));
    const QString shown = dialog.findChild<QLabel *>("verdict")->text();
    QVERIFY2(shown.contains(verdict), qPrintable(shown));
    QCOMPARE(run->text(), QStringLiteral("&Diagnose"));
    // Each verdict went to the log, with the system's UUID when it has one.
    m_log->flush().waitForFinished();
    bool logged = false;
    for (const LogEntry &e : m_store->queryLog({}).result().value)
        logged = logged || e.message.startsWith(QStringLiteral("Diagnosis of "));
    QVERIFY(logged);
    if (subject != u"10.9.8.7")
        QVERIFY2(dialog.reports().first().verdict.toText().contains("failed to find PID"),
                 qPrintable(dialog.reports().first().toText()));
}

QTEST_MAIN(tst_DoctorDialog)
#include "tst_doctordialog.moc"
