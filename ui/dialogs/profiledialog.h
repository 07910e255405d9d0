// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/provisionprofile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

class AclUsersEdit;

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
    void loadChoices();

    Core::Store *m_store;
    qint64 m_id;
    QLineEdit *m_name;
    QCheckBox *m_default;
    QLineEdit *m_adminUser;
    QCheckBox *m_randomPassword;
    QLineEdit *m_adminPassword;
    QLineEdit *m_confirm;
    QLineEdit *m_domain;
    QLineEdit *m_hostPattern;
    QCheckBox *m_webUi;
    QCheckBox *m_sol;
    QCheckBox *m_ider;
    QCheckBox *m_tls;
    QComboBox *m_tlsCertificate; // data: the certificate id, 0 for none
    QComboBox *m_auxiliary;      // data: the auxiliary profile id, 0 for none
    AclUsersEdit *m_users;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Oobm::Gui
