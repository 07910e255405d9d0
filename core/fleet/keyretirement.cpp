// SPDX-License-Identifier: GPL-2.0-or-later
#include "keyretirement.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Oobm::Core::KeyRetirement", text, disambiguation, n);
}

constexpr int MaxDays = ServiceSettings::MaxKeyRetirementDays;

bool olderThan(const QDateTime &time, int days, const QDateTime &now)
{
    return days > 0 && time.isValid() && time <= now.addDays(-days);
}
} // namespace

KeyRetirement KeyRetirement::fromSettings(const ServiceSettings &settings)
{
    KeyRetirement r;
    r.availableOlderThanDays = settings.retireAvailableDays;
    r.exportedOlderThanDays = settings.retireExportedDays;
    return r;
}

bool KeyRetirement::isEmpty() const
{
    return availableOlderThanDays <= 0 && exportedOlderThanDays <= 0 && pids.isEmpty();
}

QString KeyRetirement::problem() const
{
    if (availableOlderThanDays < 0 || availableOlderThanDays > MaxDays || exportedOlderThanDays < 0
        || exportedOlderThanDays > MaxDays)
        return tr("The number of days is 1 to %1.").arg(MaxDays);
    if (isEmpty())
        return tr("Say which keys to retire: Available keys older than some days, Exported keys unused after some "
                  "days, or PIDs.");
    return {};
}

bool KeyRetirement::retires(const KeyRecord &key, const QDateTime &now) const
{
    return !reason(key, now).isEmpty();
}

QString KeyRetirement::reason(const KeyRecord &key, const QDateTime &now) const
{
    if (!key.assignedTo.isEmpty())
        return {};
    if (key.state != KeyState::Available && key.state != KeyState::Exported)
        return {};
    if (pids.contains(key.pid))
        return tr("named");
    if (key.state == KeyState::Available && olderThan(key.created, availableOlderThanDays, now))
        return tr("Available for more than %n days", nullptr, availableOlderThanDays);
    if (key.state == KeyState::Exported && olderThan(key.exported, exportedOlderThanDays, now))
        return tr("exported more than %n days ago and never consumed", nullptr, exportedOlderThanDays);
    return {};
}

QString KeyRetirement::describe() const
{
    QStringList parts;
    if (availableOlderThanDays > 0)
        parts << tr("Available keys older than %n days", nullptr, availableOlderThanDays);
    if (exportedOlderThanDays > 0)
        parts << tr("Exported keys unused %n days after their export", nullptr, exportedOlderThanDays);
    if (!pids.isEmpty())
        parts << tr("%n named keys", nullptr, int(pids.size()));
    return parts.join(QStringLiteral(", "));
}

} // namespace Oobm::Core
