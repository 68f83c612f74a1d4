#pragma once

#include "http/Router.h"
#include "http/ServerState.h"

namespace tw::http {

// GET /api/v1/openapi.json: the OpenAPI 3.0.3 document for the caller
// (OpenApiDocument), from one catalog snapshot per connection it may read.
// `state` and `context` outlive the router; the policy is evaluated on
// context's thread, the document built and serialised on Qt's global thread
// pool (megabytes for thousands of tables: never on the event loop).
void addOpenApiRoutes(Router &router, const ServerState &state, QObject *context);

} // namespace tw::http
