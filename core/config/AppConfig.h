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

// How the API checks bearer tokens (see core/http/auth).
struct OidcSettings
{
    QString issuer;               // empty: no OIDC configured, protected routes refuse everyone
    QString audience;             // required with an issuer (RFC 9068)
    QString rolesClaim = QStringLiteral("roles");   // dotted path, e.g. realm_access.roles, or scope
    QStringList algorithms{QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"),
                           QStringLiteral("EdDSA")};
    int leewaySeconds = 30;       // 0..60
    QStringList tokenTypes{QStringLiteral("at+jwt")}; // add "JWT" for issuers without RFC 9068 tokens

    bool operator==(const OidcSettings &) const = default;
};

struct ApiLimits
{
    int requestsPerSecond = 50;   // per subject, token bucket
    int burst = 100;
    int maxConcurrent = 16;       // requests in flight per subject
    int maxBodyBytes = 1048576;
    int maxHeaderBytes = 16384;   // request line + headers
    int maxUrlBytes = 8192;
    int maxPageRows = 1000;
    int maxFilterTerms = 64;
    // A /rest statement still running after this is cancelled (500, 57014),
    // so slow queries cannot hold the pool.
    int statementTimeoutMs = 30000;

    bool operator==(const ApiLimits &) const = default;
};

struct ApiSettings
{
    QString listenAddress = QStringLiteral("127.0.0.1");
    int port = 8080;              // 0: let the OS pick one
    QString tlsCertificate;       // both or neither
    QString tlsKey;
    OidcSettings oidc;
    QList<PolicyRule> policy;     // empty: nobody may do anything
    ApiLimits limits;
    QString auditLog;             // empty: audit.jsonl in the app's data folder
    bool metricsPublic = false;
    int shutdownGraceSeconds = 10;

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
