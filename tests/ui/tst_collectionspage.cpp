// SPDX-License-Identifier: GPL-2.0-or-later
// Collections in the console, driven through the page's widgets: the list (built-in ones first in
// either order, member counts) under QAbstractItemModelTester, the collection dialog's inline
// validation of each rule condition and its live count, static members with the store naming
// unknown ones, import from a file, New / Edit / Copy / Delete (confirmed; built-in ones only
// copied), the selected collection's members in the embedded Intel AMT Systems table, and tags
// given on Intel AMT Systems.
#include "core/keys/secretbox.h"
#include "core/provisioning/hellopacket.h"
#include "core/store/sqlstore.h"
#include "ui/dialogs/collectiondialog.h"
#include "ui/dialogs/tagsdialog.h"
#include "ui/models/collectionsmodel.h"
#include "ui/models/systemsmodel.h"
#include "ui/pages/collections/collectionswidget.h"
#include "ui/pages/systems/systemswidget.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Gui;

namespace {

QString uuidOf(int i)
{
    return QStringLiteral("%1-0000-4000-8000-0000000000AA").arg(i, 8, 16, QLatin1Char('0')).toUpper();
}

// Six lab systems (10.1.0.x) and six office systems (10.2.0.x), recorded by a hello whose key the
// store does not know (Failed); the first four lab ones are then Provisioned, the first three
// office ones tagged "pilot".
void makeFleet(Store &store)
{
    for (int i = 0; i < 12; ++i) {
        const bool lab = i < 6;
        HelloIntake intake;
        intake.hello.version = HelloPacket::Version::Psk;
        intake.hello.uuid = QUuid(uuidOf(i));
        intake.hello.pid = "ZZZZZZZZ";
        intake.address = QHostAddress(QStringLiteral("10.%1.0.%2").arg(lab ? 1 : 2).arg(i + 1));
        intake.engineId = QStringLiteral("test");
        intake.reverseName =
                QStringLiteral("%1-%2.example.com").arg(lab ? "lab" : "office").arg(i, 2, 10, QLatin1Char('0'));
        QCOMPARE(store.recordHello(intake).result().error.message, QString());
    }
    QVERIFY(store.setSystemsState({uuidOf(0), uuidOf(1), uuidOf(2), uuidOf(3)}, SystemState::Provisioned, {}, {})
                    .result()
                    .ok());
    QVERIFY(store.tagSystems({uuidOf(6), uuidOf(7), uuidOf(8)}, {QStringLiteral("pilot")}, {}).result().ok());
}

QMessageBox *messageBox(QWidget *parent, const char *name)
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor([&] { return (box = parent->findChild<QMessageBox *>(QLatin1String(name))) != nullptr; },
                         5000))
        return nullptr;
    return box;
}

template<typename Dialog>
Dialog *openDialog(QWidget *parent)
{
    Dialog *d = nullptr;
    const bool found = QTest::qWaitFor([&] { return (d = parent->findChild<Dialog *>()) != nullptr && d->isVisible(); },
                                       5000);
    return found ? d : decltype(d){};
}

int rowOf(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, CollectionsModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

} // namespace

class tst_CollectionsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builtInOnesFirstWithTheirCounts();
    void builtInOnesStayFirstWhenSorted_data();
    void builtInOnesStayFirstWhenSorted();
    void ruleConditionsValidateInline_data();
    void ruleConditionsValidateInline();
    void ruleCountsLive_data();
    void ruleCountsLive();
    void newDynamicCollectionShowsItsMembers();
    void staticMembersNameTheUnknownOnes();
    void importMembersFromAFile();
    void builtInOnesCanOnlyBeCopied();
    void editAndDeleteWithConfirmation();
    void deleteRefusedWhileATaskTargetsIt();
    void tagsFromIntelAmtSystems();

private:
    PageContext context() { return {m_store.get(), nullptr, nullptr, nullptr}; }

    QTemporaryDir m_dir;
    std::unique_ptr<SqlStore> m_store;
};

void tst_CollectionsPage::initTestCase()
{
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir.filePath("oobm.db")));
    QCOMPARE(m_store->openAndWait().message, QString());
    QCOMPARE(m_store->setDataKey(SecretBox::generateKey(), "test").result().message, QString());
    makeFleet(*m_store);
}

