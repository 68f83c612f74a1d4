#pragma once

#include "ConnectionProfile.h"
#include "error/Error.h"

#include <QString>

namespace tw::config {

// Parses a connection URL into a profile named `name`.
//
//   postgres://[user[:password]@]host[:port]/database[?param=value&...]
//   postgresql://...                       (same)
//     host: name, IPv4, [IPv6] in brackets, or a percent-encoded socket directory
//     port: 1-65535, default 5432; user, password, database are percent-decoded
//     params: sslmode=disable|allow|prefer|require|verify-ca|verify-full,
//             readonly=true|false, migrations=DIR, user, password, pool_size, pool_overflow,
//             acquire_timeout_ms, idle_timeout_ms, max_lifetime_ms, pre_ping,
//             busy_timeout_ms, busy_retries
//   sqlite:///abs/path.db    absolute path (three slashes: empty host, like file:)
//   sqlite://relative.db     relative path, kept as written (SQLite resolves it
//                            against the working directory)
//   sqlite::memory:          in-memory database (also sqlite://:memory:)
//     params: readonly, migrations and the pool params above
//
// The password is kept in profile.password (memory only). Errors are
// CONFIG_INVALID with details {"field": "scheme"|"user"|"password"|"host"|"port"|
// "database"|"file"|"query.<param>"}; their text never contains the password.
Result<ConnectionProfile> parseDatabaseUrl(const QString &url,
                                           const QString &name = QStringLiteral("default"));

} // namespace tw::config
