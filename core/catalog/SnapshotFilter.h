#pragma once

#include "Snapshot.h"

namespace tw::catalog {

// Narrowing a snapshot for `schema --schema/--object` and the API's
// per-object routes. Results keep the snapshot's shape, so one JSON
// serialiser serves whole databases and single objects alike.

// Only the objects of one schema (plus database-level extensions living in
// it). NOT_FOUND names the schema and lists close matches.
Result<Snapshot> restrictToSchema(const Snapshot &snapshot, const QString &schema);

// Objects whose name is `name`: a relation, sequence, routine (by name or
// signature), type or extension, written `name`, `schema.name`, or for a
// column, constraint, index or trigger `table.child` / `schema.table.child`.
// Exact matches win over case-insensitive ones. NOT_FOUND names it and lists
// close matches.
Result<QList<ObjectRef>> findObjects(const Snapshot &snapshot, const QString &name);

// The snapshot reduced to these objects (a child keeps its relation with
// only that child).
Snapshot restrictToObjects(const Snapshot &snapshot, const QList<ObjectRef> &refs);

} // namespace tw::catalog
