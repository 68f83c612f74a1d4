#pragma once

#include "migrate/DeclaredTables.h"
#include "migrate/MigrationRunner.h"

namespace tw::app {

// The readable side of `tablewright migrate` (the --json side is
// migrate/MigrationJson.h, shared with the HTTP API).
void printMigrationEvent(const migrate::MigrationEvent &event);
void printMigrationReport(const migrate::MigrationReport &report);
void printEnsureOutcomes(const QList<migrate::EnsureOutcome> &outcomes);
void printMigrationError(const Error &error);

} // namespace tw::app
