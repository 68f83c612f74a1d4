#pragma once

#include "http/Router.h"
#include "http/ServerState.h"

namespace tw::http {

// The rows of a table with PostgREST's grammar (issue 8): GET and HEAD
// /rest/{connection}/{table}, answered as PostgREST 12 answers them (status,
// Content-Range, Preference-Applied, error bodies with PGRST codes or
// SQLSTATEs), Accept: vnd.pgrst.object+json (with ETag) and text/csv; and the
// writes (RestWriteRoutes.cpp).
// `state` and `context` outlive the router; continuations run on context's thread.
void addRestRoutes(Router &router, const ServerState &state, QObject *context);
// POST, PATCH and DELETE /rest/{connection}/{table}.
void addRestWriteRoutes(Router &router, const ServerState &state, QObject *context);

} // namespace tw::http
