// SPDX-License-Identifier: GPL-2.0-or-later
#include "auxiliaryprofile.h"

#include "core/provisioning/provisionprofile.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::AuxiliaryProfile", text);
}
} // namespace

QString AuxiliaryProfile::problem() const
{
    if (name.trimmed().isEmpty())
        return tr("Give the auxiliary profile a name.");
    if (aclUsers.isEmpty() && tlsCertificateId <= 0)
        return tr("The auxiliary profile %1 has neither users nor a TLS certificate; add at least one.").arg(name);
    // Its users join a profile's own, next to the admin account (usually "admin").
    return aclUsersProblem(aclUsers, QStringLiteral("admin"));
}

} // namespace Oobm::Core
