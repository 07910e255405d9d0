// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlcommands.h"

#include "core/async.h"
#include "core/keys/datakeyunlocker.h"
#include "core/keys/keyledger.h"
#include "core/keys/pidpps.h"
#include "core/log/logentry.h"
#include "core/log/userlog.h"
#include "core/settings/servicesettings.h"
#include "core/store/sqlstore.h"
#include "core/store/storelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
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
  keys generate -n N --me-password OLD --new-me-password NEW [--export FILE --format F]
                               Generate N PID/PPS keys (1-100000); F: setupbin-v1, setupbin-v2, csv
  keys list [--state S] [--format text|csv|json]
                               The key ledger (no secrets)
  keys export --format F FILE [--state S] [--count N] [--include-passwords]
                               Write keys to a setup.bin or CSV (mode 0600); they become Exported
  keys import FILE             Import an OEM's CSV (PID,PPS[,ME password,new ME password]) or
                               setup.bin; all or nothing, with a report of bad rows
  keys show PID                Show one key's PPS and passwords (written to the Security Audit log)
  audit tail [-n N]            The Security Audit log
Passwords may also come from OOBM_ME_PASSWORD / OOBM_NEW_ME_PASSWORD, or "-" reads them from
standard input, so they stay out of shell history. Secrets are sealed with a key in the user's
keychain, or with --key-file PATH (OOBM_KEY_FILE) on a server without one.

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

// Opens the store and gives it its data key (keychain or key file); prints the error if not.
std::unique_ptr<SqlStore> openUnlockedStore(Context &c, int *exitCode)
{
    auto store = openStore(c, exitCode, false);
    if (!store)
        return nullptr;
    const QString keyFile = c.parser.isSet(QStringLiteral("key-file"))
            ? c.parser.value(QStringLiteral("key-file"))
            : qEnvironmentVariable("OOBM_KEY_FILE");
    DataKeyUnlocker unlocker(store.get(), keyFile);
    QEventLoop loop;
    StoreError error;
    QObject::connect(&unlocker, &DataKeyUnlocker::finished, &loop,
                     [&](const StoreError &e, const QString &warning) {
                         error = e;
                         if (!warning.isEmpty()) {
                             c.err << "oobmctl: " << warning << '\n';
                             // The key file's creation goes to the user log too, where an admin
                             // looks later.
                             store->appendLog({ LogEntry::make(Severity::Warning,
                                                               QStringLiteral("keys"), warning) });
                         }
                         loop.quit();
                     });
    unlocker.unlock();
    loop.exec(); // a command-line tool may wait; the console never does
    if (error) {
        *exitCode = failure(c.err, error.message);
        return nullptr;
    }
    return store;
}

// A password from the option, its environment variable, or standard input ("-").
QString secretOption(Context &c, const QString &option, const char *env,
                     const QString &fallback = {})
{
    QString value = c.parser.isSet(option) ? c.parser.value(option)
                                           : qEnvironmentVariable(env, fallback);
    if (value == u"-") {
        QTextStream in(stdin);
        value = in.readLine();
    }
    return value;
}

