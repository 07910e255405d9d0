// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// A PID/PPS pair's life: Available -> Exported -> Consumed (by a device) -> Retired. A Consumed
// key is never exported or used again.
enum class KeyState { Available = 0, Exported = 1, Consumed = 2, Retired = 3 };
QString keyStateName(KeyState state); // "Available", translated
QString keyStateKey(KeyState state);  // "available", for CLI and JSON
bool keyStateFromKey(const QString &key, KeyState *state);

// One key of the ledger. Secrets (pps, passwords) are only filled when they were asked for.
struct KeyRecord
{
    QByteArray pid; // 8 characters, no dash
    QByteArray pps; // 32 characters, no dashes; empty unless revealed
    KeyState state = KeyState::Available;
    QString batch;
    QDateTime created;
    QString exportedTo;   // file
    QString exportFormat; // "setupbin-v1", "setupbin-v2", "csv"
    QString exportedBy;
    QDateTime exported;
    QString consumedBy; // device UUID
    QString assignedTo; // the device it is reserved for (offered by its hello, or its next key)
    QDateTime consumed;
    QString mePassword;    // factory default / current ME password; empty unless revealed
    QString newMePassword; // empty unless revealed
};

} // namespace Oobm::Core
