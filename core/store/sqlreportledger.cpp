// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlreportledger.h"

#include "core/fleet/operation.h"
#include "core/fleet/taskrun.h"
#include "core/keys/keyrecord.h"
#include "core/provisioning/actionrecord.h"
#include "core/provisioning/amtsystem.h"
#include "core/reports/reportbuckets.h"
#include "core/store/sqlfleetledger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::SqlReportLedger", text);
}

QString trn(const char *text, int n)
{
    return QCoreApplication::translate("Oobm::Core::SqlReportLedger", text, nullptr, n);
}

using Type = ReportColumn::Type;
using Unit = ReportBuckets::Unit;

constexpr qint64 HourMs = 3600000;
constexpr qint64 DayMs = 24 * HourMs;

// A system as a person names it: its name, else its FQDN, else its UUID.
constexpr char SystemName[] = "COALESCE(NULLIF(s.name, ''), NULLIF(s.fqdn, ''), %1)";

QString systemName(const QString &uuidColumn)
{
    return QString::fromLatin1(SystemName).arg(uuidColumn);
}

double share(qint64 part, qint64 whole)
{
    return whole > 0 ? 100.0 * double(part) / double(whole) : 0.0;
}

// The provisioning steps as an SQL list of literals (they are constants of the engine: no quotes).
QString stepList()
{
    QStringList quoted;
    for (const QString &s : provisioningSteps())
        quoted << u'\'' + s + u'\'';
    return quoted.join(QStringLiteral(", "));
}

// The systems' reasons, grouped: what the policy writes with a PID or a name in it becomes one key
// ("#..."), anything else its text before the first colon.
struct ReasonKey
{
    const char *pattern; // LIKE
    const char *key;
};
constexpr ReasonKey ReasonKeys[] = {
        {"failed to find PID %", "#pid-unknown"},
        {"PID % is already used by %", "#pid-used"},
        {"PID % is retired%", "#pid-retired"},
        {"The key % cannot be decrypted%", "#key-undecryptable"},
        {"No provisioning certificate matches %", "#no-certificate"},
        {"The provisioning certificate % expired on %", "#certificate-expired"},
        {"The provisioning certificate's CN %", "#certificate-domain"},
};

QString reasonLabel(const QString &key)
{
    if (key == u"#pid-unknown")
        return tr("failed to find PID (the key is not in this database)");
    if (key == u"#pid-used")
        return tr("PID already used by another system");
    if (key == u"#pid-retired")
        return tr("PID retired");
    if (key == u"#key-undecryptable")
        return tr("key cannot be decrypted");
    if (key == u"#no-certificate")
        return tr("no provisioning certificate matches a root the device trusts");
    if (key == u"#certificate-expired")
        return tr("provisioning certificate expired");
    if (key == u"#certificate-domain")
        return tr("provisioning certificate's CN not in the device's domain");
    if (key.isEmpty())
        return tr("(no reason given)");
    return key;
}

ReportColumn column(const char *key, const QString &title, Type type)
{
    return {QString::fromLatin1(key), title, type};
}

QString hoursText(qint64 hours)
{
    if (hours % 24 == 0)
        return trn("%n days", int(hours / 24));
    return trn("%n hours", int(hours));
}

} // namespace

struct SqlReportLedger::Scope
{
    ReportRequest request;
    QString members = QStringLiteral("1 = 1"); // on amt_systems s
    QVariantList memberBinds;
    bool filtered = false;
    qint64 sinceMs = 0;
    qint64 untilMs = 0;
    qint64 nowMs = 0;

    // The condition on amt_systems s, its binds appended.
    QString where(QVariantList *binds) const
    {
        binds->append(memberBinds);
        return members;
    }
    // " AND column IN (the members' UUIDs)", or nothing for every system.
    QString uuidIn(const QString &columnName, QVariantList *binds) const
    {
        if (!filtered)
            return {};
        binds->append(memberBinds);
        return QStringLiteral(" AND %1 IN (SELECT s.uuid FROM amt_systems s WHERE %2)").arg(columnName, members);
    }
    // " AND column >= ? AND column < ?", the period's binds appended.
    QString period(const QString &columnName, QVariantList *binds) const
    {
        *binds << sinceMs << untilMs;
        return QStringLiteral(" AND %1 >= ? AND %1 < ?").arg(columnName);
    }
};

SqlReportLedger::SqlReportLedger(Context context, SqlFleetLedger *fleet)
    : SqlLedger(std::move(context))
    , m_fleet(fleet)
{ }

template<typename Row>
StoreError SqlReportLedger::forEachRow(const QString &sql, const QVariantList &binds, Row row)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(q, sql, binds))
        return queryError(q);
    while (q.next())
        row(q);
    return {};
}

QString SqlReportLedger::beforeColon(const QString &c) const
{
    if (isPostgreSql())
        return QStringLiteral("split_part(%1, ':', 1)").arg(c);
    return QStringLiteral("CASE WHEN instr(%1, ':') > 0 THEN substr(%1, 1, instr(%1, ':') - 1) ELSE %1 END").arg(c);
}

