// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/amtsystem.h"
#include "core/provisioning/hellorecord.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// One Intel AMT system: its record, and every hello and action on one timeline, oldest first. The
// admin password OOBM gave a provisioned system is shown on request (the store writes the
// Security Audit entry).
class SystemDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemDetailsDialog)

public:
    SystemDetailsDialog(Core::Store *store, const Core::AmtSystem &system, QWidget *parent = nullptr);
    ~SystemDetailsDialog() override;

    QTreeWidget *timeline() const { return m_timeline; }
    // Asks the store for the system's admin password (audited) and shows it.
    void revealAdminPassword();

Q_SIGNALS:
    void adminPasswordShown(bool ok);

private:
    void load();

    Core::Store *m_store;
    Core::AmtSystem m_system;
    QTreeWidget *m_timeline;
    QLabel *m_status;
    QLabel *m_adminPassword;
    QPushButton *m_reveal;
    QList<Core::HelloRecord> m_hellos;
};

} // namespace Oobm::Gui
