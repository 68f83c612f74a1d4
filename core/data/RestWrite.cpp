#include "RestWrite.h"

#include "RestExec.h"
#include "RestPayload.h"
#include "RestSqlErrors.h"
#include "RestWriteSql.h"
#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"
#include "db/Session.h"
#include "RestShapeCache.h"
#include "db/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace tw::data {

using http::rest::restError;

namespace {

Status checkPayloadColumns(const TableShape &shape, const RestPayload &payload, const QStringList &hidden)
{
    for (const QString &column : payload.columns) {
        if (!shape.column(column))
            return restError(http::rest::kUnknownColumn,
                             QStringLiteral("Could not find the '%1' column of '%2' in the schema cache").arg(column, shape.table.name));
        if (hidden.contains(column))
            return hiddenColumnError(shape.table, column);
    }
    return {};
}

// If-Match: the filter must find exactly one row, locked until the end of
// the transaction, whose entity tag is one of those sent ("*": any row).
Status checkPrecondition(db::Session &session, const TableShape &shape, const RestWrite &write)
{
    http::rest::RestQuery probe = write.query;
    probe.select.clear();
    probe.selectGiven = false;
    probe.order.clear();
    probe.limit.reset();
    probe.offset.reset();
    RestReadOptions options;
    options.hiddenColumns = write.options.hiddenColumns;
    auto sql = RestSql::make(session.dialect(), shape, probe, options);
    if (!sql)
        return sql.error();
    sql.value().setLockRows(true);
    auto row = runRestQuery(session, sql.value().rows(false));
    if (!row)
        return row.error();
    const qint64 rows = row.value().value(1).toLongLong();
    if (rows != 1)
        return restError(http::rest::kPreconditionFailed, QStringLiteral("Precondition failed"),
                         QStringLiteral("If-Match needs the filter to match exactly one row; it matches %1").arg(rows));
    const QByteArray tag = restEntityTag(row.value().value(0));
    for (const QByteArray &sent : write.options.ifMatch) {
        if (sent == "*" || sent == tag)
            return {};
    }
    return restError(http::rest::kPreconditionFailed, QStringLiteral("Precondition failed"),
                     QStringLiteral("The row changed since its entity tag was read"));
}

QByteArray locationQuery(const TableShape &shape, const QByteArray &body)
{
    const QJsonObject first = QJsonDocument::fromJson(body).array().at(0).toObject();
    QByteArrayList parts;
    for (const QString &key : shape.keyColumns) {
        const QJsonValue value = first.value(key);
        const QString text = value.isString() ? value.toString() : value.toVariant().toString();
        parts << QUrl::toPercentEncoding(key) + "=eq." + QUrl::toPercentEncoding(text);
    }
    return parts.join('&');
}

} // namespace

