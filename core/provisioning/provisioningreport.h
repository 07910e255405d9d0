// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/actionrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Oobm::Core {

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
    QString name; // its name from fqdn as "First Common Name" chooses it; empty: unchanged
    QString adminUser;
    QString adminPassword;        // sealed by the store
    QByteArray tlsCertificatePem; // installed on success (pinned for later); empty: TLS off
    QList<ActionRecord> actions;
};

} // namespace Oobm::Core
