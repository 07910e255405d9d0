// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlsystems.h"

#include "ctltasks.h"

#include "core/amt/devicesession.h"
#include "core/engine/systemactions.h"
#include "core/keys/pidpps.h"

#include <algorithm>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

bool parseSystemStates(Context &c, QList<SystemState> *states, int *exitCode)
{
    for (const QString &value : c.parser.values(QStringLiteral("state"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            SystemState s;
            if (!systemStateFromKey(part.trimmed(), &s)) {
                *exitCode = usage(
                        c.err,
                        QStringLiteral("Unknown system state '%1'; the states are: %2.").arg(part, systemStateKeys()));
                return false;
            }
            if (!states->contains(s))
                states->append(s);
        }
    }
    return true;
}

// UUIDs as the store keeps them (upper case), each once.
QStringList normalizedUuids(const QStringList &uuids)
{
    QStringList result;
    for (const QString &u : uuids) {
        const QString upper = u.trimmed().toUpper();
        if (!upper.isEmpty() && !result.contains(upper))
            result << upper;
    }
    return result;
}

QString noSuchSystem(const QString &uuid)
{
    return QStringLiteral("There is no Intel AMT system %1 in this database.").arg(uuid);
}

QString helloType(int version)
{
    return version == 2 ? QStringLiteral("PSK") : version == 3 ? QStringLiteral("PKI") : QString();
}

QJsonObject systemJson(const AmtSystem &s)
{
    return QJsonObject{
            {QStringLiteral("uuid"), s.uuid},
            {QStringLiteral("state"), systemStateKey(s.state)},
            {QStringLiteral("reason"), s.reason},
            {QStringLiteral("fqdn"), s.fqdn},
            {QStringLiteral("address"), s.address},
            {QStringLiteral("amtVersion"), s.amtVersion},
            {QStringLiteral("dialect"), Amt::dialectKey(SystemActions::dialectFor(s))},
            {QStringLiteral("dialectForced"), !s.dialect.isEmpty()},
            {QStringLiteral("profile"), s.profileName},
            {QStringLiteral("pid"), pidText(s.pid)},
            {QStringLiteral("newPid"), pidText(s.newPid)},
            {QStringLiteral("helloVersion"), s.helloVersion},
            {QStringLiteral("helloCount"), s.helloCount},
            {QStringLiteral("lastRetry"), s.lastRetry},
            {QStringLiteral("adminCredentialsSet"), s.adminCredentialsSet},
            {QStringLiteral("authorized"), s.authorized},
            {QStringLiteral("attempts"), s.attempts},
            {QStringLiteral("adminUser"), s.adminUser},
            {QStringLiteral("firstSeen"), jsonTime(s.firstSeen)},
            {QStringLiteral("lastHello"), jsonTime(s.lastHello)},
            {QStringLiteral("lastAction"), s.lastAction},
            {QStringLiteral("lastActionTime"), jsonTime(s.lastActionTime)},
            {QStringLiteral("provisioned"), jsonTime(s.provisioned)},
    };
}

QJsonObject helloJson(const HelloRecord &h)
{
    const QString type = helloType(h.version).toLower();
    return QJsonObject{
            {QStringLiteral("id"), h.id},
            {QStringLiteral("time"), jsonTime(h.time)},
            {QStringLiteral("address"), h.address},
            {QStringLiteral("port"), int(h.port)},
            {QStringLiteral("type"), type.isEmpty() ? QJsonValue() : QJsonValue(type)},
            {QStringLiteral("uuid"), h.uuid},
            {QStringLiteral("pid"), pidText(h.pid)},
            {QStringLiteral("retry"), h.retry},
            {QStringLiteral("adminCredentialsSet"), h.adminCredentialsSet},
            {QStringLiteral("outcome"), h.outcome},
            {QStringLiteral("engine"), h.engine},
    };
}

QJsonObject actionJson(const ActionRecord &a)
{
    return QJsonObject{
            {QStringLiteral("id"), a.id},
            {QStringLiteral("time"), jsonTime(a.time)},
            {QStringLiteral("uuid"), a.uuid},
            {QStringLiteral("step"), a.step},
            {QStringLiteral("result"), actionResultKey(a.result)},
            {QStringLiteral("durationMs"), a.durationMs},
            {QStringLiteral("status"), a.status},
            {QStringLiteral("message"), a.message},
            {QStringLiteral("attempt"), a.attempt},
    };
}

// The cells of a row of systems list, hellos tail and actions list (csv: the CSV file's).
QStringList systemRow(const AmtSystem &s, bool csv)
{
    return QStringList{s.uuid,         csv ? systemStateKey(s.state) : systemStateName(s.state),
                       s.fqdn,         s.address,
                       s.amtVersion,   s.profileName,
                       pidText(s.pid), csv ? isoTime(s.lastHello) : localTime(s.lastHello),
                       s.reason};
}

QStringList helloRow(const HelloRecord &h, bool csv)
{
    if (csv)
        return QStringList{isoTime(h.time), h.address,      QString::number(h.port),  helloType(h.version),
                           h.uuid,          pidText(h.pid), QString::number(h.retry), h.outcome};
    return QStringList{localTime(h.time),
                       QStringLiteral("%1:%2").arg(h.address).arg(h.port),
                       helloType(h.version),
                       h.uuid,
                       pidText(h.pid),
                       QStringLiteral("retry %1").arg(h.retry),
                       h.outcome};
}

QStringList actionRow(const ActionRecord &x, bool csv)
{
    return QStringList{csv ? isoTime(x.time) : localTime(x.time),
                       x.uuid,
                       x.step,
                       csv ? actionResultKey(x.result) : actionResultName(x.result),
                       csv ? QString::number(x.durationMs) : QStringLiteral("%1 ms").arg(x.durationMs),
                       x.status,
                       csv ? QString::number(x.attempt) : QStringLiteral("attempt %1").arg(x.attempt),
                       x.message};
}

// The system with this UUID (any case); prints the error when there is none.
bool findSystem(Context &c, Store &store, const QString &uuid, AmtSystem *system, int *exitCode)
{
    SystemFilter filter;
    filter.text = uuid.trimmed().toUpper();
    const StoreResult<QList<AmtSystem>> r = store.listSystems(filter).result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    for (const AmtSystem &s : r.value) {
        if (s.uuid.compare(filter.text, Qt::CaseInsensitive) == 0) {
            *system = s;
            return true;
        }
    }
    *exitCode = failure(c.err, noSuchSystem(uuid.trimmed()));
    return false;
}

// Power, next boot or unprovision as a one-off run: on the systems named by UUID (waiting for the
// run's end, as these commands always did, unless --no-wait) or on a collection (waiting with --wait).
int runOperation(Context &c, Operation operation, const QStringList &uuids, const char *command, RunOutput output)
{
    int code = Success;
    if (!textOrJson(c, command, &code))
        return code;
    if (!hasTarget(c, uuids))
        return usage(c.err,
                     QStringLiteral("'%1' takes one or more UUIDs, or --collection NAME|ID: the target is "
                                    "empty, so nothing was started.")
                             .arg(QLatin1String(command)));
    Core::RunRequest request;
    request.operation = operation;
    request.actor = AuditActor::current();
    if (!parseWavePolicy(c, &request.wave, &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    if (!parseTarget(c, *store, uuids, &request.target, &code))
        return code;
    const bool wait = c.parser.isSet(QStringLiteral("wait"))
            || (request.target.collectionId == 0 && !c.parser.isSet(QStringLiteral("no-wait")));
    return startRun(c, *store, request, wait, output);
}

} // namespace

QString systemStateKeys()
{
    QStringList keys;
    for (SystemState s : allSystemStates())
        keys << systemStateKey(s);
    return keys.join(QStringLiteral(", "));
}

void printSystems(Context &c, ListFormat format, const QList<AmtSystem> &systems)
{
    printList(c, format, systems,
              {.json = systemJson,
               .row = systemRow,
               .csvHeader = {QStringLiteral("UUID"), QStringLiteral("State"), QStringLiteral("FQDN"),
                             QStringLiteral("Address"), QStringLiteral("AMT version"), QStringLiteral("Profile"),
                             QStringLiteral("PID"), QStringLiteral("Last hello"), QStringLiteral("Reason")},
               .footer = [](qsizetype n) { return plural(n, "system", "systems"); }});
}

int systemsList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'systems list' takes no arguments, only --state S and "
                                    "--format F."));
    SystemFilter filter;
    int code = Success;
    ListFormat format;
    QList<AmtSystem> systems;
    if (!parseSystemStates(c, &filter.states, &code) || !listFormat(c, "systems list", &format, &code)
        || !fetchList(
                c, [&](Store &store) { return store.listSystems(filter); }, &systems, &code))
        return code;
    printSystems(c, format, systems);
    return Success;
}

