// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/enginestatus.h"
#include "core/store/sqlledger.h"

#include <QList>

namespace Oobm::Core {

// The engines' heartbeats, on the store thread: each running engine writes its status every few
// seconds, and Service Location and the status bar read them.
class SqlEngineLedger final : public SqlLedger
{
public:
    using SqlLedger::SqlLedger;

    StoreError heartbeat(const EngineStatus &status);
    StoreResult<QList<EngineStatus>> engines();
};

} // namespace Oobm::Core
