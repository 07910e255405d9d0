// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/plurals.h"

#include <QCoreApplication>
#include <QTranslator>

namespace Oobm::Core {

bool installEnglishPlurals()
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return false;
    auto *translator = new QTranslator(app);
    if (!translator->load(QStringLiteral(":/i18n/oobm_en.qm")) || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace Oobm::Core
