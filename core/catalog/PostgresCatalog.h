#pragma once

#include "Snapshot.h"
#include "db/Session.h"

namespace tw::catalog {

// PostgreSQL catalog: one query per object kind (core/catalog/sql/postgres/),
// all in one REPEATABLE READ READ ONLY transaction so the parts agree.
// A part the server refuses (a revoked function, a lock timeout) becomes a
// LoadProblem and the rest still loads; only a failed relations part, a
// cancelled job or a lost connection fail the whole load.
Result<Snapshot> readPostgresSnapshot(db::Session &session);

// What one load cost the server, for tests and benchmarks.
struct PostgresLoadStats
{
    int statements = 0;          // every statement sent, BEGIN and SAVEPOINTs included
};
Result<Snapshot> readPostgresSnapshot(db::Session &session, PostgresLoadStats *stats);

} // namespace tw::catalog
