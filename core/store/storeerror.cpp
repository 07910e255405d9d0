// SPDX-License-Identifier: GPL-2.0-or-later
#include "storeerror.h"

namespace Oobm::Core {

QString StoreError::debianPackageForDriver(const QString &driver)
{
    if (driver == u"QSQLITE")
        return QStringLiteral("libqt6sql6-sqlite");
    if (driver == u"QPSQL")
        return QStringLiteral("libqt6sql6-psql");
    if (driver == u"QMYSQL")
        return QStringLiteral("libqt6sql6-mysql");
    if (driver == u"QODBC")
        return QStringLiteral("libqt6sql6-odbc");
    if (driver == u"QIBASE")
        return QStringLiteral("libqt6sql6-ibase");
    return QStringLiteral("libqt6sql6-") + driver.mid(1).toLower();
}

QString StoreError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::DriverMissing: return QStringLiteral("driver-missing");
    case Kind::FileNotCreatable: return QStringLiteral("file-not-creatable");
    case Kind::FileUnreadable: return QStringLiteral("file-unreadable");
    case Kind::FileReadOnly: return QStringLiteral("file-read-only");
    case Kind::FileLocked: return QStringLiteral("file-locked");
    case Kind::NotADatabase: return QStringLiteral("not-a-database");
    case Kind::ServerUnreachable: return QStringLiteral("server-unreachable");
    case Kind::AuthenticationFailed: return QStringLiteral("authentication-failed");
    case Kind::DatabaseMissing: return QStringLiteral("database-missing");
    case Kind::SchemaTooNew: return QStringLiteral("schema-too-new");
    case Kind::SchemaInvalid: return QStringLiteral("schema-invalid");
    case Kind::Query: return QStringLiteral("query");
    case Kind::NotOpen: return QStringLiteral("not-open");
    }
    return {};
}

} // namespace Oobm::Core
