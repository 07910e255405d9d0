// SPDX-License-Identifier: GPL-2.0-or-later
#include "secretbox.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace Oobm::Core {

namespace {
constexpr char Version = 0x01;
constexpr int NonceSize = 12;
constexpr int TagSize = 16;
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
} // namespace

// Encryption and decryption contexts with the key already set up: only the nonce changes per call.
struct SecretBox::Contexts
{
    CipherContext encrypt{EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free};
    CipherContext decrypt{EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free};
};

SecretBox::SecretBox(const QByteArray &key)
    : m_key(key)
{
    if (isValid()) {
        m_contexts = std::make_unique<Contexts>();
        const auto *k = reinterpret_cast<const unsigned char *>(m_key.constData());
        if (EVP_EncryptInit_ex(m_contexts->encrypt.get(), EVP_aes_256_gcm(), nullptr, k, nullptr) != 1
            || EVP_DecryptInit_ex(m_contexts->decrypt.get(), EVP_aes_256_gcm(), nullptr, k, nullptr) != 1)
            m_contexts.reset();
    }
}

SecretBox::~SecretBox() = default;

SecretBox::SecretBox(const SecretBox &other)
    : SecretBox(other.m_key)
{ }

SecretBox &SecretBox::operator=(const SecretBox &other)
{
    if (this != &other) {
        SecretBox copy(other.m_key);
        m_key = copy.m_key;
        m_contexts = std::move(copy.m_contexts);
    }
    return *this;
}

QByteArray SecretBox::generateKey()
{
    QByteArray key(KeySize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), KeySize) != 1)
        qFatal("OpenSSL's random generator failed");
    return key;
}

QByteArray SecretBox::seal(const QByteArray &plaintext, const QByteArray &associatedData) const
{
    if (!isValid() || !m_contexts)
        return {};
    QByteArray out(1 + NonceSize + plaintext.size() + TagSize, Qt::Uninitialized);
    out[0] = Version;
    auto *nonce = reinterpret_cast<unsigned char *>(out.data() + 1);
    auto *cipher = nonce + NonceSize;
    if (RAND_bytes(nonce, NonceSize) != 1)
        return {};
    EVP_CIPHER_CTX *ctx = m_contexts->encrypt.get();
    int len = 0;
    if (EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce) != 1
        || (!associatedData.isEmpty()
            && EVP_EncryptUpdate(ctx, nullptr, &len,
                                 reinterpret_cast<const unsigned char *>(associatedData.constData()),
                                 int(associatedData.size()))
                    != 1)
        || EVP_EncryptUpdate(ctx, cipher, &len, reinterpret_cast<const unsigned char *>(plaintext.constData()),
                             int(plaintext.size()))
                != 1
        || EVP_EncryptFinal_ex(ctx, cipher + len, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, TagSize, cipher + plaintext.size()) != 1)
        return {};
    return out;
}

QByteArray SecretBox::open(const QByteArray &sealed, const QByteArray &associatedData, bool *ok) const
{
    *ok = false;
    if (!isValid() || !m_contexts || sealed.size() < 1 + NonceSize + TagSize || sealed.at(0) != Version)
        return {};
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData() + 1);
    const auto *cipher = nonce + NonceSize;
    const int cipherLength = int(sealed.size()) - 1 - NonceSize - TagSize;
    QByteArray plain(cipherLength, Qt::Uninitialized);
    EVP_CIPHER_CTX *ctx = m_contexts->decrypt.get();
    int len = 0;
    QByteArray tag = sealed.right(TagSize);
    if (EVP_DecryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce) != 1
        || (!associatedData.isEmpty()
            && EVP_DecryptUpdate(ctx, nullptr, &len,
                                 reinterpret_cast<const unsigned char *>(associatedData.constData()),
                                 int(associatedData.size()))
                    != 1)
        || EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char *>(plain.data()), &len, cipher, cipherLength) != 1
        || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(plain.data()) + len, &len) != 1)
        return {};
    *ok = true;
    return plain;
}

} // namespace Oobm::Core
