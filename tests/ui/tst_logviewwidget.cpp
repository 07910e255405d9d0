// SPDX-License-Identifier: GPL-2.0-or-later
// The Log page's view: filters and counts, live tail that keeps the reader's place, details,
// copy, export of the filtered view, saved filters.
#include "core/log/logexporter.h"
#include "core/settings/localsettings.h"
#include "core/store/sqlstore.h"
#include "ui/models/logmodel.h"
#include "ui/pages/log/logfilterbar.h"
#include "ui/pages/log/logviewwidget.h"

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::LogFilterBar;
using Oobm::Gui::LogModel;
using Oobm::Gui::LogViewWidget;

namespace {

const QString Uuid = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");

QList<LogEntry> makeEntries(int count, const QString &prefix = QStringLiteral("entry"))
{
    QList<LogEntry> entries;
    for (int i = 0; i < count; ++i)
        entries << LogEntry::make(i % 10 == 0 ? Severity::Error : Severity::Information,
                                  i % 2 ? QStringLiteral("engine") : QStringLiteral("console"),
                                  QStringLiteral("%1 %2").arg(prefix).arg(i),
                                  QStringLiteral("details %1").arg(i), i % 5 == 0 ? Uuid : QString());
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
    auto w = std::make_unique<LogViewWidget>(m_store.get(), m_settings.get(),
                                             QStringLiteral("log/header"));
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
    QTest::newRow("errors") << QList<int>{ int(Severity::Error) } << QString() << 30 << 30;
    QTest::newRow("text") << QList<int>{} << QStringLiteral("entry 29") << 11 << 1;
    QTest::newRow("errors, text")
            << QList<int>{ int(Severity::Error) } << QStringLiteral("ENTRY 29") << 1 << 1;
    QTest::newRow("info, details text")
            << QList<int>{ int(Severity::Information) } << QStringLiteral("details 1") << 100 << 11;
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
    QList<Severity> list;
    for (int s : severities)
        list << Severity(s);
    w->filterBar()->setSeverities(list);
    w->filterBar()->setText(text);
    QCOMPARE(w->model()->filter().severities, list);
    QCOMPARE(w->model()->filter().text, text);
    // The view pages in as needed; load everything to count.
    QTRY_VERIFY(!w->model()->isLoading());
    while (w->model()->canFetchMore({})) {
        w->model()->fetchMore({});
        QTRY_VERIFY(!w->model()->isLoading());
    }
    QTRY_VERIFY(w->model()->isAtEnd());
    QCOMPARE(w->model()->rowCount(), rows);
    auto *errors = w->filterBar()->findChild<QToolButton *>(QStringLiteral("severity-error"));
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
    auto *errors = w->filterBar()->findChild<QToolButton *>(QStringLiteral("severity-error"));
    QTRY_COMPARE(errors->text(), QStringLiteral("Error (100)"));

    // (The view may page in older entries meanwhile: they go to the end and move nothing.)
    QVERIFY(!m_store->appendLog(makeEntries(7, QStringLiteral("new"))).result());
    QTRY_VERIFY(w->newEntriesButton()->isVisible());
    QCOMPARE(w->model()->entry(0).message, QStringLiteral("new 6"));
    QCOMPARE(w->newEntriesButton()->text(), QStringLiteral("7 new entries, show them"));
    QCOMPARE(topEntryId(w->view()), reading); // the row under the reader's eyes did not move
    // The live entries add to the counts at once ("new 0" is an error), without a recount.
    QCOMPARE(errors->text(), QStringLiteral("Error (101)"));

    QTest::mouseClick(w->newEntriesButton(), Qt::LeftButton);
    QTRY_COMPARE(w->view()->verticalScrollBar()->value(), 0);
    QVERIFY(!w->newEntriesButton()->isVisible());
    QCOMPARE(w->model()->entry(0).message, QStringLiteral("new 6"));
    QCOMPARE(topEntryId(w->view()), w->model()->entry(0).id);
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
    QTRY_COMPARE(w->model()->entry(0).message, QStringLiteral("burst %1").arg(LogModel::LiveLimit + 199));
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
    QTRY_COMPARE(topEntryId(w->view()), w->model()->entry(0).id);
    QCOMPARE(w->model()->entry(0).message, QStringLiteral("new 2"));
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
    QTRY_VERIFY(w->model()->isShowingOldest() && !w->model()->isLoading());
    QCOMPARE(w->model()->rowCount(), LogModel::PageSize);
    QCOMPARE(w->model()->entry(LogModel::PageSize - 1).message, QStringLiteral("entry 0"));
    QCOMPARE(w->model()->entry(0).message, QStringLiteral("entry 199"));
    QVERIFY(!w->model()->canFetchMore({}));
    QTRY_COMPARE(w->view()->verticalScrollBar()->value(), w->view()->verticalScrollBar()->maximum());
    QVERIFY(w->newEntriesButton()->isVisible());
    // New entries do not disturb the oldest ones; the button goes back to the newest.
    QVERIFY(!m_store->appendLog(makeEntries(2, QStringLiteral("new"))).result());
    QTest::mouseClick(w->newEntriesButton(), Qt::LeftButton);
    QTRY_VERIFY(!w->model()->isShowingOldest() && w->model()->rowCount() > 0);
    QTRY_COMPARE(w->model()->entry(0).message, QStringLiteral("new 1"));
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
    w->filterBar()->setSeverities({ Severity::Information });
    w->filterBar()->setText(QStringLiteral("entry 1"));
    QTRY_VERIFY(!w->model()->isLoading());
    while (w->model()->canFetchMore({})) {
        w->model()->fetchMore({});
        QTRY_VERIFY(!w->model()->isLoading());
    }
    QList<LogEntry> view;
    for (int r = 0; r < w->model()->rowCount(); ++r)
        view << w->model()->entry(r);
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
    bar->setSeverities({ Severity::Error, Severity::Warning });
    bar->setText(QStringLiteral("PT_STATUS"));
    bar->setDevice(QStringLiteral("host1.example.test"));
    bar->setRange(LogFilterBar::Range::Last7Days);
    const LogFilter saved = bar->filter();
    bar->saveFilter(QStringLiteral("Failures"));
    QCOMPARE(bar->savedFilterNames(), QStringList{ QStringLiteral("Failures") });

    bar->setSeverities({});
    bar->setText({});
    bar->setDevice({});
    bar->setRange(LogFilterBar::Range::Any);
    QVERIFY(bar->filter().isEmpty());

    // Another view (after a restart) finds it in the local settings.
    auto other = makeWidget();
    QVERIFY(other->filterBar()->restoreFilter(QStringLiteral("Failures")));
    const LogFilter restored = other->filterBar()->filter();
    QCOMPARE(restored.severities, saved.severities);
    QCOMPARE(restored.text, saved.text);
    QCOMPARE(restored.deviceUuid, saved.deviceUuid);
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
        QCOMPARE(w->model()->entry(r).deviceUuid, Uuid);
}

QTEST_MAIN(tst_LogViewWidget)
#include "tst_logviewwidget.moc"
