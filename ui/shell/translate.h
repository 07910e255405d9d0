// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Oobm::Gui {

// tr() for code outside a QObject class in Oobm::Gui (the page factories, the navigation tree).
// lupdate files a free tr() call under the enclosing namespace, so this translates in that
// context; inside a QObject class, the class's own tr() is found first.
QString tr(const char *sourceText, const char *disambiguation = nullptr, int n = -1);

} // namespace Oobm::Gui
