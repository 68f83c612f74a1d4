#include "ApiMetrics.h"

#include "db/ConnectionRegistry.h"
#include "http/AsyncReaders.h"
#include "db/PoolStats.h"
#include "monitor/HealthMonitor.h"

namespace tw::http::metrics {

namespace {

const QString kRequests = QStringLiteral("tablewright_http_requests_total");
const QString kRequestDuration = QStringLiteral("tablewright_http_request_duration_seconds");
const QString kInFlight = QStringLiteral("tablewright_http_requests_in_flight");
const QString kAuthFailures = QStringLiteral("tablewright_http_auth_failures_total");
const QString kRateLimited = QStringLiteral("tablewright_http_rate_limited_total");

const QString kPoolConnections = QStringLiteral("tablewright_pool_connections");
const QString kPoolSize = QStringLiteral("tablewright_pool_size");
const QString kPoolMaxSize = QStringLiteral("tablewright_pool_max_size");
const QString kPoolOverflow = QStringLiteral("tablewright_pool_overflow");
const QString kPoolWaiting = QStringLiteral("tablewright_pool_waiting");
const QString kPoolTimeouts = QStringLiteral("tablewright_pool_acquire_timeouts_total");
const QString kPoolAcquire = QStringLiteral("tablewright_pool_acquire_duration_seconds");
const QString kPoolOpened = QStringLiteral("tablewright_pool_connections_opened_total");
const QString kPoolClosed = QStringLiteral("tablewright_pool_connections_closed_total");
const QString kPoolReplaced = QStringLiteral("tablewright_pool_connections_replaced_total");
const QString kPoolCompleted = QStringLiteral("tablewright_pool_jobs_completed_total");
const QString kPoolCancelled = QStringLiteral("tablewright_pool_jobs_cancelled_total");

const QString kReadConnections = QStringLiteral("tablewright_api_read_connections");
const QString kReadsQueued = QStringLiteral("tablewright_api_reads_queued");
const QString kReads = QStringLiteral("tablewright_api_reads_total");
const QString kReadOpened = QStringLiteral("tablewright_api_read_connections_opened_total");
const QString kReadClosed = QStringLiteral("tablewright_api_read_connections_closed_total");

const QString kHealthUp = QStringLiteral("tablewright_health_up");
const QString kHealthLatency = QStringLiteral("tablewright_health_latency_seconds");
const QString kHealthChecked = QStringLiteral("tablewright_health_last_check_timestamp_seconds");

const QStringList kConnection{QStringLiteral("connection")};

// Prometheus' default buckets: API latency spans a cached 1 ms read to a
// multi-second bulk write.
const QList<double> kRequestBounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

QList<double> poolAcquireBounds()
{
    QList<double> bounds;
    for (double ms : db::LatencyHistogram::kBoundsMs)
        bounds << ms / 1000.0;
    return bounds;
}

// Declarations are fixed and valid; a failure here is a programming error.
void require(const Status &status)
{
    Q_ASSERT_X(status.ok(), "ApiMetrics", status.ok() ? "" : qPrintable(status.error().message()));
    Q_UNUSED(status);
}

} // namespace

ApiMetrics::ApiMetrics()
{
    const QStringList routeMethod{QStringLiteral("route"), QStringLiteral("method")};
    require(m_registry.declareCounter(kRequests, QStringLiteral("HTTP requests answered, by route template, method and status."),
                                      {QStringLiteral("route"), QStringLiteral("method"), QStringLiteral("status")}));
    require(m_registry.declareHistogram(kRequestDuration,
                                        QStringLiteral("Time from request to response, by route template and method."),
                                        routeMethod, kRequestBounds));
    require(m_registry.declareGauge(kInFlight, QStringLiteral("HTTP requests being handled now.")));
    require(m_registry.declareCounter(kAuthFailures, QStringLiteral("Requests refused by authentication or authorization, by reason."),
                                      {QStringLiteral("reason")}));
    require(m_registry.declareCounter(kRateLimited, QStringLiteral("Requests refused with 429 by the per-subject rate limit.")));

    require(m_registry.declareGauge(kPoolConnections, QStringLiteral("Open pool connections by state (busy or idle)."),
                                    {QStringLiteral("connection"), QStringLiteral("state")}));
    require(m_registry.declareGauge(kPoolSize, QStringLiteral("Open or opening pool connections."), kConnection));
    require(m_registry.declareGauge(kPoolMaxSize, QStringLiteral("Most connections the pool may open (size plus overflow)."), kConnection));
    require(m_registry.declareGauge(kPoolOverflow, QStringLiteral("Open connections above the configured pool size."), kConnection));
    require(m_registry.declareGauge(kPoolWaiting, QStringLiteral("Jobs queued for a free connection."), kConnection));
    require(m_registry.declareCounter(kPoolTimeouts, QStringLiteral("Jobs that gave up waiting for a connection."), kConnection));
    require(m_registry.declareHistogram(kPoolAcquire, QStringLiteral("Time a job waited for a connection."), kConnection,
                                        poolAcquireBounds()));
    require(m_registry.declareCounter(kPoolOpened, QStringLiteral("Connections opened over the pool's life."), kConnection));
    require(m_registry.declareCounter(kPoolClosed, QStringLiteral("Connections closed (idle, overflow, age or broken)."), kConnection));
    require(m_registry.declareCounter(kPoolReplaced, QStringLiteral("Connections found dead and reopened."), kConnection));
    require(m_registry.declareCounter(kPoolCompleted, QStringLiteral("Pool jobs run to the end, successful or not."), kConnection));
    require(m_registry.declareCounter(kPoolCancelled, QStringLiteral("Pool jobs cancelled."), kConnection));

    require(m_registry.declareGauge(kReadConnections,
                                    QStringLiteral("Open connections of the API server's own PostgreSQL reads, by state (busy or idle)."),
                                    {QStringLiteral("connection"), QStringLiteral("state")}));
    require(m_registry.declareGauge(kReadsQueued, QStringLiteral("API reads waiting for one of those connections."), kConnection));
    require(m_registry.declareCounter(kReads, QStringLiteral("API reads on those connections, by outcome (ok, cancelled, error; pool: lost with its connection and answered by the pool)."),
                                      {QStringLiteral("connection"), QStringLiteral("outcome")}));
    require(m_registry.declareCounter(kReadOpened, QStringLiteral("API read connections opened."), kConnection));
    require(m_registry.declareCounter(kReadClosed, QStringLiteral("API read connections closed (idle, age or broken)."), kConnection));

    require(m_registry.declareGauge(kHealthUp, QStringLiteral("1 when the latest health probe of the connection succeeded."), kConnection));
    require(m_registry.declareGauge(kHealthLatency, QStringLiteral("Round trip of the latest health probe."), kConnection));
    require(m_registry.declareGauge(kHealthChecked, QStringLiteral("Unix time of the latest health probe."), kConnection));

    m_registry.addCollector({kPoolConnections, kPoolSize, kPoolMaxSize, kPoolOverflow, kPoolWaiting, kPoolTimeouts,
                             kPoolAcquire, kPoolOpened, kPoolClosed, kPoolReplaced, kPoolCompleted, kPoolCancelled},
                            [this](MetricsRegistry &registry) { collectPools(registry); });
    m_registry.addCollector({kReadConnections, kReadsQueued, kReads, kReadOpened, kReadClosed},
                            [this](MetricsRegistry &registry) { collectApiReads(registry); });
    m_registry.addCollector({kHealthUp, kHealthLatency, kHealthChecked},
                            [this](MetricsRegistry &registry) { collectHealth(registry); });
}

void ApiMetrics::requestStarted()
{
    m_registry.add(kInFlight, {}, 1);
}

void ApiMetrics::requestFinished(const QString &route, const QString &method, int status, double seconds)
{
    m_registry.add(kInFlight, {}, -1);
    m_registry.add(kRequests, {route, method, QString::number(status)});
    m_registry.observe(kRequestDuration, {route, method}, seconds);
}

void ApiMetrics::authFailure(const QString &reason)
{
    m_registry.add(kAuthFailures, {reason});
}

void ApiMetrics::rateLimited()
{
    m_registry.add(kRateLimited);
}

void ApiMetrics::watchPools(db::ConnectionRegistry *registry, AsyncReaders *readers)
{
    m_pools = registry;
    m_reads = readers;
}

void ApiMetrics::watchHealth(monitor::HealthMonitor *monitor)
{
    m_health = monitor;
}

void ApiMetrics::collectPools(MetricsRegistry &registry) const
{
    if (!m_pools)
        return;
    for (const QString &name : m_pools->names()) {
        const auto pool = m_pools->pool(name);
        if (!pool)
            continue;
        const db::PoolStats stats = pool->stats();
        const QStringList connection{name};
        registry.set(kPoolConnections, {name, QStringLiteral("busy")}, stats.busy);
        registry.set(kPoolConnections, {name, QStringLiteral("idle")}, stats.idle);
        registry.set(kPoolSize, connection, stats.size);
        registry.set(kPoolMaxSize, connection, stats.maxSize);
        registry.set(kPoolOverflow, connection, stats.overflow);
        registry.set(kPoolWaiting, connection, stats.waiting);
        registry.set(kPoolTimeouts, connection, double(stats.timeouts));
        registry.set(kPoolOpened, connection, double(stats.opened));
        registry.set(kPoolClosed, connection, double(stats.closed));
        registry.set(kPoolReplaced, connection, double(stats.replaced));
        registry.set(kPoolCompleted, connection, double(stats.completed));
        registry.set(kPoolCancelled, connection, double(stats.cancelled));

        const auto cumulative = stats.acquireLatency.cumulative();
        registry.setHistogram(kPoolAcquire, connection, QList<quint64>(cumulative.begin(), cumulative.end()),
                              stats.acquireLatency.sumMs() / 1000.0, stats.acquireLatency.count());
    }
}

void ApiMetrics::collectApiReads(MetricsRegistry &registry) const
{
    if (!m_reads || !m_pools)
        return;
    for (const QString &name : m_pools->names()) {
        const auto stats = m_reads->stats(name);
        if (!stats)
            continue; // not PostgreSQL, api_reads 0, or no read yet
        const QStringList connection{name};
        registry.set(kReadConnections, {name, QStringLiteral("busy")}, stats->busy);
        registry.set(kReadConnections, {name, QStringLiteral("idle")}, stats->open - stats->busy);
        registry.set(kReadsQueued, connection, stats->queued);
        registry.set(kReads, {name, QStringLiteral("ok")}, double(stats->reads - stats->errors));
        registry.set(kReads, {name, QStringLiteral("cancelled")}, double(stats->cancelled));
        registry.set(kReads, {name, QStringLiteral("error")}, double(stats->errors - stats->cancelled));
        registry.set(kReads, {name, QStringLiteral("pool")}, double(stats->handedToPool));
        registry.set(kReadOpened, connection, double(stats->opened));
        registry.set(kReadClosed, connection, double(stats->closed));
    }
}

void ApiMetrics::collectHealth(MetricsRegistry &registry) const
{
    if (!m_health)
        return;
    // The monitor remembers connections that were closed since; with the
    // registry watched, only live connections are reported.
    const QStringList live = m_pools ? m_pools->names() : QStringList();
    for (const monitor::HealthStatus &status : m_health->statuses()) {
        if (m_pools && !live.contains(status.connection))
            continue;
        const QStringList connection{status.connection};
        registry.set(kHealthUp, connection, status.up ? 1 : 0);
        registry.set(kHealthLatency, connection, status.latencyMs / 1000.0);
        if (status.checkedAt.isValid())
            registry.set(kHealthChecked, connection, status.checkedAt.toMSecsSinceEpoch() / 1000.0);
    }
}

} // namespace tw::http::metrics
