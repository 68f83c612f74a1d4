#pragma once

// The engine halves of describeTable() (TableDescriber.cpp dispatches).
#include "TableShape.h"
#include "db/Session.h"
#include "error/Error.h"

namespace tw::data::detail {

Result<TableShape> describePostgres(db::Session &session, const catalog::QualifiedName &table);
Result<TableShape> describeSqlite(db::Session &session, const catalog::QualifiedName &table);

// TABLE_NOT_FOUND for `table`, with the close matches among the tables and
// views of the connection (catalog::listTables), built like every other
// "no such X" (catalog::notFoundError).
Error tableNotFound(db::Session &session, const catalog::QualifiedName &table);

// SQLite: the cheap row estimate of a table (sqlite_stat1, else the rowid
// range, both index lookups); -1 when neither is available.
qint64 sqliteEstimate(db::Session &session, const TableShape &shape);
// SQLite: a name for the rowid that no real column of `shape` uses
// (rowid, _rowid_, oid), or empty when all three are taken.
QString sqliteRowidAlias(const TableShape &shape);

} // namespace tw::data::detail
