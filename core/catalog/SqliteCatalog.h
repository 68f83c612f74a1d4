#pragma once

#include "Snapshot.h"
#include "db/Session.h"

namespace tw::catalog {

// SQLite catalog: sqlite_schema plus the pragma table-valued functions
// (table_xinfo, foreign_key_list, index_list, index_xinfo) joined over all
// tables, a fixed number of queries whatever the table count.
Result<Snapshot> readSqliteSnapshot(db::Session &session);

} // namespace tw::catalog
