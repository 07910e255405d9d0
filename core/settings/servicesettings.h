// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/logentry.h"
#include "core/log/retention.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// "First Common Name (CN) in certificate subject name" (General Service Settings, figure 2).
enum class CommonNameSource { Fqdn, HostName, SamAccountName };

// The General page's "Log level". Each level includes the ones above it.
enum class LogLevel {
    Errors,       // errors only
    DebugWarning, // errors and warnings; the reference's recommendation
    Information,  // + information
    Debug,        // everything
};

bool logLevelAccepts(LogLevel level, Severity severity);
QString logLevelName(LogLevel level); // as the General page shows it
QString commonNameSourceName(CommonNameSource source);

struct SettingProblem
{
    QString key;
    QString message;
};

// The service settings every console and engine on one store shares (General Service Settings).
// A plain value: pages edit a copy and hand the whole value to the store in one call.
struct ServiceSettings
{
    static constexpr int DefaultListenPort = 9971;

    int listenPort = DefaultListenPort;
    bool requireAuthorization = false;
    bool allowRemoteConfiguration = false;
    bool oneTimePasswordRequired = false;
    CommonNameSource commonName = CommonNameSource::Fqdn;
    LogLevel logLevel = LogLevel::Information;
    // DNS Configuration and Service Location.
    QString dnsServer;          // "IP[:PORT]" to ask; empty: this machine's resolvers
    QStringList dnsSuffixes;    // the DNS domains the AMT clients use (DHCP option 15)
    bool reverseLookups = true; // name systems by a reverse lookup of their hello's source
    QString serverFqdn;         // this provisioning server's name; empty: the machine's name
    QString setupServerAddress; // "IPV4[:PORT]" written into exported setup.bin; empty: none
    // Retention (Configuration Service Settings > Maintenance); 0 means no limit.
    static constexpr int MaxRetentionDays = 36500;
    static constexpr qint64 MaxRetentionEntries = 1000000000;
    static constexpr qint64 MinRetentionEntries = 1000;
    static constexpr int MinAuditRetentionDays = 90;
    int logRetentionDays = 90;
    qint64 logRetentionEntries = 5000000;
    int actionsRetentionDays = 180;
    qint64 actionsRetentionEntries = 0;
    int auditRetentionDays = 730; // Security Audit: its own, longer rule
    // OOB Trace Logging: engine and SOAP traffic summaries as Debug entries from "trace".
    bool traceLogging = false;
    // Device maintenance (Maintenance page): recurring jobs the engines run; 0 switches one off.
    int clockSyncHours = 0;          // set every provisioned device's clock this often
    int passwordRotationDays = 0;    // give a device a new random admin password when its own is this old
    int certificateWarningDays = 30; // warn when a provisioning or TLS certificate expires this soon
    int retireAvailableDays = 0;     // retire Available keys older than this
    int retireExportedDays = 0;      // retire Exported keys never consumed this long after their export
    static constexpr int MaxClockSyncHours = 24 * 366;
    static constexpr int MaxPasswordRotationDays = 3660;
    static constexpr int MaxCertificateWarningDays = 3660;
    static constexpr int MaxKeyRetirementDays = 36600;

    // Stable keys, as stored and as `oobmctl settings` names them.
    static constexpr QLatin1String ListenPortKey{"listen-port"};
    static constexpr QLatin1String RequireAuthorizationKey{"require-authorization"};
    static constexpr QLatin1String AllowRemoteConfigurationKey{"allow-remote-configuration"};
    static constexpr QLatin1String OneTimePasswordRequiredKey{"one-time-password-required"};
    static constexpr QLatin1String CommonNameKey{"common-name"};
    static constexpr QLatin1String LogLevelKey{"log-level"};
    static constexpr QLatin1String DnsServerKey{"dns-server"};
    static constexpr QLatin1String DnsSuffixesKey{"dns-suffixes"};
    static constexpr QLatin1String ReverseLookupsKey{"reverse-lookups"};
    static constexpr QLatin1String ServerFqdnKey{"server-fqdn"};
    static constexpr QLatin1String SetupServerAddressKey{"setup-server-address"};
    static constexpr QLatin1String LogRetentionDaysKey{"log-retention-days"};
    static constexpr QLatin1String LogRetentionEntriesKey{"log-retention-entries"};
    static constexpr QLatin1String ActionsRetentionDaysKey{"actions-retention-days"};
    static constexpr QLatin1String ActionsRetentionEntriesKey{"actions-retention-entries"};
    static constexpr QLatin1String AuditRetentionDaysKey{"audit-retention-days"};
    static constexpr QLatin1String TraceLoggingKey{"trace-logging"};
    static constexpr QLatin1String ClockSyncHoursKey{"clock-sync-hours"};
    static constexpr QLatin1String PasswordRotationDaysKey{"password-rotation-days"};
    static constexpr QLatin1String CertificateWarningDaysKey{"certificate-warning-days"};
    static constexpr QLatin1String RetireAvailableDaysKey{"retire-available-days"};
    static constexpr QLatin1String RetireExportedDaysKey{"retire-exported-days"};
    static QStringList keys();
    static QString describeKey(const QString &key); // one line for --help and tooltips
    static QStringList allowedValues(const QString &key);

    QString value(const QString &key) const; // text form; empty for an unknown key
    // Parses and sets one value. Returns an empty string on success, otherwise what was wrong
    // and what is allowed.
    QString setValue(const QString &key, const QString &text);

    QMap<QString, QString> toMap() const;
    // Unknown keys are ignored; values that do not parse keep their default and are reported.
    static ServiceSettings fromMap(const QMap<QString, QString> &map, QStringList *problems = nullptr);

    QList<SettingProblem> validate() const;
    // What Maintenance's retention fields say, for Store::purge.
    RetentionPolicy retentionPolicy() const;

    // One user-log sentence per changed field, in the reference's wording
    // ("Set service listening port to 9377.").
    static QStringList describeChanges(const ServiceSettings &from, const ServiceSettings &to);

    bool operator==(const ServiceSettings &other) const = default;
};

} // namespace Oobm::Core