StoreResult<ReportResult> SqlReportLedger::run(const ReportRequest &asked)
{
    StoreResult<ReportResult> out;
    QElapsedTimer timer;
    timer.start();
    Scope scope;
    scope.request = asked.withDefaults(QDateTime::currentDateTimeUtc());
    if (const QString problem = scope.request.problem(); !problem.isEmpty()) {
        out.error = StoreError::make(StoreError::Kind::InvalidRequest, problem);
        return out;
    }
    ReportResult &r = out.value;
    const ReportDefinition d = ReportDefinition::of(scope.request.report);
    r.report = d.id;
    r.key = d.key;
    r.title = d.title;
    r.chart = d.chart;
    r.request = scope.request;
    r.generated = scope.request.now;
    scope.nowMs = scope.request.now.toMSecsSinceEpoch();
    if (scope.request.since.isValid()) {
        scope.sinceMs = scope.request.since.toMSecsSinceEpoch();
        scope.untilMs = scope.request.until.toMSecsSinceEpoch();
    }
    if (scope.request.collectionId != 0) {
        const auto c = m_fleet->collection(scope.request.collectionId, false);
        if (!c.ok()) {
            out.error = c.error;
            return out;
        }
        const auto clause = m_fleet->membershipClause(scope.request.collectionId, &scope.memberBinds);
        if (!clause.ok()) {
            out.error = clause.error;
            return out;
        }
        scope.members = clause.value;
        scope.filtered = true;
        r.collectionName = c.value.name;
    }

    StoreError e;
    switch (d.id) {
    case ReportId::SystemsByState:
        e = systemsByState(scope, &r);
        break;
    case ReportId::SystemsByVersion:
        e = systemsByVersion(scope, &r);
        break;
    case ReportId::SystemsByProfile:
        e = systemsByProfile(scope, &r);
        break;
    case ReportId::SystemsByCollection:
        e = systemsByCollection(scope, &r);
        break;
    case ReportId::ProvisioningPerDay:
        e = provisioningPerDay(scope, &r);
        break;
    case ReportId::FailureReasons:
        e = failureReasons(scope, &r);
        break;
    case ReportId::KeysByState:
        e = keysByState(scope, &r);
        break;
    case ReportId::KeyConsumption:
        e = keyConsumption(scope, &r);
        break;
    case ReportId::KeyRunway:
        e = keyRunway(scope, &r);
        break;
    case ReportId::HellosPerHour:
        e = hellosPerHour(scope, &r);
        break;
    case ReportId::SilentSystems:
        e = silentSystems(scope, &r);
        break;
    case ReportId::RunOutcomes:
        e = runOutcomes(scope, &r);
        break;
    case ReportId::SlowestSystems:
        e = slowestSystems(scope, &r);
        break;
    case ReportId::FailingSystems:
        e = failingSystems(scope, &r);
        break;
    }
    out.error = e;
    r.elapsedMs = timer.elapsed();
    return out;
}

// --- Systems ----------------------------------------------------------------------------------

StoreError SqlReportLedger::systemsByState(const Scope &scope, ReportResult *r)
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT s.state, COUNT(*) FROM amt_systems s WHERE %1 GROUP BY s.state")
                                .arg(scope.where(&binds));
    QHash<int, qint64> counts;
    qint64 total = 0;
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            counts[q.value(0).toInt()] += q.value(1).toLongLong();
            total += q.value(1).toLongLong();
        }))
        return e;
    r->categoryAxis = tr("Provisioning state");
    r->valueAxis = tr("Systems");
    r->columns = {column("state", tr("State"), Type::Text), column("systems", tr("Systems"), Type::Count),
                  column("share", tr("Share"), Type::Percent)};
    ReportSeries series{tr("Systems"), {}, QStringLiteral("systems")};
    if (total > 0) {
        for (SystemState s : allSystemStates()) {
            const qint64 n = counts.value(int(s));
            r->categories << systemStateName(s);
            r->categoryKeys << systemStateKey(s);
            series.values << double(n);
            r->rows << QVariantList{systemStateName(s), n, share(n, total)};
        }
        r->series << series;
        r->notes << trn("%n systems in all.", int(total));
    }
    r->emptyText = scope.filtered ? tr("This collection has no systems.")
                                  : tr("No Intel AMT system is known yet: systems appear with their first hello.");
    return {};
}

StoreError SqlReportLedger::systemsByVersion(const Scope &scope, ReportResult *r)
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT s.amt_version, COUNT(*) FROM amt_systems s WHERE %1 GROUP BY "
                                       "s.amt_version")
                                .arg(scope.where(&binds));
    struct Version
    {
        QString text;
        qint64 number;
        qint64 systems;
    };
    QList<Version> versions;
    qint64 total = 0;
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const QString v = q.value(0).toString();
            versions.append({v, v.isEmpty() ? -1 : amtVersionNumber(v), q.value(1).toLongLong()});
            total += q.value(1).toLongLong();
        }))
        return e;
    // Oldest version first; text that is no version after them; unknown (never provisioned) last.
    std::sort(versions.begin(), versions.end(), [](const Version &a, const Version &b) {
        const auto rank = [](const Version &v) { return v.text.isEmpty() ? 2 : v.number < 0 ? 1 : 0; };
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return a.number != b.number ? a.number < b.number : a.text < b.text;
    });
    r->categoryAxis = tr("Intel AMT version");
    r->valueAxis = tr("Systems");
    r->columns = {column("version", tr("AMT version"), Type::Text), column("systems", tr("Systems"), Type::Count),
                  column("share", tr("Share"), Type::Percent)};
    ReportSeries series{tr("Systems"), {}, QStringLiteral("systems")};
    for (const Version &v : std::as_const(versions)) {
        const QString label = v.text.isEmpty() ? tr("Unknown (not provisioned)") : v.text;
        r->categories << label;
        series.values << double(v.systems);
        r->rows << QVariantList{label, v.systems, share(v.systems, total)};
    }
    if (!versions.isEmpty())
        r->series << series;
    r->emptyText = scope.filtered ? tr("This collection has no systems.") : tr("No Intel AMT system is known yet.");
    return {};
}

