// SPDX-License-Identifier: GPL-2.0-or-later
#include "collectionsmodel.h"

#include "core/async.h"
#include "core/store/store.h"

#include <QFont>
#include <QLocale>
#include <QTimer>

namespace Oobm::Gui {

namespace {
// Systems change many times a second while a fleet provisions: member counts follow at this pace.
constexpr int SystemsCoalesceMs = 2000;
} // namespace

CollectionsModel::CollectionsModel(Core::Store *store, QObject *parent)
    : LiveListModel(parent)
    , m_store(store)
    , m_systemsChanged(new QTimer(this))
{
    setColumnTitles({tr("Name"), tr("Kind"), tr("Members"), tr("Selects"), tr("Description")});
    m_systemsChanged->setSingleShot(true);
    m_systemsChanged->setInterval(SystemsCoalesceMs);
    connect(m_systemsChanged, &QTimer::timeout, this, &CollectionsModel::reload);
    connect(m_store, &Core::Store::collectionsChanged, this, &CollectionsModel::reload);
    connect(m_store, &Core::Store::profilesChanged, this, &CollectionsModel::reload);
    connect(m_store, &Core::Store::systemsChanged, this, [this] {
        if (!m_systemsChanged->isActive())
            m_systemsChanged->start();
    });
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        if (m_store->isReadable())
            reload();
    });
}

CollectionsModel::~CollectionsModel() = default;

void CollectionsModel::reload()
{
    if (!m_store->isReadable())
        return;
    const quint64 generation = ++m_generation;
    m_systemsChanged->stop();
    Core::whenReady(m_store->listProfiles(), this,
                    [this, generation](const Core::StoreResult<QList<Core::ProvisionProfile>> &profiles) {
        if (generation != m_generation)
            return;
        m_profiles.clear();
        for (const Core::ProvisionProfile &p : profiles.value)
            m_profiles.insert(p.id, p.name);
        Core::whenReady(m_store->listCollections(), this,
                        [this, generation](const Core::StoreResult<QList<Core::Collection>> &r) {
            if (generation != m_generation)
                return;
            if (r.ok())
                setItems(r.value);
            else
                clearItems();
            finishLoad(r.ok() ? QString() : r.error.message);
        });
    });
}

QString CollectionsModel::describeRule(const Core::CollectionRule &rule) const
{
    if (rule.profileId <= 0)
        return rule.describe();
    Core::CollectionRule rest = rule;
    rest.profileId = 0;
    const QString profile =
            tr("profile %1").arg(m_profiles.value(rule.profileId, tr("#%1 (deleted)").arg(rule.profileId)));
    return rest.isEmpty() ? profile : rest.describe() + QStringLiteral(", ") + profile;
}

QVariant CollectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::Collection &c = items().at(index.row());
    switch (role) {
    case IdRole:
        return c.id;
    case BuiltInRole:
        return c.isBuiltIn();
    case Qt::FontRole:
        if (c.isBuiltIn()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == MembersColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (c.isBuiltIn())
            return tr("Built in: it cannot be changed or deleted; Copy makes a collection you can change.");
        return c.createdBy.isEmpty()
                ? QVariant()
                : tr("Changed %1 by %2")
                          .arg(QLocale().toString(c.changed.toLocalTime(), QLocale::ShortFormat), c.createdBy);
    case SortRole:
        if (index.column() == MembersColumn)
            return c.memberCount;
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return c.name;
    case KindColumn:
        return c.isBuiltIn() ? tr("Built in") : Core::Collection::kindName(c.kind);
    case MembersColumn:
        return c.memberCount < 0 ? QString() : QLocale().toString(c.memberCount);
    case SelectsColumn:
        if (c.kind == Core::Collection::Kind::Static)
            return tr("systems chosen by hand");
        return describeRule(c.rule);
    case DescriptionColumn:
        return c.description;
    }
    return {};
}

} // namespace Oobm::Gui
