#pragma once

#include "error/Error.h"

#include <QByteArray>
#include <QJsonObject>

namespace tw::http::auth {

// Parses a JSON object for security decisions. QJsonDocument silently keeps
// the last of duplicate keys, so two parsers (ours, the issuer's, a proxy's)
// could read different claims from one token: duplicates at any depth are
// refused here, as are nesting deeper than maxDepth, a top level that is not
// an object, and trailing bytes. Errors are VALIDATION_FAILED with a short
// message ("duplicate key \"aud\"").
Result<QJsonObject> parseStrictJsonObject(const QByteArray &json, int maxDepth = 16);

} // namespace tw::http::auth
