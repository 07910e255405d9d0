// SPDX-License-Identifier: GPL-2.0-or-later
#include "keyledger.h"

#include "core/keys/passwordpolicy.h"

#include <QCoreApplication>
#include <QHostInfo>

#include <pwd.h>
#include <unistd.h>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::KeyLedger", text);
}
} // namespace

AuditActor AuditActor::current()
{
    QString user;
    if (const passwd *pw = getpwuid(geteuid()))
        user = QString::fromLocal8Bit(pw->pw_name);
    if (user.isEmpty())
        user = qEnvironmentVariable("USER", QStringLiteral("uid %1").arg(geteuid()));
    return {user, QHostInfo::localHostName()};
}

QString KeyGenerationRequest::problem() const
{
    if (count < 1 || count > MaxGenerate)
        return tr("The number of keys must be from 1 to 100,000; %1 is outside that range.").arg(count);
    if (mePassword.isEmpty())
        return tr("Enter the factory default Intel ME password (usually \"admin\").");
    if (const QString p = mePasswordProblem(newMePassword); !p.isEmpty())
        return tr("New Intel ME password: %1").arg(p);
    if (newMePassword == mePassword)
        return tr("The new Intel ME password must differ from the factory default.");
    return {};
}

QString keyStateName(KeyState state)
{
    switch (state) {
    case KeyState::Available:
        return tr("Available");
    case KeyState::Exported:
        return tr("Exported");
    case KeyState::Consumed:
        return tr("Consumed");
    case KeyState::Retired:
        return tr("Retired");
    }
    return {};
}

QString keyStateKey(KeyState state)
{
    switch (state) {
    case KeyState::Available:
        return QStringLiteral("available");
    case KeyState::Exported:
        return QStringLiteral("exported");
    case KeyState::Consumed:
        return QStringLiteral("consumed");
    case KeyState::Retired:
        return QStringLiteral("retired");
    }
    return {};
}

bool keyStateFromKey(const QString &key, KeyState *state)
{
    for (KeyState s : {KeyState::Available, KeyState::Exported, KeyState::Consumed, KeyState::Retired}) {
        if (key.compare(keyStateKey(s), Qt::CaseInsensitive) == 0) {
            *state = s;
            return true;
        }
    }
    return false;
}

QString keyExportFormatKey(KeyExportFormat format)
{
    switch (format) {
    case KeyExportFormat::SetupBinV1:
        return QStringLiteral("setupbin-v1");
    case KeyExportFormat::SetupBinV2:
        return QStringLiteral("setupbin-v2");
    case KeyExportFormat::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

bool keyExportFormatFromKey(const QString &key, KeyExportFormat *format)
{
    for (KeyExportFormat f : {KeyExportFormat::SetupBinV1, KeyExportFormat::SetupBinV2, KeyExportFormat::Csv}) {
        if (key == keyExportFormatKey(f)) {
            *format = f;
            return true;
        }
    }
    return false;
}

} // namespace Oobm::Core
