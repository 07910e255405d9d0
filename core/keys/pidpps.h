// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Oobm::Core::PidPps {

// PID/PPS format (docs/protocol.md §6): alphabet 0-9A-Z. A PID is 7 random characters and a check
// character; a PPS is 8 groups of 3 random characters and a check character. A check
// character is Alphabet[(sum of the ASCII codes before it) mod 36].
inline constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
inline constexpr int PidLength = 8;
inline constexpr int PpsLength = 32;

char checkCharacter(const QByteArray &characters);
// From 7 (PID) or 24 (PPS) random characters of the alphabet.
QByteArray pidFromRandom(const QByteArray &seven);
QByteArray ppsFromRandom(const QByteArray &twentyFour);
// Fresh values from OpenSSL's CSPRNG.
QByteArray generatePid();
QByteArray generatePps();

// Accepts dashes, spaces and lower case; returns the canonical form (upper case, no dashes),
// or an empty array and *problem ("PID has 7 characters; it needs 8",
// "PPS group 5 'X3Q1': the check character should be 'K'").
QByteArray normalizePid(const QString &text, QString *problem);
QByteArray normalizePps(const QString &text, QString *problem);

QString formatPid(const QByteArray &pid); // "K7QX-2MBO"
QString formatPps(const QByteArray &pps); // "R2DK-C3PI-...."

} // namespace Oobm::Core::PidPps
