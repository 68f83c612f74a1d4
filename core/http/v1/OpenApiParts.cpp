#include "OpenApiParts.h"

#include <QHash>
#include <QJsonArray>

namespace tw::http::openapi {

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject jsonContent(const QJsonObject &schema)
{
    return QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), schema}}}};
}

QJsonObject stringParameter(const char *name, const char *in, const char *description, const QJsonObject &schema = {})
{
    return QJsonObject{{QStringLiteral("name"), s(name)},
                       {QStringLiteral("in"), s(in)},
                       {QStringLiteral("required"), s(in) == u"path"},
                       {QStringLiteral("description"), s(description)},
                       {QStringLiteral("schema"), schema.isEmpty() ? QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}} : schema}};
}

// Prefer (RFC 7240) as one header parameter: an operation may name a header
// once, so each operation kind gets the tokens it honours.
QJsonObject preferParameter(const QStringList &tokens, const char *description)
{
    QJsonObject items{{QStringLiteral("type"), QStringLiteral("string")},
                      {QStringLiteral("pattern"), QStringLiteral("^(%1)$").arg(tokens.join(u'|'))}};
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("Prefer")},
                       {QStringLiteral("in"), QStringLiteral("header")},
                       {QStringLiteral("required"), false},
                       {QStringLiteral("description"), s(description)},
                       {QStringLiteral("style"), QStringLiteral("simple")},
                       {QStringLiteral("explode"), false},
                       {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                              {QStringLiteral("items"), items}}}};
}

QJsonObject errorResponse(const char *description, const QJsonObject &headers = {})
{
    QJsonObject response{{QStringLiteral("description"), s(description)},
                         {QStringLiteral("content"), jsonContent(schemaRef(QLatin1String(kErrorSchema)))}};
    if (!headers.isEmpty())
        response.insert(QStringLiteral("headers"), headers);
    return response;
}

QJsonObject header(const char *description, const QJsonObject &schema)
{
    return QJsonObject{{QStringLiteral("description"), s(description)}, {QStringLiteral("schema"), schema}};
}

// A bodiless answer with one of the shared headers ("Content-Range" → #/components/headers/ContentRange).
QJsonObject headersOnly(const char *description, const char *headerName)
{
    const QString name = s(headerName);
    return QJsonObject{{QStringLiteral("description"), s(description)},
                       {QStringLiteral("headers"), QJsonObject{{name, headerRef(QString(name).remove(u'-'))}}}};
}

QJsonObject filterSchema(const char *operators, const QString &description)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("string")},
        // not.<op>, <op>(any|all) and fts(<config>) before the value.
        {QStringLiteral("pattern"), QStringLiteral("^(not\\.)?(%1)(\\([^)]*\\))?\\.").arg(s(operators))},
        {QStringLiteral("description"), description},
    };
}

const char kPostgresOperators[] =
    "eq|neq|gt|gte|lt|lte|like|ilike|match|imatch|in|is|isdistinct|cs|cd|ov|sl|sr|nxl|nxr|adj|fts|plfts|phfts|wfts";
const char kSqliteOperators[] = "eq|neq|gt|gte|lt|lte|like|ilike|match|imatch|in|is|isdistinct";

const char kFilterHelp[] =
    "`operator.value`, PostgREST's grammar: eq, neq, gt, gte, lt, lte (comparisons); like, ilike (`*` is the "
    "wildcard); match, imatch (regular expression); in (`in.(a,b,\"c,d\")`); is (`null`, `not_null`, `true`, "
    "`false`, `unknown`); isdistinct. Prefix `not.` negates; `like(any).{a*,b*}` / `eq(all).{…}` quantify.";
const char kPostgresOnly[] =
    " PostgreSQL also: cs, cd (contains, contained in: arrays, ranges, jsonb), ov (overlap), sl, sr, nxl, nxr, adj "
    "(range positions), fts, plfts, phfts, wfts (full text; `fts(english).term`).";

QJsonObject operation(const char *id, const char *summary, const char *description, const QJsonObject &ok,
                      const QJsonArray &parameters = {}, std::initializer_list<int> errors = {})
{
    QJsonObject op{{QStringLiteral("operationId"), s(id)},
                   {QStringLiteral("tags"), QJsonArray{QStringLiteral("api")}},
                   {QStringLiteral("summary"), s(summary)},
                   {QStringLiteral("description"), s(description)}};
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);
    QJsonObject responses = errorResponses(errors);
    responses.insert(QStringLiteral("200"), ok);
    op.insert(QStringLiteral("responses"), responses);
    return op;
}

