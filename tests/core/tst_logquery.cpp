// SPDX-License-Identifier: GPL-2.0-or-later
// The log's filters, run in SQL (full-text index included) on SQLite and on PostgreSQL, checked
// against the expected rows and against LogFilter::matches, the same predicate in memory.
#include "common/testsupport.h"

#include "core/logbook/logexporter.h"
#include "core/store/sqlstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;

namespace {

const QString UuidA = QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B");
const QString UuidB = QStringLiteral("0E3A1C5D-2F4B-4C6D-8E9F-A1B2C3D4E5F6");
const QDateTime T0 = QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);

// Written in this order: ids 1 to 7.
QList<LogEntry> fixtureEntries()
{
    const auto make = [](int hour, Severity s, const char *source, const QString &uuid, const char *message,
                         const char *details) {
        LogEntry e = LogEntry::make(s, QLatin1String(source), QString::fromUtf8(message), QString::fromUtf8(details),
                                    uuid);
        e.time = T0.addSecs(hour * 3600);
        return e;
    };
    return {
            make(0, Severity::Error, "engine", UuidA, "Provisioning failed for host alpha", "PT_STATUS_AUTH_FAILURE"),
            make(1, Severity::Warning, "engine", UuidB, "Hello window expired", ""),
            make(2, Severity::Information, "console", {}, "Set log level to Debug.", ""),
            make(3, Severity::Debug, "trace", UuidA, "SOAP GetCoreVersion to 10.0.0.5", "status 200 in 12 ms"),
            make(4, Severity::Information, "engine", UuidB, "Provisioned beta.example.test", "TLS on; 100% done_ok"),
            make(5, Severity::Error, "oobmctl", {}, "Key file unreadable", "permission denied"),
            make(6, Severity::Information, "engine", UuidA, "Incoming connection from 127.0.0.1", "Größe ÜBER alles"),
    };
}

QList<qint64> ids(const QList<LogEntry> &entries)
{
    QList<qint64> r;
    for (const LogEntry &e : entries)
        r << e.id;
    return r;
}

} // namespace

class tst_LogQuery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data();
    void filters();
    void paging_data() { Oobm::Test::addBackendRows(); }
    void paging();
    void exportEqualsFilteredView_data();
    void exportEqualsFilteredView();
    void auditFilters_data();
    void auditFilters();
    void fullTextIndexPresent_data() { Oobm::Test::addBackendRows(); }
    void fullTextIndexPresent();
    void fullTextIndexMadeWhenMissing_data() { Oobm::Test::addBackendRows(); }
    void fullTextIndexMadeWhenMissing();
    void openedWhereNoIndexMayBeMade();
    void actionFilters_data();
    void actionFilters();
    void actionPaging_data() { Oobm::Test::addBackendRows(); }
    void actionPaging();

private:
    std::unique_ptr<SqlStore> openFixture(BackendFixture &fixture);
};

std::unique_ptr<SqlStore> tst_LogQuery::openFixture(BackendFixture &fixture)
{
    auto store = std::make_unique<SqlStore>(fixture.location());
    if (store->openAndWait())
        return nullptr;
    if (store->appendLog(fixtureEntries()).result())
        return nullptr;
    // An Intel AMT system with an FQDN, for the device filter by name.
    if (!fixture.exec(QStringLiteral("INSERT INTO amt_systems (uuid, fqdn, state, first_seen_ms) "
                                     "VALUES ('%1', 'Beta.Example.Test', 1, 0)")
                              .arg(UuidB)))
        return nullptr;
    return store;
}

