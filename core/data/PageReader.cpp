#include "PageReader.h"

#include "DescribeParts.h"
#include "PagePosition.h"
#include "PageSql.h"
#include "ReadGuard.h"


#include <algorithm>
#include <cmath>

namespace tw::data {

namespace {

// NULL is an invalid QVariant (Page.h); an empty string stays a valid,
// non-NULL empty string.
QVariant normalized(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QVariant(QStringLiteral(""));
    return value;
}

// A value the engine says is not NULL but QtSql handed over as a null
// QString / QByteArray (QSQLITE's zero-length BLOB): an empty value.
QVariant notNull(const QVariant &value)
{
    if (!value.isNull())
        return value;
    if (value.typeId() == QMetaType::QByteArray)
        return QVariant(QByteArray("", 0));
    return QVariant(QStringLiteral(""));
}

// Values were selected cut to limit + 1 characters (or bytes): one more
// than the limit means there was more.
QVariant cut(const QVariant &value, int limit, bool *truncated)
{
    *truncated = false;
    if (value.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = value.toByteArray();
        if (bytes.size() <= limit)
            return value;
        *truncated = true;
        return bytes.left(limit);
    }
    if (value.typeId() != QMetaType::QString)
        return value;
    const QString text = value.toString();
    if (text.size() <= limit) // UTF-16 units >= code points
        return value;
    // The engines count code points; QString counts UTF-16 units.
    qsizetype units = 0;
    int points = 0;
    while (units < text.size() && points < limit) {
        units += text.at(units).isHighSurrogate() && units + 1 < text.size() ? 2 : 1;
        ++points;
    }
    if (units >= text.size())
        return value;
    *truncated = true;
    return text.left(units);
}

struct Fetched
{
    QList<Row> rows;
    bool more = false; // a row beyond the limit exists in the reading direction
};

Result<Fetched> fetch(db::Session &session, const PageSql &sql, const SqlStatement &statement, qint64 limit,
                      qint64 firstPosition = -1)
{
    auto result = session.exec(statement.sql, statement.binds);
    if (!result)
        return result.error();
    db::Rows &rows = result.value();
    const PageLayout &layout = sql.layout();
    const int truncateAt = sql.request().truncateAt;
    Fetched out;
    while (rows.next()) {
        if (out.rows.size() == limit) {
            out.more = true;
            break;
        }
        Row row;
        row.truncated.resize(layout.values.size());
        for (int i = 0; i < layout.values.size(); ++i) {
            QVariant value = normalized(rows.value(layout.values.at(i)));
            if (layout.nullMask.at(i) >= 0) {
                const qint64 mask = rows.value(layout.nullMask.at(i)).toLongLong();
                if (!(mask & (qint64(1) << layout.nullBit.at(i))))
                    value = notNull(rows.value(layout.values.at(i)));
            }
            if (layout.truncatable.at(i) && value.isValid()) {
                bool truncated = false;
                value = cut(value, truncateAt, &truncated);
                row.truncated.setBit(i, truncated);
            }
            row.values << value;
        }
        for (int index : layout.key)
            row.key << normalized(rows.value(index));
        if (layout.version >= 0)
            row.version = normalized(rows.value(layout.version));
        for (int index : layout.order)
            row.orderKey << normalized(rows.value(index));
        if (!sql.keyset())
            row.orderKey = {firstPosition + out.rows.size()};
        out.rows << row;
    }
    return out;
}

Result<Page> offsetPage(db::Session &session, const PageSql &sql, qint64 offset, qint64 limit)
{
    auto fetched = fetch(session, sql, sql.page(PageSql::Bound::None, {}, false, limit + 1, offset), limit, offset);
    if (!fetched)
        return fetched.error();
    Page page;
    page.rows = fetched.value().rows;
    page.atStart = offset == 0;
    page.atEnd = !fetched.value().more;
    return page;
}

Result<qint64> countOf(db::Session &session, const PageSql &sql)
{
    const SqlStatement count = sql.count();
    auto total = session.scalar(count.sql, count.binds);
    if (!total)
        return total.error();
    return total.value().toLongLong();
}

// Views: pages by position (Row::orderKey = {position}).
Result<Page> readByOffset(db::Session &session, const PageSql &sql)
{
    const PageRequest &request = sql.request();
    const PageAnchor &anchor = request.anchor;
    const qint64 limit = request.limit;
    const qint64 position = anchor.key.isEmpty() ? 0 : anchor.key.first().toLongLong();
    switch (anchor.kind) {
    case PageAnchor::Kind::First: return offsetPage(session, sql, 0, limit);
    case PageAnchor::Kind::After: return offsetPage(session, sql, position + 1, limit);
    case PageAnchor::Kind::AtOrAfter: return offsetPage(session, sql, std::max<qint64>(0, position), limit);
    case PageAnchor::Kind::Before: {
        const qint64 start = std::max<qint64>(0, position - limit);
        auto page = offsetPage(session, sql, start, std::max<qint64>(0, position - start));
        if (page.ok())
            page.value().atEnd = false;
        return page;
    }
    case PageAnchor::Kind::Last: {
        auto total = countOf(session, sql);
        if (!total)
            return total.error();
        return offsetPage(session, sql, std::max<qint64>(0, total.value() - limit), limit);
    }
    case PageAnchor::Kind::Fraction: {
        auto target = locateFraction(session, sql, anchor.fraction);
        if (!target)
            return target.error();
        const qint64 offset = target.value().kind == FractionTarget::Kind::Offset ? target.value().offset : 0;
        if (target.value().kind == FractionTarget::Kind::Last) {
            auto total = countOf(session, sql);
            if (!total)
                return total.error();
            auto page = offsetPage(session, sql, std::max<qint64>(0, total.value() - limit), limit);
            if (page.ok())
                page.value().startFraction = total.value() > 0 ? double(std::max<qint64>(0, total.value() - limit)) / double(total.value()) : 0.0;
            return page;
        }
        auto page = offsetPage(session, sql, offset, limit);
        if (page.ok())
            page.value().startFraction = target.value().landed;
        return page;
    }
    }
    return Page{};
}

Result<Page> keysetPage(db::Session &session, const PageSql &sql, PageSql::Bound bound, const QVariantList &key,
                        bool backwards)
{
    const int limit = sql.request().limit;
    Result<Fetched> fetched = Fetched{};
    if (bound == PageSql::Bound::None || sql.rowValueKeyset(key)) {
        fetched = fetch(session, sql, sql.page(bound, key, backwards, qint64(limit) + 1), limit);
    } else {
        // Index-friendly ranges, read in order until the page (and the one
        // row that says whether more follow) is full.
        for (SqlStatement segment : sql.segments(bound, key, backwards)) {
            const qint64 wanted = qint64(limit) + 1 - fetched.value().rows.size();
            if (wanted <= 0)
                break;
            segment.binds << wanted;
            auto part = fetch(session, sql, segment, wanted);
            if (!part)
                return part.error();
            fetched.value().rows << part.value().rows;
        }
        if (fetched.value().rows.size() > limit) {
            fetched.value().rows.resize(limit);
            fetched.value().more = true;
        }
    }
    if (!fetched)
        return fetched.error();
    Page page;
    page.rows = std::move(fetched.value().rows);
    if (backwards) {
        std::reverse(page.rows.begin(), page.rows.end());
        page.atStart = !fetched.value().more;
        page.atEnd = bound == PageSql::Bound::None; // Last: nothing after it; Before: the anchor row is
    } else {
        page.atStart = bound == PageSql::Bound::None;
        page.atEnd = !fetched.value().more;
    }
    return page;
}

double lastPageFraction(const PageSql &sql)
{
    const qint64 estimate = sql.shape().estimatedRows;
    if (estimate <= 0 || sql.hasConditions())
        return 1.0;
    return std::max(0.0, 1.0 - double(sql.request().limit) / double(estimate));
}

Result<Page> readByKeyset(db::Session &session, const PageSql &sql)
{
    const PageAnchor &anchor = sql.request().anchor;
    using Bound = PageSql::Bound;
    const bool needsKey = anchor.kind == PageAnchor::Kind::After || anchor.kind == PageAnchor::Kind::Before
                          || anchor.kind == PageAnchor::Kind::AtOrAfter;
    if (needsKey && anchor.key.size() != sql.orderColumns().size())
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("page anchor key has %1 values, the order of this browse has %2")
                         .arg(anchor.key.size())
                         .arg(sql.orderColumns().size()),
                     {{QStringLiteral("table"), sql.shape().table.displayName()}});
    switch (anchor.kind) {
    case PageAnchor::Kind::First: return keysetPage(session, sql, Bound::None, {}, false);
    case PageAnchor::Kind::Last: return keysetPage(session, sql, Bound::None, {}, true);
    case PageAnchor::Kind::After: return keysetPage(session, sql, Bound::After, anchor.key, false);
    case PageAnchor::Kind::Before: return keysetPage(session, sql, Bound::After, anchor.key, true);
    case PageAnchor::Kind::AtOrAfter: {
        auto page = keysetPage(session, sql, Bound::AtOrAfter, anchor.key, false);
        if (page.ok())
            page.value().atStart = false;
        return page;
    }
    case PageAnchor::Kind::Fraction: break;
    }