void tst_CollectionsPage::builtInOnesFirstWithTheirCounts()
{
    CollectionsModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &CollectionsModel::loaded);
    model.reload();
    QVERIFY(loaded.wait(5000));
    const QList<Collection> builtIns = Collection::builtIns();
    QVERIFY(model.rowCount() >= builtIns.size());
    for (int row = 0; row < builtIns.size(); ++row) {
        QVERIFY(model.index(row, 0).data(CollectionsModel::BuiltInRole).toBool());
        QCOMPARE(model.index(row, CollectionsModel::KindColumn).data().toString(), QStringLiteral("Built in"));
    }
    QCOMPARE(model.index(rowOf(&model, "All Provisioned"), CollectionsModel::MembersColumn).data().toString(),
             QStringLiteral("4"));
    QCOMPARE(model.index(rowOf(&model, "All Failed"), CollectionsModel::MembersColumn).data().toString(),
             QStringLiteral("8"));
    QCOMPARE(model.index(rowOf(&model, "All Failed"), CollectionsModel::SelectsColumn).data().toString(),
             QStringLiteral("state Failed"));
    // A system changing state moves the counts, in place: no reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(m_store->setSystemsState({uuidOf(4)}, SystemState::Provisioned, {}, {}).result().ok());
    QTRY_COMPARE_WITH_TIMEOUT(
            model.index(rowOf(&model, "All Provisioned"), CollectionsModel::MembersColumn).data().toString(),
            QStringLiteral("5"), 10000);
    QCOMPARE(reset.size(), 0);
    QVERIFY(m_store->setSystemsState({uuidOf(4)}, SystemState::Failed, {}, {}).result().ok());
    QTRY_COMPARE_WITH_TIMEOUT(
            model.index(rowOf(&model, "All Provisioned"), CollectionsModel::MembersColumn).data().toString(),
            QStringLiteral("4"), 10000);
}

void tst_CollectionsPage::builtInOnesStayFirstWhenSorted_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("name ascending") << int(CollectionsModel::NameColumn) << Qt::AscendingOrder;
    QTest::newRow("name descending") << int(CollectionsModel::NameColumn) << Qt::DescendingOrder;
    QTest::newRow("members descending") << int(CollectionsModel::MembersColumn) << Qt::DescendingOrder;
    QTest::newRow("members ascending") << int(CollectionsModel::MembersColumn) << Qt::AscendingOrder;
}

void tst_CollectionsPage::builtInOnesStayFirstWhenSorted()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    Collection own;
    own.name = QStringLiteral("Aardvarks");
    own.rule.fqdnPattern = QStringLiteral("lab-*");
    const qint64 id = m_store->saveCollection(own).result().value;
    QVERIFY(id > 0);
    CollectionsWidget w(context());
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowOf(id) >= 0, 5000);
    w.view()->sortByColumn(column, order);
    const QAbstractItemModel *shown = w.view()->model();
    const int builtIns = int(Collection::builtIns().size());
    for (int row = 0; row < shown->rowCount(); ++row)
        QCOMPARE(shown->index(row, 0).data(CollectionsModel::BuiltInRole).toBool(), row < builtIns);
    if (column == CollectionsModel::MembersColumn) {
        // Within the built-in ones and the own ones, by members.
        qint64 previous = order == Qt::AscendingOrder ? -1 : LLONG_MAX;
        for (int row = 0; row < builtIns; ++row)
            QCOMPARE(shown->index(row, 0).data(CollectionsModel::IdRole).toLongLong(),
                     Collection::builtIns().at(row).id);
        for (int row = builtIns; row < shown->rowCount(); ++row) {
            const qint64 n = shown->index(row, column).data(CollectionsModel::SortRole).toLongLong();
            QVERIFY(order == Qt::AscendingOrder ? n >= previous : n <= previous);
            previous = n;
        }
    }
    QVERIFY(m_store->deleteCollection(id).result().ok());
}

void tst_CollectionsPage::ruleConditionsValidateInline_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no name") << "name"
                             << ""
                             << "Give the collection a name.";
    QTest::newRow("version") << "minVersion"
                             << "3.x"
                             << "'3.x' is not an AMT version such as 3.0 or 3.2.1.";
    QTest::newRow("version range") << "maxVersion"
                                   << "2.5"
                                   << "The AMT version range 3.0 to 2.5 is empty";
    QTest::newRow("ip range") << "ipRange"
                              << "10.1.0.0/33"
                              << "'10.1.0.0/33' is not an IPv4 range";
    QTest::newRow("fqdn") << "fqdnPattern"
                          << "lab *"
                          << "'lab *' is not an FQDN pattern";
    QTest::newRow("hello hours") << "helloNewerThan"
                                 << "4"
                                 << "No system has its last hello both more than 12 and less than 4 hours ago.";
    QTest::newRow("tag") << "tag"
                         << "a,b"
                         << "A tag has no commas: 'a,b'.";
    QTest::newRow("fine") << "fqdnPattern"
                          << "*.example.com"
                          << "";
}