StoreError SqlReportLedger::systemsByProfile(const Scope &scope, ReportResult *r)
{
    QVariantList binds;
    // The systems grouped first, then the few groups joined to their profiles' names.
    const QString sql = QStringLiteral("SELECT x.profile_id, p.name, x.n FROM (SELECT s.profile_id AS profile_id, "
                                       "COUNT(*) AS n FROM amt_systems s WHERE %1 GROUP BY s.profile_id) x LEFT JOIN "
                                       "provision_profiles p ON p.id = x.profile_id ORDER BY 3 DESC, 2")
                                .arg(scope.where(&binds));
    qint64 total = 0;
    QList<QPair<QString, qint64>> profiles;
    qint64 none = 0;
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const qint64 id = q.value(0).toLongLong();
            const qint64 n = q.value(2).toLongLong();
            total += n;
            if (id <= 0)
                none += n;
            else
                profiles.append({q.value(1).isNull() ? tr("Deleted profile (%1)").arg(id) : q.value(1).toString(), n});
        }))
        return e;
    if (none > 0)
        profiles.append({tr("No profile (yet)"), none});
    r->categoryAxis = tr("Provision profile");
    r->valueAxis = tr("Systems");
    r->columns = {column("profile", tr("Profile"), Type::Text), column("systems", tr("Systems"), Type::Count),
                  column("share", tr("Share"), Type::Percent)};
    ReportSeries series{tr("Systems"), {}, QStringLiteral("systems")};
    for (const auto &[name, n] : std::as_const(profiles)) {
        r->categories << name;
        series.values << double(n);
        r->rows << QVariantList{name, n, share(n, total)};
    }
    if (!profiles.isEmpty())
        r->series << series;
    r->emptyText = scope.filtered ? tr("This collection has no systems.") : tr("No Intel AMT system is known yet.");
    return {};
}

StoreError SqlReportLedger::systemsByCollection(const Scope &scope, ReportResult *r)
{
    // For all systems, each collection is counted by a statement of its own that its own index
    // answers (a state for the built-in ones, the member rows for a static one): the counts the
    // collection list has. Within a collection, one pass over its members asks each whether it is
    // in each collection: bounded by the members, where a statement per collection would probe
    // them all once per collection (docs/BENCHMARKS.md).
    const auto collections = m_fleet->listCollections(!scope.filtered);
    if (!collections.ok())
        return collections.error;
    const QList<Collection> &counted = collections.value;
    QList<qint64> counts;
    qint64 total = 0;
    QStringList sums;
    QVariantList binds;
    for (const Collection &c : counted) {
        if (!scope.filtered) {
            counts << c.memberCount;
            continue;
        }
        const auto clause = m_fleet->membershipClause(c.id, &binds);
        if (!clause.ok())
            return clause.error;
        sums << QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(clause.value);
    }
    sums << QStringLiteral("COUNT(*)");
    const QString sql = QStringLiteral("SELECT %1 FROM amt_systems s WHERE %2")
                                .arg(sums.join(QStringLiteral(", ")), scope.where(&binds));
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const int n = int(sums.size()) - 1;
            for (int i = 0; i < n; ++i)
                counts << q.value(i).toLongLong(); // NULL (no systems) is 0
            total = q.value(n).toLongLong();
        }))
        return e;
    r->categoryAxis = tr("Collection");
    r->valueAxis = tr("Systems");
    r->columns = {column("collection", tr("Collection"), Type::Text), column("kind", tr("Kind"), Type::Text),
                  column("systems", tr("Systems"), Type::Count), column("share", tr("Share"), Type::Percent)};
    QList<int> order;
    for (int i = 0; i < counts.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return counts.at(a) > counts.at(b); });
    ReportSeries series{tr("Systems"), {}, QStringLiteral("systems")};
    for (int i : std::as_const(order)) {
        const Collection &c = counted.at(i);
        const QString kind = c.isBuiltIn() ? tr("Built in") : Collection::kindName(c.kind);
        r->categories << c.name;
        series.values << double(counts.at(i));
        r->rows << QVariantList{c.name, kind, counts.at(i), share(counts.at(i), total)};
    }
    if (total > 0)
        r->series << series;
    else
        r->rows.clear();
    r->notes << (scope.filtered ? trn("Members of the collection that are also in each collection; the collection "
                                      "has %n systems.",
                                      int(total))
                                : trn("%n systems in all; a system may be in several collections.", int(total)));
    r->emptyText = scope.filtered ? tr("This collection has no systems.") : tr("No Intel AMT system is known yet.");
    return {};
}

// --- Provisioning -----------------------------------------------------------------------------

