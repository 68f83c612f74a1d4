#pragma once

#include "MigrationLock.h"
#include "MigrationPlan.h"
#include "MigrationStatus.h"
#include "error/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <future>
#include <optional>

namespace tw::db {
class Session;
}

// Runs a migration command on one connection (issue 9): the function every
// front door (CLI, GUI, HTTP) reaches through MigrationService. Runs inside
// a pool job and keeps that connection for the whole run: the lock is a
// property of the session.
namespace tw::migrate {

class MigrationControl;

struct MigrationRequest
{
    MigrationCommand command = MigrationCommand::Status;
    QString directory;                 // empty: the connection's migrations directory
    PlanOptions plan;                  // target (up/down/baseline), out-of-order, single transaction
    QString baselineDescription;       // baseline: empty gives "<< baseline >>"
    int lockTimeoutMs = 30000;
    QString installedBy;               // empty: the OS user running Tablewright
    // status / validate: false reads the history without the text each
    // migration ran (the GUI's diff shows it; a CLI or HTTP status does not).
    bool appliedText = true;
    // The directory read ahead (prefetchMigrationFiles), used when it is the
    // directory this run reads: a command line reads the files while it
    // connects.
    QString prefetchedDirectory;
    std::shared_future<Result<MigrationDirectory>> prefetched;
};

// What the runner reports while it works, on the worker thread.
struct MigrationEvent
{
    enum class Kind { Waiting, Locked, StepStarted, StatementDone, StepFinished };
    Kind kind = Kind::StepStarted;
    int step = 0;                      // 1-based
    int steps = 0;
    QString script;
    int statement = 0;                 // 1-based, of the step's statements
    int statements = 0;
    int line = 0;                      // StatementDone: its line in the file
    QString message;                   // a readable line for a log
    LockHolder holder;                 // Waiting
};
using MigrationEvents = std::function<void(const MigrationEvent &)>;

struct StepOutcome
{
    PlannedStep::Action action = PlannedStep::Action::Apply;
    QString script;
    QString version;
    QString description;
    bool transactional = true;
    bool ok = false;
    int statementsApplied = 0;         // of this file, including those resumed past
    int statementsTotal = 0;
    qint64 executionMs = 0;
    QString error;                     // "statement 2 (line 7): ERROR: …"
};

struct MigrationReport
{
    MigrationCommand command = MigrationCommand::Status;
    QString connection;
    QString directory;
    config::Driver driver = config::Driver::Sqlite;
    QList<MigrationStatusEntry> status;  // after the command
    MigrationPlan plan;                  // up, down, dry-run
    QList<StepOutcome> steps;            // what ran, in order
    QStringList problems;                // validate; repair: what it changed
    QStringList ignoredFiles;            // .sql files that follow no convention
    std::optional<Error> failure;        // a step failed: the report still lists the steps before it
    int pendingCount() const;
};

// Status, validate and dry-run only read (and create nothing); the others
// take the lock, create the history table when missing and re-read the
// history under the lock before deciding. Errors: MIGRATION_LOCKED,
// VALIDATION_FAILED (a plan refused, bad files), NOT_FOUND (no directory).
// A migration that fails is not an error: it is report.failure.
Result<MigrationReport> runMigrationCommand(db::Session &session, const MigrationRequest &request,
                                            const MigrationEvents &events = {}, MigrationControl *control = nullptr);

} // namespace tw::migrate
