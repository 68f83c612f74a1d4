#pragma once

#include "Snapshot.h"
#include "TableList.h"
#include "db/Pool.h"
#include "error/Error.h"

#include <QFuture>

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::catalog {

// The catalog's front door: the GUI, the CLI and the HTTP API call these and
// nothing below them. Each finds the connection's pool (an unknown or
// unopened connection is NOT_FOUND naming it and the close matches), runs
// one pool job and hands back plain values. Futures finish on a pool
// thread: continue with async::then(future, context, …).
QFuture<Result<QList<TableRef>>> listTables(db::ConnectionRegistry &registry, const QString &connection);
QFuture<Result<Snapshot>> loadSnapshot(db::ConnectionRegistry &registry, const QString &connection);
// The same, cancellable: registry.cancel(connection, job.id) stops it
// (QUERY_CANCELLED). A page that reloads cancels the load it supersedes, so
// quick refreshes never pile up in the pool.
db::Job<Result<Snapshot>> startSnapshotLoad(db::ConnectionRegistry &registry, const QString &connection);

// NOT_FOUND with `message`, `details` plus details.suggestions (the close
// matches of `name` among `candidates`) and the hint "did you mean: …", or
// `fallbackHint` when nothing is close. Every "no such X" of the catalog
// and its front doors is built here, so they read alike.
Error notFoundError(const QString &message, QVariantMap details, const QString &name, const QStringList &candidates,
                    const QString &fallbackHint = {});
// "connection 'x' is not open" with close matches among `known`.
Error unknownConnection(const QString &connection, const QStringList &known);
// Up to `max` names of `candidates` closest to `name` (case-insensitive
// prefix, substring, then small edit distance).
QStringList closeMatches(const QString &name, const QStringList &candidates, int max = 5);

} // namespace tw::catalog