void tst_CollectionsPage::ruleConditionsValidateInline()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    Collection c;
    c.name = QStringLiteral("Rule test");
    CollectionDialog d(m_store.get(), c);
    auto *label = d.findChild<QLabel *>("problem");
    auto *save = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QVERIFY(save->isEnabled());
    if (field == u"maxVersion")
        d.findChild<QLineEdit *>("minVersion")->setText(QStringLiteral("3.0"));
    if (field == u"helloNewerThan")
        d.findChild<QSpinBox *>("helloOlderThan")->setValue(12);
    if (auto *edit = d.findChild<QLineEdit *>(field)) {
        edit->clear();
        QTest::keyClicks(edit, value);
    } else if (auto *spin = d.findChild<QSpinBox *>(field)) {
        spin->setValue(value.toInt());
    } else if (auto *combo = d.findChild<QComboBox *>(field)) {
        combo->setEditText(value);
    } else {
        QFAIL(qPrintable(field));
    }
    // (A null text starts with no empty string.)
    QVERIFY2(problem.isEmpty() ? label->text().isEmpty() : label->text().startsWith(problem),
             qPrintable(label->text()));
    QCOMPARE(save->isEnabled(), problem.isEmpty());
}

void tst_CollectionsPage::ruleCountsLive_data()
{
    QTest::addColumn<QString>("fqdn");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<int>("matches");
    QTest::newRow("every system") << ""
                                  << ""
                                  << ""
                                  << "" << 12;
    QTest::newRow("fqdn") << "lab-*"
                          << ""
                          << ""
                          << "" << 6;
    QTest::newRow("ip range") << ""
                              << "10.2.0.0/24"
                              << ""
                              << "" << 6;
    QTest::newRow("ip span") << ""
                             << "10.1.0.2-10.1.0.3"
                             << ""
                             << "" << 2;
    QTest::newRow("state") << ""
                           << ""
                           << "provisioned"
                           << "" << 4;
    QTest::newRow("state and fqdn") << "*.example.com"
                                    << ""
                                    << "failed"
                                    << "" << 8;
    QTest::newRow("tag") << ""
                         << ""
                         << ""
                         << "pilot" << 3;
    QTest::newRow("tag and subnet") << ""
                                    << "10.1.0.0/16"
                                    << ""
                                    << "pilot" << 0;
}

void tst_CollectionsPage::ruleCountsLive()
{
    QFETCH(QString, fqdn);
    QFETCH(QString, ip);
    QFETCH(QString, state);
    QFETCH(QString, tag);
    QFETCH(int, matches);
    Collection c;
    c.name = QStringLiteral("Count test");
    CollectionDialog d(m_store.get(), c);
    QTest::keyClicks(d.findChild<QLineEdit *>("fqdnPattern"), fqdn);
    QTest::keyClicks(d.findChild<QLineEdit *>("ipRange"), ip);
    if (!state.isEmpty())
        d.findChild<QCheckBox *>(QStringLiteral("state-") + state)->setChecked(true);
    d.findChild<QComboBox *>("tag")->setEditText(tag);
    QTRY_COMPARE_WITH_TIMEOUT(d.findChild<QLabel *>("matchCount")->text(),
                              QStringLiteral("%1 systems match now.").arg(matches), 5000);
}

