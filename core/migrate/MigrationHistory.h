#pragma once

#include "MigrationStatus.h"
#include "error/Error.h"

#include <QList>
#include <QString>

namespace tw::db {
class Session;
}

// tablewright_schema_history (issue 9): one row per run of a migration,
// undo, repeatable, baseline or repair, in the connection's default schema.
// Runs inside a pool job; every function uses the session as it finds it
// (inside the caller's transaction, or autocommit), so a migration's row is
// written in the migration's own transaction.
namespace tw::migrate {

inline constexpr auto kHistoryTable = "tablewright_schema_history";

// The schema the history lives in: PostgreSQL's current_schema() when the
// run starts (a migration's SET search_path must not make the runner lose
// it), SQLite's "main". Every function below names it explicitly.
Result<QString> historySchema(db::Session &session);

// historySchema() and whether the table is there, in one round trip (on
// PostgreSQL the two questions apart cost four: a bound statement is
// prepared, executed and deallocated).
struct HistoryPlace
{
    QString schema;
    bool exists = false;
};
Result<HistoryPlace> locateHistory(db::Session &session);

// CREATE TABLE unless it exists.
Status ensureHistoryTable(db::Session &session, const QString &schema);
// False when the table does not exist yet (a database never migrated):
// `status` then reads no rows and creates nothing.
Result<bool> historyTableExists(db::Session &session, const QString &schema);
// Every row, by rank. No table: no rows. WithoutText leaves `sql` and
// `statementHashes` empty: what `status` and `validate` need is the rest,
// and the text that ran is most of the table's bytes.
enum class HistoryText { Included, Left };
Result<QList<HistoryRow>> readHistory(db::Session &session, const QString &schema,
                                      HistoryText text = HistoryText::Included);
// readHistory() where locateHistory() has just said whether the table exists.
Result<QList<HistoryRow>> readHistory(db::Session &session, const HistoryPlace &place, HistoryText text);
// Writes `row` with the next rank (the caller holds the migration lock) and
// returns that rank.
Result<qint64> insertHistoryRow(db::Session &session, const QString &schema, const HistoryRow &row);
// Rewrites the mutable part of a row: progress of a no-transaction
// migration after each statement, its end state, a repaired checksum.
Status updateHistoryRow(db::Session &session, const QString &schema, const HistoryRow &row);
// repair: drops the rows of failed (rolled back) attempts.
Result<qint64> deleteFailedRows(db::Session &session, const QString &schema);

QString historyTypeName(HistoryRow::Type type);    // "versioned", "undo", "repeatable", "baseline", "repair"
QString historyStatusName(HistoryRow::Status status); // "applied", "failed-rolled-back", "partial"

// The hash recorded for each applied statement: a resumed migration checks
// that the statements it skips are the ones that ran.
QString statementHash(const QString &statement);

} // namespace tw::migrate