int systemsShow(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'systems show' takes one UUID."));
    int code = Success;
    if (!textOrJson(c, "systems show", &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    AmtSystem s;
    if (!findSystem(c, *store, c.args.first(), &s, &code))
        return code;
    const StoreResult<QList<HelloRecord>> hellos = store->listHellos(s.uuid, 0, 50).result();
    if (!hellos.ok())
        return failure(c.err, hellos.error.message);
    ActionFilter filter;
    filter.uuid = s.uuid;
    const StoreResult<QList<ActionRecord>> actions = store->listActions(filter).result();
    if (!actions.ok())
        return failure(c.err, actions.error.message);

    // One timeline, oldest first; a hello comes before the steps it started in the same ms.
    struct Event
    {
        QDateTime time;
        int kind; // 0 hello, 1 step
        qint64 id;
        qsizetype index;
    };
    QList<Event> events;
    for (qsizetype i = 0; i < hellos.value.size(); ++i)
        events << Event{hellos.value.at(i).time, 0, hellos.value.at(i).id, i};
    for (qsizetype i = 0; i < actions.value.size(); ++i)
        events << Event{actions.value.at(i).time, 1, actions.value.at(i).id, i};
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.time != b.time)
            return a.time < b.time;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.id < b.id;
    });

    if (c.format == Format::Json) {
        QJsonObject o = systemJson(s);
        QJsonArray timeline;
        for (const Event &e : std::as_const(events)) {
            QJsonObject item = e.kind == 0 ? helloJson(hellos.value.at(e.index))
                                           : actionJson(actions.value.at(e.index));
            item.insert(QStringLiteral("kind"), e.kind == 0 ? QStringLiteral("hello") : QStringLiteral("step"));
            timeline.append(item);
        }
        o.insert(QStringLiteral("timeline"), timeline);
        c.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }

    auto field = [&](const char *label, const QString &value) {
        c.out << QString(QLatin1String(label) + u':').leftJustified(24)
              << (value.isEmpty() ? QStringLiteral("-") : value) << '\n';
    };
    field("UUID", s.uuid);
    field("State", systemStateName(s.state));
    field("Reason", s.reason);
    field("FQDN", s.fqdn);
    field("Address", s.address);
    field("AMT version", s.amtVersion);
    field("Dialect",
          QStringLiteral("%1 (%2)").arg(Amt::dialectName(SystemActions::dialectFor(s)),
                                        s.dialect.isEmpty() ? QStringLiteral("by its version")
                                                            : QStringLiteral("forced")));
    field("Profile", s.profileName);
    field("PID", pidText(s.pid));
    field("Next PID", pidText(s.newPid));
    field("Hello version",
          s.helloVersion == 0 ? QString()
                              : QStringLiteral("%1 (%2)").arg(s.helloVersion).arg(helloType(s.helloVersion)));
    field("Hellos", QString::number(s.helloCount));
    field("Last retry", QString::number(s.lastRetry));
    field("Admin credentials set", yesNo(s.adminCredentialsSet));
    field("Authorized", yesNo(s.authorized));
    field("Attempts", QString::number(s.attempts));
    field("Admin user", s.adminUser);
    field("First seen", localTime(s.firstSeen));
    field("Last hello", localTime(s.lastHello));
    field("Last action",
          s.lastAction.isEmpty() ? QString()
                                 : QStringLiteral("%1 (%2)").arg(s.lastAction, localTime(s.lastActionTime)));
    field("Provisioned", localTime(s.provisioned));
    c.out << '\n'
          << QStringLiteral("Timeline (%1, %2, oldest first):")
                     .arg(plural(hellos.value.size(), "hello", "hellos"), plural(actions.value.size(), "step", "steps"))
          << '\n';
    QList<QStringList> rows;
    for (const Event &e : std::as_const(events)) {
        if (e.kind == 0) {
            const HelloRecord &h = hellos.value.at(e.index);
            rows << QStringList{localTime(h.time),
                                QStringLiteral("Hello"),
                                QStringLiteral("%1:%2").arg(h.address).arg(h.port),
                                helloType(h.version),
                                pidText(h.pid),
                                QStringLiteral("retry %1").arg(h.retry),
                                h.outcome};
        } else {
            const ActionRecord &a = actions.value.at(e.index);
            rows << QStringList{localTime(a.time),
                                QStringLiteral("Step"),
                                a.step,
                                actionResultName(a.result),
                                QStringLiteral("%1 ms").arg(a.durationMs),
                                a.status,
                                a.message};
        }
    }
    printTable(c.out, rows);
    c.out.flush();
    return Success;
}