bool parseStates(Context &c, QList<KeyState> *states, int *exitCode)
{
    for (const QString &value : c.parser.values(QStringLiteral("state"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            KeyState s;
            if (!keyStateFromKey(part, &s)) {
                *exitCode = usage(c.err,
                                  QStringLiteral("Unknown key state '%1'; use available, exported, "
                                                 "consumed or retired.")
                                          .arg(part));
                return false;
            }
            states->append(s);
        }
    }
    return true;
}

int writeExport(Context &c, Store &store, KeyExportRequest request)
{
    request.actor = AuditActor::current();
    const StoreResult<KeyExportResult> r = store.exportKeys(request).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    for (const QString &w : r.value.warnings)
        c.err << "oobmctl: warning: " << w << '\n';
    c.out << QStringLiteral("Exported %1 keys to %2 (%3).")
                     .arg(r.value.count)
                     .arg(r.value.path, keyExportFormatKey(request.format))
          << '\n';
    c.out.flush();
    c.err.flush();
    return Success;
}

int keysGenerate(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'keys generate' takes options only: -n N --me-password OLD "
                                    "--new-me-password NEW."));
    KeyGenerationRequest request;
    bool ok = false;
    request.count = c.parser.value(QStringLiteral("n")).toInt(&ok);
    if (!c.parser.isSet(QStringLiteral("n")) || !ok)
        return usage(c.err, QStringLiteral("Give the number of keys with -n N (1 to 100000)."));
    request.mePassword = secretOption(c, QStringLiteral("me-password"), "OOBM_ME_PASSWORD",
                                      QStringLiteral("admin"));
    request.newMePassword = secretOption(c, QStringLiteral("new-me-password"),
                                         "OOBM_NEW_ME_PASSWORD");
    request.actor = AuditActor::current();
    if (const QString problem = request.problem(); !problem.isEmpty())
        return usage(c.err, problem);
    KeyExportFormat format = KeyExportFormat::SetupBinV2;
    const bool exporting = c.parser.isSet(QStringLiteral("export"));
    if (exporting && !keyExportFormatFromKey(c.parser.value(QStringLiteral("format")), &format))
        return usage(
                c.err,
                QStringLiteral("--format takes setupbin-v1, setupbin-v2 or csv for an export."));
    int code = Success;
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    const StoreResult<KeyBatchResult> r = store->generateKeys(request).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << QStringLiteral("Generated %1 keys (batch %2).").arg(r.value.count).arg(r.value.batch)
          << '\n';
    if (!exporting)
        return Success;
    KeyExportRequest ex;
    ex.format = format;
    ex.path = c.parser.value(QStringLiteral("export"));
    ex.filter.text = r.value.batch;
    return writeExport(c, *store, ex);
}

int keysList(Context &c)
{
    KeyFilter filter;
    int code = Success;
    if (!parseStates(c, &filter.states, &code))
        return code;
    const QString format = c.parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"csv" && format != u"json")
        return usage(c.err, QStringLiteral("'keys list' --format takes text, csv or json."));
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const StoreResult<QList<KeyRecord>> r = store->listKeys(filter).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    auto when = [](const QDateTime &t) {
        return t.isValid() ? t.toString(Qt::ISODate) : QString();
    };
    if (format == u"json") {
        QJsonArray a;
        for (const KeyRecord &k : r.value)
            a.append(QJsonObject{ { QStringLiteral("pid"), PidPps::formatPid(k.pid) },
                                  { QStringLiteral("state"), keyStateKey(k.state) },
                                  { QStringLiteral("batch"), k.batch },
                                  { QStringLiteral("created"), when(k.created) },
                                  { QStringLiteral("exportedTo"), k.exportedTo },
                                  { QStringLiteral("device"), k.consumedBy } });
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else if (format == u"csv") {
        c.out << "PID,State,Batch,Created,Exported to,Device\n";
        for (const KeyRecord &k : r.value)
            c.out << PidPps::formatPid(k.pid) << ',' << keyStateKey(k.state) << ',' << k.batch
                  << ',' << when(k.created) << ',' << k.exportedTo << ',' << k.consumedBy << '\n';
    } else {
        for (const KeyRecord &k : r.value)
            c.out << PidPps::formatPid(k.pid) << "  " << keyStateName(k.state).leftJustified(10)
                  << "  " << k.batch << "  " << when(k.created)
                  << (k.exportedTo.isEmpty() ? QString() : QStringLiteral("  -> ") + k.exportedTo)
                  << (k.consumedBy.isEmpty() ? QString() : QStringLiteral("  by ") + k.consumedBy)
                  << '\n';
        c.out << QStringLiteral("%1 keys").arg(r.value.size()) << '\n';
    }
    c.out.flush();
    return Success;
}

int keysExport(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err,
                     QStringLiteral("'keys export' takes one FILE: oobmctl keys export --format "
                                    "setupbin-v2 setup.bin"));
    KeyExportRequest request;
    if (!keyExportFormatFromKey(c.parser.value(QStringLiteral("format")), &request.format))
        return usage(
                c.err,
                QStringLiteral("'keys export' --format takes setupbin-v1, setupbin-v2 or csv."));
    request.path = c.args.first();
    int code = Success;
    if (!c.parser.values(QStringLiteral("state")).isEmpty()) {
        request.filter.states.clear();
        if (!parseStates(c, &request.filter.states, &code))
            return code;
    }
    if (c.parser.isSet(QStringLiteral("count"))) {
        bool ok = false;
        request.filter.limit = c.parser.value(QStringLiteral("count")).toInt(&ok);
        if (!ok || request.filter.limit < 1)
            return usage(c.err, QStringLiteral("--count takes a positive number."));
    }
    request.includePasswords = c.parser.isSet(QStringLiteral("include-passwords"));
    if (request.includePasswords && request.format != KeyExportFormat::Csv)
        return usage(c.err,
                     QStringLiteral("--include-passwords is for CSV; a setup.bin always holds the "
                                    "ME passwords."));
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    return writeExport(c, *store, request);
}

