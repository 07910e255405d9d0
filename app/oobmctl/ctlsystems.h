// SPDX-License-Identifier: GPL-2.0-or-later
// systems list, show, authorize, power, boot, unprovision, tag, dialect, otp: the Intel AMT systems (power,
// next boot and unprovision are one-off task runs the engines do); hellos tail and actions list:
// their hellos and the steps of Actions Status.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

// The system states' keys, ", " between them (the help text lists them).
QString systemStateKeys();

// The systems as systems list prints them.
void printSystems(Context &c, ListFormat format, const QList<Core::AmtSystem> &systems);

int systemsList(Context &c);
int systemsShow(Context &c);
int systemsAuthorize(Context &c);
int systemsPower(Context &c);
int systemsBoot(Context &c);
int systemsUnprovision(Context &c);
int systemsTag(Context &c);
int systemsDialect(Context &c);
int systemsOtp(Context &c);
int hellosTail(Context &c);
int actionsList(Context &c);

} // namespace Oobm::Ctl
