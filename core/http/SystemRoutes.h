#pragma once

#include "Router.h"
#include "ServerState.h"

namespace tw::http {

// health, ready, connections, connections/{connection}, whoami, metrics.
// `state` and `context` outlive the router; continuations run on context's thread.
void addSystemRoutes(Router &router, const ServerState &state, QObject *context);

} // namespace tw::http
