// SPDX-License-Identifier: GPL-2.0-or-later
#include "servicesettings.h"

#include "core/dns/dnsresolver.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

#include <utility>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    // lupdate files free tr() calls under the enclosing namespace: use the same context.
    return QCoreApplication::translate("Oobm::Core", text);
}

struct EnumText
{
    const char *key;
    int value;
};

constexpr EnumText CommonNameValues[] = {
        {"fqdn", int(CommonNameSource::Fqdn)},
        {"host-name", int(CommonNameSource::HostName)},
        {"sam-account-name", int(CommonNameSource::SamAccountName)},
};

constexpr EnumText LogLevelValues[] = {
        {"errors", int(LogLevel::Errors)},
        {"debug-warning", int(LogLevel::DebugWarning)},
        {"information", int(LogLevel::Information)},
        {"debug", int(LogLevel::Debug)},
};

template<std::size_t N>
QString enumKey(const EnumText (&table)[N], int value)
{
    for (const EnumText &e : table) {
        if (e.value == value)
            return QLatin1String(e.key);
    }
    return {};
}

template<std::size_t N>
bool enumFromKey(const EnumText (&table)[N], const QString &key, int *value)
{
    for (const EnumText &e : table) {
        if (key.compare(QLatin1String(e.key), Qt::CaseInsensitive) == 0) {
            *value = e.value;
            return true;
        }
    }
    return false;
}

template<std::size_t N>
QStringList enumKeys(const EnumText (&table)[N])
{
    QStringList keys;
    for (const EnumText &e : table)
        keys.append(QLatin1String(e.key));
    return keys;
}

bool parseBool(const QString &text, bool *value)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"on" || t == u"yes" || t == u"1") {
        *value = true;
        return true;
    }
    if (t == u"false" || t == u"off" || t == u"no" || t == u"0") {
        *value = false;
        return true;
    }
    return false;
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString portProblem(int port)
{
    if (port < 1 || port > 65535)
        return tr("The listen port must be a number from 1 to 65535; %1 is outside that range.").arg(port);
    return {};
}

QString dnsServerProblem(const QString &text)
{
    QString error;
    DnsServer::parse(text, &error);
    return error;
}

// Letters, digits, hyphens and dots; labels of 1-63 characters; 253 in all.
QString dnsNameProblem(const QString &name, const QString &what)
{
    static const QRegularExpression labelPattern(QStringLiteral("^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?$"));
    if (name.size() > 253)
        return tr("The %1 '%2' is longer than the 253 characters DNS allows.").arg(what, name);
    for (const QString &part : name.split(u'.')) {
        if (!labelPattern.match(part).hasMatch())
            return tr("The %1 '%2' is not a DNS name: use letters, digits and hyphens in "
                      "dot-separated labels, such as example.com.")
                    .arg(what, name);
    }
    return {};
}

QString hostPortProblem(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QString host = text.section(u':', 0, 0);
    const QString portText = text.contains(u':') ? text.section(u':', 1) : QString();
    if (text.contains(u':')) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return tr("'%1' is not a port: use a number from 1 to 65535 (the hello port is "
                      "normally 9971).")
                    .arg(portText);
    }
    if (QHostAddress(host).protocol() != QAbstractSocket::IPv4Protocol)
        return tr("'%1' is not an IPv4 address: setup.bin files hold the provisioning server "
                  "as IPV4[:PORT], such as 192.0.2.10:9971 (devices that should find it by "
                  "name use DNS: leave this empty).")
                .arg(host);
    return {};
}

// Days: 0 (no limit) to MaxRetentionDays; the Security Audit needs at least MinAuditRetentionDays.
QString daysProblem(const QString &key, qlonglong days)
{
    if (days < 0 || days > ServiceSettings::MaxRetentionDays)
        return tr("%1 takes a number of days from 0 (keep everything) to %2; %3 is outside that "
                  "range.")
                .arg(key)
                .arg(ServiceSettings::MaxRetentionDays)
                .arg(days);
    if (key == ServiceSettings::AuditRetentionDaysKey && days > 0 && days < ServiceSettings::MinAuditRetentionDays)
        return tr("The Security Audit log keeps entries at least %1 days; set %2 to 0 (keep "
                  "everything) or to %1 or more, not %3.")
                .arg(ServiceSettings::MinAuditRetentionDays)
                .arg(key)
                .arg(days);
    return {};
}

