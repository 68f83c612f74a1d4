#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QDateTime>
#include <QFuture>
#include <QString>

#include <optional>

namespace tw::db {
class ConnectionRegistry;
class Session;
}

namespace tw::monitor {

// What the server of one connection reports about itself, sampled in one
// pool job: the API's /stats answers it, and a live dashboard samples it on
// a timer (the counters are cumulative: rates are differences of samples).

// PostgreSQL: pg_stat_database and pg_stat_activity for the connected
// database. The counters are the server's cumulative statistics, which
// backends publish when they go idle (at most once a second), so a sample
// lags the work by up to a second or so.
struct PostgresStats
{
    QString database;
    qint64 databaseBytes = -1;         // pg_database_size
    int maxConnections = 0;            // the server's max_connections
    // Backends of this database by pg_stat_activity.state; without
    // pg_read_all_stats other roles' backends have no state and count
    // only in `backends`.
    int backends = 0;
    int activeBackends = 0;            // includes the one sampling
    int idleBackends = 0;
    int idleInTransactionBackends = 0; // "idle in transaction" and "(aborted)"
    qint64 xactCommit = 0;
    qint64 xactRollback = 0;
    qint64 blksRead = 0;
    qint64 blksHit = 0;
    qint64 tupReturned = 0;
    qint64 tupFetched = 0;
    qint64 tupInserted = 0;
    qint64 tupUpdated = 0;
    qint64 tupDeleted = 0;
    qint64 deadlocks = 0;
    qint64 tempBytes = 0;
    QDateTime statsReset;              // invalid: never reset
    // blks_hit / (blks_hit + blks_read); empty before any block was read.
    std::optional<double> cacheHitRatio;
};

// SQLite: the file and its pragmas.
struct SqliteStats
{
    QString file;
    qint64 fileBytes = -1;             // -1: in memory, or the file cannot be seen
    qint64 walBytes = -1;              // the -wal file; -1 when there is none
    qint64 pageCount = 0;
    qint64 pageSize = 0;
    qint64 freelistCount = 0;          // free pages VACUUM would give back
    QString journalMode;               // "wal", "delete", …
};

struct ServerStats
{
    QString connection;
    config::Driver driver = config::Driver::Sqlite;
    QString version;                   // "15.18", "3.40.1"
    QDateTime sampledAt;               // UTC
    std::optional<PostgresStats> postgres;
    std::optional<SqliteStats> sqlite;
};

// Runs inside a pool job.
Result<ServerStats> readServerStats(db::Session &session);
// The front door: NOT_FOUND for an unknown connection; one pool job, so a
// saturated pool answers POOL_TIMEOUT like every other read.
QFuture<Result<ServerStats>> readServerStats(db::ConnectionRegistry &registry, const QString &connection);

} // namespace tw::monitor
