// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Oobm::Core {

// Where the store lives: a SQLite file (the embedded default) or a PostgreSQL database that
// several engines and consoles share. Parsed from `--database URL|PATH`.
class StoreLocation
{
public:
    enum class Kind { SQLite, PostgreSQL };

    // $XDG_DATA_HOME/oobm/oobm.db (usually ~/.local/share/oobm/oobm.db).
    static StoreLocation defaultLocation();
    // $OOBM_DATABASE when set, otherwise defaultLocation().
    static StoreLocation fromEnvironmentOrDefault(QString *error);

    // Accepts a file path, sqlite:PATH, file:PATH,
    // postgresql://[user[:password]@]host[:port]/dbname (postgres:// too). On failure returns an
    // invalid location and sets *error.
    static StoreLocation parse(const QString &text, QString *error);

    static StoreLocation sqlite(const QString &path);
    static StoreLocation postgresql(const QString &host, int port, const QString &user, const QString &database);

    bool isValid() const { return m_valid; }
    Kind kind() const { return m_kind; }

    // The Qt SQL driver name (QSQLITE, QPSQL). Tests may override it to exercise the
    // missing-driver path.
    QString driver() const;
    void setDriverOverride(const QString &driver) { m_driverOverride = driver; }

    QString path() const { return m_path; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString database() const { return m_database; }
    // Only when it was written into the URL; otherwise libpq reads PGPASSWORD.
    QString password() const { return m_password; }

    // How long SQLite waits for another writer before reporting the file as locked.
    int busyTimeoutMs() const { return m_busyTimeoutMs; }
    void setBusyTimeoutMs(int ms) { m_busyTimeoutMs = ms; }
    int connectTimeoutSeconds() const { return m_connectTimeoutSeconds; }
    void setConnectTimeoutSeconds(int seconds) { m_connectTimeoutSeconds = seconds; }

    // "SQLite /home/u/.local/share/oobm/oobm.db", "PostgreSQL oobm@db.example:5432/oobm".
    QString describe() const;
    // "host:port" for PostgreSQL, the path for SQLite; used in error sentences.
    QString where() const;
    // Round-trips through parse(); never contains a password.
    QString toUrl() const;

    bool operator==(const StoreLocation &other) const = default;

private:
    bool m_valid = false;
    Kind m_kind = Kind::SQLite;
    QString m_driverOverride;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_database;
    QString m_password;
    int m_busyTimeoutMs = 5000;
    int m_connectTimeoutSeconds = 5;
};

} // namespace Oobm::Core
