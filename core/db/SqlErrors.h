#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QSqlError>

namespace tw::db {

// Turns a driver error into the core error type: SQLSTATE classes for
// PostgreSQL, result codes for SQLite. `connectionAlive` lets a lost
// connection be told apart from a failing statement.
Error mapSqlError(config::Driver driver, const QSqlError &error, bool connectionAlive = true);

// True for SQLITE_BUSY / SQLITE_LOCKED: worth another try after a pause.
bool isBusyError(config::Driver driver, const QSqlError &error);

} // namespace tw::db
