#pragma once

#include "StatementDeadlines.h"
#include "http/HttpMessage.h"
#include "http/Router.h"
#include "http/ServerState.h"
#include "data/RestWrite.h"
#include "db/ConnectionRegistry.h"
#include "db/Pool.h"
#include "error/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

// What the /rest routes share: finding the table a request names (and
// refusing it as PostgREST would), and answering failures in PostgREST's
// shape with its status codes.
namespace tw::http::rest {

struct RestTarget
{
    QString connection;
    QString qualified;   // "schema.table", as the policy and the core see it
    QString bare;        // the table's own name, for PostgreSQL-worded messages
    QStringList roles;
};

// The connection and table of a /rest request, checked: an unknown or
// invisible connection is 404 (audited when it exists), a closed one 503,
// a table without `permission` for the caller (or a writing permission on a
// readonly connection) 403 42501, audited. Else the target.
std::variant<RestTarget, HttpResponse> restTarget(const ServerState &state, const RequestContext &context,
                                                  Permission permission);

// The schema a bare table name means: public (PostgreSQL), main (SQLite).
// The checks every /api/v1 connection route starts with: the connection
// must exist and be visible to the caller (else 404, the same as an unknown
// one, audited when it exists), the caller must hold `needed` somewhere on it
// (403), and its pool must be open (503).
std::optional<HttpResponse> connectionRefusal(const ServerState &state, const QString &connection,
                                              const QStringList &roles, Permission needed);

QString defaultSchema(config::Driver driver);
// "orders" → "public.orders" / "main.orders": the policy is written over
// qualified names, and the core is given the same name, so a bare one cannot
// resolve to a schema the policy did not check.
QString qualifiedTable(const config::ConnectionProfile &profile, const QString &table);
// A request body the API reads as JSON: no Content-Type, or application/json.
bool isJsonBody(const HttpRequest &request);

// PostgREST's error body: all four keys, null when empty.
HttpResponse pgrstResponse(int status, const QString &code, const QString &message, const QString &details = {},
                           const QString &hint = {});

// A failed request answered as PostgREST would: its own codes (PGRST…) with
// their statuses, the server's SQLSTATEs through PostgREST's table, 404
// PGRST205 for an unknown table (the hint naming only a table the caller may
// read). Transient failures keep 503 + Retry-After; nothing permanent is
// 503, since postgrest-js retries a GET on 503.
HttpResponse restFailure(const ServerState &state, const RestTarget &target, const Error &error);

// Why a write failed, for the audit log, without the values: the server's
// messages quote them ("invalid input syntax for type integer: \"…\""), so
// its failures are named by their code; Tablewright's own keep the message.
QString auditFailureReason(const Error &error);

// Cancels pool job `id` and, while it has not finished, once more a little
// later: a cancel landing between the job's check of its flag and the start
// of its statement is not seen by that statement (SQLite's interrupt and
// PostgreSQL's cancel request act only on a statement running then). By
// the second try the statement runs; the flag refuses any after it.
void cancelUntilFinished(db::ConnectionRegistry *registry, const QString &connection, quint64 id,
                         const std::function<bool()> &finished, QObject *context, int attempt = 0);

// Cancels the job if it still runs after the configured statement timeout
// (api.limits.statement_timeout_ms); its future then carries QUERY_CANCELLED,
// which restFailure() answers as PostgreSQL's statement timeout (500, 57014).
// The job is cancelled as well when the request's client goes away first
// (context.cancel).
template<typename T>
QFuture<T> withDeadline(const ServerState &state, const QString &connection, db::Job<T> job, QObject *receiver,
                        const RequestContext &context)
{
    if (job.id != 0 && !job.future.isFinished()) {
        db::ConnectionRegistry *registry = state.registry;
        const auto cancel = [registry, connection, id = job.id, future = job.future, receiver] {
            cancelUntilFinished(registry, connection, id, [future] { return future.isFinished(); }, receiver);
        };
        StatementDeadlines::of(receiver)->watch(std::chrono::milliseconds(state.config.api.limits.statementTimeoutMs),
                                                [future = job.future] { return future.isFinished(); }, cancel);
        if (context.cancel)
            context.cancel->onCancel(cancel);
    }
    return job.future;
}

// The permissions a write needs, as PostgreSQL's privileges would: its own
// (write, or delete), and read as well when rows come back, when it
// filters (PATCH, DELETE: a filter reads the rows it matches — with
// tx=rollback and count it would otherwise answer how many rows match) and
// for an upsert (ON CONFLICT reads the conflicting row; 200 or 201 tells
// whether the key existed).
QList<Permission> writePermissions(data::RestWriteKind kind, bool returnsRows, bool upsert);
// The columns a write may neither touch nor name: hidden from reading, or
// denied by every rule granting one of `permissions`.
QStringList writeHiddenColumns(const ServerState &state, const QStringList &roles, const QString &connection,
                               const QString &table, const QList<Permission> &permissions);

QList<QByteArray> headerValues(const HttpRequest &request, const QByteArray &lowerName);

// What the Accept header asks for, in PostgREST's terms.
enum class MediaType { Json, Object, Csv };
// Unsupported only: 406 PGRST107.
std::variant<MediaType, HttpResponse> acceptedMediaType(const HttpRequest &request);
QByteArray contentType(MediaType type);

} // namespace tw::http::rest
