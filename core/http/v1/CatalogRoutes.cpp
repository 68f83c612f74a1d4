#include "CatalogRoutes.h"

#include "StatsJson.h"
#include "VisibleSnapshot.h"
#include "async/Then.h"
#include "catalog/CatalogService.h"
#include "catalog/SnapshotJson.h"
#include "catalog/TableSummaries.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiResponses.h"
#include "http/AsyncReaders.h"
#include "http/auth/Authenticator.h"
#include "http/rest/RestAnswers.h"
#include "monitor/ServerStats.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tw::http {

namespace {

using v1::policyName;

struct Caller
{
    const ServerState *state;
    QString connection;
    QStringList roles;
    config::Driver driver = config::Driver::Sqlite;   // a copy: continuations must not hold into the config
};

// The checks every route here starts with, in RestRoutes' order: the
// connection must exist and be visible (else 404, audited when it exists),
// the caller must hold database:read somewhere on it (403), and its pool
// must be open (503).
std::optional<HttpResponse> refusal(Caller &caller)
{
    if (auto refused = rest::connectionRefusal(*caller.state, caller.connection, caller.roles, Permission::Read))
        return refused;
    caller.driver = caller.state->config.find(caller.connection)->driver;
    return std::nullopt;
}

Caller callerOf(const ServerState &state, const RequestContext &context)
{
    return {&state, context.request.params.value(QStringLiteral("connection")), context.identity->roles};
}

QFuture<HttpResponse> tables(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    Caller caller = callerOf(state, context);
    if (auto refused = refusal(caller))
        return answer(*refused);
    const auto listing = catalog::listTableSummaries(*state.registry, caller.connection);
    return async::then(listing, receiver, [caller](const Result<QList<catalog::TableSummary>> &list) {
        if (!list)
            return errorResponse(list.error());
        QJsonArray out;
        for (const catalog::TableSummary &t : list.value()) {
            if (!caller.state->policy.allows(caller.roles, Permission::Read, caller.connection, policyName(t.name)))
                continue;
            out.append(QJsonObject{{QStringLiteral("schema"), t.name.schema},
                                   {QStringLiteral("name"), t.name.name},
                                   {QStringLiteral("kind"), catalog::objectKindName(t.kind)},
                                   {QStringLiteral("estimatedRows"),
                                    t.estimatedRows < 0 ? QJsonValue() : QJsonValue(double(t.estimatedRows))}});
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("connection"), caller.connection},
                                             {QStringLiteral("tables"), out}});
    });
}

QFuture<HttpResponse> schema(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    Caller caller = callerOf(state, context);
    if (auto refused = refusal(caller))
        return answer(*refused);
    const auto loading = catalog::loadSnapshot(*state.registry, caller.connection);
    return async::then(loading, receiver, [caller](const Result<catalog::Snapshot> &snapshot) {
        if (!snapshot)
            return errorResponse(snapshot.error());
        const catalog::Snapshot visible =
            v1::visibleSnapshot(snapshot.value(), caller.state->policy, caller.roles, caller.connection);
        return jsonResponse(200, catalog::snapshotToJson(visible));
    });
}

// The relation `table` names among the visible ones: "name" in the default
// schema (public / main) or "schema.name"; names may hold dots, so every
// split is tried.
const catalog::Relation *findRelation(const catalog::Snapshot &visible, config::Driver driver, const QString &table)
{
    for (qsizetype dot = table.indexOf(u'.'); dot > 0; dot = table.indexOf(u'.', dot + 1)) {
        if (const catalog::Relation *r = visible.relation(table.left(dot), table.mid(dot + 1)))
            return r;
    }
    return visible.relation(rest::defaultSchema(driver), table);
}

QFuture<HttpResponse> tableSchema(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    Caller caller = callerOf(state, context);
    if (auto refused = refusal(caller))
        return answer(*refused);
    const QString table = context.request.params.value(QStringLiteral("table"));
    const auto loading = catalog::loadSnapshot(*state.registry, caller.connection);
    return async::then(loading, receiver, [caller, table](const Result<catalog::Snapshot> &snapshot) {
        if (!snapshot)
            return errorResponse(snapshot.error());
        const catalog::Snapshot visible =
            v1::visibleSnapshot(snapshot.value(), caller.state->policy, caller.roles, caller.connection);
        if (const catalog::Relation *r = findRelation(visible, caller.driver, table))
            return jsonResponse(200, catalog::relationToJson(*r));
        // Unknown and unreadable read alike: suggestions come from the
        // visible tables only, so the answer cannot tell them apart.
        QStringList names;
        for (const catalog::Relation &r : visible.relations)
            names << r.qualifiedName();
        const QStringList close = catalog::closeMatches(table, names);
        HttpResponse missing = errorResponse(
            404, QStringLiteral("TABLE_NOT_FOUND"),
            QStringLiteral("no table or view named '%1' in connection '%2'").arg(table, caller.connection),
            QJsonObject{{QStringLiteral("table"), table}, {QStringLiteral("suggestions"), QJsonArray::fromStringList(close)}},
            close.isEmpty() ? QString() : QStringLiteral("did you mean: %1").arg(close.join(QStringLiteral(", "))));
        if (const catalog::Relation *hidden = findRelation(snapshot.value(), caller.driver, table)) {
            missing.auditReason = QStringLiteral("database:read not granted on %1 of connection %2")
                                      .arg(policyName(hidden->key()), caller.connection);
        }
        return missing;
    });
}

QFuture<HttpResponse> stats(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    Caller caller = callerOf(state, context);
    if (auto refused = refusal(caller))
        return answer(*refused);
    const auto sampling = monitor::readServerStats(*state.registry, caller.connection);
    return async::then(sampling, receiver, [caller](const Result<monitor::ServerStats> &server) {
        if (!server)
            return errorResponse(server.error());
        // Read after the job, so the pool's counts include the sample's own job.
        const auto pool = caller.state->registry->pool(caller.connection);
        // This continuation runs on the server's thread, where the readers live.
        const auto reads = caller.state->asyncReaders ? caller.state->asyncReaders->stats(caller.connection) : std::nullopt;
        return jsonResponse(200, QJsonObject{{QStringLiteral("connection"), caller.connection},
                                             {QStringLiteral("pool"), pool ? QJsonValue(v1::poolStatsToJson(pool->stats())) : QJsonValue()},
                                             {QStringLiteral("apiReads"), reads ? QJsonValue(v1::apiReadStatsToJson(*reads)) : QJsonValue()},
                                             {QStringLiteral("server"), v1::serverStatsToJson(server.value())}});
    });
}

} // namespace

void addCatalogRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    router.add({"GET", QStringLiteral("/api/v1/connections/{connection}/tables"), Access::Authenticated,
                [s, context](const RequestContext &c) { return tables(*s, c, context); }});
    router.add({"GET", QStringLiteral("/api/v1/connections/{connection}/tables/{table}/schema"), Access::Authenticated,
                [s, context](const RequestContext &c) { return tableSchema(*s, c, context); }});
    router.add({"GET", QStringLiteral("/api/v1/connections/{connection}/schema"), Access::Authenticated,
                [s, context](const RequestContext &c) { return schema(*s, c, context); }});
    router.add({"GET", QStringLiteral("/api/v1/connections/{connection}/stats"), Access::Authenticated,
                [s, context](const RequestContext &c) { return stats(*s, c, context); }});
}

} // namespace tw::http
