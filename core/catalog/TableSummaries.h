#pragma once

#include "Snapshot.h"
#include "db/Session.h"
#include "error/Error.h"

#include <QFuture>
#include <QList>

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::catalog {

// One line of a connection's table list with its catalog row estimate: what
// the API's /tables answers without loading a whole snapshot (one query,
// not fifteen). The relations listed are exactly the snapshot's
// (CatalogLoader): partitions included, extension members and SQLite shadow
// tables left out, so /tables and /schema never disagree about what exists.
struct TableSummary
{
    QualifiedName name;          // SQLite: schema "main", as in the snapshot
    ObjectKind kind = ObjectKind::Table;
    // PostgreSQL: reltuples (-1 until the first VACUUM/ANALYZE). SQLite: the
    // largest row count sqlite_stat1 holds for the table, -1 without one
    // (never ANALYZEd). Never a count(*): that reads the whole table, and
    // the list must stay cheap for thousands of tables. Same values as
    // Relation::estimatedRows.
    qint64 estimatedRows = -1;

    bool operator==(const TableSummary &) const = default;
};

// Sorted by schema and name. Runs inside a pool job.
Result<QList<TableSummary>> listTableSummaries(db::Session &session);
// The front door: NOT_FOUND for an unknown connection; one pool job.
QFuture<Result<QList<TableSummary>>> listTableSummaries(db::ConnectionRegistry &registry, const QString &connection);

} // namespace tw::catalog