QString entriesProblem(const QString &key, qlonglong entries)
{
    if (entries != 0
        && (entries < ServiceSettings::MinRetentionEntries || entries > ServiceSettings::MaxRetentionEntries))
        return tr("%1 takes 0 (no limit) or a number of entries from %2 to %3, not %4.")
                .arg(key)
                .arg(ServiceSettings::MinRetentionEntries)
                .arg(ServiceSettings::MaxRetentionEntries)
                .arg(entries);
    return {};
}

bool isDaysKey(const QString &key)
{
    return key == ServiceSettings::LogRetentionDaysKey || key == ServiceSettings::ActionsRetentionDaysKey
            || key == ServiceSettings::AuditRetentionDaysKey;
}

bool isEntriesKey(const QString &key)
{
    return key == ServiceSettings::LogRetentionEntriesKey || key == ServiceSettings::ActionsRetentionEntriesKey;
}

} // namespace

bool logLevelAccepts(LogLevel level, Severity severity)
{
    switch (level) {
    case LogLevel::Errors:
        return severity == Severity::Error;
    case LogLevel::DebugWarning:
        return severity == Severity::Error || severity == Severity::Warning;
    case LogLevel::Information:
        return severity != Severity::Debug;
    case LogLevel::Debug:
        return true;
    }
    return true;
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Errors:
        return tr("Errors");
    case LogLevel::DebugWarning:
        return tr("Debug warning");
    case LogLevel::Information:
        return tr("Information");
    case LogLevel::Debug:
        return tr("Debug");
    }
    return {};
}

QString commonNameSourceName(CommonNameSource source)
{
    switch (source) {
    case CommonNameSource::Fqdn:
        return tr("Fully qualified domain name");
    case CommonNameSource::HostName:
        return tr("Host name");
    case CommonNameSource::SamAccountName:
        return tr("SAM account name");
    }
    return {};
}

namespace {
// The device maintenance numbers: a key, its field, and the largest value (0 switches a job off).
struct MaintenanceNumber
{
    QLatin1String key;
    int ServiceSettings::*field;
    int max;
};
const MaintenanceNumber MaintenanceNumbers[] = {
        {ServiceSettings::ClockSyncHoursKey, &ServiceSettings::clockSyncHours, ServiceSettings::MaxClockSyncHours},
        {ServiceSettings::PasswordRotationDaysKey, &ServiceSettings::passwordRotationDays,
         ServiceSettings::MaxPasswordRotationDays},
        {ServiceSettings::CertificateWarningDaysKey, &ServiceSettings::certificateWarningDays,
         ServiceSettings::MaxCertificateWarningDays},
        {ServiceSettings::RetireAvailableDaysKey, &ServiceSettings::retireAvailableDays,
         ServiceSettings::MaxKeyRetirementDays},
        {ServiceSettings::RetireExportedDaysKey, &ServiceSettings::retireExportedDays,
         ServiceSettings::MaxKeyRetirementDays},
};
const MaintenanceNumber *maintenanceNumber(const QString &key)
{
    for (const MaintenanceNumber &n : MaintenanceNumbers) {
        if (key == n.key)
            return &n;
    }
    return nullptr;
}
} // namespace

QStringList ServiceSettings::keys()
{
    return {ListenPortKey,
            RequireAuthorizationKey,
            AllowRemoteConfigurationKey,
            OneTimePasswordRequiredKey,
            CommonNameKey,
            LogLevelKey,
            DnsServerKey,
            DnsSuffixesKey,
            ReverseLookupsKey,
            ServerFqdnKey,
            SetupServerAddressKey,
            LogRetentionDaysKey,
            LogRetentionEntriesKey,
            ActionsRetentionDaysKey,
            ActionsRetentionEntriesKey,
            AuditRetentionDaysKey,
            TraceLoggingKey,
            ClockSyncHoursKey,
            PasswordRotationDaysKey,
            CertificateWarningDaysKey,
            RetireAvailableDaysKey,
            RetireExportedDaysKey};
}

