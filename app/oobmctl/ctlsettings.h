// SPDX-License-Identifier: GPL-2.0-or-later
// settings get, settings set: the service settings.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

int settingsGet(Context &c);
int settingsSet(Context &c);

} // namespace Oobm::Ctl