QJsonObject okJson(const char *description)
{
    return QJsonObject{{QStringLiteral("description"), s(description)},
                       {QStringLiteral("content"), jsonContent(QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}})}};
}

QJsonObject get(const QJsonObject &op)
{
    return QJsonObject{{QStringLiteral("get"), op}};
}

} // namespace

QJsonObject refTo(const QString &kind, const QString &name)
{
    return QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/%1/%2").arg(kind, name)}};
}

QString componentKey(const QString &name)
{
    QString key = name;
    for (QChar &c : key) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.'
                             || u == '-' || u == '_';
        if (!allowed)
            c = u'_';
    }
    return key.isEmpty() ? QStringLiteral("_") : key;
}

QJsonObject errorResponses(std::initializer_list<int> extra)
{
    static const QHash<int, QString> names{
        {400, QStringLiteral("BadRequest")},         {401, QStringLiteral("Unauthorized")},
        {403, QStringLiteral("Forbidden")},          {404, QStringLiteral("NotFound")},
        {405, QStringLiteral("MethodNotAllowed")},   {406, QStringLiteral("NotAcceptable")},
        {409, QStringLiteral("Conflict")},           {412, QStringLiteral("PreconditionFailed")},
        {416, QStringLiteral("RangeNotSatisfiable")}, {429, QStringLiteral("TooManyRequests")},
        {503, QStringLiteral("ServiceUnavailable")},
    };
    QJsonObject responses;
    for (int status : {400, 401, 403, 404, 429, 503})
        responses.insert(QString::number(status), responseRef(names.value(status)));
    for (int status : extra)
        responses.insert(QString::number(status), responseRef(names.value(status)));
    return responses;
}

