// SPDX-License-Identifier: GPL-2.0-or-later
#include "translate.h"

#include <QCoreApplication>

namespace Oobm::Gui {

QString tr(const char *sourceText, const char *disambiguation, int n)
{
    return QCoreApplication::translate("Oobm::Gui", sourceText, disambiguation, n);
}

} // namespace Oobm::Gui
