// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/settings/servicesettings.h"

#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

class PageHeader;

// The General Service Settings form. Edits a copy of the stored settings; Apply hands the whole
// value to the store in one call, off the GUI thread. Invalid input is shown next to its field.
class GeneralSettingsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralSettingsWidget)

public:
    explicit GeneralSettingsWidget(Core::Store *store, QWidget *parent = nullptr);
    ~GeneralSettingsWidget() override;

    bool isModified() const;
    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_busy; }
    bool apply();
    void revert();
    // The form's values; the port field's problem, if any, in *portProblem.
    Core::ServiceSettings edited(QString *portProblem = nullptr) const;

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void applied(bool ok);
    void loaded();

private:
    void load();
    void showSettings(const Core::ServiceSettings &settings);
    void onEdited();
    void updateWritable();
    void setBusy(bool busy);
    void showStatus(const QString &text, bool error);

    Core::Store *m_store;
    Core::ServiceSettings m_stored;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_wasModified = false;

    QLabel *m_readOnlyBanner;
    QLineEdit *m_port;
    QLabel *m_portError;
    QCheckBox *m_requireAuthorization;
    QCheckBox *m_allowRemoteConfiguration;
    QCheckBox *m_otpRequired;
    QButtonGroup *m_commonName;
    QComboBox *m_logLevel;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QLabel *m_status;
};

} // namespace Oobm::Gui
