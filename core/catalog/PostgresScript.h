#pragma once

#include "Snapshot.h"

#include <functional>

namespace tw::catalog::pgddl {

// Whole scripts of PostgreSQL DDL, in pg_dump's order: SET
// check_function_bodies, schemas, extensions, types, sequences, routines,
// tables (parents before partitions), views (each after what it reads),
// indexes, key constraints, index attachments, foreign keys, triggers,
// row-level security and policies, sequence ownership, comments.

// Every object of every schema for which `inScope(schema)` holds.
QString scopeScript(const Snapshot &snapshot, const std::function<bool(const QString &)> &inScope);

// One relation with its sequences, constraints, indexes, triggers and
// comments, to run in a database that has everything else (a partition's
// parent included: the parts PARTITION OF creates are left out).
QString relationScript(const Snapshot &snapshot, const Relation &relation);

} // namespace tw::catalog::pgddl
