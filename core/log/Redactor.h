#pragma once

#include <QString>

namespace tw::log {

// Replaces secrets in free text with "***" before it reaches a log, a status
// bar or an error shown to a user. Case-insensitive. Covered:
//   - URL userinfo passwords            postgres://user:***@host/db
//   - key=value pairs whose key ends in password, passwd, secret or token
//     (libpq "password='a b'", PGPASSWORD=x, client_secret=x, and query
//     parameters ?token= &access_token= &refresh_token= &id_token=)
//   - key: value pairs with such keys in JSON / YAML-ish text ("password":"x")
//   - Authorization headers (any scheme) and "Bearer <token>"
//   - bare JWTs (eyJ….….…)
// It errs towards hiding too much: an unquoted value runs to the end of the
// token (whitespace), or for "key: value" to the end of the line.
QString redact(QString text);

// The placeholder written in place of a secret.
inline constexpr char16_t kRedacted[] = u"***";

} // namespace tw::log
