#pragma once

#include "catalog/Snapshot.h"
#include "config/ConnectionProfile.h"
#include "error/Error.h"
#include "http/rbac/Policy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw::http {

// The OpenAPI 3.0.3 document of GET /api/v1/openapi.json, built for one
// caller from the live catalog: plain values in, JSON out, no I/O, so it can
// be built off the event loop and tested without a server.

// What one caller may do with one relation of a snapshot.
struct OpenApiTableAccess
{
    qsizetype relation = -1;     // index into the snapshot's relations
    QString restName;            // the {table} of /rest: "orders" (public/main) or "sales.orders"
    bool insert = false;         // POST: database:write, connection not readonly
    bool update = false;         // PATCH: database:write, connection not readonly
    bool remove = false;         // DELETE: database:delete, connection not readonly
    QStringList hiddenColumns;   // the policy's deny_columns for the caller: left out everywhere
};

struct OpenApiConnection
{
    QString name;
    config::Driver driver = config::Driver::Sqlite;
    bool readonly = false;
    catalog::Snapshot snapshot;              // empty when the caller reads nothing here, or on a problem
    QList<OpenApiTableAccess> tables;        // in snapshot order
    std::optional<Error> problem;            // the catalog could not be loaded
};

struct OpenApiOptions
{
    QString version;             // info.version: the server's version
    QString issuer;              // api.oidc.issuer; empty: no openIdConnect scheme
    bool metricsPublic = false;  // api.metrics_public: /metrics needs no token
    bool migrationStatus = false; // the caller holds database:migrate on some connection
    bool migrationApply = false;  // … on one that is not readonly
};

// The relations of `snapshot` the caller may read through /rest, and what
// else it may do with each: tables, partitioned tables, views, materialized
// views and foreign tables the connected role can SELECT, that a policy rule
// lets `roles` read (database:read on "schema.table"). Partitions are left
// out (read them through their parent), as PostgREST does. Writes are
// offered on tables and partitioned tables only. Evaluates the policy: call
// it where the policy is used (the server's thread), not on a worker.
QList<OpenApiTableAccess> openApiTables(const catalog::Snapshot &snapshot, const Policy &policy, const QStringList &roles,
                                        const QString &connection, bool readonly);

// The whole document: info, servers, security (bearer JWT + OpenID Connect),
// the shared components, the fixed /api/v1 routes, and per readable table
// /rest/{connection}/{table} with its operations, filters per visible column
// and a components/schemas entry "<connection>.<schema>.<table>". Problems
// (a catalog that failed to load) are listed under "x-tablewright-problems".
QJsonObject buildOpenApiDocument(const QList<OpenApiConnection> &connections, const OpenApiOptions &options);

} // namespace tw::http
