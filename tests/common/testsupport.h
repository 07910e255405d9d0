// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/storelocation.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace Oobm::Test {

// The PostgreSQL server scripts/test started (OOBM_TEST_PGSQL_DSN), or an empty location.
Core::StoreLocation postgresqlServer();

// Skips (developer run) or fails (CI=true) when no PostgreSQL server was given.
#define OOBM_REQUIRE_POSTGRESQL() \
    do { \
        if (!Oobm::Test::postgresqlServer().isValid()) { \
            if (qEnvironmentVariable("CI") == u"true") \
                QFAIL("OOBM_TEST_PGSQL_DSN is not set: scripts/test starts PostgreSQL and sets " \
                      "it"); \
            QSKIP("OOBM_TEST_PGSQL_DSN is not set; run scripts/test, which starts PostgreSQL"); \
        } \
    } while (false)

// A fresh, empty database on that server for one test; dropped on destruction.
class PostgresqlTestDatabase
{
public:
    PostgresqlTestDatabase();
    ~PostgresqlTestDatabase();
    PostgresqlTestDatabase(const PostgresqlTestDatabase &) = delete;
    PostgresqlTestDatabase &operator=(const PostgresqlTestDatabase &) = delete;

    bool isValid() const { return m_location.isValid(); }
    QString error() const { return m_error; }
    Core::StoreLocation location() const { return m_location; }
    // Runs one statement in the test database (to fake an older or newer schema).
    bool exec(const QString &sql);

private:
    Core::StoreLocation m_location;
    QString m_name;
    QString m_error;
};

// A store location for the backend named in a test row ("sqlite" or "postgresql"), in a fresh
// place. Keeps what it needs alive until destroyed.
class BackendFixture
{
public:
    explicit BackendFixture(const QString &backend);
    ~BackendFixture();
    BackendFixture(const BackendFixture &) = delete;
    BackendFixture &operator=(const BackendFixture &) = delete;

    bool isValid() const { return m_location.isValid(); }
    Core::StoreLocation location() const { return m_location; }
    bool exec(const QString &sql);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PostgresqlTestDatabase> m_pg;
    Core::StoreLocation m_location;
};

// Adds "sqlite" and "postgresql" rows with a "backend" column.
void addBackendRows();

// Root may write any file, so tests of permission errors run again as an unprivileged user.
// Returns true when this process should run the test itself; otherwise it has run the test
// function in a child as 'nobody' and *failure says what went wrong there (empty: it passed).
// helpers: other binaries the test runs (copied too; find them with unprivilegedBinary()).
bool shouldRunHere(const char *testFunction, QString *failure, const QStringList &helpers = {});
// In the unprivileged child, the copy of a helper binary; otherwise path itself.
QString unprivilegedBinary(const QString &path);

// OOBM_RUN_UNPRIVILEGED() or OOBM_RUN_UNPRIVILEGED(QStringList{helper binaries})
#define OOBM_RUN_UNPRIVILEGED(...) \
    do { \
        QString childFailure; \
        if (!Oobm::Test::shouldRunHere(QTest::currentTestFunction(), &childFailure __VA_OPT__(, ) __VA_ARGS__)) { \
            QVERIFY2(childFailure.isEmpty(), qPrintable(childFailure)); \
            return; \
        } \
    } while (false)

// A real full disk without root: runs the test function again in a child process, inside a
// private user and mount namespace (unshare) where a folder is a tmpfs of the given size, so
// that writes there fail with ENOSPC. Returns true in that child, with *dir the folder; otherwise
// it has run the child and *failure says what went wrong there (empty: it passed), or *skip why
// no such namespace can be made here.
bool shouldRunInSmallFilesystem(const char *testFunction, qint64 bytes, QString *dir, QString *failure, QString *skip);

// OOBM_RUN_IN_SMALL_FILESYSTEM(bytes, &dir): the rest of the test function runs in the child.
// Skips where namespaces are not allowed, and fails there under CI=true.
#define OOBM_RUN_IN_SMALL_FILESYSTEM(bytes, dir) \
    do { \
        QString childFailure; \
        QString skipReason; \
        if (!Oobm::Test::shouldRunInSmallFilesystem(QTest::currentTestFunction(), (bytes), (dir), &childFailure, \
                                                    &skipReason)) { \
            if (!skipReason.isEmpty()) { \
                if (qEnvironmentVariable("CI") == u"true") \
                    QFAIL(qPrintable(skipReason)); \
                QSKIP(qPrintable(skipReason)); \
            } \
            QVERIFY2(childFailure.isEmpty(), qPrintable(childFailure)); \
            return; \
        } \
    } while (false)

} // namespace Oobm::Test
