// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/keyledger.h"
#include "core/log/logfilter.h"
#include "core/provisioning/actionrecord.h"
#include "core/store/store.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <variant>

namespace Oobm::Core {

class Store;
struct PurgeReport;

// One row of a LogBook: what paging, counting and the live tail need (id, time, category), and
// the entry itself for the book's columns, details and export.
struct LogRecord
{
    qint64 id = 0;
    QDateTime time;
    int category = 0;
    std::variant<LogEntry, ActionRecord, AuditEntry> entry;
};

// What the Logs pages filter by. Each book reads it as its own query (see the books).
struct RecordFilter
{
    QList<int> categories; // of the book's categories(); empty: all
    QString source;        // the Log's source, the Actions Status's step
    QString device;        // a system's UUID or FQDN
    QString text;          // substring, without case, of the book's text columns
    QDateTime since;
    QDateTime until;

    bool isEmpty() const;
    bool operator==(const RecordFilter &other) const = default;
};

// A page of records, newest first; keyset paging as in LogQuery.
struct RecordQuery
{
    RecordFilter filter;
    qint64 beforeId = 0;
    qint64 afterId = 0;
    int limit = 200;
    bool oldestFirst = false;
};

// One of the three logs under Logs (the Log, the Actions Status, the Security Audit) as the one
// Logs view, its counts and its export see it: columns, categories (severities, results,
// actions), which filters apply, and filtered, keyset-paged reads from the store. The view and
// the exporter know nothing else about a log. Immutable after construction, so an export may
// use it on a pool thread.
class LogBook
{
public:
    enum class Kind { Log, Actions, Audit };
    struct ColumnSpec
    {
        QString title;
        QString widthSample; // text as wide as the column's usual content; empty: stretches
        bool number = false; // aligned right
    };
    struct Category
    {
        int value = 0;
        QString key;  // stable, for saved filters and exports ("error", "failed", "export")
        QString name; // translated
    };

    explicit LogBook(Store *store)
        : m_store(store)
    { }
    virtual ~LogBook();
    Q_DISABLE_COPY_MOVE(LogBook)

    Store *store() const { return m_store; }
    virtual Kind kind() const = 0;
    // "log", "actions", "audit": names the saved filters, the header state and export files.
    virtual QString key() const = 0;

    virtual QList<ColumnSpec> columns() const = 0;
    virtual int categoryColumn() const = 0;
    virtual QString display(const LogRecord &record, int column) const = 0;
    // The whole record as the details pane shows it.
    virtual QString details(const LogRecord &record) const = 0;
    // The record as one tab-separated line (Copy).
    virtual QStringList copyFields(const LogRecord &record) const = 0;

    virtual QList<Category> categories() const = 0;
    // The filters that apply besides categories, time and text. sourceChoices() empty: none.
    virtual QString allSourcesLabel() const { return {}; }
    virtual QStringList sourceChoices() const { return {}; }
    virtual bool filtersByDevice() const { return false; }
    virtual QString textPlaceholder() const = 0;
    virtual QString emptyText(bool filtered) const = 0;

    virtual QFuture<StoreResult<QList<LogRecord>>> query(const RecordQuery &query) const = 0;
    // Records per category for the filter, its categories ignored. Cancelling the future before
    // the store thread reaches it skips the query.
    virtual QFuture<StoreResult<CategoryCounts>> count(const RecordFilter &filter) const = 0;
    // Whether a purge removed records of this book.
    virtual bool purgedBy(const PurgeReport &report) const = 0;

    virtual QByteArray csvHeader() const = 0;
    virtual QByteArray csvLine(const LogRecord &record) const = 0;
    virtual QJsonObject json(const LogRecord &record) const = 0;

    // One CSV line: the id, then the fields, each quoted when it must be and a leading = + - @
    // neutralized (a spreadsheet would run it as a formula).
    static QByteArray csvRow(qint64 id, const QStringList &fields);

protected:
    // A store query's entries as records, converted on the thread that answers.
    template<typename Entry>
    static QFuture<StoreResult<QList<LogRecord>>> records(QFuture<StoreResult<QList<Entry>>> entries,
                                                          LogRecord (*record)(const Entry &))
    {
        return entries.then([record](const StoreResult<QList<Entry>> &r) {
            StoreResult<QList<LogRecord>> records;
            records.error = r.error;
            records.value.reserve(r.value.size());
            for (const Entry &e : r.value)
                records.value.append(record(e));
            return records;
        });
    }

private:
    Store *m_store;
};

} // namespace Oobm::Core
