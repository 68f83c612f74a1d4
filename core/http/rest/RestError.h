#pragma once

#include "error/Error.h"

#include <QString>

namespace tw::http::rest {

// PostgREST's own error codes for what this parser refuses. The route handler
// answers {"code","message","details","hint"} from them (see pgrstCode()).
inline constexpr auto kBadQuery = "PGRST100";           // query string grammar, 400
inline constexpr auto kUnsatisfiableRange = "PGRST103"; // Range header, 416
inline constexpr auto kInvalidPreferences = "PGRST122"; // Prefer with handling=strict, 400
inline constexpr auto kInvalidBody = "PGRST102";        // request body not JSON or keys not matching, 400
inline constexpr auto kNotOneRow = "PGRST116";          // vnd.pgrst.object with 0 or many rows, 406
inline constexpr auto kUnknownColumn = "PGRST204";      // body or columns= names no column, 400
inline constexpr auto kMaxAffected = "PGRST124";        // more rows than Prefer max-affected, 400
// Beyond PostgREST: If-Match did not match the row's entity tag (412).
inline constexpr auto kPreconditionFailed = "TW412";
// A PATCH or DELETE without a filter: what pg-safeupdate answers (400).
inline constexpr auto kUnfilteredWrite = "21000";
// What PostgREST has but we do not (embedding, spread): PostgREST 12 has no
// code for this, so it is a bad query (400) with a message that says why.
inline constexpr auto kNotSupported = "PGRST100";

// A tw::Error (VALIDATION_FAILED) carrying the PostgREST code and the text for
// the "details" key, so Result<T> works unchanged and the wire shape is kept.
Error restError(const char *pgrstCode, QString message, QString details = {}, QString hint = {});

// The PostgREST code of an error made by restError(), else empty.
QString pgrstCode(const Error &error);
// The text for the "details" key, else empty.
QString pgrstDetails(const Error &error);

} // namespace tw::http::rest
