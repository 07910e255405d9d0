// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/amtsystem.h"
#include "core/provisioning/hellorecord.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// One Intel AMT system: its record, and every hello and action on one timeline, oldest first.
class SystemDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemDetailsDialog)

public:
    SystemDetailsDialog(Core::Store *store, const Core::AmtSystem &system, QWidget *parent = nullptr);
    ~SystemDetailsDialog() override;

    QTreeWidget *timeline() const { return m_timeline; }

private:
    void load();

    Core::Store *m_store;
    Core::AmtSystem m_system;
    QTreeWidget *m_timeline;
    QLabel *m_status;
    QList<Core::HelloRecord> m_hellos;
};

} // namespace Oobm::Gui
