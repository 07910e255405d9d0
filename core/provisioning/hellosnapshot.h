// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/keyrecord.h"
#include "core/keys/provisioningcertificate.h"
#include "core/keys/tlscertificate.h"
#include "core/provisioning/amtsystem.h"
#include "core/provisioning/hellodecision.h"
#include "core/provisioning/provisionprofile.h"
#include "core/settings/servicesettings.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// Everything the provisioning policy decides a hello from, read by the store in the transaction
// that records the hello (docs/architecture.md, "One hello, from the wire to the screen"). Plain
// data: a test builds one by hand, and the policy needs no database to decide.
struct HelloSnapshot
{
    HelloIntake intake;       // the hello, where it came from, which engine, the lease it asks for
    ServiceSettings settings; // as stored when the hello was recorded
    QDateTime now;

    AmtSystem system;  // its row, with this hello (and a first reverse-lookup name) recorded
    QString claimedBy; // the engine provisioning it now, if any
    QDateTime claimUntil;
    // Not empty when the data key is not available: no secret can be opened, and why.
    QString lockedReason;
    QString previousPassword; // the admin password this store gave the device when it provisioned it
    QString otp;              // the one-time password stored for it

    // PSK hellos: the ledger's record of the PID the hello offers (an empty pid: not in the
    // ledger), with its secrets when they opened.
    KeyRecord helloKey;
    bool helloKeyReadable = true;
    // The key to install for the next provisioning: one already reserved for the system, else
    // the oldest Available one nobody has (an empty pid: none left).
    KeyRecord nextKey;
    bool nextKeyReadable = true;

    // PKI hellos: the provisioning certificates with their keys, or why they could not be read.
    QList<ProvisioningCertificate> certificates;
    QString certificatesError;

    // The provision profile the assignments chose (ProvisioningPolicy::chooseProfile) with its
    // secrets, the auxiliary profile's users merged in, and the TLS certificate it installs; or
    // why there is none.
    ProvisionProfile profile;
    QString assignment;
    TlsCertificate tlsCertificate;
    QString profileError;
};

} // namespace Oobm::Core
