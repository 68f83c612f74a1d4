#pragma once

#include "Snapshot.h"
#include "db/Rows.h"

// Readers for the schema-level parts of a PostgreSQL snapshot that are not
// relations; each takes the rows of its query in core/catalog/sql/postgres/
// and appends to the snapshot's list. Sorting happens in sortPostgresObjects.
namespace tw::catalog {

void readPostgresSchemas(db::Rows &rows, QList<Schema> &out);
void readPostgresSequences(db::Rows &rows, QList<Sequence> &out);
void readPostgresRoutines(db::Rows &rows, QList<Routine> &out);
void readPostgresEnums(db::Rows &rows, QList<EnumType> &out);
void readPostgresDomains(db::Rows &rows, QList<Domain> &out);
void readPostgresComposites(db::Rows &rows, QList<CompositeType> &out);
void readPostgresExtensions(db::Rows &rows, QList<Extension> &out);

// A Schema entry for every schema an object lives in that `schemas` lacks
// (its part failed, or the role may not see it), so the tree still shows
// the objects. System schemas are left out.
void addReferencedSchemas(Snapshot &snapshot);

// Every list by (schema, name); routines of the same name by their
// arguments; extensions by name.
void sortPostgresObjects(Snapshot &snapshot);

} // namespace tw::catalog
