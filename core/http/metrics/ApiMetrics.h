#pragma once

#include "MetricsRegistry.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

namespace tw::db {
class ConnectionRegistry;
}
namespace tw::monitor {
class HealthMonitor;
}

namespace tw::http {
class AsyncReaders;
}

namespace tw::http::metrics {

// The API server's metric families (names in DESIGN.md "REST API") and the
// typed calls that feed them. Request metrics are recorded as requests run;
// pool and health metrics are read from the live registry and monitor at
// each scrape, so they can never drift from what the pools report.
//
//   tablewright_http_requests_total{route,method,status}            counter
//   tablewright_http_request_duration_seconds{route,method}         histogram
//   tablewright_http_requests_in_flight                             gauge
//   tablewright_http_auth_failures_total{reason}                    counter
//   tablewright_http_rate_limited_total                             counter
//   tablewright_pool_connections{connection,state=busy|idle}        gauge
//   tablewright_pool_size{connection}, _max_size, _overflow, _waiting   gauges
//   tablewright_pool_acquire_timeouts_total{connection}             counter
//   tablewright_pool_acquire_duration_seconds{connection}           histogram
//   tablewright_pool_connections_{opened,closed,replaced}_total{connection}
//   tablewright_pool_jobs_{completed,cancelled}_total{connection}
//   tablewright_api_read_connections{connection,state=busy|idle}, tablewright_api_reads_queued{connection}
//   tablewright_api_reads_total{connection,outcome=ok|cancelled|error|pool}
//   tablewright_api_read_connections_{opened,closed}_total{connection}   (the server's own read connections)
//   tablewright_health_up{connection}, tablewright_health_latency_seconds{connection},
//   tablewright_health_last_check_timestamp_seconds{connection}     gauges
class ApiMetrics
{
public:
    ApiMetrics();

    // Declare the server's further families here (REST data routes, …).
    MetricsRegistry &registry() { return m_registry; }

    // Pairs: every requestStarted() is followed by one requestFinished().
    // route is the route template ("/rest/{connection}/{table}"), never the
    // raw path, so the label set stays bounded; unknown routes use one
    // placeholder such as "unmatched".
    void requestStarted();
    void requestFinished(const QString &route, const QString &method, int status, double seconds);
    // reason comes from a small fixed set ("missing_token", "invalid_token",
    // "insufficient_scope", "keys_unavailable", …), never from the token.
    void authFailure(const QString &reason);
    void rateLimited();

    // Pool and health gauges come from these at scrape time; they are
    // QObjects on the server thread, so exposition() must run there too.
    // Any may be null or destroyed later: its families are then empty.
    // With both watched, health is reported for open connections only.
    // `readers`: the API server's own PostgreSQL read connections, reported
    // beside each pool of the registry.
    void watchPools(db::ConnectionRegistry *registry, AsyncReaders *readers = nullptr);
    void watchHealth(monitor::HealthMonitor *monitor);

    QByteArray exposition() const { return m_registry.exposition(); }

private:
    void collectPools(MetricsRegistry &registry) const;
    void collectHealth(MetricsRegistry &registry) const;
    void collectApiReads(MetricsRegistry &registry) const;

    MetricsRegistry m_registry;
    QPointer<db::ConnectionRegistry> m_pools;
    QPointer<monitor::HealthMonitor> m_health;
    QPointer<AsyncReaders> m_reads;
};

} // namespace tw::http::metrics
