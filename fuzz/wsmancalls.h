// SPDX-License-Identifier: GPL-2.0-or-later
// The client calls fuzz_wsmanresponse makes, chosen by a number (the input's first byte), shared
// with the seed maker so that a seed's first byte means the same call in both.
#pragma once

#include "core/amt/wsmansession.h"

namespace Oobm::Fuzz {

inline constexpr int WsmanCallCount = 15;

// Runs call `call % WsmanCallCount`; *accepted: the value it read when it succeeded (a version,
// a UUID), empty for calls that read none.
inline Core::Amt::AmtError wsmanCall(Core::Amt::WsmanSession &s, unsigned char call, QString *accepted)
{
    using namespace Core::Amt;
    switch (call % WsmanCallCount) {
    case 0:
        return s.getGeneralSettings().error;
    case 1: {
        const AmtResult<QString> version = s.coreVersion();
        *accepted = version.value;
        return version.error;
    }
    case 2:
        return s.softwareIdentities(3).error;
    case 3:
        return s.getSetupAndConfiguration().error;
    case 4:
        return s.requestPowerStateChange(DmtfPowerState::OffSoft);
    case 5:
        return s.release(QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity"),
                         QStringLiteral("01000000-0000-0000-0000-000000000000"));
    case 6:
        return s.powerState().error;
    case 7:
        return s.getLowAccuracyTimeSynch().error;
    case 8:
        return s.setNextBoot(QStringLiteral("Intel(r) AMT: Force PXE Boot"), false, false);
    case 9:
        return s.setAdminAclEntryEx(QStringLiteral("admin"), QStringLiteral("N3w-P@ssw0rd"));
    case 10:
        return s.enumerateUserAclEntries().error;
    case 11:
        return s.getUserAclEntryEx(1).error;
    case 12: {
        const AmtResult<QByteArray> guid = s.platformGuid();
        *accepted = QString::fromLatin1(guid.value.toHex());
        return guid.error;
    }
    case 13:
        return s.unprovision(false);
    default:
        return s.addUserAclEntryEx({QStringLiteral("operator"), QStringLiteral("Operat0r!"), {5}}).error;
    }
}

} // namespace Oobm::Fuzz