int systemsAuthorize(Context &c)
{
    const QStringList uuids = normalizedUuids(c.args);
    if (uuids.isEmpty())
        return usage(c.err, QStringLiteral("'systems authorize' takes one or more UUIDs."));
    int code = Success;
    if (!textOrJson(c, "systems authorize", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    // All or nothing: a mistyped UUID authorizes none.
    const StoreResult<QList<AmtSystem>> known = store->listSystems({}).result();
    if (!known.ok())
        return failure(c.err, known.error.message);
    QStringList unknown;
    for (const QString &uuid : uuids) {
        const bool found = std::any_of(known.value.cbegin(), known.value.cend(),
                                       [&](const AmtSystem &s) { return s.uuid == uuid; });
        if (!found)
            unknown << uuid;
    }
    if (!unknown.isEmpty()) {
        for (const QString &uuid : std::as_const(unknown))
            c.err << "oobmctl: " << noSuchSystem(uuid) << '\n';
        return failure(c.err, QStringLiteral("Nothing was authorized."));
    }
    const StoreResult<int> r = store->authorizeSystems(uuids).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("authorized"), r.value}}).toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Authorized %1.").arg(plural(r.value, "system", "systems")) << '\n';
    c.out.flush();
    return Success;
}

int systemsPower(Context &c)
{
    static const QHash<QString, Operation> actions{{QStringLiteral("on"), Operation::PowerOn},
                                                   {QStringLiteral("off"), Operation::PowerOff},
                                                   {QStringLiteral("reset"), Operation::Reset},
                                                   {QStringLiteral("cycle"), Operation::PowerCycle}};
    if (c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'systems power' takes on, off, reset or cycle and one or more UUIDs (or "
                                    "--collection NAME|ID)."));
    if (!actions.contains(c.args.first()))
        return usage(c.err,
                     QStringLiteral("'systems power' takes on, off, reset or cycle, not '%1'.").arg(c.args.first()));
    return runOperation(c, actions.value(c.args.first()), c.args.mid(1), "systems power", RunOutput::Run);
}