void tst_LogQuery::filters_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QList<int>>("severities");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("sinceHour"); // -1: none
    QTest::addColumn<int>("untilHour");
    QTest::addColumn<QList<qint64>>("expected"); // newest first

    struct Row
    {
        const char *name;
        QList<int> severities;
        QString source, device, text;
        int since, until;
        QList<qint64> expected;
    };
    const int error = int(Severity::Error), warning = int(Severity::Warning), information = int(Severity::Information);
    const QList<Row> rows{
            {"no filter", {}, {}, {}, {}, -1, -1, {7, 6, 5, 4, 3, 2, 1}},
            {"errors", {error}, {}, {}, {}, -1, -1, {6, 1}},
            {"errors and warnings", {error, warning}, {}, {}, {}, -1, -1, {6, 2, 1}},
            {"source", {}, QStringLiteral("engine"), {}, {}, -1, -1, {7, 5, 2, 1}},
            {"device by UUID, lower case", {}, {}, UuidA.toLower(), {}, -1, -1, {7, 4, 1}},
            {"device by FQDN, any case", {}, {}, QStringLiteral("beta.EXAMPLE.test"), {}, -1, -1, {5, 2}},
            {"text, any case", {}, {}, {}, QStringLiteral("PROVISION"), -1, -1, {5, 1}},
            {"text in details with _", {}, {}, {}, QStringLiteral("auth_fail"), -1, -1, {1}},
            {"text with %", {}, {}, {}, QStringLiteral("100%"), -1, -1, {5}},
            {"text of two characters", {}, {}, {}, QStringLiteral("ok"), -1, -1, {5}},
            {"text with a quote", {}, {}, {}, QStringLiteral("\"alpha"), -1, -1, {}},
            {"text with FTS syntax", {}, {}, {}, QStringLiteral("alpha OR beta"), -1, -1, {}},
            {"text, dotted", {}, {}, {}, QStringLiteral("GetCoreVersion to 10.0"), -1, -1, {4}},
            {"text, no match", {}, {}, {}, QStringLiteral("nothing like it"), -1, -1, {}},
            {"time range", {}, {}, {}, {}, 2, 5, {6, 5, 4, 3}},
            {"since", {}, {}, {}, {}, 5, -1, {7, 6}},
            {"combined", {information}, QStringLiteral("engine"), {}, QStringLiteral("provision"), -1, -1, {5}},
            {"combined with device", {error, information}, {}, UuidA, QStringLiteral("incoming"), 1, -1, {7}},
    };
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (const Row &r : rows)
            QTest::addRow("%s/%s", backend, r.name) << QString::fromLatin1(backend) << r.severities << r.source
                                                    << r.device << r.text << r.since << r.until << r.expected;
    }
}

void tst_LogQuery::filters()
{
    QFETCH(QString, backend);
    QFETCH(QList<int>, severities);
    QFETCH(QString, source);
    QFETCH(QString, device);
    QFETCH(QString, text);
    QFETCH(int, sinceHour);
    QFETCH(int, untilHour);
    QFETCH(QList<qint64>, expected);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    auto store = openFixture(fixture);
    QVERIFY(store);

    LogFilter f;
    for (int s : severities)
        f.severities << Severity(s);
    f.source = source;
    f.deviceUuid = device;
    f.text = text;
    if (sinceHour >= 0)
        f.since = T0.addSecs(sinceHour * 3600);
    if (untilHour >= 0)
        f.until = T0.addSecs(untilHour * 3600);
    LogQuery q;
    q.filter = f;
    const StoreResult<QList<LogEntry>> r = store->queryLog(q).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(ids(r.value), expected);

    // The same predicate in memory (it cannot resolve an FQDN).
    if (device.isEmpty() || f.deviceIsUuid()) {
        const QList<LogEntry> all = store->queryLog({}).result().value;
        QList<qint64> inMemory;
        for (const LogEntry &e : all) {
            if (f.matches(e))
                inMemory << e.id;
        }
        QCOMPARE(inMemory, expected);
    }

    // The counts per severity agree with the rows.
    const StoreResult<CategoryCounts> counts = store->countLog(f).result();
    QVERIFY2(counts.ok(), qPrintable(counts.error.message));
    qint64 counted = 0;
    for (Severity s : f.severities.isEmpty() ? allSeverities() : f.severities)
        counted += counts.value.of(int(s));
    QCOMPARE(counted, qint64(expected.size()));
}

