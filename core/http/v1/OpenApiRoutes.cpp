#include "OpenApiRoutes.h"

#include "OpenApiDocument.h"
#include "async/Then.h"
#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiResponses.h"
#include "http/auth/Authenticator.h"

#include <QCoreApplication>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace tw::http {

namespace {

using SnapshotFuture = QFuture<Result<catalog::Snapshot>>;

Result<catalog::Snapshot> outcome(const SnapshotFuture &future, const QString &connection)
{
    if (future.isCanceled() || future.resultCount() == 0)
        return Error(ErrorCode::QueryCancelled, QStringLiteral("loading the catalog of '%1' was cancelled").arg(connection));
    return future.result();
}

QFuture<HttpResponse> document(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    const QStringList roles = context.identity->roles;
    OpenApiOptions options;
    options.version = QCoreApplication::applicationVersion();
    options.issuer = state.config.api.oidc.issuer;
    options.metricsPublic = state.config.api.metricsPublic;

    // Connections the caller sees (any permission), in the configuration's
    // order; a catalog is loaded only where it may read some table.
    QList<OpenApiConnection> connections;
    QList<SnapshotFuture> loads;
    QList<qsizetype> loadedInto;
    for (const config::ConnectionProfile &profile : state.config.connections) {
        if (state.policy.permissions(roles, profile.name).isEmpty())
            continue;
        if (state.policy.allows(roles, Permission::Migrate, profile.name)) {
            options.migrationStatus = true;
            options.migrationApply = options.migrationApply || !profile.readonly;
        }
        OpenApiConnection connection{profile.name, profile.driver, profile.readonly, {}, {}, std::nullopt};
        if (state.policy.allows(roles, Permission::Read, profile.name)) {
            if (!state.registry || !state.registry->pool(profile.name)) {
                connection.problem = Error(ErrorCode::DbUnavailable, QStringLiteral("connection '%1' is not open").arg(profile.name));
            } else {
                loadedInto << connections.size();
                loads << catalog::loadSnapshot(*state.registry, profile.name);
            }
        }
        connections << connection;
    }

    const ServerState *s = &state;
    // The policy is read on the server's thread (where every other route
    // reads it); what follows needs only the plain values it gave.
    auto decide = [s, roles, connections, loadedInto](const QList<SnapshotFuture> &done) mutable {
        for (qsizetype i = 0; i < done.size(); ++i) {
            OpenApiConnection &connection = connections[loadedInto[i]];
            auto snapshot = outcome(done[i], connection.name);
            if (!snapshot) {
                connection.problem = snapshot.error();
                continue;
            }
            connection.snapshot = std::move(snapshot.value());
            connection.tables = openApiTables(connection.snapshot, s->policy, roles, connection.name, connection.readonly);
        }
        return connections;
    };
    // Built on the global thread pool: at thousands of tables the document
    // takes long enough to stall every other request on the event loop.
    auto build = [options](const QList<OpenApiConnection> &ready) {
        return QtConcurrent::run([options, ready] { return jsonResponse(200, buildOpenApiDocument(ready, options)); });
    };
    const auto decided = async::then(async::whenAll(loads, receiver), receiver, decide);
    return async::unwrap(async::then(decided, receiver, build), receiver);
}

} // namespace

void addOpenApiRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    router.add({"GET", QStringLiteral("/api/v1/openapi.json"), Access::Authenticated,
                [s, context](const RequestContext &c) { return document(*s, c, context); }});
}

} // namespace tw::http
