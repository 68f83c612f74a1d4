#include "RestAnswers.h"

#include "RestError.h"
#include "data/RestRead.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiResponses.h"
#include "http/auth/Authenticator.h"

#include <QHash>
#include <QTimer>

#include <iterator>

namespace tw::http::rest {

namespace {

// PostgREST's SQLSTATE → status table (Error.hs, pgErrorStatus), for errors
// the server raised while running the statement.
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

// SQLite's extended result codes as the SQLSTATEs PostgreSQL raises for the
// same failure, so both engines answer alike (NOT NULL 400, duplicate 409).
QString sqliteSqlState(int code)
{
    switch (code) {
    case 1299: return QStringLiteral("23502");           // SQLITE_CONSTRAINT_NOTNULL
    case 2067: case 1555: return QStringLiteral("23505"); // UNIQUE, PRIMARYKEY
    case 787: return QStringLiteral("23503");            // FOREIGNKEY
    case 275: return QStringLiteral("23514");            // CHECK
    case 20: return QStringLiteral("42804");             // SQLITE_MISMATCH
    default: break;
    }
    switch (code & 0xff) {
    case 19: return QStringLiteral("23000");             // another constraint
    case 8: return QStringLiteral("25006");              // SQLITE_READONLY
    default: return {};
    }
}

int statusForPgrstCode(const QString &code)
{
    static const QHash<QString, int> statuses{
        {QLatin1String(kUnsatisfiableRange), 416}, {QLatin1String(kNotOneRow), 406},
        {QLatin1String(kPreconditionFailed), 412}, {QStringLiteral("PGRST107"), 406},
    };
    return statuses.value(code, 400);
}

} // namespace

std::optional<HttpResponse> connectionRefusal(const ServerState &state, const QString &connection,
                                              const QStringList &roles, Permission needed)
{
    if (!state.registry)
        return errorResponse(Error(ErrorCode::DbUnavailable, QStringLiteral("no connections are open")));
    const config::ConnectionProfile *profile = state.config.find(connection);
    if (!profile || state.policy.permissions(roles, connection).isEmpty()) {
        HttpResponse missing = errorResponse(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no connection named '%1'").arg(connection));
        if (profile)
            missing.auditReason = QStringLiteral("connection not visible to the caller");
        return missing;
    }
    if (!state.policy.allows(roles, needed, connection)) {
        const QString name = permissionName(needed);
        HttpResponse denied = forbiddenResponse(QStringLiteral("%1 is not granted on connection '%2'").arg(name, connection));
        denied.auditReason = QStringLiteral("%1 not granted on connection %2").arg(name, connection);
        return denied;
    }
    if (!state.registry->pool(connection))
        return errorResponse(Error(ErrorCode::DbUnavailable, QStringLiteral("connection '%1' is not open").arg(connection)));
    return std::nullopt;
}

QString defaultSchema(config::Driver driver)
{
    return driver == config::Driver::Postgres ? QStringLiteral("public") : QStringLiteral("main");
}

QString qualifiedTable(const config::ConnectionProfile &profile, const QString &table)
{
    return table.contains(u'.') ? table : defaultSchema(profile.driver) + u'.' + table;
}

bool isJsonBody(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    return type.isEmpty() || type == "application/json";
}

HttpResponse pgrstResponse(int status, const QString &code, const QString &message, const QString &details,
                           const QString &hint)
{
    return errorResponse(status, code, message, details.isEmpty() ? QJsonValue() : QJsonValue(details), hint);
}

std::variant<RestTarget, HttpResponse> restTarget(const ServerState &state, const RequestContext &context,
                                                  Permission permission)
{
    const HttpRequest &request = context.request;
    const auth::Identity &who = *context.identity;
    const QString connection = request.params.value(QStringLiteral("connection"));
    const QString table = request.params.value(QStringLiteral("table"));

    if (!state.registry)
        return errorResponse(Error(ErrorCode::DbUnavailable, QStringLiteral("no connections are open")));
    const config::ConnectionProfile *profile = state.config.find(connection);
    if (!profile || state.policy.permissions(who.roles, connection).isEmpty()) {
        HttpResponse missing = errorResponse(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no connection named '%1'").arg(connection));
        if (profile)
            missing.auditReason = QStringLiteral("connection not visible to the caller");
        return missing;
    }
    if (!state.registry->pool(connection))
        return errorResponse(Error(ErrorCode::DbUnavailable, QStringLiteral("connection '%1' is not open").arg(connection)));
    RestTarget target{connection, qualifiedTable(*profile, table), data::restTableName(qualifiedTable(*profile, table)).name, who.roles};
    const bool writing = permission == Permission::Write || permission == Permission::Delete;
    if (writing && profile->readonly) {
        // PostgreSQL's answer to a write in a read-only transaction (25006 → 405).
        HttpResponse refused = pgrstResponse(405, QStringLiteral("25006"),
                                             QStringLiteral("cannot execute %1 in a read-only transaction")
                                                 .arg(request.method == "DELETE" ? QStringLiteral("DELETE")
                                                      : request.method == "PATCH" ? QStringLiteral("UPDATE")
                                                                                  : QStringLiteral("INSERT")),
                                             QStringLiteral("connection '%1' is read-only").arg(connection));
        refused.auditReason = QStringLiteral("%1 refused: connection %2 is read-only").arg(permissionName(permission), connection);
        return refused;
    }
    if (!state.policy.allows(who.roles, permission, connection, target.qualified)) {
        HttpResponse denied = pgrstResponse(403, QStringLiteral("42501"),
                                            QStringLiteral("permission denied for table %1").arg(target.bare));
        denied.auditReason = QStringLiteral("%1 not granted on %2 of connection %3")
                                 .arg(permissionName(permission), target.qualified, connection);
        return denied;
    }
    return target;
}

HttpResponse restFailure(const ServerState &state, const RestTarget &target, const Error &error)
{
    const QString code = pgrstCode(error);
    if (!code.isEmpty())
        return pgrstResponse(statusForPgrstCode(code), code, error.message(), pgrstDetails(error), error.hint());
    const QString sqlState = error.details().value(QStringLiteral("sqlstate")).toString();
    const config::ConnectionProfile *profile = state.config.find(target.connection);
    if (error.code() == ErrorCode::TableNotFound && profile) {
        // Suggest only what the caller may read: a hint must not reveal other tables.
        QString hint;
        for (const QVariant &v : error.details().value(QStringLiteral("suggestions")).toList()) {
            const QString name = qualifiedTable(*profile, v.toString());
            if (state.policy.allows(target.roles, Permission::Read, target.connection, name)) {
                hint = QStringLiteral("Perhaps you meant the table '%1'").arg(name);
                break;
            }
        }
        return pgrstResponse(404, QStringLiteral("PGRST205"),
                             QStringLiteral("Could not find the table '%1' in the schema cache").arg(target.qualified), {},
                             hint);
    }
    if (error.code() == ErrorCode::QueryCancelled)
        return pgrstResponse(500, QStringLiteral("57014"), QStringLiteral("canceling statement due to statement timeout"), {},
                             QStringLiteral("The statement ran longer than api.limits.statement_timeout_ms (%1 ms)")
                                 .arg(state.config.api.limits.statementTimeoutMs));
    if (error.code() == ErrorCode::PermissionDenied) {
        HttpResponse denied = pgrstResponse(403, QStringLiteral("42501"), error.message());
        denied.auditReason = error.message();
        return denied;
    }
    if (profile && profile->driver == config::Driver::Sqlite) {
        const QString mapped = sqliteSqlState(error.details().value(QStringLiteral("sqliteCode"), -1).toInt());
        if (!mapped.isEmpty())
            return pgrstResponse(statusForSqlState(mapped), mapped, error.message(), {}, error.hint());
    }
    const bool postgresState = profile && profile->driver == config::Driver::Postgres && sqlState.size() == 5;
    if (postgresState) {
        const int status = statusForSqlState(sqlState);
        // A lost server is transient; keep errorResponse's Retry-After for it.
        if (status == 503)
            return errorResponse(error);
        // PostgreSQL's details quote rows ("Failing row contains (…)", "Key
        // (a, b)=(…) already exists") leaving out only what the role may not
        // SELECT — and the pool's role reads every column: they go only to a
        // caller who may read the whole table.
        const bool readsEverything =
            state.policy.allows(target.roles, Permission::Read, target.connection, target.qualified)
            && state.policy.deniedColumns(target.roles, target.connection, target.qualified).isEmpty();
        return pgrstResponse(status, sqlState, error.message(),
                             readsEverything ? error.details().value(QStringLiteral("serverDetail")).toString() : QString(),
                             error.hint());
    }
    return errorResponse(error);
}

QString auditFailureReason(const Error &error)
{
    const QVariantMap &details = error.details();
    const bool fromServer = pgrstCode(error).isEmpty() && error.code() != ErrorCode::PermissionDenied
                            && (details.contains(QStringLiteral("sqlstate")) || details.contains(QStringLiteral("sqliteCode")));
    if (!fromServer)
        return error.message();
    const QString state = details.value(QStringLiteral("sqlstate")).toString();
    return QStringLiteral("the database refused it: %1 (%2)")
        .arg(error.codeName(), state.isEmpty() ? QStringLiteral("SQLite code ") + details.value(QStringLiteral("sqliteCode")).toString()
                                               : QStringLiteral("SQLSTATE ") + state);
}

QList<Permission> writePermissions(data::RestWriteKind kind, bool returnsRows, bool upsert)
{
    QList<Permission> needed{kind == data::RestWriteKind::Delete ? Permission::Delete : Permission::Write};
    if (returnsRows || kind != data::RestWriteKind::Insert || upsert)
        needed << Permission::Read;
    return needed;
}

QStringList writeHiddenColumns(const ServerState &state, const QStringList &roles, const QString &connection,
                               const QString &table, const QList<Permission> &permissions)
{
    QStringList hidden = state.policy.deniedColumns(roles, connection, table);
    for (const Permission permission : permissions) {
        if (permission != Permission::Read)
            hidden += state.policy.deniedColumns(roles, connection, table, permission);
    }
    hidden.removeDuplicates();
    return hidden;
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

std::variant<MediaType, HttpResponse> acceptedMediaType(const HttpRequest &request)
{
    const QList<QByteArray> values = headerValues(request, "accept");
    if (values.isEmpty())
        return MediaType::Json;
    QByteArrayList asked;
    for (const QByteArray &value : values) {
        for (const QByteArray &item : value.split(',')) {
            const QByteArray type = item.split(';').first().trimmed().toLower();
            if (type.isEmpty())
                continue;
            if (type == "application/json" || type == "*/*" || type == "application/*")
                return MediaType::Json;
            if (type == "application/vnd.pgrst.object+json" || type == "application/vnd.pgrst.object")
                return MediaType::Object;
            if (type == "text/csv" || type == "text/*")
                return MediaType::Csv;
            asked << type;
        }
    }
    if (asked.isEmpty())
        return MediaType::Json;
    return pgrstResponse(406, QStringLiteral("PGRST107"),
                         QStringLiteral("None of these media types are available: %1")
                             .arg(QString::fromLatin1(asked.join(", "))));
}

QByteArray contentType(MediaType type)
{
    switch (type) {
    case MediaType::Object: return "application/vnd.pgrst.object+json; charset=utf-8";
    case MediaType::Csv: return "text/csv; charset=utf-8";
    case MediaType::Json: break;
    }
    return "application/json; charset=utf-8";
}

void cancelUntilFinished(db::ConnectionRegistry *registry, const QString &connection, quint64 id,
                         const std::function<bool()> &finished, QObject *context, int attempt)
{
    static constexpr int kRetryAfterMs[] = {50, 500};
    if (finished())
        return;
    registry->cancel(connection, id);
    if (attempt >= int(std::size(kRetryAfterMs)))
        return;
    QTimer::singleShot(kRetryAfterMs[attempt], context, [=] {
        cancelUntilFinished(registry, connection, id, finished, context, attempt + 1);
    });
}

} // namespace tw::http::rest