StoreError SqlReportLedger::provisioningPerDay(const Scope &scope, ReportResult *r)
{
    const ReportBuckets days(Unit::Day, scope.request.since, scope.request.until);
    QList<double> succeeded(days.count(), 0.0);
    QList<double> failed(days.count(), 0.0);
    const QString day = ReportBuckets::sql(Unit::Day, QStringLiteral("a.time_ms"));
    // Two statements over the period (actions_time): an attempt succeeded when CommitChanges
    // did; it failed when one of its steps did (the sequence stops at the first failure).
    const auto count = [&](const QString &condition, QList<double> *into) {
        QVariantList binds;
        const QString period = scope.period(QStringLiteral("a.time_ms"), &binds);
        const QString members = scope.uuidIn(QStringLiteral("a.uuid"), &binds);
        const QString sql = QStringLiteral("SELECT %1, COUNT(*) FROM actions a WHERE %2%3%4 GROUP BY 1")
                                    .arg(day, condition, period, members);
        return forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const int i = days.indexOf(q.value(0).toLongLong());
            if (i >= 0)
                (*into)[i] += q.value(1).toDouble();
        });
    };
    if (StoreError e = count(
                QStringLiteral("a.step = 'CommitChanges' AND a.result = %1").arg(int(ActionRecord::Result::Succeeded)),
                &succeeded))
        return e;
    if (StoreError e = count(QStringLiteral("a.result = %1 AND a.step IN (%2)")
                                     .arg(int(ActionRecord::Result::Failed))
                                     .arg(stepList()),
                             &failed))
        return e;
    r->categoryAxis = tr("Day (UTC)");
    r->valueAxis = tr("Provisioning attempts");
    r->columns = {column("day", tr("Day (UTC)"), Type::Date), column("succeeded", tr("Succeeded"), Type::Count),
                  column("failed", tr("Failed"), Type::Count), column("success", tr("Success rate"), Type::Percent)};
    qint64 ok = 0, bad = 0;
    for (int i = 0; i < days.count(); ++i) {
        r->categories << days.label(i);
        const qint64 s = qint64(succeeded.at(i)), f = qint64(failed.at(i));
        ok += s;
        bad += f;
        r->rows << QVariantList{days.startAt(i).date(), s, f, s + f > 0 ? QVariant(share(s, s + f)) : QVariant()};
    }
    if (ok + bad == 0) {
        r->rows.clear();
        r->categories.clear();
    } else {
        r->series << ReportSeries{tr("Succeeded"), succeeded, QStringLiteral("succeeded")}
                  << ReportSeries{tr("Failed"), failed, QStringLiteral("failed")};
        r->notes << tr("%1 attempts succeeded and %2 failed (%3 % succeeded).")
                            .arg(QLocale().toString(ok), QLocale().toString(bad),
                                 QLocale().toString(share(ok, ok + bad), 'f', 1));
    }
    r->emptyText = tr("No provisioning attempt in this period.");
    return {};
}

StoreError SqlReportLedger::failureReasons(const Scope &scope, ReportResult *r)
{
    struct Reason
    {
        QString text;
        QString source;
        qint64 count;
        qint64 systems;
    };
    QList<Reason> reasons;
    // Failed steps, by step and the status the device answered (or the error's category).
    QVariantList binds;
    const QString period = scope.period(QStringLiteral("a.time_ms"), &binds);
    const QString members = scope.uuidIn(QStringLiteral("a.uuid"), &binds);
    QString sql = QStringLiteral("SELECT a.step, a.status, COUNT(*), COUNT(DISTINCT a.uuid) FROM actions a WHERE "
                                 "a.result = %1 AND a.step IN (%2)%3%4 GROUP BY a.step, a.status ORDER BY 3 DESC, "
                                 "1, 2 LIMIT %5")
                          .arg(int(ActionRecord::Result::Failed))
                          .arg(stepList(), period, members)
                          .arg(scope.request.limit);
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const QString status = q.value(1).toString();
            reasons.append({status.isEmpty() ? q.value(0).toString() : tr("%1: %2").arg(q.value(0).toString(), status),
                            tr("Failed steps"), q.value(2).toLongLong(), q.value(3).toLongLong()});
        }))
        return e;
    // The systems that are Failed now and were last heard of in the period, by reason.
    QString key = QStringLiteral("CASE");
    for (const ReasonKey &k : ReasonKeys)
        key += QStringLiteral(" WHEN s.reason LIKE '%1' THEN '%2'")
                       .arg(QString::fromUtf8(k.pattern).replace(u'\'', QStringLiteral("''")),
                            QString::fromLatin1(k.key));
    key += QStringLiteral(" ELSE substr(%1, 1, 120) END").arg(beforeColon(QStringLiteral("s.reason")));
    binds.clear();
    const QString seen = QStringLiteral("COALESCE(s.last_action_ms, s.last_hello_ms, s.first_seen_ms)");
    const QString seenInPeriod = scope.period(seen, &binds);
    const QString where = scope.where(&binds);
    sql = QStringLiteral("SELECT %1 AS k, COUNT(*) FROM amt_systems s WHERE s.state = %2%3 AND %4 GROUP BY 1 "
                         "ORDER BY 2 DESC, 1 LIMIT %5")
                  .arg(key)
                  .arg(int(SystemState::Failed))
                  .arg(seenInPeriod, where)
                  .arg(scope.request.limit);
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            reasons.append({reasonLabel(q.value(0).toString()), tr("Failed systems"), q.value(1).toLongLong(),
                            q.value(1).toLongLong()});
        }))
        return e;
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const Reason &a, const Reason &b) { return a.count > b.count; });
    reasons = reasons.mid(0, scope.request.limit);
    r->categoryAxis = tr("Reason");
    r->valueAxis = tr("Failures");
    r->columns = {column("reason", tr("Reason"), Type::Text), column("source", tr("Counted in"), Type::Text),
                  column("failures", tr("Failures"), Type::Count), column("systems", tr("Systems"), Type::Count)};
    ReportSeries series{tr("Failures"), {}, QStringLiteral("failed")};
    for (const Reason &x : std::as_const(reasons)) {
        r->categories << x.text;
        series.values << double(x.count);
        r->rows << QVariantList{x.text, x.source, x.count, x.systems};
    }
    if (!reasons.isEmpty()) {
        r->series << series;
        r->notes << tr("Failed steps count the attempts that stopped there; failed systems count the systems "
                       "Failed now with that reason.");
    }
    r->emptyText = tr("Nothing failed in this period.");
    return {};
}

