// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/hellodecision.h"
#include "core/provisioning/hellosnapshot.h"
#include "core/provisioning/profileassignment.h"
#include "core/settings/servicesettings.h"

#include <QHostAddress>
#include <QList>
#include <QString>

// What becomes of a hello: pure decisions, no database, no network. The store reads a
// HelloSnapshot in the transaction that records the hello, asks decide(), and writes what it
// says (docs/architecture.md). Every refusal sentence the engine logs for a hello comes from
// here; tests/core/tst_provisioningpolicy.cpp has a row for each.
namespace Oobm::Core::ProvisioningPolicy {

// A hello the device sent just before its CommitChanges can arrive after it (at this engine or
// another); one older than its system's provisioning by less than this was sent before it.
inline constexpr qint64 StaleHelloMs = 120000;

struct ProfileChoice
{
    qint64 profileId = 0; // 0: the default profile
    QString assignment;   // the rule that chose it ("IP range 10.1.0.0/16"), or "default profile"
};

// Profile Assignments are tried in the order they were made; the first that matches the
// system's UUID, FQDN or hello address wins; no match gives the default profile.
ProfileChoice chooseProfile(const QList<ProfileAssignment> &rules, const AmtSystem &system,
                            const QHostAddress &address);

// Provision, wait for authorization, leave it to the engine already on it, or refuse (and why).
HelloDecision decide(const HelloSnapshot &snapshot);

// A system's name from its FQDN as the General page's "First Common Name" says: the FQDN
// ("pc1.example.com"), the host name ("pc1"), or the SAM account name ("PC1$": the host name
// upper-cased and cut to the 15 characters of a NetBIOS name, with the "$" of a computer
// account). Empty for an empty FQDN.
QString systemName(CommonNameSource source, const QString &fqdn);

} // namespace Oobm::Core::ProvisioningPolicy
