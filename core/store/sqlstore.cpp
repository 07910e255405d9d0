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

template<typename T, typename Job>
QFuture<T> SqlStore::runEngine(bool writable, Job job)
{
    return run<T>([writable, job = std::move(job)](SqlStoreWorker &worker) mutable {
        StoreError error;
        SqlEngineLedger *engine = worker.engineLedger(writable, &error);
        if (!engine) {
            T failed{};
            if constexpr (std::is_same_v<T, StoreError>)
                failed = error;
            else
                failed.error = error;
            return failed;
        }
        return job(*engine);
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
    return run<StoreResult<ServiceSettings>>([](SqlStoreWorker &worker) { return worker.loadSettings(); });
}

QFuture<StoreResult<QStringList>> SqlStore::applyServiceSettings(const ServiceSettings &settings, const QString &source)
{
    return run<StoreResult<QStringList>>([this, settings, source](SqlStoreWorker &worker) {
        ServiceSettings stored;
        StoreResult<QStringList> r = worker.applySettings(settings, source, &stored);
        if (r.ok()) {
            Q_EMIT serviceSettingsChanged(stored);
            if (!r.value.isEmpty())
                Q_EMIT logAppended(0);
        }
        return r;
    });
}

QFuture<StoreError> SqlStore::appendLog(const QList<LogEntry> &entries)
{
    return run<StoreError>([this, entries](SqlStoreWorker &worker) {
        qint64 newest = 0;
        const StoreError e = worker.appendLog(entries, &newest);
        if (!e && !entries.isEmpty())
            Q_EMIT logAppended(newest);
        return e;
    });
}

QFuture<StoreResult<QList<LogEntry>>> SqlStore::queryLog(const LogQuery &query)
{
    return run<StoreResult<QList<LogEntry>>>([query](SqlStoreWorker &worker) { return worker.queryLog(query); });
}

QFuture<StoreResult<CategoryCounts>> SqlStore::countLog(const LogFilter &filter)
{
    // Counts of a filter the user has left already are cancelled, and skipped here, so they do
    // not hold up the next filter's rows on the store thread.
    return runWithPromise<StoreResult<CategoryCounts>>(
            [filter](SqlStoreWorker &worker, QPromise<StoreResult<CategoryCounts>> &promise) {
        if (promise.isCanceled())
            return StoreResult<CategoryCounts>{};
        return worker.logLedger<StoreResult<CategoryCounts>>(false, [&](SqlLogLedger &l) { return l.count(filter); });
    });
}

QFuture<StoreResult<QList<AuditEntry>>> SqlStore::queryAudit(const AuditQuery &query)
{
    return run<StoreResult<QList<AuditEntry>>>([query](SqlStoreWorker &worker) {
        return worker.logLedger<StoreResult<QList<AuditEntry>>>(false,
                                                                [&](SqlLogLedger &l) { return l.queryAudit(query); });
    });
}

QFuture<StoreResult<CategoryCounts>> SqlStore::countAudit(const AuditQuery &query)
{
    return runWithPromise<StoreResult<CategoryCounts>>(
            [query](SqlStoreWorker &worker, QPromise<StoreResult<CategoryCounts>> &promise) {
        if (promise.isCanceled())
            return StoreResult<CategoryCounts>{};
        return worker.logLedger<StoreResult<CategoryCounts>>(false,
                                                             [&](SqlLogLedger &l) { return l.countAudit(query); });
    });
}

QFuture<StoreResult<PurgeReport>> SqlStore::purge(const RetentionPolicy &policy)
{
    return run<StoreResult<PurgeReport>>([this, policy](SqlStoreWorker &worker) {
        auto r = worker.logLedger<StoreResult<PurgeReport>>(true, [&](SqlLogLedger &l) { return l.purge(policy); });
        if (r.value.total() > 0) {
            Q_EMIT logsPurged(r.value);
            if (r.value.actions > 0)
                Q_EMIT systemsChanged();
        }
        return r;
    });
}

QFuture<StoreResult<StoreStats>> SqlStore::storeStats()
{
    return run<StoreResult<StoreStats>>([](SqlStoreWorker &worker) {
        return worker.logLedger<StoreResult<StoreStats>>(false, [](SqlLogLedger &l) { return l.stats(); });
    });
}

QFuture<StoreResult<StoreStats>> SqlStore::vacuum()
{
    return run<StoreResult<StoreStats>>([](SqlStoreWorker &worker) {
        return worker.logLedger<StoreResult<StoreStats>>(true, [](SqlLogLedger &l) { return l.vacuum(); });
    });
}

QFuture<StoreResult<DataKeyInfo>> SqlStore::dataKeyInfo()
{
    return run<StoreResult<DataKeyInfo>>([](SqlStoreWorker &w) { return w.dataKeyInfo(); });
}

QFuture<StoreError> SqlStore::setDataKey(const QByteArray &key, const QString &unavailableReason)
{
    return run<StoreError>(
            [key, unavailableReason](SqlStoreWorker &w) { return w.setDataKey(key, unavailableReason); });
}

QFuture<StoreResult<KeyBatchResult>> SqlStore::generateKeys(const KeyGenerationRequest &request)
{
    return runWithPromise<StoreResult<KeyBatchResult>>(
            [this, request](SqlStoreWorker &w, QPromise<StoreResult<KeyBatchResult>> &promise) {
        auto r = w.generateKeys(request, promise);
        if (r.ok())
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<QList<KeyRecord>>> SqlStore::listKeys(const KeyFilter &filter)
{
    return run<StoreResult<QList<KeyRecord>>>([filter](SqlStoreWorker &w) { return w.listKeys(filter); });
}

QFuture<StoreResult<KeyRecord>> SqlStore::revealKey(const QByteArray &pid, const AuditActor &actor)
{
    return run<StoreResult<KeyRecord>>([pid, actor](SqlStoreWorker &w) { return w.revealKey(pid, actor); });
}

QFuture<StoreResult<KeyExportResult>> SqlStore::exportKeys(const KeyExportRequest &request)
{
    return run<StoreResult<KeyExportResult>>([this, request](SqlStoreWorker &w) {
        auto r = w.exportKeys(request);
        if (r.ok())
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<KeyImportReport>> SqlStore::importKeys(const QString &path, const AuditActor &actor)
{
    return run<StoreResult<KeyImportReport>>([this, path, actor](SqlStoreWorker &w) {
        auto r = w.importKeys(path, actor);
        if (r.ok() && r.value.imported > 0)
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor)
{
    return run<StoreResult<int>>([this, pids, actor](SqlStoreWorker &w) {
        auto r = w.deleteKeys(pids, actor);
        if (r.ok())
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<QList<AuditEntry>>> SqlStore::securityAudit(int limit)
{
    return run<StoreResult<QList<AuditEntry>>>([limit](SqlStoreWorker &w) { return w.securityAudit(limit); });
}

QFuture<StoreResult<HelloDecision>> SqlStore::recordHello(const HelloIntake &intake)
{
    return runEngine<StoreResult<HelloDecision>>(true, [this, intake](SqlEngineLedger &e) {
        auto r = e.recordHello(intake);
        Q_EMIT systemsChanged();
        return r;
    });
}

QFuture<StoreError> SqlStore::recordRejectedHello(const HelloRecord &hello)
{
    return runEngine<StoreError>(true, [this, hello](SqlEngineLedger &e) {
        auto r = e.recordRejectedHello(hello);
        Q_EMIT systemsChanged();
        return r;
    });
}

QFuture<StoreError> SqlStore::finishProvisioning(const ProvisioningReport &report)
{
    return runEngine<StoreError>(true, [this, report](SqlEngineLedger &e) {
        auto r = e.finishProvisioning(report);
        Q_EMIT systemsChanged();
        if (report.success)
            Q_EMIT keysChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::releaseClaims(const QString &engineId, const QString &reason)
{
    return runEngine<StoreResult<int>>(true, [this, engineId, reason](SqlEngineLedger &e) {
        auto r = e.releaseClaims(engineId, reason);
        if (r.value > 0)
            Q_EMIT systemsChanged();
        return r;
    });
}

QFuture<StoreResult<QList<AmtSystem>>> SqlStore::listSystems(const SystemFilter &filter)
{
    return runEngine<StoreResult<QList<AmtSystem>>>(false,
                                                    [filter](SqlEngineLedger &e) { return e.listSystems(filter); });
}

QFuture<StoreResult<AmtSystem>> SqlStore::systemCredentials(const QString &uuid)
{
    return runEngine<StoreResult<AmtSystem>>(false, [uuid](SqlEngineLedger &e) { return e.systemCredentials(uuid); });
}

QFuture<StoreResult<int>> SqlStore::authorizeSystems(const QStringList &uuids)
{
    return runEngine<StoreResult<int>>(true, [this, uuids](SqlEngineLedger &e) {
        auto r = e.authorizeSystems(uuids);
        Q_EMIT systemsChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::markSilentSystems(qint64 silentSinceMs)
{
    return runEngine<StoreResult<int>>(true, [this, silentSinceMs](SqlEngineLedger &e) {
        auto r = e.markSilentSystems(silentSinceMs);
        if (r.value > 0)
            Q_EMIT systemsChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::setSystemsState(const QStringList &uuids, SystemState state, const QString &reason,
                                                    const QList<ActionRecord> &actions)
{
    return runEngine<StoreResult<int>>(true, [this, uuids, state, reason, actions](SqlEngineLedger &e) {
        auto r = e.setSystemsState(uuids, state, reason, actions);
        Q_EMIT systemsChanged();
        return r;
    });
}

QFuture<StoreResult<QList<HelloRecord>>> SqlStore::listHellos(const QString &uuid, qint64 afterId, int limit)
{
    return runEngine<StoreResult<QList<HelloRecord>>>(
            false, [uuid, afterId, limit](SqlEngineLedger &e) { return e.listHellos(uuid, afterId, limit); });
}

QFuture<StoreResult<QList<ActionRecord>>> SqlStore::listActions(const ActionFilter &filter)
{
    return run<StoreResult<QList<ActionRecord>>>([filter](SqlStoreWorker &worker) {
        return worker.logLedger<StoreResult<QList<ActionRecord>>>(
                false, [&](SqlLogLedger &l) { return l.queryActions(filter); });
    });
}

QFuture<StoreResult<CategoryCounts>> SqlStore::countActions(const ActionFilter &filter)
{
    return runWithPromise<StoreResult<CategoryCounts>>(
            [filter](SqlStoreWorker &worker, QPromise<StoreResult<CategoryCounts>> &promise) {
        if (promise.isCanceled())
            return StoreResult<CategoryCounts>{};
        return worker.logLedger<StoreResult<CategoryCounts>>(false,
                                                             [&](SqlLogLedger &l) { return l.countActions(filter); });
    });
}

QFuture<StoreResult<QList<ProvisionProfile>>> SqlStore::listProfiles()
{
    return runEngine<StoreResult<QList<ProvisionProfile>>>(false, [](SqlEngineLedger &e) { return e.listProfiles(); });
}

QFuture<StoreResult<qint64>> SqlStore::saveProfile(const ProvisionProfile &profile)
{
    return runEngine<StoreResult<qint64>>(true, [this, profile](SqlEngineLedger &e) {
        auto r = e.saveProfile(profile);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::deleteProfile(qint64 id)
{
    return runEngine<StoreResult<int>>(true, [this, id](SqlEngineLedger &e) {
        auto r = e.deleteProfile(id);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<QList<ProfileAssignment>>> SqlStore::listAssignments()
{
    return runEngine<StoreResult<QList<ProfileAssignment>>>(false, [](SqlEngineLedger &e) { return e.assignments(); });
}

QFuture<StoreResult<qint64>> SqlStore::addAssignment(const ProfileAssignment &assignment)
{
    return runEngine<StoreResult<qint64>>(true, [this, assignment](SqlEngineLedger &e) {
        auto r = e.addAssignment(assignment);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::deleteAssignment(qint64 id)
{
    return runEngine<StoreResult<int>>(true, [this, id](SqlEngineLedger &e) {
        auto r = e.deleteAssignment(id);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<qint64>> SqlStore::importCertificate(const ProvisioningCertificate &certificate)
{
    return runEngine<StoreResult<qint64>>(true, [this, certificate](SqlEngineLedger &e) {
        auto r = e.importCertificate(certificate);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<QList<ProvisioningCertificate>>> SqlStore::listCertificates()
{
    return runEngine<StoreResult<QList<ProvisioningCertificate>>>(
            false, [](SqlEngineLedger &e) { return e.listCertificates(); });
}

QFuture<StoreResult<int>> SqlStore::deleteCertificate(qint64 id)
{
    return runEngine<StoreResult<int>>(true, [this, id](SqlEngineLedger &e) {
        auto r = e.deleteCertificate(id);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<qint64>> SqlStore::importTlsCertificate(const TlsCertificate &certificate)
{
    return runEngine<StoreResult<qint64>>(true, [this, certificate](SqlEngineLedger &e) {
        auto r = e.profiles().importTlsCertificate(certificate);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<QList<TlsCertificate>>> SqlStore::listTlsCertificates()
{
    return runEngine<StoreResult<QList<TlsCertificate>>>(
            false, [](SqlEngineLedger &e) { return e.profiles().listTlsCertificates(); });
}

QFuture<StoreResult<int>> SqlStore::deleteTlsCertificate(qint64 id)
{
    return runEngine<StoreResult<int>>(true, [this, id](SqlEngineLedger &e) {
        auto r = e.profiles().deleteTlsCertificate(id);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<QList<AuxiliaryProfile>>> SqlStore::listAuxiliaryProfiles()
{
    return runEngine<StoreResult<QList<AuxiliaryProfile>>>(
            false, [](SqlEngineLedger &e) { return e.profiles().listAuxiliaryProfiles(); });
}

QFuture<StoreResult<qint64>> SqlStore::saveAuxiliaryProfile(const AuxiliaryProfile &profile)
{
    return runEngine<StoreResult<qint64>>(true, [this, profile](SqlEngineLedger &e) {
        auto r = e.profiles().saveAuxiliaryProfile(profile);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreResult<int>> SqlStore::deleteAuxiliaryProfile(qint64 id)
{
    return runEngine<StoreResult<int>>(true, [this, id](SqlEngineLedger &e) {
        auto r = e.profiles().deleteAuxiliaryProfile(id);
        if (r.ok())
            Q_EMIT profilesChanged();
        return r;
    });
}

QFuture<StoreError> SqlStore::setSystemOtp(const QString &uuid, const QString &otp)
{
    return runEngine<StoreError>(true, [this, uuid, otp](SqlEngineLedger &e) {
        auto r = e.setSystemOtp(uuid, otp);
        Q_EMIT systemsChanged();
        return r;
    });
}

QFuture<StoreError> SqlStore::engineHeartbeat(const EngineStatus &status)
{
    return runEngine<StoreError>(true, [status](SqlEngineLedger &e) { return e.heartbeat(status); });
}

QFuture<StoreResult<QList<EngineStatus>>> SqlStore::engines()
{
    return runEngine<StoreResult<QList<EngineStatus>>>(false, [](SqlEngineLedger &e) { return e.engines(); });
}

} // namespace Oobm::Core
