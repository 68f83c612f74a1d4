#include "PagePosition.h"

#include "DescribeParts.h"

#include <algorithm>
#include <cmath>

namespace tw::data {

namespace {

using Kind = FractionTarget::Kind;

bool isNumeric(db::LogicalType type)
{
    return type == db::LogicalType::Integer || type == db::LogicalType::BigInt || type == db::LogicalType::Real
           || type == db::LogicalType::Numeric;
}

bool isInteger(db::LogicalType type)
{
    return type == db::LogicalType::Integer || type == db::LogicalType::BigInt;
}

FractionTarget keyTarget(QVariant value, double fraction)
{
    return {Kind::Key, {std::move(value)}, 0, fraction};
}

// min + f × (max − min), as the key column's type needs it.
std::optional<QVariant> interpolate(const QVariant &min, const QVariant &max, double f, bool integer)
{
    if (min.isNull() || max.isNull())
        return std::nullopt;
    bool okMin = false;
    bool okMax = false;
    const double low = min.toDouble(&okMin);
    const double high = max.toDouble(&okMax);
    if (!okMin || !okMax)
        return std::nullopt;
    const double value = std::clamp(low + f * (high - low), std::min(low, high), std::max(low, high));
    if (integer) {
        // Keys near ±2^63 round to ±2^63 as doubles: converting that to
        // qint64 is undefined, so stay inside the largest double below it.
        constexpr double limit = 9223372036854774784.0;
        return QVariant(qint64(std::floor(std::clamp(value, -limit, limit))));
    }
    return QVariant(value);
}

Result<FractionTarget> byOffset(db::Session &session, const PageSql &sql, double f)
{
    const SqlStatement count = sql.count();
    auto total = session.scalar(count.sql, count.binds);
    if (!total)
        return total.error();
    const qint64 n = total.value().toLongLong();
    if (n <= 0)
        return FractionTarget{};
    const qint64 offset = std::min<qint64>(qint64(std::floor(f * double(n))), std::max<qint64>(0, n - sql.request().limit));
    return FractionTarget{Kind::Offset, {}, offset, double(offset) / double(n)};
}

Result<qint64> postgresBlocks(db::Session &session, const PageSql &sql)
{
    auto blocks = session.scalar(QStringLiteral("SELECT pg_relation_size(?::regclass) / current_setting('block_size')::bigint"),
                                 {sql.table()});
    if (!blocks)
        return blocks.error();
    return blocks.value().toLongLong();
}

Result<FractionTarget> locatePostgres(db::Session &session, const PageSql &sql, double f)
{
    const QList<OrderColumn> &order = sql.orderColumns();
    const TableShape &shape = sql.shape();
    if (order.size() == 1 && shape.identity == RowIdentity::Ctid) {
        auto blocks = postgresBlocks(session, sql);
        if (!blocks)
            return blocks.error();
        if (blocks.value() <= 0)
            return FractionTarget{};
        const qint64 block = qint64(std::floor(f * double(blocks.value())));
        return keyTarget(QStringLiteral("(%1,0)").arg(block), f);
    }
    if (order.size() == 1 && !sql.hasConditions()) {
        const OrderColumn &key = order.first();
        const double along = key.descending ? 1.0 - f : f;
        // Statistics are per column, the histogram's bounds split the
        // column's values into equally filled buckets: a bound is a quantile.
        auto bound = session.exec(
            QStringLiteral("SELECT b[greatest(1, least(array_length(b, 1), 1 + round(?::float8 * (array_length(b, 1) - 1))::int))] "
                           "FROM (SELECT histogram_bounds::text::text[] AS b FROM pg_catalog.pg_stats "
                           "WHERE schemaname = ? AND tablename = ? AND attname = ? ORDER BY inherited DESC LIMIT 1) s"),
            {along, shape.table.schema, shape.table.name, key.name});
        if (!bound)
            return bound.error();
        if (bound.value().next() && !bound.value().value(0).isNull())
            return keyTarget(bound.value().value(0).toString(), f);
        const ColumnInfo *column = shape.column(key.name);
        if (column && isNumeric(column->logical)) {
            auto range = session.exec(sql.minMax(key.sql));
            if (!range)
                return range.error();
            if (!range.value().next())
                return FractionTarget{};
            const auto value = interpolate(range.value().value(0), range.value().value(1), along, isInteger(column->logical));
            if (!value)
                return FractionTarget{}; // empty table
            return keyTarget(value->toString(), f);
        }
    }
    // A block sample: ~100 blocks spread over the table, grown tenfold while
    // the filters leave nothing of it.
    auto blocks = postgresBlocks(session, sql);
    if (!blocks)
        return blocks.error();
    double percent = std::clamp(100.0 * 100.0 / double(std::max<qint64>(1, blocks.value())), 0.0001, 100.0);
    for (;;) {
        const SqlStatement sample = sql.postgresSample(percent, f);
        auto rows = session.exec(sample.sql, sample.binds);
        if (!rows)
            return rows.error();
        if (rows.value().next()) {
            FractionTarget target{Kind::Key, {}, 0, f};
            for (int i = 0; i < order.size(); ++i) {
                const QVariant v = rows.value().value(i);
                target.key << (v.isNull() ? QVariant() : v);
            }
            return target;
        }
        if (percent >= 100.0)
            return FractionTarget{}; // nothing matches: the first page is the empty page
        percent = std::min(100.0, percent * 10.0);
    }
}

Result<FractionTarget> locateSqlite(db::Session &session, const PageSql &sql, double f)
{
    const QList<OrderColumn> &order = sql.orderColumns();
    const TableShape &shape = sql.shape();
    const QString rowid = shape.identity == RowIdentity::Rowid ? shape.keyColumns.first() : detail::sqliteRowidAlias(shape);
    if (order.size() == 1) {
        const OrderColumn &key = order.first();
        const ColumnInfo *column = shape.column(key.name);
        if (!column || isInteger(column->logical)) {
            // Edges of a b-tree (the rowid, or the key's index): two lookups.
            auto range = session.exec(sql.minMax(key.sql));
            if (range.ok() && range.value().next()) {
                const QVariant min = range.value().value(0);
                const QVariant max = range.value().value(1);
                if (min.isNull())
                    return FractionTarget{};
                if (min.typeId() == QMetaType::LongLong && max.typeId() == QMetaType::LongLong) {
                    const double along = key.descending ? 1.0 - f : f;
                    return keyTarget(*interpolate(min, max, along, true), f);
                }
            }
        }
    }
    if (!rowid.isEmpty()) {
        auto range = session.exec(sql.minMax(rowid));
        // Fails on WITHOUT ROWID tables: fall through to OFFSET.
        if (range.ok() && range.value().next() && !range.value().value(0).isNull()) {
            const qint64 min = range.value().value(0).toLongLong();
            const qint64 max = range.value().value(1).toLongLong();
            const SqlStatement sample = sql.sqliteRowidSample(rowid, min, max, 1000);
            auto rows = session.exec(sample.sql, sample.binds);
            if (!rows)
                return rows.error();
            QList<QVariantList> keys;
            while (rows.value().next()) {
                QVariantList key;
                for (int i = 0; i < order.size(); ++i) {
                    const QVariant v = rows.value().value(i);
                    key << (v.isNull() ? QVariant() : v);
                }
                keys << key;
            }
            if (!keys.isEmpty()) {
                const qsizetype at = std::min<qsizetype>(keys.size() - 1, qsizetype(std::floor(f * double(keys.size()))));
                return FractionTarget{Kind::Key, keys.at(at), 0, f};
            }
        }
    }
    return byOffset(session, sql, f);
}

} // namespace

Result<FractionTarget> locateFraction(db::Session &session, const PageSql &sql, double fraction)
{
    if (!(fraction > 0.0)) // also NaN
        return FractionTarget{};
    if (fraction >= 1.0)
        return FractionTarget{Kind::Last, {}, 0, 1.0};
    if (!sql.keyset())
        return byOffset(session, sql, fraction);
    return sql.postgres() ? locatePostgres(session, sql, fraction) : locateSqlite(session, sql, fraction);
}

} // namespace tw::data
