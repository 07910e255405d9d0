// SPDX-License-Identifier: GPL-2.0-or-later
// The status line under a page's table (ui/widgets/statuslabel.h): hidden while empty, so the
// table has the room; red only for a failure, and back to the page's colour after it.
#include "ui/widgets/statuslabel.h"

#include <QtTest>

using namespace Oobm::Gui;

class tst_StatusLabel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatItSays_data();
    void showsWhatItSays();
};

void tst_StatusLabel::showsWhatItSays_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("error");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<bool>("red");
    QTest::newRow("nothing to say") << "" << false << false << false;
    QTest::newRow("an outcome") << "Deleted the collection Lab." << false << true << false;
    QTest::newRow("a failure") << "There is no collection 7 (any more): choose another." << true << true << true;
    QTest::newRow("an empty failure says nothing") << "" << true << false << true;
}

void tst_StatusLabel::showsWhatItSays()
{
    QFETCH(QString, text);
    QFETCH(bool, error);
    QFETCH(bool, visible);
    QFETCH(bool, red);
    QWidget page;
    auto *label = new StatusLabel(QStringLiteral("pageStatus"), &page);
    page.show();
    QVERIFY(!label->isVisible()); // until it has something to say
    QCOMPARE(page.findChild<StatusLabel *>(QStringLiteral("pageStatus")), label);

    label->setStatus(QStringLiteral("Run 3 started."), true);
    label->setStatus(text, error);
    QCOMPARE(label->text(), text);
    QCOMPARE(label->isVisible(), visible);
    const QColor colour = label->palette().color(QPalette::WindowText);
    QCOMPARE(colour == QColor(0xb0, 0x00, 0x20), red);
    if (!red)
        QCOMPARE(colour, page.palette().color(QPalette::WindowText));
}

QTEST_MAIN(tst_StatusLabel)
#include "tst_statuslabel.moc"
