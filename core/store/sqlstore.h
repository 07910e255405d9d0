// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/store.h"

#include <QMutex>

class QThread;

namespace Oobm::Core {

class SqlStoreWorker;

// The Qt Sql store: QSQLITE (the embedded default; WAL, foreign keys on) or QPSQL. All SQL runs
// on one store thread with its own named connection; callers get futures.
class SqlStore final : public Store
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlStore)

public:
    explicit SqlStore(const StoreLocation &location, QObject *parent = nullptr);
    ~SqlStore() override;

    StoreLocation location() const override { return m_location; }
    State state() const override;
    StoreError lastError() const override;
    int schemaVersion() const override;

    QFuture<StoreError> open() override;
    QFuture<StoreResult<ServiceSettings>> serviceSettings() override;
    QFuture<StoreResult<QStringList>> applyServiceSettings(const ServiceSettings &settings,
                                                           const QString &source) override;
    QFuture<StoreError> appendLog(const QList<LogEntry> &entries) override;
    QFuture<StoreResult<QList<LogEntry>>> queryLog(const LogQuery &query) override;
    QFuture<StoreResult<CategoryCounts>> countLog(const LogFilter &filter) override;
    QFuture<StoreResult<QList<AuditEntry>>> queryAudit(const AuditQuery &query) override;
    QFuture<StoreResult<CategoryCounts>> countAudit(const AuditQuery &query) override;
    QFuture<StoreResult<PurgeReport>> purge(const RetentionPolicy &policy) override;
    QFuture<StoreResult<StoreStats>> storeStats() override;
    QFuture<StoreResult<StoreStats>> vacuum() override;
    QFuture<StoreResult<DataKeyInfo>> dataKeyInfo() override;
    QFuture<StoreError> setDataKey(const QByteArray &key, const QString &unavailableReason) override;
    QFuture<StoreResult<KeyBatchResult>> generateKeys(const KeyGenerationRequest &request) override;
    QFuture<StoreResult<QList<KeyRecord>>> listKeys(const KeyFilter &filter) override;
    QFuture<StoreResult<KeyRecord>> revealKey(const QByteArray &pid, const AuditActor &actor) override;
    QFuture<StoreResult<KeyExportResult>> exportKeys(const KeyExportRequest &request) override;
    QFuture<StoreResult<KeyImportReport>> importKeys(const QString &path, const AuditActor &actor) override;
    QFuture<StoreResult<int>> deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor) override;
    QFuture<StoreResult<QList<AuditEntry>>> securityAudit(int limit) override;

    QFuture<StoreResult<HelloDecision>> recordHello(const HelloIntake &intake) override;
    QFuture<StoreError> recordRejectedHello(const HelloRecord &hello) override;
    QFuture<StoreError> finishProvisioning(const ProvisioningReport &report) override;
    QFuture<StoreResult<int>> releaseClaims(const QString &engineId, const QString &reason) override;
    QFuture<StoreResult<QList<AmtSystem>>> listSystems(const SystemFilter &filter) override;
    QFuture<StoreResult<QList<AmtSystem>>> querySystems(const SystemQuery &query) override;
    QFuture<StoreResult<qint64>> countSystems(const SystemFilter &filter) override;
    QFuture<StoreResult<AmtSystem>> systemCredentials(const QString &uuid) override;
    QFuture<StoreResult<int>> setSystemsDialect(const QStringList &uuids, const QString &dialect) override;
    QFuture<StoreResult<int>> authorizeSystems(const QStringList &uuids) override;
    QFuture<StoreResult<int>> markSilentSystems(qint64 silentSinceMs) override;
    QFuture<StoreResult<int>> setSystemsState(const QStringList &uuids, SystemState state, const QString &reason,
                                              const QList<ActionRecord> &actions) override;
    QFuture<StoreResult<QList<HelloRecord>>> listHellos(const QString &uuid, qint64 afterId, int limit) override;
    QFuture<StoreResult<QList<ActionRecord>>> listActions(const ActionFilter &filter) override;
    QFuture<StoreResult<CategoryCounts>> countActions(const ActionFilter &filter) override;
    QFuture<StoreResult<QList<ProvisionProfile>>> listProfiles() override;
    QFuture<StoreResult<qint64>> saveProfile(const ProvisionProfile &profile) override;
    QFuture<StoreResult<int>> deleteProfile(qint64 id) override;
    QFuture<StoreResult<QList<ProfileAssignment>>> listAssignments() override;
    QFuture<StoreResult<qint64>> addAssignment(const ProfileAssignment &assignment) override;
    QFuture<StoreResult<int>> deleteAssignment(qint64 id) override;
    QFuture<StoreResult<qint64>> importCertificate(const ProvisioningCertificate &certificate) override;
    QFuture<StoreResult<QList<ProvisioningCertificate>>> listCertificates() override;
    QFuture<StoreResult<int>> deleteCertificate(qint64 id) override;
    QFuture<StoreError> setSystemOtp(const QString &uuid, const QString &otp) override;
    QFuture<StoreResult<qint64>> importTlsCertificate(const TlsCertificate &certificate) override;
    QFuture<StoreResult<QList<TlsCertificate>>> listTlsCertificates() override;
    QFuture<StoreResult<int>> deleteTlsCertificate(qint64 id) override;
    QFuture<StoreResult<QList<AuxiliaryProfile>>> listAuxiliaryProfiles() override;
    QFuture<StoreResult<qint64>> saveAuxiliaryProfile(const AuxiliaryProfile &profile) override;
    QFuture<StoreResult<int>> deleteAuxiliaryProfile(qint64 id) override;
    QFuture<StoreResult<QList<Collection>>> listCollections() override;
    QFuture<StoreResult<Collection>> collection(qint64 id, bool withMembers) override;
    QFuture<StoreResult<qint64>> saveCollection(const Collection &collection) override;
    QFuture<StoreResult<int>> deleteCollection(qint64 id) override;
    QFuture<StoreResult<qint64>> countCollectionMembers(const Collection &collection) override;
    QFuture<StoreResult<int>> changeCollectionMembers(qint64 id, const QStringList &systems,
                                                      MemberChange change) override;
    QFuture<StoreResult<int>> tagSystems(const QStringList &uuids, const QStringList &add,
                                         const QStringList &remove) override;
    QFuture<StoreResult<QList<TagCount>>> listTags() override;
    QFuture<StoreResult<QList<Task>>> listTasks() override;
    QFuture<StoreResult<TaskSaved>> saveTask(const Task &task, const AuditActor &actor) override;
    QFuture<StoreResult<int>> deleteTask(qint64 id) override;
    QFuture<StoreResult<qint64>> requestRun(const RunRequest &request) override;
    QFuture<StoreResult<QList<TaskRun>>> listRuns(const RunFilter &filter) override;
    QFuture<StoreResult<TaskRun>> taskRun(qint64 id) override;
    QFuture<StoreResult<QList<RunSystem>>> runSystems(qint64 runId, const QList<RunSystemState> &states, int limit,
                                                      const QString &afterUuid) override;
    QFuture<StoreResult<int>> cancelRun(qint64 id, const AuditActor &actor) override;
    QFuture<StoreResult<int>> scheduleDueTasks(const QDateTime &now) override;
    QFuture<StoreResult<QList<RunWork>>> claimRunWork(const QString &engineId, int room, qint64 leaseMs,
                                                      const QDateTime &now) override;
    QFuture<StoreError> finishRunWork(const QList<RunOutcome> &outcomes, const QString &engineId,
                                      const QDateTime &now) override;
    QFuture<StoreResult<QList<qint64>>> advanceRuns(const QDateTime &now) override;
    QFuture<StoreResult<int>> releaseRunWork(const QString &engineId) override;
    QFuture<StoreResult<int>> renewRunWork(const QString &engineId, const QDateTime &until) override;
    QFuture<StoreResult<int>> retireKeys(const KeyRetirement &retirement, const AuditActor &actor,
                                         const QDateTime &now) override;
    QFuture<StoreResult<QString>> revealAdminPassword(const QString &uuid, const AuditActor &actor) override;
    QFuture<StoreResult<bool>> claimMaintenanceJob(MaintenanceJob job, const QDateTime &dueIfLastRunBefore,
                                                   const QString &engineId, const QDateTime &now) override;
    QFuture<StoreError> recordMaintenanceResult(MaintenanceJob job, const QString &engineId,
                                                const QString &result) override;
    QFuture<StoreResult<QList<MaintenanceJobState>>> maintenanceJobs() override;
    QFuture<StoreResult<QStringList>> rotationDue(const QDateTime &passwordSetBefore) override;
    QFuture<StoreError> engineHeartbeat(const EngineStatus &status) override;
    QFuture<StoreResult<QList<EngineStatus>>> engines() override;
    QFuture<StoreResult<ReportResult>> runReport(const ReportRequest &request) override;

    // Blocks until open() has finished; for command-line tools and tests.
    StoreError openAndWait();

private:
    template<typename T, typename Job>
    QFuture<T> run(Job job);
    // The job also gets the promise, for progress and cancellation.
    template<typename T, typename Job>
    QFuture<T> runWithPromise(Job job);
    // Runs job(ledger) on the store thread when the store is open (and writable, if asked).
    template<typename T, typename Ledger, typename Job>
    QFuture<T> runOn(Ledger &(SqlStoreWorker::*ledger)(), bool writable, Job job);
    // The same for a write, emitting changed when it succeeds.
    template<typename T, typename Ledger, typename Job>
    QFuture<T> change(Ledger &(SqlStoreWorker::*ledger)(), void (Store::*changed)(), Job job);
    // Counts per category on the log ledger, skipped when cancelled before they start.
    template<typename Job>
    QFuture<StoreResult<CategoryCounts>> count(Job job);
    void setState(State state, const StoreError &error, int schemaVersion);

    const StoreLocation m_location;
    QThread *m_thread = nullptr;
    SqlStoreWorker *m_worker = nullptr; // lives on m_thread; deleted there

    mutable QMutex m_mutex;
    State m_state = State::Closed;
    StoreError m_lastError;
    int m_schemaVersion = 0;
};

} // namespace Oobm::Core
