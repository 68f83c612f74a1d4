#pragma once

#include "error/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// The migrations directory read with the fewest system calls: `status` reads
// every file of a directory that may hold thousands (QDir + QFile cost
// seven calls per file — an open, three fstat, two reads, a close — and
// built a QFileInfo per entry; this is one getdents per batch and an open,
// an fstat, two reads and a close per file).
namespace tw::migrate {

// The names of the regular files (or links to them) in `path` whose name
// ends in ".sql" in any letter case, hidden ones left out, sorted by name
// (UTF-16 code unit order, as QDir::Name). Errors: the directory cannot be
// opened, or holds a *.sql file whose name is not UTF-8.
Result<QStringList> listSqlFiles(const QString &path);

// The whole content of a file. Errors name the file and the system's reason.
Result<QByteArray> readWholeFile(const QString &path);

} // namespace tw::migrate
