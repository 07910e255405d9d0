// SPDX-License-Identifier: GPL-2.0-or-later
#include "logmodel.h"

#include "core/async.h"
#include "core/logbook/userlogbook.h"
#include "core/store/store.h"
#include "ui/shell/icons.h"

#include <QColor>
#include <QTimer>

#include <algorithm>

namespace Oobm::Gui {

using Core::LogBook;
using Core::LogRecord;
using Core::RecordQuery;
using Core::Severity;

namespace {
// A page asked for oldest first (the end of the log, or the page above the window), in the
// model's order.
QList<LogRecord> newestFirst(const QList<LogRecord> &oldestFirst)
{
    return QList<LogRecord>(oldestFirst.crbegin(), oldestFirst.crend());
}
} // namespace

LogModel::LogModel(std::shared_ptr<const LogBook> book, QObject *parent)
    : QAbstractTableModel(parent)
    , m_book(std::move(book))
    , m_store(m_book->store())
    , m_columns(m_book->columns())
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(2000);
    connect(m_poll, &QTimer::timeout, this, &LogModel::fetchNewer);
    switch (m_book->kind()) {
    case LogBook::Kind::Log:
        connect(m_store, &Core::Store::logAppended, this, &LogModel::fetchNewer);
        break;
    case LogBook::Kind::Actions: // the engine records steps as it finishes with a system
        connect(m_store, &Core::Store::systemsChanged, this, &LogModel::fetchNewer);
        break;
    case LogBook::Kind::Audit:
        connect(m_store, &Core::Store::keysChanged, this, &LogModel::fetchNewer);
        break;
    }
    connect(m_store, &Core::Store::stateChanged, this, &LogModel::onStoreStateChanged);
    onStoreStateChanged();
}

LogModel::LogModel(Core::Store *store, QObject *parent)
    : LogModel(std::make_shared<Core::UserLogBook>(store), parent)
{ }

LogModel::~LogModel() = default;

void LogModel::setPollInterval(int ms)
{
    m_poll->setInterval(ms);
}

void LogModel::onStoreStateChanged()
{
    if (m_store->isReadable()) {
        m_poll->start();
        if (!m_started)
            reload();
    } else {
        m_poll->stop();
    }
}

void LogModel::setFilter(const Core::RecordFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void LogModel::reload()
{
    m_burstPending = false;
    m_error.clear();
    beginResetModel();
    m_rows.clear();
    ++m_generation;
    m_loading = false;
    m_fetchingNewer = false;
    m_atEnd = false;
    m_atNewest = true;
    endResetModel();
    if (m_store->isReadable()) {
        m_started = true;
        fetchMore({});
    }
}

void LogModel::showOldest()
{
    m_burstPending = false;
    m_error.clear();
    beginResetModel();
    m_rows.clear();
    ++m_generation;
    m_fetchingNewer = false;
    m_atEnd = true; // nothing older than the oldest
    m_atNewest = false;
    m_loading = true;
    endResetModel();
    if (!m_store->isReadable()) {
        m_loading = false;
        return;
    }
    m_started = true;
    RecordQuery query;
    query.filter = m_filter;
    query.limit = PageSize;
    query.oldestFirst = true;
    const quint64 generation = m_generation;
    Core::whenReady(m_book->query(query), this, [this, generation](const Core::StoreResult<QList<LogRecord>> &r) {
        if (generation != m_generation)
            return;
        m_error = r.ok() ? QString() : r.error.message;
        if (r.ok() && !r.value.isEmpty()) {
            beginInsertRows({}, 0, int(r.value.size()) - 1);
            m_rows = newestFirst(r.value);
            endInsertRows();
        }
        m_atNewest = r.ok() && r.value.size() < PageSize;
        m_loading = false;
        Q_EMIT loaded();
    });
}

bool LogModel::canFetchNewerPage() const
{
    return !m_atNewest && !m_loading && !m_fetchingNewer && !m_rows.isEmpty() && m_store->isReadable();
}

void LogModel::fetchNewerPage()
{
    if (!canFetchNewerPage())
        return;
    m_loading = true;
    RecordQuery query;
    query.filter = m_filter;
    query.limit = PageSize;
    query.afterId = m_rows.constFirst().id;
    query.oldestFirst = true; // the page right above the window, not the newest entries
    const quint64 generation = m_generation;
    Core::whenReady(m_book->query(query), this, [this, generation](const Core::StoreResult<QList<LogRecord>> &r) {
        if (generation != m_generation)
            return;
        m_error = r.ok() ? QString() : r.error.message;
        if (r.ok() && !r.value.isEmpty()) {
            m_insertingNewerPage = true;
            beginInsertRows({}, 0, int(r.value.size()) - 1);
            m_rows = newestFirst(r.value) + m_rows;
            endInsertRows();
            m_insertingNewerPage = false;
            trimBottom();
        }
        m_atNewest = r.ok() && r.value.size() < PageSize;
        m_loading = false;
        Q_EMIT loaded();
        if (m_atNewest)
            fetchNewer(); // what arrived meanwhile
    });
}

void LogModel::trimTop()
{
    if (m_rows.size() <= m_windowSize)
        return;
    const int excess = int(m_rows.size()) - m_windowSize;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
    m_atNewest = false;
}

void LogModel::trimBottom()
{
    if (m_rows.size() <= m_windowSize)
        return;
    beginRemoveRows({}, m_windowSize, int(m_rows.size()) - 1);
    m_rows.resize(m_windowSize);
    endRemoveRows();
    m_atEnd = false;
}

int LogModel::rowOfId(qint64 id) const
{
    // Newest first: ids descend.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const LogRecord &r, qint64 v) { return r.id > v; });
    return it != m_rows.cend() && it->id == id ? int(it - m_rows.cbegin()) : -1;
}

QIcon LogModel::categoryIcon(int category) const
{
    // One icon per severity for the model's life: a new QIcon per row would render its SVG
    // again on every paint.
    const int i = category - int(Severity::Error);
    if (i < 0 || i > 3)
        return {};
    if (m_icons[i].isNull()) {
        static const char *const names[] = {"error", "warning", "information", "debug"};
        m_icons[i] = bundledIcon(QLatin1String(names[i]));
    }
    return m_icons[i];
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogRecord &r = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return m_book->display(r, column);
    case Qt::DecorationRole:
        if (column == m_book->categoryColumn() && m_book->kind() == LogBook::Kind::Log)
            return categoryIcon(r.category);
        return {};
    case Qt::ForegroundRole:
        if (column == m_book->categoryColumn() && m_book->kind() == LogBook::Kind::Actions) {
            switch (Core::ActionRecord::Result(r.category)) {
            case Core::ActionRecord::Result::Failed:
                return QColor(Qt::darkRed);
            case Core::ActionRecord::Result::Succeeded:
                return QColor(Qt::darkGreen);
            case Core::ActionRecord::Result::Skipped:
                break;
            }
        }
        return {};
    case Qt::TextAlignmentRole:
        if (m_columns.at(column).number)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == 0)
            return tr("%1 (UTC %2)")
                    .arg(r.time.toLocalTime().toString(Qt::ISODateWithMs), r.time.toString(Qt::ISODateWithMs));
        if (m_columns.at(column).widthSample.isEmpty()) {
            // The stretching column, often elided: all of it (the Log: and the details).
            const QString text = m_book->display(r, column);
            if (const auto *e = std::get_if<Core::LogEntry>(&r.entry); e && !e->details.isEmpty())
                return QString(text + QStringLiteral("\n\n") + e->details);
            return text;
        }
        return {};
    case EntryIdRole:
        return r.id;
    case CategoryRole:
        return r.category;
    case TimeRole:
        return r.time;
    case DetailsRole:
        return m_book->details(r);
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_columns.at(section).title;
}

