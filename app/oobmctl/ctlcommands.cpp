// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlcommands.h"

#include "core/amt/amttypes.h"
#include "core/async.h"
#include "core/dns/dnschecker.h"
#include "core/doctor/provisioningdoctor.h"
#include "core/engine/systemactions.h"
#include "core/keys/datakeyunlocker.h"
#include "core/keys/keyledger.h"
#include "core/keys/pidpps.h"
#include "core/keys/provisioningcertificate.h"
#include "core/keys/tlscertificate.h"
#include "core/log/logentry.h"
#include "core/log/logexporter.h"
#include "core/log/userlog.h"
#include "core/provisioning/helloclient.h"
#include "core/settings/servicesettings.h"
#include "core/store/sqlstore.h"
#include "core/store/storelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUuid>
#include <QRegularExpression>

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
  log query [--severity S]... [--since T] [--until T] [--source S] [--system UUID|FQDN]
            [--text T] [--limit N] [--format text|csv|json]
                               The log entries the filters select, newest first (default 100);
                               T: ISO 8601 (2026-11-28, 2026-11-28T14:00, ...Z) or an age:
                               30m, 24h, 7d
  log purge --older-than DAYS  Delete log entries older than DAYS days (the Security Audit log
                               is never touched)
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
  audit query [--since T] [--until T] [--action A] [--text T] [--limit N]
              [--format text|csv|json]
                               Security Audit entries, newest first; A: generate, show, export,
                               import, delete; --text matches user, host, file or details
  systems list [--state S] [--format text|csv|json]
                               The Intel AMT systems; --state may repeat or list several:
                               provisioned,failed
  systems show UUID            One system, then its hellos and steps as one timeline, oldest first
  systems authorize UUID...    Let systems that await authorization be provisioned
  systems power on|off|reset UUID...
                               Power action, with the admin credentials OOBM stored
  systems unprovision UUID... [--partial]
                               Back to factory mode (it needs a new key), or with --partial back
                               to setup mode with its key, sending hellos again; asks nothing
  systems otp UUID --otp OTP  Store the one-time password a device was given (Remote Configuration)
  certificates import FILE [--passphrase P] [--key KEYFILE] [--name N]
                               A provisioning certificate for Remote Configuration: PKCS#12 with
                               its chain, or PEM chain with --key; the key is stored encrypted
  certificates list            The provisioning certificates (CN, root hash, expiry)
  certificates delete NAME     Delete one
  profiles list [--format text|csv|json]
                               The provision profiles (no passwords)
  profiles show NAME           One provision profile (no passwords)
  profiles create NAME --admin-password P [--admin-user U] [--user NAME:REALM,REALM...]...
                  [--user-password P] [--domain D] [--host-pattern PATTERN]
                  [--interfaces WebUI,SOL,IDER] [--default] [--tls]
                  [--tls-certificate NAME] [--aux-profile NAME]
                               A new provision profile; every --user gets --user-password;
                               PATTERN: {host} keeps the name, amt-{uuid8} names it; --tls
                               installs the TLS certificate (its own, else the aux profile's)
  profiles delete NAME         Delete a provision profile
  assignments list [--format text|csv|json]
                               Profile Assignments, in the order they are tried
  assignments add uuid|fqdn|ip VALUE --profile NAME
                               A rule: a UUID, an FQDN pattern (*.lab.example.com) or an IPv4
                               range (10.1.0.0/16 or 10.1.0.5-10.1.0.90) gets the profile NAME
  assignments delete ID        Delete a rule (its ID from assignments list)
  tls-certificates import FILE [--passphrase P] [--key KEYFILE] [--name N]
                               A TLS server certificate that profiles install: PKCS#12, or PEM
                               (certificate, then its CAs) with --key; the key is stored encrypted
  tls-certificates list        The TLS certificates (CN, SHA-256, expiry)
  tls-certificates delete NAME Delete one (refused while a profile uses it)
  aux-profiles list [--format text|csv|json]
                               Auxiliary profiles: users and a TLS certificate profiles share
  aux-profiles show NAME       One auxiliary profile (no passwords)
  aux-profiles create NAME [--user NAME:REALM,...]... [--user-password P]
                  [--tls-certificate NAME]
                               A new auxiliary profile; every --user gets --user-password
  aux-profiles delete NAME     Delete one (refused while a profile uses it)
  hellos tail [-n N]           The newest N hellos (default 20), oldest first
  actions list [--system UUID] [--step S] [--result R] [-n N]
                               Actions Status: the newest N steps (default 50), oldest first;
                               R: succeeded, failed or skipped (may repeat or list several)
  dns test [--suffix S]... [--server IP[:PORT]] [--server-name FQDN]
                               The DNS Configuration Test: ProvisionServer in each suffix and
                               bare, this server's name, the listener, forward/reverse of each
                               system; defaults from the settings; exit 0 only when all pass
  doctor [SYSTEM]              Diagnose one system (UUID, address or FQDN), or every system that
                               is not provisioned: the first failing check, its evidence and fix
  hello send --server HOST:PORT --uuid U (--pid P | --pki [--root-hash HEX]...)
                               Send one hello as a device would (the RCT tool) and report
                               whether an engine on this database recorded it
Passwords may also come from OOBM_ME_PASSWORD / OOBM_NEW_ME_PASSWORD (keys) and
OOBM_PROFILE_ADMIN_PASSWORD / OOBM_PROFILE_USER_PASSWORD (profiles), or "-" reads them from
standard input, so they stay out of shell history. Secrets are sealed with a key in the user's
keychain, or with --key-file PATH (OOBM_KEY_FILE) on a server without one.

System states (systems list --state):
%2Realms of --user, by name or number:
%3
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

// A point in time for --since / --until: ISO 8601 (local time unless it says Z or an offset),
// or an age back from now: 30m, 24h, 7d.
bool parseTime(Context &c, const QString &option, QDateTime *time, int *exitCode)
{
    if (!c.parser.isSet(option))
        return true;
    const QString text = c.parser.value(option).trimmed();
    static const QRegularExpression Age(QStringLiteral("^(\\d{1,6})\\s*([mhd])$"));
    if (const QRegularExpressionMatch m = Age.match(text.toLower()); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 unit = m.captured(2) == u"m" ? 60 : m.captured(2) == u"h" ? 3600 : 86400;
        *time = QDateTime::currentDateTimeUtc().addSecs(-n * unit);
        return true;
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = d.startOfDay();
    }
    if (!t.isValid()) {
        *exitCode = usage(c.err,
                          QStringLiteral("--%1 takes a time such as 2026-11-28, "
                                         "2026-11-28T14:00, 2026-11-28T14:00:00Z, or an age "
                                         "such as 30m, 24h or 7d; '%2' is none of these.")
                                  .arg(option, text));
        return false;
    }
    *time = t.toUTC();
    return true;
}

// --limit N, 1 to 1000000.
bool parseLimit(Context &c, int defaultValue, int *value, int *exitCode)
{
    *value = defaultValue;
    if (!c.parser.isSet(QStringLiteral("limit")))
        return true;
    bool ok = false;
    *value = c.parser.value(QStringLiteral("limit")).toInt(&ok);
    if (ok && *value >= 1 && *value <= 1000000)
        return true;
    *exitCode = usage(c.err,
                      QStringLiteral("--limit takes a number of entries from 1 to 1000000, not "
                                     "'%1'.")
                              .arg(c.parser.value(QStringLiteral("limit"))));
    return false;
}

// --format for the query commands: text, csv or json.
bool queryFormat(Context &c, const char *command, bool *csv, int *exitCode)
{
    const QString f = c.parser.value(QStringLiteral("format"));
    *csv = f == u"csv";
    if (f == u"text" || f == u"csv" || f == u"json")
        return true;
    *exitCode = usage(c.err, QStringLiteral("'%1' --format takes text, csv or json, not '%2'.")
                                     .arg(QLatin1String(command), f));
    return false;
}

int logQuery(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'log query' takes no arguments, only options such as "
                                    "--severity, --since, --text (see oobmctl --help)."));
    int code = Success;
    LogFilter filter;
    for (const QString &value : c.parser.values(QStringLiteral("severity"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            Severity s;
            if (!severityFromKey(part, &s))
                return usage(c.err,
                             QStringLiteral("Unknown severity '%1'; use error, warning, "
                                            "information or debug.")
                                     .arg(part));
            if (!filter.severities.contains(s))
                filter.severities.append(s);
        }
    }
    if (!parseTime(c, QStringLiteral("since"), &filter.since, &code)
        || !parseTime(c, QStringLiteral("until"), &filter.until, &code))
        return code;
    if (filter.since.isValid() && filter.until.isValid() && filter.since > filter.until)
        return usage(c.err, QStringLiteral("--since is after --until, so nothing can match; "
                                           "swap them."));
    filter.source = c.parser.value(QStringLiteral("source")).trimmed();
    filter.deviceUuid = c.parser.value(QStringLiteral("system")).trimmed();
    filter.text = c.parser.value(QStringLiteral("text"));
    int limit = 0;
    bool csv = false;
    if (!parseLimit(c, 100, &limit, &code) || !queryFormat(c, "log query", &csv, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    LogQuery query;
    query.filter = filter;
    QList<LogEntry> entries;
    while (entries.size() < limit) {
        query.limit = int(qMin<qsizetype>(LogExporter::PageSize, limit - entries.size()));
        const StoreResult<QList<LogEntry>> r = store->queryLog(query).result();
        if (!r.ok())
            return failure(c.err, r.error.message);
        entries += r.value;
        if (r.value.size() < query.limit)
            break;
        query.beforeId = r.value.constLast().id;
    }
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const LogEntry &e : std::as_const(entries))
            a.append(LogExporter::json(e));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else if (csv) {
        c.out << LogExporter::csvHeader();
        for (const LogEntry &e : std::as_const(entries))
            c.out << LogExporter::csvLine(e);
    } else {
        for (const LogEntry &e : std::as_const(entries)) {
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

int logPurge(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'log purge' takes no arguments, only --older-than "
                                           "DAYS."));
    if (!c.parser.isSet(QStringLiteral("older-than")))
        return usage(c.err, QStringLiteral("'log purge' needs --older-than DAYS, e.g. "
                                           "'oobmctl log purge --older-than 90'."));
    bool ok = false;
    const int days = c.parser.value(QStringLiteral("older-than")).trimmed().toInt(&ok);
    if (!ok || days < 1 || days > ServiceSettings::MaxRetentionDays)
        return usage(c.err, QStringLiteral("--older-than takes a number of days from 1 to %1, not "
                                           "'%2'.")
                                    .arg(ServiceSettings::MaxRetentionDays)
                                    .arg(c.parser.value(QStringLiteral("older-than"))));
    int code = Success;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    RetentionPolicy policy;
    policy.logDays = days;
    const StoreResult<PurgeReport> r = store->purge(policy).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    // The purge itself goes to the log, which says who removed what.
    store->appendLog({ LogEntry::make(Severity::Information, QStringLiteral("oobmctl"),
                                      QStringLiteral("Purged %1 log entries older than %2 days.")
                                              .arg(r.value.log)
                                              .arg(days)) })
            .waitForFinished();
    if (c.format == Format::Json) {
        QJsonObject o;
        o.insert(QStringLiteral("deleted"), r.value.log);
        o.insert(QStringLiteral("olderThanDays"), days);
        c.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        c.out << QStringLiteral("Deleted %1 log entries older than %2 days.")
                         .arg(r.value.log)
                         .arg(days)
              << '\n';
    }
    c.out.flush();
    return Success;
}

// Opens the store and gives it its data key (keychain or key file); prints the error if not.
std::unique_ptr<SqlStore> openUnlockedStore(Context &c, int *exitCode, bool needWrite = false)
{
    auto store = openStore(c, exitCode, needWrite);
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
        // One stream for the whole run: a second "-" reads the next line, not what the first
        // stream buffered.
        static QTextStream in(stdin);
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

// --- Intel AMT systems, provision profiles, hellos and Actions Status ---

enum class ListFormat { Text, Csv, Json };

// The list commands take text, csv or json.
bool listFormat(Context &c, const char *command, ListFormat *format, int *exitCode)
{
    const QString f = c.parser.value(QStringLiteral("format"));
    if (f == u"text") {
        *format = ListFormat::Text;
    } else if (f == u"csv") {
        *format = ListFormat::Csv;
    } else if (f == u"json") {
        *format = ListFormat::Json;
    } else {
        *exitCode = usage(c.err,
                          QStringLiteral("'%1' --format takes text, csv or json.")
                                  .arg(QLatin1String(command)));
        return false;
    }
    return true;
}

// The other commands of those groups print text or JSON (c.format).
bool textOrJson(Context &c, const char *command, int *exitCode)
{
    if (c.parser.value(QStringLiteral("format")) != u"csv")
        return true;
    *exitCode = usage(
            c.err, QStringLiteral("'%1' --format takes text or json.").arg(QLatin1String(command)));
    return false;
}

// -n N, from 1 to 1000000.
bool parseCount(Context &c, int defaultValue, int *value, int *exitCode)
{
    *value = defaultValue;
    if (!c.parser.isSet(QStringLiteral("n")))
        return true;
    bool ok = false;
    *value = c.parser.value(QStringLiteral("n")).toInt(&ok);
    if (ok && *value >= 1 && *value <= 1000000)
        return true;
    *exitCode = usage(c.err,
                      QStringLiteral("-n takes a number of entries from 1 to 1000000, not '%1'.")
                              .arg(c.parser.value(QStringLiteral("n"))));
    return false;
}

QString plural(qsizetype n, const char *singular, const char *pluralForm)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? singular : pluralForm));
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}

