// SPDX-License-Identifier: GPL-2.0-or-later
#include "collection.h"

#include "core/provisioning/ipv4range.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::Collection", text);
}

constexpr int MaxHours = 24 * 3660;
} // namespace

bool CollectionRule::isEmpty() const
{
    return *this == CollectionRule{};
}

QString CollectionRule::problem() const
{
    if (!minVersion.isEmpty() && amtVersionNumber(minVersion) < 0)
        return tr("'%1' is not an AMT version such as 3.0 or 3.2.1.").arg(minVersion);
    if (!maxVersion.isEmpty() && amtVersionNumber(maxVersion) < 0)
        return tr("'%1' is not an AMT version such as 3.0 or 3.2.1.").arg(maxVersion);
    if (!minVersion.isEmpty() && !maxVersion.isEmpty() && amtVersionNumber(minVersion) > amtVersionNumber(maxVersion))
        return tr("The AMT version range %1 to %2 is empty: the first must not be above the last.")
                .arg(minVersion, maxVersion);
    if (Ipv4Range range; !ipRange.isEmpty() && !Ipv4Range::parse(ipRange, &range))
        return tr("'%1' is not an IPv4 range: write 10.1.0.0/16 or 10.1.0.5-10.1.0.90.").arg(ipRange);
    if (fqdnPattern.contains(u' '))
        return tr("'%1' is not an FQDN pattern such as *.lab.example.com.").arg(fqdnPattern);
    if (helloOlderThanHours < 0 || helloOlderThanHours > MaxHours || helloNewerThanHours < 0
        || helloNewerThanHours > MaxHours)
        return tr("Hours since the last hello are 0 to %1.").arg(MaxHours);
    if (helloOlderThanHours > 0 && helloNewerThanHours > 0 && helloNewerThanHours <= helloOlderThanHours)
        return tr("No system has its last hello both more than %1 and less than %2 hours ago.")
                .arg(helloOlderThanHours)
                .arg(helloNewerThanHours);
    if (tag.contains(u','))
        return tr("A tag has no commas: '%1'.").arg(tag);
    return {};
}

QString CollectionRule::describe() const
{
    QStringList parts;
    if (!states.isEmpty()) {
        QStringList names;
        for (SystemState s : states)
            names << systemStateName(s);
        parts << tr("state %1").arg(names.join(tr(" or ")));
    }
    if (!minVersion.isEmpty() || !maxVersion.isEmpty())
        parts << tr("AMT %1 to %2")
                         .arg(minVersion.isEmpty() ? tr("any") : minVersion,
                              maxVersion.isEmpty() ? tr("any") : maxVersion);
    if (profileId > 0)
        parts << tr("profile #%1").arg(profileId);
    if (!fqdnPattern.isEmpty())
        parts << tr("FQDN %1").arg(fqdnPattern);
    if (!ipRange.isEmpty())
        parts << tr("address in %1").arg(ipRange);
    if (helloOlderThanHours > 0)
        parts << tr("no hello for %1 h").arg(helloOlderThanHours);
    if (helloNewerThanHours > 0)
        parts << tr("a hello within %1 h").arg(helloNewerThanHours);
    if (taskOutcome == TaskOutcome::LastFailed)
        parts << tr("last task failed");
    else if (taskOutcome == TaskOutcome::LastSucceeded)
        parts << tr("last task succeeded");
    if (!tag.isEmpty())
        parts << tr("tag %1").arg(tag);
    return parts.isEmpty() ? tr("every system") : parts.join(QStringLiteral(", "));
}

QByteArray CollectionRule::toJson() const
{
    QJsonObject o;
    if (!states.isEmpty()) {
        QJsonArray a;
        for (SystemState s : states)
            a.append(systemStateKey(s));
        o.insert(QStringLiteral("states"), a);
    }
    const auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("min-version", minVersion);
    put("max-version", maxVersion);
    put("fqdn", fqdnPattern);
    put("ip", ipRange);
    put("tag", tag);
    if (profileId > 0)
        o.insert(QStringLiteral("profile"), profileId);
    if (helloOlderThanHours > 0)
        o.insert(QStringLiteral("hello-older-h"), helloOlderThanHours);
    if (helloNewerThanHours > 0)
        o.insert(QStringLiteral("hello-newer-h"), helloNewerThanHours);
    if (taskOutcome != TaskOutcome::Any)
        o.insert(QStringLiteral("task"),
                 taskOutcome == TaskOutcome::LastFailed ? QStringLiteral("failed") : QStringLiteral("succeeded"));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

CollectionRule CollectionRule::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    CollectionRule r;
    for (const QJsonValue v : o.value(QStringLiteral("states")).toArray()) {
        SystemState s;
        if (systemStateFromKey(v.toString(), &s))
            r.states << s;
    }
    r.minVersion = o.value(QStringLiteral("min-version")).toString();
    r.maxVersion = o.value(QStringLiteral("max-version")).toString();
    r.fqdnPattern = o.value(QStringLiteral("fqdn")).toString();
    r.ipRange = o.value(QStringLiteral("ip")).toString();
    r.tag = o.value(QStringLiteral("tag")).toString();
    r.profileId = o.value(QStringLiteral("profile")).toInteger();
    r.helloOlderThanHours = o.value(QStringLiteral("hello-older-h")).toInt();
    r.helloNewerThanHours = o.value(QStringLiteral("hello-newer-h")).toInt();
    const QString task = o.value(QStringLiteral("task")).toString();
    r.taskOutcome = task == u"failed" ? TaskOutcome::LastFailed
            : task == u"succeeded"    ? TaskOutcome::LastSucceeded
                                      : TaskOutcome::Any;
    return r;
}

QString Collection::problem() const
{
    if (name.trimmed().isEmpty())
        return tr("Give the collection a name.");
    if (isBuiltIn())
        return tr("The collection %1 is built in: copy it to make one you can change.").arg(name);
    if (kind == Kind::Dynamic)
        return rule.problem();
    return {};
}

QStringList Collection::parseMembers(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QStringList list;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        if (!list.contains(part, Qt::CaseInsensitive))
            list << part;
    }
    return list;
}

QList<Collection> Collection::builtIns()
{
    QList<Collection> list;
    qint64 id = -1;
    for (SystemState s : allSystemStates()) {
        Collection c;
        c.id = id--;
        c.name = tr("All %1").arg(systemStateName(s));
        c.description = tr("Every system in the state %1 (built in).").arg(systemStateName(s));
        c.rule.states = {s};
        list << c;
    }
    Collection failed;
    failed.id = id--;
    failed.name = tr("Failed in the last 24 hours");
    failed.description = tr("Systems that failed to provision and said hello within the last 24 hours (built in).");
    failed.rule.states = {SystemState::Failed};
    failed.rule.helloNewerThanHours = 24;
    list << failed;
    return list;
}

QString Collection::kindName(Kind kind)
{
    return kind == Kind::Static ? tr("Static") : tr("Dynamic");
}

} // namespace Oobm::Core
