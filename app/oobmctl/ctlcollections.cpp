// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlcollections.h"

#include "ctlprofiles.h"
#include "ctlsystems.h"

#include <QFile>
#include <QRegularExpression>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QString kindKey(const Collection &c)
{
    return c.isBuiltIn()                         ? QStringLiteral("built-in")
            : c.kind == Collection::Kind::Static ? QStringLiteral("static")
                                                 : QStringLiteral("dynamic");
}

QString selects(const Collection &c)
{
    return c.kind == Collection::Kind::Static ? QStringLiteral("systems chosen by hand") : c.rule.describe();
}

QJsonObject ruleJson(const CollectionRule &r)
{
    return QJsonDocument::fromJson(r.toJson()).object();
}

QJsonObject collectionJson(const Collection &c)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("name"), c.name},
                  {QStringLiteral("kind"), kindKey(c)},
                  {QStringLiteral("description"), c.description},
                  {QStringLiteral("members"), c.memberCount},
                  {QStringLiteral("createdBy"), c.createdBy},
                  {QStringLiteral("changed"), jsonTime(c.changed)}};
    if (c.kind == Collection::Kind::Dynamic) {
        o.insert(QStringLiteral("rule"), ruleJson(c.rule));
        o.insert(QStringLiteral("selects"), c.rule.describe());
    }
    return o;
}

QStringList collectionRow(const Collection &c, bool csv)
{
    return QStringList{QString::number(c.id),
                       c.name,
                       kindKey(c),
                       csv || c.memberCount >= 0 ? QString::number(c.memberCount) : QString(),
                       selects(c),
                       c.description};
}

