// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlstore.h"

#include "core/logging.h"
#include "core/store/sqlstoreworker.h"

#include <QAtomicInt>
#include <QMetaObject>
#include <QMutexLocker>
#include <QPromise>
#include <QThread>

#include <memory>

namespace Oobm::Core {

namespace {
QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("oobm-store-%1").arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

SqlStore::SqlStore(const StoreLocation &location, QObject *parent)
    : Store(parent)
    , m_location(location)
    , m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("oobm-store"));
    m_worker = new SqlStoreWorker(location, nextConnectionName());
    m_worker->moveToThread(m_thread);
    // The worker closes its connection and is destroyed on the store thread.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // What other processes change is reported like this process's own writes: from the store
    // thread, as the store's signals.
    connect(m_worker, &SqlStoreWorker::settingsChangedElsewhere, this, &Store::serviceSettingsChanged,
            Qt::DirectConnection);
    connect(m_worker, &SqlStoreWorker::systemsChangedElsewhere, this, &Store::systemsChanged, Qt::DirectConnection);
    connect(m_worker, &SqlStoreWorker::runsChangedElsewhere, this, &Store::runsChanged, Qt::DirectConnection);
    m_thread->start();
}

SqlStore::~SqlStore()
{
    m_thread->quit();
    m_thread->wait();
}

template<typename T, typename Job>
QFuture<T> SqlStore::run(Job job)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    const bool queued = QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, promise, job = std::move(job)]() mutable {
        promise->addResult(job(*worker));
        promise->finish();
            },
            Qt::QueuedConnection);
    if (!queued) {
        promise->addResult(T{});
        promise->finish();
    }
    return future;
}

template<typename T, typename Job>
QFuture<T> SqlStore::runWithPromise(Job job)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, promise, job = std::move(job)]() mutable {
        promise->addResult(job(*worker, *promise));
        promise->finish();
            },
            Qt::QueuedConnection);
    return future;
}

namespace {
// A failed T: the error itself for StoreError, a result carrying it otherwise.
template<typename T>
T failedWith(const StoreError &error)
{
    if constexpr (std::is_same_v<T, StoreError>) {
        return error;
    } else {
        T failed{};
        failed.error = error;
        return failed;
    }
}

template<typename T>
bool succeeded(const T &result)
{
    if constexpr (std::is_same_v<T, StoreError>)
        return !result.isError();
    else
        return result.ok();
}
} // namespace

template<typename T, typename Ledger, typename Job>
QFuture<T> SqlStore::runOn(Ledger &(SqlStoreWorker::*ledger)(), bool writable, Job job)
{
    return run<T>([ledger, writable, job = std::move(job)](SqlStoreWorker &worker) mutable {
        if (StoreError e = worker.usable(writable))
            return failedWith<T>(e);
        return job((worker.*ledger)());
    });
}

template<typename T, typename Ledger, typename Job>
QFuture<T> SqlStore::change(Ledger &(SqlStoreWorker::*ledger)(), void (Store::*changed)(), Job job)
{
    return runOn<T>(ledger, true, [this, changed, job = std::move(job)](Ledger &l) mutable {
        T r = job(l);
        if (succeeded(r))
            Q_EMIT(this->*changed)();
        return r;
    });
}

Store::State SqlStore::state() const
{
    QMutexLocker locker(&m_mutex);
    return m_state;
}

StoreError SqlStore::lastError() const
{
    QMutexLocker locker(&m_mutex);
    return m_lastError;
}

int SqlStore::schemaVersion() const
{
    QMutexLocker locker(&m_mutex);
    return m_schemaVersion;
}

void SqlStore::setState(State state, const StoreError &error, int schemaVersion)
{
    {
        QMutexLocker locker(&m_mutex);
        m_state = state;
        m_lastError = error;
        m_schemaVersion = schemaVersion;
    }
    Q_EMIT stateChanged(state);
}

