#pragma once

#include "catalog/Snapshot.h"
#include "error/Error.h"
#include "http/rest/RestError.h"

namespace tw::data {

// What the REST read refuses before any SQL runs, worded as PostgreSQL and
// PostgREST word it, so the HTTP layer answers as PostgREST would.

// 42703 "column t.x does not exist" (PostgREST: 400 with the server's code).
inline Error unknownColumnError(const catalog::QualifiedName &table, const QString &column)
{
    Error error = http::rest::restError("42703", QStringLiteral("column %1.%2 does not exist").arg(table.name, column));
    error.withDetail(QStringLiteral("table"), table.displayName()).withDetail(QStringLiteral("column"), column);
    return error;
}

// A column the caller may not read: 42501 as PostgreSQL's column privileges say it.
inline Error hiddenColumnError(const catalog::QualifiedName &table, const QString &column)
{
    return Error(ErrorCode::PermissionDenied,
                 QStringLiteral("permission denied for column %1 of table %2").arg(column, table.name),
                 {{QStringLiteral("sqlstate"), QStringLiteral("42501")},
                  {QStringLiteral("table"), table.displayName()},
                  {QStringLiteral("column"), column}});
}

// An operator the engine lacks (SQLite: ranges, arrays, full-text search).
inline Error unsupportedOperatorError(const QString &op, const QString &engine)
{
    return http::rest::restError(http::rest::kNotSupported,
                                 QStringLiteral("operator \"%1\" is not supported on %2").arg(op, engine), {},
                                 QStringLiteral("Use it on a PostgreSQL connection, or filter with another operator"));
}

} // namespace tw::data
