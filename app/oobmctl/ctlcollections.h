// SPDX-License-Identifier: GPL-2.0-or-later
// collections list, show, create, delete, members, add, remove: groups of Intel AMT systems (a
// rule, or systems chosen by hand) that tasks run on.
#pragma once

#include "ctlcommon.h"

#include "core/fleet/collection.h"

namespace Oobm::Ctl {

// The collection named NAME or ID (a built-in one by its name or negative id): exactly, else the
// only one that matches in another case. Prints the error when there is none.
bool findCollection(Context &c, Core::Store &store, const QString &nameOrId, Core::Collection *collection,
                    int *exitCode);

int collectionsList(Context &c);
int collectionsShow(Context &c);
int collectionsCreate(Context &c);
int collectionsDelete(Context &c);
int collectionsMembers(Context &c);
int collectionsAdd(Context &c);
int collectionsRemove(Context &c);

} // namespace Oobm::Ctl
