#pragma once

#include "QueryString.h"
#include "RestQuery.h"
#include "error/Error.h"

#include <QByteArray>

namespace tw::http::rest {

// The whole query string of a /rest/{connection}/{table} request.
// Reserved keys: select, order, limit, offset, columns, on_conflict (each at
// most once) and or, and, not.or, not.and (any number, ANDed). Every other
// key is a filter and must parse as one (PostgREST ignores keys without an
// operator on tables; we refuse them, so a typo never widens a DELETE).
// Keys addressing an embedded resource (rel.col, rel.order, rel.limit…) are
// refused as not supported.
Result<RestQuery> parseRestQuery(const QList<QueryParam> &params, const RestLimits &limits = {});
Result<RestQuery> parseRestQuery(const QByteArray &rawQuery, const RestLimits &limits = {});

} // namespace tw::http::rest
