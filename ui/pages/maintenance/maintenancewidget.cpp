// SPDX-License-Identifier: GPL-2.0-or-later
#include "maintenancewidget.h"

#include "core/async.h"
#include "core/fleet/certificateexpiry.h"
#include "core/store/store.h"
#include "core/store/storelocation.h"
#include "ui/shell/icons.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/settingsform.h"

#include <QCheckBox>
#include <QColor>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::ServiceSettings;

namespace {

QSpinBox *daysBox(QWidget *parent, const QString &name)
{
    auto *b = new QSpinBox(parent);
    b->setObjectName(name);
    b->setRange(0, ServiceSettings::MaxRetentionDays);
    b->setSuffix(MaintenanceWidget::tr(" days"));
    b->setSpecialValueText(MaintenanceWidget::tr("Keep all"));
    return b;
}

// In thousands of entries, so the spin box stays in int range.
QSpinBox *entriesBox(QWidget *parent, const QString &name)
{
    auto *b = new QSpinBox(parent);
    b->setObjectName(name);
    b->setRange(0, int(ServiceSettings::MaxRetentionEntries / 1000));
    b->setSingleStep(100);
    b->setSuffix(MaintenanceWidget::tr(" thousand entries"));
    b->setSpecialValueText(MaintenanceWidget::tr("No limit"));
    return b;
}

// A device job's number: 0 is "Off".
QSpinBox *jobBox(QWidget *parent, const QString &name, int max, const QString &suffix)
{
    auto *b = new QSpinBox(parent);
    b->setObjectName(name);
    b->setRange(0, max);
    b->setSuffix(suffix);
    b->setSpecialValueText(MaintenanceWidget::tr("Off"));
    return b;
}

} // namespace

