// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

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
    QString password;
    QList<unsigned> realms;
};

// Faults a test can switch on for a device (docs/protocol.md has none of these: they are the
// lab's).
struct Faults
{
    bool wrongPps = false;             // the device holds a PPS other than the one it was given
    bool refuse = false;               // nothing listens: connections are refused
    int latencyMs = 0;                 // every SOAP answer is this late
    bool dropMidCall = false;          // the connection closes after the request, with no answer
    bool hang = false;                 // the request is read and never answered
    QMap<QString, unsigned> statusFor; // operation -> PT_STATUS to answer instead

    bool any() const { return wrongPps || refuse || latencyMs || dropMidCall || hang || !statusFor.isEmpty(); }
    QJsonObject toJson() const;
};

// Everything a simulated device knows. Guarded by mutex; persisted as JSON in the state folder.
struct DeviceState
{
    QUuid uuid;
    QHostAddress address;
    QString amtVersion = QStringLiteral("3.0");
    Mode mode = Mode::SetupPsk;
    QString mebxPassword = QStringLiteral("admin"); // the admin (Digest) password
    QString adminUser = QStringLiteral("admin");
    QByteArray pid;
    QByteArray pps;
    QString hostName;
    QString domainName;
    QList<AclUser> aclUsers;
    unsigned nextAclHandle = 1;
    unsigned powerState = 0; // S0
    bool tlsEnabled = false;
    QByteArray tlsKeyPem;
    QList<QByteArray> tlsCertificateChainPem;
    QStringList enabledInterfaces{QStringLiteral("WebUI"), QStringLiteral("SOL"), QStringLiteral("IDER")};
    bool zeroTouchEnabled = true;
    QString otp;
    qint64 timeOffsetSeconds = 0;
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

    Faults faults; // not persisted

    unsigned provisioningState() const; // 0 Pre, 1 In, 2 Post
    bool inSetup() const { return mode == Mode::SetupPsk || mode == Mode::SetupPki; }
    bool supportsRemoteConfiguration() const; // 2.2, 2.6, 3.0
    bool supportsInterfaceSettings() const;   // 2.5+
    QString realm() const;                    // "Digest:" + 32 upper-case hex, stable per device
    QString coreVersion() const;              // "3.0.4"

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
    int index = 0;

private:
    DeviceState m_state;
};

} // namespace Oobm::Sim
