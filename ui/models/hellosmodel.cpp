// SPDX-License-Identifier: GPL-2.0-or-later
#include "hellosmodel.h"

#include "core/async.h"
#include "core/keys/pidpps.h"
#include "core/store/store.h"

#include <QColor>
#include <QTimer>

namespace Oobm::Gui {

HellosModel::HellosModel(Core::Store *store, QObject *parent)
    : TableModel(parent)
    , m_store(store)
    , m_changed(new QTimer(this))
{
    setColumnTitles({tr("Received"), tr("From"), tr("UUID"), tr("Type"), tr("PID"), tr("Outcome"), tr("Retry"),
                     tr("MEBx password set"), tr("Engine")});
    m_changed->setSingleShot(true);
    m_changed->setInterval(200);
    connect(m_changed, &QTimer::timeout, this, &HellosModel::fetchNew);
    const auto changed = [this] {
        if (!m_changed->isActive())
            m_changed->start();
    };
    connect(m_store, &Core::Store::systemsChanged, this, changed);
    connect(m_store, &Core::Store::hellosRecorded, this, changed);
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, &HellosModel::fetchNew);
    poll->start(3000);
}

HellosModel::~HellosModel() = default;

void HellosModel::setUuid(const QString &uuid)
{
    m_uuid = uuid;
    reload();
}

void HellosModel::reload()
{
    beginResetModel();
    m_hellos.clear();
    endResetModel();
    ++m_generation;
    m_fetching = false;
    fetchNew();
}

void HellosModel::fetchNew()
{
    if (m_fetching || !m_store->isReadable())
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    const qint64 after = m_hellos.isEmpty() ? 0 : m_hellos.first().id;
    Core::whenReady(m_store->listHellos(m_uuid, after, Limit), this,
                    [this, generation](const Core::StoreResult<QList<Core::HelloRecord>> &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (r.ok() && !r.value.isEmpty()) {
            beginInsertRows({}, 0, int(r.value.size()) - 1);
            m_hellos = r.value + m_hellos;
            endInsertRows();
            if (m_hellos.size() > Limit) {
                beginRemoveRows({}, Limit, int(m_hellos.size()) - 1);
                m_hellos.resize(Limit);
                endRemoveRows();
            }
        }
        Q_EMIT loaded(r.ok() ? QString() : r.error.message);
    });
}

int HellosModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hellos.size());
}

QVariant HellosModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::HelloRecord &h = m_hellos.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn
        && (h.version == 0 || h.outcome.startsWith(QStringLiteral("failed"))
            || h.outcome.contains(QStringLiteral("PID"))))
        return QColor(Qt::darkRed);
    if (role == Qt::ToolTipRole && index.column() == VersionColumn && !h.rootHashes.isEmpty())
        return h.rootHashes.join(u'\n');
    if (role == Qt::ToolTipRole && index.column() == OutcomeColumn)
        return h.outcome;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return h.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case SourceColumn:
        return QStringLiteral("%1:%2").arg(h.address).arg(h.port);
    case VersionColumn:
        return h.version == 2    ? tr("PSK")
                : h.version == 3 ? tr("PKI (%n hashes)", nullptr, int(h.rootHashes.size()))
                                 : tr("—");
    case UuidColumn:
        return h.uuid;
    case PidColumn:
        return h.pid.isEmpty() ? QString() : Core::PidPps::formatPid(h.pid);
    case RetryColumn:
        return h.version ? QVariant(h.retry) : QVariant();
    case AdminSetColumn:
        return h.version ? (h.adminCredentialsSet ? tr("Yes") : tr("No")) : QString();
    case OutcomeColumn:
        return h.outcome;
    case EngineColumn:
        return h.engine;
    }
    return {};
}

} // namespace Oobm::Gui
