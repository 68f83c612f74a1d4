#include "SqlFileReader.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tw::migrate {

namespace {

QString systemReason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool endsWithSql(const char *name, size_t length)
{
    return length > 4 && name[length - 4] == '.' && (name[length - 3] | 0x20) == 's'
           && (name[length - 2] | 0x20) == 'q' && (name[length - 1] | 0x20) == 'l';
}

} // namespace

Result<QStringList> listSqlFiles(const QString &path)
{
    DIR *dir = ::opendir(QFile::encodeName(path).constData());
    if (!dir)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("cannot read the migrations directory %1: %2").arg(path, systemReason(errno)));
    QStringList names;
    errno = 0;
    while (const dirent *entry = ::readdir(dir)) {
        const size_t length = std::strlen(entry->d_name);
        if (entry->d_name[0] == '.' || !endsWithSql(entry->d_name, length))
            continue;
        bool regular = entry->d_type == DT_REG;
        if (entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN) {
            // Follows a link, as QDir::Files did; a dangling one is left out.
            struct stat info {};
            regular = ::fstatat(::dirfd(dir), entry->d_name, &info, 0) == 0 && S_ISREG(info.st_mode);
        }
        if (regular)
            names << QFile::decodeName(QByteArray(entry->d_name, qsizetype(length)));
        errno = 0;
    }
    const int readError = errno;
    ::closedir(dir);
    if (readError != 0)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("cannot read the migrations directory %1: %2").arg(path, systemReason(readError)));
    std::sort(names.begin(), names.end());
    return names;
}

Result<QByteArray> readWholeFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return Error(ErrorCode::ValidationFailed, QStringLiteral("cannot read %1: %2").arg(path, systemReason(errno)));
    QByteArray bytes;
    qsizetype used = 0;
    // O_NONBLOCK: a FIFO put in the file's place after the listing fails
    // at once instead of hanging the run. Migration files are small: one 16 KiB read usually finds the end.
    bytes.resize(16384);
    for (;;) {
        if (used == bytes.size())
            bytes.resize(bytes.size() * 2);
        const ssize_t n = ::read(fd, bytes.data() + used, size_t(bytes.size() - used));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return Error(ErrorCode::ValidationFailed, QStringLiteral("cannot read %1: %2").arg(path, systemReason(error)));
        }
        used += n;
        // A regular file gives less than asked only at its end: no second
        // read to learn what the first already said.
        if (n == 0 || used < bytes.size())
            break;
    }
    ::close(fd);
    bytes.truncate(used);
    return bytes;
}

} // namespace tw::migrate
