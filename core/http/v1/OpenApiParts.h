#pragma once

// The fixed parts of the OpenAPI document (internal to OpenApiDocument):
// the components every table's operations refer to and the /api/v1 routes.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <initializer_list>

namespace tw::http::openapi {

// Component names. A table's schema and rows response are both named
// "<connection>.<schema>.<table>" (dots kept), so the dot-free shared names
// can never collide with one.
inline constexpr char kErrorSchema[] = "Error";
inline constexpr char kPostgresFilter[] = "RowFilter";
inline constexpr char kSqliteFilter[] = "RowFilterSqlite";
inline constexpr char kBearerScheme[] = "bearerAuth";
inline constexpr char kOidcScheme[] = "openIdConnect";

QJsonObject refTo(const QString &kind, const QString &name);   // {"$ref": "#/components/<kind>/<name>"}
inline QJsonObject schemaRef(const QString &name) { return refTo(QStringLiteral("schemas"), name); }
inline QJsonObject parameterRef(const QString &name) { return refTo(QStringLiteral("parameters"), name); }
inline QJsonObject responseRef(const QString &name) { return refTo(QStringLiteral("responses"), name); }
inline QJsonObject headerRef(const QString &name) { return refTo(QStringLiteral("headers"), name); }

// A component key: OpenAPI 3.0 allows [A-Za-z0-9._-]; anything else becomes '_'.
QString componentKey(const QString &name);

// The error statuses an operation can answer, keyed "400", … (refs to the
// shared responses). `extra`: statuses beyond 400/401/403/404/429/503.
QJsonObject errorResponses(std::initializer_list<int> extra = {});

struct FixedOptions
{
    QString issuer;            // empty: no OpenID Connect scheme
    bool metricsPublic = false;
    // The migration routes, listed only for callers that may use them:
    // database:migrate on some connection (status), and on one that is not
    // readonly (apply).
    bool migrationStatus = false;
    bool migrationApply = false;
};

// components: schemas, parameters, responses, headers, securitySchemes
// shared by every operation; the filter schemas of both engines.
QJsonObject sharedComponents(const FixedOptions &options);
// The document's `security`: a bearer JWT, or the OpenID Connect scheme
// (the same token, with the issuer's discovery URL for tools that fetch one).
QJsonArray globalSecurity(const FixedOptions &options);
// The /api/v1 routes and /metrics, each described briefly.
QJsonObject fixedPaths(const FixedOptions &options);

} // namespace tw::http::openapi