QString ServiceSettings::describeKey(const QString &key)
{
    if (key == ListenPortKey)
        return tr("TCP port the provisioning service listens on for hello packets (1-65535, "
                  "default 9971)");
    if (key == RequireAuthorizationKey)
        return tr("Intel AMT requires authorization before provisioning (true/false)");
    if (key == AllowRemoteConfigurationKey)
        return tr("Allow Remote Configuration with a provisioning certificate (true/false)");
    if (key == OneTimePasswordRequiredKey)
        return tr("One time password required for Remote Configuration (true/false)");
    if (key == CommonNameKey)
        return tr("First Common Name (CN) in certificate subject name (fqdn, host-name, "
                  "sam-account-name)");
    if (key == LogLevelKey)
        return tr("Log level (errors, debug-warning, information, debug)");
    if (key == DnsServerKey)
        return tr("DNS server for the DNS test and reverse lookups, IP[:PORT]; empty: this "
                  "machine's resolvers");
    if (key == DnsSuffixesKey)
        return tr("DNS domains the AMT clients use, comma-separated (example.com,lab.example.com)");
    if (key == ReverseLookupsKey)
        return tr("Name systems by a reverse DNS lookup of their hello's address (true/false)");
    if (key == ServerFqdnKey)
        return tr("This provisioning server's fully qualified name; empty: the machine's name");
    if (key == SetupServerAddressKey)
        return tr("Provisioning server IPV4[:PORT] written into exported setup.bin files; empty: "
                  "devices find ProvisionServer through DNS");
    if (key == LogRetentionDaysKey)
        return tr("Log: delete entries older than this many days (0: keep them)");
    if (key == LogRetentionEntriesKey)
        return tr("Log: keep at most this many entries (0: no limit)");
    if (key == ActionsRetentionDaysKey)
        return tr("Actions Status: delete steps older than this many days (0: keep them)");
    if (key == ActionsRetentionEntriesKey)
        return tr("Actions Status: keep at most this many steps (0: no limit)");
    if (key == AuditRetentionDaysKey)
        return tr("Security Audit: delete entries older than this many days (0: keep them; "
                  "else at least 90)");
    if (key == TraceLoggingKey)
        return tr("OOB Trace Logging: record engine and SOAP traffic summaries (true/false)");
    if (key == ClockSyncHoursKey)
        return tr("Set every provisioned device's clock from this server's every so many hours (0: off)");
    if (key == PasswordRotationDaysKey)
        return tr("Give a device a new random admin password when its own is this many days old (0: off)");
    if (key == CertificateWarningDaysKey)
        return tr("Warn when a provisioning or TLS certificate expires within this many days (0: off)");
    if (key == RetireAvailableDaysKey)
        return tr("Retire Available keys older than this many days (0: off)");
    if (key == RetireExportedDaysKey)
        return tr("Retire Exported keys never consumed this many days after their export (0: off)");
    return {};
}

QStringList ServiceSettings::allowedValues(const QString &key)
{
    if (key == RequireAuthorizationKey || key == AllowRemoteConfigurationKey || key == OneTimePasswordRequiredKey
        || key == ReverseLookupsKey || key == TraceLoggingKey)
        return {QStringLiteral("true"), QStringLiteral("false")};
    if (key == CommonNameKey)
        return enumKeys(CommonNameValues);
    if (key == LogLevelKey)
        return enumKeys(LogLevelValues);
    return {};
}

