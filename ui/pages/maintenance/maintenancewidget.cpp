// SPDX-License-Identifier: GPL-2.0-or-later
#include "maintenancewidget.h"

#include "core/async.h"
#include "core/store/store.h"
#include "core/store/storelocation.h"
#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"

#include <QCheckBox>
#include <QColor>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
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
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_revert(new QPushButton(tr("&Revert"), this))
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
    m_retentionProblem->setWordWrap(true);
    m_retentionProblem->hide();

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
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_revert);
    form->addRow(buttons);

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
    layout->addWidget(retention);
    layout->addWidget(database);
    layout->addWidget(m_status);
    layout->addStretch(1);

    for (QSpinBox *b : {m_logDays, m_logEntries, m_actionsDays, m_actionsEntries, m_auditDays})
        connect(b, &QSpinBox::valueChanged, this, &MaintenanceWidget::onEdited);
    connect(m_trace, &QCheckBox::toggled, this, &MaintenanceWidget::onEdited);
    connect(m_apply, &QPushButton::clicked, this, &MaintenanceWidget::apply);
    connect(m_revert, &QPushButton::clicked, this, &MaintenanceWidget::revert);
    connect(m_purge, &QPushButton::clicked, this, &MaintenanceWidget::purgeNow);
    connect(m_vacuum, &QPushButton::clicked, this, &MaintenanceWidget::vacuum);
    connect(m_refresh, &QPushButton::clicked, this, &MaintenanceWidget::refreshStats);
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        if (m_store->isReadable() && !m_loaded)
            load();
    });
    connect(m_store, &Core::Store::serviceSettingsChanged, this, [this](const ServiceSettings &s) {
        if (!isModified())
            showSettings(s);
        m_stored = s;
        onEdited();
    });
    load();
}

MaintenanceWidget::~MaintenanceWidget() = default;

void MaintenanceWidget::load()
{
    setBusy(true);
    Core::whenReady(m_store->serviceSettings(), this, [this](const Core::StoreResult<ServiceSettings> &r) {
        setBusy(false);
        if (!r.ok()) {
            showStatus(r.error.message, true);
            return;
        }
        m_stored = r.value;
        showSettings(r.value);
        m_loaded = true;
        onEdited();
        Q_EMIT loaded();
    });
    refreshStats();
}

void MaintenanceWidget::showSettings(const ServiceSettings &s)
{
    const QSignalBlocker b1(m_logDays), b2(m_logEntries), b3(m_actionsDays), b4(m_actionsEntries), b5(m_auditDays),
            b6(m_trace);
    m_logDays->setValue(s.logRetentionDays);
    m_logEntries->setValue(int(s.logRetentionEntries / 1000));
    m_actionsDays->setValue(s.actionsRetentionDays);
    m_actionsEntries->setValue(int(s.actionsRetentionEntries / 1000));
    m_auditDays->setValue(s.auditRetentionDays);
    m_trace->setChecked(s.traceLogging);
}

ServiceSettings MaintenanceWidget::edited() const
{
    ServiceSettings s = m_stored;
    s.logRetentionDays = m_logDays->value();
    s.logRetentionEntries = qint64(m_logEntries->value()) * 1000;
    s.actionsRetentionDays = m_actionsDays->value();
    s.actionsRetentionEntries = qint64(m_actionsEntries->value()) * 1000;
    s.auditRetentionDays = m_auditDays->value();
    s.traceLogging = m_trace->isChecked();
    return s;
}

bool MaintenanceWidget::isModified() const
{
    return m_loaded && !(edited() == m_stored);
}

void MaintenanceWidget::onEdited()
{
    const QList<Core::SettingProblem> problems = edited().validate();
    m_retentionProblem->setVisible(!problems.isEmpty());
    if (!problems.isEmpty())
        m_retentionProblem->setText(problems.first().message);
    const bool modified = isModified();
    m_apply->setEnabled(modified && problems.isEmpty() && m_store->isWritable());
    m_revert->setEnabled(modified);
    if (modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

bool MaintenanceWidget::apply()
{
    const ServiceSettings s = edited();
    if (const auto problems = s.validate(); !problems.isEmpty()) {
        showStatus(problems.first().message, true);
        return false;
    }
    setBusy(true);
    Core::whenReady(m_store->applyServiceSettings(s, QStringLiteral("console")), this,
                    [this, s](const Core::StoreResult<QStringList> &r) {
        setBusy(false);
        if (r.ok()) {
            m_stored = s;
            showStatus(r.value.isEmpty() ? tr("Nothing changed.") : r.value.join(u' '), false);
        } else {
            showStatus(r.error.message, true);
        }
        onEdited();
        Q_EMIT applied(r.ok());
    });
    return true;
}

void MaintenanceWidget::revert()
{
    showSettings(m_stored);
    onEdited();
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
    if (m_store->location().kind() == Core::StoreLocation::Kind::SQLite
        && QMessageBox::question(this, tr("Vacuum the Database"),
                                 tr("VACUUM rewrites the whole database file and locks it while it runs, about "
                                    "a second per 100 MB. This console's engine waits for it; an oobm-engine "
                                    "in another process that writes to this file gives up after 5 seconds and "
                                    "loses those hellos and log entries. Vacuum now?"),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                != QMessageBox::Yes)
        return;
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
    const bool writable = m_store->isWritable();
    m_purge->setEnabled(!busy && writable);
    m_vacuum->setEnabled(!busy && writable);
    if (busy)
        m_apply->setEnabled(false);
    else
        onEdited();
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
