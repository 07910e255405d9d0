// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/ptstatus.h"
#include "sim/bootsetting.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <atomic>
#include <optional>

namespace Oobm::Sim {

// The device modes of the reference (docs/protocol.md §9). HelloDisabled (mode 6) is a setup mode
// whose hello window has closed.
enum class Mode {
    Disabled,        // 1: AMT disabled in BIOS/MEBx
    Factory,         // 2: not in setup mode, MEBx password still "admin"
    PasswordChanged, // 3: not in setup mode, MEBx password changed
    SetupPsk,        // 4: setup mode for TLS-PSK
    SetupPki,        // 5: setup mode for Remote Configuration
    Provisioned,     // after CommitChanges (ProvisioningState Post)
};
QString modeKey(Mode mode); // "setup-psk", as on the command line
bool modeFromKey(const QString &key, Mode *mode);

struct AclUser
{
    unsigned handle = 0;
    QString username;
    QString password;              // as the legacy interface set it
    QByteArray digest;             // or only MD5(user:realm:password), as WS-Management set it
    unsigned accessPermission = 2; // WS-Management's: 0 local, 1 network, 2 both
    QList<unsigned> realms;
};

// A fault on one operation of a device: a SOAP operation's name ("SetAdminAclEntry"), or a
// RemoteControl command's ("PowerDown", "SetBootOptions"; docs/protocol.md §5.3).
struct OperationFault
{
    bool forceStatus = false;
    unsigned status = 0; // with forceStatus: answered instead of running the operation
    int latencyMs = 0;   // the answer is this late
    bool drop = false;   // the connection closes after the request, with no answer
    bool hang = false;   // the request is read and never answered
    int remaining = -1;  // how many more calls it applies to; -1: until cleared

    QJsonObject toJson() const;
};

// Faults a test can switch on for a device (docs/protocol.md has none of these: they are the
// lab's).
struct Faults
{
    bool wrongPps = false;                    // the device holds a PPS other than the one it was given
    bool refuse = false;                      // nothing listens: connections are refused
    int latencyMs = 0;                        // every SOAP answer is this late
    bool dropMidCall = false;                 // the connection closes after the request, with no answer
    bool hang = false;                        // the request is read and never answered
    QMap<QString, OperationFault> operations; // by operation or RemoteControl command name

    bool any() const { return wrongPps || refuse || latencyMs || dropMidCall || hang || !operations.isEmpty(); }
    QJsonObject toJson() const;
};

// The calls of one operation a device received (authenticated, whatever it answered): for tests
// that check on the device's side what reached it and when.
struct CallRecord
{
    static constexpr int MaxTimes = 64;
    quint64 count = 0;
    QList<qint64> timesMs; // the latest MaxTimes, host clock, ms since 1970 UTC

    QJsonObject toJson(bool withTimes) const;
};

// A WS-Management enumeration a client began and has not pulled to its end (docs/protocol.md
// §13.3): which class, how far, and until when the context is good.
struct Enumeration
{
    QString resourceUri;
    int next = 0;
    qint64 expiresMs = 0;
};

// Everything a simulated device knows. Guarded by mutex; persisted as JSON in the state folder.
struct DeviceState
{
    QUuid uuid;
    QHostAddress address;
    QString amtVersion = QStringLiteral("3.0");
    Mode mode = Mode::SetupPsk;
    QString mebxPassword = QStringLiteral("admin"); // the admin (Digest) password
    // The admin password as WS-Management's SetAdminAclEntryEx sets it (docs/protocol.md §13.6):
    // only MD5(user:realm:password), 16 bytes. When set, Digest is checked against it and
    // mebxPassword is empty; setting a password in plain text clears it.
    QByteArray adminDigest;
    QString adminUser = QStringLiteral("admin");
    QByteArray pid;
    QByteArray pps;
    QString hostName;
    QString domainName;
    QList<AclUser> aclUsers;
    unsigned nextAclHandle = 1;
    // Power and boot (RemoteControl, docs/protocol.md §5.3).
    unsigned powerState = 0; // SystemPowerState: 0 S0 (on), 5 S5 (soft off), ...
    BootSetting nextBoot;    // what the next power up, reset or power cycle boots (SetBootOptions)
    QString lastBoot;        // what the last boot was: BootSetting::key() or "normal"; empty before the first
    quint64 boots = 0;       // power ups from off, resets and power cycles
    qint64 lastBootMs = 0;
    bool tlsEnabled = false;
    QByteArray tlsKeyPem;
    QList<QByteArray> tlsCertificateChainPem;
    QStringList enabledInterfaces{QStringLiteral("WebUI"), QStringLiteral("SOL"), QStringLiteral("IDER")};
    bool zeroTouchEnabled = true;
    QString otp;
    // The device's clock: the host's plus this offset (NetworkTime, docs/protocol.md §5.7).
    qint64 clockOffsetMs = 0;
    quint64 clockSets = 0; // SetHighAccuracyTimeSynch calls that set it
    qint64 clockSetMs = 0;
    quint64 adminPasswordChanges = 0; // the admin password replaced (SetAdminAclEntry, or CommitChanges)
    qint64 adminPasswordChangedMs = 0;
    bool dhcpEnabled = true;
    quint32 staticAddress = 0;
    // Hellos
    quint32 helloRetry = 0;
    QDateTime helloWindowOpened;
    bool firstWindow = true;
    quint64 hellosSent = 0;
    bool helloWindowClosed = false; // mode 6, "hello packet mode disabled"
    QString lastHelloError;
    QString provisionServerName;          // the name DNS answered for, when hellos go by DNS
    QStringList trustedRootHashes;        // hex SHA-1 or SHA-256 of the root certificates trusted for
                                          // Remote Configuration
    QString lastRemoteConfigurationError; // why the last Remote Configuration session was refused
    // Staged during setup, applied by CommitChanges.
    QString pendingAdminUser;
    QString pendingAdminPassword;
    QByteArray pendingPid;
    QByteArray pendingPps;
    // Staged on a provisioned device, applied by CommitChanges (docs/protocol.md §5.6): TLS's key
    // and certificate chain, and TLS on or off. Not persisted: a restart forgets them.
    QByteArray pendingTlsKeyPem;
    QList<QByteArray> pendingTlsCertificateChainPem;
    std::optional<bool> pendingTlsEnabled;
    quint64 tlsCommits = 0; // CommitChanges calls that applied staged TLS changes