QJsonValue jsonTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoTime(t)) : QJsonValue();
}

QString pidText(const QByteArray &pid)
{
    return pid.isEmpty() ? QString() : PidPps::formatPid(pid);
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

// Columns two spaces apart, aligned; an empty cell shows as "-".
void printTable(QTextStream &out, const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(1);
            widths[i] = std::max(widths.at(i), int(row.at(i).size()));
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            const QString cell = row.at(i).isEmpty() ? QStringLiteral("-") : row.at(i);
            line += i + 1 < row.size() ? cell.leftJustified(widths.at(i) + 2) : cell;
        }
        out << line << '\n';
    }
}

QString csvField(QString value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n')
        && !value.contains(u'\r'))
        return value;
    value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + value + u'"';
}

void printCsv(QTextStream &out, const QStringList &header, const QList<QStringList> &rows)
{
    out << header.join(u',') << '\n';
    for (const QStringList &row : rows) {
        QStringList fields;
        for (const QString &v : row)
            fields << csvField(v);
        out << fields.join(u',') << '\n';
    }
}

QJsonObject auditJson(const AuditEntry &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("user"), e.user);
    o.insert(QStringLiteral("host"), e.host);
    o.insert(QStringLiteral("action"), e.action);
    o.insert(QStringLiteral("count"), e.count);
    o.insert(QStringLiteral("file"), e.file);
    o.insert(QStringLiteral("details"), e.details);
    return o;
}

int auditQuery(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'audit query' takes no arguments, only options such "
                                           "as --since, --action, --text (see oobmctl --help)."));
    if (c.parser.isSet(QStringLiteral("severity")) || c.parser.isSet(QStringLiteral("system"))
        || c.parser.isSet(QStringLiteral("source")))
        return usage(c.err, QStringLiteral("Security Audit entries have no severity, system or "
                                           "source; filter them with --action, --text, --since "
                                           "and --until."));
    int code = Success;
    AuditQuery query;
    if (!parseTime(c, QStringLiteral("since"), &query.since, &code)
        || !parseTime(c, QStringLiteral("until"), &query.until, &code))
        return code;
    if (const QString action = c.parser.value(QStringLiteral("action")).trimmed();
        !action.isEmpty()) {
        if (!auditActions().contains(action.toLower()))
            return usage(c.err, QStringLiteral("Unknown action '%1'; use %2.")
                                        .arg(action, auditActions().join(QStringLiteral(", "))));
        query.actions = { action.toLower() };
    }
    query.text = c.parser.value(QStringLiteral("text"));
    int limit = 0;
    bool csv = false;
    if (!parseLimit(c, 100, &limit, &code) || !queryFormat(c, "audit query", &csv, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    QList<AuditEntry> entries;
    while (entries.size() < limit) {
        query.limit = int(qMin<qsizetype>(5000, limit - entries.size()));
        const StoreResult<QList<AuditEntry>> r = store->queryAudit(query).result();
        if (!r.ok())
            return failure(c.err, r.error.message);
        entries += r.value;
        if (r.value.size() < query.limit)
            break;
        query.beforeId = r.value.constLast().id;
    }
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const AuditEntry &e : std::as_const(entries))
            a.append(auditJson(e));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        QList<QStringList> rows;
        for (const AuditEntry &e : std::as_const(entries))
            rows << QStringList{ csv ? e.time.toString(Qt::ISODateWithMs)
                                     : e.time.toLocalTime().toString(
                                               QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                 e.user, e.host, e.action, QString::number(e.count), e.file,
                                 e.details };
        if (csv)
            printCsv(c.out,
                     { QStringLiteral("Time"), QStringLiteral("User"), QStringLiteral("Host"),
                       QStringLiteral("Action"), QStringLiteral("Count"), QStringLiteral("File"),
                       QStringLiteral("Details") },
                     rows);
        else
            printTable(c.out, rows);
    }
    c.out.flush();
    return Success;
}


// Items joined with ", " in indented lines of at most 100 characters, for the help text.
QString wrappedList(const QStringList &items)
{
    QString text;
    QString line = QStringLiteral("  ");
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString item = items.at(i) + (i + 1 < items.size() ? QStringLiteral(",") : QString());
        if (line.size() > 2 && line.size() + 1 + item.size() > 100) {
            text += line + u'\n';
            line = QStringLiteral("  ");
        }
        line += (line.size() > 2 ? QStringLiteral(" ") : QString()) + item;
    }
    return text + line + u'\n';
}

