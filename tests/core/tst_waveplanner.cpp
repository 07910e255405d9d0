// SPDX-License-Identifier: GPL-2.0-or-later
// How a run goes through its waves: wait, next wave after the pause, stop by the stop rule, done.
#include "core/fleet/waveplanner.h"

#include <QtTest>

using namespace Oobm::Core;
using Step = WavePlanner::Step;

class tst_WavePlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void afterWave_data();
    void afterWave();
    void waves_data();
    void waves();
    void freeSlots();
};

void tst_WavePlanner::afterWave_data()
{
    QTest::addColumn<int>("stopPercent");
    QTest::addColumn<int>("currentWave");
    QTest::addColumn<int>("succeeded");
    QTest::addColumn<int>("failed");
    QTest::addColumn<int>("open");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    const int wait = int(Step::Kind::Wait), next = int(Step::Kind::NextWave), stop = int(Step::Kind::Stop),
              complete = int(Step::Kind::Complete);
    QTest::addRow("open systems: wait") << 50 << 0 << 10 << 0 << 1 << wait << "";
    QTest::addRow("wave done: next") << 50 << 0 << 10 << 0 << 0 << next << "";
    QTest::addRow("half failed, 50 %% rule: next") << 50 << 0 << 5 << 5 << 0 << next << "";
    QTest::addRow("more than half failed: stop")
            << 50 << 1 << 4 << 6 << 0 << stop
            << "Stopped after wave 2: 6 of its 10 systems failed, more than the 50 % the stop rule allows.";
    QTest::addRow("no stop rule: next") << 0 << 0 << 0 << 10 << 0 << next << "";
    QTest::addRow("last wave: complete") << 50 << 3 << 10 << 0 << 0 << complete << "";
    QTest::addRow("last wave failing: stop")
            << 10 << 3 << 8 << 2 << 0 << stop
            << "Stopped after wave 4: 2 of its 10 systems failed, more than the 10 % the stop rule allows.";
}

void tst_WavePlanner::afterWave()
{
    QFETCH(int, stopPercent);
    QFETCH(int, currentWave);
    QFETCH(int, succeeded);
    QFETCH(int, failed);
    QFETCH(int, open);
    QFETCH(int, kind);
    QFETCH(QString, reason);
    TaskRun run;
    run.wave.stopPercent = stopPercent;
    run.wave.pauseSeconds = 30;
    run.wavesTotal = 4;
    run.currentWave = currentWave;
    WavePlanner::WaveTally tally;
    tally.succeeded = succeeded;
    tally.failed = failed;
    tally.open = open;
    tally.total = succeeded + failed + open;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    const Step step = WavePlanner::afterWave(run, tally, now);
    QCOMPARE(int(step.kind), kind);
    QCOMPARE(step.reason, reason);
    if (step.kind == Step::Kind::NextWave)
        QCOMPARE(step.nextWaveStart, now.addSecs(30));
}

void tst_WavePlanner::waves_data()
{
    QTest::addColumn<int>("systems");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("lastWave");
    QTest::addRow("exact") << 1000 << 500 << 2 << 1;
    QTest::addRow("remainder") << 1001 << 500 << 3 << 2;
    QTest::addRow("one wave") << 10 << 500 << 1 << 0;
    QTest::addRow("none") << 0 << 500 << 0 << -1;
}

void tst_WavePlanner::waves()
{
    QFETCH(int, systems);
    QFETCH(int, batch);
    QFETCH(int, count);
    QFETCH(int, lastWave);
    WavePolicy p;
    p.batchSize = batch;
    QCOMPARE(WavePlanner::waveCount(systems, p), count);
    if (systems > 0)
        QCOMPARE(WavePlanner::waveOf(systems - 1, p), lastWave);
}

void tst_WavePlanner::freeSlots()
{
    WavePolicy p;
    p.concurrency = 50;
    QCOMPARE(WavePlanner::freeSlots(p, 0, 256), 50);
    QCOMPARE(WavePlanner::freeSlots(p, 45, 256), 5);
    QCOMPARE(WavePlanner::freeSlots(p, 60, 256), 0); // a lowered concurrency never goes negative
    QCOMPARE(WavePlanner::freeSlots(p, 0, 8), 8);
}

QTEST_GUILESS_MAIN(tst_WavePlanner)
#include "tst_waveplanner.moc"
