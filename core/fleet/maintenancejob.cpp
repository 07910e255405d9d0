// SPDX-License-Identifier: GPL-2.0-or-later
#include "maintenancejob.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 DayMs = 24 * HourMs;
} // namespace

QList<MaintenanceJob> allMaintenanceJobs()
{
    return {MaintenanceJob::ClockSync, MaintenanceJob::PasswordRotation, MaintenanceJob::CertificateCheck,
            MaintenanceJob::KeyHousekeeping};
}

QString maintenanceJobKey(MaintenanceJob job)
{
    switch (job) {
    case MaintenanceJob::ClockSync:
        return QStringLiteral("clock-sync");
    case MaintenanceJob::PasswordRotation:
        return QStringLiteral("password-rotation");
    case MaintenanceJob::CertificateCheck:
        return QStringLiteral("certificate-check");
    case MaintenanceJob::KeyHousekeeping:
        return QStringLiteral("key-housekeeping");
    }
    return {};
}

QString maintenanceJobName(MaintenanceJob job)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Oobm::Core::MaintenanceJob", text); };
    switch (job) {
    case MaintenanceJob::ClockSync:
        return tr("Clock synchronisation");
    case MaintenanceJob::PasswordRotation:
        return tr("Admin password rotation");
    case MaintenanceJob::CertificateCheck:
        return tr("Certificate expiry check");
    case MaintenanceJob::KeyHousekeeping:
        return tr("Key housekeeping");
    }
    return {};
}

namespace MaintenancePolicy {

qint64 intervalMs(MaintenanceJob job, const ServiceSettings &settings)
{
    switch (job) {
    case MaintenanceJob::ClockSync:
        return settings.clockSyncHours * HourMs;
    case MaintenanceJob::PasswordRotation:
        return settings.passwordRotationDays > 0 ? DayMs : 0;
    case MaintenanceJob::CertificateCheck:
        return settings.certificateWarningDays > 0 ? DayMs : 0;
    case MaintenanceJob::KeyHousekeeping:
        return settings.retireAvailableDays > 0 || settings.retireExportedDays > 0 ? DayMs : 0;
    }
    return 0;
}

bool isDue(MaintenanceJob job, const ServiceSettings &settings, const QDateTime &lastRun, const QDateTime &now)
{
    const QDateTime bound = dueIfLastRunBefore(job, settings, now);
    return bound.isValid() && (!lastRun.isValid() || lastRun <= bound);
}

QDateTime dueIfLastRunBefore(MaintenanceJob job, const ServiceSettings &settings, const QDateTime &now)
{
    const qint64 interval = intervalMs(job, settings);
    return interval > 0 ? now.addMSecs(-interval) : QDateTime();
}

QDateTime rotateIfPasswordSetBefore(const ServiceSettings &settings, const QDateTime &now)
{
    return settings.passwordRotationDays > 0 ? now.addDays(-settings.passwordRotationDays) : QDateTime();
}

} // namespace MaintenancePolicy

} // namespace Oobm::Core
