// SPDX-License-Identifier: GPL-2.0-or-later
// The store's side of task runs, without devices: how engines claim a run's systems (in UUID
// order, within the run's concurrency, an expired lease taken over with the next attempt) and how
// their outcomes are written (only under a claim that still holds; alike outcomes together, each
// system's own status and message kept).
#include "common/testsupport.h"

#include "core/keys/secretbox.h"
#include "core/store/sqlstore.h"

#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;

namespace {

const AuditActor Tester{QStringLiteral("tester"), QStringLiteral("tst_taskledger")};

QString uuidOf(int i)
{
    return QStringLiteral("00000000-0000-0000-0000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

QStringList uuidsOf(const QList<RunWork> &works)
{
    QStringList out;
    for (const RunWork &w : works)
        out << w.system.uuid;
    return out;
}

RunOutcome outcomeFor(const RunWork &work, RunSystemState state, const QString &message)
{
    RunOutcome o;
    o.runId = work.runId;
    o.uuid = work.system.uuid;
    o.operation = work.operation;
    o.state = state;
    o.status = state == RunSystemState::Succeeded ? QStringLiteral("0") : QStringLiteral("timeout");
    o.message = message;
    o.attempt = work.attempt;
    o.durationMs = 7;
    return o;
}

// n provisioned systems with (sealed-looking) credentials, inserted out of UUID order: claims go by
// UUID, not by row. Returns their UUIDs in order.
QStringList seedSystems(BackendFixture &fixture, int n, qint64 firstSeenMs)
{
    QStringList uuids;
    for (int i = n - 1; i >= 0; --i) {
        uuids.prepend(uuidOf(i));
        if (!fixture.exec(QStringLiteral("INSERT INTO amt_systems (uuid, state, first_seen_ms, address, admin_user, "
                                         "admin_password) VALUES ('%1', %2, %3, '127.0.0.1', 'admin', 'sealed')")
                                  .arg(uuidOf(i))
                                  .arg(int(SystemState::Provisioned))
                                  .arg(firstSeenMs)))
            return {};
    }
    return uuids;
}

// Power off the systems, in waves of batchSize, concurrency at once.
RunRequest powerOff(const QStringList &uuids, int batchSize, int concurrency)
{
    RunRequest request;
    request.name = QStringLiteral("Power off");
    request.operation = Operation::PowerOff;
    request.target.uuids = uuids;
    request.wave.batchSize = batchSize;
    request.wave.concurrency = concurrency;
    request.actor = Tester;
    return request;
}

QList<RunOutcome> succeeded(const QList<RunWork> &works)
{
    QList<RunOutcome> out;
    for (const RunWork &w : works)
        out << outcomeFor(w, RunSystemState::Succeeded, QStringLiteral("Switched off."));
    return out;
}

} // namespace

class tst_TaskLedger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void claimsAndOutcomes_data() { Oobm::Test::addBackendRows(); }
    void claimsAndOutcomes();
    void wavesAndTakeoverInOneClaim_data() { Oobm::Test::addBackendRows(); }
    void wavesAndTakeoverInOneClaim();
};

// Ten provisioned systems, one run of ten at most four at once: engine A claims four, B what the
// concurrency leaves, and once A's lease has run out B takes A's four over (attempt 2); A's late
// outcomes are not written, B's are, each with its own message, and the run completes.
void tst_TaskLedger::claimsAndOutcomes()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    const StoreError opened = store.openAndWait();
    QVERIFY2(!opened, qPrintable(opened.message));
    QVERIFY(!store.setDataKey(SecretBox::generateKey(), QStringLiteral("test")).result());
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    const QStringList uuids = seedSystems(fixture, 10, t0);
    QCOMPARE(uuids.size(), 10);
    const auto made = store.requestRun(powerOff(uuids, 10, 4)).result();
    QVERIFY2(made.ok(), qPrintable(made.error.message));
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(t0 + 1000, Qt::UTC);
    const qint64 leaseMs = 10000;

