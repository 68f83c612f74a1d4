#include "RestExec.h"

#include "db/Session.h"
#include "db/SqlErrors.h"

#include <QSqlError>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <vector>

namespace tw::data {

namespace {

// pg_type oids of the typed parameters (JSON keys and indexes, limits).
constexpr unsigned kTextOid = 25;
constexpr unsigned kInt4Oid = 23;
constexpr unsigned kInt8Oid = 20;

// A REST request's statement text repeats (the values are parameters), so
// each connection prepares it once and then only binds and executes: the
// server parses and plans it once instead of per request. Beyond
// kMaxPrepared distinct texts (a client making up new filters) the rest run
// unprepared rather than growing the server's memory.
constexpr qsizetype kMaxPrepared = 256;

PGresult *execPrepared(db::Session &session, const QByteArray &sql, const std::vector<unsigned> &types,
                       const std::vector<const char *> &params)
{
    PGconn *conn = session.native().pg();
    QHash<QByteArray, QByteArray> &prepared = session.native().preparedStatements();
    QByteArray key = sql;
    key.append('\0').append(reinterpret_cast<const char *>(types.data()), qsizetype(types.size() * sizeof(unsigned)));
    auto it = prepared.constFind(key);
    if (it == prepared.cend()) {
        if (prepared.size() >= kMaxPrepared)
            return PQexecParams(conn, sql.constData(), int(params.size()), types.data(), params.data(), nullptr, nullptr, 0);
        static std::atomic<quint64> counter{0};
        const QByteArray name = "tw_rest_" + QByteArray::number(++counter); // never reused in this process
        PGresult *made = PQprepare(conn, name.constData(), sql.constData(), int(types.size()), types.data());
        if (PQresultStatus(made) != PGRES_COMMAND_OK)
            return made; // the statement's own error (unknown column, syntax), reported as a result
        PQclear(made);
        it = prepared.insert(key, name);
    }
    PGresult *result = PQexecPrepared(conn, it.value().constData(), int(params.size()), params.data(), nullptr, nullptr, 0);
    const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    if (state && (qstrcmp(state, "0A000") == 0 || qstrcmp(state, "26000") == 0)) {
        // "cached plan must not change result type" after DDL, or gone:
        // forget it, so the retry (RestShapeCache) prepares it afresh.
        PQclear(PQexec(conn, ("DEALLOCATE " + it.value()).constData()));
        prepared.erase(it);
    }
    return result;
}

} // namespace

db::AsyncPgReader::Statement asyncStatement(const RestStatement &statement)
{
    db::AsyncPgReader::Statement out;
    out.sql = statement.sql.toUtf8();
    out.values.reserve(statement.binds.size());
    out.nulls.reserve(statement.binds.size());
    out.types.reserve(size_t(statement.binds.size()));
    for (const RestBind &bind : statement.binds) {
        out.values << bind.value.toUtf8();
        out.nulls << bind.isNull;
        out.types.push_back(bind.type == RestBind::Type::Text      ? kTextOid
                            : bind.type == RestBind::Type::Integer ? kInt4Oid
                            : bind.type == RestBind::Type::BigInt  ? kInt8Oid
                                                                   : 0u);
    }
    return out;
}

namespace {

Result<RestResult> runPostgres(db::Session &session, const RestStatement &statement)
{
    PGconn *conn = session.native().pg();
    if (!conn)
        return Error(ErrorCode::DbUnavailable, QStringLiteral("no PostgreSQL connection"));
    if (session.isCancelled())
        return session.cancelledError();
    const db::AsyncPgReader::Statement bound = asyncStatement(statement);
    std::vector<const char *> params;
    params.reserve(size_t(bound.values.size()));
    for (qsizetype i = 0; i < bound.values.size(); ++i)
        params.push_back(bound.nulls.at(i) ? nullptr : bound.values.at(i).constData());
    PGresult *result = execPrepared(session, bound.sql, bound.types, params);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        Error error = session.isCancelled() ? session.cancelledError() : db::postgresResultError(session.native().pg(), result);
        PQclear(result);
        return error;
    }
    RestResult out;
    out.affected = QByteArray(PQcmdTuples(result)).toLongLong();
    const int rows = PQntuples(result);
    const int columns = PQnfields(result);
    out.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
        QList<QByteArray> row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row << QByteArray(PQgetvalue(result, r, c), PQgetlength(result, r, c));
        out.rows << std::move(row);
    }
    PQclear(result);
    return out;
}

Result<RestResult> runSqlite(db::Session &session, const RestStatement &statement)
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
        if (bind.isNull) {
            sqlite3_bind_null(stmt, int(i + 1));
        } else if (bind.type == RestBind::Type::Integer || bind.type == RestBind::Type::BigInt) {
            sqlite3_bind_int64(stmt, int(i + 1), bind.value.toLongLong());
        } else {
            const QByteArray text = bind.value.toUtf8();
            sqlite3_bind_text(stmt, int(i + 1), text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
    }
    RestResult out;
    // A reader meets a writer's lock only briefly (WAL): bounded retries,
    // only before the first row (a write that returned rows has happened).
    for (int attempt = 0;; ++attempt) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_BUSY && out.rows.isEmpty() && attempt < 20 && !session.isCancelled()) {
            sqlite3_reset(stmt);
            sqlite3_sleep(10 << std::min(attempt, 5));
            continue;
        }
        if (rc != SQLITE_ROW)
            break;
        QList<QByteArray> row;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, c));
            row << QByteArray(text, sqlite3_column_bytes(stmt, c));
        }
        out.rows << std::move(row);
    }
    if (rc != SQLITE_DONE) {
        Error error = session.isCancelled() ? session.cancelledError() : failure(rc);
        sqlite3_finalize(stmt);
        return error;
    }
    out.affected = sqlite3_stmt_readonly(stmt) ? 0 : sqlite3_changes64(db);
    sqlite3_finalize(stmt);
    return out;
}

} // namespace

Result<RestResult> runRestStatement(db::Session &session, const RestStatement &statement)
{
    return session.dialect().driver() == config::Driver::Postgres ? runPostgres(session, statement)
                                                                   : runSqlite(session, statement);
}

Result<QList<QByteArray>> runRestQuery(db::Session &session, const RestStatement &statement)
{
    auto result = runRestStatement(session, statement);
    if (!result)
        return result.error();
    return result.value().rows.isEmpty() ? QList<QByteArray>() : result.value().rows.first();
}

} // namespace tw::data
