// SPDX-License-Identifier: GPL-2.0-or-later
// aux-profiles list, show, create, delete: the auxiliary profiles, users and a TLS certificate
// that provision profiles share.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

// The auxiliary profile with this name (its id, and all of it if profile is given): exactly,
// else the only one that matches in another case. Prints the error when there is none.
bool findAuxiliaryProfile(Context &c, Core::Store &store, const QString &name, qint64 *id, int *exitCode,
                          Core::AuxiliaryProfile *profile = nullptr);

int auxProfilesList(Context &c);
int auxProfilesShow(Context &c);
int auxProfilesCreate(Context &c);
int auxProfilesDelete(Context &c);

} // namespace Oobm::Ctl
