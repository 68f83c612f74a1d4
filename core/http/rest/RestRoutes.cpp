#include "RestRoutes.h"

#include "PreferHeader.h"
#include "RangeHeader.h"
#include "RestError.h"
#include "RestQueryParser.h"
#include "data/RestRead.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiResponses.h"
#include "http/auth/Authenticator.h"

#include <QJsonObject>

namespace tw::http {

namespace {

const QByteArray kJson = "application/json; charset=utf-8";

// PostgREST's error body: all four keys, null when empty.
HttpResponse pgrstResponse(int status, const QString &code, const QString &message, const QString &details = {},
                           const QString &hint = {})
{
    return errorResponse(status, code, message, details.isEmpty() ? QJsonValue() : QJsonValue(details), hint);
}

// PostgREST's SQLSTATE → status table (Error.hs, pgErrorStatus), for errors
// the server raised while running the read.
int statusForSqlState(const QString &state)
{
    static const QHash<QString, int> exact{
        {QStringLiteral("23503"), 409}, {QStringLiteral("23505"), 409}, {QStringLiteral("25006"), 405},
        {QStringLiteral("53400"), 500}, {QStringLiteral("57P01"), 503}, {QStringLiteral("P0001"), 400},
        {QStringLiteral("42883"), 404}, {QStringLiteral("42P01"), 404}, {QStringLiteral("42P17"), 500},
        {QStringLiteral("42501"), 403},
    };
    if (const auto it = exact.constFind(state); it != exact.cend())
        return it.value();
    static const QHash<QString, int> byClass{
        {QStringLiteral("08"), 503}, {QStringLiteral("09"), 500}, {QStringLiteral("0L"), 403}, {QStringLiteral("0P"), 403},
        {QStringLiteral("25"), 500}, {QStringLiteral("28"), 403}, {QStringLiteral("2D"), 500}, {QStringLiteral("38"), 500},
        {QStringLiteral("39"), 500}, {QStringLiteral("3B"), 500}, {QStringLiteral("40"), 500}, {QStringLiteral("53"), 503},
        {QStringLiteral("54"), 500}, {QStringLiteral("55"), 500}, {QStringLiteral("57"), 500}, {QStringLiteral("58"), 500},
        {QStringLiteral("F0"), 500}, {QStringLiteral("HV"), 500}, {QStringLiteral("P0"), 500}, {QStringLiteral("XX"), 500},
    };
    return byClass.value(state.left(2), 400);
}

// "orders" → "main.orders" (SQLite) or "public.orders" (PostgreSQL): the
// policy is written over qualified names, and the reader is given the same
// name so a bare one cannot resolve to a schema the policy did not check.
QString qualify(const config::ConnectionProfile &profile, const QString &table)
{
    if (table.contains(u'.'))
        return table;
    const QString schema = profile.driver == config::Driver::Postgres ? QStringLiteral("public") : QStringLiteral("main");
    return schema + u'.' + table;
}

struct Target
{
    QString connection;
    QString qualified;   // "schema.table", as the policy and the reader see it
    QString bare;        // the table's own name, for PostgreSQL-worded messages
};

// Answers a failed read as PostgREST would. Transient failures (pool, lost
// server) keep errorResponse's 503 + Retry-After; nothing permanent is 503,
// since postgrest-js retries a GET on 503.
HttpResponse readFailure(const ServerState &state, const QStringList &roles, const Target &target, const Error &error)
{
    const QString code = rest::pgrstCode(error);
    if (!code.isEmpty()) {
        const int status = code == QLatin1String(rest::kUnsatisfiableRange) ? 416 : 400;
        return pgrstResponse(status, code, error.message(), rest::pgrstDetails(error), error.hint());
    }
    const QString sqlState = error.details().value(QStringLiteral("sqlstate")).toString();
    const config::ConnectionProfile *profile = state.config.find(target.connection);
    if (error.code() == ErrorCode::TableNotFound && profile) {
        // Suggest only what the caller may read: a hint must not reveal other tables.
        QString hint;
        for (const QVariant &v : error.details().value(QStringLiteral("suggestions")).toList()) {
            const QString name = qualify(*profile, v.toString());
            if (state.policy.allows(roles, Permission::Read, target.connection, name)) {
                hint = QStringLiteral("Perhaps you meant the table '%1'").arg(name);
                break;
            }
        }
        return pgrstResponse(404, QStringLiteral("PGRST205"),
                             QStringLiteral("Could not find the table '%1' in the schema cache").arg(target.qualified), {},
                             hint);
    }
    if (error.code() == ErrorCode::PermissionDenied) {
        HttpResponse denied = pgrstResponse(403, QStringLiteral("42501"), error.message());
        denied.auditReason = error.message();
        return denied;
    }
    const bool postgresState = profile && profile->driver == config::Driver::Postgres && sqlState.size() == 5;
    if (postgresState) {
        const int status = statusForSqlState(sqlState);
        // A lost server is transient; keep errorResponse's Retry-After for it.
        if (status == 503)
            return errorResponse(error);
        return pgrstResponse(status, sqlState, error.message(),
                             error.details().value(QStringLiteral("serverDetail")).toString(), error.hint());
    }
    return errorResponse(error);
}

// Content-Range and status as PostgREST 12 computes them (Response.hs:
// rangeStatusHeader, contentRangeH).
HttpResponse rowsResponse(const data::RestRows &rows)
{
    const qint64 lower = rows.rangeStart;
    const qint64 upper = rows.rangeStart + rows.rows - 1;
    const QByteArray total = rows.total ? QByteArray::number(*rows.total) : QByteArray("*");
    const bool showRange = rows.total != 0 && lower <= upper;
    const QByteArray range = showRange ? QByteArray::number(lower) + '-' + QByteArray::number(upper) : QByteArray("*");
    if (rows.total && lower > *rows.total) {
        return pgrstResponse(416, QString::fromLatin1(rest::kUnsatisfiableRange),
                             QStringLiteral("Requested range not satisfiable"),
                             QStringLiteral("An offset of %1 was requested, but there are only %2 rows.")
                                 .arg(lower)
                                 .arg(*rows.total))
            .withHeader("Content-Range", "*/" + total);
    }
    const int status = rows.total && rows.rows < *rows.total ? 206 : 200;
    return HttpResponse{status, {{"Content-Type", kJson}, {"Content-Range", range + '/' + total}}, rows.body, {}};
}

QList<QByteArray> headerValues(const HttpRequest &request, const QByteArray &lowerName)
{
    QList<QByteArray> values;
    for (const auto &[name, value] : request.headers) {
        if (name == lowerName)
            values << value;
    }
    return values;
}

data::RestCount restCount(const std::optional<rest::Preferences::Count> &count)
{
    if (!count)
        return data::RestCount::None;
    switch (*count) {
    case rest::Preferences::Count::Exact: return data::RestCount::Exact;
    case rest::Preferences::Count::Planned: return data::RestCount::Planned;
    case rest::Preferences::Count::Estimated: return data::RestCount::Estimated;
    }
    return data::RestCount::None;
}

QFuture<HttpResponse> readRows(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    const HttpRequest &request = context.request;
    const auth::Identity &who = *context.identity;
    const QString connection = request.params.value(QStringLiteral("connection"));
    const QString table = request.params.value(QStringLiteral("table"));

    if (!state.registry)
        return answer(errorResponse(Error(ErrorCode::DbUnavailable, QStringLiteral("no connections are open"))));
    const config::ConnectionProfile *profile = state.config.find(connection);
    if (!profile || state.policy.permissions(who.roles, connection).isEmpty()) {
        HttpResponse missing = errorResponse(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no connection named '%1'").arg(connection));
        if (profile)
            missing.auditReason = QStringLiteral("connection not visible to the caller");
        return answer(missing);
    }
    if (!state.registry->pool(connection))
        return answer(errorResponse(Error(ErrorCode::DbUnavailable, QStringLiteral("connection '%1' is not open").arg(connection))));
    Target target{connection, qualify(*profile, table), data::restTableName(qualify(*profile, table)).name};
    if (!state.policy.allows(who.roles, Permission::Read, connection, target.qualified)) {
        HttpResponse denied = pgrstResponse(403, QStringLiteral("42501"),
                                            QStringLiteral("permission denied for table %1").arg(target.bare));
        denied.auditReason = QStringLiteral("database:read not granted on %1 of connection %2").arg(target.qualified, connection);
        return answer(denied);
    }

    rest::RestLimits limits;
    limits.maxFilterTerms = state.config.api.limits.maxFilterTerms;
    auto parsed = rest::parseRestQuery(request.rawQuery, limits);
    if (!parsed)
        return answer(readFailure(state, who.roles, target, parsed.error()));
    auto prefs = rest::parsePrefer(headerValues(request, "prefer"));
    if (!prefs)
        return answer(readFailure(state, who.roles, target, prefs.error()));
    auto rangeHeader = rest::parseRangeHeader(request.header("range"), request.header("range-unit"));
    if (!rangeHeader)
        return answer(readFailure(state, who.roles, target, rangeHeader.error()));

    rest::RestQuery query = parsed.value();
    const rest::RowRange range = rest::effectiveRange(rangeHeader.value(), query.limit, query.offset);
    query.offset = range.offset;
    query.limit = range.limit;

    data::RestReadOptions options;
    options.count = restCount(prefs.value().count);
    options.maxRows = state.config.api.limits.maxPageRows;
    options.hiddenColumns = state.policy.deniedColumns(who.roles, connection, target.qualified);

    // Only what a read honours is echoed back.
    rest::Preferences applied;
    applied.count = prefs.value().count;
    applied.handling = prefs.value().handling;
    const QByteArray preferenceApplied = rest::preferenceApplied(applied);

    const ServerState *s = &state;
    const QStringList roles = who.roles;
    return data::readRestRows(*state.registry, connection, target.qualified, query, options)
        .then(receiver, [s, roles, target, preferenceApplied](const Result<data::RestRows> &rows) {
            if (!rows)
                return readFailure(*s, roles, target, rows.error());
            HttpResponse response = rowsResponse(rows.value());
            if (response.status < 400 && !preferenceApplied.isEmpty())
                response.withHeader("Preference-Applied", preferenceApplied);
            return response;
        });
}

} // namespace

void addRestRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    router.add({"GET", QStringLiteral("/rest/{connection}/{table}"), Access::Authenticated,
                [s, context](const RequestContext &c) { return readRows(*s, c, context); }});
}

} // namespace tw::http
