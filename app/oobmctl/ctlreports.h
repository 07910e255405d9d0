// SPDX-License-Identifier: GPL-2.0-or-later
// reports [NAME]: the built-in reports (core/reports) as text, CSV or JSON.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

// "reports" or "reports list": what there is; "reports NAME [options]": one report.
int reports(Context &c);

} // namespace Oobm::Ctl
