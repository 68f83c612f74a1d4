#pragma once

#include "RestRead.h"
#include "TableShape.h"
#include "db/Dialect.h"
#include "error/Error.h"
#include "http/rest/RestQuery.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw::data {

// One bound value of a REST statement, sent through the engine's native API.
struct RestBind
{
    enum class Type {
        Infer,   // PostgreSQL: sent untyped (unknown), the server infers it from the column it meets
        Text,    // a JSON key: text on both engines
        Integer, // a JSON array index (int4), a boolean on SQLite
        BigInt,  // LIMIT and OFFSET (int8)
    };
    QString value;
    Type type = Type::Infer;
    bool isNull = false; // SQL NULL rather than the text
};

struct RestStatement
{
    QString sql;                 // native placeholders: $n (libpq) / ?n (sqlite3), numbered by binds
    QList<RestBind> binds;
};

// Turns (dialect, described table, parsed request) into the REST read
// statements (STYLE.md pattern 2: one place). Every identifier is checked
// against the shape and quoted by the dialect, every value is a numbered
// parameter; casts are spliced only after matching a strict type pattern.
//
// PostgreSQL: SELECT coalesce(json_agg(t), '[]')::text [, (count)] FROM
//   (SELECT <expr> AS "<key>", … FROM <table> WHERE … GROUP BY … ORDER BY …
//    LIMIT … OFFSET …) t
// SQLite: the inner list is aliased c1, c2 …; the outer list is
//   json_group_array(json_object(?key, t.c1, …)) with keys bound.
class RestSql
{
public:
    static Result<RestSql> make(const db::Dialect &dialect, const TableShape &shape, const http::rest::RestQuery &query,
                                const RestReadOptions &options);

    enum class Format { Json, Csv };
    // The body; with `withCount` a second column with COUNT(*) of the
    // filtered rows (the groups when aggregating), limit and offset ignored.
    // Csv: the rows as PostgreSQL's record text (PostgREST's text/csv), one
    // per line, without the header line (csvHeader()).
    RestStatement rows(bool withCount, Format format = Format::Json) const;
    QByteArray csvHeader() const;
    // PostgreSQL: the rows read are locked (FOR UPDATE) until the transaction ends.
    void setLockRows(bool lock) { m_lockRows = lock; }

    // For the write statements (RestWriteSql), which reuse the filter and
    // the select list: the parts, and one more bound value.
    const QString &tableSql() const { return m_table; }
    const QString &whereSql() const { return m_where; }
    const QList<RestBind> &binds() const { return m_binds; }
    QString addBind(QString value, RestBind::Type type = RestBind::Type::Infer) { return param(std::move(value), type); }
    bool hasAggregates() const { return aggregating(); }
    bool hasOrderOrRange() const { return !m_orderBy.isEmpty() || m_limit || m_offset > 0; }
    // PostgreSQL: "SELECT coalesce(json_agg(t), '[]')::text, count(*) FROM
    // (SELECT <select list> FROM <source>) t", for a CTE's RETURNING rows.
    QString jsonOver(const QString &source) const;
    // SQLite: "json_object(?k1, <expr1>, …)" for a RETURNING clause (keys bound).
    QString sqliteJsonObject();
    // The rows the count counts, for the planner (EXPLAIN) to estimate.
    RestStatement countProbe() const;
    qint64 offset() const { return m_offset; }
    bool postgres() const { return m_postgres; }
    // SQLite: the filters use REGEXP (match/imatch), which needs a function.
    bool usesRegexp() const { return m_usesRegexp; }

    // Exposed for tests of the pattern: letters, digits, spaces and
    // underscores, then optionally (n) or (n,m), then optionally [].
    static bool safeTypeName(const QString &type);

private:
    struct SelectExpr
    {
        QString sql;
        QString key;
        bool jsonValue = false; // SQLite: a -> path or a JSON column, text to embed as JSON
        bool aggregate = false;
    };

    RestSql(const db::Dialect &dialect, const TableShape &shape, const RestReadOptions &options);

    Status buildSelect(const QList<http::rest::SelectItem> &items);
    Status buildOrder(const QList<http::rest::OrderTerm> &order);
    Result<QString> where(const http::rest::FilterNode &node, int depth = 0);
    Result<QString> condition(const http::rest::Condition &condition);
    Result<QString> comparison(const http::rest::Condition &condition, const QString &expr, const QString &textExpr,
                               const QString &value);
    // The column (and JSON path) as SQL; unknown → 42703, hidden → 42501.
    Result<QString> field(const http::rest::Field &field, bool *textValued = nullptr, bool *jsonValued = nullptr);
    Result<QString> cast(const QString &expr, const QString &type) const;
    QString param(QString value, RestBind::Type type = RestBind::Type::Infer);
    QString innerFrom() const; // FROM … WHERE … GROUP BY …
    bool aggregating() const;
    QString q(const QString &identifier) const { return m_dialect->quoteIdentifier(identifier); }

    const db::Dialect *m_dialect;
    const TableShape *m_shape;
    const RestReadOptions *m_options;
    bool m_postgres = false;
    bool m_usesRegexp = false;
    bool m_lockRows = false;
    QString m_table;
    QList<SelectExpr> m_select;
    QString m_where;
    QStringList m_groupBy;
    QStringList m_orderBy;
    std::optional<qint64> m_limit;
    qint64 m_offset = 0;
    QList<RestBind> m_binds;
};

} // namespace tw::data
