#pragma once

#include "RowChanges.h"
#include "TableShape.h"
#include "error/Error.h"

#include <QString>

namespace tw::data {

// How a commit names what went wrong, so the person who staged the edits can
// find the row: "row id=7", "row a=1, b='x'", "new row (change 12)".
QString rowLabel(const TableShape &shape, const RowChange &change);
QString changeKindName(RowChange::Kind kind);

// VALIDATION_FAILED for one change, before anything ran.
Error invalidChange(const TableShape &shape, const RowChange &change, const QString &problem,
                    const QString &column = {});

// A server error raised by the statement of one change: same code, the
// message prefixed with the row, details gaining tag, key, kind and, when
// the server names them, constraint and column.
Error rowError(const Error &server, config::Driver driver, const TableShape &shape, const RowChange &change);

// What a server message says about the constraint and column it concerns
// (empty when it does not say). PostgreSQL: "... constraint "name" ..." and
// "null value in column "c" ..."; SQLite: "UNIQUE constraint failed: t.c"
// (constraint "t.c", column "c"). A column is only reported when `shape` has it.
struct ConstraintMention
{
    QString constraint;
    QString column;
    QString kind;       // SQLite: "UNIQUE", "NOT NULL", "CHECK", "FOREIGN KEY", "PRIMARY KEY"
};
ConstraintMention parseConstraintMention(config::Driver driver, const QString &message, const TableShape &shape);

} // namespace tw::data