void tst_CollectionsPage::newDynamicCollectionShowsItsMembers()
{
    CollectionsWidget w(context());
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester members(w.members()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() >= Collection::builtIns().size(), 5000);
    QAction *add = w.findChild<QAction *>("newCollection");
    QVERIFY(add->isEnabled());
    add->trigger();
    auto *d = openDialog<CollectionDialog>(&w);
    QVERIFY(d);
    d->findChild<QLineEdit *>("name")->setText(QStringLiteral("Lab"));
    d->findChild<QLineEdit *>("description")->setText(QStringLiteral("The lab's systems"));
    QTest::keyClicks(d->findChild<QLineEdit *>("fqdnPattern"), QStringLiteral("lab-*"));
    QTRY_COMPARE_WITH_TIMEOUT(d->findChild<QLabel *>("matchCount")->text(), QStringLiteral("6 systems match now."),
                              5000);
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    // Listed, selected, and its members shown in the Intel AMT Systems table.
    QTRY_COMPARE_WITH_TIMEOUT(w.current().name, QStringLiteral("Lab"), 5000);
    QCOMPARE(w.current().kind, Collection::Kind::Dynamic);
    QTRY_COMPARE_WITH_TIMEOUT(w.members()->model()->rowCount(), 6, 5000);
    for (int row = 0; row < 6; ++row)
        QVERIFY(w.members()->model()->system(row).name.startsWith(QStringLiteral("lab-")));
    QVERIFY(w.findChild<QLabel *>("membersTitle")->text().contains(QStringLiteral("FQDN lab-*")));
    // The members' filters work within the collection.
    w.members()
            ->findChild<QComboBox *>("stateFilter")
            ->setCurrentIndex(
                    w.members()->findChild<QComboBox *>("stateFilter")->findData(int(SystemState::Provisioned)));
    QTRY_COMPARE_WITH_TIMEOUT(w.members()->model()->rowCount(), 4, 5000);
    // A built-in one next: its members.
    QVERIFY(w.select(Collection::builtIns().at(int(SystemState::Failed)).id));
    w.members()->findChild<QComboBox *>("stateFilter")->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(w.members()->model()->rowCount(), 8, 5000);
    const auto all = m_store->listCollections().result().value;
    for (const Collection &c : all) {
        if (c.name == u"Lab")
            QVERIFY(m_store->deleteCollection(c.id).result().ok());
    }
}

void tst_CollectionsPage::staticMembersNameTheUnknownOnes()
{
    CollectionsWidget w(context());
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() >= Collection::builtIns().size(), 5000);
    const int before = int(m_store->listCollections().result().value.size());
    w.newCollection();
    auto *d = openDialog<CollectionDialog>(&w);
    QVERIFY(d);
    d->findChild<QLineEdit *>("name")->setText(QStringLiteral("Pilot"));
    auto *kind = d->findChild<QComboBox *>("kind");
    kind->setCurrentIndex(kind->findData(int(Collection::Kind::Static)));
    auto *members = d->findChild<QPlainTextEdit *>("members");
    QVERIFY(members->isVisible());
    // By UUID (any case), by name, and one nobody knows.
    members->setPlainText(uuidOf(0).toLower() + QStringLiteral("\noffice-07.example.com\nnobody.example.com"));
    QCOMPARE(d->findChild<QLabel *>("matchCount")->text(), QStringLiteral("3 systems listed."));
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    auto *problem = d->findChild<QLabel *>("problem");
    QTRY_VERIFY_WITH_TIMEOUT(problem->text().contains(QStringLiteral("nobody.example.com")), 5000);
    QVERIFY2(problem->text().startsWith(QStringLiteral("No Intel AMT system has the UUID, FQDN or name")),
             qPrintable(problem->text()));
    QVERIFY(d->isVisible());
    QCOMPARE(m_store->listCollections().result().value.size(), before);
    // Without it: saved, with both members.
    members->setPlainText(uuidOf(0).toLower() + QStringLiteral("\noffice-07.example.com"));
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE_WITH_TIMEOUT(w.current().name, QStringLiteral("Pilot"), 5000);
    QCOMPARE(w.current().kind, Collection::Kind::Static);
    QTRY_COMPARE_WITH_TIMEOUT(w.members()->model()->rowCount(), 2, 5000);
    const Collection stored = m_store->collection(w.current().id, true).result().value;
    QCOMPARE(stored.members, QStringList({uuidOf(0), uuidOf(7)}));
    // Editing shows the members as stored; emptying the list empties the collection.
    w.editCurrent();
    d = openDialog<CollectionDialog>(&w);
    QVERIFY(d);
    members = d->findChild<QPlainTextEdit *>("members");
    QTRY_COMPARE_WITH_TIMEOUT(members->toPlainText(), uuidOf(0) + u'\n' + uuidOf(7), 5000);
    members->clear();
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE_WITH_TIMEOUT(w.members()->model()->rowCount(), 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(w.members()->findChild<QLabel *>("systemsEmpty")->isVisible(), 5000);
    QVERIFY(m_store->deleteCollection(stored.id).result().ok());
}

