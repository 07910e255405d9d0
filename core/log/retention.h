// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

namespace Oobm::Core {


// How long each log keeps its entries (Configuration Service Settings > Maintenance). 0 means no
// limit. The Security Audit log has its own rule: the Log and Actions Status limits never touch
// it, and it has no entry cap, only an age.
struct RetentionPolicy
{
    int logDays = 0;
    qint64 logMaxEntries = 0;
    int actionsDays = 0;
    qint64 actionsMaxEntries = 0;
    int auditDays = 0;

    bool isEmpty() const;
    bool operator==(const RetentionPolicy &other) const = default;
};

// What a purge removed.
struct PurgeReport
{
    qint64 log = 0;
    qint64 actions = 0;
    qint64 audit = 0;
    qint64 total() const { return log + actions + audit; }
};

// The store's size on disk (SQLite: the file and its WAL; PostgreSQL: the database) and what the
// logs hold.
struct StoreStats
{
    qint64 bytes = 0;
    qint64 logEntries = 0;
    qint64 actions = 0;
    qint64 auditEntries = 0;
    bool fullTextIndex = false; // the Log's and the Actions Status's text filters run on indexes
};

} // namespace Oobm::Core
