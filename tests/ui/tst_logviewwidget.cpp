// SPDX-License-Identifier: GPL-2.0-or-later
// The Log page's view: filters and counts, live tail that keeps the reader's place, details,
// copy, export of the filtered view, saved filters.
#include "core/logbook/actionslogbook.h"
#include "core/logbook/auditlogbook.h"
#include "core/logbook/logexporter.h"
#include "core/logbook/userlogbook.h"
#include "core/settings/localsettings.h"
#include "core/store/sqlstore.h"
#include "ui/models/logmodel.h"
#include "ui/widgets/logfilterbar.h"
#include "ui/widgets/logviewwidget.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::LogFilterBar;
using Oobm::Gui::LogModel;
using Oobm::Gui::LogViewWidget;

namespace {

LogEntry entryAt(const LogModel *model, int row)
{
    return std::get<LogEntry>(model->record(row).entry);
}

const QString Uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");

QList<LogEntry> makeEntries(int count, const QString &prefix = QStringLiteral("entry"))
{
    QList<LogEntry> entries;
    for (int i = 0; i < count; ++i)
        entries << LogEntry::make(i % 10 == 0 ? Severity::Error : Severity::Information,
                                  i % 2 ? QStringLiteral("engine") : QStringLiteral("console"),
                                  QStringLiteral("%1 %2").arg(prefix).arg(i), QStringLiteral("details %1").arg(i),
                                  i % 5 == 0 ? Uuid : QString());
    return entries;
}

qint64 topEntryId(QTableView *view)
{
    return view->indexAt(QPoint(1, 1)).data(LogModel::EntryIdRole).toLongLong();
}

} // namespace

class tst_LogViewWidget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void filtersAndCounts_data();
    void filtersAndCounts();
    void liveTailKeepsScrollPosition();
    void liveTailAtTopShowsNewest();
    void liveBurstWaitsForTheReader();
    void detailsAndCopy();
    void oldestAndBack();
    void exportEqualsFilteredView_data();
    void exportEqualsFilteredView();
    void exportCancelWritesNothing();
    void savedFiltersRoundTrip();
    void showSystem();
    void scrollUpFromTheOldest();
    void windowMovesDownALongLog();
    void otherLogs_data();
    void otherLogs();

private:
    std::unique_ptr<LogViewWidget> makeWidget();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<LocalSettings> m_settings;
};

void tst_LogViewWidget::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
    QVERIFY(!m_store->openAndWait());
    m_settings = std::make_unique<LocalSettings>(m_dir->filePath("oobm.conf"));
}

