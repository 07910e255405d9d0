// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlsettings.h"

#include "core/settings/servicesettings.h"

#include <algorithm>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QJsonValue settingJson(const ServiceSettings &s, const QString &key)
{
    const QString v = s.value(key);
    if (key == ServiceSettings::ListenPortKey)
        return v.toInt();
    if (v == u"true" || v == u"false")
        return v == u"true";
    return v;
}

} // namespace

int settingsGet(Context &c)
{
    if (c.args.size() > 1)
        return usage(c.err, QStringLiteral("'settings get' takes at most one key."));
    const QString key = c.args.value(0);
    if (!key.isEmpty() && !ServiceSettings::keys().contains(key))
        return usage(c.err,
                     QStringLiteral("There is no setting '%1'. The settings are: %2.")
                             .arg(key, ServiceSettings::keys().join(QStringLiteral(", "))));
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    auto future = store->serviceSettings();
    const StoreResult<ServiceSettings> r = future.result();
    if (!r.ok())
        return failure(c.err, r.error.message);

    const QStringList keys = key.isEmpty() ? ServiceSettings::keys() : QStringList{key};
    if (c.format == Format::Json) {
        QJsonObject o;
        for (const QString &k : keys)
            o.insert(k, settingJson(r.value, k));
        c.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (!key.isEmpty()) {
        c.out << r.value.value(key) << '\n';
    } else {
        int width = 0;
        for (const QString &k : keys)
            width = std::max(width, int(k.size()));
        for (const QString &k : keys)
            c.out << k.leftJustified(width + 2) << r.value.value(k) << '\n';
    }
    c.out.flush();
    return Success;
}

int settingsSet(Context &c)
{
    if (c.args.size() != 2)
        return usage(c.err,
                     QStringLiteral("'settings set' takes a key and a value, e.g. "
                                    "'oobmctl settings set listen-port 9971'."));
    const QString key = c.args.at(0);
    if (!ServiceSettings::keys().contains(key))
        return usage(c.err,
                     QStringLiteral("There is no setting '%1'. The settings are: %2.")
                             .arg(key, ServiceSettings::keys().join(QStringLiteral(", "))));
    ServiceSettings probe;
    if (const QString problem = probe.setValue(key, c.args.at(1)); !problem.isEmpty())
        return usage(c.err, problem);

    int code = Success;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    const StoreResult<ServiceSettings> current = store->serviceSettings().result();
    if (!current.ok())
        return failure(c.err, current.error.message);
    ServiceSettings wanted = current.value;
    wanted.setValue(key, c.args.at(1));
    const StoreResult<QStringList> r = store->applyServiceSettings(wanted, QStringLiteral("oobmctl")).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json) {
        QJsonObject o;
        o.insert(QStringLiteral("key"), key);
        o.insert(QStringLiteral("value"), settingJson(wanted, key));
        o.insert(QStringLiteral("changed"), !r.value.isEmpty());
        c.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else if (r.value.isEmpty()) {
        c.out << QStringLiteral("%1 is already %2.").arg(key, wanted.value(key)) << '\n';
    } else {
        for (const QString &line : r.value)
            c.out << line << '\n';
    }
    c.out.flush();
    return Success;
}

} // namespace Oobm::Ctl
