#pragma once

#include "ConnectionProfile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tw::config {

struct MonitoringSettings
{
    int intervalMs = 5000;        // how often server statistics are sampled
    int windowSeconds = 600;      // how much history the ring buffers keep

    bool operator==(const MonitoringSettings &) const = default;
};

// One rule of the API's role-based policy (deny by default): callers with
// `role` get the permissions in `allow` ("database:read", "database:write",
// "database:delete", "database:migrate", "database:admin") on the connections
// and tables matching the globs, without the columns in `denyColumns`
// ("schema.table.column"; SQLite tables are "main.<table>").
struct PolicyRule
{
    QString role;
    QStringList allow;
    QStringList connections;      // globs, at least one
    QStringList tables;           // globs on "schema.table"; default "*"
    QStringList denyColumns;

    bool operator==(const PolicyRule &) const = default;
};

struct ApiSettings
{
    QString listenAddress = QStringLiteral("127.0.0.1");
    int port = 8080;              // 0: let the OS pick one
    QString tlsCert;              // both or neither
    QString tlsKey;
    QString oidcIssuer;           // empty: no OIDC configured, protected routes refuse everyone
    QString oidcAudience;
    QString rolesClaim = QStringLiteral("roles");   // dotted path, e.g. realm_access.roles
    bool metricsPublic = false;
    int maxBodyBytes = 1048576;
    int maxPageSize = 1000;
    int rateLimitPerMinute = 600; // per subject
    QList<PolicyRule> policy;     // empty: nobody may do anything

    bool operator==(const ApiSettings &) const = default;
};

struct AppConfig
{
    QList<ConnectionProfile> connections;
    MonitoringSettings monitoring;
    ApiSettings api;

    const ConnectionProfile *find(const QString &name) const
    {
        for (const auto &c : connections) {
            if (c.name == name)
                return &c;
        }
        return nullptr;
    }

    bool operator==(const AppConfig &) const = default;
};

} // namespace tw::config
