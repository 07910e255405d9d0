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

} // namespace Oobm::Core
