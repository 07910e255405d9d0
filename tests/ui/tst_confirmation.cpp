// SPDX-License-Identifier: GPL-2.0-or-later
// The confirmation every destructive action asks (ui/widgets/confirmation.h): only the action
// button goes ahead; Cancel, Escape and Enter (the safe default) do not; the box does not wait in a
// nested event loop, deletes itself, and never calls back into a page that is gone.
#include "ui/widgets/confirmation.h"

#include <QPointer>
#include <QPushButton>
#include <QtTest>

#include <memory>

using namespace Oobm::Gui;

namespace {

Confirmation deleteSomething()
{
    Confirmation c;
    c.objectName = QStringLiteral("confirmDelete");
    c.title = QStringLiteral("Delete task");
    c.text = QStringLiteral("Delete the task Nightly?");
    c.action = QStringLiteral("Delete");
    return c;
}

} // namespace

class tst_Confirmation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyTheActionGoesAhead_data();
    void onlyTheActionGoesAhead();
    void gonePageIsNotCalled();
};

void tst_Confirmation::onlyTheActionGoesAhead_data()
{
    QTest::addColumn<QString>("answer"); // confirm, keep, escape, enter
    QTest::addColumn<int>("keep");       // QMessageBox::StandardButton
    QTest::addColumn<int>("calls");
    QTest::newRow("the action") << "confirm" << int(QMessageBox::Cancel) << 1;
    QTest::newRow("Cancel") << "keep" << int(QMessageBox::Cancel) << 0;
    QTest::newRow("No") << "keep" << int(QMessageBox::No) << 0;
    QTest::newRow("Escape") << "escape" << int(QMessageBox::Cancel) << 0;
    QTest::newRow("Enter takes the default") << "enter" << int(QMessageBox::No) << 0;
}

void tst_Confirmation::onlyTheActionGoesAhead()
{
    QFETCH(QString, answer);
    QFETCH(int, keep);
    QFETCH(int, calls);
    QWidget page;
    page.show();
    Confirmation c = deleteSomething();
    c.keep = QMessageBox::StandardButton(keep);
    int called = 0;
    askToConfirm(&page, c, [&called] { ++called; });

    // It returned at once: the box is open, nothing was decided yet.
    QCOMPARE(called, 0);
    QPointer<QMessageBox> box = page.findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QCOMPARE(box->text(), c.text);
    QPushButton *go = box->findChild<QPushButton *>(QStringLiteral("confirm"));
    QVERIFY(go);
    QCOMPARE(go->text(), c.action);
    QCOMPARE(box->defaultButton(), box->button(c.keep));

    if (answer == u"confirm")
        go->click();
    else if (answer == u"keep")
        box->button(c.keep)->click();
    else
        QTest::keyClick(box, answer == u"escape" ? Qt::Key_Escape : Qt::Key_Return);
    QTRY_VERIFY(!box);
    QCOMPARE(called, calls);
}

void tst_Confirmation::gonePageIsNotCalled()
{
    auto page = std::make_unique<QWidget>();
    page->show();
    int called = 0;
    askToConfirm(page.get(), deleteSomething(), [&called] { ++called; });
    QPointer<QMessageBox> box = page->findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
    QVERIFY(box);
    page.reset();
    QVERIFY(!box);
    QCOMPARE(called, 0);
}

QTEST_MAIN(tst_Confirmation)
#include "tst_confirmation.moc"
