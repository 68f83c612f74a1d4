#pragma once

#include "TableShape.h"
#include "catalog/Snapshot.h"
#include "db/Pool.h"
#include "error/Error.h"
#include "http/rest/RestQuery.h"

#include <QByteArray>
#include <QFuture>
#include <QStringList>

#include <functional>
#include <optional>

namespace tw::db {
class AsyncPgReader;
class ConnectionRegistry;
class Session;
}

// The read side of the REST data API (issue 8): a parsed PostgREST request
// (http/rest/RestQuery.h, plain structs without any HttpServer dependency)
// becomes one statement whose single value is the JSON array body, built by
// the database itself (json_agg on PostgreSQL, json_group_array on SQLite),
// so the bytes are exactly the engine's rendering and never copied through
// QVariant rows.
namespace tw::data {

enum class RestCount {
    None,
    Exact,     // COUNT(*) with the same filters (in the same statement)
    Planned,   // PostgreSQL: the planner's row estimate (EXPLAIN); SQLite: exact
    Estimated, // planned, but exact when the planner guesses at most estimateThreshold (PostgREST)
};

struct RestReadOptions
{
    RestCount count = RestCount::None;
    // Caps the request's limit (PostgREST's db-max-rows); <= 0: no cap.
    qint64 maxRows = -1;
    // Columns the caller may not read (RBAC deny_columns): left out of `*`,
    // refused (PERMISSION_DENIED, sqlstate 42501) when selected, filtered or
    // ordered by.
    QStringList hiddenColumns;
    // Estimated: the planner's guess above which no exact count is run.
    qint64 estimateThreshold = 1000;
    // Csv: the body is text/csv as PostgREST writes it (a header line, then
    // each row as PostgreSQL's record text), not JSON.
    bool csv = false;
    // With exactly one row: its entity tag (restEntityTag of the row as
    // select=* renders it), for ETag.
    bool entityTag = false;
};

struct RestRows
{
    QByteArray body;            // the JSON array, as the database rendered it ("[]" when empty)
    qint64 rows = 0;            // elements in body
    qint64 rangeStart = 0;      // the offset of the first row
    qint64 rangeEnd = -1;       // rangeStart + rows - 1 (-1 when rangeStart is 0 and no rows)
    std::optional<qint64> total; // set when a count was asked for
    bool totalIsEstimate = false; // the total is the planner's guess
    QByteArray entityTag;       // set when asked for and exactly one row was read
};

// The entity tag of one row: a hash of the JSON array holding that row as
// select=* (the caller's visible columns) renders it; the same bytes on a
// read and on the If-Match check before a write.
QByteArray restEntityTag(const QByteArray &jsonArrayOfOneRow);

// "schema.table" or "table" (PostgreSQL: public first, else the only schema
// that has it; SQLite: main), split at the first dot: a table named "a.b" is
// reached as "public.a.b" (or "main.a.b").
catalog::QualifiedName restTableName(const QString &table);

// The front door: finds the connection's pool (unknown connection:
// NOT_FOUND with close matches) and runs one pool job. Errors:
//  - TABLE_NOT_FOUND with close matches (HTTP layer: PGRST205, 404);
//  - an unknown column anywhere (select, filter, order): VALIDATION_FAILED
//    with http::rest::pgrstCode() == "42703" and the message PostgreSQL
//    gives ("column t.x does not exist"), as PostgREST answers a read (400);
//  - a hidden column: PERMISSION_DENIED, details.sqlstate "42501";
//  - a cast to a type name outside [A-Za-z0-9_ ] (+ "(n,m)", "[]"), an
//    operator SQLite lacks: VALIDATION_FAILED with pgrstCode "PGRST100";
//  - the server's own errors (bad input value 22P02, …) with details.sqlstate.
// The future finishes on a pool thread: continue with async::then(future, context, …).
QFuture<Result<RestRows>> readRestRows(db::ConnectionRegistry &registry, const QString &connection,
                                       const QString &table, const http::rest::RestQuery &query,
                                       const RestReadOptions &options = {});
// The same, cancellable with registry.cancel(connection, job.id).
db::Job<Result<RestRows>> startRestRead(db::ConnectionRegistry &registry, const QString &connection,
                                        const QString &table, const http::rest::RestQuery &query,
                                        const RestReadOptions &options = {});

// The same read answered over the API server's own non-blocking connections
// (db::AsyncPgReader), when it is one statement whose text is known without
// the database: PostgreSQL, the table's shape cached (RestShapeCache), no
// planned or estimated count (EXPLAIN first) and no entity tag of a partial
// row (a second read). 0: read through the pool instead. Otherwise the
// reader's id of the read (for AsyncPgReader::cancel), and once, on the
// reader's thread: `done` with the rows or the statement's error, or
// `usePool` when the answer must come from the pool after all (the
// connection failed, or the error says the cached shape is stale).
quint64 startAsyncRestRead(db::AsyncPgReader &reader, const QString &table, const http::rest::RestQuery &query,
                        const RestReadOptions &options, std::function<void(Result<RestRows>)> done,
                        std::function<void()> usePool);

// The pool of a connection REST requests run on; NOT_FOUND naming it otherwise.
Result<std::shared_ptr<db::Pool>> restPool(db::ConnectionRegistry &registry, const QString &connection);

// The same read, its future holding `answer(outcome)`, made on the thread
// that finishes the job before the future finishes (db::Pool::submit(fn,
// map)): the caller attaches no continuation and the answer takes no trip
// through an event queue. `answer` must be pure and must not throw.
template<typename Answer>
auto startRestRead(db::ConnectionRegistry &registry, const QString &connection, const QString &table,
                   const http::rest::RestQuery &query, const RestReadOptions &options, Answer answer)
    -> db::Job<std::invoke_result_t<Answer &, Result<RestRows>>>;

// The table a REST request names, described; TABLE_NOT_FOUND (with the
// right spelling as a suggestion) when only another spelling exists.
Result<TableShape> describeRestTable(db::Session &session, const QString &table);

// Inside a pool job.
Result<RestRows> readRestRows(db::Session &session, const QString &table, const http::rest::RestQuery &query,
                              const RestReadOptions &options);

template<typename Answer>
auto startRestRead(db::ConnectionRegistry &registry, const QString &connection, const QString &table,
                   const http::rest::RestQuery &query, const RestReadOptions &options, Answer answer)
    -> db::Job<std::invoke_result_t<Answer &, Result<RestRows>>>
{
    auto pool = restPool(registry, connection);
    if (!pool)
        return {0, QtFuture::makeReadyFuture(answer(Result<RestRows>(pool.error())))};
    return pool.value()->submit(
        [table, query, options](db::Session &session) { return readRestRows(session, table, query, options); },
        std::move(answer));
}

} // namespace tw::data
