#include "SqlFileReader.h"

#include <QFile>
#include <QStringDecoder>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

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

// A signal (Ctrl-C asks a run to cancel) must not turn into "cannot read".
template<typename Call>
auto retryOnInterrupt(Call call)
{
    for (;;) {
        auto result = call();
        if (!(result < 0 && errno == EINTR))
            return result;
    }
}

} // namespace

Result<QStringList> listSqlFiles(const QString &path)
{
    DIR *dir = nullptr;
    for (;;) {
        dir = ::opendir(QFile::encodeName(path).constData());
        if (dir || errno != EINTR)
            break;
    }
    if (!dir)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("cannot read the migrations directory %1: %2").arg(path, systemReason(errno)));
    QStringList names;
    std::optional<Error> badName;
    errno = 0;
    while (const dirent *entry = ::readdir(dir)) {
        const size_t length = std::strlen(entry->d_name);
        if (entry->d_name[0] == '.' || !endsWithSql(entry->d_name, length))
            continue;
        bool regular = entry->d_type == DT_REG;
        if (entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN) {
            // Follows a link, as QDir::Files did; a dangling one is left out.
            struct stat info {};
            regular = retryOnInterrupt([&] { return ::fstatat(::dirfd(dir), entry->d_name, &info, 0); }) == 0
                      && S_ISREG(info.st_mode);
        }
        if (!regular) {
            errno = 0;
            continue;
        }
        // A name that is not UTF-8 could not be opened again from its
        // decoded form: said, not skipped (it may be a migration).
        auto decoder = QStringDecoder(QStringDecoder::Utf8);
        const QString name = decoder.decode(QByteArrayView(entry->d_name, qsizetype(length)));
        if (decoder.hasError()) {
            if (!badName)
                badName = Error(ErrorCode::ValidationFailed,
                                QStringLiteral("a file name in %1 is not UTF-8: %2").arg(path, name));
        } else {
            names << name;
        }
        errno = 0;
    }
    const int readError = errno;
    ::closedir(dir);
    if (readError != 0)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("cannot read the migrations directory %1: %2").arg(path, systemReason(readError)));
    if (badName)
        return *badName;
    std::sort(names.begin(), names.end());
    return names;
}

namespace {

QString joined(const QString &directory, const QString &name)
{
    return directory.isEmpty() ? name : directory + u'/' + name;
}

// Reads the open file `fd` to its end and closes it. Errors name the file
// (`name` in `directory`, or `name` alone without one).
Result<QByteArray> readOpenFile(int fd, const QString &directory, const QString &name)
{
    const auto failed = [&](const QString &why) {
        ::close(fd);
        return Error(ErrorCode::ValidationFailed, QStringLiteral("cannot read %1: %2").arg(joined(directory, name), why));
    };
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return failed(systemReason(errno));
    if (!S_ISREG(info.st_mode))
        return failed(QStringLiteral("not a regular file"));
    // Sized from fstat, read until the end: a short read is not the end on
    // every file system (FUSE with direct_io, some network mounts). Once the
    // size fstat gave is in, with room left in the buffer, the file has
    // been read (the common case: one read call).
    const qsizetype expected = qsizetype(std::max<off_t>(info.st_size, 0));
    QByteArray bytes;
    bytes.resize(expected + 1);
    qsizetype used = 0;
    for (;;) {
        if (used == bytes.size())
            bytes.resize(bytes.size() * 2);
        const ssize_t n = retryOnInterrupt([&] { return ::read(fd, bytes.data() + used, size_t(bytes.size() - used)); });
        if (n < 0)
            return failed(systemReason(errno));
        if (n == 0)
            break;
        used += n;
        if (used == expected && used < bytes.size())
            break;
    }
    ::close(fd);
    bytes.truncate(used);
    return bytes;
}

// O_NONBLOCK: a FIFO put in the file's place after the listing must not
// hang the run (it is refused by its type).
constexpr int kReadFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;

} // namespace

OpenDirectory::OpenDirectory(QString path, int fd)
    : m_path(std::move(path))
    , m_fd(fd)
{}

OpenDirectory::~OpenDirectory()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<std::shared_ptr<const OpenDirectory>> OpenDirectory::open(const QString &path)
{
    const int fd = retryOnInterrupt([&] { return ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); });
    if (fd < 0)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("cannot read the migrations directory %1: %2").arg(path, systemReason(errno)));
    return std::shared_ptr<const OpenDirectory>(new OpenDirectory(path, fd));
}

Result<QByteArray> OpenDirectory::readFile(const QString &name) const
{
    const int fd = retryOnInterrupt([&] { return ::openat(m_fd, QFile::encodeName(name).constData(), kReadFlags); });
    if (fd < 0)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("cannot read %1: %2").arg(joined(m_path, name), systemReason(errno)));
    return readOpenFile(fd, m_path, name);
}

std::optional<FileStamp> OpenDirectory::stamp(const QString &name) const
{
    struct stat info {};
    if (retryOnInterrupt([&] { return ::fstatat(m_fd, QFile::encodeName(name).constData(), &info, 0); }) != 0)
        return std::nullopt;
    return FileStamp{quint64(info.st_dev), quint64(info.st_ino), qint64(info.st_size),
                     qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec,
                     qint64(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec};
}

Result<QByteArray> readWholeFile(const QString &path)
{
    const int fd = retryOnInterrupt([&] { return ::open(QFile::encodeName(path).constData(), kReadFlags); });
    if (fd < 0)
        return Error(ErrorCode::ValidationFailed, QStringLiteral("cannot read %1: %2").arg(path, systemReason(errno)));
    return readOpenFile(fd, {}, path);
}

} // namespace tw::migrate
