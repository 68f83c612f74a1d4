#pragma once

#include "catalog/Snapshot.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace tw::data {

enum class FilterOp { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Like, ILike, IsNull, IsNotNull, In, Between };

QString filterOpName(FilterOp op);                       // "eq", "neq", "lt", "lte", "gt", "gte", "like", "ilike", "is_null", "not_null", "in", "between"
std::optional<FilterOp> filterOpFromName(const QString &name);

// One condition on one column. `values` holds what the operator needs:
// none (IsNull, IsNotNull), two (Between), one or more (In), else one.
// Values are bound, never spliced into SQL text.
struct Filter
{
    QString column;
    FilterOp op = FilterOp::Equal;
    QVariantList values;
    bool operator==(const Filter &) const = default;
};

struct SortKey
{
    QString column;
    bool descending = false;
    bool operator==(const SortKey &) const = default;
};

// Where a page starts. Keys are "order keys": the values of the sort columns
// followed by the row identity (Row::orderKey), so every page continues
// exactly where its neighbour stopped, whatever the sort, without OFFSET.
struct PageAnchor
{
    enum class Kind {
        First,      // the first `limit` rows
        Last,       // the last `limit` rows (read backwards, returned in order)
        After,      // rows strictly after `key`
        Before,     // rows strictly before `key` (read backwards, returned in order)
        AtOrAfter,  // rows from `key` on
        Fraction,   // rows from about `fraction` (0..1) of the way through, found
                    // without a deep OFFSET (statistics, key range or a sample)
    };
    Kind kind = Kind::First;
    QVariantList key;
    double fraction = 0.0;

    static PageAnchor first() { return {}; }
    static PageAnchor last() { return {Kind::Last, {}, 1.0}; }
    static PageAnchor after(QVariantList key) { return {Kind::After, std::move(key), 0.0}; }
    static PageAnchor before(QVariantList key) { return {Kind::Before, std::move(key), 0.0}; }
    static PageAnchor atOrAfter(QVariantList key) { return {Kind::AtOrAfter, std::move(key), 0.0}; }
    static PageAnchor at(double fraction) { return {Kind::Fraction, {}, fraction}; }
};

// One value describes a browse (STYLE.md pattern 2): filled by the browser's
// header and filter row and by the REST query parser alike, turned into SQL
// in one place (PageSql).
struct PageRequest
{
    QList<Filter> filters;          // combined with AND
    // Free SQL condition typed by the user. Runs under a read-only guard
    // (PostgreSQL: READ ONLY transaction; SQLite: PRAGMA query_only).
    QString where;
    QList<SortKey> order;           // empty: by row identity
    PageAnchor anchor;
    int limit = 200;
    // Text and binary values longer than this come back cut to it and
    // flagged in Row::truncated; 0: never truncate.
    int truncateAt = 2000;

    // The same browse (filters, where, order) but another anchor: pages of one
    // browse can be reused; a change of these drops them.
    bool sameBrowse(const PageRequest &other) const
    {
        return filters == other.filters && where == other.where && order == other.order;
    }
};

} // namespace tw::data
