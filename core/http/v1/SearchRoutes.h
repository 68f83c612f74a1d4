#pragma once

#include "http/Router.h"
#include "http/ServerState.h"

namespace tw::http {

// GET /api/v1/connections/{connection}/search?q=…&tables=a,b&limit=N (issue 8):
// data::startSearch over the tables the caller may read, without its hidden
// columns. Needs database:read on the connection (404 like an unknown
// connection when it holds nothing there, 403 without read). q is required,
// at most data::kMaxSearchTextChars characters (400 otherwise); `tables`
// names tables as /rest does ("name" in the default schema or
// "schema.name"), and one the caller may not read is a 404 like an unknown
// one; limit (default 50) is capped by api.limits.max_page_rows.
// Answer: {"query", "results":[{table,key,column,snippet,highlights}],
// "truncated", "skippedTables":[{table,reason}], "elapsedMs"}.
// `state` and `context` outlive the router; continuations run on context's thread.
void addSearchRoutes(Router &router, const ServerState &state, QObject *context);

} // namespace tw::http