void tst_LogViewWidget::cleanup()
{
    m_settings.reset();
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<LogViewWidget> tst_LogViewWidget::makeWidget()
{
    auto w = std::make_unique<LogViewWidget>(m_store.get(), m_settings.get());
    w->model()->setPollInterval(100000);
    w->resize(900, 500);
    w->show();
    return w;
}

void tst_LogViewWidget::filtersAndCounts_data()
{
    QTest::addColumn<QList<int>>("severities");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("errorCount"); // on the Error button: counts ignore the severities
    QTest::newRow("all") << QList<int>{} << QString() << 300 << 30;
    QTest::newRow("errors") << QList<int>{int(Severity::Error)} << QString() << 30 << 30;
    QTest::newRow("text") << QList<int>{} << QStringLiteral("entry 29") << 11 << 1;
    QTest::newRow("errors, text") << QList<int>{int(Severity::Error)} << QStringLiteral("ENTRY 29") << 1 << 1;
    QTest::newRow("info, details text") << QList<int>{int(Severity::Information)} << QStringLiteral("details 1") << 100
                                        << 11;
}

void tst_LogViewWidget::filtersAndCounts()
{
    QFETCH(QList<int>, severities);
    QFETCH(QString, text);
    QFETCH(int, rows);
    QFETCH(int, errorCount);
    QVERIFY(!m_store->appendLog(makeEntries(300)).result());
    auto w = makeWidget();
    QAbstractItemModelTester tester(w->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(true);
    w->filterBar()->setCategories(severities);
    w->filterBar()->setText(text);
    QCOMPARE(w->model()->filter().categories, severities);
    QCOMPARE(w->model()->filter().text, text);
    // The view pages in as needed; load everything to count.
    QTRY_VERIFY(!w->model()->isLoading());
    while (w->model()->canFetchMore({})) {
        w->model()->fetchMore({});
        QTRY_VERIFY(!w->model()->isLoading());
    }
    QTRY_VERIFY(w->model()->isAtEnd());
    QCOMPARE(w->model()->rowCount(), rows);
    auto *errors = w->filterBar()->findChild<QToolButton *>(QStringLiteral("category-error"));
    QVERIFY(errors);
    QTRY_COMPARE(errors->text(), QStringLiteral("Error (%1)").arg(errorCount));
}

void tst_LogViewWidget::liveTailKeepsScrollPosition()
{
    QVERIFY(!m_store->appendLog(makeEntries(1000)).result());
    auto w = makeWidget();
    QAbstractItemModelTester tester(w->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(w->model()->rowCount(), LogModel::PageSize);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    // The reader scrolls down to older entries.
    w->view()->scrollTo(w->model()->index(120, 0), QAbstractItemView::PositionAtTop);
    QTRY_VERIFY(w->view()->verticalScrollBar()->value() > 0);
    const qint64 reading = topEntryId(w->view());
    QVERIFY(reading > 0);
    auto *errors = w->filterBar()->findChild<QToolButton *>(QStringLiteral("category-error"));
    QTRY_COMPARE(errors->text(), QStringLiteral("Error (100)"));

    // (The view may page in older entries meanwhile: they go to the end and move nothing.)
    QVERIFY(!m_store->appendLog(makeEntries(7, QStringLiteral("new"))).result());
    QTRY_VERIFY(w->newEntriesButton()->isVisible());
    QCOMPARE(entryAt(w->model(), 0).message, QStringLiteral("new 6"));
    QCOMPARE(w->newEntriesButton()->text(), QStringLiteral("7 new entries, show them"));
    QCOMPARE(topEntryId(w->view()), reading); // the row under the reader's eyes did not move
    // The live entries add to the counts at once ("new 0" is an error), without a recount.
    QCOMPARE(errors->text(), QStringLiteral("Error (101)"));

    QTest::mouseClick(w->newEntriesButton(), Qt::LeftButton);
    QTRY_COMPARE(w->view()->verticalScrollBar()->value(), 0);
    QVERIFY(!w->newEntriesButton()->isVisible());
    QCOMPARE(entryAt(w->model(), 0).message, QStringLiteral("new 6"));
    QCOMPARE(topEntryId(w->view()), entryAt(w->model(), 0).id);
}

// More new entries than one live update takes: a reader looking at older entries keeps them;
// the button says how many and brings the newest when asked.
void tst_LogViewWidget::liveBurstWaitsForTheReader()
{
    QVERIFY(!m_store->appendLog(makeEntries(1000)).result());
    auto w = makeWidget();
    QTRY_COMPARE(w->model()->rowCount(), LogModel::PageSize);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    w->view()->scrollTo(w->model()->index(120, 0), QAbstractItemView::PositionAtTop);
    QTRY_VERIFY(w->view()->verticalScrollBar()->value() > 0);
    const qint64 reading = topEntryId(w->view());
    QVERIFY(!m_store->appendLog(makeEntries(LogModel::LiveLimit + 200, QStringLiteral("burst"))).result());
    QTRY_COMPARE(w->newEntriesButton()->text(),
                 QStringLiteral("More than %1 new entries, show them").arg(LogModel::LiveLimit));
    QVERIFY(w->newEntriesButton()->isVisible());
    QCOMPARE(topEntryId(w->view()), reading);
    QTest::mouseClick(w->newEntriesButton(), Qt::LeftButton);
    QTRY_COMPARE(entryAt(w->model(), 0).message, QStringLiteral("burst %1").arg(LogModel::LiveLimit + 199));
    QTRY_COMPARE(w->view()->verticalScrollBar()->value(), 0);
}

void tst_LogViewWidget::liveTailAtTopShowsNewest()
{
    QVERIFY(!m_store->appendLog(makeEntries(500)).result());
    auto w = makeWidget();
    QTRY_COMPARE(w->model()->rowCount(), LogModel::PageSize);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QCOMPARE(w->view()->verticalScrollBar()->value(), 0);
    QVERIFY(!m_store->appendLog(makeEntries(3, QStringLiteral("new"))).result());
    QTRY_COMPARE(w->model()->rowCount(), LogModel::PageSize + 3);
    QTRY_COMPARE(topEntryId(w->view()), entryAt(w->model(), 0).id);
    QCOMPARE(entryAt(w->model(), 0).message, QStringLiteral("new 2"));
    QVERIFY(!w->newEntriesButton()->isVisible());
}

void tst_LogViewWidget::detailsAndCopy()
{
    QVERIFY(!m_store->appendLog(makeEntries(20)).result());
    auto w = makeWidget();
    QTRY_COMPARE(w->model()->rowCount(), 20);
    QVERIFY(!w->detailsPane()->isVisible());
    // Enter on the current row opens the details.
    w->view()->setFocus();
    w->view()->setCurrentIndex(w->model()->index(3, 0));
    QTest::keyClick(w->view(), Qt::Key_Return);
    QTRY_VERIFY(w->detailsPane()->isVisible());
    QVERIFY(w->detailsPane()->toPlainText().contains(QStringLiteral("entry 16")));
    QVERIFY(w->detailsPane()->toPlainText().contains(QStringLiteral("details 16")));
    // Moving on updates it.
    w->view()->setCurrentIndex(w->model()->index(4, 0));
    QVERIFY(w->detailsPane()->toPlainText().contains(QStringLiteral("entry 15")));

    w->view()->selectionModel()->select(w->model()->index(0, 0),
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    w->view()->selectionModel()->select(w->model()->index(2, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QStringList lines = w->selectedRowsText().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).contains(QStringLiteral("\tentry 19\tdetails 19")));
    QVERIFY(lines.at(1).contains(QStringLiteral("\tentry 17\tdetails 17")));
}

void tst_LogViewWidget::oldestAndBack()
{
    QVERIFY(!m_store->appendLog(makeEntries(1000)).result());
    auto w = makeWidget();
    QAbstractItemModelTester tester(w->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(w->model()->rowCount(), LogModel::PageSize);
    w->showOldest();
    QTRY_VERIFY(w->model()->isAtEnd() && !w->model()->isAtNewest() && !w->model()->isLoading());
    QCOMPARE(w->model()->rowCount(), LogModel::PageSize);
    QCOMPARE(entryAt(w->model(), LogModel::PageSize - 1).message, QStringLiteral("entry 0"));
    QCOMPARE(entryAt(w->model(), 0).message, QStringLiteral("entry 199"));
    QVERIFY(!w->model()->canFetchMore({}));
    QTRY_COMPARE(w->view()->verticalScrollBar()->value(), w->view()->verticalScrollBar()->maximum());
    QVERIFY(w->newEntriesButton()->isVisible());
    // New entries do not disturb the oldest ones; the button goes back to the newest.
    QVERIFY(!m_store->appendLog(makeEntries(2, QStringLiteral("new"))).result());
    QTest::mouseClick(w->newEntriesButton(), Qt::LeftButton);
    QTRY_VERIFY(w->model()->isAtNewest() && w->model()->rowCount() > 0);
    QTRY_COMPARE(entryAt(w->model(), 0).message, QStringLiteral("new 1"));
    QVERIFY(!w->newEntriesButton()->isVisible());
}

void tst_LogViewWidget::exportEqualsFilteredView_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("csv") << false;
    QTest::newRow("json") << true;
}

void tst_LogViewWidget::exportCancelWritesNothing()
{
    QVERIFY(!m_store->appendLog(makeEntries(20000)).result());
    auto w = makeWidget();
    QTRY_VERIFY(!w->model()->isLoading());
    const QString path = m_dir->filePath("cancelled.csv");
    QSignalSpy finished(w.get(), &LogViewWidget::exportFinished);
    w->exportTo(path, LogExporter::Format::Csv);
    auto *cancel = w->findChild<QToolButton *>(QStringLiteral("cancelExport"));
    QVERIFY(cancel);
    QVERIFY(!cancel->isHidden());
    cancel->click(); // before the worker has read a page: it stops at its first check
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().first().toBool());
    QVERIFY2(finished.first().last().toString().contains("cancelled; nothing was written"),
             qPrintable(finished.first().last().toString()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(cancel->isHidden());
}

void tst_LogViewWidget::exportEqualsFilteredView()
{
    QFETCH(bool, json);
    QVERIFY(!m_store->appendLog(makeEntries(700)).result());
    auto w = makeWidget();
    w->filterBar()->setCategories({int(Severity::Information)});
    w->filterBar()->setText(QStringLiteral("entry 1"));
    QTRY_VERIFY(!w->model()->isLoading());
    while (w->model()->canFetchMore({})) {
        w->model()->fetchMore({});
        QTRY_VERIFY(!w->model()->isLoading());
    }
    QList<LogEntry> view;
    for (int r = 0; r < w->model()->rowCount(); ++r)
        view << entryAt(w->model(), r);
    QCOMPARE(view.size(), 100); // entry 1, 1x and 1xx, without the errors (every tenth)

    const QString path = m_dir->filePath(json ? "export.json" : "export.csv");
    QSignalSpy finished(w.get(), &LogViewWidget::exportFinished);
    w->exportTo(path, json ? LogExporter::Format::Json : LogExporter::Format::Csv);
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().last().toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    if (json) {
        QJsonArray expected;
        for (const LogEntry &e : std::as_const(view))
            expected.append(LogExporter::json(e));
        QCOMPARE(QJsonDocument::fromJson(content).array(), expected);
    } else {
        QByteArray expected = LogExporter::csvHeader();
        for (const LogEntry &e : std::as_const(view))
            expected += LogExporter::csvLine(e);
        QCOMPARE(content, expected);
    }
}

void tst_LogViewWidget::savedFiltersRoundTrip()
{
    auto w = makeWidget();
    LogFilterBar *bar = w->filterBar();
    bar->setCategories({int(Severity::Error), int(Severity::Warning)});
    bar->setText(QStringLiteral("PT_STATUS"));
    bar->setDevice(QStringLiteral("host1.example.test"));
    bar->setRange(LogFilterBar::Range::Last7Days);
    const RecordFilter saved = bar->filter();
    bar->saveFilter(QStringLiteral("Failures"));
    QCOMPARE(bar->savedFilterNames(), QStringList{QStringLiteral("Failures")});

    bar->setCategories({});
    bar->setText({});
    bar->setDevice({});
    bar->setRange(LogFilterBar::Range::Any);
    QVERIFY(bar->filter().isEmpty());

    // Another view (after a restart) finds it in the local settings.
    auto other = makeWidget();
    QVERIFY(other->filterBar()->restoreFilter(QStringLiteral("Failures")));
    const RecordFilter restored = other->filterBar()->filter();
    QCOMPARE(restored.categories, saved.categories);
    QCOMPARE(restored.text, saved.text);
    QCOMPARE(restored.device, saved.device);
    QVERIFY(qAbs(restored.since.secsTo(saved.since)) < 60);
    QCOMPARE(other->model()->filter().text, saved.text);
    QVERIFY(!other->filterBar()->restoreFilter(QStringLiteral("No such filter")));
}

void tst_LogViewWidget::showSystem()
{
    QVERIFY(!m_store->appendLog(makeEntries(50)).result());
    auto w = makeWidget();
    QTRY_COMPARE(w->model()->rowCount(), 50);
    w->showSystem(Uuid.toLower());
    QTRY_COMPARE(w->model()->rowCount(), 10);
    for (int r = 0; r < w->model()->rowCount(); ++r)
        QCOMPARE(entryAt(w->model(), r).deviceUuid, Uuid);
}

void tst_LogViewWidget::scrollUpFromTheOldest()
{
    // Oldest is not only a jump: scrolling up from there pages newer entries in, the reader's
    // row staying where it was, until the newest (and the live tail) is reached.
    QVERIFY(!m_store->appendLog(makeEntries(1000)).result());
    auto w = makeWidget();
    QAbstractItemModelTester tester(w->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(w->model()->rowCount(), LogModel::PageSize);
    w->showOldest();
    QTRY_VERIFY(!w->model()->isAtNewest() && !w->model()->isLoading());
    QTRY_COMPARE(w->view()->verticalScrollBar()->value(), w->view()->verticalScrollBar()->maximum());
    QScrollBar *bar = w->view()->verticalScrollBar();
    int pages = 0;
    while (!w->model()->isAtNewest()) {
        QVERIFY(++pages < 10);
        const int before = w->model()->rowCount();
        bar->setValue(bar->minimum());
        const qint64 reading = topEntryId(w->view());
        // A page, or none when the last page held exactly PageSize entries.
        QTRY_VERIFY(!w->model()->isLoading() && (w->model()->rowCount() > before || w->model()->isAtNewest()));
        if (w->model()->rowCount() == before)
            break;
        QCOMPARE(topEntryId(w->view()), reading); // the same row at the top of the view
        QVERIFY(bar->value() > 0);
    }
    QCOMPARE(w->model()->rowCount(), 1000);
    for (int r = 1; r < w->model()->rowCount(); ++r)
        QCOMPARE(w->model()->record(r).id, w->model()->record(r - 1).id - 1); // no gap, no twice
    QVERIFY(w->model()->isAtEnd());
    // At the newest, live entries arrive again.
    bar->setValue(0);
    QVERIFY(!m_store->appendLog(makeEntries(1, QStringLiteral("new"))).result());
    QTRY_COMPARE(entryAt(w->model(), 0).message, QStringLiteral("new 0"));
}

void tst_LogViewWidget::windowMovesDownALongLog()
{
    // Scrolling down a long log moves the window: the newest rows go, the reader's row stays.
    QVERIFY(!m_store->appendLog(makeEntries(1000)).result());
    auto w = makeWidget();
    QAbstractItemModelTester tester(w->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w->model()->setWindowSize(500);
    QTRY_COMPARE(w->model()->rowCount(), LogModel::PageSize);
    QScrollBar *bar = w->view()->verticalScrollBar();
    while (!w->model()->isAtEnd()) {
        const qint64 last = w->model()->record(w->model()->rowCount() - 1).id;
        bar->setValue(bar->maximum()); // the view asks for more (fetchMore) at the bottom
        const qint64 reading = topEntryId(w->view());
        QTRY_VERIFY(!w->model()->isLoading()
                    && (w->model()->record(w->model()->rowCount() - 1).id != last || w->model()->isAtEnd()));
        QVERIFY(w->model()->rowCount() <= 500);
        // At the very bottom the top row is cut: it may be the one above.
        QVERIFY2(qAbs(topEntryId(w->view()) - reading) <= 1,
                 qPrintable(QStringLiteral("%1 %2").arg(topEntryId(w->view())).arg(reading)));
    }
    QCOMPARE(w->model()->rowCount(), 500);
    QVERIFY(!w->model()->isAtNewest());
    QCOMPARE(entryAt(w->model(), 499).message, QStringLiteral("entry 0"));
    QVERIFY(w->newEntriesButton()->isVisible());
    QVERIFY(w->statusLabel()->text().contains(QStringLiteral("oldest")));
    // And up again, to the newest.
    while (!w->model()->isAtNewest()) {
        bar->setValue(bar->minimum());
        QTRY_VERIFY(!w->model()->isLoading());
        QVERIFY(w->model()->rowCount() <= 500);
    }
    QCOMPARE(entryAt(w->model(), 0).message, QStringLiteral("entry 999"));
    QVERIFY(!w->model()->isAtEnd());
}

void tst_LogViewWidget::otherLogs_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("category"); // the button that selects the 2 "special" rows
    QTest::addColumn<QString>("text");     // selects row 3 alone
    QTest::newRow("actions status") << int(LogBook::Kind::Actions) << QStringLiteral("failed")
                                    << QStringLiteral("entry 3 of");
    QTest::newRow("security audit") << int(LogBook::Kind::Audit) << QStringLiteral("export")
                                    << QStringLiteral("entry 3 of");
}

void tst_LogViewWidget::otherLogs()
{
    // Actions Status and Security Audit are the same view over another log: categories with
    // counts, text filter, details, copy and export of what the view shows.
    QFETCH(int, kind);
    QFETCH(QString, category);
    QFETCH(QString, text);
    const bool actions = LogBook::Kind(kind) == LogBook::Kind::Actions;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
        db.setDatabaseName(m_dir->filePath("oobm.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(db.transaction());
        for (int i = 0; i < 250; ++i) {
            const bool special = i % 50 == 0; // 0, 50, 100, 150, 200
            const QString message = QStringLiteral("entry %1 of the test").arg(i);
            const QString sql = actions
                    ? QStringLiteral("INSERT INTO actions (time_ms, uuid, step, result, duration_ms, status, "
                                     "message, attempt) VALUES (%1, '%2', 'SetAdminAclEntry', %3, 10, 'SUCCESS', "
                                     "'%4', 1)")
                              .arg(1767600000000 + i * 1000)
                              .arg(Uuid)
                              .arg(special ? 1 : 0)
                              .arg(message)
                    : QStringLiteral("INSERT INTO security_audit (time_ms, user_name, host, action, count, file, "
                                     "details) VALUES (%1, 'alice', 'ws1', '%2', 3, '', '%3')")
                              .arg(1767600000000 + i * 1000)
                              .arg(special ? QStringLiteral("export") : QStringLiteral("show"))
                              .arg(message);
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
        QVERIFY(db.commit());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));

    std::shared_ptr<const LogBook> book;
    if (actions)
        book = std::make_shared<ActionsLogBook>(m_store.get());
    else
        book = std::make_shared<AuditLogBook>(m_store.get());
    LogViewWidget w(book, m_settings.get());
    w.model()->setPollInterval(100000);
    w.resize(900, 500);
    w.show();
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(w.model()->columnCount(), book->columns().size());
    QTRY_COMPARE(w.model()->rowCount(), LogModel::PageSize);
    QCOMPARE(w.model()->record(0).id, 250);

    auto *button = w.filterBar()->findChild<QToolButton *>(QStringLiteral("category-") + category);
    QVERIFY(button);
    QTRY_VERIFY2(button->text().endsWith(QStringLiteral("(5)")), qPrintable(button->text()));
    button->click();
    QTRY_COMPARE(w.model()->rowCount(), 5);
    for (int r = 0; r < 5; ++r)
        QCOMPARE(w.model()->index(r, book->categoryColumn()).data(LogModel::CategoryRole).toInt(),
                 w.model()->record(r).category);
    button->click();
    w.filterBar()->setText(text);
    QTRY_COMPARE(w.model()->rowCount(), 1);
    QVERIFY(w.model()->isAtEnd());

    // Details and copy say what the row holds.
    w.showDetails(0);
    QVERIFY(w.detailsPane()->toPlainText().contains(QStringLiteral("entry 3 of the test")));
    w.view()->selectRow(0);
    QVERIFY(w.selectedRowsText().contains(QStringLiteral("entry 3 of the test")));

    // The export holds what the view shows.
    w.filterBar()->setText(QStringLiteral("entry 1"));
    QTRY_VERIFY(w.model()->isAtEnd() && !w.model()->isLoading());
    const QString path = m_dir->filePath(QStringLiteral("export.csv"));
    QSignalSpy finished(&w, &LogViewWidget::exportFinished);
    w.exportTo(path, LogExporter::Format::Csv);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().last().toString()));
    QByteArray expected = book->csvHeader();
    for (int r = 0; r < w.model()->rowCount(); ++r)
        expected += book->csvLine(w.model()->record(r));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected);
    QCOMPARE(w.model()->rowCount(), 111); // 1, 10-19, 100-199
}

QTEST_MAIN(tst_LogViewWidget)
#include "tst_logviewwidget.moc"
