// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/retention.h"
#include "core/settings/servicesettings.h"
#include "ui/widgets/settingsfields.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

class SettingsForm;

// The Maintenance form. Retention and trace logging are service settings (shared by every
// console and engine on the store), edited in a SettingsForm. Purge, size, vacuum and analyze run
// on the store thread; the form only shows their progress and result.
class MaintenanceWidget final : public QWidget, private SettingsFields
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenanceWidget)

public:
    explicit MaintenanceWidget(Core::Store *store, QWidget *parent = nullptr);
    ~MaintenanceWidget() override;

    SettingsForm *form() const { return m_form; }
    void purgeNow();
    void vacuum();
    void refreshStats();

Q_SIGNALS:
    void purged(const Oobm::Core::PurgeReport &report);
    void statsShown(const Oobm::Core::StoreStats &stats);

private:
    QList<Field> settingsFields() const override;
    void showSettings(const Core::ServiceSettings &settings, const QStringList &keys) override;
    QList<Core::SettingProblem> readSettings(Core::ServiceSettings &settings) const override;
    void showStats(const Core::StoreStats &stats);
    void setBusy(bool busy);
    void showStatus(const QString &text, bool error);

    Core::Store *m_store;
    bool m_busy = false; // purging or vacuuming
    QSpinBox *m_logDays;
    QSpinBox *m_logEntries; // thousands
    QSpinBox *m_actionsDays;
    QSpinBox *m_actionsEntries; // thousands
    QSpinBox *m_auditDays;
    QCheckBox *m_trace;
    QLabel *m_retentionProblem;
    SettingsForm *m_form = nullptr;
    QPushButton *m_purge;
    QPushButton *m_vacuum;
    QPushButton *m_refresh;
    QLabel *m_stats;
    QLabel *m_status;
};

} // namespace Oobm::Gui