MaintenanceWidget::MaintenanceWidget(Core::Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_logDays(daysBox(this, QStringLiteral("logDays")))
    , m_logEntries(entriesBox(this, QStringLiteral("logEntries")))
    , m_actionsDays(daysBox(this, QStringLiteral("actionsDays")))
    , m_actionsEntries(entriesBox(this, QStringLiteral("actionsEntries")))
    , m_auditDays(daysBox(this, QStringLiteral("auditDays")))
    , m_trace(new QCheckBox(tr("Record engine and SOAP traffic summaries (OOB Trace Logging)"), this))
    , m_retentionProblem(new QLabel(this))
    , m_clockSyncHours(jobBox(this, QStringLiteral("clockSyncHours"), ServiceSettings::MaxClockSyncHours, tr(" hours")))
    , m_passwordRotationDays(jobBox(this, QStringLiteral("passwordRotationDays"),
                                    ServiceSettings::MaxPasswordRotationDays, tr(" days")))
    , m_certificateWarningDays(jobBox(this, QStringLiteral("certificateWarningDays"),
                                      ServiceSettings::MaxCertificateWarningDays, tr(" days")))
    , m_retireAvailableDays(
              jobBox(this, QStringLiteral("retireAvailableDays"), ServiceSettings::MaxKeyRetirementDays, tr(" days")))
    , m_retireExportedDays(
              jobBox(this, QStringLiteral("retireExportedDays"), ServiceSettings::MaxKeyRetirementDays, tr(" days")))
    , m_certificateWarnings(new QLabel(this))
    , m_jobs(new QLabel(this))
    , m_purge(new QPushButton(tr("&Purge Now"), this))
    , m_vacuum(new QPushButton(tr("&Vacuum and Analyze"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_stats(new QLabel(this))
    , m_status(new QLabel(this))
{
    m_trace->setObjectName(QStringLiteral("traceLogging"));
    m_trace->setToolTip(tr("Each SOAP call and engine step is logged as a Debug entry from "
                           "\"trace\": operation, peer, status and duration, never a password."));
    m_purge->setObjectName(QStringLiteral("purgeNow"));
    m_vacuum->setObjectName(QStringLiteral("vacuum"));
    m_stats->setObjectName(QStringLiteral("storeStats"));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_retentionProblem->setObjectName(QStringLiteral("retentionProblem"));
    m_form = new SettingsForm(m_store, this, this);

    auto *retention = new QGroupBox(tr("Retention"), this);
    auto *form = new QFormLayout(retention);
    form->addRow(tr("Log: keep"), m_logDays);
    form->addRow(tr("Log: at most"), m_logEntries);
    form->addRow(tr("Actions Status: keep"), m_actionsDays);
    form->addRow(tr("Actions Status: at most"), m_actionsEntries);
    form->addRow(tr("Security Audit: keep"), m_auditDays);
    form->addRow(new QLabel(tr("The Security Audit log has its own rule, at least %1 days: the "
                               "Log and Actions Status limits never remove its entries.")
                                    .arg(ServiceSettings::MinAuditRetentionDays),
                            retention));
    form->addRow(m_retentionProblem);
    form->addRow(m_trace);

    m_certificateWarnings->setObjectName(QStringLiteral("certificateWarnings"));
    m_certificateWarnings->setWordWrap(true);
    m_jobs->setObjectName(QStringLiteral("maintenanceJobs"));
    m_jobs->setWordWrap(true);
    auto *devices = new QGroupBox(tr("Device Maintenance"), this);
    auto *jobs = new QFormLayout(devices);
    jobs->addRow(tr("Synchronise device clocks every"), m_clockSyncHours);
    jobs->addRow(tr("New random admin password after"), m_passwordRotationDays);
    jobs->addRow(tr("Warn of certificates expiring within"), m_certificateWarningDays);
    jobs->addRow(tr("Retire Available keys older than"), m_retireAvailableDays);
    jobs->addRow(tr("Retire Exported keys unused after"), m_retireExportedDays);
    jobs->addRow(new QLabel(tr("The engines run these jobs: one engine does each when it is due. Clock "
                               "synchronisation and password rotation are task runs over the provisioned "
                               "systems; retired keys are recorded in the Security Audit."),
                            devices));
    jobs->addRow(m_certificateWarnings);
    jobs->addRow(m_jobs);
    jobs->addRow(m_form->buttons());

    auto *database = new QGroupBox(tr("Database"), this);
    auto *db = new QVBoxLayout(database);
    db->addWidget(m_stats);
    auto *dbButtons = new QHBoxLayout;
    dbButtons->addWidget(m_purge);
    dbButtons->addWidget(m_vacuum);
    dbButtons->addWidget(m_refresh);
    dbButtons->addStretch(1);
    db->addLayout(dbButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
            new PageHeader(themedIcon(QStringLiteral("maintenance")), tr("Maintenance"),
                           tr("Keep the database bounded: how long each log keeps its entries. The engine and "
                              "the console purge on this schedule every few hours; Purge Now does it at once."),
                           this));
    layout->addWidget(m_form->banner());
    layout->addWidget(retention);
    layout->addWidget(devices);
    layout->addWidget(database);
    layout->addWidget(m_status);
    layout->addStretch(1);

    for (QSpinBox *b : {m_logDays, m_logEntries, m_actionsDays, m_actionsEntries, m_auditDays, m_clockSyncHours,
                        m_passwordRotationDays, m_certificateWarningDays, m_retireAvailableDays, m_retireExportedDays})
        connect(b, &QSpinBox::valueChanged, m_form, &SettingsForm::fieldsEdited);
    connect(m_trace, &QCheckBox::toggled, m_form, &SettingsForm::fieldsEdited);
    connect(m_purge, &QPushButton::clicked, this, &MaintenanceWidget::purgeNow);
    connect(m_vacuum, &QPushButton::clicked, this, &MaintenanceWidget::vacuum);
    connect(m_refresh, &QPushButton::clicked, this, &MaintenanceWidget::refreshStats);
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        setBusy(m_busy);
        if (m_store->isReadable()) {
            refreshStats();
            refreshDeviceJobs();
        }
    });
    connect(m_store, &Core::Store::serviceSettingsChanged, this, [this](const ServiceSettings &s) {
        if (s.certificateWarningDays != m_warningDays) {
            m_warningDays = s.certificateWarningDays;
            refreshDeviceJobs();
        }
    });
    connect(m_store, &Core::Store::keysChanged, this, &MaintenanceWidget::refreshDeviceJobs);
    setBusy(false);
    if (m_store->isReadable()) {
        refreshStats();
        refreshDeviceJobs();
    }
}

MaintenanceWidget::~MaintenanceWidget() = default;

QList<SettingsFields::Field> MaintenanceWidget::settingsFields() const
{
    return {
            {ServiceSettings::LogRetentionDaysKey, {m_logDays}, m_retentionProblem},
            {ServiceSettings::LogRetentionEntriesKey, {m_logEntries}, m_retentionProblem},
            {ServiceSettings::ActionsRetentionDaysKey, {m_actionsDays}, m_retentionProblem},
            {ServiceSettings::ActionsRetentionEntriesKey, {m_actionsEntries}, m_retentionProblem},
            {ServiceSettings::AuditRetentionDaysKey, {m_auditDays}, m_retentionProblem},
            {ServiceSettings::TraceLoggingKey, {m_trace}},
            {ServiceSettings::ClockSyncHoursKey, {m_clockSyncHours}},
            {ServiceSettings::PasswordRotationDaysKey, {m_passwordRotationDays}},
            {ServiceSettings::CertificateWarningDaysKey, {m_certificateWarningDays}},
            {ServiceSettings::RetireAvailableDaysKey, {m_retireAvailableDays}},
            {ServiceSettings::RetireExportedDaysKey, {m_retireExportedDays}},
    };
}

void MaintenanceWidget::showSettings(const ServiceSettings &s, const QStringList &keys)
{
    if (keys.contains(ServiceSettings::LogRetentionDaysKey))
        m_logDays->setValue(s.logRetentionDays);
    if (keys.contains(ServiceSettings::LogRetentionEntriesKey))
        m_logEntries->setValue(int(s.logRetentionEntries / 1000));
    if (keys.contains(ServiceSettings::ActionsRetentionDaysKey))
        m_actionsDays->setValue(s.actionsRetentionDays);
    if (keys.contains(ServiceSettings::ActionsRetentionEntriesKey))
        m_actionsEntries->setValue(int(s.actionsRetentionEntries / 1000));
    if (keys.contains(ServiceSettings::AuditRetentionDaysKey))
        m_auditDays->setValue(s.auditRetentionDays);
    if (keys.contains(ServiceSettings::TraceLoggingKey))
        m_trace->setChecked(s.traceLogging);
    if (keys.contains(ServiceSettings::ClockSyncHoursKey))
        m_clockSyncHours->setValue(s.clockSyncHours);
    if (keys.contains(ServiceSettings::PasswordRotationDaysKey))
        m_passwordRotationDays->setValue(s.passwordRotationDays);
    if (keys.contains(ServiceSettings::CertificateWarningDaysKey))
        m_certificateWarningDays->setValue(s.certificateWarningDays);
    if (keys.contains(ServiceSettings::RetireAvailableDaysKey))
        m_retireAvailableDays->setValue(s.retireAvailableDays);
    if (keys.contains(ServiceSettings::RetireExportedDaysKey))
        m_retireExportedDays->setValue(s.retireExportedDays);
}

QList<Core::SettingProblem> MaintenanceWidget::readSettings(ServiceSettings &s) const
{
    s.logRetentionDays = m_logDays->value();
    s.actionsRetentionDays = m_actionsDays->value();
    s.auditRetentionDays = m_auditDays->value();
    s.traceLogging = m_trace->isChecked();
    s.clockSyncHours = m_clockSyncHours->value();
    s.passwordRotationDays = m_passwordRotationDays->value();
    s.certificateWarningDays = m_certificateWarningDays->value();
    s.retireAvailableDays = m_retireAvailableDays->value();
    s.retireExportedDays = m_retireExportedDays->value();
    // The boxes count thousands: a stored limit that is not a round thousand (set with oobmctl)
    // stays as it is until its box is changed.
    for (const auto &[box, entries] :
         {std::pair{m_logEntries, &s.logRetentionEntries}, std::pair{m_actionsEntries, &s.actionsRetentionEntries}}) {
        if (box->value() != int(*entries / 1000))
            *entries = qint64(box->value()) * 1000;
    }
    return {};
}

void MaintenanceWidget::purgeNow()
{
    setBusy(true);
    showStatus(tr("Purging…"), false);
    // The rules as stored now (another console or oobmctl may have changed them), not unapplied
    // edits: what the scheduled purge would do. Without them, nothing is purged.
    Core::whenReady(m_store->serviceSettings(), this, [this](const Core::StoreResult<ServiceSettings> &settings) {
        if (!settings.ok()) {
            setBusy(false);
            showStatus(tr("Nothing was purged: the retention rules cannot be read: %1").arg(settings.error.message),
                       true);
            return;
        }
        Core::whenReady(m_store->purge(settings.value.retentionPolicy()), this,
                        [this](const Core::StoreResult<Core::PurgeReport> &r) {
            setBusy(false);
            if (!r.ok()) {
                showStatus(r.error.message, true);
                return;
            }
            showStatus(tr("Purged %1 log entries, %2 Actions Status steps and %3 "
                          "Security Audit entries.")
                               .arg(r.value.log)
                               .arg(r.value.actions)
                               .arg(r.value.audit),
                       false);
            Q_EMIT purged(r.value);
            refreshStats();
        });
    });
}

void MaintenanceWidget::vacuum()
{
    if (m_store->location().kind() != Core::StoreLocation::Kind::SQLite) {
        startVacuum();
        return;
    }
    Confirmation c;
    c.objectName = QStringLiteral("confirmVacuum");
    c.title = tr("Vacuum the Database");
    c.text = tr("VACUUM rewrites the whole database file and locks it while it runs, about a second per 100 MB. "
                "This console's engine waits for it; an oobm-engine in another process that writes to this file "
                "gives up after 5 seconds and loses those hellos and log entries. Vacuum now?");
    c.action = tr("Vacuum");
    askToConfirm(this, c, [this] { startVacuum(); });
}

void MaintenanceWidget::startVacuum()
{
    setBusy(true);
    showStatus(tr("Compacting and analyzing the database; this console's writes wait meanwhile."), false);
    Core::whenReady(m_store->vacuum(), this, [this](const Core::StoreResult<Core::StoreStats> &r) {
        setBusy(false);
        if (!r.ok()) {
            showStatus(r.error.message, true);
            return;
        }
        showStatus(tr("The database was compacted and analyzed."), false);
        showStats(r.value);
    });
}

void MaintenanceWidget::refreshStats()
{
    Core::whenReady(m_store->storeStats(), this, [this](const Core::StoreResult<Core::StoreStats> &r) {
        if (r.ok())
            showStats(r.value);
        else
            m_stats->setText(r.error.message);
    });
}

void MaintenanceWidget::refreshDeviceJobs()
{
    // The stored warning days (not an unapplied edit), as the engines' check uses them.
    Core::whenReady(m_store->serviceSettings(), this, [this](const Core::StoreResult<ServiceSettings> &settings) {
        if (settings.ok())
            m_warningDays = settings.value.certificateWarningDays;
        Core::whenReady(m_store->listCertificates(), this,
                        [this](const Core::StoreResult<QList<Core::ProvisioningCertificate>> &provisioning) {
            Core::whenReady(m_store->listTlsCertificates(), this,
                            [this, provisioning](const Core::StoreResult<QList<Core::TlsCertificate>> &tls) {
                Core::whenReady(
                        m_store->maintenanceJobs(), this,
                        [this, provisioning, tls](const Core::StoreResult<QList<Core::MaintenanceJobState>> &jobs) {
                    showDeviceJobs(provisioning.value, tls.value, jobs.value);
                        });
            });
        });
    });
}

void MaintenanceWidget::showDeviceJobs(const QList<Core::ProvisioningCertificate> &provisioning,
                                       const QList<Core::TlsCertificate> &tls,
                                       const QList<Core::MaintenanceJobState> &jobs)
{
    const QList<Core::CertificateExpiry> expiring = Core::CertificateExpiry::find(provisioning, tls, m_warningDays,
                                                                                  QDateTime::currentDateTimeUtc());
    QStringList warnings;
    for (const Core::CertificateExpiry &e : expiring)
        warnings << e.describe();
    m_certificateWarnings->setText(warnings.isEmpty() ? QString() : warnings.join(u'\n'));
    QPalette p = palette();
    if (!warnings.isEmpty())
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_certificateWarnings->setPalette(p);
    m_certificateWarnings->setVisible(!warnings.isEmpty());
    QStringList lines;
    const QLocale l;
    for (const Core::MaintenanceJobState &j : jobs) {
        if (!j.lastRun.isValid())
            continue;
        lines << tr("%1: %2 by %3: %4")
                         .arg(Core::maintenanceJobName(j.job),
                              l.toString(j.lastRun.toLocalTime(), QLocale::ShortFormat), j.engine, j.result);
    }
    m_jobs->setText(lines.isEmpty() ? tr("No job has run yet.") : tr("Last runs:\n%1").arg(lines.join(u'\n')));
    Q_EMIT deviceJobsShown();
}

void MaintenanceWidget::showStats(const Core::StoreStats &s)
{
    const QLocale l;
    m_stats->setText(tr("Size: %1. Log: %2 entries; Actions Status: %3 steps; Security Audit: %4 entries. "
                        "%5")
                             .arg(l.formattedDataSize(s.bytes), l.toString(s.logEntries), l.toString(s.actions),
                                  l.toString(s.auditEntries),
                                  s.fullTextIndex ? tr("The log's text search uses a full-text index.")
                                                  : tr("No full-text index: text searches read every "
                                                       "entry (see the README).")));
    Q_EMIT statsShown(s);
}

void MaintenanceWidget::setBusy(bool busy)
{
    m_busy = busy;
    const bool writable = m_store->isWritable();
    m_purge->setEnabled(!busy && writable);
    m_vacuum->setEnabled(!busy && writable);
}

void MaintenanceWidget::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(p);
}

} // namespace Oobm::Gui