QString ServiceSettings::value(const QString &key) const
{
    if (key == ListenPortKey)
        return QString::number(listenPort);
    if (key == RequireAuthorizationKey)
        return boolText(requireAuthorization);
    if (key == AllowRemoteConfigurationKey)
        return boolText(allowRemoteConfiguration);
    if (key == OneTimePasswordRequiredKey)
        return boolText(oneTimePasswordRequired);
    if (key == CommonNameKey)
        return enumKey(CommonNameValues, int(commonName));
    if (key == LogLevelKey)
        return enumKey(LogLevelValues, int(logLevel));
    if (key == DnsServerKey)
        return dnsServer;
    if (key == DnsSuffixesKey)
        return dnsSuffixes.join(u',');
    if (key == ReverseLookupsKey)
        return boolText(reverseLookups);
    if (key == ServerFqdnKey)
        return serverFqdn;
    if (key == SetupServerAddressKey)
        return setupServerAddress;
    if (key == LogRetentionDaysKey)
        return QString::number(logRetentionDays);
    if (key == LogRetentionEntriesKey)
        return QString::number(logRetentionEntries);
    if (key == ActionsRetentionDaysKey)
        return QString::number(actionsRetentionDays);
    if (key == ActionsRetentionEntriesKey)
        return QString::number(actionsRetentionEntries);
    if (key == AuditRetentionDaysKey)
        return QString::number(auditRetentionDays);
    if (key == TraceLoggingKey)
        return boolText(traceLogging);
    if (const MaintenanceNumber *n = maintenanceNumber(key))
        return QString::number(this->*(n->field));
    return {};
}

QString ServiceSettings::setValue(const QString &key, const QString &text)
{
    const QString t = text.trimmed();
    if (key == ListenPortKey) {
        bool ok = false;
        const qlonglong port = t.toLongLong(&ok);
        if (!ok)
            return tr("The listen port must be a number from 1 to 65535; '%1' is not a number.").arg(t);
        if (port < 1 || port > 65535)
            return tr("The listen port must be a number from 1 to 65535; %1 is outside that range.").arg(port);
        listenPort = int(port);
        return {};
    }
    bool *flag = nullptr;
    if (key == RequireAuthorizationKey)
        flag = &requireAuthorization;
    else if (key == AllowRemoteConfigurationKey)
        flag = &allowRemoteConfiguration;
    else if (key == OneTimePasswordRequiredKey)
        flag = &oneTimePasswordRequired;
    else if (key == ReverseLookupsKey)
        flag = &reverseLookups;
    else if (key == TraceLoggingKey)
        flag = &traceLogging;
    if (flag) {
        if (!parseBool(t, flag))
            return tr("%1 takes true or false; '%2' is neither.").arg(key, t);
        return {};
    }
    if (isDaysKey(key) || isEntriesKey(key)) {
        bool ok = false;
        const qlonglong n = t.toLongLong(&ok);
        if (!ok)
            return tr("%1 takes a whole number (0 for no limit); '%2' is not one.").arg(key, t);
        if (const QString p = isDaysKey(key) ? daysProblem(key, n) : entriesProblem(key, n); !p.isEmpty())
            return p;
        if (key == LogRetentionDaysKey)
            logRetentionDays = int(n);
        else if (key == ActionsRetentionDaysKey)
            actionsRetentionDays = int(n);
        else if (key == AuditRetentionDaysKey)
            auditRetentionDays = int(n);
        else if (key == LogRetentionEntriesKey)
            logRetentionEntries = n;
        else
            actionsRetentionEntries = n;
        return {};
    }
    if (const MaintenanceNumber *m = maintenanceNumber(key)) {
        bool ok = false;
        const qlonglong n = t.toLongLong(&ok);
        if (!ok || n < 0 || n > m->max)
            return tr("%1 takes a whole number from 0 (off) to %2; '%3' is not one.").arg(key).arg(m->max).arg(t);
        this->*(m->field) = int(n);
        return {};
    }
    if (key == CommonNameKey || key == LogLevelKey) {
        int v = 0;
        const bool isCn = key == CommonNameKey;
        const bool ok = isCn ? enumFromKey(CommonNameValues, t, &v) : enumFromKey(LogLevelValues, t, &v);
        if (!ok)
            return tr("%1 takes one of %2; '%3' is not one of them.")
                    .arg(key, allowedValues(key).join(QStringLiteral(", ")), t);
        if (isCn)
            commonName = CommonNameSource(v);
        else
            logLevel = LogLevel(v);
        return {};
    }
    if (key == DnsServerKey) {
        if (const QString p = dnsServerProblem(t); !p.isEmpty())
            return p;
        dnsServer = t;
        return {};
    }
    if (key == DnsSuffixesKey) {
        QStringList list;
        static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
        for (const QString &part : t.split(separators, Qt::SkipEmptyParts)) {
            QString suffix = part.toLower();
            while (suffix.startsWith(u'.'))
                suffix.remove(0, 1);
            while (suffix.endsWith(u'.'))
                suffix.chop(1);
            if (const QString p = dnsNameProblem(suffix, tr("DNS suffix")); !p.isEmpty())
                return p;
            if (!list.contains(suffix))
                list << suffix;
        }
        dnsSuffixes = list;
        return {};
    }
    if (key == ServerFqdnKey) {
        const QString name = t.toLower();
        if (!name.isEmpty()) {
            if (const QString p = dnsNameProblem(name, tr("server name")); !p.isEmpty())
                return p;
        }
        serverFqdn = name;
        return {};
    }
    if (key == SetupServerAddressKey) {
        if (const QString p = hostPortProblem(t); !p.isEmpty())
            return p;
        setupServerAddress = t;
        return {};
    }
    return tr("There is no setting '%1'. The settings are: %2.").arg(key, keys().join(QStringLiteral(", ")));
}

