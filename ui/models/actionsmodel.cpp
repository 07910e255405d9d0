// SPDX-License-Identifier: GPL-2.0-or-later
#include "actionsmodel.h"

#include "core/async.h"
#include "core/store/store.h"

#include <QColor>
#include <QTimer>

namespace Oobm::Gui {

ActionsModel::ActionsModel(Core::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_changed(new QTimer(this))
{
    m_filter.limit = Limit;
    m_changed->setSingleShot(true);
    m_changed->setInterval(300);
    connect(m_changed, &QTimer::timeout, this, &ActionsModel::reload);
    connect(m_store, &Core::Store::systemsChanged, this, [this] {
        if (!m_changed->isActive())
            m_changed->start();
    });
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, &ActionsModel::reload);
    poll->start(5000);
}

ActionsModel::~ActionsModel() = default;

void ActionsModel::setFilter(const Core::ActionFilter &filter)
{
    m_filter = filter;
    m_filter.limit = Limit;
    reload();
}

void ActionsModel::reload()
{
    if (!m_store->isReadable())
        return;
    const quint64 generation = ++m_generation;
    Core::whenReady(m_store->listActions(m_filter), this,
                    [this, generation](const Core::StoreResult<QList<Core::ActionRecord>> &r) {
                        if (generation != m_generation)
                            return;
                        const QList<Core::ActionRecord> actions = r.ok() ? r.value : QList<Core::ActionRecord>{};
                        if (!actions.isEmpty() && !m_actions.isEmpty() && actions.size() >= m_actions.size()
                            && actions.at(actions.size() - m_actions.size()).id == m_actions.first().id
                            && actions.last().id == m_actions.last().id) {
                            // Only new rows on top (the usual case): insert them, keep the rest.
                            const int added = int(actions.size() - m_actions.size());
                            if (added > 0) {
                                beginInsertRows({}, 0, added - 1);
                                m_actions = actions;
                                endInsertRows();
                            }
                        } else {
                            beginResetModel();
                            m_actions = actions;
                            endResetModel();
                        }
                        Q_EMIT loaded(r.ok() ? QString() : r.error.message);
                    });
}

int ActionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actions.size());
}

int ActionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::ActionRecord &a = m_actions.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == ResultColumn)
        return a.result == Core::ActionRecord::Result::Failed ? QColor(Qt::darkRed)
                : a.result == Core::ActionRecord::Result::Succeeded ? QColor(Qt::darkGreen)
                                                                    : QVariant();
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return a.message;
    if (role == Qt::TextAlignmentRole && (index.column() == DurationColumn || index.column() == AttemptColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return a.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case SystemColumn:
        return a.uuid;
    case StepColumn:
        return a.step;
    case ResultColumn:
        return Core::actionResultName(a.result);
    case DurationColumn:
        return tr("%1 ms").arg(a.durationMs);
    case StatusColumn:
        return a.status;
    case AttemptColumn:
        return a.attempt;
    case MessageColumn:
        return a.message;
    }
    return {};
}

QVariant ActionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SystemColumn:
        return tr("System (UUID)");
    case StepColumn:
        return tr("Step");
    case ResultColumn:
        return tr("Result");
    case DurationColumn:
        return tr("Duration");
    case StatusColumn:
        return tr("Status");
    case AttemptColumn:
        return tr("Attempt");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace Oobm::Gui
