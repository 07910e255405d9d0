// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

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
// An AMT version ("3.0.4") as one number that orders like the version (3000004); -1 when it
// is not a version. For version ranges in SQL.
qint64 amtVersionNumber(const QString &version);

// An Intel AMT system: created by its first hello, keyed by its UUID.
struct AmtSystem
{
    QString uuid; // "4B529B93-D413-181D-E487-1C697A6B7A2B"
    QString fqdn;
    // Its name as the General page's "First Common Name" chooses it from the FQDN: the FQDN,
    // the host name, or the SAM account name ("HOST$").
    QString name;
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
    // How OOBM talks to it once provisioned, when forced per system: "legacy" or "wsman"
    // (Amt::dialectKey); empty: by its version (Amt::defaultDialect, docs/protocol.md §13.7).
    QString dialect;
};

struct SystemFilter
{
    QList<SystemState> states; // empty: all
    QString text;              // part of the UUID, FQDN, name or address
    QStringList uuids;         // only these systems (empty: all)
    qint64 collectionId = 0;   // only this collection's members (0: any)
    QString tag;               // only systems with this tag
    int limit = -1;
};

} // namespace Oobm::Core