void tst_LogQuery::paging()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    auto store = openFixture(fixture);
    QVERIFY(store);
    for (const QString &text : {QString(), QStringLiteral("engine"), QStringLiteral("o")}) {
        LogQuery q;
        q.filter.text = text == u"engine" ? QString() : text;
        q.filter.source = text == u"engine" ? text : QString();
        const QList<qint64> all = ids(store->queryLog(q).result().value);
        QList<qint64> paged;
        q.limit = 2;
        for (;;) {
            const QList<LogEntry> page = store->queryLog(q).result().value;
            paged += ids(page);
            if (page.size() < q.limit)
                break;
            q.beforeId = page.constLast().id;
        }
        QCOMPARE(paged, all);
        // Live updates: only the newer ones.
        LogQuery newer;
        newer.filter = q.filter;
        newer.afterId = all.value(2);
        QCOMPARE(ids(store->queryLog(newer).result().value), all.mid(0, 2));
        // The oldest end.
        LogQuery oldest;
        oldest.filter = q.filter;
        oldest.oldestFirst = true;
        oldest.limit = 2;
        QList<qint64> expectedOldest{all.value(all.size() - 1), all.value(all.size() - 2)};
        QCOMPARE(ids(store->queryLog(oldest).result().value), expectedOldest);
    }
}

void tst_LogQuery::exportEqualsFilteredView_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("json");
    for (const char *backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s/csv", backend) << QString::fromLatin1(backend) << false;
        QTest::addRow("%s/json", backend) << QString::fromLatin1(backend) << true;
    }
}

void tst_LogQuery::exportEqualsFilteredView()
{
    QFETCH(QString, backend);
    QFETCH(bool, json);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    auto store = openFixture(fixture);
    QVERIFY(store);
    // More entries than one export page, so that the export pages too.
    QList<LogEntry> many;
    for (int i = 0; i < 2 * LogExporter::PageSize + 123; ++i)
        many << LogEntry::make(i % 3 ? Severity::Information : Severity::Warning, QStringLiteral("engine"),
                               QStringLiteral("Entry %1, \"quoted\", with comma").arg(i));
    QVERIFY(!store->appendLog(many).result());

    LogFilter f;
    f.severities = {Severity::Information, Severity::Error};
    f.text = QStringLiteral("entry");
    QList<LogEntry> view;
    LogQuery q;
    q.filter = f;
    q.limit = 1000000;
    view = store->queryLog(q).result().value;
    QVERIFY(view.size() > LogExporter::PageSize);

    QTemporaryDir dir;
    const QString path = dir.filePath(json ? QStringLiteral("log.json") : QStringLiteral("log.csv"));
    auto future = LogExporter::exportToFile(store.get(), f, json ? LogExporter::Format::Json : LogExporter::Format::Csv,
                                            path);
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 60000));
    const StoreResult<qint64> r = future.result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value, qint64(view.size()));
    QCOMPARE(future.progressValue(), int(view.size()));
    QCOMPARE(future.progressMaximum(), int(view.size()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QByteArray expected;
    if (json) {
        QJsonArray a;
        for (const LogEntry &e : std::as_const(view))
            a.append(LogExporter::json(e));
        QCOMPARE(QJsonDocument::fromJson(content).array(), a);
    } else {
        expected = LogExporter::csvHeader();
        for (const LogEntry &e : std::as_const(view))
            expected += LogExporter::csvLine(e);
        QCOMPARE(content, expected);
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary file left
}

void tst_LogQuery::auditFilters_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("sinceHour");
    QTest::addColumn<QList<qint64>>("expected");
    for (const char *backend : {"sqlite", "postgresql"}) {
        const QString b = QString::fromLatin1(backend);
        QTest::addRow("%s/all", backend) << b << QString() << QString() << -1 << QList<qint64>{4, 3, 2, 1};
        QTest::addRow("%s/action", backend) << b << "EXPORT" << QString() << -1 << QList<qint64>{3, 1};
        QTest::addRow("%s/user", backend) << b << QString() << "BOB" << -1 << QList<qint64>{4, 2};
        QTest::addRow("%s/file", backend) << b << QString() << "keys_1" << -1 << QList<qint64>{1};
        QTest::addRow("%s/details", backend) << b << QString() << "100%" << -1 << QList<qint64>{3};
        QTest::addRow("%s/since", backend) << b << QString() << QString() << 2 << QList<qint64>{4, 3};
        QTest::addRow("%s/combined", backend) << b << "export"
                                              << "ws1" << 1 << QList<qint64>{3};
    }
}

void tst_LogQuery::auditFilters()
{
    QFETCH(QString, backend);
    QFETCH(QString, action);
    QFETCH(QString, text);
    QFETCH(int, sinceHour);
    QFETCH(QList<qint64>, expected);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    const auto ms = [](int hour) { return T0.addSecs(hour * 3600).toMSecsSinceEpoch(); };
    QVERIFY(fixture.exec(QStringLiteral("INSERT INTO security_audit (time_ms, user_name, host, action, count, file, "
                                        "details) VALUES (%1, 'alice', 'ws1', 'export', 10, '/tmp/keys_1.bin', ''), "
                                        "(%2, 'bob', 'ws2', 'show', 1, '', 'PID K7QX-2MBO'), "
                                        "(%3, 'alice', 'ws1', 'export', 5, '/tmp/keys2.csv', '100% of batch'), "
                                        "(%4, 'bob', 'ws2', 'delete', 3, '', '')")
                                 .arg(ms(0))
                                 .arg(ms(1))
                                 .arg(ms(2))
                                 .arg(ms(3))));
    AuditQuery q;
    if (!action.isEmpty())
        q.actions = {action};
    q.text = text;
    if (sinceHour >= 0)
        q.since = T0.addSecs(sinceHour * 3600);
    const StoreResult<QList<AuditEntry>> r = store.queryAudit(q).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QList<qint64> got;
    for (const AuditEntry &e : r.value) {
        got << e.id;
        QVERIFY(q.matches(e)); // the same predicate in memory
    }
    QCOMPARE(got, expected);

    // The counts per action agree with the rows.
    const StoreResult<CategoryCounts> counts = store.countAudit(q).result();
    QVERIFY2(counts.ok(), qPrintable(counts.error.message));
    const qint64 counted = action.isEmpty() ? counts.value.total()
                                            : counts.value.of(int(auditActions().indexOf(action.toLower())));
    QCOMPARE(counted, qint64(expected.size()));
}

void tst_LogQuery::fullTextIndexPresent()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    auto store = openFixture(fixture);
    QVERIFY(store);
    const StoreResult<StoreStats> s = store->storeStats().result();
    QVERIFY2(s.ok(), qPrintable(s.error.message));
    QVERIFY2(s.value.fullTextIndex, "Debian 12's SQLite has FTS5, PostgreSQL 15 has pg_trgm");
    QCOMPARE(s.value.logEntries, 7);
    QVERIFY(s.value.bytes > 0);
}

