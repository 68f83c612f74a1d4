#include "RestRead.h"

#include "RestExec.h"
#include "RestShapeCache.h"
#include "RestSql.h"
#include "RestSqlErrors.h"
#include "TableDescriber.h"
#include "catalog/CatalogService.h"
#include "crypto/Sha256.h"
#include "db/ConnectionRegistry.h"
#include "db/AsyncPgReader.h"
#include "db/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>


namespace tw::data {

namespace {

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
    auto row = runRestQuery(session, probe);
    if (!row)
        return row.error();
    if (row.value().isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("EXPLAIN returned no plan"));
    const QJsonArray plans = QJsonDocument::fromJson(row.value().first()).array();
    const QJsonObject plan = plans.at(0).toObject().value(QStringLiteral("Plan")).toObject();
    return qint64(plan.value(QStringLiteral("Plan Rows")).toDouble(0));
}

} // namespace

Result<TableShape> describeRestTable(db::Session &session, const QString &table)
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


QByteArray restEntityTag(const QByteArray &jsonArrayOfOneRow)
{
    return '"' + crypto::sha256(jsonArrayOfOneRow).toHex().left(32) + '"';
}

catalog::QualifiedName restTableName(const QString &table)
{
    const qsizetype dot = table.indexOf(u'.');
    if (dot <= 0 || dot == table.size() - 1)
        return {QString(), table};
    return {table.left(dot), table.mid(dot + 1)};
}

namespace {

// The JSON of select=* (what an entity tag is taken of).
bool selectsWholeRows(const http::rest::RestQuery &query, const RestReadOptions &options)
{
    return (!query.selectGiven || query.select.isEmpty()
            || (query.select.size() == 1 && query.select.first().kind == http::rest::SelectItem::Kind::Star))
           && !options.csv;
}

// The rows statement's one row (body, row count[, exact total]) into `out`.
Status fillRows(RestRows &out, const RestSql &sql, const QList<QByteArray> &values, const RestReadOptions &options,
                bool exact)
{
    if (values.size() < 2)
        return Error(ErrorCode::Internal, QStringLiteral("the REST read statement returned no row"));
    out.body = options.csv ? sql.csvHeader() + '\n' + values.at(0) : values.at(0);
    out.rows = values.at(1).toLongLong();
    out.rangeEnd = out.rangeStart + out.rows - 1;
    if (exact && values.size() >= 3)
        out.total = values.at(2).toLongLong();
    return {};
}

Result<RestRows> readWithShape(db::Session &session, const TableShape &shape, const http::rest::RestQuery &query,
                               const RestReadOptions &options)
{
    auto built = RestSql::make(session.dialect(), shape, query, options);
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
    const RestStatement statement = sql.rows(exact, options.csv ? RestSql::Format::Csv : RestSql::Format::Json);
    auto row = runRestQuery(session, statement);
    if (!row)
        return row.error();
    auto filled = fillRows(out, sql, row.value(), options, exact);
    if (!filled.ok())
        return filled.error();
    if (!out.total && planned) {
        // Never less than what this very answer shows.
        out.total = std::max(*planned, out.rows > 0 ? out.rangeEnd + 1 : qint64(0));
        out.totalIsEstimate = true;
    }
    if (options.entityTag && out.rows == 1) {
        if (selectsWholeRows(query, options)) {
            out.entityTag = restEntityTag(out.body);
        } else {
            // The tag is of the whole row, whatever this answer selected.
            http::rest::RestQuery whole = query;
            whole.select.clear();
            whole.selectGiven = false;
            auto probe = RestSql::make(session.dialect(), shape, whole, options);
            if (!probe)
                return probe.error();
            auto tagged = runRestQuery(session, probe.value().rows(false));
            if (!tagged)
                return tagged.error();
            if (tagged.value().value(1).toLongLong() == 1)
                out.entityTag = restEntityTag(tagged.value().value(0));
        }
    }
    return out;
}

} // namespace

Result<RestRows> readRestRows(db::Session &session, const QString &table, const http::rest::RestQuery &query,
                              const RestReadOptions &options)
{
    bool cached = false;
    auto shape = cachedRestTable(session, table, &cached);
    if (!shape)
        return shape.error();
    auto rows = readWithShape(session, shape.value(), query, options);
    if (!rows && cached && isStaleShapeError(rows.error())) {
        // The table changed since it was described: once more, described now.
        forgetRestTable(session, table);
        shape = cachedRestTable(session, table, &cached);
        if (!shape)
            return shape.error();
        rows = readWithShape(session, shape.value(), query, options);
    }
    return rows;
}

Result<std::shared_ptr<db::Pool>> restPool(db::ConnectionRegistry &registry, const QString &connection)
{
    auto pool = registry.pool(connection);
    if (!pool)
        return catalog::unknownConnection(connection, registry.names());
    return pool;
}

db::Job<Result<RestRows>> startRestRead(db::ConnectionRegistry &registry, const QString &connection,
                                        const QString &table, const http::rest::RestQuery &query,
                                        const RestReadOptions &options)
{
    return startRestRead(registry, connection, table, query, options,
                         [](Result<RestRows> &&rows) -> Result<RestRows> { return std::move(rows); });
}

QFuture<Result<RestRows>> readRestRows(db::ConnectionRegistry &registry, const QString &connection, const QString &table,
                                       const http::rest::RestQuery &query, const RestReadOptions &options)
{
    return startRestRead(registry, connection, table, query, options).future;
}

quint64 startAsyncRestRead(db::AsyncPgReader &reader, const QString &table, const http::rest::RestQuery &query,
                        const RestReadOptions &options, std::function<void(Result<RestRows>)> done,
                        std::function<void()> usePool)
{
    const config::ConnectionProfile &profile = reader.profile();
    if (profile.driver != config::Driver::Postgres || options.count == RestCount::Planned
        || options.count == RestCount::Estimated || (options.entityTag && !selectsWholeRows(query, options)))
        return 0;
    const QString key = RestShapeCache::keyFor(profile, table);
    const auto shape = RestShapeCache::instance().find(key);
    if (!shape)
        return 0; // the pool describes it (and caches it for the next one)
    auto built = RestSql::make(db::dialectFor(profile.driver), *shape, query, options);
    if (!built) // refused before any statement (unknown column, bad cast): the pool path's answer
        return 0;
    const bool exact = options.count == RestCount::Exact;
    const RestSql sql = built.value();
    const RestStatement statement = sql.rows(exact, options.csv ? RestSql::Format::Csv : RestSql::Format::Json);
    return reader.read(asyncStatement(statement), [sql, exact, options, key, done = std::move(done),
                                                   usePool = std::move(usePool)](Result<QList<QByteArray>> row) {
        if (!row) {
            if (isStaleShapeError(row.error()))
                RestShapeCache::instance().drop(key);
            if (db::AsyncPgReader::isConnectionError(row.error()) || isStaleShapeError(row.error())) {
                usePool(); // described afresh there, or on a connection that works
                return;
            }
            done(row.error());
            return;
        }
        RestRows out;
        out.rangeStart = sql.offset();
        if (const Status filled = fillRows(out, sql, row.value(), options, exact); !filled.ok()) {
            done(filled.error());
            return;
        }
        if (options.entityTag && out.rows == 1)
            out.entityTag = restEntityTag(out.body);
        done(std::move(out));
    });
}

} // namespace tw::data
