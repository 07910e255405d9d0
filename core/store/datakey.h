// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/secretbox.h"
#include "core/store/storeerror.h"

#include <QString>

namespace Oobm::Core {

// The data key the store's secrets are sealed with (PPS values, ME, admin and ACL passwords,
// private keys, one-time passwords). It lives outside the database (keychain or key file) and is
// handed to the store by Store::setDataKey; until then every call that needs a secret fails with
// lockedError(). Owned by the store thread's worker and shared by its ledgers.
class DataKey
{
public:
    // Null while the key is missing.
    const SecretBox *box() const { return m_box.isValid() ? &m_box : nullptr; }
    bool isUnlocked() const { return m_box.isValid(); }
    // Why secrets cannot be opened, with what to do.
    StoreError lockedError() const;

    void set(const SecretBox &box) { m_box = box; }
    // Forgets the key; reason says why it is unavailable (empty: none was given).
    void clear(const QString &reason);
    void setUnavailableReason(const QString &reason) { m_unavailableReason = reason; }

private:
    SecretBox m_box;
    QString m_unavailableReason;
};

} // namespace Oobm::Core
