#pragma once

#include "catalog/Snapshot.h"
#include "http/rbac/Policy.h"

namespace tw::http::v1 {

// The name the policy is written over: "schema.table" (SQLite: "main.table").
QString policyName(const catalog::QualifiedName &name);

// The part of a snapshot a caller may see, in the snapshot's own shape so
// SnapshotJson renders it (a caller allowed everything gets the snapshot
// unchanged):
// - relations the caller may not read (database:read on "schema.name") are
//   left out, and so is what would name them: foreign keys to them, view
//   dependencies on them, the sequences they own, load problems about them;
// - the caller's hidden columns (deny_columns) are left out, and so is what
//   is built on them: constraints, indexes and triggers whose columns or
//   definition name one, foreign keys pointing at one, sequences owned by
//   one, and SQLite's stored CREATE text of the table (it names every
//   column), and generation expressions that name one (visibleColumn).
// Schemas, routines, types and extensions are not tables and stay. A view's
// definition is shown as stored, even when it reads a table the caller may
// not: the text is the view's.
// A column as a caller with these hidden columns may see it: a generation
// expression naming one of them is replaced by a placeholder (the column
// stays generated, so read-only).
catalog::Column visibleColumn(const catalog::Column &column, const QSet<QString> &hidden);

catalog::Snapshot visibleSnapshot(const catalog::Snapshot &snapshot, const Policy &policy, const QStringList &roles,
                                  const QString &connection);

} // namespace tw::http::v1