    const auto a = store.claimRunWork(QStringLiteral("A"), 8, leaseMs, now).result();
    QVERIFY2(a.ok(), qPrintable(a.error.message));
    QCOMPARE(uuidsOf(a.value), uuids.mid(0, 4)); // the run's concurrency, in UUID order
    for (const RunWork &w : a.value) {
        QCOMPARE(w.attempt, 1);
        QCOMPARE(w.system.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(w.system.adminUser, QStringLiteral("admin"));
    }
    const auto full = store.claimRunWork(QStringLiteral("B"), 8, leaseMs, now.addMSecs(1)).result();
    QVERIFY(full.ok());
    QVERIFY(full.value.isEmpty()); // four at once, all A's

    // A's lease runs out: B takes its four over, with the next attempt.
    const QDateTime later = now.addMSecs(leaseMs + 1);
    const auto b = store.claimRunWork(QStringLiteral("B"), 8, leaseMs, later).result();
    QVERIFY(b.ok());
    QCOMPARE(uuidsOf(b.value), uuids.mid(0, 4));
    for (const RunWork &w : b.value)
        QCOMPARE(w.attempt, 2);

    // A's late outcomes do not count: B holds those systems now.
    QList<RunOutcome> late;
    for (const RunWork &w : a.value)
        late << outcomeFor(w, RunSystemState::Succeeded, QStringLiteral("late"));
    QVERIFY(!store.finishRunWork(late, QStringLiteral("A"), later).result());
    QCOMPARE(store.taskRun(made.value).result().value.succeeded, 0);

    // B's: two alike, two with messages of their own.
    QList<RunOutcome> outcomes;
    outcomes << outcomeFor(b.value.at(0), RunSystemState::Succeeded, QStringLiteral("Switched off."))
             << outcomeFor(b.value.at(1), RunSystemState::Succeeded, QStringLiteral("Switched off."))
             << outcomeFor(b.value.at(2), RunSystemState::Failed, QStringLiteral("No answer from 10.0.0.3."))
             << outcomeFor(b.value.at(3), RunSystemState::Failed, QStringLiteral("No answer from 10.0.0.4."));
    QVERIFY(!store.finishRunWork(outcomes, QStringLiteral("B"), later).result());
    TaskRun run = store.taskRun(made.value).result().value;
    QCOMPARE(run.succeeded, 2);
    QCOMPARE(run.failed, 2);
    const auto systems = store.runSystems(made.value, {}, 100, {}).result();
    QVERIFY(systems.ok());
    QHash<QString, RunSystem> byUuid;
    for (const RunSystem &s : systems.value)
        byUuid.insert(s.uuid, s);
    for (const RunOutcome &o : std::as_const(outcomes)) {
        const RunSystem s = byUuid.value(o.uuid);
        QCOMPARE(s.state, o.state);
        QCOMPARE(s.message, o.message);
        QCOMPARE(s.attempt, 2);
        QCOMPARE(s.engine, QStringLiteral("B"));
    }
    SystemFilter firstFour;
    firstFour.uuids = uuids.mid(0, 4);
    const auto changed = store.listSystems(firstFour).result();
    QCOMPARE(changed.value.size(), 4);
    for (const AmtSystem &s : changed.value)
        QCOMPARE(s.lastAction, operationKey(Operation::PowerOff));
    ActionFilter actions;
    actions.limit = 100;
    const auto steps = store.listActions(actions).result();
    QVERIFY(steps.ok());
    QCOMPARE(steps.value.size(), 4); // B's four; A's late ones were not written

    // The rest, then the run completes.
    const auto rest = store.claimRunWork(QStringLiteral("B"), 8, leaseMs, later).result();
    QCOMPARE(uuidsOf(rest.value), uuids.mid(4, 4));
    QList<RunOutcome> more;
    for (const RunWork &w : rest.value)
        more << outcomeFor(w, RunSystemState::Succeeded, QStringLiteral("Switched off."));
    QVERIFY(!store.finishRunWork(more, QStringLiteral("B"), later).result());
    const auto last = store.claimRunWork(QStringLiteral("B"), 8, leaseMs, later).result();
    QCOMPARE(uuidsOf(last.value), uuids.mid(8, 2));
    more.clear();
    for (const RunWork &w : last.value)
        more << outcomeFor(w, RunSystemState::Succeeded, QStringLiteral("Switched off."));
    QVERIFY(!store.finishRunWork(more, QStringLiteral("B"), later).result());
    const auto advanced = store.advanceRuns(later).result();
    QVERIFY(advanced.ok());
    QCOMPARE(advanced.value, QList<qint64>{made.value});
    run = store.taskRun(made.value).result().value;
    QCOMPARE(run.state, RunState::Completed);
    QCOMPARE(run.succeeded, 8);
    QCOMPARE(run.failed, 2);
}

// Two waves of five, four at once. A claims two and its lease runs out; B's one claim takes A's two
// over first, then two pending ones: four, the run's concurrency. The fifth of the wave waits for
// a free slot, and the second wave for the first to end.
void tst_TaskLedger::wavesAndTakeoverInOneClaim()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    const StoreError opened = store.openAndWait();
    QVERIFY2(!opened, qPrintable(opened.message));
    QVERIFY(!store.setDataKey(SecretBox::generateKey(), QStringLiteral("test")).result());
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    const QStringList uuids = seedSystems(fixture, 10, t0);
    QCOMPARE(uuids.size(), 10);
    const auto made = store.requestRun(powerOff(uuids, 5, 4)).result();
    QVERIFY2(made.ok(), qPrintable(made.error.message));
    QCOMPARE(store.taskRun(made.value).result().value.wavesTotal, 2);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(t0 + 1000, Qt::UTC);
    const qint64 leaseMs = 10000;

