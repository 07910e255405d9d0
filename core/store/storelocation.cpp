// SPDX-License-Identifier: GPL-2.0-or-later
#include "storelocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    // lupdate files free tr() calls under the enclosing namespace: use the same context.
    return QCoreApplication::translate("Oobm::Core", text);
}
} // namespace

StoreLocation StoreLocation::defaultLocation()
{
    const QString dataHome = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return sqlite(dataHome + QStringLiteral("/oobm/oobm.db"));
}

StoreLocation StoreLocation::fromEnvironmentOrDefault(QString *error)
{
    const QString env = qEnvironmentVariable("OOBM_DATABASE");
    if (env.isEmpty())
        return defaultLocation();
    return parse(env, error);
}

StoreLocation StoreLocation::sqlite(const QString &path)
{
    StoreLocation l;
    l.m_valid = !path.isEmpty();
    l.m_kind = Kind::SQLite;
    l.m_path = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    return l;
}

StoreLocation StoreLocation::postgresql(const QString &host, int port, const QString &user, const QString &database)
{
    StoreLocation l;
    l.m_valid = !database.isEmpty();
    l.m_kind = Kind::PostgreSQL;
    l.m_host = host;
    l.m_port = port;
    l.m_user = user;
    l.m_database = database;
    return l;
}

StoreLocation StoreLocation::parse(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        if (error)
            *error = tr("The database location is empty. Give a file path or "
                        "postgresql://user@host:port/dbname.");
        return {};
    }
    if (t.startsWith(u"postgresql://", Qt::CaseInsensitive) || t.startsWith(u"postgres://", Qt::CaseInsensitive)) {
        const QUrl url(t, QUrl::StrictMode);
        if (!url.isValid()) {
            if (error)
                *error = tr("'%1' is not a valid PostgreSQL URL (%2). Write it as "
                            "postgresql://user@host:port/dbname.")
                                 .arg(t, url.errorString());
            return {};
        }
        QString database = url.path();
        if (database.startsWith(u'/'))
            database.remove(0, 1);
        if (database.isEmpty() || database.contains(u'/')) {
            if (error)
                *error = tr("'%1' names no database. Write it as "
                            "postgresql://user@host:port/dbname.")
                                 .arg(url.toDisplayString(QUrl::RemovePassword));
            return {};
        }
        const int port = url.port(5432);
        if (port < 1 || port > 65535) {
            if (error)
                *error = tr("The PostgreSQL port in '%1' must be from 1 to 65535.").arg(t);
            return {};
        }
        StoreLocation l = postgresql(url.host().isEmpty() ? QStringLiteral("localhost") : url.host(), port,
                                     url.userName(), database);
        l.m_password = url.password();
        return l;
    }
    QString path = t;
    if (path.startsWith(u"sqlite:", Qt::CaseInsensitive))
        path = path.mid(7);
    else if (path.startsWith(u"file:", Qt::CaseInsensitive))
        path = QUrl(path).toLocalFile().isEmpty() ? path.mid(5) : QUrl(path).toLocalFile();
    if (path.startsWith(u"//"))
        path = path.mid(2);
    if (path.startsWith(u"~/"))
        path = QDir::homePath() + path.mid(1);
    if (path.isEmpty()) {
        if (error)
            *error = tr("'%1' names no database file.").arg(t);
        return {};
    }
    if (QFileInfo(path).isDir()) {
        if (error)
            *error = tr("%1 is a folder, not a database file. Give a file name such as %1/oobm.db.")
                             .arg(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
        return {};
    }
    return sqlite(path);
}

QString StoreLocation::driver() const
{
    if (!m_driverOverride.isEmpty())
        return m_driverOverride;
    return m_kind == Kind::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString StoreLocation::describe() const
{
    if (!m_valid)
        return tr("no database");
    if (m_kind == Kind::SQLite)
        return tr("SQLite %1").arg(QDir::toNativeSeparators(m_path));
    const QString who = m_user.isEmpty() ? QString() : m_user + u'@';
    return tr("PostgreSQL %1%2:%3/%4").arg(who, m_host).arg(m_port).arg(m_database);
}

QString StoreLocation::where() const
{
    if (m_kind == Kind::SQLite)
        return m_path;
    return m_host + u':' + QString::number(m_port);
}

QString StoreLocation::toUrl() const
{
    if (m_kind == Kind::SQLite)
        return m_path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setUserName(m_user);
    url.setPath(u'/' + m_database);
    return url.toString();
}

} // namespace Oobm::Core
