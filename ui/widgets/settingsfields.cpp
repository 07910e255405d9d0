// SPDX-License-Identifier: GPL-2.0-or-later
#include "settingsfields.h"

namespace Oobm::Gui {

SettingsFields::~SettingsFields() = default;

void SettingsFields::readText(Core::ServiceSettings &settings, const QString &key, const QString &text,
                              QList<Core::SettingProblem> *problems)
{
    if (const QString problem = settings.setValue(key, text); !problem.isEmpty())
        problems->append({key, problem});
}

} // namespace Oobm::Gui
