// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace Oobm::Core {

// USB One-Touch provisioning file (docs/protocol.md §7): a 512-byte header, then one 512-byte record
// per key. Versions 1 and 2.0/2.1 are written; 3 and 4 are read.
struct SetupBinRecord
{
    int recordNumber = 0;            // 1-based
    bool consumed = false;           // RecordFlags bit0 clear, or type 0
    QString currentMePassword;       // module 1, variable 1
    QString newMePassword;           // module 1, variable 2
    int manageability = 1;           // module 1, variable 3: 1 = AMT
    QByteArray pid;                  // module 2, variable 1
    QByteArray pps;                  // module 2, variable 2
    QHostAddress provisioningServer; // module 2, variable 17 (2.1)
    quint16 provisioningPort = 0;    // module 2, variable 18 (2.1)
};

struct SetupBin
{
    int major = 2;
    int minor = 0;
    bool doNotConsume = false; // header flags bit0: reusable records
    quint32 consumedCount = 0;
    QList<SetupBinRecord> records;

    static constexpr int ChunkSize = 512;

    // v1, or v2 (minor 1 when any record names a provisioning server). Records that do not fit in
    // 512 bytes are an error (*error says which).
    QByteArray encode(QString *error = nullptr) const;
    // Every version's layout; says what is wrong with a bad file ("record 3: entry at offset 88
    // runs past the record").
    static std::optional<SetupBin> decode(const QByteArray &bytes, QString *error);

    // What a BIOS does at POST: take the first valid record, invalidate it in the file, count it.
    // Returns the record, or nothing (and *error) when the file has none left or is not valid.
    static std::optional<SetupBinRecord> consumeNext(QByteArray &file, QString *error);
};

} // namespace Oobm::Core
