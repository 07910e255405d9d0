// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlprofiles.h"

#include "ctlauxprofiles.h"
#include "ctlcertificates.h"

#include "core/amt/amttypes.h"

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QJsonObject profileJson(const ProvisionProfile &p)
{
    QJsonArray users;
    for (const Amt::UserAclEntry &u : p.aclUsers) {
        QJsonArray realms;
        for (unsigned r : u.realms)
            realms.append(Amt::realmName(r));
        users.append(QJsonObject{{QStringLiteral("name"), u.username}, {QStringLiteral("realms"), realms}});
    }
    return QJsonObject{
            {QStringLiteral("id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("default"), p.isDefault},
            {QStringLiteral("adminUser"), p.adminUser},
            {QStringLiteral("adminPerDevice"), p.randomAdminPassword}, // a random one each
            {QStringLiteral("users"), users},
            {QStringLiteral("tls"), p.tlsEnabled},
            {QStringLiteral("tlsCertificate"), p.tlsCertificateName},
            {QStringLiteral("auxProfile"), p.auxiliaryProfileName},
            {QStringLiteral("domain"), p.domainName},
            {QStringLiteral("hostNamePattern"), p.hostNamePattern},
            {QStringLiteral("interfaces"), QJsonArray::fromStringList(p.interfaces)},
            {QStringLiteral("changed"), jsonTime(p.changed)},
    };
}

QStringList profileRow(const ProvisionProfile &p, bool csv)
{
    QStringList users;
    for (const Amt::UserAclEntry &u : p.aclUsers)
        users << userText(u);
    return QStringList{p.name,
                       csv ? (p.isDefault ? QStringLiteral("true") : QStringLiteral("false"))
                           : (p.isDefault ? QStringLiteral("default") : QString()),
                       p.adminUser,
                       users.join(u' '),
                       p.domainName,
                       p.hostNamePattern,
                       p.interfaces.join(u','),
                       csv ? isoTime(p.changed) : localTime(p.changed)};
}

} // namespace

QString realmHelp()
{
    QStringList names;
    for (Amt::Realm r : Amt::allRealms())
        names << QStringLiteral("%1 (%2)").arg(Amt::realmName(unsigned(r))).arg(unsigned(r));
    return wrappedList(names);
}

// NAME:REALM,REALM...
bool parseUser(Context &c, const QString &text, Amt::UserAclEntry *user, int *exitCode)
{
    const qsizetype colon = text.indexOf(u':');
    user->username = (colon < 0 ? text : text.left(colon)).trimmed();
    if (user->username.isEmpty()) {
        *exitCode = usage(c.err,
                          QStringLiteral("--user takes NAME:REALM,REALM..., e.g. "
                                         "operator:RemoteControl,GeneralInfo; '%1' has "
                                         "no name.")
                                  .arg(text));
        return false;
    }
    const QStringList realms = colon < 0 ? QStringList() : text.mid(colon + 1).split(u',', Qt::SkipEmptyParts);
    for (const QString &part : realms) {
        unsigned realm = 0;
        if (!Amt::realmFromName(part, &realm)) {
            QStringList names;
            for (Amt::Realm r : Amt::allRealms())
                names << Amt::realmName(unsigned(r));
            *exitCode = usage(c.err,
                              QStringLiteral("Unknown realm '%1' for the user %2; the "
                                             "realms are: %3 (or their numbers).")
                                      .arg(part.trimmed(), user->username, names.join(QStringLiteral(", "))));
            return false;
        }
        if (!user->realms.contains(realm))
            user->realms << realm;
    }
    return true;
}

QString userText(const Amt::UserAclEntry &u)
{
    QStringList realms;
    for (unsigned r : u.realms)
        realms << Amt::realmName(r);
    return u.username + u':' + realms.join(u',');
}

// The profile with this name: exactly, else the only one that matches in another case.
bool findProfile(Context &c, Store &store, const QString &name, ProvisionProfile *profile, int *exitCode)
{
    const StoreResult<QList<ProvisionProfile>> r = store.listProfiles().result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    QList<ProvisionProfile> similar;
    for (const ProvisionProfile &p : r.value) {
        if (p.name == name) {
            *profile = p;
            return true;
        }
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            similar << p;
    }
    if (similar.size() == 1) {
        *profile = similar.first();
        return true;
    }
    *exitCode = failure(c.err, QStringLiteral("There is no provision profile %1.").arg(name));
    return false;
}

int profilesList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'profiles list' takes no arguments."));
    ListFormat format;
    int code = Success;
    QList<ProvisionProfile> profiles;
    if (!listFormat(c, "profiles list", &format, &code)
        || !fetchList(
                c, [](Store &store) { return store.listProfiles(); }, &profiles, &code))
        return code;
    printList(c, format, profiles,
              {.json = profileJson,
               .row = profileRow,
               .csvHeader = {QStringLiteral("Name"), QStringLiteral("Default"), QStringLiteral("Admin user"),
                             QStringLiteral("Users"), QStringLiteral("Domain"), QStringLiteral("Host name pattern"),
                             QStringLiteral("Interfaces"), QStringLiteral("Changed")},
               .footer = [](qsizetype n) { return plural(n, "profile", "profiles"); }});
    return Success;
}

