// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlassignments.h"

#include "ctlprofiles.h"

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QJsonObject assignmentJson(const ProfileAssignment &a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("kind"), ProfileAssignment::kindKey(a.kind)},
                       {QStringLiteral("value"), a.value},
                       {QStringLiteral("profile"), a.profileName}};
}

QStringList assignmentRow(const ProfileAssignment &a, bool /*csv*/)
{
    return QStringList{QString::number(a.id), ProfileAssignment::kindKey(a.kind), a.value, a.profileName};
}

} // namespace

int assignmentsList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'assignments list' takes no arguments."));
    ListFormat format;
    int code = Success;
    QList<ProfileAssignment> assignments;
    if (!listFormat(c, "assignments list", &format, &code)
        || !fetchList(
                c, [](Store &store) { return store.listAssignments(); }, &assignments, &code))
        return code;
    printList(c, format, assignments,
              {.json = assignmentJson,
               .row = assignmentRow,
               .csvHeader = {QStringLiteral("ID"), QStringLiteral("Kind"), QStringLiteral("Value"),
                             QStringLiteral("Profile")},
               .footer = [](qsizetype n) -> QString {
                   return plural(n, "rule", "rules")
                           + QStringLiteral("; systems no rule matches get the default profile");
               }});
    return Success;
}

int assignmentsAdd(Context &c)
{
    if (c.args.size() != 2)
        return usage(c.err,
                     QStringLiteral("'assignments add' takes a kind (uuid, fqdn or ip) and a VALUE, with "
                                    "--profile NAME: oobmctl assignments add ip 10.1.0.0/16 --profile Lab"));
    int code = Success;
    if (!textOrJson(c, "assignments add", &code))
        return code;
    ProfileAssignment a;
    if (!ProfileAssignment::kindFromKey(c.args.at(0), &a.kind))
        return usage(
                c.err,
                QStringLiteral("Unknown assignment kind '%1'; the kinds are uuid, fqdn and ip.").arg(c.args.at(0)));
    a.value = c.args.at(1).trimmed();
    if (!c.parser.isSet(QStringLiteral("profile")))
        return usage(c.err, QStringLiteral("Name the provision profile the matching systems get with --profile NAME."));
    a.profileId = 1; // resolved below; problem() checks the value first
    if (const QString problem = a.problem(); !problem.isEmpty())
        return failure(c.err, problem);
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    ProvisionProfile p;
    if (!findProfile(c, *store, c.parser.value(QStringLiteral("profile")), &p, &code))
        return code;
    a.profileId = p.id;
    a.profileName = p.name;
    const auto r = store->addAssignment(a).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    a.id = r.value;
    if (c.format == Format::Json)
        c.out << QJsonDocument(assignmentJson(a)).toJson(QJsonDocument::Compact) << '\n';
    else
        c.out << QStringLiteral("Added the assignment %1: %2 gets the profile %3.")
                         .arg(QString::number(a.id), a.describe(), p.name)
              << '\n';
    c.out.flush();
    return Success;
}

int assignmentsDelete(Context &c)
{
    bool ok = false;
    const qint64 id = c.args.value(0).toLongLong(&ok);
    if (c.args.size() != 1 || !ok || id <= 0)
        return usage(c.err, QStringLiteral("'assignments delete' takes one rule ID (see oobmctl assignments list)."));
    int code = Success;
    if (!textOrJson(c, "assignments delete", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    const auto r = store->deleteAssignment(id).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (r.value == 0)
        return failure(c.err,
                       QStringLiteral("There is no assignment %1; oobmctl assignments list shows their IDs.").arg(id));
    c.out << QStringLiteral("Deleted the assignment %1.").arg(id) << '\n';
    c.out.flush();
    return Success;
}

} // namespace Oobm::Ctl