int systemsBoot(Context &c)
{
    static const QHash<QString, Operation> targets{{QStringLiteral("pxe"), Operation::BootPxe},
                                                   {QStringLiteral("hdd"), Operation::BootHardDisk},
                                                   {QStringLiteral("cd"), Operation::BootCd},
                                                   {QStringLiteral("bios"), Operation::BootBiosSetup}};
    if (c.args.isEmpty() || !targets.contains(c.args.first()))
        return usage(c.err,
                     QStringLiteral("'systems boot' takes pxe, hdd, cd or bios (the next boot)%1, and one or "
                                    "more UUIDs (or --collection NAME|ID).")
                             .arg(c.args.isEmpty() ? QString() : QStringLiteral(", not '%1'").arg(c.args.first())));
    return runOperation(c, targets.value(c.args.first()), c.args.mid(1), "systems boot", RunOutput::Run);
}

int systemsUnprovision(Context &c)
{
    return runOperation(
            c, c.parser.isSet(QStringLiteral("partial")) ? Operation::UnprovisionPartial : Operation::UnprovisionFull,
            c.args, "systems unprovision", RunOutput::Unprovision);
}

int systemsDialect(Context &c)
{
    static const QStringList choices{QStringLiteral("legacy"), QStringLiteral("wsman"), QStringLiteral("auto")};
    const QString choice = c.args.value(0).toLower();
    const QStringList uuids = normalizedUuids(c.args.mid(1));
    if (!choices.contains(choice) || uuids.isEmpty())
        return usage(c.err,
                     QStringLiteral("'systems dialect' takes legacy, wsman or auto (the one each system's version "
                                    "speaks best)%1, and one or more UUIDs.")
                             .arg(c.args.isEmpty() || choices.contains(choice)
                                          ? QString()
                                          : QStringLiteral(", not '%1'").arg(c.args.first())));
    int code = Success;
    if (!textOrJson(c, "systems dialect", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    // All or nothing: the store refuses the lot for one unknown system or one the dialect does not fit.
    const StoreResult<int> r = store->setSystemsDialect(uuids, choice == u"auto" ? QString() : choice).result();
    if (!r.ok()) {
        c.err << "oobmctl: " << r.error.message << '\n';
        return failure(c.err, QStringLiteral("No system's dialect was changed."));
    }
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("changed"), r.value}}).toJson(QJsonDocument::Compact)
              << '\n';
    else if (choice == u"auto")
        c.out << QStringLiteral("%1 talked to in the dialect of their version again.")
                         .arg(plural(r.value, "system", "systems"))
              << '\n';
    else
        c.out << QStringLiteral("%1 talked to in %2 from now on.")
                         .arg(plural(r.value, "system", "systems"),
                              choice == u"wsman" ? QStringLiteral("WS-Management") : QStringLiteral("legacy SOAP"))
              << '\n';
    c.out.flush();
    return Success;
}

