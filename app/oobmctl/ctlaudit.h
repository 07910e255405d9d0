// SPDX-License-Identifier: GPL-2.0-or-later
// audit tail, audit query: the Security Audit log of the keys.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

int auditTail(Context &c);
int auditQuery(Context &c);

} // namespace Oobm::Ctl
