#pragma once

struct sqlite3;

namespace tw::db {

// SQL functions Tablewright adds to every SQLite connection it opens.
//
// tw_row_version(v1, v2, …): a 64-bit hash of the values and their storage
// classes. SQLite keeps no row version, so the browser reads this with each
// row and an edit checks it again before writing: a row someone else changed
// meanwhile hashes differently and the edit is reported as a conflict.
inline constexpr const char *kSqliteRowVersionFunction = "tw_row_version";

// Returns false (and leaves the connection usable) if SQLite refused.
bool registerSqliteFunctions(sqlite3 *db);

} // namespace tw::db
