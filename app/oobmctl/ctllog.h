// SPDX-License-Identifier: GPL-2.0-or-later
// log tail, log query, log purge: the user log.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

int logTail(Context &c);
int logQuery(Context &c);
int logPurge(Context &c);

} // namespace Oobm::Ctl