void tst_LogQuery::fullTextIndexMadeWhenMissing()
{
    // A store migrated where the full-text engine was missing (an SQLite without FTS5, a
    // PostgreSQL without pg_trgm) gets its indexes when it is next opened where it is there.
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    {
        auto store = openFixture(fixture);
        QVERIFY(store);
    }
    const QStringList drop = backend == u"sqlite"
            ? QStringList{"DROP TRIGGER log_fts_insert",     "DROP TRIGGER log_fts_delete",
                          "DROP TRIGGER log_fts_update",     "DROP TABLE log_fts",
                          "DROP TRIGGER actions_fts_insert", "DROP TRIGGER actions_fts_delete",
                          "DROP TRIGGER actions_fts_update", "DROP TABLE actions_fts"}
            : QStringList{"DROP INDEX log_message_trgm", "DROP INDEX log_details_trgm",
                          "DROP INDEX actions_message_trgm"};
    for (const QString &sql : drop)
        QVERIFY2(fixture.exec(sql), qPrintable(sql));
    SqlStore store(fixture.location());
    QVERIFY(!store.openAndWait());
    const StoreResult<StoreStats> s = store.storeStats().result();
    QVERIFY2(s.ok(), qPrintable(s.error.message));
    QVERIFY(s.value.fullTextIndex);
    // The entries written before are in the new index.
    LogQuery q;
    q.filter.text = QStringLiteral("ÜBER ALL");
    const StoreResult<QList<LogEntry>> r = store.queryLog(q).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(ids(r.value), QList<qint64>{7});
}

