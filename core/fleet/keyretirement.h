// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/keyrecord.h"
#include "core/settings/servicesettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// Which keys become Retired (key housekeeping, `oobmctl keys retire`): Available keys older than
// so many days, Exported keys never consumed so many days after their export, and keys named by
// PID. A key reserved for a device (being provisioned with it) is never retired; a Consumed or
// Retired one is not touched. Pure: the key ledger retires what this says.
struct KeyRetirement
{
    int availableOlderThanDays = 0; // 0: none by age
    int exportedOlderThanDays = 0;  // 0: none by age
    QList<QByteArray> pids;         // these too (when Available or Exported), whatever their age

    static KeyRetirement fromSettings(const ServiceSettings &settings);
    bool isEmpty() const;
    QString problem() const; // empty, or what is wrong
    // Whether key (with its state, creation, export and reservation) is retired at now.
    bool retires(const KeyRecord &key, const QDateTime &now) const;
    // Why it is ("Available for more than 90 days"), for the Security Audit.
    QString reason(const KeyRecord &key, const QDateTime &now) const;
    QString describe() const; // "Available keys older than 90 days, Exported keys unused after 30 days"
};

} // namespace Oobm::Core
