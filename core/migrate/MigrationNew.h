#pragma once

#include "error/Error.h"

#include <QString>

// `migrate new NAME` and `migrate generate NAME` (issue 9): the next
// versioned file of a directory and its undo file.
namespace tw::migrate {

struct NewMigrationFiles
{
    QString version;                     // "4", or the next of the directory's scheme
    QString upPath;                      // absolute paths of the written files
    QString undoPath;
};

// Writes V<next>__<name>.sql and U<next>__<name>.sql (next = the highest
// version + 1 in its first part; 1 in an empty directory; a dbmate folder
// gets a timestamp version and one file with both sections, golang-migrate
// <n>_<name>.up.sql/.down.sql) holding `upSql` and `downSql` (a comment
// placeholder when empty). Refuses a name that is empty or not
// [A-Za-z0-9_ -], an existing file, and an unreadable directory (which is
// created when missing).
Result<NewMigrationFiles> createMigrationFiles(const QString &directory, const QString &name,
                                               const QString &upSql = {}, const QString &downSql = {});

} // namespace tw::migrate
