#pragma once

#include "http/Router.h"
#include "http/ServerState.h"

namespace tw::http {

// The migration runner over HTTP (issues 8 and 9), through the same core
// function the CLI and the GUI call (migrate::startMigration):
//   GET  /api/v1/connections/{connection}/migrations        `migrate status` as the CLI's --json prints it
//   POST /api/v1/connections/{connection}/migrations/apply  `migrate up` (or its dry run)
// Both need database:migrate on the connection (database:admin implies it);
// a connection the caller has no permission on is a 404 like an unknown one.
// POST takes an optional strict JSON body {"target": "5", "dryRun": false,
// "outOfOrder": false, "singleTransaction": false}; a readonly connection
// refuses it (403). Answers: 200 with the report; 409 with the report when a
// migration failed (ok:false, failure; the ones before it stay applied);
// 423 MIGRATION_LOCKED naming the holder when another runner keeps the lock
// for more than five seconds; 400 for a bad body or a plan the runner
// refuses. Applying is audited as operation "migrate" with the versions that ran.
// `state` and `context` outlive the router; continuations run on context's thread.
void addMigrationRoutes(Router &router, const ServerState &state, QObject *context);

} // namespace tw::http
