#pragma once

#include "catalog/Snapshot.h"
#include "catalog/TableList.h"
#include "db/Pool.h"
#include "error/Error.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace tw::db {
class ConnectionRegistry;
class Session;
}

// "Search database…" (issue 8): one text searched across the text columns of
// many tables, for the GUI's search dialog and GET /api/v1/connections/{c}/
// search alike. PostgreSQL uses full-text search where a tsvector column or
// a to_tsvector expression index exists, else a bounded ILIKE; SQLite uses
// FTS5 tables' MATCH where present, else LIKE. Access control is the
// caller's: it names the tables and the columns that must never be searched
// nor shown.
namespace tw::data {

// Longest search text accepted (characters): the needle is repeated in every
// table's statement, and nobody types more.
constexpr int kMaxSearchTextChars = 200;

struct SearchScope
{
    catalog::QualifiedName table;   // as listSearchableTables() names it (schema empty for SQLite)
    // Columns never searched nor shown (RBAC deny_columns). A full-text
    // source built from a hidden column is not used for that table (a match
    // would reveal the hidden text); its visible columns are scanned instead.
    QStringList hiddenColumns;
};

struct SearchRequest
{
    QString text;
    // Searched in this order. nullopt: every base table of the database
    // (listSearchableTables() without views), nothing hidden.
    std::optional<QList<SearchScope>> tables;
    int perTableLimit = 20;          // rows per table
    int totalLimit = 100;            // rows in all
    int budgetMs = 5000;             // no table is started once this much time has passed since the submit
    // Each table's statement is cancelled by the server after this long
    // (PostgreSQL statement_timeout, SQLite progress handler), so one huge
    // table cannot eat the budget; never more than what is left of it.
    // 0: a quarter of the budget, at least 100 ms.
    int tableTimeoutMs = 0;
    int snippetChars = 160;          // snippets are at most about this long
};

enum class SearchMethod { FullText, Pattern };

struct SearchHit
{
    QString table;                  // "schema.table" (SQLite: "main.table"), as access policies name it
    catalog::QualifiedName ref;     // as the catalog names it, for opening the table
    // The row's primary key ({"id": 7}); {"ctid": "(0,3)"} / {"rowid": 12}
    // without one (or when a key column is hidden); {} for a view.
    QJsonObject key;
    QString column;                 // the first searched column that matches
    QString snippet;                // plain text around the match, one line
    QList<std::pair<int, int>> highlights; // (start, length) of matched words in snippet
    SearchMethod method = SearchMethod::Pattern;
};

enum class SkipReason {
    TimeBudget,     // the budget ran out before the table was started
    Timeout,        // its statement ran past tableTimeoutMs
    LimitReached,   // totalLimit was reached before it
    Failed,         // the table's own statement failed (message says why)
};
QString skipReasonName(SkipReason reason);   // "time budget", "timeout", "limit reached", "failed"

struct SkippedTable
{
    QString table;                  // "schema.table"
    SkipReason reason = SkipReason::TimeBudget;
    QString message;
};

struct SearchResult
{
    QList<SearchHit> hits;
    // Matches may be missing: a table was skipped or had more matches than
    // perTableLimit let through.
    bool truncated = false;
    QList<SkippedTable> skipped;
    int tablesSearched = 0;
    qint64 elapsedMs = 0;
};

// VALIDATION_FAILED when the text is empty (after trimming), longer than
// kMaxSearchTextChars or holds a NUL character.
Status validateSearchText(const QString &text);

// "schema.table"; SQLite's tables are "main.table".
QString searchTableName(const catalog::QualifiedName &table);

// The tables and views a search may cover, sorted as the catalog sorts
// them; SQLite's FTS shadow tables (x_data, x_idx, …) are left out, their
// FTS table stands for them.
QFuture<Result<QList<catalog::TableRef>>> listSearchableTables(db::ConnectionRegistry &registry,
                                                               const QString &connection);
Result<QList<catalog::TableRef>> listSearchableTables(db::Session &session);

// The front door: one pool job, cancellable with
// registry.cancel(connection, job.id) (QUERY_CANCELLED; the running
// statement is cancelled). Unknown connection: NOT_FOUND. A table that
// fails is skipped and reported; only a cancel, a lost connection or an
// invalid request fail the whole search. The future finishes on a pool
// thread: continue with async::then(future, context, …).
db::Job<Result<SearchResult>> startSearch(db::ConnectionRegistry &registry, const QString &connection,
                                          SearchRequest request);

// Inside a pool job; `submittedAtMs` is QDateTime::currentMSecsSinceEpoch()
// when the job was submitted (the budget counts the queue wait too).
Result<SearchResult> searchDatabase(db::Session &session, const SearchRequest &request, qint64 submittedAtMs);

} // namespace tw::data