int profilesShow(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'profiles show' takes one NAME."));
    int code = Success;
    if (!textOrJson(c, "profiles show", &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    ProvisionProfile p;
    if (!findProfile(c, *store, c.args.first(), &p, &code))
        return code;
    if (c.format == Format::Json) {
        c.out << QJsonDocument(profileJson(p)).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }
    auto field = [&](const char *label, const QString &value) {
        c.out << QString(QLatin1String(label) + u':').leftJustified(22)
              << (value.isEmpty() ? QStringLiteral("-") : value) << '\n';
    };
    field("Name", p.name);
    field("Default", yesNo(p.isDefault));
    field("Admin user", p.adminUser);
    if (p.aclUsers.isEmpty())
        field("Users", {});
    for (const Amt::UserAclEntry &u : p.aclUsers)
        field("User", userText(u));
    field("TLS", yesNo(p.tlsEnabled));
    field("TLS certificate", p.tlsCertificateName);
    field("Auxiliary profile", p.auxiliaryProfileName);
    field("Domain", p.domainName);
    field("Host name pattern", p.hostNamePattern);
    field("Interfaces", p.interfaces.join(QStringLiteral(", ")));
    field("Changed", localTime(p.changed));
    c.out.flush();
    return Success;
}

int profilesCreate(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err,
                     QStringLiteral("'profiles create' takes one NAME and options: "
                                    "oobmctl profiles create Standard --admin-password P"));
    int code = Success;
    if (!textOrJson(c, "profiles create", &code))
        return code;
    ProvisionProfile p;
    p.name = c.args.first().trimmed();
    p.isDefault = c.parser.isSet(QStringLiteral("default"));
    if (c.parser.isSet(QStringLiteral("admin-user")))
        p.adminUser = c.parser.value(QStringLiteral("admin-user"));
    for (const QString &value : c.parser.values(QStringLiteral("user"))) {
        Amt::UserAclEntry user;
        if (!parseUser(c, value, &user, &code))
            return code;
        p.aclUsers << user;
    }
    if (c.parser.isSet(QStringLiteral("domain")))
        p.domainName = c.parser.value(QStringLiteral("domain")).trimmed();
    if (c.parser.isSet(QStringLiteral("host-pattern")))
        p.hostNamePattern = c.parser.value(QStringLiteral("host-pattern")).trimmed();
    if (c.parser.isSet(QStringLiteral("interfaces"))) {
        static const QStringList knownInterfaces{QStringLiteral("WebUI"), QStringLiteral("SOL"),
                                                 QStringLiteral("IDER")};
        p.interfaces.clear();
        for (const QString &part : c.parser.value(QStringLiteral("interfaces")).split(u',', Qt::SkipEmptyParts)) {
            QString name = part.trimmed();
            for (const QString &k : knownInterfaces) {
                if (name.compare(k, Qt::CaseInsensitive) == 0)
                    name = k;
            }
            if (!p.interfaces.contains(name))
                p.interfaces << name;
        }
    }
    if (p.aclUsers.isEmpty() && c.parser.isSet(QStringLiteral("user-password")))
        return usage(c.err,
                     QStringLiteral("--user-password is the password of the users given "
                                    "with --user NAME:REALM,...; there are none."));
    p.randomAdminPassword = c.parser.isSet(QStringLiteral("random-admin-password"));
    if (!p.randomAdminPassword)
        p.adminPassword = secretOption(c, QStringLiteral("admin-password"), "OOBM_PROFILE_ADMIN_PASSWORD");
    if (p.adminPassword.isEmpty() && !p.randomAdminPassword)
        return usage(c.err,
                     QStringLiteral("Give the admin password with --admin-password P, "
                                    "OOBM_PROFILE_ADMIN_PASSWORD, or \"-\" to read it from "
                                    "standard input; or --random-admin-password for one per device."));
    if (!p.aclUsers.isEmpty()) {
        const QString password = secretOption(c, QStringLiteral("user-password"), "OOBM_PROFILE_USER_PASSWORD");
        if (password.isEmpty())
            return usage(c.err,
                         QStringLiteral("Give the users' password with --user-password P, "
                                        "OOBM_PROFILE_USER_PASSWORD, or \"-\" to read it from "
                                        "standard input."));
        for (Amt::UserAclEntry &u : p.aclUsers)
            u.password = password;
    }
    p.tlsEnabled = c.parser.isSet(QStringLiteral("tls"));
    const QString certificateName = c.parser.value(QStringLiteral("tls-certificate"));
    const QString auxiliaryName = c.parser.value(QStringLiteral("aux-profile"));
    // Named references get a placeholder id until the store is open; problem() only asks whether.
    p.tlsCertificateId = certificateName.isEmpty() ? 0 : 1;
    p.auxiliaryProfileId = auxiliaryName.isEmpty() ? 0 : 1;
    // What the store would refuse, said before the data key is needed.
    if (const QString problem = p.problem(); !problem.isEmpty())
        return failure(c.err, problem);
    auto store = openUnlockedStore(c, &code, true);
    if (!store)
        return code;
    if (!certificateName.isEmpty() && !findTlsCertificate(c, *store, certificateName, &p.tlsCertificateId, &code))
        return code;
    if (!auxiliaryName.isEmpty() && !findAuxiliaryProfile(c, *store, auxiliaryName, &p.auxiliaryProfileId, &code))
        return code;
    const StoreResult<qint64> r = store->saveProfile(p).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("id"), r.value},
                                           {QStringLiteral("name"), p.name},
                                           {QStringLiteral("default"), p.isDefault}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Created the provision profile %1%2.")
                         .arg(p.name, p.isDefault ? QStringLiteral(" (the default)") : QString())
              << '\n';
    c.out.flush();
    return Success;
}

int profilesDelete(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'profiles delete' takes one NAME."));
    int code = Success;
    if (!textOrJson(c, "profiles delete", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    ProvisionProfile p;
    if (!findProfile(c, *store, c.args.first(), &p, &code))
        return code;
    const StoreResult<int> r = store->deleteProfile(p.id).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (r.value == 0)
        return failure(c.err, QStringLiteral("There is no provision profile %1.").arg(p.name));
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("name"), p.name}, {QStringLiteral("deleted"), true}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Deleted the provision profile %1.").arg(p.name) << '\n';
    c.out.flush();
    return Success;
}

} // namespace Oobm::Ctl
