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
        setState(r.readOnlyReason ? State::ReadOnly : State::Open, r.readOnlyReason,
                 r.schemaVersion);
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
    return run<StoreResult<ServiceSettings>>(
            [](SqlStoreWorker &worker) { return worker.loadSettings(); });
}

QFuture<StoreResult<QStringList>> SqlStore::applyServiceSettings(const ServiceSettings &settings,
                                                                 const QString &source)
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
    return run<StoreResult<QList<LogEntry>>>(
            [query](SqlStoreWorker &worker) { return worker.queryLog(query); });
}

} // namespace Oobm::Core
