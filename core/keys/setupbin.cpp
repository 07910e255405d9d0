// SPDX-License-Identifier: GPL-2.0-or-later
#include "setupbin.h"

#include <QtEndian>

namespace Oobm::Core {

namespace {

// File-type GUIDs, as stored (docs/protocol.md §7.1).
constexpr char GuidV1[] = "\xb5\x16\xfb\x71\x87\xcb\xf9\x4a\xb4\x41\xca\x7b\x38\x35\x78\xf9";
constexpr char GuidV2[] = "\x96\xb2\x81\x58\xcf\x6b\x72\x4c\x8b\x91\xa1\x5e\x51\x2e\x99\xc4";
constexpr char GuidV3[] = "\xa7\xf7\xf6\xc6\x89\xc4\xf6\x47\x93\xed\xe2\xe5\x02\x0d\xa5\x1d";
constexpr char GuidV4[] = "\xaa\xa9\x34\x52\xe1\x29\xa9\x44\x8d\x4d\x08\x1c\x07\xb9\x63\x53";

QByteArray guid(const char (&bytes)[17])
{
    return QByteArray(bytes, 16);
}

constexpr int RecordHeaderBytes = 24;

void put16(QByteArray &b, int at, quint16 v)
{
    qToLittleEndian(v, b.data() + at);
}
void put32(QByteArray &b, int at, quint32 v)
{
    qToLittleEndian(v, b.data() + at);
}
quint16 get16(const QByteArray &b, int at)
{
    return qFromLittleEndian<quint16>(b.constData() + at);
}
quint32 get32(const QByteArray &b, int at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}

// Appends one variable entry: module, variable, length, reserved, value padded to 4 bytes.
bool addEntry(QByteArray &record, quint16 module, quint16 variable, const QByteArray &value)
{
    const int at = int(record.size());
    const int padded = (int(value.size()) + 3) & ~3;
    if (at + 8 + padded > SetupBin::ChunkSize - 8) // keep room for the terminating entry
        return false;
    record.append(8 + padded, '\0');
    put16(record, at, module);
    put16(record, at + 2, variable);
    put16(record, at + 4, quint16(value.size()));
    record.replace(at + 8, int(value.size()), value);
    return true;
}

} // namespace

QByteArray SetupBin::encode(QString *error) const
{
    const bool v1 = major == 1;
    bool withServer = false;
    for (const SetupBinRecord &r : records)
        withServer = withServer || !r.provisioningServer.isNull();
    const int writtenMinor = v1 ? 0 : (withServer ? 1 : minor);

    QByteArray out(ChunkSize, '\0');
    out.replace(0, 16, v1 ? guid(GuidV1) : guid(GuidV2));
    put16(out, 16, 1);
    put16(out, 18, 42 + 2 * 2); // two modules: ME and AMT
    put32(out, 20, 0);
    out[24] = char(v1 ? 1 : 2);
    out[25] = char(writtenMinor);
    put16(out, 26, doNotConsume ? 1 : 0);
    put32(out, 28, quint32(records.size()));
    quint32 consumed = 0;
    for (const SetupBinRecord &r : records)
        consumed += r.consumed ? 1 : 0;
    put32(out, 32, consumed);
    put16(out, 36, 1);
    put16(out, 38, 0);
    put16(out, 40, 1);
    put16(out, 42, 2);
    put16(out, 44, 0);

    for (int i = 0; i < records.size(); ++i) {
        const SetupBinRecord &r = records.at(i);
        QByteArray rec(RecordHeaderBytes, '\0');
        put32(rec, 0, 1);
        put32(rec, 4, r.consumed ? 0 : 1);
        put16(rec, 16, 1);
        put16(rec, 18, RecordHeaderBytes);
        put32(rec, 20, quint32(i + 1));
        bool fits = addEntry(rec, 1, 1, r.currentMePassword.toLatin1())
                && addEntry(rec, 1, 2, r.newMePassword.toLatin1())
                && addEntry(rec, 1, 3, QByteArray(1, char(r.manageability))) && addEntry(rec, 2, 1, r.pid)
                && addEntry(rec, 2, 2, r.pps);
        if (fits && !v1 && !r.provisioningServer.isNull()) {
            QByteArray ip(4, '\0');
            qToLittleEndian(r.provisioningServer.toIPv4Address(),
                            ip.data()); // a.b.c.d stored d c b a
            QByteArray port(2, '\0');
            qToLittleEndian(r.provisioningPort, port.data());
            fits = addEntry(rec, 2, 17, ip) && addEntry(rec, 2, 18, port);
        }
        if (!fits) {
            if (error)
                *error = QStringLiteral("record %1 does not fit in 512 bytes").arg(i + 1);
            return {};
        }
        rec.append(ChunkSize - rec.size(), '\0');
        out.append(rec);
    }
    return out;
}

std::optional<SetupBin> SetupBin::decode(const QByteArray &bytes, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<SetupBin> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (bytes.size() < ChunkSize)
        return fail(QStringLiteral("%1 bytes: a setup.bin starts with a 512-byte header").arg(bytes.size()));
    const QByteArray fileType = bytes.left(16);
    int version = 0;
    if (fileType == guid(GuidV1))
        version = 1;
    else if (fileType == guid(GuidV2))
        version = 2;
    else if (fileType == guid(GuidV3))
        version = 3;
    else if (fileType == guid(GuidV4))
        version = 4;
    else
        return fail(QStringLiteral("not a setup.bin: the file-type GUID %1 is none of versions 1-4")
                            .arg(QString::fromLatin1(fileType.toHex())));
    SetupBin bin;
    bin.major = quint8(bytes.at(24));
    bin.minor = quint8(bytes.at(25));
    if (bin.major != version)
        return fail(QStringLiteral("the header says version %1.%2 but the GUID is version %3's")
                            .arg(bin.major)
                            .arg(bin.minor)
                            .arg(version));
    bin.doNotConsume = get16(bytes, 26) & 1;
    const quint32 count = get32(bytes, 28);
    bin.consumedCount = get32(bytes, 32);
    const int chunks = qMax<int>(1, get16(bytes, 36));
    const qint64 needed = qint64(ChunkSize) + qint64(count) * chunks * ChunkSize;
    if (bytes.size() < needed)
        return fail(QStringLiteral("the header announces %1 records (%2 bytes) but the file has %3 bytes")
                            .arg(count)
                            .arg(needed)
                            .arg(bytes.size()));
    for (quint32 i = 0; i < count; ++i) {
        QByteArray rec = bytes.mid(ChunkSize + qint64(i) * chunks * ChunkSize, chunks * ChunkSize);
        SetupBinRecord r;
        const quint32 type = get32(rec, 0);
        const quint32 flags = get32(rec, 4);
        r.recordNumber = int(get32(rec, 20));
        r.consumed = type == 0 || !(flags & 1);
        if (flags & 2) // scrambled (v4): stored as b + 0x11
            for (int k = RecordHeaderBytes; k < rec.size(); ++k)
                rec[k] = char(quint8(rec.at(k)) + 0xEF);
        int at = get16(rec, 18) ? get16(rec, 18) : RecordHeaderBytes;
        while (at + 8 <= rec.size()) {
            const quint16 module = get16(rec, at), variable = get16(rec, at + 2), length = get16(rec, at + 4);
            if (module == 0 && variable == 0)
                break;
            if (at + 8 + length > rec.size())
                return fail(
                        QStringLiteral("record %1: the entry at offset %2 runs past the record").arg(i + 1).arg(at));
            const QByteArray value = rec.mid(at + 8, length);
            if (module == 1 && variable == 1)
                r.currentMePassword = QString::fromLatin1(value);
            else if (module == 1 && variable == 2)
                r.newMePassword = QString::fromLatin1(value);
            else if (module == 1 && variable == 3 && length >= 1)
                r.manageability = quint8(value.at(0));
            else if (module == 2 && variable == 1)
                r.pid = value;
            else if (module == 2 && variable == 2)
                r.pps = value;
            else if (module == 2 && variable == 17 && length == 4)
                r.provisioningServer = QHostAddress(qFromLittleEndian<quint32>(value.constData()));
            else if (module == 2 && variable == 18 && length == 2)
                r.provisioningPort = qFromLittleEndian<quint16>(value.constData());
            at += 8 + ((length + 3) & ~3);
        }
        // Version 1 has no provisioning server (variables 17 and 18 are 2.1's: an AMT 2.0 BIOS
        // ignores them, and they are never written there), and a port without a server says nothing.
        if (version == 1)
            r.provisioningServer.clear();
        if (r.provisioningServer.isNull())
            r.provisioningPort = 0;
        bin.records.append(r);
    }
    return bin;
}

std::optional<SetupBinRecord> SetupBin::consumeNext(QByteArray &file, QString *error)
{
    const auto bin = decode(file, error);
    if (!bin)
        return std::nullopt;
    const int chunks = qMax<int>(1, get16(file, 36));
    for (int i = 0; i < bin->records.size(); ++i) {
        if (bin->records.at(i).consumed)
            continue;
        if (!bin->doNotConsume) {
            const int at = ChunkSize + i * chunks * ChunkSize;
            put32(file, at + 4, get32(file, at + 4) & ~1u);
            put32(file, 32, get32(file, 32) + 1);
        }
        return bin->records.at(i);
    }
    if (error)
        *error = QStringLiteral("every record in the file has been consumed");
    return std::nullopt;
}

} // namespace Oobm::Core
