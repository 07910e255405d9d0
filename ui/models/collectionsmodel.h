// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/collection.h"
#include "ui/models/livelistmodel.h"

#include <QHash>

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Collections: the built-in ones first, then the stored ones, each with how many systems it selects
// now. Read again when a collection changes, and (coalesced) when systems change, since a dynamic
// collection's members are whatever its rule selects at the moment; rows update in place.
class CollectionsModel final : public LiveListModel<Core::Collection>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionsModel)

public:
    enum Column { NameColumn, KindColumn, MembersColumn, SelectsColumn, DescriptionColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, BuiltInRole, SortRole };

    explicit CollectionsModel(Core::Store *store, QObject *parent = nullptr);
    ~CollectionsModel() override;

    void reload() override;
    Core::Collection collection(int row) const { return item(row); }
    // "state Failed, profile Standard": the rule, with profiles by name.
    QString describeRule(const Core::CollectionRule &rule) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    qint64 keyOf(const Core::Collection &c) const override { return c.id; }

private:
    Core::Store *m_store;
    QTimer *m_systemsChanged;
    QHash<qint64, QString> m_profiles;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui
