#include "RestRead.h"

#include "RestSql.h"
#include "RestSqlErrors.h"
#include "TableDescriber.h"
#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"
#include "db/Session.h"
#include "db/SqlErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <vector>

namespace tw::data {

namespace {

// pg_type oids of the typed parameters (JSON keys and indexes, limits).
constexpr unsigned kTextOid = 25;
constexpr unsigned kInt4Oid = 23;
constexpr unsigned kInt8Oid = 20;

struct Answer
{
    QByteArray body;
    qint64 rows = 0;
    std::optional<qint64> total;
};

Error postgresError(db::Session &session, PGresult *result)
{
    const QString state = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    QString message = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    if (message.isEmpty())
        message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    if (message.isEmpty()) // no result at all (e.g. more than 65,535 parameters): the connection says why
        message = QString::fromUtf8(PQerrorMessage(session.native().pg())).trimmed();
    Error error = db::mapSqlError(config::Driver::Postgres, QSqlError(QString(), message, QSqlError::StatementError, state),
                                  PQstatus(session.native().pg()) == CONNECTION_OK);
    if (const char *detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
        error.withDetail(QStringLiteral("serverDetail"), QString::fromUtf8(detail));
    if (const char *hint = PQresultErrorField(result, PG_DIAG_MESSAGE_HINT))
        error.withHint(QString::fromUtf8(hint));
    return error;
}

// One statement through libpq: unknown-typed text parameters let the server
// infer each value's type from the column it meets, as a literal would.
Result<QList<QByteArray>> runPostgres(db::Session &session, const RestStatement &statement)
{
    PGconn *conn = session.native().pg();
    if (!conn)
        return Error(ErrorCode::DbUnavailable, QStringLiteral("no PostgreSQL connection"));
    if (session.isCancelled())
        return session.cancelledError();
    std::vector<QByteArray> values;
    std::vector<const char *> params;
    std::vector<unsigned> types;
    values.reserve(statement.binds.size());
    for (const RestBind &bind : statement.binds) {
        values.push_back(bind.value.toUtf8());
        params.push_back(values.back().constData());
        types.push_back(bind.type == RestBind::Type::Text ? kTextOid
                        : bind.type == RestBind::Type::Integer ? kInt4Oid
                        : bind.type == RestBind::Type::BigInt  ? kInt8Oid
                                                               : 0u);
    }
    const QByteArray sql = statement.sql.toUtf8();
    PGresult *result = PQexecParams(conn, sql.constData(), int(params.size()), types.data(), params.data(), nullptr,
                                    nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
        Error error = session.isCancelled() ? session.cancelledError() : postgresError(session, result);
        PQclear(result);
        return error;
    }
    QList<QByteArray> row;
    if (PQntuples(result) >= 1) {
        for (int i = 0; i < PQnfields(result); ++i)
            row << QByteArray(PQgetvalue(result, 0, i), PQgetlength(result, 0, i));
    }
    PQclear(result);
    return row;
}

Result<QList<QByteArray>> runSqlite(db::Session &session, const RestStatement &statement)
{
    sqlite3 *db = session.native().sqlite();
    if (!db)
        return Error(ErrorCode::DbUnavailable, QStringLiteral("no SQLite connection"));
    if (session.isCancelled())
        return session.cancelledError();
    auto failure = [&](int rc) {
        return db::mapSqlError(config::Driver::Sqlite,
                               QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                                         QString::number(sqlite3_extended_errcode(db) ? sqlite3_extended_errcode(db) : rc)));
    };
    sqlite3_stmt *stmt = nullptr;
    const QByteArray sql = statement.sql.toUtf8();
    int rc = sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        Error error = failure(rc);
        sqlite3_finalize(stmt);
        return error;
    }
    for (qsizetype i = 0; i < statement.binds.size(); ++i) {
        const RestBind &bind = statement.binds.at(i);
        if (bind.type == RestBind::Type::Integer || bind.type == RestBind::Type::BigInt) {
            sqlite3_bind_int64(stmt, int(i + 1), bind.value.toLongLong());
        } else {
            const QByteArray text = bind.value.toUtf8();
            sqlite3_bind_text(stmt, int(i + 1), text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
    }
    // A reader meets a writer's lock only briefly (WAL): bounded retries.
    for (int attempt = 0; (rc = sqlite3_step(stmt)) == SQLITE_BUSY && attempt < 20 && !session.isCancelled(); ++attempt) {
        sqlite3_reset(stmt);
        sqlite3_sleep(10 << std::min(attempt, 5));
    }
    QList<QByteArray> row;
    if (rc == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
            row << QByteArray(text, sqlite3_column_bytes(stmt, i));
        }
    } else if (rc != SQLITE_DONE) {
        Error error = session.isCancelled() ? session.cancelledError() : failure(rc);
        sqlite3_finalize(stmt);
        return error;
    }
    sqlite3_finalize(stmt);
    return row;
}

bool sqliteHasRegexp(db::Session &session)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v2(session.native().sqlite(), "SELECT 'a' REGEXP 'a'", -1, &stmt, nullptr);
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK;
}

Result<qint64> plannedRows(db::Session &session, const RestSql &sql)
{
    RestStatement probe = sql.countProbe();
    probe.sql.prepend(QStringLiteral("EXPLAIN (FORMAT JSON) "));
    auto row = runPostgres(session, probe);
    if (!row)
        return row.error();
    if (row.value().isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("EXPLAIN returned no plan"));
    const QJsonArray plans = QJsonDocument::fromJson(row.value().first()).array();
    const QJsonObject plan = plans.at(0).toObject().value(QStringLiteral("Plan")).toObject();
    return qint64(plan.value(QStringLiteral("Plan Rows")).toDouble(0));
}

Result<TableShape> describe(db::Session &session, const QString &table)
{
    // No second guess at "a.b" as one table's name, and no other spelling:
    // the name the caller's permissions were checked against is the only
    // table read (SQLite finds tables case-insensitively, the policy and the
    // hidden columns do not).
    const catalog::QualifiedName asked = restTableName(table);
    auto shape = describeTable(session, asked);
    // SQLite's shapes name no schema ("main" is implied).
    const auto schemaOf = [](const QString &schema) { return schema.isEmpty() ? QStringLiteral("main") : schema; };
    if (shape && (shape.value().table.name != asked.name
                  || (!asked.schema.isEmpty() && schemaOf(shape.value().table.schema) != asked.schema
                      && shape.value().table.schema != asked.schema))) {
        return Error(ErrorCode::TableNotFound, QStringLiteral("no table named '%1' (names are case-sensitive)").arg(table))
            .withDetail(QStringLiteral("suggestions"), QStringList{shape.value().table.schema + u'.' + shape.value().table.name});
    }
    return shape;
}

} // namespace

catalog::QualifiedName restTableName(const QString &table)
{
    const qsizetype dot = table.indexOf(u'.');
    if (dot <= 0 || dot == table.size() - 1)
        return {QString(), table};
    return {table.left(dot), table.mid(dot + 1)};
}

Result<RestRows> readRestRows(db::Session &session, const QString &table, const http::rest::RestQuery &query,
                              const RestReadOptions &options)
{
    auto shape = describe(session, table);
    if (!shape)
        return shape.error();
    auto built = RestSql::make(session.dialect(), shape.value(), query, options);
    if (!built)
        return built.error();
    const RestSql &sql = built.value();
    const bool postgres = sql.postgres();
    if (!postgres && sql.usesRegexp() && !sqliteHasRegexp(session))
        return http::rest::restError(http::rest::kNotSupported,
                                     QStringLiteral("operators \"match\" and \"imatch\" are not supported on this "
                                                    "SQLite connection"),
                                     QStringLiteral("SQLite has no REGEXP function unless one is loaded"));

    RestRows out;
    out.rangeStart = sql.offset();
    std::optional<qint64> planned;
    bool exact = options.count == RestCount::Exact || (!postgres && options.count != RestCount::None);
    if (postgres && (options.count == RestCount::Planned || options.count == RestCount::Estimated)) {
        auto estimate = plannedRows(session, sql);
        if (!estimate)
            return estimate.error();
        planned = estimate.value();
        // PostgREST's "estimated": exact while small, the planner's beyond.
        exact = options.count == RestCount::Estimated && *planned <= options.estimateThreshold;
    }
    const RestStatement statement = sql.rows(exact);
    auto row = postgres ? runPostgres(session, statement) : runSqlite(session, statement);
    if (!row)
        return row.error();
    const QList<QByteArray> &values = row.value();
    if (values.size() < 2)
        return Error(ErrorCode::Internal, QStringLiteral("the REST read statement returned no row"));
    out.body = values.at(0);
    out.rows = values.at(1).toLongLong();
    out.rangeEnd = out.rangeStart + out.rows - 1;
    if (exact && values.size() >= 3) {
        out.total = values.at(2).toLongLong();
    } else if (planned) {
        // Never less than what this very answer shows.
        out.total = std::max(*planned, out.rows > 0 ? out.rangeEnd + 1 : qint64(0));
        out.totalIsEstimate = true;
    }
    return out;
}

db::Job<Result<RestRows>> startRestRead(db::ConnectionRegistry &registry, const QString &connection,
                                        const QString &table, const http::rest::RestQuery &query,
                                        const RestReadOptions &options)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return {0, QtFuture::makeReadyFuture(Result<RestRows>(catalog::unknownConnection(connection, registry.names())))};
    return pool->submit([table, query, options](db::Session &session) { return readRestRows(session, table, query, options); });
}

QFuture<Result<RestRows>> readRestRows(db::ConnectionRegistry &registry, const QString &connection, const QString &table,
                                       const http::rest::RestQuery &query, const RestReadOptions &options)
{
    return startRestRead(registry, connection, table, query, options).future;
}

} // namespace tw::data