void tst_CollectionsPage::importMembersFromAFile()
{
    QFile file(m_dir.filePath("systems.csv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("UUID,Site\n# the lab\n" + uuidOf(1).toLatin1() + ",lab\n\"lab-02.example.com\",lab\n");
    file.close();
    Collection c;
    c.name = QStringLiteral("Imported");
    c.kind = Collection::Kind::Static;
    CollectionDialog d(m_store.get(), c);
    QString error;
    QVERIFY(!d.importMembers(m_dir.filePath("missing.csv"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("Cannot read")), qPrintable(error));
    QVERIFY2(d.importMembers(file.fileName(), &error), qPrintable(error));
    QCOMPARE(d.members(), QStringList({uuidOf(1), QStringLiteral("lab-02.example.com")}));
    QCOMPARE(d.findChild<QLabel *>("matchCount")->text(), QStringLiteral("2 systems listed."));
}

void tst_CollectionsPage::builtInOnesCanOnlyBeCopied()
{
    CollectionsWidget w(context());
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() >= Collection::builtIns().size(), 5000);
    const Collection failed = Collection::builtIns().at(int(SystemState::Failed));
    QVERIFY(w.select(failed.id));
    QVERIFY(!w.findChild<QAction *>("editCollection")->isEnabled());
    QVERIFY(!w.findChild<QAction *>("deleteCollection")->isEnabled());
    QVERIFY(w.findChild<QAction *>("copyCollection")->isEnabled());
    // The Delete key asks nothing for a built-in one.
    w.view()->setFocus();
    QTest::keyClick(w.view(), Qt::Key_Delete);
    QVERIFY(!w.findChild<QMessageBox *>("confirmDelete"));
    // Enter on a built-in one copies it.
    QTest::keyClick(w.view(), Qt::Key_Return);
    auto *d = openDialog<CollectionDialog>(&w);
    QVERIFY(d);
    QCOMPARE(d->findChild<QLineEdit *>("name")->text(), QStringLiteral("Copy of All Failed"));
    QVERIFY(d->findChild<QCheckBox *>("state-failed")->isChecked());
    QVERIFY(!d->findChild<QCheckBox *>("state-provisioned")->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(d->findChild<QLabel *>("matchCount")->text(), QStringLiteral("8 systems match now."),
                              5000);
    d->findChild<QSpinBox *>("helloNewerThan")->setValue(1);
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE_WITH_TIMEOUT(w.current().name, QStringLiteral("Copy of All Failed"), 5000);
    QVERIFY(w.current().id > 0);
    QCOMPARE(w.current().rule.helloNewerThanHours, 1);
    QVERIFY(w.findChild<QAction *>("editCollection")->isEnabled());
    QVERIFY(m_store->deleteCollection(w.current().id).result().ok());
}

void tst_CollectionsPage::editAndDeleteWithConfirmation()
{
    Collection c;
    c.name = QStringLiteral("Offices");
    c.rule.ipRange = QStringLiteral("10.2.0.0/24");
    const qint64 id = m_store->saveCollection(c).result().value;
    QVERIFY(id > 0);
    CollectionsWidget w(context());
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.select(id), 5000);
    // Enter edits.
    w.view()->setFocus();
    QTest::keyClick(w.view(), Qt::Key_Return);
    auto *d = openDialog<CollectionDialog>(&w);
    QVERIFY(d);
    QCOMPARE(d->findChild<QLineEdit *>("ipRange")->text(), QStringLiteral("10.2.0.0/24"));
    d->findChild<QCheckBox *>("state-failed")->setChecked(true);
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE_WITH_TIMEOUT(w.current().rule.states, QList<SystemState>{SystemState::Failed}, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.current().memberCount, qint64(6), 5000);
    // Delete asks first; Cancel keeps it.
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.view()->setFocus();
    QTest::keyClick(w.view(), Qt::Key_Delete);
    QMessageBox *box = messageBox(&w, "confirmDelete");
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("Offices")));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!w.findChild<QMessageBox *>("confirmDelete"));
    QCOMPARE(m_store->collection(id, false).result().value.name, QStringLiteral("Offices"));
    w.deleteCurrent();
    box = messageBox(&w, "confirmDelete");
    QVERIFY(box);
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowOf(id), -1, 5000);
    QVERIFY(!m_store->collection(id, false).result().ok());
    QCOMPARE(w.findChild<QLabel *>("collectionsStatus")->text(), QStringLiteral("Deleted the collection Offices."));
}

