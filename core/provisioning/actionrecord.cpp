// SPDX-License-Identifier: GPL-2.0-or-later
#include "actionrecord.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ActionRecord", text);
}
} // namespace

QString actionResultName(ActionRecord::Result result)
{
    switch (result) {
    case ActionRecord::Result::Succeeded:
        return tr("Succeeded");
    case ActionRecord::Result::Failed:
        return tr("Failed");
    case ActionRecord::Result::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString actionResultKey(ActionRecord::Result result)
{
    switch (result) {
    case ActionRecord::Result::Succeeded:
        return QStringLiteral("succeeded");
    case ActionRecord::Result::Failed:
        return QStringLiteral("failed");
    case ActionRecord::Result::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QStringList provisioningSteps()
{
    return {QStringLiteral("GetCoreVersion"),
            QStringLiteral("GetProvisioningState"),
            QStringLiteral("GetProvisioningServerOTP"),
            QStringLiteral("GetHostName"),
            QStringLiteral("GetDomainName"),
            QStringLiteral("SetHostName"),
            QStringLiteral("SetDomainName"),
            QStringLiteral("SetHighAccuracyTimeSynch"),
            QStringLiteral("SetAdminAclEntry"),
            QStringLiteral("AddUserAclEntry"),
            QStringLiteral("SetTLSKeyAndCertificate"),
            QStringLiteral("SetTlsEnabled"),
            QStringLiteral("SetTLSPSK"),
            QStringLiteral("SetEnabledInterfaces"),
            QStringLiteral("CommitChanges")};
}

} // namespace Oobm::Core