namespace {
// Written in this order: ids 1 to 6. UuidB is beta.example.test (openFixture).
bool insertActions(BackendFixture &fixture)
{
    const auto ms = [](int hour) { return T0.addSecs(hour * 3600).toMSecsSinceEpoch(); };
    return fixture.exec(
            QStringLiteral("INSERT INTO actions (time_ms, uuid, step, result, duration_ms, status, message, "
                           "attempt) VALUES "
                           "(%1, '%7', 'GetCoreVersion', 0, 12, 'SUCCESS', '', 1), "
                           "(%2, '%7', 'SetAdminAclEntry', 1, 40, 'PT_STATUS_AUTH_FAILURE', 'The device refused "
                           "the admin password', 1), "
                           "(%3, '%8', 'GetCoreVersion', 0, 9, 'SUCCESS', '', 1), "
                           "(%4, '%8', 'SetTLSPSK', 2, 0, '', 'TLS is off in the profile: skipped', 1), "
                           "(%5, '%8', 'CommitChanges', 0, 120, 'SUCCESS', 'ok', 1), "
                           "(%6, '%7', 'SetAdminAclEntry', 1, 38, 'Timeout', 'No answer in 30 s', 2)")
                    .arg(ms(0))
                    .arg(ms(1))
                    .arg(ms(2))
                    .arg(ms(3))
                    .arg(ms(4))
                    .arg(ms(5))
                    .arg(UuidA, UuidB));
}
} // namespace

void tst_LogQuery::actionFilters_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QList<int>>("results");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("sinceHour");
    QTest::addColumn<QList<qint64>>("expected");
    const int ok = int(ActionRecord::Result::Succeeded), failed = int(ActionRecord::Result::Failed);
    for (const char *backend : {"sqlite", "postgresql"}) {
        const QString b = QString::fromLatin1(backend);
        const auto row = [&](const char *name) { return &QTest::addRow("%s/%s", backend, name); };
        *row("all") << b << QList<int>{} << QString() << QString() << QString() << -1
                    << QList<qint64>{6, 5, 4, 3, 2, 1};
        *row("failed") << b << QList<int>{failed} << QString() << QString() << QString() << -1 << QList<qint64>{6, 2};
        *row("two results") << b << QList<int>{ok, failed} << QString() << QString() << QString() << -1
                            << QList<qint64>{6, 5, 3, 2, 1};
        *row("step") << b << QList<int>{} << "GetCoreVersion" << QString() << QString() << -1 << QList<qint64>{3, 1};
        *row("uuid") << b << QList<int>{} << QString() << UuidA.toLower() << QString() << -1 << QList<qint64>{6, 2, 1};
        *row("fqdn") << b << QList<int>{} << QString() << "BETA.example.test" << QString() << -1
                     << QList<qint64>{5, 4, 3};
        *row("text in message") << b << QList<int>{} << QString() << QString() << "ADMIN PASS" << -1
                                << QList<qint64>{2};
        *row("text in status") << b << QList<int>{} << QString() << QString() << "auth_fail" << -1 << QList<qint64>{2};
        *row("short text") << b << QList<int>{} << QString() << QString() << "ok" << -1 << QList<qint64>{5};
        *row("since") << b << QList<int>{} << QString() << QString() << QString() << 4 << QList<qint64>{6, 5};
        *row("combined") << b << QList<int>{failed} << "SetAdminAclEntry" << UuidA << "answer" << 1 << QList<qint64>{6};
    }
}

