// SPDX-License-Identifier: GPL-2.0-or-later
#include "icons.h"

#include <QHash>

namespace Oobm::Gui {

namespace {
// Our icon name -> freedesktop icon naming spec name.
QString themeName(const QString &name)
{
    static const QHash<QString, QString> names{
            {QStringLiteral("folder"), QStringLiteral("folder")},
            {QStringLiteral("general"), QStringLiteral("preferences-system")},
            {QStringLiteral("log"), QStringLiteral("text-x-generic")},
            {QStringLiteral("error"), QStringLiteral("dialog-error")},
            {QStringLiteral("warning"), QStringLiteral("dialog-warning")},
            {QStringLiteral("information"), QStringLiteral("dialog-information")},
            {QStringLiteral("users"), QStringLiteral("system-users")},
            {QStringLiteral("reports"), QStringLiteral("x-office-spreadsheet")},
    };
    return names.value(name);
}
} // namespace

QIcon bundledIcon(const QString &name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

QIcon themedIcon(const QString &name)
{
    const QString theme = themeName(name);
    if (theme.isEmpty() || !QIcon::hasThemeIcon(theme))
        return bundledIcon(name);
    return QIcon::fromTheme(theme, bundledIcon(name));
}

} // namespace Oobm::Gui
