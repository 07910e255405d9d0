// SPDX-License-Identifier: GPL-2.0-or-later
// StoreListModel<T>, the one reload/generation/reset of the store's list models, through the
// models built on it (Provision Profiles, Auxiliary Profiles, Profile Assignments; the TLS
// certificates' model is driven in tst_auxiliaryprofilespage), each under
// QAbstractItemModelTester.
#include "core/keys/secretbox.h"
#include "core/store/sqlstore.h"
#include "ui/models/assignmentsmodel.h"
#include "ui/models/auxiliaryprofilesmodel.h"
#include "ui/models/profilesmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <functional>

using namespace Oobm::Core;
using namespace Oobm::Gui;

namespace {

struct ModelRow
{
    std::function<StoreListModelBase *(Store *store)> create;
    // Adds one item through the store; returns what its first column shows.
    std::function<QString(Store &store)> add;
};

qint64 addProfile(Store &store, const QString &name)
{
    ProvisionProfile p;
    p.name = name;
    p.adminPassword = QStringLiteral("Adm1n!Pass");
    const auto saved = store.saveProfile(p).result();
    if (!saved.ok())
        qWarning("%s", qPrintable(saved.error.message));
    return saved.value;
}

} // namespace

Q_DECLARE_METATYPE(ModelRow)

class tst_StoreListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reloadsWhenTheStoreSaysSo_data() { addModelRows(); }
    void reloadsWhenTheStoreSaysSo();
    void dropsSupersededAnswers_data() { addModelRows(); }
    void dropsSupersededAnswers();
    void reportsWhyItIsEmpty_data() { addModelRows(); }
    void reportsWhyItIsEmpty();

private:
    static void addModelRows();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
};

void tst_StoreListModel::addModelRows()
{
    QTest::addColumn<ModelRow>("row");
    QTest::newRow("profiles") << ModelRow{[](Store *s) -> StoreListModelBase * { return new ProfilesModel(s); },
                                          [](Store &s) {
        addProfile(s, QStringLiteral("Standard"));
        return QStringLiteral("Standard");
                                          }};
    QTest::newRow("auxiliary-profiles") << ModelRow{
            [](Store *s) -> StoreListModelBase * { return new AuxiliaryProfilesModel(s); },
            [](Store &s) {
        AuxiliaryProfile a;
        a.name = QStringLiteral("Helpdesk");
        a.aclUsers = {{QStringLiteral("helpdesk"), QStringLiteral("H3lp-desk!"), {5}}};
        const auto saved = s.saveAuxiliaryProfile(a).result();
        if (!saved.ok())
            qWarning("%s", qPrintable(saved.error.message));
        return QStringLiteral("Helpdesk");
            }};
    QTest::newRow("assignments") << ModelRow{[](Store *s) -> StoreListModelBase * { return new AssignmentsModel(s); },
                                             [](Store &s) {
        ProfileAssignment a;
        a.kind = ProfileAssignment::Kind::FqdnPattern;
        a.value = QStringLiteral("*.lab.example.com");
        a.profileId = addProfile(s, QStringLiteral("Lab"));
        const auto added = s.addAssignment(a).result();
        if (!added.ok())
            qWarning("%s", qPrintable(added.error.message));
        return QStringLiteral("1"); // its place in the order
                                             }};
}

void tst_StoreListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir->filePath("oobm.db")));
}

void tst_StoreListModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_StoreListModel::reloadsWhenTheStoreSaysSo()
{
    QFETCH(ModelRow, row);
    QVERIFY(!m_store->openAndWait());
    QVERIFY(!m_store->setDataKey(SecretBox::generateKey(), "test").result());
    std::unique_ptr<StoreListModelBase> model(row.create(m_store.get()));
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(model.get(), &StoreListModelBase::loaded);
    model->reload();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.last().first().toString(), QString());
    QCOMPARE(model->rowCount(), 0);

    // A change through the store (profilesChanged) is read again without being asked.
    const QString shown = row.add(*m_store);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), shown);
    QCOMPARE(model->error(), QString());
    QCOMPARE(model->rowCount(model->index(0, 0)), 0); // a table: no children
}

void tst_StoreListModel::dropsSupersededAnswers()
{
    QFETCH(ModelRow, row);
    QVERIFY(!m_store->openAndWait());
    QVERIFY(!m_store->setDataKey(SecretBox::generateKey(), "test").result());
    std::unique_ptr<StoreListModelBase> model(row.create(m_store.get()));
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(model.get(), &StoreListModelBase::loaded);
    QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
    model->reload();
    model->reload();
    // The store answers in order: once this returns, both answers are on their way here.
    QVERIFY(m_store->listProfiles().result().ok());
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(resets.size(), 1); // the first answer, superseded, changed nothing
}

void tst_StoreListModel::reportsWhyItIsEmpty()
{
    QFETCH(ModelRow, row);
    // Never opened: every list call fails.
    std::unique_ptr<StoreListModelBase> model(row.create(m_store.get()));
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(model.get(), &StoreListModelBase::loaded);
    model->reload();
    QVERIFY(loaded.wait(5000));
    const QString error = loaded.first().first().toString();
    QVERIFY(!error.isEmpty());
    QCOMPARE(model->error(), error);
    QCOMPARE(model->rowCount(), 0);
}

QTEST_MAIN(tst_StoreListModel)
#include "tst_storelistmodel.moc"