QString systemStateKeys()
{
    QStringList keys;
    for (SystemState s : allSystemStates())
        keys << systemStateKey(s);
    return keys.join(QStringLiteral(", "));
}

bool parseSystemStates(Context &c, QList<SystemState> *states, int *exitCode)
{
    for (const QString &value : c.parser.values(QStringLiteral("state"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            SystemState s;
            if (!systemStateFromKey(part.trimmed(), &s)) {
                *exitCode = usage(c.err,
                                  QStringLiteral("Unknown system state '%1'; the states are: %2.")
                                          .arg(part, systemStateKeys()));
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
        { QStringLiteral("uuid"), s.uuid },
        { QStringLiteral("state"), systemStateKey(s.state) },
        { QStringLiteral("reason"), s.reason },
        { QStringLiteral("fqdn"), s.fqdn },
        { QStringLiteral("address"), s.address },
        { QStringLiteral("amtVersion"), s.amtVersion },
        { QStringLiteral("profile"), s.profileName },
        { QStringLiteral("pid"), pidText(s.pid) },
        { QStringLiteral("newPid"), pidText(s.newPid) },
        { QStringLiteral("helloVersion"), s.helloVersion },
        { QStringLiteral("helloCount"), s.helloCount },
        { QStringLiteral("lastRetry"), s.lastRetry },
        { QStringLiteral("adminCredentialsSet"), s.adminCredentialsSet },
        { QStringLiteral("authorized"), s.authorized },
        { QStringLiteral("attempts"), s.attempts },
        { QStringLiteral("adminUser"), s.adminUser },
        { QStringLiteral("firstSeen"), jsonTime(s.firstSeen) },
        { QStringLiteral("lastHello"), jsonTime(s.lastHello) },
        { QStringLiteral("lastAction"), s.lastAction },
        { QStringLiteral("lastActionTime"), jsonTime(s.lastActionTime) },
        { QStringLiteral("provisioned"), jsonTime(s.provisioned) },
    };
}

QJsonObject helloJson(const HelloRecord &h)
{
    const QString type = helloType(h.version).toLower();
    return QJsonObject{
        { QStringLiteral("id"), h.id },
        { QStringLiteral("time"), jsonTime(h.time) },
        { QStringLiteral("address"), h.address },
        { QStringLiteral("port"), int(h.port) },
        { QStringLiteral("type"), type.isEmpty() ? QJsonValue() : QJsonValue(type) },
        { QStringLiteral("uuid"), h.uuid },
        { QStringLiteral("pid"), pidText(h.pid) },
        { QStringLiteral("retry"), h.retry },
        { QStringLiteral("adminCredentialsSet"), h.adminCredentialsSet },
        { QStringLiteral("outcome"), h.outcome },
        { QStringLiteral("engine"), h.engine },
    };
}

QJsonObject actionJson(const ActionRecord &a)
{
    return QJsonObject{
        { QStringLiteral("id"), a.id },
        { QStringLiteral("time"), jsonTime(a.time) },
        { QStringLiteral("uuid"), a.uuid },
        { QStringLiteral("step"), a.step },
        { QStringLiteral("result"), actionResultKey(a.result) },
        { QStringLiteral("durationMs"), a.durationMs },
        { QStringLiteral("status"), a.status },
        { QStringLiteral("message"), a.message },
        { QStringLiteral("attempt"), a.attempt },
    };
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

int systemsList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'systems list' takes no arguments, only --state S and "
                                    "--format F."));
    SystemFilter filter;
    int code = Success;
    if (!parseSystemStates(c, &filter.states, &code))
        return code;
    ListFormat format;
    if (!listFormat(c, "systems list", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const StoreResult<QList<AmtSystem>> r = store->listSystems(filter).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const AmtSystem &s : r.value)
            a.append(systemJson(s));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        const bool csv = format == ListFormat::Csv;
        QList<QStringList> rows;
        for (const AmtSystem &s : r.value)
            rows << QStringList{
                s.uuid,         csv ? systemStateKey(s.state) : systemStateName(s.state),
                s.fqdn,         s.address,
                s.amtVersion,   s.profileName,
                pidText(s.pid), csv ? isoTime(s.lastHello) : localTime(s.lastHello),
                s.reason
            };
        if (csv) {
            printCsv(c.out,
                     { QStringLiteral("UUID"), QStringLiteral("State"), QStringLiteral("FQDN"),
                       QStringLiteral("Address"), QStringLiteral("AMT version"),
                       QStringLiteral("Profile"), QStringLiteral("PID"),
                       QStringLiteral("Last hello"), QStringLiteral("Reason") },
                     rows);
        } else {
            printTable(c.out, rows);
            c.out << plural(r.value.size(), "system", "systems") << '\n';
        }
    }
    c.out.flush();
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
        events << Event{ hellos.value.at(i).time, 0, hellos.value.at(i).id, i };
    for (qsizetype i = 0; i < actions.value.size(); ++i)
        events << Event{ actions.value.at(i).time, 1, actions.value.at(i).id, i };
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
            item.insert(QStringLiteral("kind"),
                        e.kind == 0 ? QStringLiteral("hello") : QStringLiteral("step"));
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
    field("Profile", s.profileName);
    field("PID", pidText(s.pid));
    field("Next PID", pidText(s.newPid));
    field("Hello version",
          s.helloVersion == 0
                  ? QString()
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
          s.lastAction.isEmpty()
                  ? QString()
                  : QStringLiteral("%1 (%2)").arg(s.lastAction, localTime(s.lastActionTime)));
    field("Provisioned", localTime(s.provisioned));
    c.out << '\n'
          << QStringLiteral("Timeline (%1, %2, oldest first):")
                     .arg(plural(hellos.value.size(), "hello", "hellos"),
                          plural(actions.value.size(), "step", "steps"))
          << '\n';
    QList<QStringList> rows;
    for (const Event &e : std::as_const(events)) {
        if (e.kind == 0) {
            const HelloRecord &h = hellos.value.at(e.index);
            rows << QStringList{ localTime(h.time),
                                 QStringLiteral("Hello"),
                                 QStringLiteral("%1:%2").arg(h.address).arg(h.port),
                                 helloType(h.version),
                                 pidText(h.pid),
                                 QStringLiteral("retry %1").arg(h.retry),
                                 h.outcome };
        } else {
            const ActionRecord &a = actions.value.at(e.index);
            rows << QStringList{ localTime(a.time),
                                 QStringLiteral("Step"),
                                 a.step,
                                 actionResultName(a.result),
                                 QStringLiteral("%1 ms").arg(a.durationMs),
                                 a.status,
                                 a.message };
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
        c.out << QJsonDocument(QJsonObject{ { QStringLiteral("authorized"), r.value } })
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Authorized %1.").arg(plural(r.value, "system", "systems")) << '\n';
    c.out.flush();
    return Success;
}

// Runs a power action or an unprovision on each system, one line per system.
int runSystemActions(Context &c, SystemActions::Action action, const QStringList &uuids)
{
    int code = Success;
    auto store = openUnlockedStore(c, &code, true);
    if (!store)
        return code;
    UserLog log(store.get(), QStringLiteral("oobmctl"));
    if (const StoreResult<ServiceSettings> s = store->serviceSettings().result(); s.ok())
        log.setLevel(s.value.logLevel);
    SystemActions actions(store.get(), &log);
    QFutureWatcher<QList<SystemActions::Result>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    const QFuture<QList<SystemActions::Result>> future = actions.run(action, uuids);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec(); // the log's queued writes run meanwhile
    const QList<SystemActions::Result> results = future.resultCount() > 0
            ? future.result()
            : QList<SystemActions::Result>{};
    log.flush().waitForFinished();

    int failed = 0;
    QJsonArray a;
    for (const SystemActions::Result &r : results) {
        if (!r.ok)
            ++failed;
        if (c.format == Format::Json)
            a.append(QJsonObject{ { QStringLiteral("uuid"), r.uuid },
                                  { QStringLiteral("ok"), r.ok },
                                  { QStringLiteral("message"), r.message } });
        else if (r.ok)
            c.out << r.uuid << ": ok\n";
        else
            c.out << r.uuid << ": failed: " << r.message << '\n';
    }
    if (c.format == Format::Json) {
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else if (action == SystemActions::Action::Unprovision
               || action == SystemActions::Action::PartialUnprovision) {
        const qsizetype done = results.size() - failed;
        c.out << (action == SystemActions::Action::Unprovision
                          ? QStringLiteral("Unprovisioned %1 of %2 (full): back in factory mode; "
                                           "each needs a new key to be provisioned again.")
                          : QStringLiteral("Unprovisioned %1 of %2 (partial): back in setup mode "
                                           "with their key; they send hellos again."))
                         .arg(done)
                         .arg(plural(results.size(), "system", "systems"))
              << '\n';
    }
    c.out.flush();
    if (results.size() != uuids.size())
        return failure(c.err, QStringLiteral("The action did not finish."));
    return failed > 0 ? RuntimeError : Success;
}

int systemsPower(Context &c)
{
    if (c.args.size() < 2)
        return usage(
                c.err,
                QStringLiteral("'systems power' takes on, off or reset and one or more UUIDs."));
    SystemActions::Action action;
    if (!SystemActions::actionFromKey(c.args.first(), &action))
        return usage(c.err,
                     QStringLiteral("'systems power' takes on, off or reset, not '%1'.")
                             .arg(c.args.first()));
    int code = Success;
    if (!textOrJson(c, "systems power", &code))
        return code;
    return runSystemActions(c, action, normalizedUuids(c.args.mid(1)));
}

int systemsUnprovision(Context &c)
{
    const QStringList uuids = normalizedUuids(c.args);
    if (uuids.isEmpty())
        return usage(c.err,
                     QStringLiteral("'systems unprovision' takes one or more UUIDs (and "
                                    "--partial)."));
    int code = Success;
    if (!textOrJson(c, "systems unprovision", &code))
        return code;
    return runSystemActions(c,
                            c.parser.isSet(QStringLiteral("partial"))
                                    ? SystemActions::Action::PartialUnprovision
                                    : SystemActions::Action::Unprovision,
                            uuids);
}

struct RealmName
{
    Amt::Realm realm;
    const char *name;
};

constexpr RealmName RealmNames[] = {
    { Amt::Realm::Redirection, "Redirection" },
    { Amt::Realm::PtAdministration, "PTAdministration" },
    { Amt::Realm::HardwareAsset, "HardwareAsset" },
    { Amt::Realm::RemoteControl, "RemoteControl" },
    { Amt::Realm::Storage, "Storage" },
    { Amt::Realm::EventManager, "EventManager" },
    { Amt::Realm::StorageAdmin, "StorageAdmin" },
    { Amt::Realm::AgentPresenceLocal, "AgentPresenceLocal" },
    { Amt::Realm::AgentPresenceRemote, "AgentPresenceRemote" },
    { Amt::Realm::CircuitBreaker, "CircuitBreaker" },
    { Amt::Realm::NetworkTime, "NetworkTime" },
    { Amt::Realm::GeneralInfo, "GeneralInfo" },
    { Amt::Realm::FirmwareUpdate, "FirmwareUpdate" },
    { Amt::Realm::Eit, "EIT" },
    { Amt::Realm::LocalUn, "LocalUN" },
    { Amt::Realm::EndpointAccessControl, "EndpointAccessControl" },
    { Amt::Realm::EndpointAccessControlAdmin, "EndpointAccessControlAdmin" },
    { Amt::Realm::EventLogReader, "EventLogReader" },
    { Amt::Realm::AuditLog, "AuditLog" },
    { Amt::Realm::Acl, "ACL" },
    { Amt::Realm::LocalSystem, "LocalSystem" },
};

QString realmName(unsigned realm)
{
    for (const RealmName &r : RealmNames) {
        if (unsigned(r.realm) == realm)
            return QLatin1String(r.name);
    }
    return QString::number(realm);
}

QString realmHelp()
{
    QStringList names;
    for (const RealmName &r : RealmNames)
        names << QStringLiteral("%1 (%2)").arg(QLatin1String(r.name)).arg(unsigned(r.realm));
    return wrappedList(names);
}

// "RemoteControl", "remotecontrolrealm" or "5".
bool realmFromText(const QString &text, unsigned *realm)
{
    QString t = text.trimmed();
    bool isNumber = false;
    const unsigned number = t.toUInt(&isNumber);
    if (!isNumber && t.endsWith(QStringLiteral("Realm"), Qt::CaseInsensitive) && t.size() > 5)
        t.chop(5);
    for (const RealmName &r : RealmNames) {
        if (isNumber ? unsigned(r.realm) == number
                     : t.compare(QLatin1String(r.name), Qt::CaseInsensitive) == 0) {
            *realm = unsigned(r.realm);
            return true;
        }
    }
    return false;
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
    const QStringList realms = colon < 0 ? QStringList()
                                         : text.mid(colon + 1).split(u',', Qt::SkipEmptyParts);
    for (const QString &part : realms) {
        unsigned realm = 0;
        if (!realmFromText(part, &realm)) {
            QStringList names;
            for (const RealmName &r : RealmNames)
                names << QLatin1String(r.name);
            *exitCode = usage(
                    c.err,
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
        realms << realmName(r);
    return u.username + u':' + realms.join(u',');
}

QJsonObject profileJson(const ProvisionProfile &p)
{
    QJsonArray users;
    for (const Amt::UserAclEntry &u : p.aclUsers) {
        QJsonArray realms;
        for (unsigned r : u.realms)
            realms.append(realmName(r));
        users.append(QJsonObject{ { QStringLiteral("name"), u.username },
                                  { QStringLiteral("realms"), realms } });
    }
    return QJsonObject{
        { QStringLiteral("id"), p.id },
        { QStringLiteral("name"), p.name },
        { QStringLiteral("default"), p.isDefault },
        { QStringLiteral("adminUser"), p.adminUser },
        { QStringLiteral("users"), users },
        { QStringLiteral("tls"), p.tlsEnabled },
        { QStringLiteral("tlsCertificate"), p.tlsCertificateName },
        { QStringLiteral("auxProfile"), p.auxiliaryProfileName },
        { QStringLiteral("domain"), p.domainName },
        { QStringLiteral("hostNamePattern"), p.hostNamePattern },
        { QStringLiteral("interfaces"), QJsonArray::fromStringList(p.interfaces) },
        { QStringLiteral("changed"), jsonTime(p.changed) },
    };
}

// The profile with this name: exactly, else the only one that matches in another case.
bool findProfile(Context &c, Store &store, const QString &name, ProvisionProfile *profile,
                 int *exitCode)
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
    if (!listFormat(c, "profiles list", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const StoreResult<QList<ProvisionProfile>> r = store->listProfiles().result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const ProvisionProfile &p : r.value)
            a.append(profileJson(p));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }
    const bool csv = format == ListFormat::Csv;
    QList<QStringList> rows;
    for (const ProvisionProfile &p : r.value) {
        QStringList users;
        for (const Amt::UserAclEntry &u : p.aclUsers)
            users << userText(u);
        rows << QStringList{ p.name,
                             csv ? (p.isDefault ? QStringLiteral("true") : QStringLiteral("false"))
                                 : (p.isDefault ? QStringLiteral("default") : QString()),
                             p.adminUser,
                             users.join(u' '),
                             p.domainName,
                             p.hostNamePattern,
                             p.interfaces.join(u','),
                             csv ? isoTime(p.changed) : localTime(p.changed) };
    }
    if (csv) {
        printCsv(c.out,
                 { QStringLiteral("Name"), QStringLiteral("Default"), QStringLiteral("Admin user"),
                   QStringLiteral("Users"), QStringLiteral("Domain"),
                   QStringLiteral("Host name pattern"), QStringLiteral("Interfaces"),
                   QStringLiteral("Changed") },
                 rows);
    } else {
        printTable(c.out, rows);
        c.out << plural(r.value.size(), "profile", "profiles") << '\n';
    }
    c.out.flush();
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

bool findTlsCertificate(Context &c, Store &store, const QString &name, qint64 *id, int *exitCode);
bool findAuxiliaryProfile(Context &c, Store &store, const QString &name, qint64 *id, int *exitCode,
                          AuxiliaryProfile *profile = nullptr);

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
        static const QStringList Known{ QStringLiteral("WebUI"), QStringLiteral("SOL"),
                                        QStringLiteral("IDER") };
        p.interfaces.clear();
        for (const QString &part :
             c.parser.value(QStringLiteral("interfaces")).split(u',', Qt::SkipEmptyParts)) {
            QString name = part.trimmed();
            for (const QString &k : Known) {
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
    p.adminPassword = secretOption(c, QStringLiteral("admin-password"),
                                   "OOBM_PROFILE_ADMIN_PASSWORD");
    if (p.adminPassword.isEmpty())
        return usage(c.err,
                     QStringLiteral("Give the admin password with --admin-password P, "
                                    "OOBM_PROFILE_ADMIN_PASSWORD, or \"-\" to read it from "
                                    "standard input."));
    if (!p.aclUsers.isEmpty()) {
        const QString password = secretOption(c, QStringLiteral("user-password"),
                                              "OOBM_PROFILE_USER_PASSWORD");
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
        c.out << QJsonDocument(QJsonObject{ { QStringLiteral("id"), r.value },
                                            { QStringLiteral("name"), p.name },
                                            { QStringLiteral("default"), p.isDefault } })
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
        c.out << QJsonDocument(QJsonObject{ { QStringLiteral("name"), p.name },
                                            { QStringLiteral("deleted"), true } })
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Deleted the provision profile %1.").arg(p.name) << '\n';
    c.out.flush();
    return Success;
}

// Remote Configuration: the provisioning certificates the engine presents to AMT devices.
int certificatesImport(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'certificates import' takes one FILE (.pfx/.p12, or PEM with --key)."));
    int code = Success;
    QFile f(c.args.first());
    if (!f.open(QIODevice::ReadOnly))
        return failure(c.err, QStringLiteral("Cannot read %1: %2").arg(c.args.first(), f.errorString()));
    const QByteArray bytes = f.readAll();
    QString error;
    ProvisioningCertificate certificate;
    if (c.parser.isSet(QStringLiteral("key"))) {
        QFile k(c.parser.value(QStringLiteral("key")));
        if (!k.open(QIODevice::ReadOnly))
            return failure(c.err, QStringLiteral("Cannot read %1: %2").arg(k.fileName(), k.errorString()));
        certificate = ProvisioningCertificate::fromPem(bytes, k.readAll(), &error);
    } else {
        certificate = ProvisioningCertificate::fromPkcs12(
                bytes, secretOption(c, QStringLiteral("passphrase"), "OOBM_CERTIFICATE_PASSPHRASE"), &error);
    }
    if (!error.isEmpty())
        return failure(c.err, QStringLiteral("%1: %2").arg(c.args.first(), error));
    if (c.parser.isSet(QStringLiteral("name")))
        certificate.name = c.parser.value(QStringLiteral("name"));
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    const StoreResult<qint64> r = store->importCertificate(certificate).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << QStringLiteral("Imported the provisioning certificate %1 (CN %2, root sha1:%3, valid until %4)%5.")
                     .arg(certificate.name, certificate.commonName, certificate.rootSha1,
                          certificate.notAfter.toString(Qt::ISODate),
                          certificate.isExpired() ? QStringLiteral("; it has EXPIRED and will not be used")
                                                  : QString())
          << '\n';
    c.out.flush();
    return Success;
}

int certificatesList(Context &c)
{
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const auto r = store->listCertificates().result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const ProvisioningCertificate &p : r.value)
            a.append(QJsonObject{{QStringLiteral("name"), p.name},
                                 {QStringLiteral("commonName"), p.commonName},
                                 {QStringLiteral("rootSha1"), p.rootSha1},
                                 {QStringLiteral("rootSha256"), p.rootSha256},
                                 {QStringLiteral("notAfter"), p.notAfter.toString(Qt::ISODate)},
                                 {QStringLiteral("expired"), p.isExpired()}});
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        for (const ProvisioningCertificate &p : r.value)
            c.out << p.name << "  CN " << p.commonName << "  root sha1:" << p.rootSha1 << "  until "
                  << p.notAfter.toString(Qt::ISODate) << (p.isExpired() ? "  EXPIRED" : "") << '\n';
        if (r.value.isEmpty())
            c.out << "No provisioning certificates; import one with: oobmctl certificates import FILE.pfx\n";
    }
    c.out.flush();
    return Success;
}

int certificatesDelete(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'certificates delete' takes one NAME."));
    int code = Success;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    for (const ProvisioningCertificate &p : store->listCertificates().result().value) {
        if (p.name == c.args.first()) {
            const auto r = store->deleteCertificate(p.id).result();
            if (!r.ok())
                return failure(c.err, r.error.message);
            c.out << QStringLiteral("Deleted the provisioning certificate %1.").arg(p.name) << '\n';
            c.out.flush();
            return Success;
        }
    }
    return failure(c.err, QStringLiteral("There is no provisioning certificate named %1.").arg(c.args.first()));
}

// The one-time password a device was given (Remote Configuration with "One time password required").
int systemsOtp(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'systems otp' takes one UUID; the OTP comes from --otp, OOBM_OTP or "
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
    if (!parseCount(c, 20, &limit, &code))
        return code;
    ListFormat format;
    if (!listFormat(c, "hellos tail", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    StoreResult<QList<HelloRecord>> r = store->listHellos({}, 0, limit).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    std::reverse(r.value.begin(), r.value.end()); // tail: oldest of the page first
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const HelloRecord &h : std::as_const(r.value))
            a.append(helloJson(h));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else if (format == ListFormat::Csv) {
        QList<QStringList> rows;
        for (const HelloRecord &h : std::as_const(r.value))
            rows << QStringList{ isoTime(h.time),          h.address, QString::number(h.port),
                                 helloType(h.version),     h.uuid,    pidText(h.pid),
                                 QString::number(h.retry), h.outcome };
        printCsv(c.out,
                 { QStringLiteral("Time"), QStringLiteral("Address"), QStringLiteral("Port"),
                   QStringLiteral("Type"), QStringLiteral("UUID"), QStringLiteral("PID"),
                   QStringLiteral("Retry"), QStringLiteral("Outcome") },
                 rows);
    } else {
        QList<QStringList> rows;
        for (const HelloRecord &h : std::as_const(r.value))
            rows << QStringList{ localTime(h.time),
                                 QStringLiteral("%1:%2").arg(h.address).arg(h.port),
                                 helloType(h.version),
                                 h.uuid,
                                 pidText(h.pid),
                                 QStringLiteral("retry %1").arg(h.retry),
                                 h.outcome };
        printTable(c.out, rows);
    }
    c.out.flush();
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
    static const QList<ActionRecord::Result> Results{ ActionRecord::Result::Succeeded,
                                                      ActionRecord::Result::Failed,
                                                      ActionRecord::Result::Skipped };
    for (const QString &value : c.parser.values(QStringLiteral("result"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const auto it = std::find_if(Results.cbegin(), Results.cend(), [&](auto r) {
                return part.trimmed().compare(actionResultKey(r), Qt::CaseInsensitive) == 0;
            });
            if (it == Results.cend())
                return usage(c.err,
                             QStringLiteral("Unknown result '%1'; use succeeded, failed "
                                            "or skipped.")
                                     .arg(part));
            if (!filter.results.contains(*it))
                filter.results << *it;
        }
    }
    ListFormat format;
    if (!listFormat(c, "actions list", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    StoreResult<QList<ActionRecord>> r = store->listActions(filter).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    std::reverse(r.value.begin(), r.value.end()); // oldest of the page first
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const ActionRecord &x : std::as_const(r.value))
            a.append(actionJson(x));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        const bool csv = format == ListFormat::Csv;
        QList<QStringList> rows;
        for (const ActionRecord &x : std::as_const(r.value))
            rows << QStringList{
                csv ? isoTime(x.time) : localTime(x.time),
                x.uuid,
                x.step,
                csv ? actionResultKey(x.result) : actionResultName(x.result),
                csv ? QString::number(x.durationMs) : QStringLiteral("%1 ms").arg(x.durationMs),
                x.status,
                csv ? QString::number(x.attempt) : QStringLiteral("attempt %1").arg(x.attempt),
                x.message
            };
        if (csv)
            printCsv(c.out,
                     { QStringLiteral("Time"), QStringLiteral("UUID"), QStringLiteral("Step"),
                       QStringLiteral("Result"), QStringLiteral("Duration ms"),
                       QStringLiteral("Status"), QStringLiteral("Attempt"),
                       QStringLiteral("Message") },
                     rows);
        else
            printTable(c.out, rows);
    }
    c.out.flush();
    return Success;
}

QJsonObject checkJson(const CheckResult &r)
{
    return { { QStringLiteral("id"), r.id },
             { QStringLiteral("check"), r.check },
             { QStringLiteral("verdict"), checkVerdictName(r.verdict) },
             { QStringLiteral("answer"), r.answer },
             { QStringLiteral("cause"), r.cause },
             { QStringLiteral("fix"), r.fix } };
}

int dnsTest(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'dns test' takes no arguments; give suffixes with --suffix S."));
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const StoreResult<ServiceSettings> settings = store->serviceSettings().result();
    if (!settings.ok())
        return failure(c.err, settings.error.message);
    DnsCheckOptions o;
    o.suffixes = settings.value.dnsSuffixes;
    if (c.parser.isSet(QStringLiteral("suffix"))) {
        ServiceSettings parsed;
        const QString problem = parsed.setValue(ServiceSettings::DnsSuffixesKey,
                                                c.parser.values(QStringLiteral("suffix")).join(u','));
        if (!problem.isEmpty())
            return usage(c.err, problem);
        o.suffixes = parsed.dnsSuffixes;
    }
    QString problem;
    o.server = DnsServer::parse(c.parser.isSet(QStringLiteral("server"))
                                        ? c.parser.value(QStringLiteral("server"))
                                        : settings.value.dnsServer,
                                &problem);
    if (!problem.isEmpty())
        return usage(c.err, problem);
    o.serverName = c.parser.isSet(QStringLiteral("server-name"))
            ? c.parser.value(QStringLiteral("server-name")).trimmed().toLower()
            : settings.value.serverFqdn;
    o.listenPort = quint16(settings.value.listenPort);
    for (const AmtSystem &s : store->listSystems({}).result().value) {
        if (!s.fqdn.isEmpty())
            o.systems.append({ s.uuid, s.fqdn, QHostAddress(s.address) });
    }
    const QString serverText = DnsResolver(o.server).serversText();
    const QList<CheckResult> results = DnsChecker(o).run(
            c.format == Format::Json ? DnsChecker::Report{}
                                     : [&c](const CheckResult &r, int, int) {
                                           c.out << r.toText() << '\n';
                                           c.out.flush();
                                       });
    const QString summary = DnsChecker::summary(results, serverText);
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const CheckResult &r : results)
            a.append(checkJson(r));
        c.out << QJsonDocument(QJsonObject{ { QStringLiteral("summary"), summary },
                                            { QStringLiteral("checks"), a } })
                         .toJson(QJsonDocument::Indented);
    } else {
        c.out << summary << '\n';
    }
    c.out.flush();
    // The run is worth a line in the log, as the console's Test button writes one.
    UserLog log(store.get(), QStringLiteral("oobmctl"));
    log.log(DnsChecker::allPassed(results) ? Severity::Information : Severity::Warning, summary,
            DnsChecker::toText(results));
    log.flush().waitForFinished();
    return DnsChecker::allPassed(results) ? Success : RuntimeError;
}

int doctor(Context &c)
{
    if (c.args.size() > 1)
        return usage(c.err, QStringLiteral("'doctor' takes at most one SYSTEM (a UUID, address or FQDN)."));
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    QStringList subjects = c.args;
    if (subjects.isEmpty()) {
        QString error;
        subjects = ProvisioningDoctor::unprovisionedSystems(store.get(), &error);
        if (!error.isEmpty())
            return failure(c.err, error);
        if (subjects.isEmpty()) {
            c.out << "Every system is provisioned; nothing to diagnose.\n";
            c.out.flush();
            return Success;
        }
    }
    bool allHealthy = true;
    QJsonArray reports;
    UserLog log(store.get(), QStringLiteral("oobmctl"));
    for (const QString &subject : std::as_const(subjects)) {
        const DoctorReport r = ProvisioningDoctor::diagnose(ProvisioningDoctor::gather(store.get(), subject));
        const bool healthy = r.verdict.verdict == CheckVerdict::Pass || r.verdict.verdict == CheckVerdict::Info;
        allHealthy = allHealthy && healthy;
        log.log(healthy ? Severity::Information : Severity::Warning,
                QStringLiteral("Diagnosis of %1: %2").arg(subject, r.verdict.toText()), r.toText(),
                r.uuid);
        if (c.format == Format::Json) {
            QJsonArray checks;
            for (const CheckResult &x : r.checks)
                checks.append(checkJson(x));
            reports.append(QJsonObject{ { QStringLiteral("subject"), r.subject },
                                        { QStringLiteral("uuid"), r.uuid },
                                        { QStringLiteral("verdict"), checkJson(r.verdict) },
                                        { QStringLiteral("checks"), checks } });
        } else {
            c.out << r.toText() << '\n';
        }
    }
    log.flush().waitForFinished();
    if (c.format == Format::Json)
        c.out << QJsonDocument(reports).toJson(QJsonDocument::Indented);
    c.out.flush();
    return allHealthy ? Success : RuntimeError;
}

int helloSend(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'hello send' takes options only: --server HOST:PORT --uuid U (--pid P | --pki)."));
    if (!c.parser.isSet(QStringLiteral("server")) || !c.parser.isSet(QStringLiteral("uuid")))
        return usage(c.err, QStringLiteral("'hello send' needs --server HOST:PORT and --uuid U."));
    const bool pki = c.parser.isSet(QStringLiteral("pki"));
    if (pki == c.parser.isSet(QStringLiteral("pid")))
        return usage(c.err, QStringLiteral("'hello send' needs either --pid P (a PSK hello) or --pki (a Remote Configuration hello)."));
    QString host;
    quint16 port = 0;
    QString problem;
    if (!HelloClient::parseServer(c.parser.value(QStringLiteral("server")), &host, &port, &problem))
        return usage(c.err, problem);
    HelloPacket hello;
    hello.uuid = QUuid::fromString(c.parser.value(QStringLiteral("uuid")).trimmed());
    if (hello.uuid.isNull())
        return usage(c.err, QStringLiteral("'%1' is not a UUID such as 4B529B93-D413-181D-E487-1C697A6B7A2B.")
                                    .arg(c.parser.value(QStringLiteral("uuid"))));
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    if (pki) {
        hello.version = HelloPacket::Version::Pki;
        QStringList hashes = c.parser.values(QStringLiteral("root-hash"));
        if (hashes.isEmpty()) {
            for (const ProvisioningCertificate &cert : store->listCertificates().result().value)
                hashes << cert.rootSha1;
        }
        if (hashes.isEmpty())
            return usage(c.err, QStringLiteral("No provisioning certificate is loaded to take root hashes from: give --root-hash HEX (SHA-1 or SHA-256)."));
        for (const QString &h : std::as_const(hashes)) {
            const QByteArray bytes = QByteArray::fromHex(h.toLatin1());
            if ((bytes.size() != 20 && bytes.size() != 32) || bytes.toHex().compare(h.toLatin1(), Qt::CaseInsensitive) != 0)
                return usage(c.err, QStringLiteral("'%1' is not a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) hash.").arg(h));
            hello.rootHashes.append({ bytes.size() == 32 ? HelloPacket::HashType::Sha256 : HelloPacket::HashType::Sha1, bytes });
        }
    } else {
        QString pidProblem;
        hello.pid = PidPps::normalizePid(c.parser.value(QStringLiteral("pid")), &pidProblem);
        if (hello.pid.isEmpty())
            return usage(c.err, pidProblem);
    }
    // A name is looked up through the DNS server of the settings, like every lookup OOBM makes.
    QHostAddress address(host);
    if (address.isNull()) {
        const ServiceSettings settings = store->serviceSettings().result().value;
        DnsResolver resolver(DnsServer::parse(settings.dnsServer, &problem));
        const DnsResponse r = resolver.lookup(host, DnsType::A);
        if (r.addresses().isEmpty())
            return failure(c.err, QStringLiteral("%1 does not resolve through %2 (%3).")
                                          .arg(host, resolver.serversText(), r.error.isEmpty() ? r.statusText() : r.error));
        address = r.addresses().first();
    }
    const QString uuid = HelloPacket::uuidText(hello.uuid);
    const qint64 before = [&] {
        const auto last = store->listHellos({}, 0, 1).result().value;
        return last.isEmpty() ? qint64(0) : last.first().id;
    }();
    if (const QString error = HelloClient::send(address, port, hello); !error.isEmpty())
        return failure(c.err, error);
    c.out << QStringLiteral("Sent a %1 hello for %2 to %3:%4.\n")
                     .arg(pki ? QStringLiteral("PKI") : QStringLiteral("PSK"), uuid, address.toString())
                     .arg(port);
    c.out.flush();
    // Did an engine on this database record it? (The Hello monitor shows the same row.)
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        for (const HelloRecord &h : store->listHellos(uuid, before, 10).result().value) {
            c.out << QStringLiteral("Received by engine %1 at %2: %3\n").arg(h.engine, h.time.toLocalTime().toString(Qt::ISODate), h.outcome);
            c.out.flush();
            return Success;
        }
        QThread::msleep(100);
    }
    return failure(c.err, QStringLiteral("The hello was delivered, but no engine on this database recorded it within 5 s: the server at %1:%2 is not an OOBM engine using this database, or it is busy.")
                                  .arg(address.toString())
                                  .arg(port));
}

// TLS server certificates that profiles install.
bool findTlsCertificate(Context &c, Store &store, const QString &name, qint64 *id, int *exitCode)
{
    const auto r = store.listTlsCertificates().result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    for (const TlsCertificate &t : r.value) {
        if (t.name == name) {
            *id = t.id;
            return true;
        }
    }
    QStringList names;
    for (const TlsCertificate &t : r.value)
        names << t.name;
    *exitCode = failure(c.err, QStringLiteral("There is no TLS certificate named %1; %2")
                                       .arg(name, names.isEmpty()
                                                        ? QStringLiteral("import one with: oobmctl tls-certificates "
                                                                         "import FILE.pfx")
                                                        : QStringLiteral("there are: %1.")
                                                                  .arg(names.join(QStringLiteral(", ")))));
    return false;
}

int tlsCertificatesImport(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err,
                     QStringLiteral("'tls-certificates import' takes one FILE (.pfx/.p12, or PEM with --key)."));
    int code = Success;
    if (!textOrJson(c, "tls-certificates import", &code))
        return code;
    QFile f(c.args.first());
    if (!f.open(QIODevice::ReadOnly))
        return failure(c.err, QStringLiteral("Cannot read %1: %2").arg(c.args.first(), f.errorString()));
    const QByteArray bytes = f.readAll();
    QString error;
    TlsCertificate certificate;
    if (c.parser.isSet(QStringLiteral("key"))) {
        QFile k(c.parser.value(QStringLiteral("key")));
        if (!k.open(QIODevice::ReadOnly))
            return failure(c.err, QStringLiteral("Cannot read %1: %2").arg(k.fileName(), k.errorString()));
        certificate = TlsCertificate::fromPem(bytes, k.readAll(), &error);
    } else {
        certificate = TlsCertificate::fromPkcs12(
                bytes, secretOption(c, QStringLiteral("passphrase"), "OOBM_CERTIFICATE_PASSPHRASE"), &error);
    }
    if (!error.isEmpty())
        return failure(c.err, QStringLiteral("%1: %2").arg(c.args.first(), error));
    if (c.parser.isSet(QStringLiteral("name")))
        certificate.name = c.parser.value(QStringLiteral("name")).trimmed();
    auto store = openUnlockedStore(c, &code, true);
    if (!store)
        return code;
    const StoreResult<qint64> r = store->importTlsCertificate(certificate).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("id"), r.value},
                                           {QStringLiteral("name"), certificate.name},
                                           {QStringLiteral("sha256"), certificate.sha256}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Imported the TLS certificate %1 (CN %2, SHA-256 %3, valid until %4).")
                         .arg(certificate.name, certificate.commonName, certificate.sha256,
                              certificate.notAfter.toString(Qt::ISODate))
              << '\n';
    c.out.flush();
    return Success;
}

int tlsCertificatesList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'tls-certificates list' takes no arguments."));
    int code = Success;
    if (!textOrJson(c, "tls-certificates list", &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const auto r = store->listTlsCertificates().result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const TlsCertificate &t : r.value)
            a.append(QJsonObject{{QStringLiteral("name"), t.name},
                                 {QStringLiteral("commonName"), t.commonName},
                                 {QStringLiteral("sha256"), t.sha256},
                                 {QStringLiteral("notAfter"), jsonTime(t.notAfter)},
                                 {QStringLiteral("expired"), t.isExpired()},
                                 {QStringLiteral("chainLength"), int(t.chainList().size())}});
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        QList<QStringList> rows;
        for (const TlsCertificate &t : r.value)
            rows << QStringList{t.name, QStringLiteral("CN ") + t.commonName, QStringLiteral("sha256:") + t.sha256,
                                QStringLiteral("until ") + t.notAfter.toString(Qt::ISODate)
                                        + (t.isExpired() ? QStringLiteral(" EXPIRED") : QString())};
        printTable(c.out, rows);
        if (r.value.isEmpty())
            c.out << "No TLS certificates; import one with: oobmctl tls-certificates import FILE.pfx\n";
    }
    c.out.flush();
    return Success;
}

int tlsCertificatesDelete(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'tls-certificates delete' takes one NAME."));
    int code = Success;
    if (!textOrJson(c, "tls-certificates delete", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    qint64 id = 0;
    if (!findTlsCertificate(c, *store, c.args.first(), &id, &code))
        return code;
    const auto r = store->deleteTlsCertificate(id).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << QStringLiteral("Deleted the TLS certificate %1.").arg(c.args.first()) << '\n';
    c.out.flush();
    return Success;
}

// Auxiliary Profiles: users and a TLS certificate that provision profiles share.
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
            matches = { a };
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
        *exitCode = failure(c.err, QStringLiteral("'%1' could be any of %2: give the name with its exact case.")
                                           .arg(name, names.join(QStringLiteral(", "))));
        return false;
    }
    *exitCode = failure(c.err, QStringLiteral("There is no auxiliary profile %1.").arg(name));
    return false;
}

QJsonObject auxiliaryProfileJson(const AuxiliaryProfile &a)
{
    QJsonArray users;
    for (const Amt::UserAclEntry &u : a.aclUsers) {
        QJsonArray realms;
        for (unsigned r : u.realms)
            realms.append(realmName(r));
        users.append(QJsonObject{{QStringLiteral("name"), u.username}, {QStringLiteral("realms"), realms}});
    }
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("name"), a.name},
                       {QStringLiteral("users"), users},
                       {QStringLiteral("tlsCertificate"), a.tlsCertificateName},
                       {QStringLiteral("usedBy"), QJsonArray::fromStringList(a.usedBy)},
                       {QStringLiteral("changed"), jsonTime(a.changed)}};
}

int auxProfilesList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'aux-profiles list' takes no arguments."));
    ListFormat format;
    int code = Success;
    if (!listFormat(c, "aux-profiles list", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const auto r = store->listAuxiliaryProfiles().result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const AuxiliaryProfile &p : r.value)
            a.append(auxiliaryProfileJson(p));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const AuxiliaryProfile &p : r.value) {
        QStringList users;
        for (const Amt::UserAclEntry &u : p.aclUsers)
            users << userText(u);
        rows << QStringList{p.name, users.join(u' '), p.tlsCertificateName, p.usedBy.join(u',')};
    }
    if (format == ListFormat::Csv) {
        printCsv(c.out,
                 {QStringLiteral("Name"), QStringLiteral("Users"), QStringLiteral("TLS certificate"),
                  QStringLiteral("Used by")},
                 rows);
    } else {
        printTable(c.out, rows);
        c.out << plural(r.value.size(), "auxiliary profile", "auxiliary profiles") << '\n';
    }
    c.out.flush();
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
        return usage(c.err, QStringLiteral("--user-password is the password of the users given with --user "
                                           "NAME:REALM,...; there are none."));
    if (!a.aclUsers.isEmpty()) {
        const QString password = secretOption(c, QStringLiteral("user-password"), "OOBM_PROFILE_USER_PASSWORD");
        if (password.isEmpty())
            return usage(c.err, QStringLiteral("Give the users' password with --user-password P, "
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

// Profile Assignments: which provision profile a system gets.
QJsonObject assignmentJson(const ProfileAssignment &a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("kind"), ProfileAssignment::kindKey(a.kind)},
                       {QStringLiteral("value"), a.value},
                       {QStringLiteral("profile"), a.profileName}};
}

int assignmentsList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'assignments list' takes no arguments."));
    ListFormat format;
    int code = Success;
    if (!listFormat(c, "assignments list", &format, &code))
        return code;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const auto r = store->listAssignments().result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const ProfileAssignment &p : r.value)
            a.append(assignmentJson(p));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
        c.out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const ProfileAssignment &p : r.value)
        rows << QStringList{QString::number(p.id), ProfileAssignment::kindKey(p.kind), p.value, p.profileName};
    if (format == ListFormat::Csv) {
        printCsv(c.out,
                 {QStringLiteral("ID"), QStringLiteral("Kind"), QStringLiteral("Value"), QStringLiteral("Profile")},
                 rows);
    } else {
        printTable(c.out, rows);
        c.out << plural(r.value.size(), "rule", "rules")
              << "; systems no rule matches get the default profile\n";
    }
    c.out.flush();
    return Success;
}