// Systems named on the command line and in --members-file (the first column of each line).
bool systemNames(Context &c, const QStringList &args, QStringList *names, int *exitCode)
{
    for (const QString &a : args) {
        for (const QString &part : a.split(u',', Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                *names << part.trimmed();
        }
    }
    if (!c.parser.isSet(QStringLiteral("members-file")))
        return true;
    const QString path = c.parser.value(QStringLiteral("members-file"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *exitCode = failure(c.err, QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
        const QString first = line.section(u',', 0, 0).remove(u'"').trimmed();
        if (first.isEmpty() || first.startsWith(u'#') || first.compare(QLatin1String("uuid"), Qt::CaseInsensitive) == 0
            || first.compare(QLatin1String("fqdn"), Qt::CaseInsensitive) == 0)
            continue;
        *names << first;
    }
    return true;
}

bool parseHours(Context &c, const char *option, int *hours, int *exitCode)
{
    const QString name = QLatin1String(option);
    if (!c.parser.isSet(name))
        return true;
    bool ok = false;
    *hours = c.parser.value(name).toInt(&ok);
    if (ok && *hours >= 1)
        return true;
    *exitCode = usage(
            c.err,
            QStringLiteral("--%1 takes a number of hours (1 or more), not '%2'.").arg(name, c.parser.value(name)));
    return false;
}

// The rule options of 'collections create --dynamic'.
bool parseRule(Context &c, Store *store, CollectionRule *rule, int *exitCode)
{
    for (const QString &value : c.parser.values(QStringLiteral("state"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            SystemState s;
            if (!systemStateFromKey(part.trimmed(), &s)) {
                *exitCode = usage(c.err,
                                  QStringLiteral("Unknown system state '%1'; the states are: %2.")
                                          .arg(part.trimmed(), systemStateKeys()));
                return false;
            }
            if (!rule->states.contains(s))
                rule->states << s;
        }
    }
    rule->minVersion = c.parser.value(QStringLiteral("min-version")).trimmed();
    rule->maxVersion = c.parser.value(QStringLiteral("max-version")).trimmed();
    rule->fqdnPattern = c.parser.value(QStringLiteral("fqdn")).trimmed();
    rule->ipRange = c.parser.value(QStringLiteral("ip")).trimmed();
    rule->tag = c.parser.value(QStringLiteral("tag")).trimmed();
    if (!parseHours(c, "hello-older-than", &rule->helloOlderThanHours, exitCode)
        || !parseHours(c, "hello-newer-than", &rule->helloNewerThanHours, exitCode))
        return false;
    if (c.parser.isSet(QStringLiteral("last-task"))) {
        const QString t = c.parser.value(QStringLiteral("last-task")).trimmed().toLower();
        if (t == u"failed") {
            rule->taskOutcome = CollectionRule::TaskOutcome::LastFailed;
        } else if (t == u"succeeded") {
            rule->taskOutcome = CollectionRule::TaskOutcome::LastSucceeded;
        } else if (t != u"any") {
            *exitCode = usage(c.err, QStringLiteral("--last-task takes failed, succeeded or any, not '%1'.").arg(t));
            return false;
        }
    }
    if (const QString problem = rule->problem(); !problem.isEmpty()) {
        *exitCode = usage(c.err, problem);
        return false;
    }
    if (c.parser.isSet(QStringLiteral("profile"))) {
        ProvisionProfile p;
        if (!findProfile(c, *store, c.parser.value(QStringLiteral("profile")), &p, exitCode))
            return false;
        rule->profileId = p.id;
    }
    return true;
}

int changeMembers(Context &c, const char *command, MemberChange change)
{
    if (c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'collections %1' takes a collection and the systems (UUID, FQDN or "
                                    "name), or --members-file FILE.")
                             .arg(QLatin1String(command)));
    QStringList names;
    int code = Success;
    if (!textOrJson(c, command, &code) || !systemNames(c, c.args.mid(1), &names, &code))
        return code;
    if (names.isEmpty())
        return usage(c.err,
                     QStringLiteral("Name the systems to %1: UUIDs, FQDNs or names, or --members-file FILE.")
                             .arg(QLatin1String(change == MemberChange::Add ? "add" : "remove")));
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    Collection col;
    if (!findCollection(c, *store, c.args.first(), &col, &code))
        return code;
    const StoreResult<int> r = store->changeCollectionMembers(col.id, names, change).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(
                         QJsonObject{{QStringLiteral("collection"), col.name},
                                     {change == MemberChange::Add ? QStringLiteral("added") : QStringLiteral("removed"),
                                      r.value}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << (change == MemberChange::Add ? QStringLiteral("Added %1 to the collection %2.")
                                              : QStringLiteral("Removed %1 from the collection %2."))
                         .arg(plural(r.value, "system", "systems"), col.name)
              << '\n';
    c.out.flush();
    return Success;
}

} // namespace

bool findCollection(Context &c, Store &store, const QString &nameOrId, Collection *collection, int *exitCode)
{
    const StoreResult<QList<Collection>> r = store.listCollections().result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    bool isNumber = false;
    const qint64 id = nameOrId.trimmed().toLongLong(&isNumber);
    QList<Collection> similar;
    for (const Collection &col : r.value) {
        if ((isNumber && col.id == id) || col.name == nameOrId.trimmed()) {
            *collection = col;
            return true;
        }
        if (col.name.compare(nameOrId.trimmed(), Qt::CaseInsensitive) == 0)
            similar << col;
    }
    if (similar.size() == 1) {
        *collection = similar.first();
        return true;
    }
    *exitCode = failure(c.err,
                        QStringLiteral("There is no collection %1; 'oobmctl collections list' lists them.")
                                .arg(nameOrId.trimmed()));
    return false;
}

int collectionsList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'collections list' takes no arguments."));
    ListFormat format;
    int code = Success;
    QList<Collection> collections;
    if (!listFormat(c, "collections list", &format, &code)
        || !fetchList(
                c, [](Store &store) { return store.listCollections(); }, &collections, &code))
        return code;
    printList(c, format, collections,
              {.json = collectionJson,
               .row = collectionRow,
               .csvHeader = {QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("Kind"),
                             QStringLiteral("Members"), QStringLiteral("Selects"), QStringLiteral("Description")},
               .footer = [](qsizetype n) { return plural(n, "collection", "collections"); }});
    return Success;
}

int collectionsShow(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'collections show' takes one collection, by name or ID."));
    int code = Success;
    if (!textOrJson(c, "collections show", &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    Collection col;
    if (!findCollection(c, *store, c.args.first(), &col, &code))
        return code;
    const qint64 memberCount = col.memberCount;
    const StoreResult<Collection> full = store->collection(col.id, true).result();
    if (!full.ok())
        return failure(c.err, full.error.message);
    col = full.value;
    col.memberCount = memberCount;
    if (c.format == Format::Json) {
        QJsonObject o = collectionJson(col);
        if (col.kind == Collection::Kind::Static)
            o.insert(QStringLiteral("uuids"), QJsonArray::fromStringList(col.members));
        c.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }
    auto field = [&](const char *label, const QString &value) {
        c.out << QString(QLatin1String(label) + u':').leftJustified(14)
              << (value.isEmpty() ? QStringLiteral("-") : value) << '\n';
    };
    field("ID", QString::number(col.id));
    field("Name", col.name);
    field("Kind", kindKey(col));
    field("Description", col.description);
    if (col.kind == Collection::Kind::Dynamic)
        field("Rule", col.rule.describe());
    field("Members now", QString::number(col.memberCount));
    field("Changed by", col.createdBy);
    field("Changed", localTime(col.changed));
    if (col.kind == Collection::Kind::Static && !col.members.isEmpty()) {
        c.out << "Members:\n";
        for (const QString &uuid : std::as_const(col.members))
            c.out << "  " << uuid << '\n';
    }
    c.out.flush();
    return Success;
}

int collectionsCreate(Context &c)
{
    if (c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'collections create' takes a NAME, and --dynamic with rule options or "
                                    "--static with the systems."));
    const bool isStatic = c.parser.isSet(QStringLiteral("static"));
    const bool isDynamic = c.parser.isSet(QStringLiteral("dynamic"));
    if (isStatic == isDynamic)
        return usage(c.err,
                     QStringLiteral("Say what the collection is: --dynamic (a rule: --state, --min-version, "
                                    "--max-version, --profile, --fqdn, --ip, --hello-older-than, "
                                    "--hello-newer-than, --last-task, --tag) or --static (the systems)."));
    int code = Success;
    if (!textOrJson(c, "collections create", &code))
        return code;
    Collection col;
    col.name = c.args.first().trimmed();
    col.description = c.parser.value(QStringLiteral("description")).trimmed();
    col.kind = isStatic ? Collection::Kind::Static : Collection::Kind::Dynamic;
    col.createdBy = AuditActor::current().user;
    if (isStatic) {
        if (!systemNames(c, c.args.mid(1), &col.members, &code))
            return code;
    } else if (c.args.size() > 1) {
        return usage(c.err, QStringLiteral("A dynamic collection takes no systems: its rule selects them."));
    }
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    if (isDynamic && !parseRule(c, store.get(), &col.rule, &code))
        return code;
    if (const QString problem = col.problem(); !problem.isEmpty())
        return usage(c.err, problem);
    const StoreResult<qint64> r = store->saveCollection(col).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    col.id = r.value;
    const StoreResult<qint64> count = store->countCollectionMembers(col).result();
    if (c.format == Format::Json) {
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("id"), col.id},
                                           {QStringLiteral("name"), col.name},
                                           {QStringLiteral("kind"), kindKey(col)},
                                           {QStringLiteral("members"), count.value}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    } else if (isStatic) {
        c.out << QStringLiteral("Created the static collection %1 (id %2) with %3.")
                         .arg(col.name)
                         .arg(col.id)
                         .arg(plural(count.value, "system", "systems"))
              << '\n';
    } else {
        c.out << QStringLiteral("Created the dynamic collection %1 (id %2): %3; %4 now.")
                         .arg(col.name)
                         .arg(col.id)
                         .arg(col.rule.describe(), plural(count.value, "system matches", "systems match"))
              << '\n';
    }
    c.out.flush();
    return Success;
}

int collectionsDelete(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'collections delete' takes one collection, by name or ID."));
    int code = Success;
    if (!textOrJson(c, "collections delete", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    Collection col;
    if (!findCollection(c, *store, c.args.first(), &col, &code))
        return code;
    const StoreResult<int> r = store->deleteCollection(col.id).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("deleted"), col.name}}).toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Deleted the collection %1.").arg(col.name) << '\n';
    c.out.flush();
    return Success;
}

int collectionsMembers(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'collections members' takes one collection, by name or ID."));
    ListFormat format;
    int code = Success;
    if (!listFormat(c, "collections members", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    Collection col;
    if (!findCollection(c, *store, c.args.first(), &col, &code))
        return code;
    SystemFilter filter;
    filter.collectionId = col.id;
    const StoreResult<QList<AmtSystem>> r = store->listSystems(filter).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    printSystems(c, format, r.value);
    return Success;
}

int collectionsAdd(Context &c)
{
    return changeMembers(c, "add", MemberChange::Add);
}

int collectionsRemove(Context &c)
{
    return changeMembers(c, "remove", MemberChange::Remove);
}

} // namespace Oobm::Ctl
