#pragma once

#include "http/Router.h"
#include "http/ServerState.h"

namespace tw::http {

// The read-only /api/v1 resources of a connection (issue 8):
//   GET /api/v1/connections/{connection}/tables                 tables and views with row estimates
//   GET /api/v1/connections/{connection}/tables/{table}/schema  one relation's catalog JSON
//   GET /api/v1/connections/{connection}/schema                 the whole catalog snapshot's JSON
//   GET /api/v1/connections/{connection}/stats                  pool and server statistics
// Each needs database:read on the connection and shows only the tables the
// caller may read, without its hidden columns. A connection the caller has
// no permission on is a 404 like an unknown one (audited); a table it may
// not read is a 404 like an unknown one.
// `state` and `context` outlive the router; continuations run on context's thread.
void addCatalogRoutes(Router &router, const ServerState &state, QObject *context);

} // namespace tw::http
