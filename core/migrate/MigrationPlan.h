#pragma once

#include "MigrationStatus.h"
#include "StatementSplitter.h"
#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QList>
#include <QString>

#include <optional>

// What a command will do, decided before anything runs (issue 9): the same
// plan is printed by dry-run, shown in the GUI's confirmation and executed by
// the runner, so what the admin confirmed is what runs. Pure.
namespace tw::migrate {

enum class MigrationCommand { Status, Up, Down, Validate, Baseline, Repair, DryRun };

QString commandName(MigrationCommand command);                 // "status", "up", …, "dry-run"
std::optional<MigrationCommand> commandFromName(const QString &name);

struct PlanOptions
{
    std::optional<MigrationVersion> target;  // up: at most this version; down: undo down to (not including) it
    bool outOfOrder = false;                 // up: also run pending versions below the highest applied
    bool singleTransaction = false;          // up/down: every step in one transaction
    bool down = false;                       // dry-run of `down` rather than `up`
};

struct PlannedStep
{
    enum class Action { Apply, Resume, Undo, ResumeUndo, Reapply };
    Action action = Action::Apply;
    MigrationScript script;                  // Undo: the undo file
    QList<ScriptStatement> statements;
    int resumeFrom = 0;                      // Resume, ResumeUndo: statements before this index already ran
    QStringList appliedHashes;               // Resume: the hashes recorded for them
    qint64 partialRank = 0;                  // Resume: the history row to continue
    QString noTransactionReason;             // empty: runs in a transaction
    bool transactional() const { return noTransactionReason.isEmpty(); }
    bool resumes() const { return action == Action::Resume || action == Action::ResumeUndo; }
};

QString actionName(PlannedStep::Action action); // "apply", "resume", "undo", "resume-undo", "reapply"

struct MigrationPlan
{
    QList<PlannedStep> steps;
    bool singleTransaction = false;
    QString lockPlan;                        // how the run is locked, in words
};

// Up, or Down (options.down): the steps in order, or why not:
// VALIDATION_FAILED listing every out-of-order version (without
// outOfOrder), every missing undo file (down), a partial migration that
// would need undoing, a checksum change or missing file (run validate /
// repair), a script that does not split (with its line), or a
// no-transaction step under singleTransaction.
Result<MigrationPlan> planMigration(const MigrationDirectory &files, const QList<HistoryRow> &history,
                                    config::Driver driver, const PlanOptions &options);

// The problems validate reports (checksum-changed, missing-file,
// out-of-order, a file that does not split): one line each.
QStringList validationProblems(const MigrationDirectory &files, const QList<HistoryRow> &history, config::Driver driver);

// SQLite refuses VACUUM inside a transaction; PostgreSQL's list is in TransactionRules.
QString noTransactionReasonFor(const MigrationScript &script, const QList<ScriptStatement> &statements,
                               config::Driver driver);

Result<QList<ScriptStatement>> splitScript(const MigrationScript &script, config::Driver driver);

} // namespace tw::migrate