int systemsTag(Context &c)
{
    const QStringList uuids = normalizedUuids(c.args);
    const auto tags = [&c](const char *option) {
        QStringList list;
        for (const QString &value : c.parser.values(QLatin1String(option))) {
            for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
                if (!part.trimmed().isEmpty() && !list.contains(part.trimmed()))
                    list << part.trimmed();
            }
        }
        return list;
    };
    const QStringList add = tags("add");
    const QStringList remove = tags("remove");
    if (uuids.isEmpty())
        return usage(c.err, QStringLiteral("'systems tag' takes one or more UUIDs, with --add TAG and --remove TAG."));
    if (add.isEmpty() && remove.isEmpty())
        return usage(c.err,
                     QStringLiteral("Say which tags to give with --add TAG and which to take off with --remove "
                                    "TAG (each may repeat or list several: lab,floor2)."));
    int code = Success;
    if (!textOrJson(c, "systems tag", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    // All or nothing: a mistyped UUID tags none.
    SystemFilter filter;
    filter.uuids = uuids;
    const StoreResult<QList<AmtSystem>> known = store->listSystems(filter).result();
    if (!known.ok())
        return failure(c.err, known.error.message);
    QStringList unknown = uuids;
    for (const AmtSystem &s : known.value)
        unknown.removeAll(s.uuid);
    if (!unknown.isEmpty()) {
        for (const QString &uuid : std::as_const(unknown))
            c.err << "oobmctl: " << noSuchSystem(uuid) << '\n';
        return failure(c.err, QStringLiteral("Nothing was tagged."));
    }
    const StoreResult<int> r = store->tagSystems(uuids, add, remove).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json) {
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("systems"), uuids.size()},
                                           {QStringLiteral("added"), QJsonArray::fromStringList(add)},
                                           {QStringLiteral("removed"), QJsonArray::fromStringList(remove)},
                                           {QStringLiteral("changes"), r.value}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        QStringList parts;
        if (!add.isEmpty())
            parts << QStringLiteral("added %1").arg(add.join(QStringLiteral(", ")));
        if (!remove.isEmpty())
            parts << QStringLiteral("removed %1").arg(remove.join(QStringLiteral(", ")));
        c.out << QStringLiteral("Tagged %1: %2.")
                         .arg(plural(uuids.size(), "system", "systems"), parts.join(QStringLiteral("; ")))
              << '\n';
    }
    c.out.flush();
    return Success;
}