QFuture<StoreError> SqlStore::open()
{
    setState(State::Opening, {}, 0);
    return run<StoreError>([this](SqlStoreWorker &worker) {
        const SqlStoreWorker::OpenResult r = worker.open();
        if (r.error) {
            qCInfo(lcStore) << "cannot open" << m_location.describe() << ':' << r.error.message;
            setState(State::Failed, r.error, 0);
            return r.error;
        }
        setState(r.readOnlyReason ? State::ReadOnly : State::Open, r.readOnlyReason, r.schemaVersion);
        return StoreError{};
    });
}

StoreError SqlStore::openAndWait()
{
    QFuture<StoreError> f = open();
    f.waitForFinished();
    return f.result();
}

QFuture<StoreResult<ServiceSettings>> SqlStore::serviceSettings()
{
    return runOn<StoreResult<ServiceSettings>>(&SqlStoreWorker::settings, false,
                                               [](SqlSettingsLedger &l) { return l.load(); });
}

QFuture<StoreResult<QStringList>> SqlStore::applyServiceSettings(const ServiceSettings &settings, const QString &source)
{
    return run<StoreResult<QStringList>>([this, settings, source](SqlStoreWorker &worker) {
        if (StoreError e = worker.usable(true))
            return failedWith<StoreResult<QStringList>>(e);
        StoreResult<QStringList> r = worker.settings().apply(settings, source);
        if (r.ok()) {
            worker.noteSettings(settings);
            Q_EMIT serviceSettingsChanged(settings);
            if (!r.value.isEmpty())
                Q_EMIT logAppended(0);
        }
        return r;
    });
}

QFuture<StoreError> SqlStore::appendLog(const QList<LogEntry> &entries)
{
    return runOn<StoreError>(&SqlStoreWorker::log, true, [this, entries](SqlLogLedger &l) {
        qint64 newest = 0;
        const StoreError e = l.append(entries, &newest);
        if (!e && !entries.isEmpty())
            Q_EMIT logAppended(newest);
        return e;
    });
}

QFuture<StoreResult<QList<LogEntry>>> SqlStore::queryLog(const LogQuery &query)
{
    return runOn<StoreResult<QList<LogEntry>>>(&SqlStoreWorker::log, false,
                                               [query](SqlLogLedger &l) { return l.query(query); });
}

template<typename Job>
QFuture<StoreResult<CategoryCounts>> SqlStore::count(Job job)
{
    // Counts of a filter the user has left already are cancelled, and skipped here, so they do
    // not hold up the next filter's rows on the store thread.
    return runWithPromise<StoreResult<CategoryCounts>>(
            [job = std::move(job)](SqlStoreWorker &worker, QPromise<StoreResult<CategoryCounts>> &promise) {
        if (promise.isCanceled())
            return StoreResult<CategoryCounts>{};
        if (StoreError e = worker.usable(false))
            return failedWith<StoreResult<CategoryCounts>>(e);
        return job(worker.log());
    });
}

QFuture<StoreResult<CategoryCounts>> SqlStore::countLog(const LogFilter &filter)
{
    return count([filter](SqlLogLedger &l) { return l.count(filter); });
}

QFuture<StoreResult<QList<AuditEntry>>> SqlStore::queryAudit(const AuditQuery &query)
{
    return runOn<StoreResult<QList<AuditEntry>>>(&SqlStoreWorker::log, false,
                                                 [query](SqlLogLedger &l) { return l.queryAudit(query); });
}

QFuture<StoreResult<CategoryCounts>> SqlStore::countAudit(const AuditQuery &query)
{
    return count([query](SqlLogLedger &l) { return l.countAudit(query); });
}

QFuture<StoreResult<PurgeReport>> SqlStore::purge(const RetentionPolicy &policy)
{
    return runOn<StoreResult<PurgeReport>>(&SqlStoreWorker::log, true, [this, policy](SqlLogLedger &l) {
        auto r = l.purge(policy);
        if (r.value.total() > 0) {
            Q_EMIT logsPurged(r.value);
            if (r.value.actions > 0)
                Q_EMIT systemsChanged({});
        }
        return r;
    });
}