namespace {

Result<RestWriteResult> writeWithShape(db::Session &session, const RestWrite &write, const TableShape &shape)
{
    const bool postgres = session.dialect().driver() == config::Driver::Postgres;
    const RestWriteOptions &options = write.options;

    if ((write.kind == RestWriteKind::Update || write.kind == RestWriteKind::Delete) && !write.query.hasFilter()) {
        const QString verb = write.kind == RestWriteKind::Update ? QStringLiteral("UPDATE") : QStringLiteral("DELETE");
        return restError(http::rest::kUnfilteredWrite, QStringLiteral("%1 requires a WHERE clause").arg(verb), {},
                         QStringLiteral("Add a filter (e.g. id=eq.1); to change every row, filter on a condition "
                                        "every row meets"));
    }
    if (write.query.limit || write.query.offset)
        return restError(http::rest::kBadQuery, QStringLiteral("limit and offset are not supported on writes"));

    std::optional<RestPayload> payload;
    if (write.kind != RestWriteKind::Delete) {
        auto parsed = parseRestPayload(write.body, write.kind == RestWriteKind::Insert, write.query.columns);
        if (!parsed)
            return parsed.error();
        payload = std::move(parsed).value();
        if (Status ok = checkPayloadColumns(shape, *payload, options.hiddenColumns); !ok.ok())
            return ok.error();
    }

    // The rows written come back as the select list asks (headers-only:
    // the key, for Location); minimal reads nothing back.
    http::rest::RestQuery representation = write.query;
    representation.order.clear();
    if (write.kind == RestWriteKind::Insert)
        representation.where = {}; // PostgREST ignores filters on POST (their unused values were 42P18 on PostgreSQL)
    if (options.returning == RestWriteOptions::Return::HeadersOnly && !options.singleObject) {
        representation.select.clear();
        representation.selectGiven = true;
        for (const QString &key : shape.identity == RowIdentity::PrimaryKey ? shape.keyColumns : QStringList())
            representation.select << http::rest::SelectItem{http::rest::SelectItem::Kind::Column, {key, {}}, {}, {},
                                                            http::rest::Aggregate::None, {}};
    } else if (options.returning == RestWriteOptions::Return::Minimal && !options.singleObject) {
        representation.select.clear();
        representation.selectGiven = false;
    }
    if (representation.selectGiven && representation.select.isEmpty() && !postgres)
        representation.selectGiven = false; // a table without a key: nothing to locate
    RestReadOptions readOptions;
    readOptions.hiddenColumns = options.hiddenColumns;
    auto rep = RestSql::make(session.dialect(), shape, representation, readOptions);
    if (!rep)
        return rep.error();
    if (rep.value().hasAggregates())
        return restError(http::rest::kBadQuery, QStringLiteral("aggregates are not supported in a write's select"));

    if (!options.ifMatch.isEmpty() && write.kind != RestWriteKind::Insert) {
        if (Status ok = checkPrecondition(session, shape, write); !ok.ok())
            return ok.error();
    }

    RestWriteResult out;
    if ((write.kind == RestWriteKind::Update && payload->columns.isEmpty())
        || (write.kind == RestWriteKind::Insert && payload->rows == 0)) {
        out.body = "[]"; // nothing to set or insert: PostgREST answers without touching a row
    } else {
        qint64 existing = 0;
        const bool sqliteMerge = !postgres && write.kind == RestWriteKind::Insert
                                 && options.resolution == RestWriteOptions::Resolution::MergeDuplicates;
        if (sqliteMerge) {
            if (auto probe = RestWriteSql::sqliteExistingRows(session.dialect(), shape, write, *payload)) {
                auto counted = runRestQuery(session, *probe);
                if (!counted)
                    return counted.error();
                existing = counted.value().value(0).toLongLong();
            }
        }
        auto statements = RestWriteSql::make(session.dialect(), shape, write, payload ? &*payload : nullptr, rep.value());
        if (!statements)
            return statements.error();
        const bool wantRows = options.returning != RestWriteOptions::Return::Minimal || options.singleObject;
        const bool keyed = shape.identity == RowIdentity::PrimaryKey;
        QByteArrayList objects;
        QByteArrayList keys;
        for (const RestStatement &statement : statements.value()) {
            auto result = runRestStatement(session, statement);
            if (!result)
                return result.error();
            if (postgres) {
                const QList<QByteArray> row = result.value().rows.value(0);
                out.body = row.value(0);
                out.affected = row.value(1).toLongLong();
                out.inserted = row.value(2).toLongLong();
                out.keys = row.value(3);
            } else {
                out.affected += result.value().affected;
                for (const QList<QByteArray> &row : result.value().rows) {
                    if (wantRows)
                        objects << row.value(0);
                    if (keyed && keys.size() < 1000)
                        keys << row.value(wantRows ? 1 : 0);
                }
            }
        }
        if (!postgres) {
            out.body = '[' + objects.join(',') + ']';
            if (keyed)
                out.keys = '[' + keys.join(',') + ']';
            if (write.kind == RestWriteKind::Insert)
                out.inserted = sqliteMerge ? std::max<qint64>(0, payload->rows - existing) : out.affected;
        }
    }

    if (options.singleObject && out.affected != 1)
        return restError(http::rest::kNotOneRow, QStringLiteral("JSON object requested, multiple (or no) rows returned"),
                         QStringLiteral("The result contains %1 rows").arg(out.affected));
    if (options.maxAffected && out.affected > *options.maxAffected)
        return restError(http::rest::kMaxAffected, QStringLiteral("Query result exceeds max-affected preference constraint"),
                         QStringLiteral("The query affects %1 rows").arg(out.affected));
    if (options.returning == RestWriteOptions::Return::HeadersOnly) {
        if (out.affected >= 1 && shape.identity == RowIdentity::PrimaryKey && !options.singleObject)
            out.locationQuery = locationQuery(shape, out.body);
        out.body.clear();
    } else if (options.returning == RestWriteOptions::Return::Minimal) {
        out.body.clear();
    }
    return out;
}

// The shape from RestShapeCache; *cached says whether it came from there.
Result<RestWriteResult> writeCached(db::Session &session, const RestWrite &write, bool *cached)
{
    auto described = cachedRestTable(session, write.table, cached);
    if (!described)
        return described.error();
    auto result = writeWithShape(session, write, described.value());
    if (!result && *cached && isStaleShapeError(result.error()))
        forgetRestTable(session, write.table); // the next request describes it anew
    return result;
}

// PostgreSQL runs a REST write as one statement (the CTE does the write and
// renders its rows), atomic on its own: BEGIN and COMMIT would only add two
// round trips. A transaction is needed when something is checked between
// statements or after the write (If-Match, max-affected, one object) or it
// must not stay (tx=rollback); SQLite's writes can be several statements.
bool oneStatementSuffices(const db::Session &session, const RestWriteOptions &options)
{
    return session.dialect().driver() == config::Driver::Postgres && !options.rollback && options.ifMatch.isEmpty()
           && !options.maxAffected && !options.singleObject;
}

Result<RestWriteResult> writeInTransaction(db::Session &session, const RestWrite &write, bool *cached)
{
    if (oneStatementSuffices(session, write.options))
        return writeCached(session, write, cached);
    db::Transaction tx(session);
    if (!tx.begun().ok())
        return tx.begun().error();
    auto result = writeCached(session, write, cached);
    if (!result)
        return result.error(); // rolled back by tx
    const Status ended = write.options.rollback ? tx.rollback() : tx.commit();
    if (!ended.ok())
        return ended.error();
    return result;
}

} // namespace

Result<RestWriteResult> runRestWrite(db::Session &session, const RestWrite &write)
{
    bool cached = false;
    return writeCached(session, write, &cached);
}

Result<RestWriteResult> writeRestRows(db::Session &session, const RestWrite &write)
{
    bool cached = false;
    auto result = writeInTransaction(session, write, &cached);
    // A table changed since it was described: the transaction rolled back,
    // so once more, described now.
    if (!result && cached && isStaleShapeError(result.error()))
        result = writeInTransaction(session, write, &cached);
    return result;
}

db::Job<Result<RestWriteResult>> startRestWrite(db::ConnectionRegistry &registry, const QString &connection,
                                                const RestWrite &write)
{
    return startRestWrite(registry, connection, write,
                          [](Result<RestWriteResult> &&written) -> Result<RestWriteResult> { return std::move(written); });
}

QFuture<Result<RestWriteResult>> writeRestRows(db::ConnectionRegistry &registry, const QString &connection,
                                               const RestWrite &write)
{
    return startRestWrite(registry, connection, write).future;
}

} // namespace tw::data
