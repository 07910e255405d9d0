// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amtendpoint.h"
#include "core/keys/tlscertificate.h"
#include "core/provisioning/actionrecord.h"
#include "core/provisioning/provisionprofile.h"

namespace Oobm::Core {

// Everything one provisioning attempt needs: where the device is, the key it offers, the
// password it has now, the profile to apply and the key to install for next time.
struct ProvisioningPlan
{
    QString uuid;
    Amt::AmtEndpoint endpoint;     // TLS-PSK to the hello's source address; password = the first below
    QStringList passwords;         // the passwords the device may have, tried in order when refused
    ProvisionProfile profile;      // its aclUsers include the auxiliary profile's
    TlsCertificate tlsCertificate; // with its key: installed when profile.tlsEnabled
    QByteArray newPid;
    QByteArray newPps;
    bool remoteConfiguration = false;
    QString expectedOtp; // Remote Configuration with "One time password required": must match
    int attempt = 1;
};

struct ProvisioningAttempt
{
    bool success = false;
    bool transient = false; // refused, timed out or dropped: another try may succeed
    QString reason;         // why it failed, one sentence naming the step
    QString amtVersion;
    QString fqdn;
    QList<ActionRecord> actions;
};

// docs/protocol.md §5.6 over one AMT session: GetCoreVersion, GetProvisioningState, host and domain
// name, time, admin ACL, user ACL entries, TLS, the next PID/PPS, interfaces, CommitChanges.
// Blocking: runs on an AmtClient worker thread. Never logs a secret.
ProvisioningAttempt runProvisioningSequence(const ProvisioningPlan &plan);

} // namespace Oobm::Core
