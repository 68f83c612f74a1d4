#include "AuditLog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QTimeZone>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcAudit, "tablewright.http.audit", QtInfoMsg)

namespace tw::http::audit {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// QJsonObject sorts its keys; an audit line reads best with time first, so
// the object is written field by field, each value by QJsonDocument (which
// escapes control characters: a value can never break the line).
class LineWriter
{
public:
    void field(const char *name, const QJsonValue &value)
    {
        m_line += m_line.isEmpty() ? "{\"" : ",\"";
        m_line += name;
        m_line += "\":";
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        m_line += wrapped.mid(1, wrapped.size() - 2); // strip the [ ] around it
    }
    QByteArray finish() { return m_line + '}'; }

private:
    QByteArray m_line;
};

} // namespace

AuditLog::~AuditLog()
{
    close();
}

Status AuditLog::open(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_path = path;
    m_warned = false;

    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: a FIFO planted at the path must not hang the server in
    // open(); it is refused below as not a regular file.
    int fd;
    do {
        fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const int error = errno;
        const QString why = error == ELOOP ? QStringLiteral("the path is a symbolic link") : systemError(error);
        return Error(ErrorCode::ConfigInvalid, QStringLiteral("cannot open the audit log %1: %2").arg(path, why))
            .withDetail(QStringLiteral("field"), QStringLiteral("api.audit_log"));
    }

    struct stat info {};
    QString problem;
    if (::fstat(fd, &info) != 0)
        problem = systemError(errno);
    else if (!S_ISREG(info.st_mode))
        problem = QStringLiteral("not a regular file");
    else if ((info.st_mode & 07777) != 0600 && ::fchmod(fd, 0600) != 0)
        problem = QStringLiteral("cannot restrict its mode to 0600: %1").arg(systemError(errno));
    else if (const int flags = ::fcntl(fd, F_GETFL); flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
        problem = systemError(errno);
    if (!problem.isEmpty()) {
        ::close(fd);
        return Error(ErrorCode::ConfigInvalid, QStringLiteral("cannot use the audit log %1: %2").arg(path, problem))
            .withDetail(QStringLiteral("field"), QStringLiteral("api.audit_log"));
    }
    m_fd = fd;
    return {};
}

void AuditLog::close()
{
    QMutexLocker lock(&m_mutex);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool AuditLog::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_fd >= 0;
}

QString AuditLog::path() const
{
    QMutexLocker lock(&m_mutex);
    return m_path;
}

QByteArray AuditLog::format(const AuditRecord &record)
{
    const QDateTime time = record.time.isValid() ? record.time : QDateTime::currentDateTimeUtc();
    LineWriter line;
    line.field("time", time.toUTC().toString(Qt::ISODateWithMs));
    line.field("request_id", record.requestId);
    line.field("subject", record.subject);
    line.field("client_id", record.clientId);
    line.field("roles", QJsonArray::fromStringList(record.roles));
    line.field("connection", record.connection);
    line.field("table", record.table);
    line.field("operation", record.operation);
    if (!record.keys.isEmpty()) {
        QJsonArray listed = record.keys;
        while (listed.size() > kMaxKeys)
            listed.removeLast();
        line.field("keys", listed);
    }
    const qint64 count = std::max<qint64>(record.keyCount.value_or(0), record.keys.size());
    line.field("key_count", count);
    if (record.keys.size() > kMaxKeys)
        line.field("keys_truncated", true);
    line.field("status", record.status);
    line.field("method", record.method);
    line.field("route", record.route);
    if (!record.reason.isEmpty())
        line.field("reason", record.reason);
    return line.finish();
}

bool AuditLog::write(const AuditRecord &record)
{
    const QByteArray line = format(record) + '\n';
    QMutexLocker lock(&m_mutex);
    if (m_fd < 0) {
        warnOnce(QStringLiteral("the audit log is not open"));
        return false;
    }
    // One write(2) per line: with O_APPEND the line lands whole at the end.
    // A short write (disk full) is finished in further calls.
    qsizetype done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(m_fd, line.constData() + done, size_t(line.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            warnOnce(n < 0 ? systemError(errno) : QStringLiteral("nothing written"));
            return false;
        }
        done += n;
    }
    if (m_warned) {
        qCInfo(lcAudit).noquote() << "audit log" << m_path << "is written again";
        m_warned = false;
    }
    return true;
}

void AuditLog::warnOnce(const QString &what)
{
    if (m_warned)
        return;
    m_warned = true;
    // The record itself is not logged here: the audit file is the place for it.
    qCWarning(lcAudit).noquote() << "cannot write the audit log" << m_path << ":" << what
                                 << "(further failures are not reported until a write succeeds)";
}

} // namespace tw::http::audit
