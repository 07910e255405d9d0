// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// One step run against a system (Logs > Actions Status).
struct ActionRecord
{
    enum class Result { Succeeded = 0, Failed = 1, Skipped = 2 };
    qint64 id = 0;
    QDateTime time;
    QString uuid;
    QString step; // "GetCoreVersion", "SetAdminAclEntry", ..., or "Connect", "Claim"
    Result result = Result::Succeeded;
    int durationMs = 0;
    QString status;  // PT_STATUS name when the device answered one, else the error category
    QString message; // what went wrong (no secrets)
    int attempt = 1;
};
QString actionResultName(ActionRecord::Result result); // translated
QString actionResultKey(ActionRecord::Result result);  // "succeeded", "failed", "skipped"
// The steps of one provisioning attempt, in the order the engine runs them (docs/protocol.md §5).
QStringList provisioningSteps();

// Logs > Actions Status: what the steps are filtered by, in SQL, with the log's keyset paging
// (beforeId: older than; afterId: newer than; oldestFirst: the end of the log).
struct ActionFilter
{
    QString uuid; // a system's UUID, or its FQDN (matched without case)
    QString step;
    QList<ActionRecord::Result> results;
    QString text; // substring of the message or the status, without case
    QDateTime since;
    QDateTime until;
    qint64 beforeId = 0;
    qint64 afterId = 0;
    bool oldestFirst = false;
    int limit = 1000;
};

} // namespace Oobm::Core