bool LogModel::canFetchMore(const QModelIndex &parent) const
{
    // Not while a live update is on its way: it may trim the bottom, and a page asked for below
    // the old bottom would leave a hole. The view asks again when the live rows are laid out.
    return !parent.isValid() && !m_atEnd && !m_loading && !m_fetchingNewer && m_store->isReadable();
}

void LogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    RecordQuery query;
    query.filter = m_filter;
    query.limit = PageSize;
    query.beforeId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    const quint64 generation = m_generation;
    Core::whenReady(m_book->query(query), this, [this, generation](const Core::StoreResult<QList<LogRecord>> &r) {
        if (generation != m_generation)
            return;
        m_error = r.ok() ? QString() : r.error.message;
        if (r.ok() && r.value.size() < PageSize)
            m_atEnd = true;
        if (r.ok() && !r.value.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(r.value.size()) - 1);
            m_rows.append(r.value);
            endInsertRows();
            trimTop();
        }
        // Only now: a view may ask for more while the rows are being inserted.
        m_loading = false;
        Q_EMIT loaded();
        if (m_newerPending)
            fetchNewer();
    });
}

void LogModel::fetchNewer()
{
    if (!m_store->isReadable() || !m_atNewest || m_burstPending)
        return;
    if (m_fetchingNewer || m_loading || !m_started) {
        m_newerPending = true;
        return;
    }
    m_newerPending = false;
    m_fetchingNewer = true;
    RecordQuery query;
    query.filter = m_filter;
    query.afterId = m_rows.isEmpty() ? 0 : m_rows.constFirst().id;
    query.limit = LiveLimit;
    const quint64 generation = m_generation;
    Core::whenReady(m_book->query(query), this, [this, generation](const Core::StoreResult<QList<LogRecord>> &r) {
        if (generation != m_generation)
            return;
        if (!m_atNewest) {
            // The window moved down a long log meanwhile (trimTop): these are
            // not adjacent to its top any more.
            m_fetchingNewer = false;
            return;
        }
        if (r.ok() && r.value.size() >= LiveLimit) {
            // More arrived than one answer holds: start again from the newest entry
            // rather than load the whole burst; older rows page in on demand. Not
            // under a reader who is looking at older entries: they say when.
            m_fetchingNewer = false;
            if (m_following) {
                reload();
            } else {
                m_burstPending = true;
                Q_EMIT manyNewEntries();
            }
            return;
        }
        if (r.ok() && !r.value.isEmpty()) {
            beginInsertRows({}, 0, int(r.value.size()) - 1);
            m_rows = r.value + m_rows;
            endInsertRows();
            trimBottom();
            Q_EMIT newEntries(int(r.value.size()));
            Q_EMIT loaded();
        }
        m_fetchingNewer = false;
        if (m_newerPending)
            fetchNewer();
    });
}

} // namespace Oobm::Gui
