// SPDX-License-Identifier: GPL-2.0-or-later
#include "maintenancerunner.h"

#include "core/async.h"
#include "core/fleet/certificateexpiry.h"
#include "core/fleet/keyretirement.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"

#include <QSysInfo>
#include <QTimer>

#include <memory>

namespace Oobm::Core {

namespace {
const QString Source = QStringLiteral("maintenance");

// Who the Security Audit names for what the jobs do.
AuditActor maintenanceActor()
{
    return {QStringLiteral("maintenance"), QSysInfo::machineHostName()};
}

qint64 provisionedCollectionId()
{
    for (const Collection &c : Collection::builtIns()) {
        if (c.rule.states == QList<SystemState>{SystemState::Provisioned} && c.rule.helloNewerThanHours == 0)
            return c.id;
    }
    return 0;
}
} // namespace

MaintenanceRunner::MaintenanceRunner(Store *store, UserLog *log, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_log(log)
    , m_tick(new QTimer(this))
{
    connect(m_tick, &QTimer::timeout, this, &MaintenanceRunner::check);
}

MaintenanceRunner::~MaintenanceRunner() = default;

QDateTime MaintenanceRunner::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
}

void MaintenanceRunner::start(const QString &engineId, const Options &options)
{
    m_engineId = engineId;
    m_options = options;
    m_running = true;
    m_tick->start(qMax(10, options.tickMs));
    check();
}

void MaintenanceRunner::stop()
{
    m_running = false;
    m_tick->stop();
}

void MaintenanceRunner::check()
{
    if (!m_running || m_checking)
        return;
    m_checking = true;
    whenReady(m_store->serviceSettings(), this, [this](const StoreResult<ServiceSettings> &settings) {
        if (!settings.ok() || !m_running) {
            m_checking = false;
            return;
        }
        const QDateTime at = now();
        m_claiming = 1; // this loop's own, so that the answers cannot end the check before it has asked
        for (MaintenanceJob job : allMaintenanceJobs()) {
            const QDateTime bound = MaintenancePolicy::dueIfLastRunBefore(job, settings.value, at);
            if (!bound.isValid() || m_busy.contains(job))
                continue;
            m_busy.insert(job);
            ++m_claiming;
            whenReady(m_store->claimMaintenanceJob(job, bound, m_engineId, at), this,
                      [this, job, s = settings.value, at](const StoreResult<bool> &claimed) {
                if (!claimed.ok()) {
                    m_busy.remove(job);
                    m_log->log(Severity::Error,
                               tr("Maintenance: %1 could not be started: %2")
                                       .arg(maintenanceJobName(job), claimed.error.message),
                               {}, {}, Source);
                } else if (!claimed.value) {
                    m_busy.remove(job); // not due, or another engine has it
                } else {
                    run(job, s, at);
                }
                claimAnswered();
            });
        }
        claimAnswered();
    });
}

void MaintenanceRunner::claimAnswered()
{
    if (--m_claiming > 0)
        return;
    m_checking = false;
    Q_EMIT checked();
}

void MaintenanceRunner::run(MaintenanceJob job, const ServiceSettings &settings, const QDateTime &at)
{
    switch (job) {
    case MaintenanceJob::ClockSync:
        syncClocks();
        return;
    case MaintenanceJob::PasswordRotation:
        rotatePasswords(settings, at);
        return;
    case MaintenanceJob::CertificateCheck:
        checkCertificates(settings, at);
        return;
    case MaintenanceJob::KeyHousekeeping:
        retireKeys(settings, at);
        return;
    }
}

void MaintenanceRunner::finish(MaintenanceJob job, const QString &result, bool failed)
{
    m_busy.remove(job);
    m_log->log(failed ? Severity::Error : Severity::Information,
               tr("Maintenance: %1: %2").arg(maintenanceJobName(job), result), {}, {}, Source);
    m_store->recordMaintenanceResult(job, m_engineId, result);
    Q_EMIT jobDone(job, result);
}

void MaintenanceRunner::syncClocks()
{
    SystemFilter provisioned;
    provisioned.states = {SystemState::Provisioned};
    whenReady(m_store->countSystems(provisioned), this, [this](const StoreResult<qint64> &count) {
        if (!count.ok()) {
            finish(MaintenanceJob::ClockSync, count.error.message, true);
            return;
        }
        if (count.value == 0) {
            finish(MaintenanceJob::ClockSync, tr("no system is provisioned; nothing to do."));
            return;
        }
        RunRequest request;
        request.name = tr("Clock synchronisation (maintenance)");
        request.operation = Operation::SyncClock;
        request.target.collectionId = provisionedCollectionId();
        request.actor = maintenanceActor();
        whenReady(m_store->requestRun(request), this, [this](const StoreResult<qint64> &run) {
            if (!run.ok())
                finish(MaintenanceJob::ClockSync, run.error.message, true);
            else
                finish(MaintenanceJob::ClockSync,
                       tr("run %1 sets the clocks of the provisioned systems.").arg(run.value));
        });
    });
}

void MaintenanceRunner::rotatePasswords(const ServiceSettings &settings, const QDateTime &at)
{
    const int days = settings.passwordRotationDays;
    whenReady(m_store->rotationDue(MaintenancePolicy::rotateIfPasswordSetBefore(settings, at)), this,
              [this, days](const StoreResult<QStringList> &due) {
        if (!due.ok()) {
            finish(MaintenanceJob::PasswordRotation, due.error.message, true);
            return;
        }
        if (due.value.isEmpty()) {
            finish(MaintenanceJob::PasswordRotation, tr("no admin password is older than %n days.", nullptr, days));
            return;
        }
        // One run per RotationRunSize systems; the result once every request has answered.
        struct Tally
        {
            int pending = 0;
            QStringList runs;
            QStringList errors;
        };
        auto tally = std::make_shared<Tally>();
        const qsizetype total = due.value.size();
        for (qsizetype from = 0; from < total; from += RotationRunSize) {
            RunRequest request;
            request.operation = Operation::RotateAdminPassword;
            request.target.uuids = due.value.mid(from, RotationRunSize);
            request.name = tr("Admin password rotation of %n systems (maintenance)", nullptr,
                              int(request.target.uuids.size()));
            request.actor = maintenanceActor();
            ++tally->pending;
            whenReady(m_store->requestRun(request), this, [this, tally, total, days](const StoreResult<qint64> &run) {
                if (run.ok())
                    tally->runs << QString::number(run.value);
                else
                    tally->errors << run.error.message;
                if (--tally->pending > 0)
                    return;
                if (!tally->errors.isEmpty())
                    finish(MaintenanceJob::PasswordRotation, tally->errors.join(u' '), true);
                else
                    finish(MaintenanceJob::PasswordRotation,
                           tr("%n systems have admin passwords older than %1 days; run %2 gives each a new one.",
                              nullptr, int(total))
                                   .arg(days)
                                   .arg(tally->runs.join(QStringLiteral(", "))));
            });
        }
    });
}

void MaintenanceRunner::checkCertificates(const ServiceSettings &settings, const QDateTime &at)
{
    const int days = settings.certificateWarningDays;
    whenReady(m_store->listCertificates(), this,
              [this, days, at](const StoreResult<QList<ProvisioningCertificate>> &provisioning) {
        whenReady(m_store->listTlsCertificates(), this,
                  [this, days, at, provisioning](const StoreResult<QList<TlsCertificate>> &tls) {
            if (!provisioning.ok() || !tls.ok()) {
                finish(MaintenanceJob::CertificateCheck,
                       provisioning.ok() ? tls.error.message : provisioning.error.message, true);
                return;
            }
            const QList<CertificateExpiry> expiring = CertificateExpiry::find(provisioning.value, tls.value, days, at);
            for (const CertificateExpiry &e : expiring)
                m_log->log(Severity::Warning, e.describe(), {}, {}, Source);
            finish(MaintenanceJob::CertificateCheck,
                   tr("%n certificates expire within %1 days.", nullptr, int(expiring.size())).arg(days));
        });
    });
}

void MaintenanceRunner::retireKeys(const ServiceSettings &settings, const QDateTime &at)
{
    const KeyRetirement retirement = KeyRetirement::fromSettings(settings);
    whenReady(m_store->retireKeys(retirement, maintenanceActor(), at), this,
              [this, retirement](const StoreResult<int> &retired) {
        if (!retired.ok())
            finish(MaintenanceJob::KeyHousekeeping, retired.error.message, true);
        else
            finish(MaintenanceJob::KeyHousekeeping,
                   tr("%n keys retired (%1).", nullptr, retired.value).arg(retirement.describe()));
    });
}

} // namespace Oobm::Core