QJsonObject sharedComponents(const FixedOptions &options)
{
    const QJsonObject stringType{{QStringLiteral("type"), QStringLiteral("string")}};
    const QJsonObject error{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("description"),
         QStringLiteral("Every error, PostgREST's shape: all four keys, null when empty. `code` is a PGRST code, a "
                        "SQLSTATE, or one of Tablewright's codes (NOT_FOUND, UNAUTHENTICATED, …).")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("code"), QStringLiteral("message"), QStringLiteral("details"),
                                                QStringLiteral("hint")}},
        {QStringLiteral("additionalProperties"), false},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("code"), stringType},
                     {QStringLiteral("message"), stringType},
                     {QStringLiteral("details"), QJsonObject{{QStringLiteral("description"), QStringLiteral("text, an object, or null")}}},
                     {QStringLiteral("hint"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                          {QStringLiteral("nullable"), true}}}}},
    };
    const QJsonObject schemas{
        {QLatin1String(kErrorSchema), error},
        {QLatin1String(kPostgresFilter), filterSchema(kPostgresOperators, s(kFilterHelp) + s(kPostgresOnly))},
        {QLatin1String(kSqliteFilter), filterSchema(kSqliteOperators, s(kFilterHelp))},
    };

    const QJsonObject nonNegative{{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("minimum"), 0}};
    const QJsonObject parameters{
        {QStringLiteral("select"), stringParameter("select", "query",
            "Columns to return, comma-separated: `*`, `col`, `alias:col`, `col::text` (cast), `data->a->>b` (JSON path), "
            "aggregates `amount.sum()`, `count()`, `price.avg()`, `min()`, `max()` (the plain columns group).")},
        {QStringLiteral("order"), stringParameter("order", "query",
            "`col.asc|desc.nullsfirst|nullslast`, comma-separated: `order=a.desc.nullslast,b`.")},
        {QStringLiteral("limit"), stringParameter("limit", "query", "At most this many rows (capped by the server's max_page_rows).", nonNegative)},
        {QStringLiteral("offset"), stringParameter("offset", "query", "Rows to skip.", nonNegative)},
        {QStringLiteral("or"), stringParameter("or", "query", "Any of the conditions: `or=(a.eq.1,b.lt.2,and(c.gt.3,d.is.null))`; nests.")},
        {QStringLiteral("and"), stringParameter("and", "query", "All of the conditions: `and=(a.gte.1,a.lte.9)`; nests.")},
        {QStringLiteral("columns"), stringParameter("columns", "query",
            "The body's keys to insert, comma-separated; others are ignored (missing ones take their default with `Prefer: missing=default`).")},
        {QStringLiteral("on_conflict"), stringParameter("on_conflict", "query",
            "Unique columns for an upsert (`Prefer: resolution=merge-duplicates|ignore-duplicates`).")},
        {QStringLiteral("range"), stringParameter("Range", "header", "Rows `first-last` (0-based, `last` optional), as PostgREST reads it.",
            QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("pattern"), QStringLiteral("^[0-9]+-[0-9]*$")}})},
        {QStringLiteral("rangeUnit"), stringParameter("Range-Unit", "header", "Only `items`.",
            QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("enum"), QJsonArray{QStringLiteral("items")}}})},
        {QStringLiteral("ifMatch"), stringParameter("If-Match", "header",
            "The ETag of the row as read: the write is refused with 412 when it changed since.")},
        {QStringLiteral("preferRead"), preferParameter(
            {QStringLiteral("count=(exact|planned|estimated)"), QStringLiteral("handling=(strict|lenient)"),
             QStringLiteral("tx=(commit|rollback)"), QStringLiteral("timezone=.+")},
            "count=exact|planned|estimated (the total in Content-Range), handling=strict|lenient (strict: an unknown "
            "preference is an error), tx=commit|rollback; one header comma-joined, or several.")},
        {QStringLiteral("preferInsert"), preferParameter(
            {QStringLiteral("return=(minimal|representation|headers-only)"), QStringLiteral("count=(exact|planned|estimated)"),
             QStringLiteral("resolution=(merge-duplicates|ignore-duplicates)"), QStringLiteral("missing=(default|null)"),
             QStringLiteral("handling=(strict|lenient)"), QStringLiteral("tx=(commit|rollback)"), QStringLiteral("timezone=.+")},
            "return=minimal|representation|headers-only, resolution=merge-duplicates|ignore-duplicates (upsert), "
            "missing=default, count=…, handling=strict|lenient, tx=commit|rollback. `Preference-Applied` echoes what was honoured.")},
        {QStringLiteral("preferChange"), preferParameter(
            {QStringLiteral("return=(minimal|representation|headers-only)"), QStringLiteral("count=(exact|planned|estimated)"),
             QStringLiteral("handling=(strict|lenient)"), QStringLiteral("max-affected=[0-9]+"),
             QStringLiteral("tx=(commit|rollback)"), QStringLiteral("timezone=.+")},
            "return=minimal|representation, count=…, max-affected=N (with handling=strict: more rows → error, "
            "nothing changed), handling=strict|lenient, tx=commit|rollback.")},
        {QStringLiteral("connection"), stringParameter("connection", "path", "A connection's name (GET /api/v1/connections).")},
        {QStringLiteral("table"), stringParameter("table", "path", "`schema.table`, or the bare name in public (PostgreSQL) / main (SQLite).")},
    };

    const QJsonObject retryAfter{{QStringLiteral("Retry-After"), headerRef(QStringLiteral("RetryAfter"))}};
    const QJsonObject responses{
        {QStringLiteral("BadRequest"), errorResponse("Bad request: a query PostgREST's grammar refuses (PGRST100), an unknown "
                                                     "column (42703, PGRST204), a bad body (PGRST102), a database error.")},
        {QStringLiteral("Unauthorized"), errorResponse("No valid bearer token (WWW-Authenticate: Bearer …).",
            QJsonObject{{QStringLiteral("WWW-Authenticate"), QJsonObject{{QStringLiteral("schema"), stringType}}}})},
        {QStringLiteral("Forbidden"), errorResponse("The caller's roles lack the permission (42501, insufficient_scope).")},
        {QStringLiteral("NotFound"), errorResponse("No such connection (or not visible to the caller), table (PGRST205) or route.")},
        {QStringLiteral("MethodNotAllowed"), errorResponse("The route exists without this method.")},
        {QStringLiteral("NotAcceptable"), errorResponse("`Accept: application/vnd.pgrst.object+json` and not exactly one row (PGRST116).")},
        {QStringLiteral("Conflict"), errorResponse("A unique or foreign key violation (23505, 23503).")},
        {QStringLiteral("PreconditionFailed"), errorResponse("If-Match did not match the row's ETag.")},
        {QStringLiteral("RangeNotSatisfiable"), errorResponse("The range starts past the counted end (PGRST103).",
            QJsonObject{{QStringLiteral("Content-Range"), headerRef(QStringLiteral("ContentRange"))}})},
        {QStringLiteral("TooManyRequests"), errorResponse("Rate or concurrency limit of the caller.", retryAfter)},
        {QStringLiteral("ServiceUnavailable"),
         errorResponse("The database is busy or down, or the issuer's keys are not loaded: try again later.", retryAfter)},
        {QStringLiteral("RowCount"), headersOnly("No body; Content-Range as GET gives it.", "Content-Range")},
        {QStringLiteral("NoContent"), headersOnly("Done (return=minimal).", "Preference-Applied")},
    };

    const QJsonObject integerType{{QStringLiteral("type"), QStringLiteral("integer")}};
    const QJsonObject headers{
        {QStringLiteral("ContentRange"),
         header("`first-last/total`; `*` for the total without a count, `*/total` for no rows.", stringType)},
        {QStringLiteral("PreferenceApplied"), header("The preferences that were honoured.", stringType)},
        {QStringLiteral("RetryAfter"), header("Seconds to wait.", integerType)},
        {QStringLiteral("Location"), header("The inserted row as a filter URL (return=headers-only).", stringType)},
        {QStringLiteral("ETag"), header("A single row's version, for If-Match.", stringType)},
    };

    QJsonObject security{
        {QLatin1String(kBearerScheme), QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                                   {QStringLiteral("scheme"), QStringLiteral("bearer")},
                                                   {QStringLiteral("bearerFormat"), QStringLiteral("JWT")},
                                                   {QStringLiteral("description"),
                                                    QStringLiteral("An access token (RFC 9068 JWT) of the configured OpenID Connect issuer.")}}},
    };
    if (!options.issuer.isEmpty()) {
        // OpenID Connect Discovery §4: the path goes after the issuer without its trailing slash.
        QString issuer = options.issuer;
        while (issuer.endsWith(u'/'))
            issuer.chop(1);
        security.insert(QLatin1String(kOidcScheme),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("openIdConnect")},
                                    {QStringLiteral("openIdConnectUrl"), issuer + QStringLiteral("/.well-known/openid-configuration")}});
    }
    return QJsonObject{{QStringLiteral("schemas"), schemas},
                       {QStringLiteral("parameters"), parameters},
                       {QStringLiteral("responses"), responses},
                       {QStringLiteral("headers"), headers},
                       {QStringLiteral("securitySchemes"), security}};
}