int keysImport(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'keys import' takes one FILE (CSV or setup.bin)."));
    int code = Success;
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    const StoreResult<KeyImportReport> r =
            store->importKeys(c.args.first(), AuditActor::current()).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (!r.value.ok()) {
        c.err << "oobmctl: nothing was imported from " << c.args.first() << ":\n";
        for (const QString &p : r.value.problems)
            c.err << "  " << p << '\n';
        for (const QString &d : r.value.duplicates)
            c.err << "  " << d << '\n';
        c.err.flush();
        return RuntimeError;
    }
    c.out << QStringLiteral("Imported %1 keys (%2 already consumed).")
                     .arg(r.value.imported)
                     .arg(r.value.consumed)
          << '\n';
    c.out.flush();
    return Success;
}

int keysShow(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'keys show' takes one PID."));
    QString problem;
    const QByteArray pid = PidPps::normalizePid(c.args.first(), &problem);
    if (pid.isEmpty())
        return usage(c.err, problem);
    int code = Success;
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    const StoreResult<KeyRecord> r = store->revealKey(pid, AuditActor::current()).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << "PID:                  " << PidPps::formatPid(r.value.pid) << '\n'
          << "PPS:                  " << PidPps::formatPps(r.value.pps) << '\n'
          << "State:                " << keyStateName(r.value.state) << '\n'
          << "ME password:          " << r.value.mePassword << '\n'
          << "New ME password:      " << r.value.newMePassword << '\n';
    c.out.flush();
    return Success;
}

int auditTail(Context &c)
{
    int limit = 20;
    if (c.parser.isSet(QStringLiteral("n")))
        limit = c.parser.value(QStringLiteral("n")).toInt();
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    StoreResult<QList<AuditEntry>> r = store->securityAudit(qMax(1, limit)).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    std::reverse(r.value.begin(), r.value.end());
    for (const AuditEntry &e : std::as_const(r.value))
        c.out << e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
              << e.user << '@' << e.host << "  " << e.action << "  " << e.count
              << (e.file.isEmpty() ? QString() : QStringLiteral("  ") + e.file)
              << (e.details.isEmpty() ? QString() : QStringLiteral("  (") + e.details + u')')
              << '\n';
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
    { "settings", "get", settingsGet }, { "settings", "set", settingsSet },
    { "log", "tail", logTail },         { "keys", "generate", keysGenerate },
    { "keys", "list", keysList },       { "keys", "export", keysExport },
    { "keys", "import", keysImport },   { "keys", "show", keysShow },
    { "audit", "tail", auditTail },
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
    parser.addOption({ QStringLiteral("key-file"),
                       QStringLiteral("Keep the data key that seals secrets in this file (mode "
                                      "0600) instead of the keychain."),
                       QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("me-password"),
                       QStringLiteral("keys generate: the factory default ME password."),
                       QStringLiteral("P") });
    parser.addOption({ QStringLiteral("new-me-password"),
                       QStringLiteral("keys generate: the new ME password."),
                       QStringLiteral("P") });
    parser.addOption({ QStringLiteral("export"),
                       QStringLiteral("keys generate: also export the new keys to FILE."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("state"),
                       QStringLiteral("keys list/export: only keys in these states."),
                       QStringLiteral("S") });
    parser.addOption({ QStringLiteral("count"), QStringLiteral("keys export: at most N keys."),
                       QStringLiteral("N") });
    parser.addOption({ QStringLiteral("include-passwords"),
                       QStringLiteral("keys export to CSV: include the ME passwords.") });
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
    const bool fileFormat = c.args.value(0) == u"keys";
    if (format == u"json")
        c.format = Format::Json;
    else if (format != u"text" && !fileFormat)
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
