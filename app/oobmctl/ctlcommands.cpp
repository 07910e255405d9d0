// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlcommands.h"

#include "core/log/logentry.h"
#include "core/log/userlog.h"
#include "core/settings/servicesettings.h"
#include "core/store/sqlstore.h"
#include "core/store/storelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

const char HelpText[] = R"(Commands:
  settings get [KEY]           Print the service settings, or one of them
  settings set KEY VALUE       Change one service setting (writes a log entry)
  log tail [-n N] [--severity S]
                               Print the newest N log entries (default 20), oldest first;
                               --severity may repeat or list several: error,warning

Settings keys:
%1
The database is --database, else $OOBM_DATABASE, else the console's default SQLite file.
Exit status: 0 success, 1 the command failed, 2 the command line was wrong.)";

enum class Format { Text, Json };

struct Context
{
    QCommandLineParser &parser;
    QStringList args; // positional arguments after the command group
    Format format = Format::Text;
    QTextStream &out;
    QTextStream &err;
};

int usage(QTextStream &err, const QString &message)
{
    err << "oobmctl: " << message << '\n' << "Try 'oobmctl --help'.\n";
    err.flush();
    return UsageError;
}

int failure(QTextStream &err, const QString &message)
{
    err << "oobmctl: " << message << '\n';
    err.flush();
    return RuntimeError;
}

QJsonValue settingJson(const ServiceSettings &s, const QString &key)
{
    const QString v = s.value(key);
    if (key == ServiceSettings::ListenPortKey)
        return v.toInt();
    if (v == u"true" || v == u"false")
        return v == u"true";
    return v;
}

// Opens the store named by --database (or the environment / default). Returns nullptr and
// prints the error when it cannot.
std::unique_ptr<SqlStore> openStore(Context &c, int *exitCode, bool needWrite)
{
    QString error;
    const StoreLocation location = c.parser.isSet(QStringLiteral("database"))
            ? StoreLocation::parse(c.parser.value(QStringLiteral("database")), &error)
            : StoreLocation::fromEnvironmentOrDefault(&error);
    if (!location.isValid()) {
        *exitCode = usage(c.err, error);
        return nullptr;
    }
    auto store = std::make_unique<SqlStore>(location);
    if (const StoreError e = store->openAndWait()) {
        *exitCode = failure(c.err, e.message);
        return nullptr;
    }
    if (needWrite && !store->isWritable()) {
        *exitCode = failure(c.err, store->lastError().message);
        return nullptr;
    }
    return store;
}

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

    const QStringList keys = key.isEmpty() ? ServiceSettings::keys() : QStringList{ key };
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
    const StoreResult<QStringList> r =
            store->applyServiceSettings(wanted, QStringLiteral("oobmctl")).result();
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

int logTail(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'log tail' takes no arguments, only -n N and --severity S."));
    LogQuery query;
    query.limit = 20;
    if (c.parser.isSet(QStringLiteral("n"))) {
        bool ok = false;
        query.limit = c.parser.value(QStringLiteral("n")).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > 1000000)
            return usage(c.err,
                         QStringLiteral("-n takes a number of entries from 1 to 1000000, not '%1'.")
                                 .arg(c.parser.value(QStringLiteral("n"))));
    }
    for (const QString &value : c.parser.values(QStringLiteral("severity"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            Severity s;
            if (!severityFromKey(part, &s))
                return usage(
                        c.err,
                        QStringLiteral("Unknown severity '%1'; use error, warning, information "
                                       "or debug.")
                                .arg(part));
            if (!query.filter.severities.contains(s))
                query.filter.severities.append(s);
        }
    }
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    StoreResult<QList<LogEntry>> r = store->queryLog(query).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    std::reverse(r.value.begin(), r.value.end()); // tail: oldest of the page first
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const LogEntry &e : std::as_const(r.value)) {
            QJsonObject o;
            o.insert(QStringLiteral("id"), e.id);
            o.insert(QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs));
            o.insert(QStringLiteral("severity"), severityKey(e.severity));
            o.insert(QStringLiteral("source"), e.source);
            o.insert(QStringLiteral("uuid"),
                     e.deviceUuid.isEmpty() ? QJsonValue() : QJsonValue(e.deviceUuid));
            o.insert(QStringLiteral("message"), e.message);
            o.insert(QStringLiteral("details"), e.details);
            a.append(o);
        }
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        for (const LogEntry &e : std::as_const(r.value)) {
            c.out << e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                  << severityName(e.severity).leftJustified(11) << "  " << e.source.leftJustified(8)
                  << "  " << (e.deviceUuid.isEmpty() ? QStringLiteral("-") : e.deviceUuid) << "  "
                  << e.message;
            if (!e.details.isEmpty())
                c.out << " (" << e.details << ')';
            c.out << '\n';
        }
    }
    c.out.flush();
    return Success;
}

struct Command
{
    const char *group;
    const char *verb;
    int (*handler)(Context &);
};

constexpr Command Commands[] = {
    { "settings", "get", settingsGet },
    { "settings", "set", settingsSet },
    { "log", "tail", logTail },
};

QString settingsKeyHelp()
{
    QString text;
    for (const QString &k : ServiceSettings::keys())
        text += QStringLiteral("  %1 %2\n")
                        .arg(k.leftJustified(28), ServiceSettings::describeKey(k));
    return text;
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Scripting interface of OOBM, the Intel AMT "
                                                    "out-of-band management console.\n\n")
                                     + QString::fromLatin1(HelpText).arg(settingsKeyHelp()));
    parser.addOption(
            { QStringLiteral("database"),
              QStringLiteral("The store: a SQLite file path or postgresql://user@host:port/dbname "
                             "(password from PGPASSWORD)."),
              QStringLiteral("URL|PATH") });
    parser.addOption({ QStringLiteral("format"),
                       QStringLiteral("Output format: text (default) or json."),
                       QStringLiteral("text|json"), QStringLiteral("text") });
    parser.addOption({ QStringLiteral("n"), QStringLiteral("log tail: number of entries."),
                       QStringLiteral("N") });
    parser.addOption(
            { QStringLiteral("severity"),
              QStringLiteral(
                      "log tail: only these severities (error, warning, information, debug)."),
              QStringLiteral("S") });
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("settings get|set, log tail"));

    if (!parser.parse(arguments))
        return usage(err, parser.errorText());
    if (parser.isSet(helpOption)) {
        out << parser.helpText();
        out.flush();
        return Success;
    }
    if (parser.isSet(versionOption)) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << '\n';
        out.flush();
        return Success;
    }

    Context c{ parser, parser.positionalArguments(), Format::Text, out, err };
    const QString format = parser.value(QStringLiteral("format"));
    if (format == u"json")
        c.format = Format::Json;
    else if (format != u"text")
        return usage(err, QStringLiteral("--format takes text or json, not '%1'.").arg(format));

    if (c.args.size() < 2)
        return usage(err,
                     c.args.isEmpty()
                             ? QStringLiteral("No command given.")
                             : QStringLiteral("'%1' needs a subcommand.").arg(c.args.first()));
    const QString group = c.args.takeFirst();
    const QString verb = c.args.takeFirst();
    for (const Command &command : Commands) {
        if (group == QLatin1String(command.group) && verb == QLatin1String(command.verb))
            return command.handler(c);
    }
    return usage(err, QStringLiteral("Unknown command '%1 %2'.").arg(group, verb));
}

} // namespace Oobm::Ctl
