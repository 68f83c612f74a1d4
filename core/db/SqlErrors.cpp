#include "SqlErrors.h"

#include <sqlite3.h>

namespace tw::db {

namespace {

ErrorCode postgresCode(const QString &state, bool connectionAlive)
{
    if (!connectionAlive || state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01")
        || state == QLatin1String("57P02") || state == QLatin1String("57P03"))
        return ErrorCode::DbUnavailable;
    if (state == QLatin1String("57014"))
        return ErrorCode::QueryCancelled;
    if (state.startsWith(QLatin1String("23")))
        return ErrorCode::ConstraintViolation;
    if (state == QLatin1String("40001") || state == QLatin1String("40P01"))
        return ErrorCode::Conflict;
    // lock_not_available: a lock_timeout ran out behind another session's lock.
    if (state == QLatin1String("55P03"))
        return ErrorCode::Busy;
    if (state == QLatin1String("42501") || state == QLatin1String("25006"))
        return ErrorCode::PermissionDenied;
    if (state == QLatin1String("42P01"))
        return ErrorCode::TableNotFound;
    if (state == QLatin1String("28P01") || state == QLatin1String("28000"))
        return ErrorCode::DbUnavailable;
    return ErrorCode::QueryFailed;
}

ErrorCode sqliteCode(int code)
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::Busy;
    case SQLITE_INTERRUPT: return ErrorCode::QueryCancelled;
    case SQLITE_CONSTRAINT: return ErrorCode::ConstraintViolation;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: return ErrorCode::PermissionDenied;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_IOERR: return ErrorCode::DbUnavailable;
    default: return ErrorCode::QueryFailed;
    }
}

} // namespace

Error mapSqlError(config::Driver driver, const QSqlError &error, bool connectionAlive)
{
    const QString native = error.nativeErrorCode();
    QString message = error.databaseText().trimmed();
    if (message.isEmpty())
        message = error.text().trimmed();
    if (!error.driverText().isEmpty() && !message.contains(error.driverText()))
        message = error.driverText() + QStringLiteral(": ") + message;

    QVariantMap details;
    ErrorCode code = ErrorCode::QueryFailed;
    if (driver == config::Driver::Postgres) {
        details.insert(QStringLiteral("sqlstate"), native);
        code = postgresCode(native, connectionAlive);
        if (error.type() == QSqlError::ConnectionError && native.isEmpty())
            code = ErrorCode::DbUnavailable;
    } else {
        bool ok = false;
        const int rc = native.toInt(&ok);
        details.insert(QStringLiteral("sqliteCode"), ok ? rc : -1);
        code = ok ? sqliteCode(rc) : ErrorCode::QueryFailed;
        if (code == ErrorCode::QueryFailed && message.contains(QLatin1String("no such table")))
            code = ErrorCode::TableNotFound;
        if (!ok && error.type() == QSqlError::ConnectionError)
            code = ErrorCode::DbUnavailable;
    }
    return Error(code, message, details);
}

bool isBusyError(config::Driver driver, const QSqlError &error)
{
    if (driver != config::Driver::Sqlite)
        return false;
    bool ok = false;
    const int rc = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
}

} // namespace tw::db
