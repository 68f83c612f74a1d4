#include "SystemRoutes.h"

#include "ApiResponses.h"
#include "async/Then.h"
#include "auth/Authenticator.h"
#include "auth/OidcKeyProvider.h"
#include "db/ConnectionRegistry.h"
#include "metrics/ApiMetrics.h"
#include "monitor/HealthMonitor.h"
#include "monitor/HealthProbe.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace tw::http {

QList<Permission> ServerState::effectivePermissions(const QStringList &roles, const QString &connection) const
{
    QList<Permission> permissions = policy.permissions(roles, connection);
    const config::ConnectionProfile *profile = config.find(connection);
    if (profile && profile->readonly) {
        permissions.removeIf([](Permission p) {
            return p == Permission::Write || p == Permission::Delete || p == Permission::Migrate;
        });
    }
    return permissions;
}

namespace {

QJsonArray permissionNames(const QList<Permission> &permissions)
{
    QJsonArray names;
    for (Permission p : permissions)
        names.append(permissionName(p));
    return names;
}

QJsonValue errorJson(const std::optional<Error> &error)
{
    if (!error)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("code"), error->codeName()}, {QStringLiteral("message"), error->message()}};
}

QJsonObject statusJson(const monitor::HealthStatus &status)
{
    return QJsonObject{{QStringLiteral("up"), status.up},
                       {QStringLiteral("latency_ms"), status.latencyMs},
                       {QStringLiteral("checked_at"), status.checkedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("error"), status.up ? QJsonValue() : errorJson(status.lastError)}};
}

QJsonObject connectionJson(const config::ConnectionProfile &profile)
{
    return QJsonObject{{QStringLiteral("name"), profile.name},
                       {QStringLiteral("driver"), profile.driver == config::Driver::Postgres ? QStringLiteral("postgres")
                                                                                            : QStringLiteral("sqlite")},
                       {QStringLiteral("readonly"), profile.readonly}};
}

// A caller sees a connection when some rule gives it any permission there;
// others get the same 404 as a name that does not exist.
bool visible(const ServerState &state, const auth::Identity &who, const QString &connection)
{
    return !state.policy.permissions(who.roles, connection).isEmpty();
}

HttpResponse health(const ServerState &state)
{
    return jsonResponse(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                         {QStringLiteral("version"), QCoreApplication::applicationVersion()},
                                         {QStringLiteral("uptime_seconds"),
                                          double(state.startedAt.secsTo(QDateTime::currentDateTimeUtc()))}});
}

HttpResponse ready(const ServerState &state)
{
    bool ok = true;
    QJsonObject auth;
    if (!state.keys) {
        ok = false;
        auth = {{QStringLiteral("ok"), false}, {QStringLiteral("problem"), QStringLiteral("no OIDC issuer configured (api.oidc.issuer)")}};
    } else {
        const bool loaded = state.keys->ready();
        ok &= loaded;
        auth = {{QStringLiteral("ok"), loaded},
                {QStringLiteral("problem"), state.keys->problem().isEmpty() ? QJsonValue() : QJsonValue(state.keys->problem())}};
    }
    QJsonObject connections;
    for (const auto &profile : state.config.connections) {
        const auto status = state.health ? state.health->status(profile.name) : std::nullopt;
        if (state.registry && !state.registry->pool(profile.name)) {
            ok = false; // closed since its last probe, or never opened
            connections.insert(profile.name, QJsonObject{{QStringLiteral("up"), false},
                                                         {QStringLiteral("error"), errorCodeName(ErrorCode::DbUnavailable)}});
            continue;
        }
        if (!status) {
            ok = false;
            connections.insert(profile.name, QJsonObject{{QStringLiteral("up"), false},
                                                         {QStringLiteral("error"), QStringLiteral("not checked yet")}});
            continue;
        }
        ok &= status->up;
        // Anyone may ask: the error's code only, not the driver's message (hosts, ports, users).
        connections.insert(profile.name,
                           QJsonObject{{QStringLiteral("up"), status->up},
                                       {QStringLiteral("error"), status->up || !status->lastError
                                                                     ? QJsonValue()
                                                                     : QJsonValue(status->lastError->codeName())}});
    }
    return jsonResponse(ok ? 200 : 503, QJsonObject{{QStringLiteral("ready"), ok},
                                                    {QStringLiteral("auth"), auth},
                                                    {QStringLiteral("connections"), connections}});
}