// --- Security keys ----------------------------------------------------------------------------

StoreError SqlReportLedger::keysByState(const Scope &, ReportResult *r)
{
    QHash<int, qint64> counts;
    qint64 total = 0;
    if (StoreError e = forEachRow(QStringLiteral("SELECT state, COUNT(*) FROM security_keys GROUP BY state"), {},
                                  [&](const QSqlQuery &q) {
        counts[q.value(0).toInt()] += q.value(1).toLongLong();
        total += q.value(1).toLongLong();
        }))
        return e;
    r->categoryAxis = tr("Key state");
    r->valueAxis = tr("Keys");
    r->columns = {column("state", tr("State"), Type::Text), column("keys", tr("Keys"), Type::Count),
                  column("share", tr("Share"), Type::Percent)};
    if (total > 0) {
        ReportSeries series{tr("Keys"), {}, QStringLiteral("keys")};
        for (KeyState s : {KeyState::Available, KeyState::Exported, KeyState::Consumed, KeyState::Retired}) {
            const qint64 n = counts.value(int(s));
            r->categories << keyStateName(s);
            r->categoryKeys << keyStateKey(s);
            series.values << double(n);
            r->rows << QVariantList{keyStateName(s), n, share(n, total)};
        }
        r->series << series;
        r->notes << trn("%n keys in the ledger.", int(total));
    }
    r->emptyText = tr("The key ledger is empty: generate or import keys under Security Keys.");
    return {};
}

StoreError SqlReportLedger::keyConsumption(const Scope &scope, ReportResult *r)
{
    const ReportBuckets weeks(Unit::Week, scope.request.since, scope.request.until);
    QList<double> consumed(weeks.count(), 0.0);
    QList<double> added(weeks.count(), 0.0);
    const auto count = [&](const QString &timeColumn, QList<double> *into) {
        QVariantList binds;
        const QString sql = QStringLiteral("SELECT %1, COUNT(*) FROM security_keys WHERE 1 = 1%2 GROUP BY 1")
                                    .arg(ReportBuckets::sql(Unit::Week, timeColumn), scope.period(timeColumn, &binds));
        return forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const int i = weeks.indexOf(q.value(0).toLongLong());
            if (i >= 0)
                (*into)[i] += q.value(1).toDouble();
        });
    };
    if (StoreError e = count(QStringLiteral("consumed_ms"), &consumed))
        return e;
    if (StoreError e = count(QStringLiteral("created_ms"), &added))
        return e;
    r->categoryAxis = tr("Week (from Monday, UTC)");
    r->valueAxis = tr("Keys");
    r->columns = {column("week", tr("Week of (UTC)"), Type::Date), column("consumed", tr("Consumed"), Type::Count),
                  column("added", tr("Added"), Type::Count)};
    qint64 totalConsumed = 0, totalAdded = 0;
    for (int i = 0; i < weeks.count(); ++i) {
        r->categories << weeks.label(i);
        totalConsumed += qint64(consumed.at(i));
        totalAdded += qint64(added.at(i));
        r->rows << QVariantList{weeks.startAt(i).date(), qint64(consumed.at(i)), qint64(added.at(i))};
    }
    if (totalConsumed + totalAdded == 0) {
        r->rows.clear();
        r->categories.clear();
    } else {
        r->series << ReportSeries{tr("Consumed"), consumed, QStringLiteral("consumed")}
                  << ReportSeries{tr("Added"), added, QStringLiteral("added")};
        r->notes << tr("%1 keys consumed and %2 added in the period.")
                            .arg(QLocale().toString(totalConsumed), QLocale().toString(totalAdded));
    }
    r->emptyText = tr("No key was consumed or added in this period.");
    return {};
}

StoreError SqlReportLedger::keyRunway(const Scope &scope, ReportResult *r)
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT COALESCE(SUM(CASE WHEN state = %1 THEN 1 ELSE 0 END), 0), "
                                       "COALESCE(SUM(CASE WHEN state = %2 THEN 1 ELSE 0 END), 0), "
                                       "COALESCE(SUM(CASE WHEN consumed_ms >= ? AND consumed_ms < ? THEN 1 ELSE 0 "
                                       "END), 0) FROM security_keys")
                                .arg(int(KeyState::Available))
                                .arg(int(KeyState::Exported));
    binds << scope.sinceMs << scope.untilMs;
    qint64 available = 0, exported = 0, consumed = 0;
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            available = q.value(0).toLongLong();
            exported = q.value(1).toLongLong();
            consumed = q.value(2).toLongLong();
        }))
        return e;
    const double days = double(scope.untilMs - scope.sinceMs) / double(DayMs);
    const double perDay = days > 0 ? double(consumed) / days : 0.0;
    const QVariant lasts = perDay > 0 ? QVariant(double(available) / perDay) : QVariant();
    const QDateTime from = scope.request.until;
    const QVariant runsOut = perDay > 0 ? QVariant(from.addMSecs(qint64(double(available) / perDay * DayMs)).date())
                                        : QVariant();
    r->categoryAxis = tr("Day (UTC)");
    r->valueAxis = tr("Available keys");
    r->columns = {column("available", tr("Available"), Type::Count),
                  column("exported", tr("Exported, not consumed"), Type::Count),
                  column("consumed", tr("Consumed in the period"), Type::Count),
                  column("period_days", tr("Days in the period"), Type::Number),
                  column("per_day", tr("Consumed per day"), Type::Number),
                  column("days_left", tr("Days the Available keys last"), Type::Number),
                  column("runs_out", tr("Available keys run out on"), Type::Date)};
    r->rows << QVariantList{available, exported, consumed, days, perDay, lasts, runsOut};
    // The Available keys, projected at that rate: a point a week from the end of the period until
    // none are left (at most a year), or flat for twelve weeks when none are consumed.
    ReportSeries projected{tr("Available keys (projected)"), {}, QStringLiteral("available")};
    const int weeks = perDay > 0 ? std::min(52, int(std::ceil(double(available) / perDay / 7.0))) : 12;
    for (int w = 0; w <= weeks; ++w) {
        r->categories << from.addDays(7 * w).date().toString(Qt::ISODate);
        projected.values << std::max(0.0, double(available) - perDay * 7.0 * w);
    }
    r->series << projected;
    const QLocale locale;
    if (perDay > 0)
        r->notes << tr("At the current rate (%1 keys a day over %2), the %3 Available keys last %4 days, until %5.")
                            .arg(locale.toString(perDay, 'f', 1), hoursText(std::llround(days * 24)),
                                 locale.toString(available), locale.toString(lasts.toDouble(), 'f', 0),
                                 runsOut.toDate().toString(Qt::ISODate));
    else
        r->notes << tr("No key was consumed in the period: at this rate the %1 Available keys do not run out.")
                            .arg(locale.toString(available));
    if (exported > 0)
        r->notes << trn("%n more keys are exported (on setup.bin or CSV files) and not consumed yet.", int(exported));
    r->emptyText = tr("The key ledger is empty.");
    return {};
}

