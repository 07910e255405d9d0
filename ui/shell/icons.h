// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace Oobm::Gui {

// A bundled icon (resources/icons/<name>.svg); the desktop theme's icon of the same purpose
// wins when the theme has one.
QIcon themedIcon(const QString &name);
// Only the bundled icon, for places where a consistent look matters more (severity columns).
QIcon bundledIcon(const QString &name);

} // namespace Oobm::Gui
