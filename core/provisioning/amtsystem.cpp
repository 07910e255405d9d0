// SPDX-License-Identifier: GPL-2.0-or-later
#include "amtsystem.h"

#include <QCoreApplication>
#include <QStringList>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::AmtSystem", text);
}
} // namespace

QString systemStateName(SystemState state)
{
    switch (state) {
    case SystemState::AwaitingHello:
        return tr("Awaiting hello");
    case SystemState::AwaitingAuthorization:
        return tr("Awaiting authorization");
    case SystemState::Provisioning:
        return tr("Provisioning");
    case SystemState::Provisioned:
        return tr("Provisioned");
    case SystemState::Failed:
        return tr("Failed");
    case SystemState::HelloWindowExpired:
        return tr("Hello window expired");
    case SystemState::Unprovisioned:
        return tr("Unprovisioned");
    }
    return {};
}

QString systemStateKey(SystemState state)
{
    switch (state) {
    case SystemState::AwaitingHello:
        return QStringLiteral("awaiting-hello");
    case SystemState::AwaitingAuthorization:
        return QStringLiteral("awaiting-authorization");
    case SystemState::Provisioning:
        return QStringLiteral("provisioning");
    case SystemState::Provisioned:
        return QStringLiteral("provisioned");
    case SystemState::Failed:
        return QStringLiteral("failed");
    case SystemState::HelloWindowExpired:
        return QStringLiteral("hello-window-expired");
    case SystemState::Unprovisioned:
        return QStringLiteral("unprovisioned");
    }
    return {};
}

QList<SystemState> allSystemStates()
{
    return {SystemState::AwaitingHello, SystemState::AwaitingAuthorization,
            SystemState::Provisioning,  SystemState::Provisioned,
            SystemState::Failed,        SystemState::HelloWindowExpired,
            SystemState::Unprovisioned};
}

bool systemStateFromKey(const QString &key, SystemState *state)
{
    for (SystemState s : allSystemStates()) {
        if (key.compare(systemStateKey(s), Qt::CaseInsensitive) == 0) {
            *state = s;
            return true;
        }
    }
    return false;
}

qint64 amtVersionNumber(const QString &version)
{
    const QStringList parts = version.trimmed().split(u'.');
    if (parts.isEmpty() || parts.size() > 3)
        return -1;
    qint64 number = 0;
    for (int i = 0; i < 3; ++i) {
        bool ok = true;
        const int part = i < parts.size() ? parts.at(i).toInt(&ok) : 0;
        if (!ok || part < 0 || part > 999)
            return -1;
        number = number * 1000 + part;
    }
    return number;
}

} // namespace Oobm::Core