// --- Hello packets ----------------------------------------------------------------------------

StoreError SqlReportLedger::hellosPerHour(const Scope &scope, ReportResult *r)
{
    const ReportBuckets hours(Unit::Hour, scope.request.since, scope.request.until);
    QList<double> hellos(hours.count(), 0.0);
    QList<double> systems(hours.count(), 0.0);
    QVariantList binds;
    const QString period = scope.period(QStringLiteral("h.time_ms"), &binds);
    // On SQLite, "+h.uuid" keeps the planner from driving the query from the members through
    // hellos_uuid, which read every member's hellos of 30 days (1.2 s for AMT 3 in the SQLite shell
    // on the benchmark's store) instead of the period's through hellos_time_uuid (0.17 s).
    const QString members = scope.uuidIn(isPostgreSql() ? QStringLiteral("h.uuid") : QStringLiteral("+h.uuid"), &binds);
    const QString sql = QStringLiteral("SELECT %1, COUNT(*), COUNT(DISTINCT NULLIF(h.uuid, '')) FROM hellos h "
                                       "WHERE 1 = 1%2%3 GROUP BY 1")
                                .arg(ReportBuckets::sql(Unit::Hour, QStringLiteral("h.time_ms")), period, members);
    qint64 total = 0;
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const int i = hours.indexOf(q.value(0).toLongLong());
            if (i < 0)
                return;
            hellos[i] = q.value(1).toDouble();
            systems[i] = q.value(2).toDouble();
            total += q.value(1).toLongLong();
        }))
        return e;
    r->categoryAxis = tr("Hour (UTC)");
    r->valueAxis = tr("Hello packets");
    r->columns = {column("hour", tr("Hour (UTC)"), Type::Time), column("hellos", tr("Hello packets"), Type::Count),
                  column("systems", tr("Systems"), Type::Count)};
    if (total > 0) {
        for (int i = 0; i < hours.count(); ++i) {
            r->categories << hours.label(i);
            r->rows << QVariantList{hours.startAt(i), qint64(hellos.at(i)), qint64(systems.at(i))};
        }
        r->series << ReportSeries{tr("Hello packets"), hellos, QStringLiteral("hellos")}
                  << ReportSeries{tr("Systems"), systems, QStringLiteral("systems")};
        r->notes << trn("%n hello packets in the period.", int(std::min<qint64>(total, INT_MAX)));
    }
    r->emptyText = tr("No hello packet arrived in this period.");
    return {};
}

