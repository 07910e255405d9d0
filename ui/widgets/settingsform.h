// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/settings/servicesettings.h"
#include "ui/widgets/settingsfields.h"

#include <QObject>
#include <QStringList>

class QLabel;
class QPushButton;
class QWidget;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// The part every service-settings page (General, DNS Configuration, Service Location, Maintenance)
// shares, around the page's own SettingsFields:
// - loads the stored settings off the GUI thread, with the inputs disabled until they are there;
// - follows changes to the stored settings (Store::serviceSettingsChanged): without unsaved edits
//   it shows the new values; with them, it keeps the edits, shows the new values in the inputs the
//   user did not touch, and says in a banner that the stored values changed elsewhere;
// - shows each problem (a value that does not parse, or ServiceSettings::validate()) next to its
//   input, and refuses Apply while there is one;
// - Apply writes only the keys edited on this page, over what the store holds at that moment, so
//   another page's (or process's) keys are never written back with stale values; inputs and
//   buttons are disabled while it runs, and a failure is shown with the edits kept;
// - Revert shows the stored values again;
// - on a read-only store the inputs are disabled and a banner says why.
// The page places banner() (under its header) and buttons() (status, Apply, Revert) in its layout.
class SettingsForm final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsForm)

public:
    // Create it once fields' inputs exist. parent: the page's widget, which owns the banner and the
    // buttons as well.
    SettingsForm(Core::Store *store, SettingsFields *fields, QWidget *parent);
    ~SettingsForm() override;

    QWidget *banner() const { return m_banner; }
    QWidget *buttons() const { return m_buttons; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }
    // Every input of the page's fields.
    QList<QWidget *> inputs() const;

    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_loading || m_applying; }
    bool isModified() const;
    // The stored settings changed elsewhere while the user had unsaved edits.
    bool isChangedElsewhere() const { return m_changedElsewhere; }
    // The settings as stored (as last read, applied or reported by the store).
    Core::ServiceSettings stored() const { return m_stored; }
    // The stored settings with the inputs' values; their problems in *problems.
    Core::ServiceSettings edited(QList<Core::SettingProblem> *problems = nullptr) const;

    // Starts applying the edits. Returns false (and shows why, inline) when there is a problem or
    // the store cannot be written.
    bool apply();
    void revert();
    // The page calls it whenever the user changes an input.
    void fieldsEdited();

Q_SIGNALS:
    void loaded();
    void modifiedChanged(bool modified);
    void applied(bool ok);

private:
    void load();
    void onStoredChanged(const Core::ServiceSettings &settings);
    void showFields(const Core::ServiceSettings &settings, const QStringList &keys);
    // The keys whose input differs from the stored value, or does not parse.
    QStringList changedKeys() const;
    void updateState();
    void showStatus(const QString &text, bool error);
    void focusInput(const QString &key);

    Core::Store *m_store;
    SettingsFields *m_fields;
    QList<SettingsFields::Field> m_fieldList;
    QStringList m_keys;
    Core::ServiceSettings m_stored;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_applying = false;
    bool m_showing = false; // showFields() is setting the inputs: not an edit
    bool m_changedElsewhere = false;
    bool m_wasModified = false;

    QWidget *m_banner;
    QLabel *m_readOnlyBanner;
    QLabel *m_changedBanner;
    QWidget *m_buttons;
    QLabel *m_status;
    QPushButton *m_apply;
    QPushButton *m_revert;
};

} // namespace Oobm::Gui
