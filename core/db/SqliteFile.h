#pragma once

#include "error/Error.h"

#include <QString>

namespace tw::db {

// Creates a new SQLite database at `path` from a SQL script. Written to a
// temporary file first and renamed into place, so a failed script never
// leaves a half-built database behind. Refuses to overwrite an existing file.
// Blocking: call it from a worker thread (QtConcurrent::run), never the GUI.
Status createSqliteDatabase(const QString &path, const QString &script);

// An empty database at `path` (`migrate up` on a SQLite file that does not
// exist yet, as dbmate does). Same rules as above.
Status createEmptySqliteDatabase(const QString &path);

// Process-wide SQLite settings, applied before the library's first use
// (later calls change nothing): memory statistics off, since nothing reads
// them and Debian's build keeps them with a global mutex taken on every
// allocation (~4 % of applying a thousand migrations). Called before each
// connection is opened.
void configureSqliteLibrary();

} // namespace tw::db