StoreError SqlReportLedger::silentSystems(const Scope &scope, ReportResult *r)
{
    const int n = scope.request.hours;
    // Histogram edges, in hours of silence: N, then a day, a week and 30 days when longer than N.
    QList<int> edges{n};
    for (int e : {24, 24 * 7, 24 * 30}) {
        if (e > n)
            edges << e;
    }
    const qint64 now = scope.nowMs;
    const QString silent = QStringLiteral("s.state <> %1 AND s.last_hello_ms IS NOT NULL AND s.last_hello_ms < ?")
                                   .arg(int(SystemState::Provisioned));
    QStringList sums;
    QVariantList binds;
    for (int i = 0; i < edges.size(); ++i) {
        if (i + 1 < edges.size()) {
            sums << QStringLiteral("SUM(CASE WHEN s.last_hello_ms >= ? THEN 1 ELSE 0 END)");
            binds << now - qint64(edges.at(i + 1)) * HourMs;
        }
    }
    // Each bucket is "silent at least edge i" minus "at least edge i+1": the SUMs count systems
    // silent less than edge i+1 (they all are silent more than N by the WHERE).
    binds << now - qint64(n) * HourMs;
    const QString where = scope.where(&binds);
    const QString histogram = QStringLiteral("SELECT COUNT(*)%1 FROM amt_systems s WHERE %2 AND %3")
                                      .arg(sums.isEmpty() ? QString() : QStringLiteral(", ") + sums.join(u','), silent,
                                           where);
    qint64 total = 0;
    QList<qint64> within; // silent less than edge i+1
    if (StoreError e = forEachRow(histogram, binds, [&](const QSqlQuery &q) {
            total = q.value(0).toLongLong();
            for (int i = 1; i < edges.size(); ++i)
                within << q.value(i).toLongLong();
        }))
        return e;
    ReportSeries series{tr("Systems"), {}, QStringLiteral("systems")};
    qint64 below = 0;
    for (int i = 0; i < edges.size(); ++i) {
        const qint64 upTo = i < within.size() ? within.at(i) : total;
        r->categories << (i + 1 < edges.size() ? tr("%1 to %2").arg(hoursText(edges.at(i)), hoursText(edges.at(i + 1)))
                                               : tr("more than %1").arg(hoursText(edges.at(i))));
        series.values << double(upTo - below);
        below = upTo;
    }
    // The systems themselves, the most recently silent first, at most limit of them.
    binds.clear();
    binds << now - qint64(n) * HourMs;
    const QString listWhere = scope.where(&binds);
    const QString list = QStringLiteral("SELECT s.uuid, %1, s.address, s.state, s.last_hello_ms FROM amt_systems s "
                                        "WHERE %2 AND %3 ORDER BY s.last_hello_ms DESC, s.uuid LIMIT %4")
                                 .arg(systemName(QStringLiteral("s.uuid")), silent, listWhere)
                                 .arg(scope.request.limit);
    r->categoryAxis = tr("Silent for");
    r->valueAxis = tr("Systems");
    r->columns = {column("system", tr("System"), Type::Text),
                  column("uuid", tr("UUID"), Type::Text),
                  column("address", tr("Address"), Type::Text),
                  column("state", tr("State"), Type::Text),
                  column("last_hello", tr("Last hello (UTC)"), Type::Time),
                  column("silent_hours", tr("Silent (hours)"), Type::Number)};
    if (StoreError e = forEachRow(list, binds, [&](const QSqlQuery &q) {
            const qint64 last = q.value(4).toLongLong();
            r->rows << QVariantList{q.value(1).toString(),
                                    q.value(0).toString(),
                                    q.value(2).toString(),
                                    systemStateName(SystemState(q.value(3).toInt())),
                                    QDateTime::fromMSecsSinceEpoch(last, Qt::UTC),
                                    double(now - last) / HourMs};
        }))
        return e;
    if (total > 0) {
        r->series << series;
        r->notes << (total > r->rows.size()
                             ? tr("%1 systems stopped sending; the %2 most recently silent are listed.")
                                       .arg(QLocale().toString(total), QLocale().toString(r->rows.size()))
                             : trn("%n systems stopped sending.", int(total)));
    }
    r->emptyText = tr("Every system that is not provisioned sent a hello within the last %1.").arg(hoursText(n));
    return {};
}

// --- Task runs --------------------------------------------------------------------------------
//
// A run system and its run, ending in a condition the period and the members are ANDed to. For
// every system, the runs first: "task_runs t CROSS JOIN run_systems rs WHERE rs.run_id = t.id" is
// an inner join on both dialects, and CROSS JOIN makes SQLite loop over the runs outside
// (PostgreSQL plans it as any join); else SQLite walks run_systems_uuid to group by system without
// sorting, a row lookup per run system (failing systems over 100,000 run systems: 3.1 s, against
// 0.2 s). For a collection, its members' UUIDs drive run_systems_uuid instead: with the runs
// outside, SQLite would probe each run for every member (11 s, against 0.3 s).
namespace {

QString runSystemsOfRuns(bool filtered)
{
    return filtered ? QStringLiteral("run_systems rs JOIN task_runs t ON t.id = rs.run_id WHERE 1 = 1")
                    : QStringLiteral("task_runs t CROSS JOIN run_systems rs WHERE rs.run_id = t.id");
}

} // namespace

StoreError SqlReportLedger::runOutcomes(const Scope &scope, ReportResult *r)
{
    QVariantList binds;
    const QString period = scope.period(QStringLiteral("t.created_ms"), &binds);
    const QString members = scope.uuidIn(QStringLiteral("rs.uuid"), &binds);
    const QString sql = QStringLiteral("SELECT t.operation, rs.state, COUNT(*) FROM %1%2%3 GROUP BY t.operation, "
                                       "rs.state")
                                .arg(runSystemsOfRuns(scope.filtered), period, members);
    // Per operation: succeeded, failed, skipped, cancelled, not finished (pending or running).
    QMap<int, std::array<qint64, 5>> counts;
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            auto &c = counts[q.value(0).toInt()];
            const qint64 n = q.value(2).toLongLong();
            switch (RunSystemState(q.value(1).toInt())) {
            case RunSystemState::Succeeded:
                c[0] += n;
                break;
            case RunSystemState::Failed:
                c[1] += n;
                break;
            case RunSystemState::Skipped:
                c[2] += n;
                break;
            case RunSystemState::Cancelled:
                c[3] += n;
                break;
            case RunSystemState::Pending:
            case RunSystemState::Running:
                c[4] += n;
                break;
            }
        }))
        return e;
    r->categoryAxis = tr("Operation");
    r->valueAxis = tr("Systems");
    r->columns = {column("operation", tr("Operation"), Type::Text),
                  column("systems", tr("Systems"), Type::Count),
                  column("succeeded", tr("Succeeded"), Type::Count),
                  column("failed", tr("Failed"), Type::Count),
                  column("skipped", tr("Skipped"), Type::Count),
                  column("cancelled", tr("Cancelled"), Type::Count),
                  column("unfinished", tr("Not finished"), Type::Count),
                  column("success", tr("Success rate"), Type::Percent)};
    QList<ReportSeries> series{{tr("Succeeded"), {}, QStringLiteral("succeeded")},
                               {tr("Failed"), {}, QStringLiteral("failed")},
                               {tr("Skipped"), {}, QStringLiteral("skipped")},
                               {tr("Cancelled"), {}, QStringLiteral("cancelled")},
                               {tr("Not finished"), {}, QStringLiteral("unfinished")}};
    for (Operation o : allOperations()) {
        if (!counts.contains(int(o)))
            continue;
        const auto &c = counts.value(int(o));
        const qint64 all = c[0] + c[1] + c[2] + c[3] + c[4];
        r->categories << operationName(o);
        for (int k = 0; k < 5; ++k)
            series[k].values << double(c[k]);
        r->rows << QVariantList{operationName(o),
                                all,
                                c[0],
                                c[1],
                                c[2],
                                c[3],
                                c[4],
                                c[0] + c[1] > 0 ? QVariant(share(c[0], c[0] + c[1])) : QVariant()};
    }
    if (!r->rows.isEmpty())
        r->series = series;
    r->emptyText = tr("No task run was made in this period.");
    return {};
}

