// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/storeerror.h"

class QSqlDatabase;

namespace Oobm::Core::Schema {

enum class Dialect { SQLite, PostgreSQL };

// The schema version this program writes. One migration function per version: a new store runs
// them all from 0, an older store runs those above its version.
inline constexpr int CurrentVersion = 12;

// Reads meta.schema_version: 0 for an empty database.
int readVersion(QSqlDatabase &db, StoreError *error);
// Runs the migrations from fromVersion+1 to toVersion inside the caller's transaction and
// records the new version.
StoreError migrate(QSqlDatabase &db, Dialect dialect, int fromVersion, int toVersion = CurrentVersion);
// Makes the full-text indexes of the Log and the Actions Status that are missing (SQLite FTS5
// trigram tables, PostgreSQL pg_trgm indexes): at every writable open, so that a store migrated
// where the engine was missing (an SQLite without FTS5, a PostgreSQL without postgresql-contrib,
// a user who may not create the extension) gets them once it is opened where it is there.
// SQLite: inside the caller's transaction. PostgreSQL: outside any transaction (the indexes are
// built CONCURRENTLY, so engines sharing the database keep writing). Never fails: without an
// index the text filters read every entry, and the store says so in its log.
void ensureFullText(QSqlDatabase &db, Dialect dialect);

} // namespace Oobm::Core::Schema
