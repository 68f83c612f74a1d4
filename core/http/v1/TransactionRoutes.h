#pragma once

#include "http/Router.h"
#include "http/ServerState.h"

namespace tw::http {

// POST /api/v1/connections/{connection}/transaction (issue 8): several
// insert/upsert/update/delete operations on any tables of one connection,
// all kept or none (data::runRestTransaction). The body is read strictly
// (v1/TransactionRequest.h); every operation is checked by RBAC before any
// runs — database:write (insert, upsert, update) or database:delete
// (delete) on its table, plus database:read to get rows back — and a single
// refusal is a 403 naming the operation, with nothing run. A readonly
// connection refuses the whole request (405, 25006).
// Answers 200 {"committed", "results":[{"op","table","affected","inserted"?,
// "rows"?}]}; a failing operation answers as /rest would answer it alone
// (409 for 23505, …) with details {"operation": index, "op", "table",
// "detail"} and nothing kept. Each operation gets its own audit record.
// `state` and `context` outlive the router; continuations run on context's thread.
void addTransactionRoutes(Router &router, const ServerState &state, QObject *context);

} // namespace tw::http