StoreError SqlReportLedger::slowestSystems(const Scope &scope, ReportResult *r)
{
    QVariantList binds;
    const QString period = scope.period(QStringLiteral("t.created_ms"), &binds);
    const QString members = scope.uuidIn(QStringLiteral("rs.uuid"), &binds);
    const QString inner = QStringLiteral("SELECT rs.uuid AS uuid, COUNT(*) AS n, AVG(rs.finished_ms - rs.started_ms) "
                                         "AS average, MAX(rs.finished_ms - rs.started_ms) AS longest FROM %1 AND "
                                         "rs.state IN (%2, %3) AND rs.started_ms IS NOT NULL AND rs.finished_ms IS NOT "
                                         "NULL%4%5 GROUP BY rs.uuid ORDER BY 3 DESC, 1 LIMIT %6")
                                  .arg(runSystemsOfRuns(scope.filtered),
                                       QString::number(int(RunSystemState::Succeeded)),
                                       QString::number(int(RunSystemState::Failed)), period, members,
                                       QString::number(scope.request.limit));
    const QString sql = QStringLiteral("SELECT x.uuid, %1, x.n, x.average, x.longest FROM (%2) x LEFT JOIN "
                                       "amt_systems s ON s.uuid = x.uuid ORDER BY x.average DESC, x.uuid")
                                .arg(systemName(QStringLiteral("x.uuid")), inner);
    r->categoryAxis = tr("System");
    r->valueAxis = tr("Average seconds");
    r->columns = {column("system", tr("System"), Type::Text), column("uuid", tr("UUID"), Type::Text),
                  column("operations", tr("Operations"), Type::Count),
                  column("average_s", tr("Average (s)"), Type::Number),
                  column("longest_s", tr("Longest (s)"), Type::Number)};
    ReportSeries series{tr("Average seconds"), {}, QStringLiteral("duration")};
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const double average = q.value(3).toDouble() / 1000.0;
            r->categories << q.value(1).toString();
            series.values << average;
            r->rows << QVariantList{q.value(1).toString(), q.value(0).toString(), q.value(2).toLongLong(), average,
                                    q.value(4).toDouble() / 1000.0};
        }))
        return e;
    if (!r->rows.isEmpty())
        r->series << series;
    r->emptyText = tr("No operation of a task run finished in this period.");
    return {};
}

StoreError SqlReportLedger::failingSystems(const Scope &scope, ReportResult *r)
{
    QVariantList binds;
    const QString period = scope.period(QStringLiteral("t.created_ms"), &binds);
    const QString members = scope.uuidIn(QStringLiteral("rs.uuid"), &binds);
    const QString failed =
            QStringLiteral("SUM(CASE WHEN rs.state = %1 THEN 1 ELSE 0 END)").arg(int(RunSystemState::Failed));
    const QString inner = QStringLiteral(
                                  "SELECT rs.uuid AS uuid, %1 AS failed, COUNT(*) AS n FROM %2%3%4 GROUP BY rs.uuid "
                                  "HAVING %1 > 0 ORDER BY 2 DESC, 1 LIMIT %5")
                                  .arg(failed, runSystemsOfRuns(scope.filtered), period, members,
                                       QString::number(scope.request.limit));
    const QString sql = QStringLiteral("SELECT x.uuid, %1, x.failed, x.n FROM (%2) x LEFT JOIN amt_systems s ON "
                                       "s.uuid = x.uuid ORDER BY x.failed DESC, x.uuid")
                                .arg(systemName(QStringLiteral("x.uuid")), inner);
    r->categoryAxis = tr("System");
    r->valueAxis = tr("Failed operations");
    r->columns = {column("system", tr("System"), Type::Text), column("uuid", tr("UUID"), Type::Text),
                  column("failed", tr("Failed"), Type::Count), column("operations", tr("Operations"), Type::Count),
                  column("failure_rate", tr("Failure rate"), Type::Percent)};
    ReportSeries series{tr("Failed operations"), {}, QStringLiteral("failed")};
    if (StoreError e = forEachRow(sql, binds, [&](const QSqlQuery &q) {
            const qint64 f = q.value(2).toLongLong(), n = q.value(3).toLongLong();
            r->categories << q.value(1).toString();
            series.values << double(f);
            r->rows << QVariantList{q.value(1).toString(), q.value(0).toString(), f, n, share(f, n)};
        }))
        return e;
    if (!r->rows.isEmpty())
        r->series << series;
    r->emptyText = tr("No operation of a task run failed in this period.");
    return {};
}

} // namespace Oobm::Core
