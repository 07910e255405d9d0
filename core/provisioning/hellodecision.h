// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/provisioningcertificate.h"
#include "core/keys/tlscertificate.h"
#include "core/provisioning/amtsystem.h"
#include "core/provisioning/hellopacket.h"
#include "core/provisioning/provisionprofile.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// What the engine hands the store for each hello it accepted as well-formed.
struct HelloIntake
{
    HelloPacket hello;
    QHostAddress address;
    quint16 port = 0;
    QString engineId;
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
    QString reason; // the hello's outcome, as Hello Monitor shows it
    // The system as the decision leaves it: its state and reason (Failed and why, Awaiting
    // authorization, Provisioning), its name, and the profile and rule chosen.
    AmtSystem system;
    // A PSK hello whose key passed the checks: the key is this system's from now on, never
    // handed to another as its next key (kept even when the decision is a refusal).
    bool keepHelloKey = false;
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

} // namespace Oobm::Core
