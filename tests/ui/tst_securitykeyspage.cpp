// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/logbook/auditlogbook.h"
#include "core/store/sqlstore.h"
#include "ui/dialogs/generatekeysdialog.h"
#include "ui/models/logmodel.h"
#include "ui/models/securitykeysmodel.h"
#include "ui/pages/securitykeys/securitykeyswidget.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Gui;

class tst_SecurityKeysPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dialogValidatesInline_data();
    void dialogValidatesInline();
    void generating100000KeepsTheEventLoopResponsive();
    void cancelLeavesNoPartialBatch();
    void tableShowsTheLedger();
    void showPpsIsAudited();
    void exportMarksKeysExported();
    void auditModelListsEntries();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
};

void tst_SecurityKeysPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
    QVERIFY(!m_store->openAndWait());
    QVERIFY(!m_store->setDataKey(QByteArray(32, 'k'), "test").result());
}

void tst_SecurityKeysPage::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_SecurityKeysPage::dialogValidatesInline_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirm");
    QTest::addColumn<QString>("problem"); // empty: OK is enabled
    QTest::newRow("too short") << "Ab1!"
                               << "Ab1!"
                               << "4 characters; it needs at least 8";
    QTest::newRow("no digit") << "Password!"
                              << "Password!"
                              << "needs a digit";
    QTest::newRow("colon") << "Pass:w0rd"
                           << "Pass:w0rd"
                           << "may not contain";
    QTest::newRow("mismatch") << "N3w-Pass!"
                              << "N3w-Pass?"
                              << "does not match";
    QTest::newRow("good") << "N3w-Pass!"
                          << "N3w-Pass!"
                          << "";
}

void tst_SecurityKeysPage::dialogValidatesInline()
{
    QFETCH(QString, password);
    QFETCH(QString, confirm);
    QFETCH(QString, problem);
    GenerateKeysDialog dialog(m_store.get());
    dialog.show();
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>("problem")->text().isEmpty()); // nothing typed yet: no scolding
    QCOMPARE(dialog.findChild<QLineEdit *>("defaultPassword")->text(), QStringLiteral("admin"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>("newPassword"), password);
    QTest::keyClicks(dialog.findChild<QLineEdit *>("confirmPassword"), confirm);
    const QString shown = dialog.findChild<QLabel *>("problem")->text();
    if (problem.isEmpty()) {
        QVERIFY2(shown.isEmpty(), qPrintable(shown));
        QVERIFY(ok->isEnabled());
    } else {
        QVERIFY2(shown.contains(problem), qPrintable(shown));
        QVERIFY(!ok->isEnabled());
    }
}

void tst_SecurityKeysPage::generating100000KeepsTheEventLoopResponsive()
{
    GenerateKeysDialog dialog(m_store.get());
    dialog.show();
    dialog.findChild<QSpinBox *>("count")->setValue(100000);
    QTest::keyClicks(dialog.findChild<QLineEdit *>("newPassword"), "N3w-Pass!");
    QTest::keyClicks(dialog.findChild<QLineEdit *>("confirmPassword"), "N3w-Pass!");
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start();
    QSignalSpy generated(&dialog, &GenerateKeysDialog::generated);
    dialog.accept();
    QVERIFY(dialog.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QProgressBar *>("progress")->value() > 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(generated.size(), 1, 120000);
    QVERIFY2(ticks > 5,
             qPrintable(QString::number(ticks))); // the GUI thread kept processing events
    QCOMPARE(generated.first().first().value<KeyBatchResult>().count, 100000);
    QCOMPARE(dialog.result(), QDialog::Accepted);
}

void tst_SecurityKeysPage::cancelLeavesNoPartialBatch()
{
    GenerateKeysDialog dialog(m_store.get());
    dialog.show();
    dialog.findChild<QSpinBox *>("count")->setValue(100000);
    QTest::keyClicks(dialog.findChild<QLineEdit *>("newPassword"), "N3w-Pass!");
    QTest::keyClicks(dialog.findChild<QLineEdit *>("confirmPassword"), "N3w-Pass!");
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QProgressBar *>("progress")->value() > 0, 20000);
    dialog.reject();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 20000);
    QCOMPARE(dialog.result(), QDialog::Rejected);
    QCOMPARE(m_store->listKeys({}).result().value.size(), 0);
}

