#pragma once

#include "error/Error.h"

#include <QList>
#include <QString>

// Splits a SQL script into statements to run one at a time (issue 9: the
// migration runner; also the SQL console). Sending a whole script as one
// string is what the other tools get wrong: QPSQL's exec() of several
// statements reports success when a later one failed, QSQLITE refuses more
// than one, and a naive split at ';' breaks function bodies.
namespace tw::migrate {

struct ScriptStatement
{
    QString text;     // the statement without its terminating ';', comments inside kept
    int line = 1;     // 1-based line of its first character in the script
    int number = 1;   // 1-based position among the script's statements
};

// PostgreSQL, with a lexer of our own that follows psql's: '…' strings with
// '' inside, E'…' with backslash escapes, "…" identifiers (semicolons and
// all), $tag$…$tag$ bodies, -- comments, nested /* */ comments, ';' inside
// parentheses (CREATE RULE … DO (…; …)), and BEGIN … END / CASE … END inside a
// CREATE statement (SQL-standard bodies: BEGIN ATOMIC … END). Statements that
// hold only comments or white space are dropped. COPY … FROM STDIN is refused
// (its data follows the statement in psql's own protocol), as is an
// unterminated string, identifier, dollar quote or comment — each error
// names the line.
Result<QList<ScriptStatement>> splitPostgresScript(const QString &script);

// SQLite, statement ends as SQLite itself sees them: sqlite3_complete()
// decides whether the text up to each ';' is a whole statement (it knows
// CREATE TRIGGER … BEGIN … END;), so no database is needed to split.
Result<QList<ScriptStatement>> splitSqliteScript(const QString &script);

} // namespace tw::migrate
