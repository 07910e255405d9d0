// SPDX-License-Identifier: GPL-2.0-or-later
// profiles list, show, create, delete: the provision profiles; the Intel AMT users and realms
// they and the auxiliary profiles give devices.
#pragma once

#include "ctlcommon.h"

#include "core/amt/amttypes.h"

namespace Oobm::Ctl {

// A realm's name, or its number when it has none.
// The realms with their numbers, for the help text.
QString realmHelp();
// --user NAME:REALM,REALM...
bool parseUser(Context &c, const QString &text, Core::Amt::UserAclEntry *user, int *exitCode);
// NAME:REALM,REALM...
QString userText(const Core::Amt::UserAclEntry &u);
// The profile with this name: exactly, else the only one that matches in another case.
bool findProfile(Context &c, Core::Store &store, const QString &name, Core::ProvisionProfile *profile, int *exitCode);

int profilesList(Context &c);
int profilesShow(Context &c);
int profilesCreate(Context &c);
int profilesDelete(Context &c);

} // namespace Oobm::Ctl
