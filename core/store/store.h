// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/collection.h"
#include "core/fleet/keyretirement.h"
#include "core/fleet/maintenancejob.h"
#include "core/fleet/task.h"
#include "core/fleet/taskrun.h"
#include "core/keys/keyledger.h"
#include "core/log/logentry.h"
#include "core/log/logfilter.h"
#include "core/log/retention.h"
#include "core/provisioning/actionrecord.h"
#include "core/provisioning/amtsystem.h"
#include "core/provisioning/auxiliaryprofile.h"
#include "core/provisioning/enginestatus.h"
#include "core/provisioning/hellodecision.h"
#include "core/provisioning/hellorecord.h"
#include "core/provisioning/profileassignment.h"
#include "core/provisioning/provisioningreport.h"
#include "core/provisioning/provisionprofile.h"
#include "core/provisioning/systemquery.h"
#include "core/reports/reportrequest.h"
#include "core/reports/reportresult.h"
#include "core/settings/servicesettings.h"
#include "core/store/storeerror.h"
#include "core/store/storelocation.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QStringList>

namespace Oobm::Core {

template<typename T>
struct StoreResult
{
    T value{};
    StoreError error;
    bool ok() const { return !error.isError(); }
};

// What the console, the engines and oobmctl keep: the service settings, the logs, the keys,
// systems, profiles and certificates. Every call runs off the caller's thread and answers with a
// QFuture. Signals report changes made through this object, and changes other processes make to
// the settings and the systems (within a few seconds; docs/architecture.md).
class Store : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Closed, // not opened yet
        Opening,
        Open,     // read and write
        ReadOnly, // readable, but writes are impossible; lastError() says why
        Failed,   // cannot be used; lastError() says why
    };
    Q_ENUM(State)

    using QObject::QObject;
    ~Store() override;

    virtual StoreLocation location() const = 0;
    virtual State state() const = 0;
    virtual StoreError lastError() const = 0;
    bool isReadable() const { return state() == State::Open || state() == State::ReadOnly; }
    bool isWritable() const { return state() == State::Open; }
    virtual int schemaVersion() const = 0;

    // Opens (creating and migrating when it is writable). Resolves to the error, if any.
    virtual QFuture<StoreError> open() = 0;

    virtual QFuture<StoreResult<ServiceSettings>> serviceSettings() = 0;
    // Writes the fields that differ from what is stored, and one Information log entry per
    // change (gated by the log level), in one transaction. Resolves to the log sentences.
    virtual QFuture<StoreResult<QStringList>> applyServiceSettings(const ServiceSettings &settings,
                                                                   const QString &source) = 0;

    // Appends entries as given (already gated by the caller) in one transaction.
    virtual QFuture<StoreError> appendLog(const QList<LogEntry> &entries) = 0;
    virtual QFuture<StoreResult<QList<LogEntry>>> queryLog(const LogQuery &query) = 0;
    // Entries per severity for the filter (its severities ignored). Cancelling the future before
    // the store thread reaches it skips the query.
    virtual QFuture<StoreResult<CategoryCounts>> countLog(const LogFilter &filter) = 0;
    // The Security Audit log, filtered, newest first.
    virtual QFuture<StoreResult<QList<AuditEntry>>> queryAudit(const AuditQuery &query) = 0;
    // Entries per action (the index in auditActions()), the query's actions ignored.
    virtual QFuture<StoreResult<CategoryCounts>> countAudit(const AuditQuery &query) = 0;

    // Maintenance. purge() deletes what the policy says in small transactions, so that engines
    // keep writing meanwhile; the Security Audit only by policy.auditDays.
    virtual QFuture<StoreResult<PurgeReport>> purge(const RetentionPolicy &policy) = 0;
    virtual QFuture<StoreResult<StoreStats>> storeStats() = 0;
    // VACUUM and ANALYZE (and the full-text index's optimize); resolves to the stats after.
    virtual QFuture<StoreResult<StoreStats>> vacuum() = 0;

    // The security key ledger. Its secrets are sealed with a data key that lives outside the
    // database (keychain or key file); every keys call fails with KeysLocked until setDataKey()
    // has succeeded. unavailableReason is what to tell the user when key is empty.
    virtual QFuture<StoreResult<DataKeyInfo>> dataKeyInfo() = 0;
    virtual QFuture<StoreError> setDataKey(const QByteArray &key, const QString &unavailableReason) = 0;
    // Progress (0..count) is reported on the future; cancelling it keeps nothing.
    virtual QFuture<StoreResult<KeyBatchResult>> generateKeys(const KeyGenerationRequest &request) = 0;
    virtual QFuture<StoreResult<QList<KeyRecord>>> listKeys(const KeyFilter &filter) = 0;
    virtual QFuture<StoreResult<KeyRecord>> revealKey(const QByteArray &pid, const AuditActor &actor) = 0;
    virtual QFuture<StoreResult<KeyExportResult>> exportKeys(const KeyExportRequest &request) = 0;
    virtual QFuture<StoreResult<KeyImportReport>> importKeys(const QString &path, const AuditActor &actor) = 0;
    virtual QFuture<StoreResult<int>> deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor) = 0;
    virtual QFuture<StoreResult<QList<AuditEntry>>> securityAudit(int limit) = 0;
    // Retires the keys the policy names (Security Audit: Retire). Resolves to how many.
    virtual QFuture<StoreResult<int>> retireKeys(const KeyRetirement &retirement, const AuditActor &actor,
                                                 const QDateTime &now) = 0;

    // The provisioning engine. recordHello records a well-formed hello and, in the same
    // transaction, decides what to do with it: claims the system (and the key to install next)
    // for the engine, or says why not. finishProvisioning writes an attempt's steps and outcome
    // in one transaction (the keys become Consumed only on success).
    virtual QFuture<StoreResult<HelloDecision>> recordHello(const HelloIntake &intake) = 0;
    virtual QFuture<StoreError> recordRejectedHello(const HelloRecord &hello) = 0;
    virtual QFuture<StoreError> finishProvisioning(const ProvisioningReport &report) = 0;
    virtual QFuture<StoreResult<int>> releaseClaims(const QString &engineId, const QString &reason) = 0;
    // Newest hello first (up to filter.limit).
    virtual QFuture<StoreResult<QList<AmtSystem>>> listSystems(const SystemFilter &filter) = 0;
    // Sorted and paged in SQL (keyset: the rows after query.afterUuid in its order).
    virtual QFuture<StoreResult<QList<AmtSystem>>> querySystems(const SystemQuery &query) = 0;
    virtual QFuture<StoreResult<qint64>> countSystems(const SystemFilter &filter) = 0;
    // The system with its admin password, for a power action.
    virtual QFuture<StoreResult<AmtSystem>> systemCredentials(const QString &uuid) = 0;
    // The admin password OOBM set on a system, for a person to read (Security Audit: Show).
    virtual QFuture<StoreResult<QString>> revealAdminPassword(const QString &uuid, const AuditActor &actor) = 0;
    virtual QFuture<StoreResult<int>> authorizeSystems(const QStringList &uuids) = 0;
    // The dialect the engines use for these systems: "legacy", "wsman", or empty for the one their
    // version speaks best (docs/protocol.md §13.7).
    virtual QFuture<StoreResult<int>> setSystemsDialect(const QStringList &uuids, const QString &dialect) = 0;
    // Systems that failed or wait for authorization and said nothing since then (ms since the
    // epoch) become Hello window expired. Resolves to how many changed.
    virtual QFuture<StoreResult<int>> markSilentSystems(qint64 silentSinceMs) = 0;
    virtual QFuture<StoreResult<int>> setSystemsState(const QStringList &uuids, SystemState state,
                                                      const QString &reason, const QList<ActionRecord> &actions) = 0;
    // Newest first; uuid empty for every system; afterId > 0 for only the newer ones.
    virtual QFuture<StoreResult<QList<HelloRecord>>> listHellos(const QString &uuid, qint64 afterId, int limit) = 0;
    virtual QFuture<StoreResult<QList<ActionRecord>>> listActions(const ActionFilter &filter) = 0;
    // Steps per result (ActionRecord::Result's number), the filter's results ignored. Cancelling
    // the future before the store thread reaches it skips the query.
    virtual QFuture<StoreResult<CategoryCounts>> countActions(const ActionFilter &filter) = 0;
    virtual QFuture<StoreResult<QList<ProvisionProfile>>> listProfiles() = 0; // without secrets
    virtual QFuture<StoreResult<qint64>> saveProfile(const ProvisionProfile &profile) = 0;
    virtual QFuture<StoreResult<int>> deleteProfile(qint64 id) = 0;
    // Profile Assignments, in the order they are tried.
    virtual QFuture<StoreResult<QList<ProfileAssignment>>> listAssignments() = 0;
    virtual QFuture<StoreResult<qint64>> addAssignment(const ProfileAssignment &assignment) = 0;
    virtual QFuture<StoreResult<int>> deleteAssignment(qint64 id) = 0;
    // Remote Configuration: provisioning certificates (keys sealed) and per-system one-time
    // passwords (sealed; a system not seen yet is created, as an agent pre-registers it).
    virtual QFuture<StoreResult<qint64>> importCertificate(const ProvisioningCertificate &certificate) = 0;
    virtual QFuture<StoreResult<QList<ProvisioningCertificate>>> listCertificates() = 0;
    virtual QFuture<StoreResult<int>> deleteCertificate(qint64 id) = 0;
    virtual QFuture<StoreError> setSystemOtp(const QString &uuid, const QString &otp) = 0;
    // TLS server certificates that profiles install (keys sealed); deleting one a profile or an
    // auxiliary profile uses is refused, naming them.
    virtual QFuture<StoreResult<qint64>> importTlsCertificate(const TlsCertificate &certificate) = 0;
    virtual QFuture<StoreResult<QList<TlsCertificate>>> listTlsCertificates() = 0; // without keys
    virtual QFuture<StoreResult<int>> deleteTlsCertificate(qint64 id) = 0;
    // Auxiliary Profiles (passwords sealed; listings without them, with the profiles using each).
    virtual QFuture<StoreResult<QList<AuxiliaryProfile>>> listAuxiliaryProfiles() = 0;
    virtual QFuture<StoreResult<qint64>> saveAuxiliaryProfile(const AuxiliaryProfile &profile) = 0;
    virtual QFuture<StoreResult<int>> deleteAuxiliaryProfile(qint64 id) = 0;
    // Collections (built-in ones first) and tags on systems.
    virtual QFuture<StoreResult<QList<Collection>>> listCollections() = 0;
    virtual QFuture<StoreResult<Collection>> collection(qint64 id, bool withMembers) = 0;
    virtual QFuture<StoreResult<qint64>> saveCollection(const Collection &collection) = 0;
    virtual QFuture<StoreResult<int>> deleteCollection(qint64 id) = 0;
    // How many systems a collection as given selects now, saved or not (a dynamic one's rule, or a
    // static one's stored members): the live count of a collection being edited.
    virtual QFuture<StoreResult<qint64>> countCollectionMembers(const Collection &collection) = 0;
    // Systems named by UUID, FQDN or name; an unknown one is an error and nothing changes.
    virtual QFuture<StoreResult<int>> changeCollectionMembers(qint64 id, const QStringList &systems,
                                                              MemberChange change) = 0;
    virtual QFuture<StoreResult<int>> tagSystems(const QStringList &uuids, const QStringList &add,
                                                 const QStringList &remove) = 0;
    virtual QFuture<StoreResult<QList<TagCount>>> listTags() = 0;

    // Tasks and their runs. Runs are executed by the engines, never by a console.
    virtual QFuture<StoreResult<QList<Task>>> listTasks() = 0;
    virtual QFuture<StoreResult<TaskSaved>> saveTask(const Task &task, const AuditActor &actor) = 0;
    virtual QFuture<StoreResult<int>> deleteTask(qint64 id) = 0;
    virtual QFuture<StoreResult<qint64>> requestRun(const RunRequest &request) = 0;
    virtual QFuture<StoreResult<QList<TaskRun>>> listRuns(const RunFilter &filter) = 0;
    virtual QFuture<StoreResult<TaskRun>> taskRun(qint64 id) = 0;
    virtual QFuture<StoreResult<QList<RunSystem>>> runSystems(qint64 runId, const QList<RunSystemState> &states,
                                                              int limit, const QString &afterUuid) = 0;
    virtual QFuture<StoreResult<int>> cancelRun(qint64 id, const AuditActor &actor) = 0;
    // The engines' side of runs (SqlTaskLedger explains the claims).
    virtual QFuture<StoreResult<int>> scheduleDueTasks(const QDateTime &now) = 0;
    virtual QFuture<StoreResult<QList<RunWork>>> claimRunWork(const QString &engineId, int room, qint64 leaseMs,
                                                              const QDateTime &now) = 0;
    virtual QFuture<StoreError> finishRunWork(const QList<RunOutcome> &outcomes, const QString &engineId,
                                              const QDateTime &now) = 0;
    virtual QFuture<StoreResult<QList<qint64>>> advanceRuns(const QDateTime &now) = 0;
    virtual QFuture<StoreResult<int>> releaseRunWork(const QString &engineId) = 0;
    // engineId is still working on what it claimed: its claims last until `until`.
    virtual QFuture<StoreResult<int>> renewRunWork(const QString &engineId, const QDateTime &until) = 0;

    // Device maintenance (the Maintenance page's jobs, run by the engines). claimMaintenanceJob
    // resolves to true for the one engine that gets a due job (last run at or before the bound).
    virtual QFuture<StoreResult<bool>> claimMaintenanceJob(MaintenanceJob job, const QDateTime &dueIfLastRunBefore,
                                                           const QString &engineId, const QDateTime &now) = 0;
    virtual QFuture<StoreError> recordMaintenanceResult(MaintenanceJob job, const QString &engineId,
                                                        const QString &result) = 0;
    virtual QFuture<StoreResult<QList<MaintenanceJobState>>> maintenanceJobs() = 0;
    // Provisioned systems whose admin password was set at or before the time and that no open run
    // rotates already.
    virtual QFuture<StoreResult<QStringList>> rotationDue(const QDateTime &passwordSetBefore) = 0;

    virtual QFuture<StoreError> engineHeartbeat(const EngineStatus &status) = 0;
    virtual QFuture<StoreResult<QList<EngineStatus>>> engines() = 0;

    // A built-in report (core/reports), computed by aggregate SQL on the store thread: the figures
    // leave the database, never the rows they count. An invalid request resolves to InvalidRequest.
    virtual QFuture<StoreResult<ReportResult>> runReport(const ReportRequest &request) = 0;

Q_SIGNALS:
    void stateChanged(Oobm::Core::Store::State state);
    void serviceSettingsChanged(const Oobm::Core::ServiceSettings &settings);
    // Entries up to newestId were written through this store.
    void logAppended(qint64 newestId);
    // Entries were purged through this store: what is shown may be gone.
    void logsPurged(const Oobm::Core::PurgeReport &report);
    // Keys were generated, exported, imported or deleted through this store.
    void keysChanged();
    // These systems' rows changed (with their hellos and steps), written through this store or
    // by another process on the same database; empty: any may have, read them all again.
    void systemsChanged(const QStringList &uuids);
    // A hello was recorded that named no system (malformed, or refused before it was read).
    void hellosRecorded();
    void profilesChanged();
    void collectionsChanged();
    void tasksChanged();
    // Runs were made, progressed or ended (through this store or by another process).
    void runsChanged();
};

} // namespace Oobm::Core