void tst_LogQuery::actionFilters()
{
    QFETCH(QString, backend);
    QFETCH(QList<int>, results);
    QFETCH(QString, step);
    QFETCH(QString, device);
    QFETCH(QString, text);
    QFETCH(int, sinceHour);
    QFETCH(QList<qint64>, expected);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    auto store = openFixture(fixture);
    QVERIFY(store);
    QVERIFY(insertActions(fixture));
    ActionFilter f;
    for (int r : results)
        f.results << ActionRecord::Result(r);
    f.step = step;
    f.uuid = device;
    f.text = text;
    if (sinceHour >= 0)
        f.since = T0.addSecs(sinceHour * 3600);
    const StoreResult<QList<ActionRecord>> r = store->listActions(f).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QList<qint64> got;
    for (const ActionRecord &a : r.value)
        got << a.id;
    QCOMPARE(got, expected);

    // The counts per result agree with the rows.
    const StoreResult<CategoryCounts> counts = store->countActions(f).result();
    QVERIFY2(counts.ok(), qPrintable(counts.error.message));
    qint64 counted = 0;
    for (auto result : {ActionRecord::Result::Succeeded, ActionRecord::Result::Failed, ActionRecord::Result::Skipped}) {
        if (f.results.isEmpty() || f.results.contains(result))
            counted += counts.value.of(int(result));
    }
    QCOMPARE(counted, qint64(expected.size()));
}

void tst_LogQuery::actionPaging()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    QVERIFY(fixture.isValid());
    auto store = openFixture(fixture);
    QVERIFY(store);
    QVERIFY(insertActions(fixture));
    const auto page = [&](qint64 before, qint64 after, bool oldestFirst) {
        ActionFilter f;
        f.beforeId = before;
        f.afterId = after;
        f.oldestFirst = oldestFirst;
        f.limit = 2;
        QList<qint64> got;
        for (const ActionRecord &a : store->listActions(f).result().value)
            got << a.id;
        return got;
    };
    QCOMPARE(page(0, 0, false), (QList<qint64>{6, 5}));
    QCOMPARE(page(5, 0, false), (QList<qint64>{4, 3}));
    QCOMPARE(page(0, 0, true), (QList<qint64>{1, 2}));
    QCOMPARE(page(0, 2, true), (QList<qint64>{3, 4}));  // the page right above 2
    QCOMPARE(page(0, 4, false), (QList<qint64>{6, 5})); // live: the newest above 4
}

void tst_LogQuery::openedWhereNoIndexMayBeMade()
{
    // A PostgreSQL user that may read and write rows but not make indexes (not the tables'
    // owner) still opens a store whose full-text index is missing; the text filter reads every
    // entry instead.
    OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(QStringLiteral("postgresql"));
    QVERIFY(fixture.isValid());
    {
        auto store = openFixture(fixture);
        QVERIFY(store);
        QVERIFY(insertActions(fixture));
    }
    QVERIFY(fixture.exec(QStringLiteral("DROP INDEX actions_message_trgm")));
    const QString role = QStringLiteral("oobm_rows_%1").arg(QCoreApplication::applicationPid());
    const QString password = QString::number(QRandomGenerator::global()->generate64(), 16);
    QVERIFY(fixture.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password)));
    const auto dropRole = qScopeGuard([&] {
        fixture.exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        fixture.exec(QStringLiteral("DROP ROLE %1").arg(role));
    });
    QVERIFY(fixture.exec(
            QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
    QVERIFY(fixture.exec(
            QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %1").arg(role)));
    const StoreLocation owner = fixture.location();
    QString error;
    const StoreLocation asRole = StoreLocation::parse(QStringLiteral("postgresql://%1:%2@%3:%4/%5")
                                                              .arg(role, password, owner.host())
                                                              .arg(owner.port())
                                                              .arg(owner.database()),
                                                      &error);
    QVERIFY2(asRole.isValid(), qPrintable(error));
    {
        SqlStore store(asRole);
        const StoreError e = store.openAndWait();
        QVERIFY2(!e, qPrintable(e.message));
        const StoreResult<StoreStats> s = store.storeStats().result();
        QVERIFY2(s.ok(), qPrintable(s.error.message));
        QVERIFY(!s.value.fullTextIndex);
        ActionFilter f;
        f.text = QStringLiteral("admin pass");
        const StoreResult<QList<ActionRecord>> r = store.listActions(f).result();
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.size(), 1);
    }
    // The owner's next open makes it.
    SqlStore store(owner);
    QVERIFY(!store.openAndWait());
    QVERIFY(store.storeStats().result().value.fullTextIndex);
}

QTEST_GUILESS_MAIN(tst_LogQuery)
#include "tst_logquery.moc"
