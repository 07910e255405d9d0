// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stdsoap2.h"

namespace Oobm::Core::Amt {

// gSOAP namespace tables (nsmap.cpp). The generated global namespaces[] holds every namespace
// of the contract; these hold one dialect's each.
extern struct Namespace g_legacyNamespaces[];
extern struct Namespace g_wsmanNamespaces[];

} // namespace Oobm::Core::Amt
