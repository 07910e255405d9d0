// SPDX-License-Identifier: GPL-2.0-or-later
#include "logexporter.h"

#include "core/logbook/userlogbook.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>

#include <climits>
#include <memory>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::LogExporter", text);
}

} // namespace

QByteArray LogExporter::csvHeader()
{
    return QByteArrayLiteral("id,time,severity,source,uuid,message,details\n");
}

QByteArray LogExporter::csvLine(const LogEntry &e)
{
    return LogBook::csvRow(e.id,
                           {e.time.toString(Qt::ISODateWithMs), severityKey(e.severity), e.source, e.deviceUuid,
                            e.message, e.details});
}

QJsonObject LogExporter::json(const LogEntry &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("severity"), severityKey(e.severity));
    o.insert(QStringLiteral("source"), e.source);
    o.insert(QStringLiteral("uuid"), e.deviceUuid.isEmpty() ? QJsonValue() : QJsonValue(e.deviceUuid));
    o.insert(QStringLiteral("message"), e.message);
    o.insert(QStringLiteral("details"), e.details);
    return o;
}

QFuture<StoreResult<qint64>> LogExporter::exportToFile(Store *store, const LogFilter &filter, Format format,
                                                       const QString &path, qint64 limit)
{
    return exportToFile(std::make_shared<UserLogBook>(store), UserLogBook::recordFilter(filter), format, path, limit);
}

QFuture<StoreResult<qint64>> LogExporter::exportToFile(std::shared_ptr<const LogBook> book, const RecordFilter &filter,
                                                       Format format, const QString &path, qint64 limit)
{
    auto promise = std::make_shared<QPromise<StoreResult<qint64>>>();
    QFuture<StoreResult<qint64>> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([book, filter, format, path, limit, promise] {
        StoreResult<qint64> r;
        const auto finish = [&] {
            promise->addResult(r);
            promise->finish();
        };
        const StoreResult<CategoryCounts> counts = book->count(filter).result();
        qint64 total = 0;
        if (counts.ok())
            total = filter.categories.isEmpty() ? counts.value.total() : 0;
        if (counts.ok() && !filter.categories.isEmpty()) {
            for (int c : filter.categories)
                total += counts.value.of(c);
        }
        if (limit > 0)
            total = qMin(total, limit);
        promise->setProgressRange(0, int(qMin<qint64>(total, INT_MAX)));

        QSaveFile file(path); // a temporary file, renamed over path by commit()
        if (!file.open(QIODevice::WriteOnly)) {
            r.error = StoreError::make(
                    StoreError::Kind::Query,
                    tr("Cannot write %1: %2. Choose a folder you may write to.").arg(path, file.errorString()));
            return finish();
        }
        file.write(format == Format::Csv ? book->csvHeader() : QByteArrayLiteral("[\n"));
        RecordQuery query;
        query.filter = filter;
        query.limit = PageSize;
        bool first = true;
        for (;;) {
            if (promise->isCanceled()) {
                file.cancelWriting();
                r.error = StoreError::make(StoreError::Kind::Query,
                                           tr("The export was cancelled; nothing was written."));
                return finish();
            }
            if (limit > 0)
                query.limit = int(qMin<qint64>(PageSize, limit - r.value));
            if (query.limit <= 0)
                break;
            const StoreResult<QList<LogRecord>> page = book->query(query).result();
            if (!page.ok()) {
                file.cancelWriting();
                r.error = page.error;
                return finish();
            }
            QByteArray chunk;
            for (const LogRecord &record : page.value) {
                if (format == Format::Csv) {
                    chunk += book->csvLine(record);
                } else {
                    if (!first)
                        chunk += ",\n";
                    chunk += QJsonDocument(book->json(record)).toJson(QJsonDocument::Compact);
                }
                first = false;
            }
            if (file.write(chunk) != chunk.size())
                break; // reported by commit()
            r.value += page.value.size();
            promise->setProgressValue(int(qMin<qint64>(r.value, INT_MAX)));
            if (page.value.size() < query.limit)
                break;
            query.beforeId = page.value.constLast().id;
        }
        if (format == Format::Json)
            file.write(first ? QByteArrayLiteral("]\n") : QByteArrayLiteral("\n]\n"));
        if (promise->isCanceled()) { // at the last moment: still nothing written
            file.cancelWriting();
            r.error = StoreError::make(StoreError::Kind::Query, tr("The export was cancelled; nothing was written."));
            return finish();
        }
        if (!file.commit()) {
            r.error = StoreError::make(StoreError::Kind::Query,
                                       tr("Writing %1 failed: %2. Nothing was replaced; free some "
                                          "space or choose another file.")
                                               .arg(path, file.errorString()));
            r.value = 0;
        }
        finish();
    });
    return future;
}

} // namespace Oobm::Core
