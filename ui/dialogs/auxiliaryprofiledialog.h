// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/auxiliaryprofile.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

class AclUsersEdit;

// Create or edit an auxiliary profile: a name, Intel AMT users and a TLS certificate that
// provision profiles reference. As with provision profiles, passwords are never read back:
// editing asks for them again. Saving runs off the GUI thread; refusals are shown inline.
class AuxiliaryProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuxiliaryProfileDialog)

public:
    AuxiliaryProfileDialog(Core::Store *store, const Core::AuxiliaryProfile &profile, QWidget *parent = nullptr);
    ~AuxiliaryProfileDialog() override;

    Core::AuxiliaryProfile profile() const;
    void accept() override;

private:
    void validate();

    Core::Store *m_store;
    qint64 m_id;
    QLineEdit *m_name;
    QComboBox *m_tlsCertificate; // data: the certificate id, 0 for none
    AclUsersEdit *m_users;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Oobm::Gui
