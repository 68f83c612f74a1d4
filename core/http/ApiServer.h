#pragma once

#include "HttpMessage.h"
#include "config/AppConfig.h"
#include "config/ListenAddress.h"
#include "error/Error.h"
#include "rbac/Policy.h"

#include <QFuture>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace tw::db {
class ConnectionRegistry;
}
namespace tw::monitor {
class HealthMonitor;
}

namespace tw::http {

class ApiServerPrivate;

// The REST API server: one object, started by `tablewright serve` and by the
// GUI's API panel over the same code. Lives on the thread that creates it
// (its event loop parses requests and sends answers); database work goes to
// the registry's pools, never blocking that loop.
class ApiServer final : public QObject
{
    Q_OBJECT
public:
    // `registry` holds the open pools of config.connections; `health` (may be
    // null: the server then runs its own) supplies /ready's connection states.
    ApiServer(db::ConnectionRegistry *registry, monitor::HealthMonitor *health = nullptr, QObject *parent = nullptr);
    ~ApiServer() override;

    // Loads TLS files, opens the audit log, starts fetching the issuer's keys
    // and listens. Errors: CONFIG_INVALID naming the field (api.tls.key: …),
    // or VALIDATION_FAILED when the address cannot be bound.
    Status start(const config::AppConfig &config, std::optional<config::ListenAddress> listen = std::nullopt);
    // Stops accepting connections at once; the future finishes when every
    // request in flight has been answered, or after graceMs (then the rest
    // are cut off). Idle keep-alive connections are closed.
    QFuture<void> stop(int graceMs);

    bool isListening() const;
    QUrl baseUrl() const;         // http(s)://address:port, the port actually bound
    int inFlight() const;
    QMap<int, quint64> statusCounts() const;   // status → responses since start
    bool authReady() const;       // the issuer's keys are loaded
    QString authProblem() const;  // why not, e.g. "discovery: Connection refused"
    const Policy &policy() const;
    QStringList connectionNames() const;

    // Prometheus text of the server's metrics (what GET /metrics returns).
    QByteArray metricsText() const;

signals:
    void requestFinished(const tw::http::RequestLogEntry &entry);
    void listeningChanged(bool listening);
    void authStateChanged();

private:
    std::unique_ptr<ApiServerPrivate> d;
};

} // namespace tw::http
