// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/maintenancejob.h"
#include "core/keys/provisioningcertificate.h"
#include "core/keys/tlscertificate.h"
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

// The Maintenance form. Retention, trace logging and the device maintenance jobs (clock
// synchronisation, admin password rotation, the certificate expiry warning, key housekeeping)
// are service settings (shared by every console and engine on the store), edited in a
// SettingsForm; the engines run the jobs. Purge, size, vacuum and analyze run on the store
// thread; the form only shows their progress and result, the certificates that expire soon and
// what each job did last.
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
    // The certificates that expire within the warning days, and what the jobs did last.
    void refreshDeviceJobs();

Q_SIGNALS:
    void purged(const Oobm::Core::PurgeReport &report);
    void statsShown(const Oobm::Core::StoreStats &stats);
    void deviceJobsShown();

private:
    void startVacuum();
    QList<Field> settingsFields() const override;
    void showSettings(const Core::ServiceSettings &settings, const QStringList &keys) override;
    QList<Core::SettingProblem> readSettings(Core::ServiceSettings &settings) const override;
    void showStats(const Core::StoreStats &stats);
    void showDeviceJobs(const QList<Core::ProvisioningCertificate> &provisioning,
                        const QList<Core::TlsCertificate> &tls, const QList<Core::MaintenanceJobState> &jobs);
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
    // Device maintenance: the engines' recurring jobs.
    QSpinBox *m_clockSyncHours;
    QSpinBox *m_passwordRotationDays;
    QSpinBox *m_certificateWarningDays;
    QSpinBox *m_retireAvailableDays;
    QSpinBox *m_retireExportedDays;
    QLabel *m_certificateWarnings;
    QLabel *m_jobs;
    int m_warningDays = 30; // as stored: what the certificate list is for
    SettingsForm *m_form = nullptr;
    QPushButton *m_purge;
    QPushButton *m_vacuum;
    QPushButton *m_refresh;
    QLabel *m_stats;
    QLabel *m_status;
};

} // namespace Oobm::Gui
