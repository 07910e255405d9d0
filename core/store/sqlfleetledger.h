// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/collection.h"
#include "core/store/sqlledger.h"

#include <QStringList>

namespace Oobm::Core {

// What a collection is made of, and the tags on systems, on the store thread. A dynamic
// collection's members are computed in SQL each time (membershipClause), never copied; a static
// collection lists its members.
class SqlFleetLedger final : public SqlLedger
{
public:
    using SqlLedger::SqlLedger;

    // Built-in collections first, then the stored ones by name; each with its member count.
    // Every collection, built-in ones first; with each one's member count (one statement each), or
    // with memberCount -1.
    StoreResult<QList<Collection>> listCollections(bool withCounts = true);
    StoreResult<Collection> collection(qint64 id, bool withMembers);
    StoreResult<qint64> saveCollection(const Collection &collection);
    StoreResult<int> deleteCollection(qint64 id);
    // The systems a collection as given selects now: a dynamic one's rule (saved or not), a static
    // one's stored members.
    StoreResult<qint64> countMembers(const Collection &collection);
    // Adds (or removes, or replaces with) the systems named by UUID, FQDN or name. Names no system
    // answers to are an error that lists them, and nothing changes.
    StoreResult<int> changeMembers(qint64 id, const QStringList &systems, MemberChange change);

    StoreResult<int> tagSystems(const QStringList &uuids, const QStringList &add, const QStringList &remove);
    StoreResult<QList<TagCount>> listTags();

    // The SQL condition (on the systems table aliased s) that selects a collection's members,
    // with its binds appended. An unknown collection is an error.
    StoreResult<QString> membershipClause(qint64 collectionId, QVariantList *binds);
    static QString ruleClause(const CollectionRule &rule, const QDateTime &now, Schema::Dialect dialect,
                              QVariantList *binds);

private:
    StoreResult<QStringList> resolveSystems(const QStringList &names);
};

} // namespace Oobm::Core