QMap<QString, QString> ServiceSettings::toMap() const
{
    QMap<QString, QString> map;
    for (const QString &key : keys())
        map.insert(key, value(key));
    return map;
}

ServiceSettings ServiceSettings::fromMap(const QMap<QString, QString> &map, QStringList *problems)
{
    ServiceSettings s;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!keys().contains(it.key()))
            continue;
        ServiceSettings candidate = s;
        const QString problem = candidate.setValue(it.key(), it.value());
        if (problem.isEmpty())
            s = candidate;
        else if (problems)
            problems->append(problem);
    }
    return s;
}

QList<SettingProblem> ServiceSettings::validate() const
{
    QList<SettingProblem> problems;
    if (const QString p = portProblem(listenPort); !p.isEmpty())
        problems.append({ListenPortKey, p});
    const std::pair<QLatin1String, qlonglong> days[] = {
            {LogRetentionDaysKey, logRetentionDays},
            {ActionsRetentionDaysKey, actionsRetentionDays},
            {AuditRetentionDaysKey, auditRetentionDays},
    };
    for (const auto &[key, n] : days) {
        if (const QString p = daysProblem(key, n); !p.isEmpty())
            problems.append({key, p});
    }
    const std::pair<QLatin1String, qlonglong> entries[] = {
            {LogRetentionEntriesKey, logRetentionEntries},
            {ActionsRetentionEntriesKey, actionsRetentionEntries},
    };
    for (const auto &[key, n] : entries) {
        if (const QString p = entriesProblem(key, n); !p.isEmpty())
            problems.append({key, p});
    }
    for (const MaintenanceNumber &m : MaintenanceNumbers) {
        if (const int n = this->*(m.field); n < 0 || n > m.max)
            problems.append({m.key, tr("%1 is 0 (off) to %2; %3 is not.").arg(m.key).arg(m.max).arg(n)});
    }
    return problems;
}