QJsonArray globalSecurity(const FixedOptions &options)
{
    QJsonArray security{QJsonObject{{QLatin1String(kBearerScheme), QJsonArray()}}};
    if (!options.issuer.isEmpty())
        security.append(QJsonObject{{QLatin1String(kOidcScheme), QJsonArray()}});
    return security;
}

namespace {

// GET …/migrations and POST …/migrations/apply (v1/MigrationRoutes.h).
void addMigrationPaths(QJsonObject &paths, const FixedOptions &options)
{
    const QJsonObject connection = parameterRef(QStringLiteral("connection"));
    if (options.migrationStatus) {
        paths.insert(QStringLiteral("/api/v1/connections/{connection}/migrations"),
                     get(operation("migrationStatus", "Migration status",
                                   "`migrate status --json`: every migration file with its state (applied, pending, failed, "
                                   "partial, checksum-changed, missing-file, out-of-order) and its last history row. Needs "
                                   "database:migrate.",
                                   okJson("The status report."), {connection})));
    }
    if (!options.migrationApply)
        return;
    const QJsonObject boolType{{QStringLiteral("type"), QStringLiteral("boolean")}};
    const QJsonObject body{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("additionalProperties"), false},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("target"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                            {QStringLiteral("description"), QStringLiteral("Apply up to this version (\"5\", \"1.2\").")}}},
                     {QStringLiteral("dryRun"), boolType},
                     {QStringLiteral("outOfOrder"), boolType},
                     {QStringLiteral("singleTransaction"), boolType}}},
    };
    QJsonObject apply = operation("applyMigrations", "Apply pending migrations",
        "`migrate up` (or `migrate dry-run` with dryRun: the statements in order, nothing run), recorded in the history "
        "as installed by `api:<sub>`. Needs database:migrate on a connection that is not readonly. Waits at most five "
        "seconds for another runner's lock.",
        okJson("The report: the steps that ran and the status after them."), {connection});
    apply.insert(QStringLiteral("requestBody"),
                 QJsonObject{{QStringLiteral("required"), false}, {QStringLiteral("content"), jsonContent(body)}});
    QJsonObject responses = apply.value(QStringLiteral("responses")).toObject();
    responses.insert(QStringLiteral("409"), okJson("A migration failed: the report with ok false and the failure; the "
                                                   "migrations before it stay applied."));
    responses.insert(QStringLiteral("423"),
                     errorResponse("MIGRATION_LOCKED: another runner holds the lock; details name it.",
                                   QJsonObject{{QStringLiteral("Retry-After"), headerRef(QStringLiteral("RetryAfter"))}}));
    apply.insert(QStringLiteral("responses"), responses);
    paths.insert(QStringLiteral("/api/v1/connections/{connection}/migrations/apply"),
                 QJsonObject{{QStringLiteral("post"), apply}});
}

} // namespace

