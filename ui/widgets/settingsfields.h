// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/settings/servicesettings.h"

#include <QList>
#include <QString>
#include <QStringList>

class QLabel;
class QWidget;

namespace Oobm::Gui {

// What a service-settings page gives its SettingsForm: the keys of Core::ServiceSettings it edits,
// the inputs of each and where a problem with each is shown, and how to show and read the values.
// The form does everything else (loading, following changes, Apply, Revert, busy and read-only).
class SettingsFields
{
public:
    struct Field
    {
        QString key;             // a Core::ServiceSettings key the page owns; Apply writes only these
        QList<QWidget *> inputs; // disabled while loading, applying or read-only
        QLabel *error = nullptr; // where the key's problem is shown; several keys may share one
    };

    SettingsFields() = default;
    virtual ~SettingsFields();
    Q_DISABLE_COPY_MOVE(SettingsFields)

    virtual QList<Field> settingsFields() const = 0;
    // Shows the values of keys (some of the page's) from settings in their inputs.
    virtual void showSettings(const Core::ServiceSettings &settings, const QStringList &keys) = 0;
    // Writes what the inputs hold into settings. An input whose text does not parse leaves its key
    // as it was and is reported.
    virtual QList<Core::SettingProblem> readSettings(Core::ServiceSettings &settings) const = 0;

protected:
    // Sets key from text, adding what is wrong with it to problems.
    static void readText(Core::ServiceSettings &settings, const QString &key, const QString &text,
                         QList<Core::SettingProblem> *problems);
};

} // namespace Oobm::Gui
