// SPDX-License-Identifier: GPL-2.0-or-later
// keys generate, list, export, import, show, retire: the PID/PPS key ledger.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

int keysGenerate(Context &c);
int keysList(Context &c);
int keysExport(Context &c);
int keysImport(Context &c);
int keysShow(Context &c);
int keysRetire(Context &c);

} // namespace Oobm::Ctl