    auto target = locateFraction(session, sql, anchor.fraction);
    if (!target)
        return target.error();
    const FractionTarget &where = target.value();
    Result<Page> page = Page{};
    switch (where.kind) {
    case FractionTarget::Kind::First: page = keysetPage(session, sql, Bound::None, {}, false); break;
    case FractionTarget::Kind::Last: page = keysetPage(session, sql, Bound::None, {}, true); break;
    case FractionTarget::Kind::Offset: page = offsetPage(session, sql, where.offset, sql.request().limit); break;
    case FractionTarget::Kind::Key: page = keysetPage(session, sql, Bound::AtOrAfter, where.key, false); break;
    }
    if (!page)
        return page;
    double landed = where.kind == FractionTarget::Kind::Last ? lastPageFraction(sql) : where.landed;
    // Landed in the last few rows: show a full last page instead of a stub.
    if (where.kind != FractionTarget::Kind::Last && page.value().atEnd && page.value().rows.size() < sql.request().limit) {
        const bool atStart = page.value().atStart;
        page = keysetPage(session, sql, Bound::None, {}, true);
        if (!page)
            return page;
        landed = atStart ? 0.0 : lastPageFraction(sql);
    }
    page.value().startFraction = landed;
    return page;
}

} // namespace

Result<Page> readPage(db::Session &session, const TableShape &shape, const PageRequest &request)
{
    auto sql = PageSql::make(session.dialect(), shape, request);
    if (!sql)
        return sql.error();
    return detail::guarded<Page>(session, sql.value(), [&]() -> Result<Page> {
        return sql.value().keyset() ? readByKeyset(session, sql.value()) : readByOffset(session, sql.value());
    });
}

Result<qint64> countRows(db::Session &session, const TableShape &shape, const PageRequest &request)
{
    auto sql = PageSql::make(session.dialect(), shape, request);
    if (!sql)
        return sql.error();
    return detail::guarded<qint64>(session, sql.value(), [&] { return countOf(session, sql.value()); });
}

Result<QVariant> readCell(db::Session &session, const TableShape &shape, const QVariantList &key, const QString &column)
{
    PageRequest request;
    auto sql = PageSql::make(session.dialect(), shape, request);
    if (!sql)
        return sql.error();
    auto statement = sql.value().cell(column, key);
    if (!statement)
        return statement.error();
    auto rows = session.exec(statement.value().sql, statement.value().binds);
    if (!rows)
        return rows.error();
    if (!rows.value().next())
        return Error(ErrorCode::NotFound,
                     QStringLiteral("the row of %1 is gone (deleted, or its key changed)").arg(shape.table.displayName()),
                     {{QStringLiteral("table"), shape.table.displayName()}, {QStringLiteral("column"), column}});
    const bool isNull = rows.value().value(1).toBool();
    return isNull ? QVariant() : notNull(rows.value().value(0));
}

} // namespace tw::data