// The one-time password a device was given (Remote Configuration with "One time password required").
int systemsOtp(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err,
                     QStringLiteral("'systems otp' takes one UUID; the OTP comes from --otp, OOBM_OTP or "
                                    "standard input (--otp -)."));
    const QString otp = secretOption(c, QStringLiteral("otp"), "OOBM_OTP");
    if (otp.isEmpty())
        return usage(c.err, QStringLiteral("Give the one-time password with --otp, OOBM_OTP, or --otp - (stdin)."));
    int code = Success;
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    if (StoreError e = store->setSystemOtp(c.args.first(), otp).result())
        return failure(c.err, e.message);
    c.out << QStringLiteral("Stored the one-time password of %1.").arg(c.args.first().toUpper()) << '\n';
    c.out.flush();
    return Success;
}

int hellosTail(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'hellos tail' takes no arguments, only -n N."));
    int limit = 0;
    int code = Success;
    ListFormat format;
    QList<HelloRecord> hellos;
    if (!parseCount(c, 20, &limit, &code) || !listFormat(c, "hellos tail", &format, &code)
        || !fetchList(
                c, [&](Store &store) { return store.listHellos({}, 0, limit); }, &hellos, &code))
        return code;
    std::reverse(hellos.begin(), hellos.end()); // tail: oldest of the page first
    printList(c, format, hellos,
              {.json = helloJson,
               .row = helloRow,
               .csvHeader = {QStringLiteral("Time"), QStringLiteral("Address"), QStringLiteral("Port"),
                             QStringLiteral("Type"), QStringLiteral("UUID"), QStringLiteral("PID"),
                             QStringLiteral("Retry"), QStringLiteral("Outcome")}});
    return Success;
}

int actionsList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'actions list' takes no arguments, only --system UUID, "
                                    "--step S, --result R and -n N."));
    ActionFilter filter;
    int code = Success;
    if (!parseCount(c, 50, &filter.limit, &code))
        return code;
    filter.uuid = c.parser.value(QStringLiteral("system")).trimmed().toUpper();
    filter.step = c.parser.value(QStringLiteral("step")).trimmed();
    static const QList<ActionRecord::Result> knownResults{ActionRecord::Result::Succeeded, ActionRecord::Result::Failed,
                                                          ActionRecord::Result::Skipped};
    for (const QString &value : c.parser.values(QStringLiteral("result"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const auto it = std::find_if(knownResults.cbegin(), knownResults.cend(), [&](auto r) {
                return part.trimmed().compare(actionResultKey(r), Qt::CaseInsensitive) == 0;
            });
            if (it == knownResults.cend())
                return usage(c.err,
                             QStringLiteral("Unknown result '%1'; use succeeded, failed "
                                            "or skipped.")
                                     .arg(part));
            if (!filter.results.contains(*it))
                filter.results << *it;
        }
    }
    ListFormat format;
    QList<ActionRecord> actions;
    if (!listFormat(c, "actions list", &format, &code)
        || !fetchList(
                c, [&](Store &store) { return store.listActions(filter); }, &actions, &code))
        return code;
    std::reverse(actions.begin(), actions.end()); // oldest of the page first
    printList(c, format, actions,
              {.json = actionJson,
               .row = actionRow,
               .csvHeader = {QStringLiteral("Time"), QStringLiteral("UUID"), QStringLiteral("Step"),
                             QStringLiteral("Result"), QStringLiteral("Duration ms"), QStringLiteral("Status"),
                             QStringLiteral("Attempt"), QStringLiteral("Message")}});
    return Success;
}

} // namespace Oobm::Ctl
