#pragma once

#include "AuditRecord.h"
#include "error/Error.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

namespace tw::http::audit {

// Appends one JSON object per line to its own file, readable by its owner
// only (0600, also when the file was there with a wider mode), one write(2)
// per record so lines of concurrent writers never interleave. A symlink at
// the path is refused (O_NOFOLLOW), as is anything but a regular file.
//
// A failing write never stops the server: it is reported once through the
// log (and again only after a write has succeeded in between); write()
// returns false so the caller may count it.
class AuditLog
{
public:
    // Keys beyond this are counted but not listed, so one bulk write cannot
    // produce a line of megabytes.
    static constexpr int kMaxKeys = 1000;

    AuditLog() = default;
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // Opens (creating if needed) for appending; an open log is closed first,
    // so calling it again reopens after rotation.
    Status open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const;

    bool write(const AuditRecord &record);

    // The line written for a record, without the trailing newline. Fields in
    // a fixed order: time, request_id, subject, client_id, roles, connection,
    // table, operation, keys, key_count, keys_truncated, status, method,
    // route, reason. key_count is always there (keys.size() unless keyCount
    // says more); keys only when some are listed, keys_truncated only when
    // true, reason only when not empty.
    static QByteArray format(const AuditRecord &record);

private:
    void warnOnce(const QString &what);

    mutable QMutex m_mutex;
    int m_fd = -1;
    QString m_path;
    bool m_warned = false;
};

} // namespace tw::http::audit
