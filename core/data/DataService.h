#pragma once

#include "Page.h"
#include "PageRequest.h"
#include "RowChanges.h"
#include "TableShape.h"
#include "db/Pool.h"
#include "error/Error.h"

#include <QFuture>

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::data {

// The table data front door (STYLE.md pattern 2): the browser, the CLI and
// the REST API call these and nothing below them. Each finds the
// connection's pool (unknown connection: NOT_FOUND with close matches),
// runs one pool job and hands back plain values. Futures finish on a pool
// thread: continue with async::then(future, context, …). Jobs are cancellable with
// registry.cancel(connection, job.id) (QUERY_CANCELLED).

// Columns, types, row identity, editability, foreign keys and the row
// estimate of a table or view. Unknown table: TABLE_NOT_FOUND with close matches.
QFuture<Result<TableShape>> describeTable(db::ConnectionRegistry &registry, const QString &connection,
                                          const catalog::QualifiedName &table);

// One page of rows (keyset paging; see PageRequest). A bad filter column or
// operator is VALIDATION_FAILED naming it; a failing free WHERE is the
// server's error; a WHERE that tries to write is refused by the engine.
db::Job<Result<Page>> startPageLoad(db::ConnectionRegistry &registry, const QString &connection,
                                    const TableShape &shape, PageRequest request);

// Exact number of rows matching the request's filters and WHERE (its anchor,
// order and limit are ignored). Cancellable: it may scan the whole table.
db::Job<Result<qint64>> startCount(db::ConnectionRegistry &registry, const QString &connection,
                                   const TableShape &shape, PageRequest request);

// Quick estimate of the same (PostgreSQL: the planner's; SQLite: key range
// or statistics when unfiltered); -1 when the engine cannot tell cheaply.
QFuture<Result<qint64>> estimateCount(db::ConnectionRegistry &registry, const QString &connection,
                                      const TableShape &shape, PageRequest request);

// The whole value of one cell whose page value was truncated. NOT_FOUND when
// the row is gone.
QFuture<Result<QVariant>> loadCell(db::ConnectionRegistry &registry, const QString &connection,
                                   const TableShape &shape, const QVariantList &key, const QString &column);

// Applies the change set in one transaction, checking each updated or
// deleted row against its version first. All or nothing: on CONFLICT or any
// server error nothing is written (see RowChanges.h for the error details).
QFuture<Result<CommitOutcome>> commitChanges(db::ConnectionRegistry &registry, const QString &connection,
                                             const TableShape &shape, ChangeSet changes);

} // namespace tw::data
