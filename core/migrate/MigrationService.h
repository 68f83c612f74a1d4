#pragma once

#include "DeclaredTables.h"
#include "MigrationControl.h"
#include "MigrationNew.h"
#include "MigrationRunner.h"
#include "db/Pool.h"

#include <memory>

namespace tw::db {
class ConnectionRegistry;
}

// The migration runner's front door (issue 9): the CLI, the GUI's migrations
// tab and POST /api/v1/connections/{c}/migrations/apply call this and nothing
// below it. The run holds one pooled connection from start to end.
namespace tw::migrate {

struct MigrationRun
{
    db::Job<Result<MigrationReport>> job;
    std::shared_ptr<MigrationControl> control;   // control->cancel() stops it between (or during) statements
};

// `events` is called on the worker thread: a GUI posts them to itself.
// Unknown connection: NOT_FOUND with close matches.
MigrationRun startMigration(db::ConnectionRegistry &registry, const QString &connection, MigrationRequest request,
                            MigrationEvents events = {});

// status, validate or dry-run (request.command) on a PostgreSQL connection
// of its own, opened and used on the calling thread (db::DirectSession): for
// a command line, whose one read the pool's threads only slowed. Blocks:
// never on a GUI thread. Any other command, or SQLite: VALIDATION_FAILED.
Result<MigrationReport> runReadOnlyMigrationCommand(const config::ConnectionProfile &profile, const MigrationRequest &request);

// Starts reading `directory` on a thread of its own (not a shared pool that
// a waiting job could starve); put the result and the directory in
// MigrationRequest::prefetched / prefetchedDirectory. A command line calls
// it before connecting, so the files are read while the server answers.
// For `command` status, with the checksum cache (ChecksumCache.h).
std::shared_future<Result<MigrationDirectory>> prefetchMigrationFiles(const QString &directory, MigrationCommand command);

// `migrate ensure`: the connection's declared tables (config), created when missing.
QFuture<Result<QList<EnsureOutcome>>> ensureTables(db::ConnectionRegistry &registry, const QString &connection);

struct GeneratedMigration
{
    SchemaDiff diff;
    std::optional<NewMigrationFiles> files;   // none when there was nothing to add
};

// `migrate generate NAME`: the declared tables held against the live schema,
// written as the next migration and its undo in `directory` (empty: the
// connection's migrations directory).
QFuture<Result<GeneratedMigration>> generateMigration(db::ConnectionRegistry &registry, const QString &connection,
                                                      const QString &name, const QString &directory = {});

} // namespace tw::migrate