int assignmentsAdd(Context &c)
{
    if (c.args.size() != 2)
        return usage(c.err, QStringLiteral("'assignments add' takes a kind (uuid, fqdn or ip) and a VALUE, with "
                                           "--profile NAME: oobmctl assignments add ip 10.1.0.0/16 --profile Lab"));
    int code = Success;
    if (!textOrJson(c, "assignments add", &code))
        return code;
    ProfileAssignment a;
    if (!ProfileAssignment::kindFromKey(c.args.at(0), &a.kind))
        return usage(c.err, QStringLiteral("Unknown assignment kind '%1'; the kinds are uuid, fqdn and ip.")
                                    .arg(c.args.at(0)));
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
        return failure(c.err, QStringLiteral("There is no assignment %1; oobmctl assignments list shows their IDs.")
                                      .arg(id));
    c.out << QStringLiteral("Deleted the assignment %1.").arg(id) << '\n';
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
    { "log", "query", logQuery },
    { "log", "purge", logPurge },
    { "keys", "generate", keysGenerate },
    { "keys", "list", keysList },
    { "keys", "export", keysExport },
    { "keys", "import", keysImport },
    { "keys", "show", keysShow },
    { "audit", "tail", auditTail },
    { "audit", "query", auditQuery },
    { "systems", "list", systemsList },
    { "systems", "show", systemsShow },
    { "systems", "authorize", systemsAuthorize },
    { "systems", "power", systemsPower },
    { "systems", "unprovision", systemsUnprovision },
    { "systems", "otp", systemsOtp },
    { "certificates", "import", certificatesImport },
    { "certificates", "list", certificatesList },
    { "certificates", "delete", certificatesDelete },
    { "profiles", "list", profilesList },
    { "profiles", "show", profilesShow },
    { "profiles", "create", profilesCreate },
    { "profiles", "delete", profilesDelete },
    { "assignments", "list", assignmentsList },
    { "assignments", "add", assignmentsAdd },
    { "assignments", "delete", assignmentsDelete },
    { "tls-certificates", "import", tlsCertificatesImport },
    { "tls-certificates", "list", tlsCertificatesList },
    { "tls-certificates", "delete", tlsCertificatesDelete },
    { "aux-profiles", "list", auxProfilesList },
    { "aux-profiles", "show", auxProfilesShow },
    { "aux-profiles", "create", auxProfilesCreate },
    { "aux-profiles", "delete", auxProfilesDelete },
    { "hellos", "tail", hellosTail },
    { "actions", "list", actionsList },
    { "dns", "test", dnsTest },
    { "doctor", nullptr, doctor },
    { "hello", "send", helloSend },
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
    parser.setApplicationDescription(
            QStringLiteral("Scripting interface of OOBM, the Intel AMT "
                           "out-of-band management console.\n\n")
            + QString::fromLatin1(HelpText).arg(
                    settingsKeyHelp(), wrappedList(systemStateKeys().split(QStringLiteral(", "))),
                    realmHelp()));
    parser.addOption(
            { QStringLiteral("database"),
              QStringLiteral("The store: a SQLite file path or postgresql://user@host:port/dbname "
                             "(password from PGPASSWORD)."),
              QStringLiteral("URL|PATH") });
    parser.addOption({ QStringLiteral("format"),
                       QStringLiteral("Output format: text (default) or json; csv for the list "
                                      "commands; the file format of keys generate/export."),
                       QStringLiteral("text|csv|json"), QStringLiteral("text") });
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
                       QStringLiteral("keys list/export, systems list: only these states."),
                       QStringLiteral("S") });
    parser.addOption({ QStringLiteral("count"), QStringLiteral("keys export: at most N keys."),
                       QStringLiteral("N") });
    parser.addOption({ QStringLiteral("include-passwords"),
                       QStringLiteral("keys export to CSV: include the ME passwords.") });
    parser.addOption({ QStringLiteral("n"),
                       QStringLiteral("log/audit/hellos tail, actions list: number of entries."),
                       QStringLiteral("N") });
    parser.addOption(
            { QStringLiteral("severity"),
              QStringLiteral("log tail/query: only these severities (error, warning, "
                             "information, debug)."),
              QStringLiteral("S") });
    parser.addOption({ QStringLiteral("passphrase"),
                       QStringLiteral("certificates/tls-certificates import: the PKCS#12 passphrase (or "
                                      "OOBM_CERTIFICATE_PASSPHRASE; "
                                      "\"-\" reads it from stdin)."),
                       QStringLiteral("P") });
    parser.addOption({ QStringLiteral("key"),
                       QStringLiteral("certificates/tls-certificates import: the PEM private key file."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("name"),
                       QStringLiteral("certificates/tls-certificates import: the name to give it."),
                       QStringLiteral("N") });
    parser.addOption({ QStringLiteral("otp"),
                       QStringLiteral("systems otp: the one-time password (or OOBM_OTP; \"-\" reads stdin)."),
                       QStringLiteral("OTP") });
    parser.addOption({ QStringLiteral("suffix"),
                       QStringLiteral("dns test: a DNS domain the AMT clients use (may repeat)."),
                       QStringLiteral("S") });
    parser.addOption({ QStringLiteral("server"),
                       QStringLiteral("dns test: the DNS server to ask, IP[:PORT]; hello send: the "
                                      "provisioning server, HOST:PORT."),
                       QStringLiteral("ADDRESS") });
    parser.addOption({ QStringLiteral("server-name"),
                       QStringLiteral("dns test: this provisioning server's FQDN."),
                       QStringLiteral("FQDN") });
    parser.addOption({ QStringLiteral("uuid"), QStringLiteral("hello send: the device UUID."),
                       QStringLiteral("U") });
    parser.addOption({ QStringLiteral("pid"), QStringLiteral("hello send: the PID of a PSK hello."),
                       QStringLiteral("P") });
    parser.addOption({ QStringLiteral("pki"),
                       QStringLiteral("hello send: a Remote Configuration (PKI) hello.") });
    parser.addOption({ QStringLiteral("root-hash"),
                       QStringLiteral("hello send --pki: a root certificate hash to offer (may "
                                      "repeat; default: the loaded provisioning certificates')."),
                       QStringLiteral("HEX") });
    parser.addOption({ QStringLiteral("partial"),
                       QStringLiteral("systems unprovision: partial (keeps its key and sends "
                                      "hellos again).") });
    parser.addOption({ QStringLiteral("admin-password"),
                       QStringLiteral("profiles create: the admin password to give devices."),
                       QStringLiteral("P") });
    parser.addOption({ QStringLiteral("admin-user"),
                       QStringLiteral("profiles create: the admin account (default admin)."),
                       QStringLiteral("U") });
    parser.addOption({ QStringLiteral("user"),
                       QStringLiteral("profiles/aux-profiles create: an Intel AMT user and its realms; may "
                                      "repeat."),
                       QStringLiteral("NAME:REALM,...") });
    parser.addOption({ QStringLiteral("user-password"),
                       QStringLiteral("profiles create: the password of the --user accounts."),
                       QStringLiteral("P") });
    parser.addOption({ QStringLiteral("domain"),
                       QStringLiteral("profiles create: the domain name to set."),
                       QStringLiteral("D") });
    parser.addOption({ QStringLiteral("host-pattern"),
                       QStringLiteral("profiles create: the host name, e.g. amt-{uuid8} or "
                                      "{host}."),
                       QStringLiteral("PATTERN") });
    parser.addOption({ QStringLiteral("interfaces"),
                       QStringLiteral("profiles create: the interfaces to enable (WebUI, SOL, "
                                      "IDER)."),
                       QStringLiteral("LIST") });
    parser.addOption({ QStringLiteral("tls"),
                       QStringLiteral("profiles create: turn TLS on (the device serves 16993 with the "
                                      "profile's certificate).") });
    parser.addOption({ QStringLiteral("tls-certificate"),
                       QStringLiteral("profiles create, aux-profiles create: the TLS certificate (by name)."),
                       QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("aux-profile"),
                       QStringLiteral("profiles create: the auxiliary profile to add (by name)."),
                       QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("profile"),
                       QStringLiteral("assignments add: the provision profile matching systems get."),
                       QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("default"),
                       QStringLiteral("profiles create: make it the default profile.") });
    parser.addOption({ QStringLiteral("system"),
                       QStringLiteral("actions list, log query: only this system's entries "
                                      "(log query: its UUID or FQDN)."),
                       QStringLiteral("UUID") });
    parser.addOption({ QStringLiteral("since"),
                       QStringLiteral("log/audit query: entries from this time on (ISO 8601, or "
                                      "an age: 30m, 24h, 7d)."),
                       QStringLiteral("T") });
    parser.addOption({ QStringLiteral("until"),
                       QStringLiteral("log/audit query: entries up to this time."),
                       QStringLiteral("T") });
    parser.addOption({ QStringLiteral("source"),
                       QStringLiteral("log query: only entries from this source (engine, console, "
                                      "oobmctl, trace, ...)."),
                       QStringLiteral("S") });
    parser.addOption({ QStringLiteral("text"),
                       QStringLiteral("log/audit query: entries containing this text (any case)."),
                       QStringLiteral("T") });
    parser.addOption({ QStringLiteral("limit"),
                       QStringLiteral("log/audit query: at most N entries (default 100)."),
                       QStringLiteral("N") });
    parser.addOption({ QStringLiteral("action"),
                       QStringLiteral("audit query: only this action (generate, show, export, "
                                      "import, delete)."),
                       QStringLiteral("A") });
    parser.addOption({ QStringLiteral("older-than"),
                       QStringLiteral("log purge: delete entries older than DAYS days."),
                       QStringLiteral("DAYS") });
    parser.addOption({ QStringLiteral("step"),
                       QStringLiteral("actions list: only this step (e.g. CommitChanges)."),
                       QStringLiteral("S") });
    parser.addOption({ QStringLiteral("result"),
                       QStringLiteral("actions list: only these results (succeeded, failed, "
                                      "skipped)."),
                       QStringLiteral("R") });
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("settings, log, keys, audit, systems, profiles, "
                                                "assignments, tls-certificates, aux-profiles, "
                                                "hellos, actions (see below)"));

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
    const QString groupArg = c.args.value(0);
    const bool fileFormat = groupArg == u"keys";
    // The list commands of these groups take csv too; the others say so themselves.
    const bool csvGroup = groupArg == u"systems" || groupArg == u"profiles" || groupArg == u"hellos"
            || groupArg == u"actions" || groupArg == u"assignments" || groupArg == u"aux-profiles"
            || ((groupArg == u"log" || groupArg == u"audit") && c.args.value(1) == u"query");
    if (format == u"json")
        c.format = Format::Json;
    else if (format != u"text" && !fileFormat && !(csvGroup && format == u"csv"))
        return usage(err,
                     (csvGroup ? QStringLiteral("--format takes text, csv or json, not '%1'.")
                               : QStringLiteral("--format takes text or json, not '%1'."))
                             .arg(format));

    // Commands without a subcommand ("doctor [SYSTEM]").
    for (const Command &command : Commands) {
        if (!command.verb && groupArg == QLatin1String(command.group)) {
            c.args.removeFirst();
            return command.handler(c);
        }
    }
    if (c.args.size() < 2)
        return usage(err,
                     c.args.isEmpty()
                             ? QStringLiteral("No command given.")
                             : QStringLiteral("'%1' needs a subcommand.").arg(c.args.first()));
    const QString group = c.args.takeFirst();
    const QString verb = c.args.takeFirst();
    for (const Command &command : Commands) {
        if (command.verb && group == QLatin1String(command.group) && verb == QLatin1String(command.verb))
            return command.handler(c);
    }
    return usage(err, QStringLiteral("Unknown command '%1 %2'.").arg(group, verb));
}

} // namespace Oobm::Ctl
