// SPDX-License-Identifier: GPL-2.0-or-later
#include "task.h"

#include <QCoreApplication>
#include <QUuid>

namespace Oobm::Core {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Oobm::Core::Task", text, disambiguation, n);
}
} // namespace

QString TaskTarget::describe() const
{
    if (collectionId != 0)
        return tr("collection %1").arg(collectionName.isEmpty() ? QString::number(collectionId) : collectionName);
    return tr("%n systems", nullptr, int(uuids.size()));
}

QString Task::problem(const QDateTime &now) const
{
    if (name.trimmed().isEmpty())
        return tr("Give the task a name.");
    if (target.isEmpty())
        return tr("The task has no target: choose a collection or systems.");
    for (const QString &uuid : target.uuids) {
        if (QUuid::fromString(uuid).isNull())
            return tr("'%1' is not a UUID such as 4B529B93-D413-181D-E487-1C697A6B7A2B.").arg(uuid);
    }
    if (const QString p = schedule.problem(now); !p.isEmpty())
        return p;
    return wave.problem();
}

} // namespace Oobm::Core