void tst_CollectionsPage::deleteRefusedWhileATaskTargetsIt()
{
    Collection c;
    c.name = QStringLiteral("Night shift");
    c.rule.fqdnPattern = QStringLiteral("office-*");
    const qint64 id = m_store->saveCollection(c).result().value;
    Task t;
    t.name = QStringLiteral("Nightly off");
    t.operation = Operation::PowerOff;
    t.target.collectionId = id;
    t.schedule.kind = Schedule::Kind::Daily;
    t.schedule.timeOfDay = QTime(2, 0);
    const auto saved = m_store->saveTask(t, {}).result();
    QCOMPARE(saved.error.message, QString());
    CollectionsWidget w(context());
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.select(id), 5000);
    w.deleteCurrent();
    QMessageBox *box = messageBox(&w, "confirmDelete");
    QVERIFY(box);
    box->findChild<QPushButton *>("confirm")->click();
    QTRY_COMPARE_WITH_TIMEOUT(w.findChild<QLabel *>("collectionsStatus")->text(),
                              QStringLiteral("The collection is the target of the tasks Nightly off; give them "
                                             "another target first."),
                              5000);
    QVERIFY(w.model()->rowOf(id) >= 0);
    QVERIFY(m_store->deleteTask(saved.value.taskId).result().ok());
    QVERIFY(m_store->deleteCollection(id).result().ok());
}

void tst_CollectionsPage::tagsFromIntelAmtSystems()
{
    SystemsWidget w(context());
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 12, 5000);
    auto *tags = w.findChild<QComboBox *>("tagFilter");
    QTRY_VERIFY_WITH_TIMEOUT(tags->findData(QStringLiteral("pilot")) > 0, 5000);
    w.findChild<QLineEdit *>("systemSearch")->setText(QStringLiteral("lab-0"));
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 6, 5000);
    w.view()->selectAll();
    QAction *tagAction = w.findChild<QAction *>("tags");
    QVERIFY(tagAction->isEnabled());
    tagAction->trigger();
    auto *d = openDialog<TagsDialog>(&w);
    QVERIFY(d);
    QCOMPARE(d->windowTitle(), QStringLiteral("Tags of 6 systems"));
    auto *apply = d->findChild<QPushButton *>("apply");
    QVERIFY(!apply->isEnabled());
    QTest::keyClicks(d->findChild<QLineEdit *>("addTags"), QStringLiteral("lab, floor 2"));
    QVERIFY(apply->isEnabled());
    const QPointer<TagsDialog> dialog(d); // deleted on close
    apply->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 5000);
    QCOMPARE(w.findChild<QLabel *>("actionStatus")->text(), QStringLiteral("Tagged 6 systems lab, floor 2."));
    // The tag filter lists them and selects by them.
    QTRY_VERIFY_WITH_TIMEOUT(tags->findData(QStringLiteral("floor 2")) > 0, 5000);
    w.findChild<QLineEdit *>("systemSearch")->clear();
    tags->setCurrentIndex(tags->findData(QStringLiteral("lab")));
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 6, 5000);
    // A dynamic collection by tag sees them.
    Collection byTag;
    byTag.name = QStringLiteral("Tagged lab");
    byTag.rule.tag = QStringLiteral("lab");
    QCOMPARE(m_store->countCollectionMembers(byTag).result().value, qint64(6));
    // Taking a tag off: the dialog lists the known ones to check.
    tags->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 12, 5000);
    w.view()->selectAll();
    w.tagSelected();
    d = openDialog<TagsDialog>(&w);
    QVERIFY(d);
    auto *remove = d->findChild<QListWidget *>("removeTags");
    QTRY_VERIFY_WITH_TIMEOUT(remove->count() >= 3, 5000);
    for (int i = 0; i < remove->count(); ++i) {
        if (remove->item(i)->data(Qt::UserRole).toString() == u"floor 2")
            remove->item(i)->setCheckState(Qt::Checked);
    }
    const QPointer<TagsDialog> second(d);
    d->findChild<QPushButton *>("apply")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!second || !second->isVisible(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(tags->findData(QStringLiteral("floor 2")), -1, 5000);
    QStringList left;
    for (const TagCount &t : m_store->listTags().result().value)
        left << t.tag;
    QCOMPARE(left, QStringList({QStringLiteral("lab"), QStringLiteral("pilot")}));
}

QTEST_MAIN(tst_CollectionsPage)
#include "tst_collectionspage.moc"
