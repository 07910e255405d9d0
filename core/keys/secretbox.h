// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>

#include <memory>

namespace Oobm::Core {

// AES-256-GCM for secrets at rest (PPS values, ME and AMT passwords). Sealed form:
// 0x01 | 12-byte nonce | ciphertext | 16-byte tag. The associated data binds a secret to its row
// (the PID), so a secret copied onto another row does not decrypt.
// Not thread-safe: the cipher context (key schedule done once) is reused by every call.
class SecretBox
{
public:
    static constexpr int KeySize = 32;

    explicit SecretBox(const QByteArray &key = {});
    ~SecretBox();
    SecretBox(const SecretBox &other);
    SecretBox &operator=(const SecretBox &other);
    bool isValid() const { return m_key.size() == KeySize; }

    QByteArray seal(const QByteArray &plaintext, const QByteArray &associatedData = {}) const;
    // Empty result and ok == false when the key is wrong or the data was changed.
    QByteArray open(const QByteArray &sealed, const QByteArray &associatedData, bool *ok) const;

    static QByteArray generateKey(); // 32 bytes from OpenSSL's CSPRNG

private:
    struct Contexts;
    QByteArray m_key;
    std::unique_ptr<Contexts> m_contexts;
};

} // namespace Oobm::Core
