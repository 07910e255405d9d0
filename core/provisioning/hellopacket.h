// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace Oobm::Core {

// The hello message an AMT device in setup mode sends to the ProvisionServer (TCP 9971):
// docs/protocol.md §3.2 (PSK, interface version 2) and §3.3 (PKI, version 3). Little-endian.
struct HelloPacket
{
    enum class Version : quint16 { Psk = 2, Pki = 3 };
    enum class HashType : quint8 { Sha1 = 1, Sha256 = 2, Sha384 = 3 };

    struct RootHash
    {
        HashType type = HashType::Sha1;
        QByteArray hash;
        bool operator==(const RootHash &) const = default;
    };

    static constexpr int PskSize = 32;
    static constexpr int MaxSize = 25 + 255 * (2 + 48); // the largest valid PKI hello

    bool adminCredentialsSet = false;
    Version version = Version::Psk;
    quint32 retryCount = 0;
    QUuid uuid;
    QByteArray pid;             // PSK: 8 ASCII characters, no dash
    QList<RootHash> rootHashes; // PKI

    QByteArray encode() const;
    // Pure: validates the layout and says what is wrong ("truncated: 20 bytes, a PSK hello has 32").
    static std::optional<HelloPacket> parse(const QByteArray &bytes, QString *error);

    // SMBIOS/GUID byte order: the first three fields little-endian (docs/protocol.md §3.3).
    static QByteArray uuidToWire(const QUuid &uuid);
    static QUuid uuidFromWire(const QByteArray &sixteenBytes);
    // "4B529B93-D413-181D-E487-1C697A6B7A2B"
    static QString uuidText(const QUuid &uuid);

    bool operator==(const HelloPacket &) const = default;
};

int hashLength(HelloPacket::HashType type); // 20, 32, 48; 0 for an unknown type

} // namespace Oobm::Core
