// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/engine/enginetypes.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Create or edit a provision profile. Passwords are never read back from the store: editing a
// profile asks for its passwords again. Saving runs off the GUI thread; the store's answer
// (a rule the input breaks, a duplicate name) is shown inline.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    ProfileDialog(Core::Store *store, const Core::ProvisionProfile &profile, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    Core::ProvisionProfile profile() const;
    void accept() override;

private:
    void validate();

    Core::Store *m_store;
    qint64 m_id;
    QLineEdit *m_name;
    QCheckBox *m_default;
    QLineEdit *m_adminUser;
    QLineEdit *m_adminPassword;
    QLineEdit *m_confirm;
    QLineEdit *m_domain;
    QLineEdit *m_hostPattern;
    QCheckBox *m_webUi;
    QCheckBox *m_sol;
    QCheckBox *m_ider;
    QTableWidget *m_users;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Oobm::Gui
