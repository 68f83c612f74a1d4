#pragma once

#include "error/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

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

// What the file system says of a file that changes when its content does.
struct FileStamp
{
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;
    bool operator==(const FileStamp &) const = default;
};

// A directory held open, so its files are opened relative to it (openat):
// the kernel does not walk the directory's path again for each of them.
class OpenDirectory
{
public:
    // Errors name the directory and the system's reason.
    static Result<std::shared_ptr<const OpenDirectory>> open(const QString &path);
    ~OpenDirectory();
    OpenDirectory(const OpenDirectory &) = delete;
    OpenDirectory &operator=(const OpenDirectory &) = delete;

    const QString &path() const { return m_path; }
    int fd() const { return m_fd; }
    // The whole content of the regular file `name` in it (thread-safe).
    // Errors name the file and the system's reason.
    Result<QByteArray> readFile(const QString &name) const;
    // The stamp of `name` (links followed); nullopt when it cannot be had.
    std::optional<FileStamp> stamp(const QString &name) const;

private:
    OpenDirectory(QString path, int fd);
    QString m_path;
    int m_fd = -1;
};

// The whole content of a file. Errors name the file and the system's reason.
Result<QByteArray> readWholeFile(const QString &path);

} // namespace tw::migrate
