#pragma once

#include "RestRead.h"
#include "db/Pool.h"
#include "error/Error.h"
#include "http/rest/RestQuery.h"

#include <QByteArray>
#include <QFuture>
#include <QStringList>

#include <optional>

namespace tw::db {
class ConnectionRegistry;
class Session;
}

// The write side of the REST data API (issue 8): POST (insert, upsert),
// PATCH and DELETE as PostgREST runs them — one statement per request whose
// RETURNING rows the database renders as JSON — inside a transaction that
// also carries the checks PostgREST makes after the fact (max-affected, one
// object) and the If-Match precondition, so a refused write leaves nothing.
namespace tw::data {

enum class RestWriteKind { Insert, Update, Delete };

struct RestWriteOptions
{
    enum class Return { Minimal, Representation, HeadersOnly };
    enum class Resolution { None, MergeDuplicates, IgnoreDuplicates };
    Return returning = Return::Minimal;
    Resolution resolution = Resolution::None;
    bool missingDefault = false;             // missing=default: absent keys take the column default
    std::optional<qint64> maxAffected;       // more rows than this: PGRST124, rolled back
    bool rollback = false;                   // tx=rollback: run, answer, keep nothing
    bool singleObject = false;               // Accept: vnd.pgrst.object: exactly one row or PGRST116
    QList<QByteArray> ifMatch;               // entity tags: the one row must match one, else 412
    QStringList hiddenColumns;               // RBAC deny_columns: never written nor returned
};

struct RestWrite
{
    RestWriteKind kind = RestWriteKind::Insert;
    QString table;                           // "schema.table", as the policy checked it
    http::rest::RestQuery query;             // filters, select= (representation), columns=, on_conflict=
    QByteArray body;                         // POST/PATCH JSON
    RestWriteOptions options;
};

struct RestWriteResult
{
    QByteArray body;       // representation: the JSON array of the rows written ("[]" when none)
    qint64 affected = 0;   // rows inserted, updated or deleted
    qint64 inserted = 0;   // upsert: rows that were new (all of them for a plain insert)
    // headers-only: the first row's key as PostgREST's Location query ("id=eq.5").
    QByteArray locationQuery;
    // For the audit log: the primary keys of the rows written (the first
    // 1,000), as a JSON array of {"column": value}; empty without a key.
    QByteArray keys;
};

// Inside a pool job and inside the caller's transaction (the transaction
// endpoint runs several). Errors leave the transaction to be rolled back:
//  - PGRST102 invalid body, PGRST204 unknown column in the body or columns=,
//    PGRST116 not exactly one row with singleObject, PGRST124 over
//    max-affected, "TW412" precondition failed (If-Match), 21000 a PATCH or
//    DELETE without a filter;
//  - 42501 (PERMISSION_DENIED) a hidden column written or returned;
//  - the server's own errors with details.sqlstate.
Result<RestWriteResult> runRestWrite(db::Session &session, const RestWrite &write);

// One write in its own transaction (committed, or rolled back on error and
// with tx=rollback).
Result<RestWriteResult> writeRestRows(db::Session &session, const RestWrite &write);
QFuture<Result<RestWriteResult>> writeRestRows(db::ConnectionRegistry &registry, const QString &connection,
                                               const RestWrite &write);
// The same, cancellable with registry.cancel(connection, job.id).
db::Job<Result<RestWriteResult>> startRestWrite(db::ConnectionRegistry &registry, const QString &connection,
                                                const RestWrite &write);
// The same, its future holding `answer(outcome)` (see startRestRead's).
template<typename Answer>
auto startRestWrite(db::ConnectionRegistry &registry, const QString &connection, const RestWrite &write, Answer answer)
    -> db::Job<std::invoke_result_t<Answer &, Result<RestWriteResult>>>
{
    auto pool = restPool(registry, connection);
    if (!pool)
        return {0, QtFuture::makeReadyFuture(answer(Result<RestWriteResult>(pool.error())))};
    return pool.value()->submit([write](db::Session &session) { return writeRestRows(session, write); }, std::move(answer));
}

} // namespace tw::data
