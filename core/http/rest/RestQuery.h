#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The parsed form of a PostgREST-style request (issue 8): what was asked, with
// identifiers checked for syntax only. Names are not yet checked against the
// catalog and values are text as sent: the SQL builder resolves both, quotes
// identifiers through the dialect and binds every value.
namespace tw::http::rest {

// One step of a JSON path: `->key`, `->>key`, `->0`, `->>-1`.
struct JsonStep
{
    bool asText = false;   // ->> (text) rather than -> (json)
    bool isIndex = false;  // an integer array index rather than a key
    QString key;           // the key, or the index as written ("0", "-1")
    bool operator==(const JsonStep &) const = default;
};

// A column, optionally followed by a JSON path: data->a->>b.
struct Field
{
    QString name;
    QList<JsonStep> path;
    bool operator==(const Field &) const = default;
};

enum class Aggregate { None, Count, Sum, Avg, Min, Max };

struct SelectItem
{
    enum class Kind { Star, Column, Aggregate };
    Kind kind = Kind::Column;
    Field field;              // empty name for count() without a column
    QString alias;            // alias:col
    QString cast;             // col::type (for an aggregate: the input's cast)
    Aggregate aggregate = Aggregate::None;
    QString aggregateCast;    // col.sum()::type, the result's cast
    bool operator==(const SelectItem &) const = default;
};

// PostgREST's operator names; opName() gives them back.
enum class FilterOp {
    Eq, Neq, Gt, Gte, Lt, Lte, Like, ILike, Match, IMatch, In, Is, IsDistinct,
    Cs, Cd, Ov, Sl, Sr, Nxl, Nxr, Adj, Fts, PlFts, PhFts, WFts,
};
QString opName(FilterOp op);
std::optional<FilterOp> opFromName(QStringView name);
bool isFtsOp(FilterOp op);
// The operators that take the (any)/(all) modifier.
bool takesQuantifier(FilterOp op);

enum class Quantifier { None, Any, All };
enum class IsValue { Null, NotNull, True, False, Unknown };

// One comparison: col=op.value, or col.op.value inside or=(…).
struct Condition
{
    Field field;
    FilterOp op = FilterOp::Eq;
    bool negated = false;        // not.op
    Quantifier quantifier = Quantifier::None;
    // Single-value operators: the value as sent (like/ilike keep '*', which
    // PostgREST reads as '%': the SQL builder translates it). Inside or=(…)
    // a double-quoted value arrives unquoted.
    QString value;
    QStringList values;          // `in` items and (any)/(all) items, unquoted
    IsValue isValue = IsValue::Null;
    QString language;            // fts(english): the text search configuration
    bool operator==(const Condition &) const = default;
};

// The filter tree. Top-level filters and each or=/and= parameter are
// children of one root And node.
struct FilterNode
{
    enum class Kind { Condition, And, Or };
    Kind kind = Kind::And;
    bool negated = false;        // not.and(…), not.or(…)
    Condition condition;         // when kind == Condition
    QList<FilterNode> children;  // when kind is And or Or
    bool operator==(const FilterNode &) const = default;
};

struct OrderTerm
{
    enum class Nulls { Default, First, Last };
    Field field;
    bool descending = false;
    Nulls nulls = Nulls::Default;
    bool operator==(const OrderTerm &) const = default;
};

struct RestQuery
{
    QList<SelectItem> select;    // absent select= means `*`
    bool selectGiven = false;
    FilterNode where;            // Kind::And; no children: no filter
    QList<OrderTerm> order;
    std::optional<qint64> limit;
    std::optional<qint64> offset;
    std::optional<QStringList> columns;    // POST ?columns=a,b
    std::optional<QStringList> onConflict; // POST ?on_conflict=a,b
    int complexity = 0;          // filter leaves + logic nodes + aggregates

    bool hasFilter() const { return !where.children.isEmpty(); }
    bool hasAggregates() const;
};

// Bounds passed in by the server's configuration; breaking one is PGRST100
// with a message that names the limit.
struct RestLimits
{
    int maxFilterTerms = 200;    // filter leaves + and/or nodes + aggregates
    int maxNestingDepth = 8;     // nested and/or groups
    int maxListItems = 1000;     // in.(…) and (any)/(all) items
};

} // namespace tw::http::rest
