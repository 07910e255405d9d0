// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/logbook/userlog.h"
#include "core/logbook/userlogbook.h"
#include "core/store/sqlstore.h"
#include "ui/models/logmodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::LogModel;

namespace {

LogEntry entryAt(const LogModel *model, int row)
{
    return std::get<LogEntry>(model->record(row).entry);
}
QList<LogEntry> makeEntries(int count)
{
    QList<LogEntry> entries;
    for (int i = 0; i < count; ++i) {
        const Severity s = i % 10 == 0 ? Severity::Error : (i % 3 == 0 ? Severity::Warning : Severity::Information);
        entries << LogEntry::make(s, i % 2 ? "engine" : "console", QStringLiteral("entry %1").arg(i),
                                  QStringLiteral("details %1").arg(i),
                                  i % 5 == 0 ? QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B") : QString());
    }
    return entries;
}
} // namespace

class tst_LogModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pagesInWithFetchMore();
    void columnsAndRoles();
    void liveUpdatesPrependNewest();
    void entriesFromAnotherProcessArrive();
    void filterRunsInSql_data();
    void filterRunsInSql();
    void emptyStore();
    void liveUpdateAndOlderPageLeaveNoHole();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
};

void tst_LogModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
    QVERIFY(!m_store->openAndWait());
}

void tst_LogModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_LogModel::pagesInWithFetchMore()
{
    QVERIFY(!m_store->appendLog(makeEntries(1000)).result());
    LogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(true);

    QTRY_COMPARE(model.rowCount(), LogModel::PageSize);
    QVERIFY(!model.isAtEnd());
    QCOMPARE(model.data(model.index(0, UserLogBook::DescriptionColumn)).toString(), QStringLiteral("entry 999"));
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QTRY_VERIFY(model.rowCount() > before || model.isAtEnd());
        QTRY_VERIFY(!model.isLoading());
    }
    QTRY_VERIFY(model.isAtEnd());
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.data(model.index(999, UserLogBook::DescriptionColumn)).toString(), QStringLiteral("entry 0"));
    for (int r = 1; r < model.rowCount(); ++r)
        QVERIFY(model.data(model.index(r - 1, 0), LogModel::EntryIdRole).toLongLong()
                > model.data(model.index(r, 0), LogModel::EntryIdRole).toLongLong());
}

