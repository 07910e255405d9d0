// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amttypes.h"
#include "core/keys/provisioningcertificate.h"
#include "core/keys/tlscertificate.h"
#include "core/provisioning/hellopacket.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

// The provisioning engine's records, as the store keeps them and the pages show them.
namespace Oobm::Core {

// Where an Intel AMT system is on its way to being provisioned. The numbers are stored.
enum class SystemState {
    AwaitingHello = 0,         // known (assigned, or unprovisioned here) but no hello yet
    AwaitingAuthorization = 1, // "Intel AMT requires authorization before provisioning"
    Provisioning = 2,          // an engine is talking to it
    Provisioned = 3,
    Failed = 4,             // reason says why
    HelloWindowExpired = 5, // mode 6: Delayed Provisioning can restart it
    Unprovisioned = 6,
};
QString systemStateName(SystemState state); // "Awaiting authorization", translated
QString systemStateKey(SystemState state);  // "awaiting-authorization", for CLI and JSON
bool systemStateFromKey(const QString &key, SystemState *state);
QList<SystemState> allSystemStates();

// An Intel AMT system: created by its first hello, keyed by its UUID.
struct AmtSystem
{
    QString uuid; // "4B529B93-D413-181D-E487-1C697A6B7A2B"
    QString fqdn;
    QString address;
    QString amtVersion; // "3.0.4", from GetCoreVersion
    SystemState state = SystemState::AwaitingHello;
    QString reason; // why it failed or waits, one sentence
    qint64 profileId = 0;
    QString profileName;
    QString assignment; // which rule chose the profile: "IP range 10.1.0.0/16", "default profile"
    QByteArray pid;     // the PID its last hello offered
    QByteArray newPid;  // the key installed for its next provisioning
    int helloVersion = 0;
    int helloCount = 0;
    int lastRetry = 0;
    bool adminCredentialsSet = false;
    QDateTime firstSeen;
    QDateTime lastHello;
    QString lastAction;
    QDateTime lastActionTime;
    bool authorized = false;
    int attempts = 0; // provisioning attempts since the last success
    QString adminUser;
    QString adminPassword; // only when revealed for a power action
    QDateTime provisioned;
    // The TLS server certificate OOBM installed (PEM), pinned for power actions over TLS on
    // 16993 (with the credentials only); empty when the device was provisioned without TLS
    // (Digest over HTTP on 16992).
    QByteArray tlsCertificatePem;
};

struct SystemFilter
{
    QList<SystemState> states; // empty: all
    QString text;              // part of the UUID, FQDN or address
    int limit = -1;
};

// One hello as received, with what became of it.
struct HelloRecord
{
    qint64 id = 0;
    QDateTime time;
    QString address;
    quint16 port = 0;
    int version = 0; // 2 PSK, 3 PKI; 0 malformed
    QString uuid;
    QByteArray pid;
    QStringList rootHashes; // "sha1:ABCD..." for PKI hellos
    int retry = 0;
    bool adminCredentialsSet = false;
    QString outcome; // "provisioning", "awaiting authorization", "failed to find PID ...", ...
    QString engine;  // which engine received it
};

// One step run against a system (Logs > Actions Status).
struct ActionRecord
{
    enum class Result { Succeeded = 0, Failed = 1, Skipped = 2 };
    qint64 id = 0;
    QDateTime time;
    QString uuid;
    QString step; // "GetCoreVersion", "SetAdminAclEntry", ..., or "Connect", "Claim"
    Result result = Result::Succeeded;
    int durationMs = 0;
    QString status;  // PT_STATUS name when the device answered one, else the error category
    QString message; // what went wrong (no secrets)
    int attempt = 1;
};
QString actionResultName(ActionRecord::Result result); // translated
QString actionResultKey(ActionRecord::Result result);  // "succeeded", "failed", "skipped"

// Logs > Actions Status: what the steps are filtered by, in SQL, with the log's keyset paging
// (beforeId: older than; afterId: newer than; oldestFirst: the end of the log).
struct ActionFilter
{
    QString uuid; // a system's UUID, or its FQDN (matched without case)
    QString step;
    QList<ActionRecord::Result> results;
    QString text; // substring of the message or the status, without case
    QDateTime since;
    QDateTime until;
    qint64 beforeId = 0;
    qint64 afterId = 0;
    bool oldestFirst = false;
    int limit = 1000;
};

// How a system is configured when it is provisioned (Provision Profiles).
struct ProvisionProfile
{
    qint64 id = 0;
    QString name;
    bool isDefault = false;
    QString adminUser = QStringLiteral("admin");
    QString adminPassword;             // sealed at rest; empty in listings
    QList<Amt::UserAclEntry> aclUsers; // passwords sealed at rest; empty in listings
    bool tlsEnabled = false;
    qint64 tlsCertificateId = 0; // the server certificate TLS installs; 0: the auxiliary profile's
    QString tlsCertificateName;
    qint64 auxiliaryProfileId = 0; // its users are added to aclUsers; 0: none
    QString auxiliaryProfileName;
    QString domainName;      // set on the device when not empty
    QString hostNamePattern; // "{host}" keeps it; "amt-{uuid8}" names it; empty: unchanged
    QStringList interfaces{QStringLiteral("WebUI"), QStringLiteral("SOL"), QStringLiteral("IDER")};
    QDateTime changed;

