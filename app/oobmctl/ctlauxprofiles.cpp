// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlauxprofiles.h"

#include "ctlcertificates.h"
#include "ctlprofiles.h"

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QJsonObject auxiliaryProfileJson(const AuxiliaryProfile &a)
{
    QJsonArray users;
    for (const Amt::UserAclEntry &u : a.aclUsers) {
        QJsonArray realms;
        for (unsigned r : u.realms)
            realms.append(Amt::realmName(r));
        users.append(QJsonObject{{QStringLiteral("name"), u.username}, {QStringLiteral("realms"), realms}});
    }
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("name"), a.name},
                       {QStringLiteral("users"), users},
                       {QStringLiteral("tlsCertificate"), a.tlsCertificateName},
                       {QStringLiteral("usedBy"), QJsonArray::fromStringList(a.usedBy)},
                       {QStringLiteral("changed"), jsonTime(a.changed)}};
}

QStringList auxiliaryProfileRow(const AuxiliaryProfile &p, bool /*csv*/)
{
    QStringList users;
    for (const Amt::UserAclEntry &u : p.aclUsers)
        users << userText(u);
    return QStringList{p.name, users.join(u' '), p.tlsCertificateName, p.usedBy.join(u',')};
}

} // namespace

bool findAuxiliaryProfile(Context &c, Store &store, const QString &name, qint64 *id, int *exitCode,
                          AuxiliaryProfile *profile)
{
    const auto r = store.listAuxiliaryProfiles().result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    // The exact name first; a different case only when it names one profile alone.
    QList<AuxiliaryProfile> matches;
    for (const AuxiliaryProfile &a : r.value) {
        if (a.name == name) {
            matches = {a};
            break;
        }
        if (a.name.compare(name, Qt::CaseInsensitive) == 0)
            matches << a;
    }
    if (matches.size() == 1) {
        *id = matches.first().id;
        if (profile)
            *profile = matches.first();
        return true;
    }
    if (matches.size() > 1) {
        QStringList names;
        for (const AuxiliaryProfile &a : std::as_const(matches))
            names << a.name;
        *exitCode = failure(c.err,
                            QStringLiteral("'%1' could be any of %2: give the name with its exact case.")
                                    .arg(name, names.join(QStringLiteral(", "))));
        return false;
    }
    *exitCode = failure(c.err, QStringLiteral("There is no auxiliary profile %1.").arg(name));
    return false;
}

int auxProfilesList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'aux-profiles list' takes no arguments."));
    ListFormat format;
    int code = Success;
    QList<AuxiliaryProfile> profiles;
    if (!listFormat(c, "aux-profiles list", &format, &code)
        || !fetchList(
                c, [](Store &store) { return store.listAuxiliaryProfiles(); }, &profiles, &code))
        return code;
    printList(c, format, profiles,
              {.json = auxiliaryProfileJson,
               .row = auxiliaryProfileRow,
               .csvHeader = {QStringLiteral("Name"), QStringLiteral("Users"), QStringLiteral("TLS certificate"),
                             QStringLiteral("Used by")},
               .footer = [](qsizetype n) { return plural(n, "auxiliary profile", "auxiliary profiles"); }});
    return Success;
}

int auxProfilesShow(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'aux-profiles show' takes one NAME."));
    int code = Success;
    if (!textOrJson(c, "aux-profiles show", &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    AuxiliaryProfile a;
    qint64 id = 0;
    if (!findAuxiliaryProfile(c, *store, c.args.first(), &id, &code, &a))
        return code;
    if (c.format == Format::Json) {
        c.out << QJsonDocument(auxiliaryProfileJson(a)).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }
    auto field = [&](const char *label, const QString &value) {
        c.out << QString(QLatin1String(label) + u':').leftJustified(22)
              << (value.isEmpty() ? QStringLiteral("-") : value) << '\n';
    };
    field("Name", a.name);
    if (a.aclUsers.isEmpty())
        field("Users", {});
    for (const Amt::UserAclEntry &u : a.aclUsers)
        field("User", userText(u));
    field("TLS certificate", a.tlsCertificateName);
    field("Used by", a.usedBy.join(QStringLiteral(", ")));
    field("Changed", localTime(a.changed));
    c.out.flush();
    return Success;
}

int auxProfilesCreate(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err,
                     QStringLiteral("'aux-profiles create' takes one NAME and options: oobmctl aux-profiles create "
                                    "Helpdesk --user helpdesk:RemoteControl --user-password P"));
    int code = Success;
    if (!textOrJson(c, "aux-profiles create", &code))
        return code;
    AuxiliaryProfile a;
    a.name = c.args.first().trimmed();
    for (const QString &value : c.parser.values(QStringLiteral("user"))) {
        Amt::UserAclEntry user;
        if (!parseUser(c, value, &user, &code))
            return code;
        a.aclUsers << user;
    }
    if (a.aclUsers.isEmpty() && c.parser.isSet(QStringLiteral("user-password")))
        return usage(c.err,
                     QStringLiteral("--user-password is the password of the users given with --user "
                                    "NAME:REALM,...; there are none."));
    if (!a.aclUsers.isEmpty()) {
        const QString password = secretOption(c, QStringLiteral("user-password"), "OOBM_PROFILE_USER_PASSWORD");
        if (password.isEmpty())
            return usage(c.err,
                         QStringLiteral("Give the users' password with --user-password P, "
                                        "OOBM_PROFILE_USER_PASSWORD, or \"-\" to read it from standard "
                                        "input."));
        for (Amt::UserAclEntry &u : a.aclUsers)
            u.password = password;
    }
    const QString certificateName = c.parser.value(QStringLiteral("tls-certificate"));
    a.tlsCertificateId = certificateName.isEmpty() ? 0 : 1; // resolved below; problem() asks whether
    if (const QString problem = a.problem(); !problem.isEmpty())
        return failure(c.err, problem);
    auto store = openUnlockedStore(c, &code, true);
    if (!store)
        return code;
    if (!certificateName.isEmpty() && !findTlsCertificate(c, *store, certificateName, &a.tlsCertificateId, &code))
        return code;
    const StoreResult<qint64> r = store->saveAuxiliaryProfile(a).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("id"), r.value}, {QStringLiteral("name"), a.name}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Created the auxiliary profile %1.").arg(a.name) << '\n';
    c.out.flush();
    return Success;
}

int auxProfilesDelete(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'aux-profiles delete' takes one NAME."));
    int code = Success;
    if (!textOrJson(c, "aux-profiles delete", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    AuxiliaryProfile a;
    qint64 id = 0;
    if (!findAuxiliaryProfile(c, *store, c.args.first(), &id, &code, &a))
        return code;
    const StoreResult<int> r = store->deleteAuxiliaryProfile(id).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << QStringLiteral("Deleted the auxiliary profile %1.").arg(a.name) << '\n';
    c.out.flush();
    return Success;
}

} // namespace Oobm::Ctl
