#pragma once

#include "catalog/Snapshot.h"
#include "config/DeclaredTable.h"
#include "error/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tw::db {
class Session;
}

// The tables a connection's config declares (issue 9), held against the
// live schema: `migrate ensure` creates what is missing and never alters or
// drops anything; `migrate generate` writes the difference as a migration,
// like Alembic's autogenerate but additive only.
namespace tw::migrate {

struct EnsureOutcome
{
    enum class Action { Created, Skipped, Failed };
    QString table;                       // "schema.table"
    Action action = Action::Skipped;
    QStringList statements;              // what ran (Created) or would have run (Failed)
    QString error;                       // Failed: why
};

// Creates each declared table that does not exist yet, with its indexes, in
// its own transaction; an existing table is reported Skipped and left
// untouched (its rows and shape), one failing table does not stop the
// others. Order: a table after the declared tables its foreign keys name.
// Runs inside a pool job.
Result<QList<EnsureOutcome>> ensureDeclaredTables(db::Session &session, const QList<config::DeclaredTable> &tables);

// The CREATE TABLE / CREATE INDEX statements for one declared table, in the
// session's dialect (dry runs and the `generate` text use the same).
QStringList createStatements(const config::DeclaredTable &table, config::Driver driver);

struct SchemaDiff
{
    QStringList up;                      // statements, in order: new tables, new columns, indexes, constraints
    QStringList down;                    // the undo of `up`, in reverse order
    QStringList needsHandWritten;        // "public.t.c: type text in the config, integer in the database", drops, …
    bool isEmpty() const { return up.isEmpty(); }
};

// What `generate` writes: only additions (tables, columns, indexes, unique
// and foreign keys); a drop or a type/nullability change is listed in
// needsHandWritten, never generated.
SchemaDiff diffDeclaredTables(const catalog::Snapshot &live, const QList<config::DeclaredTable> &tables,
                              config::Driver driver);

} // namespace tw::migrate
