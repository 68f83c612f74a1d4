#include "ServerStats.h"

#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"
#include "db/Session.h"

#include <QFileInfo>

namespace tw::monitor {

namespace {

// One statement, so the counters and the backend counts are one moment's.
// Every backend of the database is counted, the sampling one included.
const QString kPostgresSql = QStringLiteral(
    "SELECT current_setting('server_version'), current_database(), pg_database_size(current_database()), "
    "current_setting('max_connections')::int, a.total, a.active, a.idle, a.idle_in_transaction, "
    "d.xact_commit, d.xact_rollback, d.blks_read, d.blks_hit, d.tup_returned, d.tup_fetched, "
    "d.tup_inserted, d.tup_updated, d.tup_deleted, d.deadlocks, d.temp_bytes, "
    "to_char(d.stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
    "FROM pg_catalog.pg_stat_database d, "
    "(SELECT count(*) AS total, count(*) FILTER (WHERE state = 'active') AS active, "
    "count(*) FILTER (WHERE state = 'idle') AS idle, "
    "count(*) FILTER (WHERE state LIKE 'idle in transaction%') AS idle_in_transaction "
    "FROM pg_catalog.pg_stat_activity WHERE datname = current_database()) a "
    "WHERE d.datname = current_database()");

// Pragmas as table-valued functions: one row, read-only (the journal_mode
// pragma without an argument only reports).
const QString kSqliteSql = QStringLiteral(
    "SELECT sqlite_version(), (SELECT page_count FROM pragma_page_count), (SELECT page_size FROM pragma_page_size), "
    "(SELECT freelist_count FROM pragma_freelist_count), (SELECT journal_mode FROM pragma_journal_mode)");

Result<ServerStats> postgresStats(db::Session &session)
{
    auto rows = session.exec(kPostgresSql);
    if (!rows)
        return rows.error();
    if (!rows.value().next())
        return Error(ErrorCode::NotFound, QStringLiteral("pg_stat_database has no row for the connected database"));
    const db::Rows &r = rows.value();
    ServerStats stats;
    // "15.18 (Debian 15.18-1.pgdg120+1)" → "15.18", as the snapshot names it.
    stats.version = r.value(0).toString().section(QLatin1Char(' '), 0, 0);
    PostgresStats pg;
    pg.database = r.value(1).toString();
    pg.databaseBytes = r.value(2).isNull() ? -1 : r.value(2).toLongLong();
    pg.maxConnections = r.value(3).toInt();
    pg.backends = r.value(4).toInt();
    pg.activeBackends = r.value(5).toInt();
    pg.idleBackends = r.value(6).toInt();
    pg.idleInTransactionBackends = r.value(7).toInt();
    pg.xactCommit = r.value(8).toLongLong();
    pg.xactRollback = r.value(9).toLongLong();
    pg.blksRead = r.value(10).toLongLong();
    pg.blksHit = r.value(11).toLongLong();
    pg.tupReturned = r.value(12).toLongLong();
    pg.tupFetched = r.value(13).toLongLong();
    pg.tupInserted = r.value(14).toLongLong();
    pg.tupUpdated = r.value(15).toLongLong();
    pg.tupDeleted = r.value(16).toLongLong();
    pg.deadlocks = r.value(17).toLongLong();
    pg.tempBytes = r.value(18).toLongLong();
    if (!r.value(19).isNull())
        pg.statsReset = QDateTime::fromString(r.value(19).toString(), Qt::ISODateWithMs);
    if (const qint64 blocks = pg.blksHit + pg.blksRead; blocks > 0)
        pg.cacheHitRatio = double(pg.blksHit) / double(blocks);
    stats.postgres = pg;
    return stats;
}

Result<ServerStats> sqliteStats(db::Session &session)
{
    auto rows = session.exec(kSqliteSql);
    if (!rows)
        return rows.error();
    if (!rows.value().next())
        return Error(ErrorCode::Internal, QStringLiteral("the SQLite pragmas gave no row"));
    const db::Rows &r = rows.value();
    ServerStats stats;
    stats.version = r.value(0).toString();
    SqliteStats lite;
    lite.file = session.profile().database;
    lite.pageCount = r.value(1).toLongLong();
    lite.pageSize = r.value(2).toLongLong();
    lite.freelistCount = r.value(3).toLongLong();
    lite.journalMode = r.value(4).toString();
    // In WAL mode recent commits live in the -wal file until a checkpoint:
    // the main file alone understates the database.
    const bool inMemory = lite.file.isEmpty() || lite.file == QLatin1String(":memory:")
                          || lite.file.startsWith(QLatin1String("file::memory:"));
    if (!inMemory) {
        const QFileInfo main(lite.file);
        if (main.exists())
            lite.fileBytes = main.size();
        const QFileInfo wal(lite.file + QStringLiteral("-wal"));
        if (wal.exists())
            lite.walBytes = wal.size();
    }
    stats.sqlite = lite;
    return stats;
}

} // namespace

Result<ServerStats> readServerStats(db::Session &session)
{
    const config::Driver driver = session.profile().driver;
    auto stats = driver == config::Driver::Postgres ? postgresStats(session) : sqliteStats(session);
    if (stats) {
        stats.value().connection = session.profile().name;
        stats.value().driver = driver;
        stats.value().sampledAt = QDateTime::currentDateTimeUtc();
    }
    return stats;
}

QFuture<Result<ServerStats>> readServerStats(db::ConnectionRegistry &registry, const QString &connection)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return QtFuture::makeReadyFuture(Result<ServerStats>(catalog::unknownConnection(connection, registry.names())));
    return pool->run([](db::Session &session) { return readServerStats(session); });
}

} // namespace tw::monitor
