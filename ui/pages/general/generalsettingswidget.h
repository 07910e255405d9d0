// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/widgets/settingsfields.h"

#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

class SettingsForm;

// The General Service Settings form (figure 2 of the reference): its fields; loading, Apply,
// Revert and the rest are the SettingsForm's.
class GeneralSettingsWidget final : public QWidget, private SettingsFields
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralSettingsWidget)

public:
    explicit GeneralSettingsWidget(Core::Store *store, QWidget *parent = nullptr);
    ~GeneralSettingsWidget() override;

    SettingsForm *form() const { return m_form; }

private:
    QList<Field> settingsFields() const override;
    void showSettings(const Core::ServiceSettings &settings, const QStringList &keys) override;
    QList<Core::SettingProblem> readSettings(Core::ServiceSettings &settings) const override;

    QLineEdit *m_port;
    QLabel *m_portError;
    QCheckBox *m_requireAuthorization;
    QCheckBox *m_allowRemoteConfiguration;
    QCheckBox *m_otpRequired;
    QButtonGroup *m_commonName;
    QComboBox *m_logLevel;
    SettingsForm *m_form = nullptr;
};

} // namespace Oobm::Gui
