#pragma once

// What the routes of the API server share. Internal to core/http.

#include "config/AppConfig.h"
#include "rbac/Policy.h"

#include <QDateTime>

namespace tw::db {
class ConnectionRegistry;
}
namespace tw::monitor {
class HealthMonitor;
}

namespace tw::http {

namespace auth {
class OidcKeyProvider;
struct Identity;
}
namespace metrics {
class ApiMetrics;
}
namespace audit {
class AuditLog;
}
class AsyncReaders;

struct ServerState
{
    db::ConnectionRegistry *registry = nullptr;
    monitor::HealthMonitor *health = nullptr;
    auth::OidcKeyProvider *keys = nullptr;      // null: no issuer configured
    metrics::ApiMetrics *metrics = nullptr;
    audit::AuditLog *audit = nullptr;
    AsyncReaders *asyncReaders = nullptr;         // null: every read goes through the pools
    config::AppConfig config;
    Policy policy;
    QDateTime startedAt;

    // The permissions a caller holds on a connection, less the writing ones
    // on a readonly connection (refused whoever asks).
    QList<Permission> effectivePermissions(const QStringList &roles, const QString &connection) const;
};

} // namespace tw::http