void tst_LogModel::columnsAndRoles()
{
    LogEntry e = LogEntry::make(Severity::Error, "engine", "failed to find PID K7QX2MBO", "hello from 127.0.0.7",
                                "4b529b93-d413-181d-e487-1c697a6b7a2b");
    e.time = QDateTime(QDate(2008, 3, 12), QTime(12, 22, 33), Qt::UTC);
    QVERIFY(!m_store->appendLog({e}).result());
    LogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 5);
    const QStringList headers{"Date", "Severity", "Description", "Source", "UUID"};
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));
    QCOMPARE(model.data(model.index(0, UserLogBook::DateColumn)).toString(),
             e.time.toLocalTime().toString("yyyy-MM-dd HH:mm:ss"));
    QCOMPARE(model.data(model.index(0, UserLogBook::SeverityColumn)).toString(), QStringLiteral("Error"));
    QVERIFY(!model.data(model.index(0, UserLogBook::SeverityColumn), Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.data(model.index(0, UserLogBook::SourceColumn)).toString(), QStringLiteral("engine"));
    QCOMPARE(model.data(model.index(0, UserLogBook::UuidColumn)).toString(),
             QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"));
    QVERIFY(model.data(model.index(0, UserLogBook::DescriptionColumn), Qt::ToolTipRole)
                    .toString()
                    .contains("hello from"));
    QCOMPARE(model.data(model.index(0, 0), LogModel::CategoryRole).toInt(), int(Severity::Error));
    QCOMPARE(model.data(model.index(0, 0), LogModel::TimeRole).toDateTime(), e.time);
}

void tst_LogModel::liveUpdatesPrependNewest()
{
    QVERIFY(!m_store->appendLog(makeEntries(10)).result());
    LogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy newEntries(&model, &LogModel::newEntries);
    QTRY_COMPARE(model.rowCount(), 10);
    UserLog log(m_store.get(), "console");
    log.warning("first new");
    log.error("second new");
    QTRY_COMPARE(model.rowCount(), 12);
    QCOMPARE(model.data(model.index(0, UserLogBook::DescriptionColumn)).toString(), QStringLiteral("second new"));
    QCOMPARE(model.data(model.index(1, UserLogBook::DescriptionColumn)).toString(), QStringLiteral("first new"));
    QVERIFY(!newEntries.isEmpty());
}

void tst_LogModel::entriesFromAnotherProcessArrive()
{
    LogModel model(m_store.get());
    model.setPollInterval(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isAtEnd());
    // Another engine or oobmctl writes through its own connection: no signal reaches us.
    SqlStore other(m_store->location());
    QVERIFY(!other.openAndWait());
    QVERIFY(!other.appendLog(makeEntries(3)).result());
    QTRY_COMPARE(model.rowCount(), 3);
}

void tst_LogModel::filterRunsInSql_data()
{
    QTest::addColumn<QList<int>>("severities");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expectedRows");
    QTest::newRow("errors") << QList<int>{int(Severity::Error)} << QString() << 30;
    QTest::newRow("warnings") << QList<int>{int(Severity::Warning)} << QString() << 90;
    QTest::newRow("text") << QList<int>{} << QStringLiteral("entry 29") << 11; // 29, 290..299
    QTest::newRow("errors with text") << QList<int>{int(Severity::Error)} << QStringLiteral("entry 29") << 1;
}

void tst_LogModel::filterRunsInSql()
{
    QFETCH(QList<int>, severities);
    QFETCH(QString, text);
    QFETCH(int, expectedRows);
    QVERIFY(!m_store->appendLog(makeEntries(300)).result());
    LogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.rowCount() > 0);
    LogFilter f;
    for (int s : severities)
        f.severities << Severity(s);
    f.text = text;
    model.setFilter(UserLogBook::recordFilter(f));
    QTRY_VERIFY(model.isAtEnd() && !model.isLoading());
    QCOMPARE(model.rowCount(), expectedRows);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(f.matches(entryAt(&model, r)));
}

void tst_LogModel::emptyStore()
{
    LogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &LogModel::loaded);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isAtEnd());
    QVERIFY(!model.canFetchMore({}));
}

void tst_LogModel::liveUpdateAndOlderPageLeaveNoHole()
{
    // A full window at the newest entries: a live update on its way trims the bottom, so a page
    // of older entries asked for below the old bottom would leave a hole. It waits instead.
    QVERIFY(!m_store->appendLog(makeEntries(1000)).result());
    LogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPollInterval(3600000);
    model.setWindowSize(400);
    QTRY_COMPARE(model.rowCount(), LogModel::PageSize);
    QTRY_VERIFY(!model.isLoading());
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 400);
    QTRY_VERIFY(!model.isLoading());
    QList<LogEntry> live;
    for (int i = 0; i < 50; ++i)
        live << LogEntry::make(Severity::Information, "engine", QStringLiteral("live %1").arg(i));
    QVERIFY(!m_store->appendLog(live).result());
    Q_EMIT m_store->logAppended(0); // the live update starts now
    QVERIFY(!model.canFetchMore({}));
    QTRY_COMPARE(model.data(model.index(0, UserLogBook::DescriptionColumn)).toString(), QStringLiteral("live 49"));
    QCOMPARE(model.rowCount(), 400);
    QTRY_VERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_VERIFY(!model.isLoading() && model.rowCount() == 400);
    for (int r = 1; r < model.rowCount(); ++r)
        QCOMPARE(model.record(r).id, model.record(r - 1).id - 1);
}

QTEST_MAIN(tst_LogModel)
#include "tst_logmodel.moc"
