#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QSqlError>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace tw::db {

// Turns a driver error into the core error type: SQLSTATE classes for
// PostgreSQL, result codes for SQLite. `connectionAlive` lets a lost
// connection be told apart from a failing statement.
Error mapSqlError(config::Driver driver, const QSqlError &error, bool connectionAlive = true);

// A failed libpq result as mapSqlError() maps the same SQLSTATE, with the
// server's detail (details "serverDetail") and hint; without a result's own
// message (no result at all), the connection's.
Error postgresResultError(const PGconn *conn, const PGresult *result);

// True for SQLITE_BUSY / SQLITE_LOCKED: worth another try after a pause.
bool isBusyError(config::Driver driver, const QSqlError &error);

} // namespace tw::db
