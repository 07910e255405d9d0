// SPDX-License-Identifier: GPL-2.0-or-later
// assignments list, add, delete: the Profile Assignments, which provision profile a system gets.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

int assignmentsList(Context &c);
int assignmentsAdd(Context &c);
int assignmentsDelete(Context &c);

} // namespace Oobm::Ctl
