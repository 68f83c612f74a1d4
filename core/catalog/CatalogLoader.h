#pragma once

#include "Snapshot.h"
#include "db/Session.h"

namespace tw::catalog {

// Reads the whole catalog of the session's database with a fixed, small
// number of queries per engine (never one per table). Runs inside a pool
// job. A part that fails (a permission, an exotic server setting) is
// recorded in Snapshot::problems and the rest still loads; only a failure
// to read anything at all is an error.
Result<Snapshot> readSnapshot(db::Session &session);

} // namespace tw::catalog
