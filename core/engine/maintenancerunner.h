// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/maintenancejob.h"
#include "core/settings/servicesettings.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class QTimer;

namespace Oobm::Core {

class Store;
class UserLog;

// An engine's part in device maintenance (Configuration Service Settings > Maintenance): every
// tick it reads the settings and asks the store for each job that MaintenancePolicy says is due;
// the one engine whose claim succeeds does it. Clock synchronisation and password rotation become
// task runs (which the TaskRunners of all engines then execute); the certificate check writes a
// warning per certificate that expires soon; key housekeeping retires old keys (audited). Lives
// on the engine's thread, never on a console's GUI thread.
class MaintenanceRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenanceRunner)

public:
    struct Options
    {
        int tickMs = 60000;               // how often it looks for due jobs
        std::function<QDateTime()> clock; // "now"; empty: the system clock
    };
    // Password rotation: at most this many systems per run, so a run's target stays within the
    // databases' limits on binds.
    static constexpr int RotationRunSize = 5000;

    MaintenanceRunner(Store *store, UserLog *log, QObject *parent = nullptr);
    ~MaintenanceRunner() override;

    void start(const QString &engineId, const Options &options);
    void stop();
    bool isRunning() const { return m_running; }
    // Looks for due jobs now (also done every tick).
    void check();

Q_SIGNALS:
    // This engine did a job; result says what it did.
    void jobDone(Oobm::Core::MaintenanceJob job, const QString &result);
    // A check has its answers: the due jobs it claimed are under way, the others were not due.
    void checked();

private:
    QDateTime now() const;
    void claimAnswered();
    void run(MaintenanceJob job, const ServiceSettings &settings, const QDateTime &at);
    void syncClocks();
    void rotatePasswords(const ServiceSettings &settings, const QDateTime &at);
    void checkCertificates(const ServiceSettings &settings, const QDateTime &at);
    void retireKeys(const ServiceSettings &settings, const QDateTime &at);
    void finish(MaintenanceJob job, const QString &result, bool failed = false);

    Store *m_store;
    UserLog *m_log;
    Options m_options;
    QString m_engineId;
    QTimer *m_tick;
    bool m_running = false;
    bool m_checking = false;
    int m_claiming = 0; // claims of the current check not answered yet
    QSet<MaintenanceJob> m_busy;
};

} // namespace Oobm::Core
