// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/retention.h"
#include "core/settings/servicesettings.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// The Maintenance form. Retention and trace logging are service settings (shared by every
// console and engine on the store): edited on a copy, applied in one call. Purge, size, vacuum
// and analyze run on the store thread; the form only shows their progress and result.
class MaintenanceWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenanceWidget)

public:
    explicit MaintenanceWidget(Core::Store *store, QWidget *parent = nullptr);
    ~MaintenanceWidget() override;

    bool isModified() const;
    bool isLoaded() const { return m_loaded; }
    bool apply();
    void revert();
    Core::ServiceSettings edited() const;
    void purgeNow();
    void vacuum();
    void refreshStats();

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void applied(bool ok);
    void purged(const Oobm::Core::PurgeReport &report);
    void statsShown(const Oobm::Core::StoreStats &stats);
    void loaded();

private:
    void load();
    void showSettings(const Core::ServiceSettings &settings);
    void onEdited();
    void showStats(const Core::StoreStats &stats);
    void setBusy(bool busy);
    void showStatus(const QString &text, bool error);

    Core::Store *m_store;
    Core::ServiceSettings m_stored;
    bool m_loaded = false;
    bool m_wasModified = false;
    QSpinBox *m_logDays;
    QSpinBox *m_logEntries; // thousands
    QSpinBox *m_actionsDays;
    QSpinBox *m_actionsEntries; // thousands
    QSpinBox *m_auditDays;
    QCheckBox *m_trace;
    QLabel *m_retentionProblem;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QPushButton *m_purge;
    QPushButton *m_vacuum;
    QPushButton *m_refresh;
    QLabel *m_stats;
    QLabel *m_status;
};

} // namespace Oobm::Gui
