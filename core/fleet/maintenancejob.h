// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/settings/servicesettings.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// The recurring device jobs of Configuration Service Settings > Maintenance. The engines run them
// (MaintenanceRunner): whichever engine claims a due job in the store does it, once. The numbers
// and keys are stored.
enum class MaintenanceJob {
    ClockSync = 0,        // a SyncClock run over the built-in collection "All Provisioned"
    PasswordRotation = 1, // a RotateAdminPassword run over the systems whose admin password is old
    CertificateCheck = 2, // a warning per provisioning or TLS certificate that expires soon
    KeyHousekeeping = 3,  // old Available keys and unused Exported keys become Retired
};

QList<MaintenanceJob> allMaintenanceJobs();
QString maintenanceJobKey(MaintenanceJob job);  // "clock-sync", as stored
QString maintenanceJobName(MaintenanceJob job); // "Clock synchronisation", translated

// When a job last ran, as the store keeps it.
struct MaintenanceJobState
{
    MaintenanceJob job = MaintenanceJob::ClockSync;
    QDateTime lastRun; // invalid: never
    QString engine;    // which engine ran it
    QString result;    // what it did, in a sentence
};

// What is due, as pure policy: the store only claims what this says.
namespace MaintenancePolicy {

// How often the job runs under these settings; 0: it is off. Clock synchronisation every
// clock-sync-hours; the other jobs look once a day (rotation picks the systems whose password
// is older than password-rotation-days; the certificate check warns once per certificate a day).
qint64 intervalMs(MaintenanceJob job, const ServiceSettings &settings);
// A job that last ran at lastRun (invalid: never) is due at now.
bool isDue(MaintenanceJob job, const ServiceSettings &settings, const QDateTime &lastRun, const QDateTime &now);
// The claim's bound: a job whose last run is at or before this is due (invalid: the job is off).
QDateTime dueIfLastRunBefore(MaintenanceJob job, const ServiceSettings &settings, const QDateTime &now);
// Password rotation: a system whose admin password was set at or before this gets a new one.
QDateTime rotateIfPasswordSetBefore(const ServiceSettings &settings, const QDateTime &now);

} // namespace MaintenancePolicy

} // namespace Oobm::Core
