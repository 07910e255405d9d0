// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/keyrecord.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// Who did something to secrets, for the Security Audit log.
struct AuditActor
{
    QString user;
    QString host;
    static AuditActor current(); // the login user and this machine's host name
};

struct AuditEntry
{
    qint64 id = 0;
    QDateTime time;
    QString user;
    QString host;
    QString action; // "generate", "show", "export", "import", "delete"
    int count = 0;
    QString file;
    QString details;
};

struct KeyGenerationRequest
{
    int count = 1;                                // 1 to MaxGenerate
    QString mePassword = QStringLiteral("admin"); // the factory default ME password
    QString newMePassword;
    AuditActor actor;
    static constexpr int MaxGenerate = 100000;
    // Empty, or what is wrong ("The new Intel ME password needs a digit (0-9).").
    QString problem() const;
};

// Which data key a store needs: its identity names the keychain entry; initialized says whether
// keys were ever sealed (a new key may only be made for a store that has none).
struct DataKeyInfo
{
    QString storeId;
    bool initialized = false;
    bool unlocked = false;
};

struct KeyBatchResult
{
    QString batch;
    int count = 0;
};

struct KeyFilter
{
    QList<KeyState> states; // empty: all
    QString text;           // part of the PID or the batch
    int limit = -1;
};

enum class KeyExportFormat { SetupBinV1, SetupBinV2, Csv };
QString keyExportFormatKey(KeyExportFormat format); // "setupbin-v1", "setupbin-v2", "csv"
bool keyExportFormatFromKey(const QString &key, KeyExportFormat *format);

struct KeyExportRequest
{
    QList<QByteArray> pids; // these keys; when empty, the keys the filter selects
    KeyFilter filter{{KeyState::Available}, {}, -1};
    KeyExportFormat format = KeyExportFormat::SetupBinV2;
    QString path;
    bool includePasswords = false;   // CSV only: the ME passwords too, after the user was warned
    QHostAddress provisioningServer; // setup.bin 2.x: Service Location's server, when set
    quint16 provisioningPort = 0;
    AuditActor actor;
};

struct KeyExportResult
{
    int count = 0;
    QString path;
    QStringList warnings; // e.g. more than 1,000 records in a setup.bin
};

struct KeyImportReport
{
    int imported = 0;
    int consumed = 0;       // setup.bin records already used by a device
    QStringList problems;   // "line 4: PID has 7 characters; it needs 8."
    QStringList duplicates; // "line 9: PID K7QX-2MBO is already in the store"
    bool ok() const { return problems.isEmpty() && duplicates.isEmpty(); }
};

} // namespace Oobm::Core