    const auto a = store.claimRunWork(QStringLiteral("A"), 2, leaseMs, now).result();
    QCOMPARE(uuidsOf(a.value), uuids.mid(0, 2));
    const QDateTime later = now.addMSecs(leaseMs + 1);
    const auto b = store.claimRunWork(QStringLiteral("B"), 8, leaseMs, later).result();
    QVERIFY2(b.ok(), qPrintable(b.error.message));
    QCOMPARE(uuidsOf(b.value), uuids.mid(0, 4)); // A's two (attempt 2), then two pending
    QCOMPARE(b.value.at(0).attempt, 2);
    QCOMPARE(b.value.at(1).attempt, 2);
    QCOMPARE(b.value.at(2).attempt, 1);
    QVERIFY(store.claimRunWork(QStringLiteral("C"), 8, leaseMs, later).result().value.isEmpty()); // four at once

    // One outcome reported twice in a batch (a write tried again): written and counted once.
    QList<RunOutcome> first = succeeded(b.value.mid(0, 1));
    first << first.first();
    QVERIFY(!store.finishRunWork(first, QStringLiteral("B"), later).result());
    ActionFilter actions;
    QCOMPARE(store.listActions(actions).result().value.size(), 1);
    QCOMPARE(store.taskRun(made.value).result().value.succeeded, 1);

    // A free slot takes the wave's fifth, never the next wave's.
    const auto fifth = store.claimRunWork(QStringLiteral("B"), 8, leaseMs, later).result();
    QCOMPARE(uuidsOf(fifth.value), uuids.mid(4, 1));
    QVERIFY(!store.finishRunWork(succeeded(b.value.mid(1)) + succeeded(fifth.value), QStringLiteral("B"), later)
                     .result());
    QVERIFY(store.claimRunWork(QStringLiteral("B"), 8, leaseMs, later).result().value.isEmpty());
    QCOMPARE(store.advanceRuns(later).result().value, QList<qint64>{made.value}); // to the second wave
    const auto second = store.claimRunWork(QStringLiteral("B"), 8, leaseMs, later).result();
    QCOMPARE(uuidsOf(second.value), uuids.mid(5, 4));
    for (const RunWork &w : second.value)
        QCOMPARE(w.attempt, 1);
    QCOMPARE(store.taskRun(made.value).result().value.succeeded, 5);
}

QTEST_GUILESS_MAIN(tst_TaskLedger)
#include "tst_taskledger.moc"