QJsonObject fixedPaths(const FixedOptions &options)
{
    const QJsonObject connection = parameterRef(QStringLiteral("connection"));
    const QJsonObject table = parameterRef(QStringLiteral("table"));
    const QJsonArray none;   // security: [] — no token
    const QJsonObject plainText{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}};

    QJsonObject health = operation("health", "Liveness", "`{\"status\":\"ok\",\"version\",\"uptime_seconds\"}`; touches no database.",
                                   okJson("The server runs."));
    health.insert(QStringLiteral("security"), none);
    QJsonObject ready = operation("ready", "Readiness", "Issuer keys loaded and every connection up (from the health monitor).",
                                  okJson("Ready."));
    ready.insert(QStringLiteral("security"), none);
    QJsonObject metrics = operation("metrics", "Prometheus metrics", "Text format 0.0.4; needs a token with any permission unless metrics_public.",
                                    QJsonObject{{QStringLiteral("description"), QStringLiteral("The metrics.")},
                                                {QStringLiteral("content"), QJsonObject{{QStringLiteral("text/plain"), plainText}}}});
    if (options.metricsPublic)
        metrics.insert(QStringLiteral("security"), none);

    QJsonObject transaction = operation("transaction", "Several writes, all or nothing",
        "A list of insert/update/delete/upsert operations on any tables of the connection, each checked by RBAC; "
        "results per operation; one failure rolls back all.", okJson("Every operation's result."), {connection}, {409});
    transaction.insert(QStringLiteral("requestBody"),
                       QJsonObject{{QStringLiteral("required"), true},
                                   {QStringLiteral("content"), jsonContent(QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}})}});

    QJsonObject paths{
        {QStringLiteral("/api/v1/health"), get(health)},
        {QStringLiteral("/api/v1/ready"), get(ready)},
        {QStringLiteral("/metrics"), get(metrics)},
        {QStringLiteral("/api/v1/whoami"),
         get(operation("whoami", "The caller", "Subject, client id, roles, expiry, permissions per connection.",
            okJson("The caller's identity and permissions."),
            {stringParameter("table", "query", "Narrow the permissions to this `schema.table`.")}))},
        {QStringLiteral("/api/v1/openapi.json"),
         get(operation("openapi", "This document", "Generated for the caller from the live catalog and its permissions.",
            okJson("An OpenAPI 3.0 document.")))},
        {QStringLiteral("/api/v1/connections"),
         get(operation("listConnections", "Connections", "The connections the caller has any permission on.",
            okJson("Driver, readonly, status and the caller's permissions per connection.")))},
        {QStringLiteral("/api/v1/connections/{connection}"),
         get(operation("getConnection", "One connection", "Probed now through its pool.",
            okJson("The connection."), {connection}))},
        {QStringLiteral("/api/v1/connections/{connection}/tables"),
         get(operation("listTables", "Tables", "The tables and views the caller may read, with row estimates.",
            okJson("The tables."), {connection}))},
        {QStringLiteral("/api/v1/connections/{connection}/tables/{table}/schema"),
         get(operation("tableSchema", "One table's catalog", "The catalog snapshot's JSON for the table.",
            okJson("The table's columns, constraints, indexes, triggers."), {connection, table}))},
        {QStringLiteral("/api/v1/connections/{connection}/schema"),
         get(operation("schema", "The whole catalog", "The connection's catalog snapshot as JSON.",
            okJson("The snapshot."), {connection}))},
        {QStringLiteral("/api/v1/connections/{connection}/stats"),
         get(operation("stats", "Pool and server statistics",
                      "Pool sizes, waits, timeouts, the API server's own read connections (apiReads) and the server's statistics.",
            okJson("The statistics."), {connection}))},
        {QStringLiteral("/api/v1/connections/{connection}/search"),
         get(operation("search", "Search every readable table",
            "Full-text search where an index exists, else a bounded ILIKE/LIKE per table; a time budget and per-table limits.",
            okJson("Matches as table, key, column and a snippet."),
            {connection, stringParameter("q", "query", "The text to find."),
             stringParameter("tables", "query", "Only these tables, comma-separated."),
             stringParameter("limit", "query", "At most this many matches.",
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("minimum"), 1}})}))},
        {QStringLiteral("/api/v1/connections/{connection}/transaction"), QJsonObject{{QStringLiteral("post"), transaction}}},
    };
    if (options.migrationStatus || options.migrationApply)
        addMigrationPaths(paths, options);
    return paths;
}

} // namespace tw::http::openapi
