// SPDX-License-Identifier: GPL-2.0-or-later
#include "datakey.h"

#include <QCoreApplication>

namespace Oobm::Core {

StoreError DataKey::lockedError() const
{
    return StoreError::make(
            StoreError::Kind::KeysLocked,
            QCoreApplication::translate("Oobm::Core::SqlKeyLedger",
                                        "The security keys in this database are encrypted with a key that is not "
                                        "available on this machine: %1")
                    .arg(m_unavailableReason.isEmpty()
                                 ? QCoreApplication::translate("Oobm::Core::SqlKeyLedger", "no data key was given.")
                                 : m_unavailableReason));
}

void DataKey::clear(const QString &reason)
{
    m_box = SecretBox();
    m_unavailableReason = reason;
}

} // namespace Oobm::Core
