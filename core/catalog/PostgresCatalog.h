#pragma once

#include "Snapshot.h"
#include "db/Session.h"

namespace tw::catalog {

// PostgreSQL catalog: one query per object kind (core/catalog/sql/postgres/),
// all in one REPEATABLE READ READ ONLY transaction so the parts agree.
Result<Snapshot> readPostgresSnapshot(db::Session &session);

} // namespace tw::catalog
