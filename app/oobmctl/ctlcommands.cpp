// SPDX-License-Identifier: GPL-2.0-or-later
// The dispatcher: the help text, the options, and the table of commands; the commands themselves
// are in the file of their group.
#include "ctlcommands.h"

#include "ctlassignments.h"
#include "ctlaudit.h"
#include "ctlauxprofiles.h"
#include "ctlcertificates.h"
#include "ctlcollections.h"
#include "ctlcommon.h"
#include "ctldiagnostics.h"
#include "ctlkeys.h"
#include "ctllog.h"
#include "ctlprofiles.h"
#include "ctlreports.h"
#include "ctlsettings.h"
#include "ctlsystems.h"
#include "ctltasks.h"

#include "core/fleet/operation.h"
#include "core/settings/servicesettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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
  keys retire [--available-older-than DAYS] [--exported-older-than DAYS] [--pid PID]...
                               Retire Available keys older than DAYS, Exported keys never consumed
                               DAYS after their export, and the keys named (written to the
                               Security Audit log); a key reserved for a device is never retired
  audit tail [-n N]            The Security Audit log
  audit query [--since T] [--until T] [--action A] [--text T] [--limit N]
              [--format text|csv|json]
                               Security Audit entries, newest first; A: generate, show, export,
                               import, delete, task, retire; --text matches user, host, file or
                               details
  systems list [--state S] [--format text|csv|json]
                               The Intel AMT systems; --state may repeat or list several:
                               provisioned,failed
  systems show UUID            One system, then its hellos and steps as one timeline, oldest first
  systems authorize UUID...    Let systems that await authorization be provisioned
  systems power on|off|reset|cycle UUID...|--collection C [WAVES] [--wait|--no-wait]
                               Power action on the systems, as a one-off run the engines do
                               with the admin credentials OOBM stored (see Runs below)
  systems boot pxe|hdd|cd|bios UUID...|--collection C [WAVES] [--wait|--no-wait]
                               The next boot: from the network, hard disk, CD/DVD, or into BIOS
                               setup; it takes effect at each system's next start
  systems unprovision UUID...|--collection C [--partial] [WAVES] [--wait|--no-wait]
                               Back to factory mode (it needs a new key), or with --partial back
                               to setup mode with its key, sending hellos again; asks nothing
  systems tag UUID... [--add TAG]... [--remove TAG]...
                               Give systems tags or take them off (TAG may list several: a,b)
  systems dialect legacy|wsman|auto UUID...
                               Talk to the systems in the legacy SOAP interface or in
                               WS-Management, or again in the one their version speaks best
                               (legacy before AMT 4.0, WS-Management from 4.0)
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
                  [--tls-certificate NAME] [--aux-profile NAME] [--random-admin-password]
                               A new provision profile; every --user gets --user-password;
                               PATTERN: {host} keeps the name, amt-{uuid8} names it; --tls
                               installs the TLS certificate (its own, else the aux profile's);
                               --random-admin-password: each device gets its own admin password
                               (then without --admin-password)
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
  collections list [--format text|csv|json]
                               The collections, built-in ones first, with their members now
  collections show NAME|ID     One collection: its rule, or its members
  collections create NAME --dynamic [RULE] [--description D]
                               A collection of the systems a rule selects at the time; RULE:
                               --state S, --min-version V, --max-version V, --profile NAME,
                               --fqdn PATTERN, --ip RANGE, --hello-older-than H,
                               --hello-newer-than H, --last-task failed|succeeded, --tag T
  collections create NAME --static [SYSTEM...] [--members-file FILE] [--description D]
                               A collection of systems named by UUID, FQDN or name (FILE: one a
                               line, or CSV's first column); an unknown one saves nothing
  collections add|remove NAME|ID SYSTEM... [--members-file FILE]
                               Change a static collection's members
  collections members NAME|ID [--format text|csv|json]
                               The systems the collection selects now
  collections delete NAME|ID   Delete one (refused while a task targets it)
  tasks list [--format text|csv|json]
                               The tasks: operation, target, schedule, waves, next due, last run
  tasks create NAME --operation KEY (--collection NAME|ID | --system UUID...)
               [--schedule now|once|daily|weekly|every] [--at T] [--time HH:MM]
               [--weekday DAY] [--hours N] [--time-zone ZONE] [WAVES] [--agent HOST:PORT]
               [--disabled] [--wait]
                               A task: now (a run starts at once), once --at T, daily or weekly
                               --time HH:MM (--weekday mon..sun), or every --hours N from --at;
                               times in --time-zone (IANA, default this machine's)
  tasks show RUN [--state S] [--limit N] [--format text|csv|json]
                               A run and every system's result as the engine recorded it;
                               S: pending, running, succeeded, failed, skipped, cancelled
  tasks show NAME              A task and its last runs
  tasks run NAME|ID [--wait]   Run a task now, on the systems its target has now
  tasks run --failed-of RUN [--wait]
                               A run's operation again, on the systems that failed in it
  tasks cancel RUN             Stop a run: systems not started are left; those under way finish
  tasks enable|disable NAME    Let a task run when it is due, or not
  tasks delete NAME            Delete a task (its runs stay)
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
  reports [list]               The built-in reports and the options each takes
  reports NAME [--format text|csv|json] [--collection NAME|ID] [--since T] [--until T]
               [--hours N] [--limit N] [-o FILE]
                               One report, computed in the database: its table (text, CSV) or
                               everything (JSON: table, chart series, notes); times are UTC and
                               a date alone is midnight UTC. PDF: in the console (Export > PDF)
Passwords may also come from OOBM_ME_PASSWORD / OOBM_NEW_ME_PASSWORD (keys) and
OOBM_PROFILE_ADMIN_PASSWORD / OOBM_PROFILE_USER_PASSWORD (profiles), or "-" reads them from
standard input, so they stay out of shell history. Secrets are sealed with a key in the user's
keychain, or with --key-file PATH (OOBM_KEY_FILE) on a server without one.

Runs: the engines (oobm-engine, or a console) do the operations of tasks and of systems power,
boot and unprovision, in waves. WAVES: --wave N (systems per wave, default 500), --concurrency N
(at once, default 50), --pause S (seconds between waves), --stop-percent P (stop when more than P %
of a wave failed). --wait waits for the run's end (the default when systems are named by UUID;
--no-wait only starts it), shows progress on stderr, then one line per system and a summary;
the exit status is 1 when a system failed. Without a running engine, --wait refuses to start.

Operations (tasks create --operation):
%4
System states (systems list --state):
%2Realms of --user, by name or number:
%3
Settings keys:
%1
The database is --database, else $OOBM_DATABASE, else the console's default SQLite file.
Exit status: 0 success, 1 the command failed, 2 the command line was wrong.)";

struct Command
{
    const char *group;
    const char *verb;
    int (*handler)(Context &);
};

constexpr Command Commands[] = {
        {"settings", "get", settingsGet},
        {"settings", "set", settingsSet},
        {"log", "tail", logTail},
        {"log", "query", logQuery},
        {"log", "purge", logPurge},
        {"keys", "generate", keysGenerate},
        {"keys", "list", keysList},
        {"keys", "export", keysExport},
        {"keys", "import", keysImport},
        {"keys", "show", keysShow},
        {"keys", "retire", keysRetire},
        {"audit", "tail", auditTail},
        {"audit", "query", auditQuery},
        {"systems", "list", systemsList},
        {"systems", "show", systemsShow},
        {"systems", "authorize", systemsAuthorize},
        {"systems", "power", systemsPower},
        {"systems", "boot", systemsBoot},
        {"systems", "unprovision", systemsUnprovision},
        {"systems", "tag", systemsTag},
        {"systems", "dialect", systemsDialect},
        {"systems", "otp", systemsOtp},
        {"certificates", "import", certificatesImport},
        {"certificates", "list", certificatesList},
        {"certificates", "delete", certificatesDelete},
        {"profiles", "list", profilesList},
        {"profiles", "show", profilesShow},
        {"profiles", "create", profilesCreate},
        {"profiles", "delete", profilesDelete},
        {"assignments", "list", assignmentsList},
        {"assignments", "add", assignmentsAdd},
        {"assignments", "delete", assignmentsDelete},
        {"tls-certificates", "import", tlsCertificatesImport},
        {"tls-certificates", "list", tlsCertificatesList},
        {"tls-certificates", "delete", tlsCertificatesDelete},
        {"aux-profiles", "list", auxProfilesList},
        {"aux-profiles", "show", auxProfilesShow},
        {"aux-profiles", "create", auxProfilesCreate},
        {"aux-profiles", "delete", auxProfilesDelete},
        {"collections", "list", collectionsList},
        {"collections", "show", collectionsShow},
        {"collections", "create", collectionsCreate},
        {"collections", "delete", collectionsDelete},
        {"collections", "members", collectionsMembers},
        {"collections", "add", collectionsAdd},
        {"collections", "remove", collectionsRemove},
        {"tasks", "list", tasksList},
        {"tasks", "create", tasksCreate},
        {"tasks", "show", tasksShow},
        {"tasks", "run", tasksRun},
        {"tasks", "cancel", tasksCancel},
        {"tasks", "delete", tasksDelete},
        {"tasks", "enable", tasksEnable},
        {"tasks", "disable", tasksDisable},
        {"hellos", "tail", hellosTail},
        {"actions", "list", actionsList},
        {"dns", "test", dnsTest},
        {"doctor", nullptr, doctor},
        {"hello", "send", helloSend},
        {"reports", nullptr, reports},
};

QString operationHelp()
{
    QString text;
    for (Operation o : allOperations())
        text += QStringLiteral("  %1 %2\n").arg(operationKey(o).leftJustified(28), operationName(o));
    return text;
}

QString settingsKeyHelp()
{
    QString text;
    for (const QString &k : ServiceSettings::keys())
        text += QStringLiteral("  %1 %2\n").arg(k.leftJustified(28), ServiceSettings::describeKey(k));
    return text;
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Scripting interface of OOBM, the Intel AMT "
                           "out-of-band management console.\n\n")
            + QString::fromLatin1(HelpText).arg(settingsKeyHelp(),
                                                wrappedList(systemStateKeys().split(QStringLiteral(", "))), realmHelp(),
                                                operationHelp()));
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("The store: a SQLite file path or postgresql://user@host:port/dbname "
                                     "(password from PGPASSWORD)."),
                      QStringLiteral("URL|PATH")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("Output format: text (default) or json; csv for the list "
                                     "commands; the file format of keys generate/export."),
                      QStringLiteral("text|csv|json"), QStringLiteral("text")});
    parser.addOption({QStringLiteral("key-file"),
                      QStringLiteral("Keep the data key that seals secrets in this file (mode "
                                     "0600) instead of the keychain."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("me-password"), QStringLiteral("keys generate: the factory default ME password."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("new-me-password"), QStringLiteral("keys generate: the new ME password."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("export"), QStringLiteral("keys generate: also export the new keys to FILE."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("state"),
                      QStringLiteral("keys list/export, systems list, collections create: only these states; tasks "
                                     "show: only these results."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("keys export: at most N keys."), QStringLiteral("N")});
    parser.addOption(
            {QStringLiteral("include-passwords"), QStringLiteral("keys export to CSV: include the ME passwords.")});
    parser.addOption({QStringLiteral("n"), QStringLiteral("log/audit/hellos tail, actions list: number of entries."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("severity"),
                      QStringLiteral("log tail/query: only these severities (error, warning, "
                                     "information, debug)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("passphrase"),
                      QStringLiteral("certificates/tls-certificates import: the PKCS#12 passphrase (or "
                                     "OOBM_CERTIFICATE_PASSPHRASE; "
                                     "\"-\" reads it from stdin)."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("key"),
                      QStringLiteral("certificates/tls-certificates import: the PEM private key file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("name"),
                      QStringLiteral("certificates/tls-certificates import: the name to give it."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("otp"),
                      QStringLiteral("systems otp: the one-time password (or OOBM_OTP; \"-\" reads stdin)."),
                      QStringLiteral("OTP")});
    parser.addOption({QStringLiteral("suffix"),
                      QStringLiteral("dns test: a DNS domain the AMT clients use (may repeat)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("server"),
                      QStringLiteral("dns test: the DNS server to ask, IP[:PORT]; hello send: the "
                                     "provisioning server, HOST:PORT."),
                      QStringLiteral("ADDRESS")});
    parser.addOption({QStringLiteral("server-name"), QStringLiteral("dns test: this provisioning server's FQDN."),
                      QStringLiteral("FQDN")});
    parser.addOption({QStringLiteral("uuid"), QStringLiteral("hello send: the device UUID."), QStringLiteral("U")});
    parser.addOption({QStringLiteral("pid"),
                      QStringLiteral("hello send: the PID of a PSK hello; keys retire: a key to retire (may repeat)."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("available-older-than"),
                      QStringLiteral("keys retire: Available keys older than DAYS days."), QStringLiteral("DAYS")});
    parser.addOption({QStringLiteral("exported-older-than"),
                      QStringLiteral("keys retire: Exported keys never consumed DAYS days after their export."),
                      QStringLiteral("DAYS")});
    parser.addOption({QStringLiteral("pki"), QStringLiteral("hello send: a Remote Configuration (PKI) hello.")});
    parser.addOption({QStringLiteral("root-hash"),
                      QStringLiteral("hello send --pki: a root certificate hash to offer (may "
                                     "repeat; default: the loaded provisioning certificates')."),
                      QStringLiteral("HEX")});
    parser.addOption({QStringLiteral("partial"),
                      QStringLiteral("systems unprovision: partial (keeps its key and sends "
                                     "hellos again).")});
    parser.addOption({QStringLiteral("admin-password"),
                      QStringLiteral("profiles create: the admin password to give devices."), QStringLiteral("P")});
    parser.addOption({QStringLiteral("admin-user"),
                      QStringLiteral("profiles create: the admin account (default admin)."), QStringLiteral("U")});
    parser.addOption({QStringLiteral("user"),
                      QStringLiteral("profiles/aux-profiles create: an Intel AMT user and its realms; may "
                                     "repeat."),
                      QStringLiteral("NAME:REALM,...")});
    parser.addOption({QStringLiteral("user-password"),
                      QStringLiteral("profiles create: the password of the --user accounts."), QStringLiteral("P")});
    parser.addOption({QStringLiteral("domain"), QStringLiteral("profiles create: the domain name to set."),
                      QStringLiteral("D")});
    parser.addOption({QStringLiteral("host-pattern"),
                      QStringLiteral("profiles create: the host name, e.g. amt-{uuid8} or "
                                     "{host}."),
                      QStringLiteral("PATTERN")});
    parser.addOption({QStringLiteral("interfaces"),
                      QStringLiteral("profiles create: the interfaces to enable (WebUI, SOL, "
                                     "IDER)."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("tls"),
                      QStringLiteral("profiles create: turn TLS on (the device serves 16993 with the "
                                     "profile's certificate).")});
    parser.addOption({QStringLiteral("tls-certificate"),
                      QStringLiteral("profiles create, aux-profiles create: the TLS certificate (by name)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("aux-profile"),
                      QStringLiteral("profiles create: the auxiliary profile to add (by name)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("assignments add: the provision profile matching systems get; collections "
                                     "create: systems with this profile."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("default"), QStringLiteral("profiles create: make it the default profile.")});
    parser.addOption({QStringLiteral("random-admin-password"),
                      QStringLiteral("profiles create: a random admin password per device instead of one for all.")});
    parser.addOption({QStringLiteral("system"),
                      QStringLiteral("actions list, log query: only this system's entries "
                                     "(log query: its UUID or FQDN); tasks create: a system of the target "
                                     "(may repeat)."),
                      QStringLiteral("UUID")});
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("log/audit query, reports: entries from this time on (ISO 8601, or "
                                     "an age: 30m, 24h, 7d)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("until"), QStringLiteral("log/audit query, reports: entries up to this time."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("collection"),
                      QStringLiteral("reports: only the members of this collection (its name or number); tasks "
                                     "create, systems power/boot/unprovision: the target collection."),
                      QStringLiteral("NAME|ID")});
    parser.addOption({QStringLiteral("hours"),
                      QStringLiteral("reports silent-systems: silent for more than N hours (default 24); tasks "
                                     "create --schedule every: the period in hours."),
                      QStringLiteral("N")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("reports: write to FILE (through a temporary file) instead of standard "
                                     "output."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("source"),
                      QStringLiteral("log query: only entries from this source (engine, console, "
                                     "oobmctl, trace, ...)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("text"),
                      QStringLiteral("log/audit query: entries containing this text (any case)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("log/audit query: at most N entries (default 100); reports: the top N; "
                                     "tasks show: at most N systems."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("action"),
                      QStringLiteral("audit query: only this action (generate, show, export, "
                                     "import, delete)."),
                      QStringLiteral("A")});
    parser.addOption({QStringLiteral("older-than"), QStringLiteral("log purge: delete entries older than DAYS days."),
                      QStringLiteral("DAYS")});
    parser.addOption({QStringLiteral("step"), QStringLiteral("actions list: only this step (e.g. CommitChanges)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("result"),
                      QStringLiteral("actions list: only these results (succeeded, failed, "
                                     "skipped)."),
                      QStringLiteral("R")});
    // Collections, tasks and runs.
    parser.addOption(
            {QStringLiteral("wave"), QStringLiteral("Runs: systems per wave (default 500)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("concurrency"),
                      QStringLiteral("Runs: systems worked on at once, across the engines (default 50)."),
                      QStringLiteral("N")});
    parser.addOption(
            {QStringLiteral("pause"), QStringLiteral("Runs: seconds between waves (default 0)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("stop-percent"),
                      QStringLiteral("Runs: stop when more than P % of a wave failed (default 0: never)."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("wait"), QStringLiteral("Runs: wait for the run's end and print the results.")});
    parser.addOption({QStringLiteral("no-wait"),
                      QStringLiteral("systems power/boot/unprovision on UUIDs: only start the run.")});
    parser.addOption(
            {QStringLiteral("add"), QStringLiteral("systems tag: tags to give (may repeat)."), QStringLiteral("TAG")});
    parser.addOption({QStringLiteral("remove"), QStringLiteral("systems tag: tags to take off (may repeat)."),
                      QStringLiteral("TAG")});
    parser.addOption({QStringLiteral("static"), QStringLiteral("collections create: systems chosen by hand.")});
    parser.addOption({QStringLiteral("dynamic"), QStringLiteral("collections create: the systems a rule selects.")});
    parser.addOption({QStringLiteral("description"), QStringLiteral("collections create: what it is for."),
                      QStringLiteral("D")});
    parser.addOption({QStringLiteral("members-file"),
                      QStringLiteral("collections create/add/remove: systems from a file (one a line, or CSV)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("min-version"), QStringLiteral("collections create: AMT version from V on."),
                      QStringLiteral("V")});
    parser.addOption({QStringLiteral("max-version"), QStringLiteral("collections create: AMT version up to V."),
                      QStringLiteral("V")});
    parser.addOption({QStringLiteral("fqdn"),
                      QStringLiteral("collections create: FQDN or name pattern (*.lab.example.com)."),
                      QStringLiteral("PATTERN")});
    parser.addOption({QStringLiteral("ip"),
                      QStringLiteral("collections create: IPv4 range (10.1.0.0/16 or 10.1.0.5-10.1.0.90)."),
                      QStringLiteral("RANGE")});
    parser.addOption({QStringLiteral("hello-older-than"),
                      QStringLiteral("collections create: no hello for more than H hours."), QStringLiteral("H")});
    parser.addOption({QStringLiteral("hello-newer-than"), QStringLiteral("collections create: a hello within H hours."),
                      QStringLiteral("H")});
    parser.addOption({QStringLiteral("last-task"),
                      QStringLiteral("collections create: the system's last task failed or succeeded."),
                      QStringLiteral("failed|succeeded")});
    parser.addOption(
            {QStringLiteral("tag"), QStringLiteral("collections create: systems with this tag."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("operation"), QStringLiteral("tasks create: what the task does (see Operations)."),
                      QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("schedule"),
                      QStringLiteral("tasks create: now (default), once, daily, weekly or every."),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("at"),
                      QStringLiteral("tasks create: once: when; every: the first run (2026-12-24T18:00)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("time"), QStringLiteral("tasks create: daily/weekly: the time of day."),
                      QStringLiteral("HH:MM")});
    parser.addOption({QStringLiteral("weekday"), QStringLiteral("tasks create: weekly: the day (mon..sun)."),
                      QStringLiteral("DAY")});
    parser.addOption({QStringLiteral("time-zone"),
                      QStringLiteral("tasks create: the schedule's time zone (IANA; default this machine's)."),
                      QStringLiteral("ZONE")});
    parser.addOption({QStringLiteral("agent"),
                      QStringLiteral("tasks create --operation restart-hello: the task agent, HOST:PORT."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("disabled"), QStringLiteral("tasks create: made disabled.")});
    parser.addOption({QStringLiteral("failed-of"),
                      QStringLiteral("tasks run: the run whose failed systems to run again."), QStringLiteral("RUN")});
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("settings, log, keys, audit, systems, profiles, "
                                                "assignments, tls-certificates, aux-profiles, collections, "
                                                "tasks, hellos, actions, reports (see below)"));

    if (!parser.parse(arguments))
        return usage(err, parser.errorText());
    if (parser.isSet(helpOption)) {
        out << parser.helpText();
        out.flush();
        return Success;
    }
    if (parser.isSet(versionOption)) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        out.flush();
        return Success;
    }

    Context c{parser, parser.positionalArguments(), Format::Text, out, err};
    const QString format = parser.value(QStringLiteral("format"));
    const QString groupArg = c.args.value(0);
    const bool fileFormat = groupArg == u"keys" || groupArg == u"reports"; // they check --format themselves
    // The list commands of these groups take csv too; the others say so themselves.
    const bool csvGroup = groupArg == u"systems" || groupArg == u"profiles" || groupArg == u"hellos"
            || groupArg == u"actions" || groupArg == u"assignments" || groupArg == u"aux-profiles"
            || groupArg == u"collections" || groupArg == u"tasks"
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
                     c.args.isEmpty() ? QStringLiteral("No command given.")
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