    // Empty, or what is wrong with the profile ("The admin password needs a digit (0-9).").
    QString problem() const;
    QString hostNameFor(const QString &uuid, const QString &currentHost) const;
};

// Empty, or what is wrong with a set of Intel AMT users (names, passwords, realms); adminUser is
// the account name they must not take.
QString aclUsersProblem(const QList<Amt::UserAclEntry> &users, const QString &adminUser);

// Auxiliary Profiles: a reusable set of ACL users and a TLS server certificate that provision
// profiles reference. A profile's own users come first; the auxiliary profile's certificate is
// used when the profile names none.
struct AuxiliaryProfile
{
    qint64 id = 0;
    QString name;
    QList<Amt::UserAclEntry> aclUsers; // passwords sealed at rest; empty in listings
    qint64 tlsCertificateId = 0;
    QString tlsCertificateName;
    QStringList usedBy; // the provision profiles that reference it (listings)
    QDateTime changed;

    // Empty, or what is wrong with it.
    QString problem() const;
};

// Profile Assignments: which provision profile a system gets. Rules are tried in the order they
// were made; the first that matches wins; systems no rule matches get the default profile.
struct ProfileAssignment
{
    enum class Kind { Uuid = 0, FqdnPattern = 1, IpRange = 2 };
    qint64 id = 0;
    Kind kind = Kind::Uuid;
    QString value; // a UUID; a pattern such as "*.lab.example.com"; "10.1.0.0/16" or "10.1.0.5-10.1.0.90"
    qint64 profileId = 0;
    QString profileName;

    // Empty, or what is wrong with value for its kind.
    QString problem() const;
    bool matches(const QString &uuid, const QString &fqdn, const QHostAddress &address) const;
    QString describe() const;          // "IP range 10.1.0.0/16", for the system's "matched by"
    static QString kindKey(Kind kind); // "uuid", "fqdn", "ip"
    static bool kindFromKey(const QString &key, Kind *kind);
};

// What the engine hands the store for each hello it accepted as well-formed.
struct HelloIntake
{
    HelloPacket hello;
    QHostAddress address;
    quint16 port = 0;
    QString engineId;
    bool requireAuthorization = false;
    bool allowRemoteConfiguration = false;
    bool oneTimePasswordRequired = false;
    int leaseSeconds = 300; // how long this engine owns the system before another may take it
    QString reverseName;    // the PTR name of address, when reverse lookups are on and found one
};

// What the store decided for a hello, in the same transaction that recorded it.
struct HelloDecision
{
    enum class Action {
        Provision,          // everything below is filled: go
        AwaitAuthorization, // recorded; wait for an admin
        InFlight,           // another attempt (this engine or another) owns the system
        Rejected,           // reason says why (unknown PID, no profile, no keys left, ...)
    };
    Action action = Action::Rejected;
    QString reason;
    AmtSystem system;
    ProvisionProfile profile; // with its secrets
    QByteArray pps;           // for the hello's PID
    // The passwords the device may have now, most likely first: the admin password this store
    // gave it when it was provisioned before (a partial unprovision keeps it), the key record's
    // new ME password (setup.bin sets it), its old one. The next is tried when one is refused.
    QStringList passwords;
    QByteArray newPid; // the key to install for the next provisioning
    QByteArray newPps;
    // Remote Configuration (a PKI hello): the provisioning certificate whose root the device
    // trusts, with its key, and the one-time password to expect when one is required.
    bool remoteConfiguration = false;
    ProvisioningCertificate certificate;
    QString otp;
    // The TLS server certificate (with its key) to install when the profile turns TLS on.
    TlsCertificate tlsCertificate;
    int attempt = 1;
    qint64 helloId = 0;
};

// What the engine reports when it is done with one attempt.
struct ProvisioningReport
{
    QString uuid;
    QString engineId;
    bool success = false;
    bool transient = false; // failed, but another try may succeed (connection refused, timeout)
    QString reason;
    QString amtVersion;
    QByteArray pid;    // consumed on success
    QByteArray newPid; // installed on success
    QString fqdn;
    QString adminUser;
    QString adminPassword;        // sealed by the store
    QByteArray tlsCertificatePem; // installed on success (pinned for later); empty: TLS off
    QList<ActionRecord> actions;
};

// A running engine, as its heartbeat says.
struct EngineStatus
{
    QString id;
    QString host;
    QString listen; // "0.0.0.0:9971"
    QDateTime started;
    QDateTime heartbeat;
    QString error; // why it is not listening, or empty
    int inFlight = 0;
    bool isAlive(const QDateTime &now) const { return heartbeat.secsTo(now) < 30; }
};

} // namespace Oobm::Core
