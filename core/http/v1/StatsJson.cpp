#include "StatsJson.h"

#include <QJsonArray>

namespace tw::http::v1 {

namespace {

// Counters pass 2^53 only after centuries of work; doubles are JSON's numbers.
QJsonValue count(qint64 value)
{
    return value < 0 ? QJsonValue() : QJsonValue(double(value));
}

QJsonValue time(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject postgresJson(const monitor::PostgresStats &pg)
{
    return {
        {QStringLiteral("database"), pg.database},
        {QStringLiteral("databaseBytes"), count(pg.databaseBytes)},
        {QStringLiteral("maxConnections"), pg.maxConnections},
        {QStringLiteral("backends"), QJsonObject{{QStringLiteral("total"), pg.backends},
                                                 {QStringLiteral("active"), pg.activeBackends},
                                                 {QStringLiteral("idle"), pg.idleBackends},
                                                 {QStringLiteral("idleInTransaction"), pg.idleInTransactionBackends}}},
        {QStringLiteral("xactCommit"), count(pg.xactCommit)},
        {QStringLiteral("xactRollback"), count(pg.xactRollback)},
        {QStringLiteral("blksRead"), count(pg.blksRead)},
        {QStringLiteral("blksHit"), count(pg.blksHit)},
        {QStringLiteral("cacheHitRatio"), pg.cacheHitRatio ? QJsonValue(*pg.cacheHitRatio) : QJsonValue()},
        {QStringLiteral("tupReturned"), count(pg.tupReturned)},
        {QStringLiteral("tupFetched"), count(pg.tupFetched)},
        {QStringLiteral("tupInserted"), count(pg.tupInserted)},
        {QStringLiteral("tupUpdated"), count(pg.tupUpdated)},
        {QStringLiteral("tupDeleted"), count(pg.tupDeleted)},
        {QStringLiteral("deadlocks"), count(pg.deadlocks)},
        {QStringLiteral("tempBytes"), count(pg.tempBytes)},
        {QStringLiteral("statsReset"), time(pg.statsReset)},
    };
}

QJsonObject sqliteJson(const monitor::SqliteStats &lite)
{
    return {
        {QStringLiteral("fileBytes"), count(lite.fileBytes)},
        {QStringLiteral("walBytes"), count(lite.walBytes)},
        {QStringLiteral("pageCount"), count(lite.pageCount)},
        {QStringLiteral("pageSize"), count(lite.pageSize)},
        {QStringLiteral("freelistCount"), count(lite.freelistCount)},
        {QStringLiteral("journalMode"), lite.journalMode},
    };
}

} // namespace

QJsonObject poolStatsToJson(const db::PoolStats &stats)
{
    QJsonArray buckets;
    const auto cumulative = stats.acquireLatency.cumulative();
    for (size_t i = 0; i < cumulative.size(); ++i) {
        const QJsonValue bound = i < db::LatencyHistogram::kBoundsMs.size() ? QJsonValue(db::LatencyHistogram::kBoundsMs[i])
                                                                           : QJsonValue(QStringLiteral("+Inf"));
        buckets.append(QJsonObject{{QStringLiteral("leMs"), bound}, {QStringLiteral("count"), double(cumulative[i])}});
    }
    const quint64 acquired = stats.acquireLatency.count();
    return {
        {QStringLiteral("size"), stats.size},
        {QStringLiteral("busy"), stats.busy},
        {QStringLiteral("idle"), stats.idle},
        {QStringLiteral("waiting"), stats.waiting},
        {QStringLiteral("overflow"), stats.overflow},
        {QStringLiteral("maxSize"), stats.maxSize},
        {QStringLiteral("timeouts"), double(stats.timeouts)},
        {QStringLiteral("opened"), double(stats.opened)},
        {QStringLiteral("closed"), double(stats.closed)},
        {QStringLiteral("replaced"), double(stats.replaced)},
        {QStringLiteral("completed"), double(stats.completed)},
        {QStringLiteral("cancelled"), double(stats.cancelled)},
        {QStringLiteral("acquireLatency"),
         QJsonObject{{QStringLiteral("count"), double(acquired)},
                     {QStringLiteral("sumMs"), stats.acquireLatency.sumMs()},
                     {QStringLiteral("meanMs"), acquired ? QJsonValue(stats.acquireLatency.sumMs() / double(acquired)) : QJsonValue()},
                     {QStringLiteral("buckets"), buckets}}},
    };
}

QJsonObject apiReadStatsToJson(const db::AsyncPgReader::Stats &stats)
{
    return {
        {QStringLiteral("size"), stats.size},
        {QStringLiteral("open"), stats.open},
        {QStringLiteral("busy"), stats.busy},
        {QStringLiteral("idle"), stats.open - stats.busy},
        {QStringLiteral("queued"), stats.queued},
        {QStringLiteral("opened"), double(stats.opened)},
        {QStringLiteral("closed"), double(stats.closed)},
        {QStringLiteral("reads"), double(stats.reads)},
        {QStringLiteral("errors"), double(stats.errors)},
        {QStringLiteral("cancelled"), double(stats.cancelled)},
        {QStringLiteral("handedToPool"), double(stats.handedToPool)},
    };
}

QJsonObject serverStatsToJson(const monitor::ServerStats &stats)
{
    QJsonObject o{
        {QStringLiteral("driver"), config::driverName(stats.driver)},
        {QStringLiteral("version"), stats.version},
        {QStringLiteral("sampledAt"), time(stats.sampledAt)},
    };
    o.insert(QStringLiteral("postgres"), stats.postgres ? QJsonValue(postgresJson(*stats.postgres)) : QJsonValue());
    o.insert(QStringLiteral("sqlite"), stats.sqlite ? QJsonValue(sqliteJson(*stats.sqlite)) : QJsonValue());
    return o;
}

} // namespace tw::http::v1
