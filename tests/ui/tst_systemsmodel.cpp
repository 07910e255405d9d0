// SPDX-License-Identifier: GPL-2.0-or-later
// The Intel AMT Systems model at fleet size: pages read with fetchMore in the store's order for
// every sort, and changes (by this process or another on the same file) updated, moved, inserted
// and removed in place, always leaving the rows in the order the store gives.
#include "core/keys/secretbox.h"
#include "core/provisioning/hellopacket.h"
#include "core/store/sqlstore.h"
#include "ui/models/systemsmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Gui;

namespace {

constexpr int Systems = 450; // more than two pages

QString uuidOf(int i)
{
    return QStringLiteral("%1-0000-4000-8000-000000000000").arg(i, 8, 16, QLatin1Char('0')).toUpper();
}

// A hello whose key this store does not have: the system is recorded (Failed: unknown PID),
// named by its "reverse lookup".
StoreError hello(Store &store, int i, const QString &name)
{
    HelloIntake intake;
    intake.hello.version = HelloPacket::Version::Psk;
    intake.hello.uuid = QUuid(uuidOf(i));
    intake.hello.pid = "ZZZZZZZZ";
    intake.address = QHostAddress(QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250 + 1));
    intake.engineId = QStringLiteral("test");
    intake.reverseName = name;
    return store.recordHello(intake).result().error;
}

QStringList uuids(const SystemsModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.system(row).uuid;
    return list;
}

// What the store gives for the first n rows in the model's order.
QStringList storeOrder(Store &store, SystemQuery::Sort sort, bool descending, int n, const SystemFilter &filter = {})
{
    SystemQuery q;
    q.filter = filter;
    q.sort = sort;
    q.descending = descending;
    q.limit = n;
    QStringList list;
    for (const AmtSystem &s : store.querySystems(q).result().value)
        list << s.uuid;
    return list;
}

// Asks for the next page when one may be fetched; true once every row is there.
bool fetchedAll(SystemsModel &model)
{
    if (model.canFetchMore({}))
        model.fetchMore({});
    return !model.canFetchMore({}) && model.total() >= 0 && model.rowCount() >= model.total();
}

} // namespace

class tst_SystemsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesInTheStoresOrder_data();
    void pagesInTheStoresOrder();
    void changesKeepTheOrder_data();
    void changesKeepTheOrder();
    void anotherProcessesChanges();
    void filterDropsWhatNoLongerMatches();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqlStore> m_store;
    int m_added = 0; // systems the tests added after the first Systems
};

void tst_SystemsModel::initTestCase()
{
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir.filePath("oobm.db")));
    QCOMPARE(m_store->openAndWait().message, QString());
    QCOMPARE(m_store->setDataKey(SecretBox::generateKey(), "test").result().message, QString());
    for (int i = 0; i < Systems; ++i) {
        // Names with mixed case and ties, so the sorts and their tie-breaks matter.
        const QString name = QStringLiteral("%1pc%2.Example.com").arg(i % 3 ? "" : "Lab-").arg(i % 97);
        QCOMPARE(hello(*m_store, i, name).message, QString());
    }
}

void tst_SystemsModel::pagesInTheStoresOrder_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("sort");
    QTest::addColumn<bool>("descending");
    using S = SystemQuery::Sort;
    QTest::addRow("last hello, newest first") << int(SystemsModel::LastHelloColumn) << int(S::LastHello) << true;
    QTest::addRow("uuid") << int(SystemsModel::UuidColumn) << int(S::Uuid) << false;
    QTest::addRow("name") << int(SystemsModel::NameColumn) << int(S::Name) << false;
    QTest::addRow("fqdn, descending") << int(SystemsModel::FqdnColumn) << int(S::Fqdn) << true;
    QTest::addRow("address") << int(SystemsModel::AddressColumn) << int(S::Address) << false;
    QTest::addRow("state") << int(SystemsModel::StateColumn) << int(S::State) << false;
}

void tst_SystemsModel::pagesInTheStoresOrder()
{
    QFETCH(int, column);
    QFETCH(int, sort);
    QFETCH(bool, descending);
    SystemsModel model(m_store.get());
    QAbstractItemModelTester tester(&model);
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QTRY_COMPARE(model.rowCount(), SystemsModel::PageSize);
    QTRY_COMPARE(model.total(), qint64(Systems));
    QVERIFY(model.canFetchMore({}));
    QTRY_VERIFY_WITH_TIMEOUT(fetchedAll(model), 30000);
    QCOMPARE(model.rowCount(), Systems);
    QVERIFY(!model.canFetchMore({}));
    const QStringList shown = uuids(model);
    QCOMPARE(shown, storeOrder(*m_store, SystemQuery::Sort(sort), descending, Systems));
    // The C++ order is the store's: every neighbouring pair is in order.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY2(SystemQuery::lessThan(SystemQuery::Sort(sort), descending, model.system(row - 1), model.system(row)),
                 qPrintable(QStringLiteral("rows %1 and %2").arg(row - 1).arg(row)));
}

