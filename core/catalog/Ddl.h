#pragma once

#include "Snapshot.h"

namespace tw::catalog {

// DDL generated from a snapshot, no database needed. PostgreSQL DDL is
// generated so that applying databaseDdl() to an empty database and reading
// its catalog again gives an equal snapshot (statistics aside). SQLite
// returns the stored `sql` texts.

// One object: a table comes with its constraints, indexes, triggers and
// comments; a column, index, constraint or trigger with its own statement.
// NOT_FOUND names the object when it is not in the snapshot.
Result<QString> objectDdl(const Snapshot &snapshot, const ObjectRef &ref);
// Every object of one schema, in dependency order. NOT_FOUND for an unknown schema.
Result<QString> schemaDdl(const Snapshot &snapshot, const QString &schema);
// The whole database (every schema, extensions first), in dependency order.
QString databaseDdl(const Snapshot &snapshot);

} // namespace tw::catalog
