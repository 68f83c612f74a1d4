#pragma once

#include "MigrationFiles.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What `migrate status` shows (issue 9): the files of a migrations directory
// held against the rows of tablewright_schema_history. Pure: the runner
// reads the rows, the GUI and the CLI render the entries.
namespace tw::migrate {

// One row of tablewright_schema_history, as the runner writes it.
struct HistoryRow
{
    enum class Type { Versioned, Undo, Repeatable, Baseline, Repair };
    enum class Status { Applied, FailedRolledBack, Partial };

    qint64 rank = 0;                     // order of installation
    std::optional<MigrationVersion> version;
    QString description;
    Type type = Type::Versioned;
    QString script;                      // file name
    QString checksum;
    int statementsApplied = 0;
    int statementsTotal = 0;
    QStringList statementHashes;         // one per applied statement (resume after a partial run)
    QString installedBy;
    QDateTime installedOn;
    qint64 executionMs = 0;
    Status status = Status::Applied;
    QString error;                       // with the statement number and line
    QString sql;                         // the text that ran (versioned, undo, repeatable): a changed file is diffed against it
};

enum class MigrationState {
    Applied,
    Pending,
    Failed,           // the last attempt failed and was rolled back: pending again
    Partial,          // a no-transaction migration stopped mid-way: `up` resumes it
    ChecksumChanged,  // applied, and its file has changed since
    MissingFile,      // applied, and its file is gone
    OutOfOrder,       // pending, with a higher version already applied
    BelowBaseline,    // older than the baseline: never run here
};

QString stateName(MigrationState state); // "applied", "checksum-changed", …

struct MigrationStatusEntry
{
    MigrationKind kind = MigrationKind::Versioned;
    std::optional<MigrationVersion> version;
    QString description;
    QString fileName;                    // empty for a missing file
    MigrationState state = MigrationState::Pending;
    std::optional<HistoryRow> last;      // the latest history row for it
    bool hasUndo = false;                // an undo file exists for the version
};

// Versioned entries by version (then repeatables by description); history
// rows without a file appear as MissingFile at their version's place.
// Hand `history` over (std::move) where it is not needed after: its rows
// become the entries' `last`.
QList<MigrationStatusEntry> migrationStatus(const MigrationDirectory &files, QList<HistoryRow> history);

} // namespace tw::migrate
