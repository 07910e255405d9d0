// SPDX-License-Identifier: GPL-2.0-or-later
#include "hellopacket.h"

#include <QCoreApplication>
#include <QtEndian>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    // lupdate files free tr() calls under the enclosing namespace: use the same context.
    return QCoreApplication::translate("Oobm::Core", text);
}

void put16(QByteArray &b, quint16 v)
{
    char raw[2];
    qToLittleEndian(v, raw);
    b.append(raw, 2);
}

void put32(QByteArray &b, quint32 v)
{
    char raw[4];
    qToLittleEndian(v, raw);
    b.append(raw, 4);
}
} // namespace

int hashLength(HelloPacket::HashType type)
{
    switch (type) {
    case HelloPacket::HashType::Sha1:
        return 20;
    case HelloPacket::HashType::Sha256:
        return 32;
    case HelloPacket::HashType::Sha384:
        return 48;
    }
    return 0;
}

QByteArray HelloPacket::uuidToWire(const QUuid &uuid)
{
    QByteArray b = uuid.toRfc4122();
    std::reverse(b.begin(), b.begin() + 4);
    std::reverse(b.begin() + 4, b.begin() + 6);
    std::reverse(b.begin() + 6, b.begin() + 8);
    return b;
}

QUuid HelloPacket::uuidFromWire(const QByteArray &sixteenBytes)
{
    QByteArray b = sixteenBytes.left(16);
    if (b.size() != 16)
        return {};
    std::reverse(b.begin(), b.begin() + 4);
    std::reverse(b.begin() + 4, b.begin() + 6);
    std::reverse(b.begin() + 6, b.begin() + 8);
    return QUuid::fromRfc4122(b);
}

QString HelloPacket::uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces).toUpper();
}

QByteArray HelloPacket::encode() const
{
    QByteArray b;
    put16(b, adminCredentialsSet ? 1 : 0);
    put16(b, quint16(version));
    put32(b, retryCount);
    b.append(uuidToWire(uuid));
    if (version == Version::Psk) {
        b.append(pid.leftJustified(8, '\0', true));
        return b;
    }
    b.append(char(quint8(rootHashes.size())));
    for (const RootHash &h : rootHashes) {
        b.append(char(quint8(h.type)));
        b.append(char(quint8(h.hash.size())));
        b.append(h.hash);
    }
    return b;
}

std::optional<HelloPacket> HelloPacket::parse(const QByteArray &bytes, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<HelloPacket> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (bytes.size() < 8)
        return fail(tr("truncated: %1 bytes; a PKI hello has at least 25 and a PSK hello 32").arg(bytes.size()));
    if (bytes.size() > MaxSize)
        return fail(tr("oversized: %1 bytes, no valid hello has more than %2").arg(bytes.size()).arg(MaxSize));
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    HelloPacket h;
    const quint16 admin = qFromLittleEndian<quint16>(p);
    if (admin > 1)
        return fail(tr("the admin-credentials field is %1; it must be 0 or 1").arg(admin));
    h.adminCredentialsSet = admin == 1;
    const quint16 version = qFromLittleEndian<quint16>(p + 2);
    if (version != 2 && version != 3)
        return fail(tr("interface version %1; only 2 (PSK) and 3 (PKI) exist").arg(version));
    h.version = Version(version);
    h.retryCount = qFromLittleEndian<quint32>(p + 4);
    if (version == 2) {
        if (bytes.size() != PskSize)
            return fail(bytes.size() < PskSize ? tr("truncated: %1 bytes, a PSK hello has 32").arg(bytes.size())
                                               : tr("%1 bytes, a PSK hello has exactly 32").arg(bytes.size()));
        h.uuid = uuidFromWire(bytes.mid(8, 16));
        h.pid = bytes.mid(24, 8);
        for (char c : std::as_const(h.pid)) {
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
                return fail(tr("the PID field holds bytes that are not 0-9 or A-Z (hex %1)")
                                    .arg(QString::fromLatin1(h.pid.toHex(' '))));
        }
        return h;
    }
    if (bytes.size() < 25)
        return fail(tr("truncated: %1 bytes, a PKI hello has at least 25").arg(bytes.size()));
    h.uuid = uuidFromWire(bytes.mid(8, 16));
    const int count = p[24];
    int at = 25;
    for (int i = 0; i < count; ++i) {
        if (at + 2 > bytes.size())
            return fail(tr("truncated in root hash %1 of %2").arg(i + 1).arg(count));
        const auto type = HashType(p[at]);
        const int length = p[at + 1];
        if (hashLength(type) == 0)
            return fail(tr("root hash %1 has the unknown type %2").arg(i + 1).arg(int(p[at])));
        if (length != hashLength(type))
            return fail(tr("root hash %1 is %2 bytes long; its type needs %3")
                                .arg(i + 1)
                                .arg(length)
                                .arg(hashLength(type)));
        if (at + 2 + length > bytes.size())
            return fail(tr("truncated in root hash %1 of %2").arg(i + 1).arg(count));
        h.rootHashes.append({type, bytes.mid(at + 2, length)});
        at += 2 + length;
    }
    if (at != bytes.size())
        return fail(tr("%1 bytes follow the last root hash").arg(bytes.size() - at));
    return h;
}

} // namespace Oobm::Core
