// SPDX-License-Identifier: GPL-2.0-or-later
// dns test, doctor, hello send: the checks of a provisioning setup, and a hello as a device sends
// it.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

int dnsTest(Context &c);
int doctor(Context &c);
int helloSend(Context &c);

} // namespace Oobm::Ctl
