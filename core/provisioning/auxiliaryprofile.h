// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amttypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// Auxiliary Profiles: a reusable set of ACL users and a TLS server certificate that provision
// profiles reference. A profile's own users come first; the auxiliary profile's certificate is
// used when the profile names none.
struct AuxiliaryProfile
{
    qint64 id = 0;
    QString name;
    QList<Amt::UserAclEntry> aclUsers; // passwords sealed at rest; empty in listings
    qint64 tlsCertificateId = 0;
    QString tlsCertificateName;
    QStringList usedBy; // the provision profiles that reference it (listings)
    QDateTime changed;

    // Empty, or what is wrong with it.
    QString problem() const;
};

} // namespace Oobm::Core