    QMap<unsigned, Enumeration> enumerations; // WS-Management's open ones, by number; not persisted
    // WS-Management's next boot as it is being set (docs/protocol.md §13.6): AMT_BootSettingData's
    // BIOS switches as the last Put left them, and the CIM_BootSourceSetting ChangeBootOrder chose
    // ("Intel(r) AMT: Force PXE Boot"; empty: none). SetBootConfigRole(1) makes them nextBoot; the
    // boot clears them. Not persisted.
    bool bootBiosSetup = false;
    bool bootBiosPause = false;
    QString bootSource;

    Faults faults;                   // not persisted
    QMap<QString, CallRecord> calls; // by operation or RemoteControl command name; not persisted

    unsigned provisioningState() const; // 0 Pre, 1 In, 2 Post
    bool inSetup() const { return mode == Mode::SetupPsk || mode == Mode::SetupPki; }
    bool hasPendingTls() const { return !pendingTlsKeyPem.isEmpty() || pendingTlsEnabled.has_value(); }
    void clearPendingTls();
    bool supportsRemoteConfiguration() const; // 2.2, 2.6, 3.0
    bool supportsInterfaceSettings() const;   // 2.5+
    bool speaksWsman() const;                 // 3.0 and later serve /wsman
    bool speaksLegacySoap() const;            // before 9.0: the legacy services
    QString realm() const;                    // "Digest:" + 32 upper-case hex, stable per device
    QString coreVersion() const;              // "3.0.4"
    qint64 clockMs() const;                   // the device's time now, ms since 1970 UTC
    bool isOff() const;                       // hibernating or off (S4, S5, mechanical off, ...)
    // The device starts (a power up from off, a reset, a power cycle): with the boot setting given
    // with the command, else the one SetBootOptions left, which the boot consumes.
    void boot(const BootSetting &requested, qint64 nowMs);
    // A RemoteControl command (docs/protocol.md §5.3: 0x10 reset, 0x11 power up, 0x12 power down,
    // 0x13 power cycle, 0x21 set the next boot), also what WS-Management's power state changes
    // come down to (§13.5). The boot setting must have been checked.
    Core::Amt::PtStatus remoteCommand(unsigned command, const BootSetting &boot, qint64 nowMs);
    // Unprovision (docs/protocol.md §5.6, §13.6), as both dialects ask for it: full, back to the
    // factory, or partial, back to setup mode with the PID and PPS kept.
    Core::Amt::PtStatus unprovision(bool partial);
    // SetHighAccuracyTimeSynch (docs/protocol.md §5.7), as both dialects ask for it.
    // What is wrong with an ACL user as given (docs/protocol.md §5.5): INVALID_NAME (empty, over
    // 16 characters, or "$$..."), INVALID_REALM, DUPLICATE (another handle has the name); else
    // SUCCESS. The password is each dialect's to check.
    Core::Amt::PtStatus aclUserProblem(const QString &username, const QList<unsigned> &realms,
                                       unsigned ignoreHandle) const;
    Core::Amt::PtStatus synchronizeClock(quint32 ta0, quint32 tm1, quint32 tm2, qint64 hostNowMs);
    // The host's power state in the DMTF set WS-Management uses (§13.5): 2 on, 4 sleep, 7
    // hibernate, 8 off.
    unsigned short dmtfPowerState() const;
    bool hasDashClasses() const;        // 3.2 and later: CIM_AssociatedPowerManagementService and the like
    bool hasPartialUnprovision() const; // 6.0 and later, over WS-Management
    bool hasCim213Arguments() const;    // before 6.0 (CIM 2.13): ChangeBootOrder's argument is "source"
    void recordCall(const QString &operation, qint64 nowMs);
    QJsonObject callsJson(bool withTimes) const;

    QJsonObject toJson(bool withSecrets) const;
    static DeviceState fromJson(const QJsonObject &o);
};

class SimDevice
{
public:
    explicit SimDevice(const DeviceState &state)
        : m_state(state)
    { }
    mutable QMutex mutex;
    DeviceState &state() { return m_state; } // with mutex held
    const DeviceState &state() const { return m_state; }
    std::atomic<bool> dirty{false};
    std::atomic<quint64> wsmanMessages{0}; // the last WS-Management response's MessageID number
    int index = 0;

private:
    DeviceState m_state;
};

} // namespace Oobm::Sim
