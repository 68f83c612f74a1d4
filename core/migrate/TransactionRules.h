#pragma once

#include "StatementSplitter.h"
#include "config/ConnectionProfile.h"

#include <QList>
#include <QString>

// Which statements PostgreSQL refuses inside a transaction block (issue 9),
// so a migration holding one runs statement by statement outside a
// transaction, its progress recorded after each (golang-migrate #284,
// dbmate #126: two CREATE INDEX CONCURRENTLY in one file).
namespace tw::migrate {

// CREATE/DROP INDEX CONCURRENTLY, REINDEX … CONCURRENTLY, VACUUM, ALTER SYSTEM,
// CREATE/DROP DATABASE, CREATE/DROP TABLESPACE, CREATE/ALTER/DROP SUBSCRIPTION
// with a connection, and CLUSTER without a table: the reason, else empty.
QString transactionRefusal(const QString &statement);

// Why a PostgreSQL migration must run outside one transaction: a statement
// above, the -- tablewright:no-transaction marker, or ALTER TYPE … ADD VALUE
// whose new label a later statement of the same migration uses (PostgreSQL
// refuses to use a label added in the same transaction). Empty: one
// transaction is fine.
QString noTransactionReason(const QList<ScriptStatement> &statements, bool marked);

// Statements a migration may not hold: transaction control (BEGIN, COMMIT,
// END, ROLLBACK but not ROLLBACK TO, ABORT, two-phase commit) and, on
// PostgreSQL, what drops the session's advisory lock or prepared statements
// (DISCARD, DEALLOCATE, SELECT pg_advisory_unlock_all()). SAVEPOINT and RELEASE are fine.
// The reason, else empty.
QString forbiddenStatementReason(const QString &statement, config::Driver driver);

} // namespace tw::migrate

namespace tw::db {
class Session;
}

namespace tw::migrate {

// A CREATE INDEX CONCURRENTLY that fails leaves an INVALID index of its name
// behind, so running it again fails with "already exists" and the migration
// could never resume. After such a failure this drops that invalid index
// (DROP INDEX CONCURRENTLY) and says so; empty when the statement is not
// one, names no index, or left nothing.
QString dropInvalidIndexLeftBy(db::Session &session, const QString &failedStatement);

} // namespace tw::migrate
