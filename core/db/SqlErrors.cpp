#include "SqlErrors.h"

#include <libpq-fe.h>

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

Error postgresResultError(const PGconn *conn, const PGresult *result)
{
    const QString state = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    QString message = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    if (message.isEmpty())
        message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    if (message.isEmpty()) // no result at all (e.g. more than 65,535 parameters): the connection says why
        message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    Error error = mapSqlError(config::Driver::Postgres, QSqlError(QString(), message, QSqlError::StatementError, state),
                              PQstatus(conn) == CONNECTION_OK);
    if (const char *detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
        error.withDetail(QStringLiteral("serverDetail"), QString::fromUtf8(detail));
    if (const char *hint = PQresultErrorField(result, PG_DIAG_MESSAGE_HINT))
        error.withHint(QString::fromUtf8(hint));
    return error;
}

} // namespace tw::db
