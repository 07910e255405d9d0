// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/taskrun.h"

#include <QDateTime>

#include <functional>

namespace Oobm::Core {

// How an engine reaches devices for task operations.
struct DeviceOperationOptions
{
    quint16 httpPort = 16992;
    quint16 tlsPort = 16993;
    int timeoutMs = 10000;
    std::function<QDateTime()> clock; // the server's time (SyncClock); empty: the system clock
};

// Does one task operation to one device and says what became of it. Blocking: runs on the AMT
// client's pool (one gSOAP conversation), never on an event loop's thread. An attempt after an
// engine died checks first where it can (power on/off: the device's power state), so a device is
// not switched twice.
RunOutcome runDeviceOperation(const RunWork &work, const DeviceOperationOptions &options);

// Whether a failed outcome may pass if tried again: the device did not answer in time, refused
// the connection or dropped it (not an answer such as a PT_STATUS, a TLS or a Digest failure).
bool isTransientFailure(const RunOutcome &outcome);

} // namespace Oobm::Core
