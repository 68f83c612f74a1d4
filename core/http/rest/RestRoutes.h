#pragma once

#include "http/Router.h"
#include "http/ServerState.h"

namespace tw::http {

// The rows of a table with PostgREST's grammar (issue 8): GET and HEAD
// /rest/{connection}/{table}, answered as PostgREST 12 answers them (status,
// Content-Range, Preference-Applied, error bodies with PGRST codes or
// SQLSTATEs). Writes are not routed yet.
// `state` and `context` outlive the router; continuations run on context's thread.
void addRestRoutes(Router &router, const ServerState &state, QObject *context);

} // namespace tw::http