QFuture<StoreResult<StoreStats>> SqlStore::storeStats()
{
    return runOn<StoreResult<StoreStats>>(&SqlStoreWorker::log, false, [](SqlLogLedger &l) { return l.stats(); });
}

QFuture<StoreResult<StoreStats>> SqlStore::vacuum()
{
    return runOn<StoreResult<StoreStats>>(&SqlStoreWorker::log, true, [](SqlLogLedger &l) { return l.vacuum(); });
}

QFuture<StoreResult<DataKeyInfo>> SqlStore::dataKeyInfo()
{
    return runOn<StoreResult<DataKeyInfo>>(&SqlStoreWorker::keys, false,
                                           [](SqlKeyLedger &l) { return l.dataKeyInfo(); });
}

QFuture<StoreError> SqlStore::setDataKey(const QByteArray &key, const QString &unavailableReason)
{
    return runOn<StoreError>(&SqlStoreWorker::keys, false, [key, unavailableReason](SqlKeyLedger &l) {
        return l.setDataKey(key, unavailableReason);
    });
}

QFuture<StoreResult<KeyBatchResult>> SqlStore::generateKeys(const KeyGenerationRequest &request)
{
    return runWithPromise<StoreResult<KeyBatchResult>>(
            [this, request](SqlStoreWorker &worker, QPromise<StoreResult<KeyBatchResult>> &promise) {
        if (StoreError e = worker.usable(true))
            return failedWith<StoreResult<KeyBatchResult>>(e);
        auto r = worker.keys().generate(request, promise);
        if (r.ok())
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<QList<KeyRecord>>> SqlStore::listKeys(const KeyFilter &filter)
{
    return runOn<StoreResult<QList<KeyRecord>>>(&SqlStoreWorker::keys, false,
                                                [filter](SqlKeyLedger &l) { return l.list(filter); });
}

QFuture<StoreResult<KeyRecord>> SqlStore::revealKey(const QByteArray &pid, const AuditActor &actor)
{
    // Writable: showing a PPS writes an audit entry.
    return runOn<StoreResult<KeyRecord>>(&SqlStoreWorker::keys, true,
                                         [pid, actor](SqlKeyLedger &l) { return l.reveal(pid, actor); });
}

QFuture<StoreResult<KeyExportResult>> SqlStore::exportKeys(const KeyExportRequest &request)
{
    return change<StoreResult<KeyExportResult>>(&SqlStoreWorker::keys, &Store::keysChanged,
                                                [request](SqlKeyLedger &l) { return l.exportKeys(request); });
}

QFuture<StoreResult<KeyImportReport>> SqlStore::importKeys(const QString &path, const AuditActor &actor)
{
    return runOn<StoreResult<KeyImportReport>>(&SqlStoreWorker::keys, true, [this, path, actor](SqlKeyLedger &l) {
        auto r = l.importKeys(path, actor);
        if (r.ok() && r.value.imported > 0)
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor)
{
    return change<StoreResult<int>>(&SqlStoreWorker::keys, &Store::keysChanged,
                                    [pids, actor](SqlKeyLedger &l) { return l.deleteKeys(pids, actor); });
}

QFuture<StoreResult<QList<AuditEntry>>> SqlStore::securityAudit(int limit)
{
    return runOn<StoreResult<QList<AuditEntry>>>(&SqlStoreWorker::keys, false,
                                                 [limit](SqlKeyLedger &l) { return l.audit(limit); });
}

QFuture<StoreResult<int>> SqlStore::retireKeys(const KeyRetirement &retirement, const AuditActor &actor,
                                               const QDateTime &now)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::keys, true, [this, retirement, actor, now](SqlKeyLedger &l) {
        auto r = l.retire(retirement, actor, now);
        if (r.value > 0)
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<QString>> SqlStore::revealAdminPassword(const QString &uuid, const AuditActor &actor)
{
    // Writable: showing a password writes an audit entry.
    return runOn<StoreResult<QString>>(&SqlStoreWorker::systems, true, [uuid, actor](SqlSystemLedger &l) {
        return l.revealAdminPassword(uuid, actor);
    });
}

QFuture<StoreResult<bool>> SqlStore::claimMaintenanceJob(MaintenanceJob job, const QDateTime &dueIfLastRunBefore,
                                                         const QString &engineId, const QDateTime &now)
{
    return runOn<StoreResult<bool>>(&SqlStoreWorker::maintenance, true,
                                    [job, dueIfLastRunBefore, engineId, now](SqlMaintenanceLedger &l) {
        return l.claimJob(job, dueIfLastRunBefore, engineId, now);
    });
}

QFuture<StoreError> SqlStore::recordMaintenanceResult(MaintenanceJob job, const QString &engineId,
                                                      const QString &result)
{
    return runOn<StoreError>(&SqlStoreWorker::maintenance, true, [job, engineId, result](SqlMaintenanceLedger &l) {
        return l.recordResult(job, engineId, result);
    });
}

QFuture<StoreResult<QList<MaintenanceJobState>>> SqlStore::maintenanceJobs()
{
    return runOn<StoreResult<QList<MaintenanceJobState>>>(&SqlStoreWorker::maintenance, false,
                                                          [](SqlMaintenanceLedger &l) { return l.jobs(); });
}

QFuture<StoreResult<QStringList>> SqlStore::rotationDue(const QDateTime &passwordSetBefore)
{
    return runOn<StoreResult<QStringList>>(&SqlStoreWorker::systems, false, [passwordSetBefore](SqlSystemLedger &l) {
        return l.rotationDue(passwordSetBefore);
    });
}

QFuture<StoreResult<HelloDecision>> SqlStore::recordHello(const HelloIntake &intake)
{
    return runOn<StoreResult<HelloDecision>>(&SqlStoreWorker::systems, true, [this, intake](SqlSystemLedger &l) {
        auto r = l.recordHello(intake);
        Q_EMIT systemsChanged({HelloPacket::uuidText(intake.hello.uuid)});
        return r;
    });
}

QFuture<StoreError> SqlStore::recordRejectedHello(const HelloRecord &hello)
{
    return runOn<StoreError>(&SqlStoreWorker::systems, true, [this, hello](SqlSystemLedger &l) {
        auto r = l.recordRejectedHello(hello);
        Q_EMIT hellosRecorded();
        return r;
    });
}

QFuture<StoreError> SqlStore::finishProvisioning(const ProvisioningReport &report)
{
    return runOn<StoreError>(&SqlStoreWorker::systems, true, [this, report](SqlSystemLedger &l) {
        auto r = l.finishProvisioning(report);
        Q_EMIT systemsChanged({report.uuid});
        if (report.success)
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::releaseClaims(const QString &engineId, const QString &reason)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::systems, true, [this, engineId, reason](SqlSystemLedger &l) {
        auto r = l.releaseClaims(engineId, reason);
        if (r.value > 0)
            Q_EMIT systemsChanged({});
        return r;
    });
}

QFuture<StoreResult<QList<AmtSystem>>> SqlStore::listSystems(const SystemFilter &filter)
{
    return runOn<StoreResult<QList<AmtSystem>>>(&SqlStoreWorker::systems, false,
                                                [filter](SqlSystemLedger &l) { return l.listSystems(filter); });
}

QFuture<StoreResult<QList<AmtSystem>>> SqlStore::querySystems(const SystemQuery &query)
{
    return runOn<StoreResult<QList<AmtSystem>>>(&SqlStoreWorker::systems, false,
                                                [query](SqlSystemLedger &l) { return l.querySystems(query); });
}

QFuture<StoreResult<qint64>> SqlStore::countSystems(const SystemFilter &filter)
{
    return runOn<StoreResult<qint64>>(&SqlStoreWorker::systems, false,
                                      [filter](SqlSystemLedger &l) { return l.countSystems(filter); });
}

QFuture<StoreResult<AmtSystem>> SqlStore::systemCredentials(const QString &uuid)
{
    return runOn<StoreResult<AmtSystem>>(&SqlStoreWorker::systems, false,
                                         [uuid](SqlSystemLedger &l) { return l.systemCredentials(uuid); });
}

QFuture<StoreResult<int>> SqlStore::authorizeSystems(const QStringList &uuids)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::systems, true, [this, uuids](SqlSystemLedger &l) {
        auto r = l.authorizeSystems(uuids);
        Q_EMIT systemsChanged(uuids);
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::setSystemsDialect(const QStringList &uuids, const QString &dialect)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::systems, true, [this, uuids, dialect](SqlSystemLedger &l) {
        auto r = l.setSystemsDialect(uuids, dialect);
        if (r.ok())
            Q_EMIT systemsChanged(uuids);
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::markSilentSystems(qint64 silentSinceMs)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::systems, true, [this, silentSinceMs](SqlSystemLedger &l) {
        auto r = l.markSilentSystems(silentSinceMs);
        if (r.value > 0)
            Q_EMIT systemsChanged({});
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::setSystemsState(const QStringList &uuids, SystemState state, const QString &reason,
                                                    const QList<ActionRecord> &actions)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::systems, true,
                                   [this, uuids, state, reason, actions](SqlSystemLedger &l) {
        auto r = l.setSystemsState(uuids, state, reason, actions);
        Q_EMIT systemsChanged(uuids);
        return r;
    });
}

QFuture<StoreResult<QList<HelloRecord>>> SqlStore::listHellos(const QString &uuid, qint64 afterId, int limit)
{
    return runOn<StoreResult<QList<HelloRecord>>>(&SqlStoreWorker::systems, false,
                                                  [uuid, afterId, limit](SqlSystemLedger &l) {
        return l.listHellos(uuid, afterId, limit);
    });
}

QFuture<StoreResult<QList<ActionRecord>>> SqlStore::listActions(const ActionFilter &filter)
{
    return runOn<StoreResult<QList<ActionRecord>>>(&SqlStoreWorker::log, false,
                                                   [filter](SqlLogLedger &l) { return l.queryActions(filter); });
}

QFuture<StoreResult<CategoryCounts>> SqlStore::countActions(const ActionFilter &filter)
{
    return count([filter](SqlLogLedger &l) { return l.countActions(filter); });
}

QFuture<StoreResult<QList<ProvisionProfile>>> SqlStore::listProfiles()
{
    return runOn<StoreResult<QList<ProvisionProfile>>>(&SqlStoreWorker::profiles, false,
                                                       [](SqlProfileLedger &l) { return l.listProfiles(); });
}

QFuture<StoreResult<qint64>> SqlStore::saveProfile(const ProvisionProfile &profile)
{
    return change<StoreResult<qint64>>(&SqlStoreWorker::profiles, &Store::profilesChanged,
                                       [profile](SqlProfileLedger &l) { return l.saveProfile(profile); });
}

QFuture<StoreResult<int>> SqlStore::deleteProfile(qint64 id)
{
    return change<StoreResult<int>>(&SqlStoreWorker::profiles, &Store::profilesChanged,
                                    [id](SqlProfileLedger &l) { return l.deleteProfile(id); });
}

QFuture<StoreResult<QList<ProfileAssignment>>> SqlStore::listAssignments()
{
    return runOn<StoreResult<QList<ProfileAssignment>>>(&SqlStoreWorker::profiles, false,
                                                        [](SqlProfileLedger &l) { return l.assignments(); });
}

QFuture<StoreResult<qint64>> SqlStore::addAssignment(const ProfileAssignment &assignment)
{
    return change<StoreResult<qint64>>(&SqlStoreWorker::profiles, &Store::profilesChanged,
                                       [assignment](SqlProfileLedger &l) { return l.addAssignment(assignment); });
}

QFuture<StoreResult<int>> SqlStore::deleteAssignment(qint64 id)
{
    return change<StoreResult<int>>(&SqlStoreWorker::profiles, &Store::profilesChanged,
                                    [id](SqlProfileLedger &l) { return l.deleteAssignment(id); });
}

QFuture<StoreResult<qint64>> SqlStore::importCertificate(const ProvisioningCertificate &certificate)
{
    return change<StoreResult<qint64>>(&SqlStoreWorker::certificates, &Store::profilesChanged,
                                       [certificate](SqlCertificateLedger &l) {
        return l.importProvisioningCertificate(certificate);
    });
}

QFuture<StoreResult<QList<ProvisioningCertificate>>> SqlStore::listCertificates()
{
    return runOn<StoreResult<QList<ProvisioningCertificate>>>(&SqlStoreWorker::certificates, false,
                                                              [](SqlCertificateLedger &l) {
        return l.provisioningCertificates(false);
    });
}

QFuture<StoreResult<int>> SqlStore::deleteCertificate(qint64 id)
{
    return change<StoreResult<int>>(&SqlStoreWorker::certificates, &Store::profilesChanged,
                                    [id](SqlCertificateLedger &l) { return l.deleteProvisioningCertificate(id); });
}

QFuture<StoreResult<qint64>> SqlStore::importTlsCertificate(const TlsCertificate &certificate)
{
    return change<StoreResult<qint64>>(&SqlStoreWorker::certificates, &Store::profilesChanged,
                                       [certificate](SqlCertificateLedger &l) {
        return l.importTlsCertificate(certificate);
    });
}

QFuture<StoreResult<QList<TlsCertificate>>> SqlStore::listTlsCertificates()
{
    return runOn<StoreResult<QList<TlsCertificate>>>(&SqlStoreWorker::certificates, false,
                                                     [](SqlCertificateLedger &l) { return l.listTlsCertificates(); });
}

QFuture<StoreResult<int>> SqlStore::deleteTlsCertificate(qint64 id)
{
    return change<StoreResult<int>>(&SqlStoreWorker::certificates, &Store::profilesChanged,
                                    [id](SqlCertificateLedger &l) { return l.deleteTlsCertificate(id); });
}

QFuture<StoreResult<QList<AuxiliaryProfile>>> SqlStore::listAuxiliaryProfiles()
{
    return runOn<StoreResult<QList<AuxiliaryProfile>>>(&SqlStoreWorker::profiles, false,
                                                       [](SqlProfileLedger &l) { return l.listAuxiliaryProfiles(); });
}

QFuture<StoreResult<qint64>> SqlStore::saveAuxiliaryProfile(const AuxiliaryProfile &profile)
{
    return change<StoreResult<qint64>>(&SqlStoreWorker::profiles, &Store::profilesChanged,
                                       [profile](SqlProfileLedger &l) { return l.saveAuxiliaryProfile(profile); });
}

QFuture<StoreResult<int>> SqlStore::deleteAuxiliaryProfile(qint64 id)
{
    return change<StoreResult<int>>(&SqlStoreWorker::profiles, &Store::profilesChanged,
                                    [id](SqlProfileLedger &l) { return l.deleteAuxiliaryProfile(id); });
}

QFuture<StoreError> SqlStore::setSystemOtp(const QString &uuid, const QString &otp)
{
    return runOn<StoreError>(&SqlStoreWorker::systems, true, [this, uuid, otp](SqlSystemLedger &l) {
        auto r = l.setSystemOtp(uuid, otp);
        Q_EMIT systemsChanged({uuid.toUpper()});
        return r;
    });
}

QFuture<StoreResult<QList<Collection>>> SqlStore::listCollections()
{
    return runOn<StoreResult<QList<Collection>>>(&SqlStoreWorker::fleet, false,
                                                 [](SqlFleetLedger &l) { return l.listCollections(); });
}

QFuture<StoreResult<Collection>> SqlStore::collection(qint64 id, bool withMembers)
{
    return runOn<StoreResult<Collection>>(&SqlStoreWorker::fleet, false, [id, withMembers](SqlFleetLedger &l) {
        return l.collection(id, withMembers);
    });
}

QFuture<StoreResult<qint64>> SqlStore::saveCollection(const Collection &collection)
{
    return change<StoreResult<qint64>>(&SqlStoreWorker::fleet, &Store::collectionsChanged,
                                       [collection](SqlFleetLedger &l) { return l.saveCollection(collection); });
}

QFuture<StoreResult<int>> SqlStore::deleteCollection(qint64 id)
{
    return change<StoreResult<int>>(&SqlStoreWorker::fleet, &Store::collectionsChanged,
                                    [id](SqlFleetLedger &l) { return l.deleteCollection(id); });
}

QFuture<StoreResult<qint64>> SqlStore::countCollectionMembers(const Collection &collection)
{
    return runOn<StoreResult<qint64>>(&SqlStoreWorker::fleet, false,
                                      [collection](SqlFleetLedger &l) { return l.countMembers(collection); });
}

QFuture<StoreResult<int>> SqlStore::changeCollectionMembers(qint64 id, const QStringList &systems, MemberChange change)
{
    return this->change<StoreResult<int>>(&SqlStoreWorker::fleet, &Store::collectionsChanged,
                                          [id, systems, change](SqlFleetLedger &l) {
        return l.changeMembers(id, systems, change);
    });
}

QFuture<StoreResult<int>> SqlStore::tagSystems(const QStringList &uuids, const QStringList &add,
                                               const QStringList &remove)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::fleet, true, [this, uuids, add, remove](SqlFleetLedger &l) {
        auto r = l.tagSystems(uuids, add, remove);
        if (r.ok()) {
            Q_EMIT collectionsChanged();
            Q_EMIT systemsChanged(uuids);
        }
        return r;
    });
}

QFuture<StoreResult<QList<TagCount>>> SqlStore::listTags()
{
    return runOn<StoreResult<QList<TagCount>>>(&SqlStoreWorker::fleet, false,
                                               [](SqlFleetLedger &l) { return l.listTags(); });
}

QFuture<StoreResult<QList<Task>>> SqlStore::listTasks()
{
    return runOn<StoreResult<QList<Task>>>(&SqlStoreWorker::tasks, false,
                                           [](SqlTaskLedger &l) { return l.listTasks(); });
}

QFuture<StoreResult<TaskSaved>> SqlStore::saveTask(const Task &task, const AuditActor &actor)
{
    return runOn<StoreResult<TaskSaved>>(&SqlStoreWorker::tasks, true, [this, task, actor](SqlTaskLedger &l) {
        StoreResult<TaskSaved> r;
        const auto saved = l.saveTask(task, actor, &r.value.runId);
        r.value.taskId = saved.value;
        r.error = saved.error;
        if (r.ok()) {
            Q_EMIT tasksChanged();
            if (r.value.runId > 0)
                Q_EMIT runsChanged();
        }
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::deleteTask(qint64 id)
{
    return change<StoreResult<int>>(&SqlStoreWorker::tasks, &Store::tasksChanged,
                                    [id](SqlTaskLedger &l) { return l.deleteTask(id); });
}

QFuture<StoreResult<qint64>> SqlStore::requestRun(const RunRequest &request)
{
    return change<StoreResult<qint64>>(&SqlStoreWorker::tasks, &Store::runsChanged, [request](SqlTaskLedger &l) {
        return l.requestRun(request, QDateTime::currentDateTimeUtc());
    });
}

QFuture<StoreResult<QList<TaskRun>>> SqlStore::listRuns(const RunFilter &filter)
{
    return runOn<StoreResult<QList<TaskRun>>>(&SqlStoreWorker::tasks, false,
                                              [filter](SqlTaskLedger &l) { return l.listRuns(filter); });
}

QFuture<StoreResult<TaskRun>> SqlStore::taskRun(qint64 id)
{
    return runOn<StoreResult<TaskRun>>(&SqlStoreWorker::tasks, false, [id](SqlTaskLedger &l) { return l.run(id); });
}

QFuture<StoreResult<QList<RunSystem>>> SqlStore::runSystems(qint64 runId, const QList<RunSystemState> &states,
                                                            int limit, const QString &afterUuid)
{
    return runOn<StoreResult<QList<RunSystem>>>(&SqlStoreWorker::tasks, false,
                                                [runId, states, limit, afterUuid](SqlTaskLedger &l) {
        return l.runSystems(runId, states, limit, afterUuid);
    });
}

QFuture<StoreResult<int>> SqlStore::cancelRun(qint64 id, const AuditActor &actor)
{
    return change<StoreResult<int>>(&SqlStoreWorker::tasks, &Store::runsChanged,
                                    [id, actor](SqlTaskLedger &l) { return l.cancelRun(id, actor); });
}

QFuture<StoreResult<int>> SqlStore::scheduleDueTasks(const QDateTime &now)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::tasks, true, [this, now](SqlTaskLedger &l) {
        auto r = l.scheduleDue(now);
        if (r.value > 0) {
            Q_EMIT runsChanged();
            Q_EMIT tasksChanged();
        }
        return r;
    });
}

QFuture<StoreResult<QList<RunWork>>> SqlStore::claimRunWork(const QString &engineId, int room, qint64 leaseMs,
                                                            const QDateTime &now)
{
    return runOn<StoreResult<QList<RunWork>>>(&SqlStoreWorker::tasks, true,
                                              [this, engineId, room, leaseMs, now](SqlTaskLedger &l) {
        auto r = l.claimWork(engineId, room, leaseMs, now);
        if (!r.value.isEmpty())
            Q_EMIT runsChanged();
        return r;
    });
}

QFuture<StoreError> SqlStore::finishRunWork(const QList<RunOutcome> &outcomes, const QString &engineId,
                                            const QDateTime &now)
{
    return runOn<StoreError>(&SqlStoreWorker::tasks, true, [this, outcomes, engineId, now](SqlTaskLedger &l) {
        const StoreError e = l.finishWork(outcomes, engineId, now);
        if (!e) {
            QStringList uuids;
            for (const RunOutcome &o : outcomes)
                uuids << o.uuid;
            Q_EMIT runsChanged();
            Q_EMIT systemsChanged(uuids);
        }
        return e;
    });
}

QFuture<StoreResult<QList<qint64>>> SqlStore::advanceRuns(const QDateTime &now)
{
    return runOn<StoreResult<QList<qint64>>>(&SqlStoreWorker::tasks, true, [this, now](SqlTaskLedger &l) {
        auto r = l.advanceRuns(now);
        if (!r.value.isEmpty())
            Q_EMIT runsChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::releaseRunWork(const QString &engineId)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::tasks, true, [this, engineId](SqlTaskLedger &l) {
        auto r = l.releaseWork(engineId);
        if (r.value > 0)
            Q_EMIT runsChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::renewRunWork(const QString &engineId, const QDateTime &until)
{
    return runOn<StoreResult<int>>(&SqlStoreWorker::tasks, true,
                                   [engineId, until](SqlTaskLedger &l) { return l.renewWork(engineId, until); });
}

QFuture<StoreError> SqlStore::engineHeartbeat(const EngineStatus &status)
{
    return runOn<StoreError>(&SqlStoreWorker::engines, true,
                             [status](SqlEngineLedger &l) { return l.heartbeat(status); });
}

QFuture<StoreResult<QList<EngineStatus>>> SqlStore::engines()
{
    return runOn<StoreResult<QList<EngineStatus>>>(&SqlStoreWorker::engines, false,
                                                   [](SqlEngineLedger &l) { return l.engines(); });
}

QFuture<StoreResult<ReportResult>> SqlStore::runReport(const ReportRequest &request)
{
    return runOn<StoreResult<ReportResult>>(&SqlStoreWorker::reports, false,
                                            [request](SqlReportLedger &l) { return l.run(request); });
}

} // namespace Oobm::Core
