// SPDX-License-Identifier: GPL-2.0-or-later
// The one translation unit that defines gSOAP's global namespaces[] table (all five services
// share it).
#include "SecurityAdministration.nsmap"
