// SPDX-License-Identifier: GPL-2.0-or-later
// The whole wire contract in one soapcpp2 run (docs/toolchain.md §3): the legacy services
// (amt.h) and WS-Management (wsman.h) share one set of serializers, one SOAP header and one
// namespace table, so gSOAP's global callbacks exist once in each program.
#import "amt.h"
#import "wsman.h"
