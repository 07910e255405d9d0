// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// One key as a file holds it, secrets in plain text: files are where keys leave the store, and
// only when the user asks for them.
struct KeyFileEntry
{
    QString where; // "line 4", "record 2": for messages about it
    QByteArray pid;
    QByteArray pps;
    QString mePassword;
    QString newMePassword;
    bool consumed = false; // a setup.bin record a BIOS has used already
};

// What read() found: the entries that parse, and one sentence per entry that does not.
struct KeyFileContents
{
    QList<KeyFileEntry> entries;
    QStringList problems; // "line 4: PID has 7 characters; it needs 8."
};

// The files keys are exported to and imported from (docs/protocol.md §7): a CSV of
// "PID,PPS[,ME password,new ME password]" lines, or a USB One-Touch setup.bin. Pure formats; the
// store writes what they make and seals what they read.
namespace KeyFile {

// A setup.bin with more records than this delays the client's start noticeably: every record is
// read at boot (docs/protocol.md §7.3).
inline constexpr int LargeSetupBin = 1000;

// Reads a CSV or a setup.bin (told apart by their bytes). False when the bytes are binary but
// no setup.bin (*error says what is wrong with them as one); otherwise the entries, and the
// problems of those that do not parse.
bool read(const QByteArray &bytes, KeyFileContents *contents, QString *error);

QByteArray csv(const QList<KeyFileEntry> &entries, bool withPasswords);
// Version 1 (AMT 2.x BIOSes) or 2 (2.1 when server is set: the provisioning server's address).
// Empty with *error when a record does not fit; *warnings gets what the user should know.
QByteArray setupBin(int major, const QList<KeyFileEntry> &entries, const QHostAddress &server, quint16 port,
                    QString *error, QStringList *warnings);

// Writes bytes to a temporary name in the same folder (mode 0600), then renames it to path: a
// reader never sees half a file. False with *error (what went wrong and what to do).
bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace KeyFile

} // namespace Oobm::Core