void tst_SecurityKeysPage::tableShowsTheLedger()
{
    KeyGenerationRequest r;
    r.count = 30;
    r.newMePassword = "N3w-Pass!";
    QVERIFY(m_store->generateKeys(r).result().ok());
    SecurityKeysModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 30);
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("PID"));
    QCOMPARE(model.data(model.index(0, SecurityKeysModel::PpsColumn)).toString().count(u'•'),
             32); // masked
    QCOMPARE(model.data(model.index(0, SecurityKeysModel::StateColumn)).toString(), QStringLiteral("Available"));
    model.setFilter({{KeyState::Exported}, {}, -1});
    QTRY_COMPARE(model.rowCount(), 0);
}

void tst_SecurityKeysPage::showPpsIsAudited()
{
    KeyGenerationRequest r;
    r.count = 3;
    r.newMePassword = "N3w-Pass!";
    QVERIFY(m_store->generateKeys(r).result().ok());
    SecurityKeysWidget w({m_store.get(), nullptr, nullptr, nullptr});
    w.show();
    QTRY_COMPARE(w.model()->rowCount(), 3);
    QVERIFY(!w.showAction()->isEnabled()); // nothing selected
    w.view()->selectRow(0);
    QVERIFY(w.showAction()->isEnabled());
    w.showAction()->trigger();
    const QModelIndex pps = w.view()->model()->index(0, SecurityKeysModel::PpsColumn);
    QTRY_VERIFY(!pps.data().toString().contains(u'•'));
    QCOMPARE(pps.data().toString().size(), 39);
    const auto audit = m_store->securityAudit(1).result().value;
    QCOMPARE(audit.first().action, QStringLiteral("show"));
}

void tst_SecurityKeysPage::exportMarksKeysExported()
{
    KeyGenerationRequest r;
    r.count = 4;
    r.newMePassword = "N3w-Pass!";
    QVERIFY(m_store->generateKeys(r).result().ok());
    SecurityKeysWidget w({m_store.get(), nullptr, nullptr, nullptr});
    QTRY_COMPARE(w.model()->rowCount(), 4);
    KeyExportRequest ex;
    ex.path = m_dir->filePath("setup.bin");
    ex.filter.limit = 2;
    QVERIFY(m_store->exportKeys(ex).result().ok());
    // The table follows the ledger (keysChanged), showing where keys went.
    QTRY_COMPARE(w.model()
                         ->match(w.model()->index(0, SecurityKeysModel::StateColumn), Qt::DisplayRole, "Exported", -1)
                         .size(),
                 2);
    QCOMPARE(w.model()
                     ->match(w.model()->index(0, SecurityKeysModel::ExportedColumn), Qt::DisplayRole, "setup.bin", -1)
                     .size(),
             2);
}

void tst_SecurityKeysPage::auditModelListsEntries()
{
    LogModel model(std::make_shared<AuditLogBook>(m_store.get()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isAtEnd() && !model.isLoading());
    QCOMPARE(model.rowCount(), 0);
    KeyGenerationRequest r;
    r.count = 2;
    r.newMePassword = "N3w-Pass!";
    r.actor = {"alice", "console-host"};
    QVERIFY(m_store->generateKeys(r).result().ok());
    QTRY_COMPARE(model.rowCount(), 1); // follows keysChanged
    QCOMPARE(model.data(model.index(0, AuditLogBook::UserColumn)).toString(), QStringLiteral("alice"));
    QCOMPARE(model.data(model.index(0, AuditLogBook::HostColumn)).toString(), QStringLiteral("console-host"));
    QCOMPARE(model.data(model.index(0, AuditLogBook::ActionColumn)).toString(), QStringLiteral("Generate"));
    QCOMPARE(model.data(model.index(0, AuditLogBook::CountColumn)).toInt(), 2);
    QCOMPARE(model.data(model.index(0, 0), LogModel::CategoryRole).toInt(),
             int(auditActions().indexOf(QStringLiteral("generate"))));
}

QTEST_MAIN(tst_SecurityKeysPage)
#include "tst_securitykeyspage.moc"
