// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Oobm::Core {

// Why the store could not do what was asked. The message is a complete sentence naming the
// real cause and, where there is one, what to do; it becomes the second bullet of the
// "Error connecting to the Intel AMT Setup and Configuration Server" page (figure 12).
struct StoreError
{
    enum class Kind {
        None,
        DriverMissing,     // the Qt SQL plugin is not installed
        FileNotCreatable,  // folder missing and cannot be made, or not writable for a new file
        FileUnreadable,    // the database file exists but this user may not read it
        FileReadOnly,      // the database file (or its folder, for the journal) is read-only
        FileLocked,        // another program holds the write lock longer than the busy timeout
        DiskFull,          // the disk holding the SQLite file, or the PostgreSQL server's, is full
        PermissionDenied,  // PostgreSQL refuses this user the operation (missing GRANT)
        NotADatabase,      // the file exists but is not a SQLite database
        ServerUnreachable, // PostgreSQL refused the connection, host unknown, or timed out
        AuthenticationFailed,
        DatabaseMissing, // PostgreSQL server is up but the database does not exist
        SchemaTooNew,    // written by a newer OOBM
        SchemaInvalid,   // the meta table says something we cannot read
        Query,           // any other SQL failure
        NotOpen,         // asked before open() succeeded
        KeysLocked,      // the data key that seals the security keys is not available
        InvalidRequest,  // what was asked for is not valid (the message says why)
        FileError,       // an export or import file cannot be read or written
        Cancelled,       // the caller cancelled; nothing was kept
    };

    Kind kind = Kind::None;
    QString message;

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    static StoreError none() { return {}; }
    static StoreError make(Kind kind, const QString &message) { return {kind, message}; }

    static QString debianPackageForDriver(const QString &driver);
};

} // namespace Oobm::Core