QStringList ServiceSettings::describeChanges(const ServiceSettings &from, const ServiceSettings &to)
{
    QStringList lines;
    if (from.listenPort != to.listenPort)
        lines << tr("Set service listening port to %1.").arg(to.listenPort);
    if (from.requireAuthorization != to.requireAuthorization)
        lines << (to.requireAuthorization ? tr("Set provisioning authorization mode.")
                                          : tr("Cleared provisioning authorization mode."));
    if (from.allowRemoteConfiguration != to.allowRemoteConfiguration)
        lines << (to.allowRemoteConfiguration ? tr("Set service remote configuration.")
                                              : tr("Cleared service remote configuration."));
    if (from.oneTimePasswordRequired != to.oneTimePasswordRequired)
        lines << (to.oneTimePasswordRequired ? tr("Set one time password requirement.")
                                             : tr("Cleared one time password requirement."));
    if (from.commonName != to.commonName)
        lines << tr("Set certificate common name source to %1.").arg(commonNameSourceName(to.commonName));
    if (from.logLevel != to.logLevel)
        lines << tr("Set log level to %1.").arg(logLevelName(to.logLevel));
    if (from.dnsServer != to.dnsServer)
        lines << (to.dnsServer.isEmpty() ? tr("Set DNS server to this machine's resolvers.")
                                         : tr("Set DNS server to %1.").arg(to.dnsServer));
    if (from.dnsSuffixes != to.dnsSuffixes)
        lines << tr("Set DNS suffixes to %1.")
                         .arg(to.dnsSuffixes.isEmpty() ? tr("none") : to.dnsSuffixes.join(QStringLiteral(", ")));
    if (from.reverseLookups != to.reverseLookups)
        lines << (to.reverseLookups ? tr("Set reverse DNS lookups of systems.")
                                    : tr("Cleared reverse DNS lookups of systems."));
    if (from.serverFqdn != to.serverFqdn)
        lines << tr("Set provisioning server name to %1.")
                         .arg(to.serverFqdn.isEmpty() ? tr("this machine's name") : to.serverFqdn);
    if (from.setupServerAddress != to.setupServerAddress)
        lines << tr("Set setup.bin provisioning server address to %1.")
                         .arg(to.setupServerAddress.isEmpty() ? tr("none (DNS)") : to.setupServerAddress);
    const auto limit = [](qlonglong n, const QString &unit) { return n > 0 ? unit.arg(n) : tr("no limit"); };
    if (from.logRetentionDays != to.logRetentionDays)
        lines << tr("Set Log retention to %1.").arg(limit(to.logRetentionDays, tr("%1 days")));
    if (from.logRetentionEntries != to.logRetentionEntries)
        lines << tr("Set Log size limit to %1.").arg(limit(to.logRetentionEntries, tr("%1 entries")));
    if (from.actionsRetentionDays != to.actionsRetentionDays)
        lines << tr("Set Actions Status retention to %1.").arg(limit(to.actionsRetentionDays, tr("%1 days")));
    if (from.actionsRetentionEntries != to.actionsRetentionEntries)
        lines << tr("Set Actions Status size limit to %1.").arg(limit(to.actionsRetentionEntries, tr("%1 entries")));
    if (from.auditRetentionDays != to.auditRetentionDays)
        lines << tr("Set Security Audit retention to %1.").arg(limit(to.auditRetentionDays, tr("%1 days")));
    if (from.traceLogging != to.traceLogging)
        lines << (to.traceLogging ? tr("Set OOB trace logging.") : tr("Cleared OOB trace logging."));
    const auto every = [](int n, const QString &unit) { return n > 0 ? unit.arg(n) : tr("off"); };
    if (from.clockSyncHours != to.clockSyncHours)
        lines << tr("Set device clock synchronisation to %1.").arg(every(to.clockSyncHours, tr("every %1 hours")));
    if (from.passwordRotationDays != to.passwordRotationDays)
        lines << tr("Set admin password rotation to %1.").arg(every(to.passwordRotationDays, tr("every %1 days")));
    if (from.certificateWarningDays != to.certificateWarningDays)
        lines << tr("Set the certificate expiry warning to %1.")
                         .arg(every(to.certificateWarningDays, tr("%1 days ahead")));
    if (from.retireAvailableDays != to.retireAvailableDays)
        lines << tr("Set the retirement of Available keys to %1.")
                         .arg(every(to.retireAvailableDays, tr("after %1 days")));
    if (from.retireExportedDays != to.retireExportedDays)
        lines << tr("Set the retirement of unused Exported keys to %1.")
                         .arg(every(to.retireExportedDays, tr("%1 days after export")));
    return lines;
}

RetentionPolicy ServiceSettings::retentionPolicy() const
{
    RetentionPolicy p;
    p.logDays = logRetentionDays;
    p.logMaxEntries = logRetentionEntries;
    p.actionsDays = actionsRetentionDays;
    p.actionsMaxEntries = actionsRetentionEntries;
    p.auditDays = auditRetentionDays;
    return p;
}

} // namespace Oobm::Core