HttpResponse connections(const ServerState &state, const auth::Identity &who)
{
    QJsonArray list;
    for (const auto &profile : state.config.connections) {
        if (!visible(state, who, profile.name))
            continue;
        QJsonObject item = connectionJson(profile);
        const auto status = state.health ? state.health->status(profile.name) : std::nullopt;
        item.insert(QStringLiteral("status"), status ? QJsonValue(statusJson(*status)) : QJsonValue());
        item.insert(QStringLiteral("permissions"), permissionNames(state.effectivePermissions(who.roles, profile.name)));
        list.append(item);
    }
    return jsonResponse(200, QJsonObject{{QStringLiteral("connections"), list}});
}

QFuture<HttpResponse> connection(const ServerState &state, const auth::Identity &who, const QString &name, QObject *context)
{
    const config::ConnectionProfile *profile = state.config.find(name);
    const auto pool = state.registry ? state.registry->pool(name) : nullptr;
    if (!profile || !visible(state, who, name)) {
        HttpResponse missing = errorResponse(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no connection named '%1'").arg(name));
        // Hidden by the policy: the caller sees "not found", the audit log sees a denial.
        if (profile)
            missing.auditReason = QStringLiteral("connection not visible to the caller");
        return answer(missing);
    }
    if (!pool)
        return answer(errorResponse(Error(ErrorCode::DbUnavailable, QStringLiteral("connection '%1' is not open").arg(name))));
    QJsonObject item = connectionJson(*profile);
    item.insert(QStringLiteral("permissions"), permissionNames(state.effectivePermissions(who.roles, name)));
    // Probed now through the pool: a saturated pool answers 503 within its acquire timeout.
    return async::then(monitor::probeHealth(pool, context), context, [item](const monitor::HealthStatus &status) mutable {
        if (!status.up && status.lastError)
            return errorResponse(*status.lastError);
        item.insert(QStringLiteral("status"), statusJson(status));
        return jsonResponse(200, item);
    });
}

// ?table=schema.table narrows the permissions to that table.
HttpResponse whoami(const ServerState &state, const auth::Identity &who, const std::optional<QString> &table)
{
    QJsonObject perConnection;
    for (const auto &profile : state.config.connections) {
        auto permissions = state.effectivePermissions(who.roles, profile.name);
        if (table) {
            permissions.removeIf([&](Permission p) { return !state.policy.allows(who.roles, p, profile.name, *table); });
        }
        if (!permissions.isEmpty())
            perConnection.insert(profile.name, permissionNames(permissions));
    }
    return jsonResponse(200, QJsonObject{{QStringLiteral("subject"), who.subject},
                                         {QStringLiteral("client_id"), who.clientId},
                                         {QStringLiteral("roles"), QJsonArray::fromStringList(who.roles)},
                                         {QStringLiteral("expires_at"), who.expiresAt.toString(Qt::ISODate)},
                                         {QStringLiteral("permissions"), perConnection}});
}

} // namespace

void addSystemRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    router.add({"GET", QStringLiteral("/api/v1/health"), Access::Public,
                [s](const RequestContext &) { return answer(health(*s)); }});
    router.add({"GET", QStringLiteral("/api/v1/ready"), Access::Public,
                [s](const RequestContext &) { return answer(ready(*s)); }});
    router.add({"GET", QStringLiteral("/api/v1/connections"), Access::Authenticated,
                [s](const RequestContext &c) { return answer(connections(*s, *c.identity)); }});
    router.add({"GET", QStringLiteral("/api/v1/connections/{connection}"), Access::Authenticated,
                [s, context](const RequestContext &c) {
                    return connection(*s, *c.identity, c.request.params.value(QStringLiteral("connection")), context);
                }});
    router.add({"GET", QStringLiteral("/api/v1/whoami"), Access::Authenticated,
                [s](const RequestContext &c) {
                    return answer(whoami(*s, *c.identity, c.request.queryValue(QStringLiteral("table"))));
                }});
    router.add({"GET", QStringLiteral("/metrics"), Access::Metrics, [s](const RequestContext &c) {
                    // Protected metrics need a caller with some permission, not just any valid token.
                    if (c.identity) {
                        bool any = false;
                        for (const auto &profile : s->config.connections)
                            any |= !s->policy.permissions(c.identity->roles, profile.name).isEmpty();
                        if (!any)
                            return answer(forbiddenResponse(QStringLiteral("metrics need a role with a permission on some connection")));
                    }
                    return answer(HttpResponse{200, {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}},
                                               s->metrics->exposition(), {}});
                }});
}

} // namespace tw::http
