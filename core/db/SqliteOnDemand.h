#pragma once

// SQLite is loaded the first time a SQLite function is called
// (SqliteOnDemand.cpp), so that commands on PostgreSQL never map it.
namespace tw::db {

// A function of libsqlite3 by name, for what the forwarders cannot pass on
// (sqlite3_config takes variable arguments). Loads the library.
void *sqliteSymbol(const char *name);

} // namespace tw::db
