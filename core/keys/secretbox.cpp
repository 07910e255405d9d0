// SPDX-License-Identifier: GPL-2.0-or-later
#include "secretbox.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace Oobm::Core {

namespace {
constexpr char Version = 0x01;
constexpr int NonceSize = 12;
constexpr int TagSize = 16;
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
} // namespace

SecretBox::SecretBox(const QByteArray &key)
    : m_key(key)
{
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
    if (!isValid())
        return {};
    QByteArray out(1 + NonceSize + plaintext.size() + TagSize, Qt::Uninitialized);
    out[0] = Version;
    auto *nonce = reinterpret_cast<unsigned char *>(out.data() + 1);
    auto *cipher = nonce + NonceSize;
    if (RAND_bytes(nonce, NonceSize) != 1)
        return {};
    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()), nonce) != 1
        || (!associatedData.isEmpty()
            && EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(associatedData.constData()),
                                 int(associatedData.size())) != 1)
        || EVP_EncryptUpdate(ctx.get(), cipher, &len, reinterpret_cast<const unsigned char *>(plaintext.constData()), int(plaintext.size())) != 1
        || EVP_EncryptFinal_ex(ctx.get(), cipher + len, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, cipher + plaintext.size()) != 1)
        return {};
    return out;
}

QByteArray SecretBox::open(const QByteArray &sealed, const QByteArray &associatedData, bool *ok) const
{
    *ok = false;
    if (!isValid() || sealed.size() < 1 + NonceSize + TagSize || sealed.at(0) != Version)
        return {};
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData() + 1);
    const auto *cipher = nonce + NonceSize;
    const int cipherLength = int(sealed.size()) - 1 - NonceSize - TagSize;
    QByteArray plain(cipherLength, Qt::Uninitialized);
    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    QByteArray tag = sealed.right(TagSize);
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()), nonce) != 1
        || (!associatedData.isEmpty()
            && EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(associatedData.constData()),
                                 int(associatedData.size())) != 1)
        || EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, cipher, cipherLength) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + len, &len) != 1)
        return {};
    *ok = true;
    return plain;
}

} // namespace Oobm::Core