void tst_SystemsModel::changesKeepTheOrder_data()
{
    QTest::addColumn<bool>("allLoaded");
    QTest::addRow("first page only") << false;
    QTest::addRow("every page") << true;
}

void tst_SystemsModel::changesKeepTheOrder()
{
    QFETCH(bool, allLoaded);
    SystemsModel model(m_store.get());
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(false); // pages come only when this test asks
    model.sort(SystemsModel::LastHelloColumn, Qt::DescendingOrder);
    QTRY_COMPARE(model.rowCount(), SystemsModel::PageSize);
    if (allLoaded)
        QTRY_VERIFY_WITH_TIMEOUT(fetchedAll(model), 30000);
    const int shown = model.rowCount();

    // An old system says hello again (moves to the top) and a new system appears.
    const QString moved = uuidOf(3);
    QCOMPARE(hello(*m_store, 3, QString()).message, QString());
    const int fresh = Systems + 10 + m_added++;
    QCOMPARE(hello(*m_store, fresh, QStringLiteral("new.example.com")).message, QString());
    const QString added = uuidOf(fresh);
    // The moved system comes into the first page from beyond it when only that page was read.
    const int now = shown + (allLoaded ? 1 : 2);
    QTRY_COMPARE(model.rowCount(), now);
    QTRY_COMPARE(model.system(0).uuid, added);
    QTRY_COMPARE(model.system(1).uuid, moved);
    QCOMPARE(uuids(model), storeOrder(*m_store, SystemQuery::Sort::LastHello, true, now));
    QTRY_COMPARE(model.total(), qint64(Systems + m_added));

    // Another order starts again at the first page; a change that keeps a row's place updates it
    // where it is.
    model.sort(SystemsModel::NameColumn, Qt::AscendingOrder);
    QTRY_COMPARE(model.rowCount(), SystemsModel::PageSize);
    const int last = model.rowCount() - 1;
    const QString updated = model.system(last).uuid;
    QVERIFY(m_store->setSystemsState({updated}, SystemState::Failed, QStringLiteral("x"), {}).result().ok());
    QTRY_COMPARE(model.system(last).reason, QStringLiteral("x"));
    QCOMPARE(model.system(last).uuid, updated);
    QCOMPARE(uuids(model), storeOrder(*m_store, SystemQuery::Sort::Name, false, model.rowCount()));
}

void tst_SystemsModel::anotherProcessesChanges()
{
    SystemsModel model(m_store.get());
    QAbstractItemModelTester tester(&model);
    model.sort(SystemsModel::LastHelloColumn, Qt::DescendingOrder);
    QTRY_VERIFY(model.rowCount() > 0);
    // Another store object on the same file stands for another process: this store learns of
    // its write only by looking (PRAGMA data_version and the change revision).
    SqlStore other(StoreLocation::sqlite(m_dir.filePath("oobm.db")));
    QCOMPARE(other.openAndWait().message, QString());
    const int fresh = Systems + 10 + m_added++;
    QCOMPARE(hello(other, fresh, QStringLiteral("elsewhere.example.com")).message, QString());
    QTRY_COMPARE_WITH_TIMEOUT(model.system(0).uuid, uuidOf(fresh), 10000);
    QCOMPARE(model.system(0).fqdn, QStringLiteral("elsewhere.example.com"));
}

void tst_SystemsModel::filterDropsWhatNoLongerMatches()
{
    SystemsModel model(m_store.get());
    QAbstractItemModelTester tester(&model);
    SystemFilter failed;
    failed.states = {SystemState::Failed};
    failed.text = QStringLiteral("Lab-pc1.");
    model.setFilter(failed);
    model.sort(SystemsModel::UuidColumn, Qt::AscendingOrder);
    QTRY_VERIFY(model.rowCount() > 0);
    const int before = model.rowCount();
    QCOMPARE(uuids(model), storeOrder(*m_store, SystemQuery::Sort::Uuid, false, 1000, failed));
    const QString leaving = model.system(0).uuid;
    QVERIFY(m_store->setSystemsState({leaving}, SystemState::Unprovisioned, {}, {}).result().ok());
    QTRY_COMPARE(model.rowCount(), before - 1);
    QCOMPARE(model.rowOf(leaving), -1);
    QTRY_COMPARE(model.total(), qint64(before - 1));
}

QTEST_MAIN(tst_SystemsModel)
#include "tst_systemsmodel.moc"
