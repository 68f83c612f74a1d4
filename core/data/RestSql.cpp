#include "RestSql.h"

#include "RestSqlErrors.h"

#include <QRegularExpression>

#include <algorithm>

namespace tw::data {

using namespace http::rest;

namespace {

const QString kComma = QStringLiteral(", ");

QString aggregateFunction(Aggregate aggregate)
{
    switch (aggregate) {
    case Aggregate::Count: return QStringLiteral("count");
    case Aggregate::Sum: return QStringLiteral("sum");
    case Aggregate::Avg: return QStringLiteral("avg");
    case Aggregate::Min: return QStringLiteral("min");
    case Aggregate::Max: return QStringLiteral("max");
    case Aggregate::None: break;
    }
    return {};
}

} // namespace

RestSql::RestSql(const db::Dialect &dialect, const TableShape &shape, const RestReadOptions &options)
    : m_dialect(&dialect)
    , m_shape(&shape)
    , m_options(&options)
    , m_postgres(dialect.driver() == config::Driver::Postgres)
    , m_table(dialect.qualifiedName(shape.table.schema, shape.table.name))
{}

bool RestSql::safeTypeName(const QString &type)
{
    // Spliced into the SQL as it is, so only what a type name needs: one
    // identifier, or one of SQL's few multi-word type names — never free
    // words ("text FROM t UNION ALL SELECT …" would read other tables) —
    // then optionally (n) or (n,m) and [].
    static const QRegularExpression pattern(
        QStringLiteral(R"(^([A-Za-z_][A-Za-z0-9_]*(?: [A-Za-z]+){0,3}) ?(\( ?\d{1,9} ?(, ?\d{1,9} ?)?\))? ?(\[\])?$)"));
    static const QStringList multiWord{QStringLiteral("double precision"), QStringLiteral("character varying"),
                                       QStringLiteral("bit varying"), QStringLiteral("timestamp with time zone"),
                                       QStringLiteral("timestamp without time zone"), QStringLiteral("time with time zone"),
                                       QStringLiteral("time without time zone")};
    const QString name = type.simplified();
    const auto match = pattern.match(name);
    if (name.size() > 100 || !match.hasMatch())
        return false;
    const QString base = match.captured(1);
    return !base.contains(u' ') || multiWord.contains(base, Qt::CaseInsensitive);
}

Result<RestSql> RestSql::make(const db::Dialect &dialect, const TableShape &shape, const RestQuery &query,
                              const RestReadOptions &options)
{
    RestSql sql(dialect, shape, options);
    if (query.limit && *query.limit < 0)
        return restError(kBadQuery, QStringLiteral("limit must not be negative"));
    if (query.offset && *query.offset < 0)
        return restError(kBadQuery, QStringLiteral("offset must not be negative"));
    QList<SelectItem> items = query.select;
    if (!query.selectGiven || items.isEmpty())
        items = {SelectItem{SelectItem::Kind::Star, {}, {}, {}, Aggregate::None, {}}};
    if (Status built = sql.buildSelect(items); !built.ok())
        return built.error();
    if (query.hasFilter()) {
        auto where = sql.where(query.where);
        if (!where)
            return where.error();
        sql.m_where = where.value();
    }
    if (Status built = sql.buildOrder(query.order); !built.ok())
        return built.error();
    sql.m_limit = query.limit;
    if (options.maxRows > 0)
        sql.m_limit = std::min(query.limit.value_or(options.maxRows), options.maxRows);
    sql.m_offset = query.offset.value_or(0);
    // libpq takes at most 65,535 parameters, and a statement this large is
    // no longer a page request: refused with a message that says why.
    constexpr qsizetype kMaxValues = 20000;
    if (sql.m_binds.size() > kMaxValues)
        return restError(kBadQuery, QStringLiteral("too many values in one request: %1 (at most %2)")
                                        .arg(sql.m_binds.size())
                                        .arg(kMaxValues));
    // Only the statement text and binds are kept: the shape and the options
    // are the caller's and may not outlive it.
    sql.m_shape = nullptr;
    sql.m_options = nullptr;
    return sql;
}

QString RestSql::param(QString value, RestBind::Type type)
{
    m_binds << RestBind{std::move(value), type};
    return m_dialect->nativePlaceholder(int(m_binds.size()));
}

Result<QString> RestSql::field(const Field &f, bool *textValued, bool *jsonValued)
{
    const ColumnInfo *column = m_shape->column(f.name);
    if (!column)
        return unknownColumnError(m_shape->table, f.name);
    if (m_options->hiddenColumns.contains(f.name))
        return hiddenColumnError(m_shape->table, f.name);
    QString sql = q(f.name);
    for (const JsonStep &step : f.path) {
        QString key;
        if (step.isIndex) {
            bool ok = false;
            const qint64 index = step.key.toLongLong(&ok);
            if (!ok)
                return restError(kBadQuery, QStringLiteral("invalid JSON array index \"%1\"").arg(step.key));
            // SQLite reads a negative integer as no element: from the end is "$[#-n]".
            key = !m_postgres && index < 0 ? param(QStringLiteral("$[#%1]").arg(index), RestBind::Type::Text)
                                           : param(QString::number(index), RestBind::Type::Integer);
        } else if (!m_postgres && step.key.startsWith(u'$')) {
            // SQLite takes a right operand starting with '$' for a path.
            if (step.key.contains(u'"'))
                return restError(kBadQuery, QStringLiteral("JSON key \"%1\" cannot be addressed on SQLite").arg(step.key));
            key = param(QStringLiteral("$.\"%1\"").arg(step.key), RestBind::Type::Text);
        } else {
            key = param(step.key, RestBind::Type::Text);
        }
        sql += (step.asText ? QStringLiteral("->>") : QStringLiteral("->")) + key;
    }
    // PostgreSQL's ->> is always text; SQLite's gives the SQL value (2, not
    // '2'), which a bound text value would never equal.
    if (!m_postgres && !f.path.isEmpty() && f.path.last().asText)
        sql = QStringLiteral("CAST(%1 AS TEXT)").arg(sql);
    if (textValued)
        *textValued = f.path.isEmpty() ? column->logical == db::LogicalType::Text && !column->isArray
                                       : f.path.last().asText;
    if (jsonValued)
        *jsonValued = !f.path.isEmpty() && !f.path.last().asText;
    return sql;
}

Result<QString> RestSql::cast(const QString &expr, const QString &type) const
{
    if (type.isEmpty())
        return expr;
    if (!safeTypeName(type) || (!m_postgres && type.contains(u'[')))
        return restError(kBadQuery, QStringLiteral("cannot cast to \"%1\": not a plain type name").arg(type), {},
                         QStringLiteral("A type name is one word of letters, digits and underscores (or double "
                                        "precision, character varying, timestamp with time zone, …), optionally (n) "
                                        "or (n,m) and []"));
    const QString name = type.simplified();
    // CAST(… AS …) on both engines: the closing parenthesis ends the type
    // name, whatever a future change lets through before it.
    return QStringLiteral("CAST((%1) AS %2)").arg(expr, name);
}

Status RestSql::buildSelect(const QList<SelectItem> &items)
{
    bool aggregating = false;
    for (const SelectItem &item : items)
        aggregating = aggregating || item.kind == SelectItem::Kind::Aggregate;
    for (const SelectItem &item : items) {
        switch (item.kind) {
        case SelectItem::Kind::Star:
            for (const ColumnInfo &column : m_shape->columns) {
                if (m_options->hiddenColumns.contains(column.name))
                    continue;
                // SQLite keeps JSON as text: a JSON column is embedded as JSON, as PostgreSQL renders it.
                const bool json = !m_postgres && column.logical == db::LogicalType::Json;
                m_select << SelectExpr{q(column.name), column.name, json, false};
                if (aggregating)
                    m_groupBy << q(column.name);
            }
            break;
        case SelectItem::Kind::Column: {
            bool json = false;
            auto expr = field(item.field, nullptr, &json);
            if (!expr)
                return expr.error();
            auto casted = cast(expr.value(), item.cast);
            if (!casted)
                return casted.error();
            QString key = item.alias;
            if (key.isEmpty())
                key = item.field.path.isEmpty() ? item.field.name : item.field.path.last().key;
            const ColumnInfo *column = m_shape->column(item.field.name);
            const bool jsonColumn = item.field.path.isEmpty() && column->logical == db::LogicalType::Json;
            m_select << SelectExpr{casted.value(), key, (json || jsonColumn) && item.cast.isEmpty(), false};
            if (aggregating)
                m_groupBy << casted.value();
            break;
        }
        case SelectItem::Kind::Aggregate: {
            QString input = QStringLiteral("*");
            if (!item.field.name.isEmpty()) {
                auto expr = field(item.field);
                if (!expr)
                    return expr.error();
                auto casted = cast(expr.value(), item.cast);
                if (!casted)
                    return casted.error();
                input = casted.value();
            }
            auto result = cast(aggregateFunction(item.aggregate) + u'(' + input + u')', item.aggregateCast);
            if (!result)
                return result.error();
            m_select << SelectExpr{result.value(), item.alias.isEmpty() ? aggregateFunction(item.aggregate) : item.alias,
                                   false, true};
            break;
        }
        }
    }
    return {};
}

Status RestSql::buildOrder(const QList<OrderTerm> &order)
{
    for (const OrderTerm &term : order) {
        auto expr = field(term.field);
        if (!expr)
            return expr.error();
        QString sql = expr.value() + (term.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
        if (term.nulls == OrderTerm::Nulls::First)
            sql += QStringLiteral(" NULLS FIRST");
        else if (term.nulls == OrderTerm::Nulls::Last)
            sql += QStringLiteral(" NULLS LAST");
        m_orderBy << sql;
    }
    return {};
}

bool RestSql::aggregating() const
{
    return !m_groupBy.isEmpty()
           || std::any_of(m_select.cbegin(), m_select.cend(), [](const SelectExpr &e) { return e.aggregate; });
}

QString RestSql::innerFrom() const
{
    QString sql = QStringLiteral(" FROM ") + m_table;
    if (!m_where.isEmpty())
        sql += QStringLiteral(" WHERE ") + m_where;
    if (!m_groupBy.isEmpty())
        sql += QStringLiteral(" GROUP BY ") + m_groupBy.join(kComma);
    return sql;
}

namespace {

// PostgreSQL's record_out quoting, which PostgREST's CSV is: a value is
// quoted when empty or holding a quote, backslash, parenthesis, comma or
// white space; inside, quotes and backslashes are doubled.
QString sqliteCsvField(const QString &value)
{
    return QStringLiteral("CASE WHEN %1 IS NULL THEN '' WHEN CAST(%1 AS TEXT) = '' OR CAST(%1 AS TEXT) GLOB "
                          "'*[,\"()\\ '||char(9,10,11,12,13)||']*' THEN '\"' || replace(replace(CAST(%1 AS TEXT), "
                          "'\\', '\\\\'), '\"', '\"\"') || '\"' ELSE CAST(%1 AS TEXT) END")
        .arg(value);
}

} // namespace

RestStatement RestSql::rows(bool withCount, Format format) const
{
    RestStatement statement{{}, m_binds};
    auto bindNumber = [&](qint64 value) {
        statement.binds << RestBind{QString::number(value), RestBind::Type::BigInt};
        return m_dialect->nativePlaceholder(int(statement.binds.size()));
    };
    QStringList inner;
    QStringList outer;
    for (qsizetype i = 0; i < m_select.size(); ++i) {
        const SelectExpr &item = m_select.at(i);
        if (m_postgres) {
            inner << item.sql + QStringLiteral(" AS ") + q(item.key);
        } else if (format == Format::Csv) {
            const QString name = QStringLiteral("c%1").arg(i + 1);
            inner << item.sql + QStringLiteral(" AS ") + name;
            outer << sqliteCsvField(QStringLiteral("t.") + name);
        } else {
            // Positional names inside; the keys are bound in json_object().
            const QString name = QStringLiteral("c%1").arg(i + 1);
            inner << item.sql + QStringLiteral(" AS ") + name;
            statement.binds << RestBind{item.key, RestBind::Type::Text};
            const QString value = QStringLiteral("t.") + name;
            // A subquery drops the JSON subtype of `->`: json() restores it
            // (text that is not JSON stays a string rather than failing).
            outer << m_dialect->nativePlaceholder(int(statement.binds.size())) + kComma
                         + (item.jsonValue ? QStringLiteral("CASE WHEN json_valid(%1) THEN json(%1) ELSE %1 END").arg(value)
                                           : value);
        }
    }
    if (inner.isEmpty() && !m_postgres)
        inner << QStringLiteral("NULL AS c0"); // every column hidden: SQLite has no empty select list
    QString sql = QStringLiteral("SELECT ") + inner.join(kComma) + innerFrom();
    if (!m_orderBy.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + m_orderBy.join(kComma);
    if (m_limit)
        sql += QStringLiteral(" LIMIT ") + bindNumber(*m_limit);
    else if (!m_postgres && m_offset > 0)
        sql += QStringLiteral(" LIMIT -1");
    if (m_offset > 0)
        sql += QStringLiteral(" OFFSET ") + bindNumber(m_offset);
    if (m_lockRows && m_postgres && !aggregating())
        sql += QStringLiteral(" FOR UPDATE");

    QString count;
    if (withCount) {
        count = !aggregating() ? QStringLiteral(", (SELECT count(*)%1)").arg(innerFrom())
                    : QStringLiteral(", (SELECT count(*) FROM (SELECT %1%2) c)").arg(inner.join(kComma), innerFrom());
    }
    // PostgreSQL: the row alias is PostgREST's, so a column or alias named
    // "t" is not taken for the whole row by json_agg().
    if (m_postgres && format == Format::Csv)
        statement.sql = QStringLiteral("SELECT coalesce(string_agg(substring(_postgrest_t::text, 2, "
                                       "length(_postgrest_t::text) - 2), chr(10)), ''), count(*)%1 FROM (%2) _postgrest_t")
                            .arg(count, sql);
    else if (m_postgres)
        statement.sql = QStringLiteral("SELECT coalesce(json_agg(_postgrest_t), '[]')::text, count(*)%1 FROM (%2) _postgrest_t")
                            .arg(count, sql);
    else if (format == Format::Csv)
        statement.sql = QStringLiteral("SELECT coalesce(group_concat(%1, char(10)), ''), count(*)%2 FROM (%3) t")
                            .arg(outer.isEmpty() ? QStringLiteral("''") : outer.join(QStringLiteral(" || ',' || ")), count, sql);
    else
        statement.sql = QStringLiteral("SELECT coalesce(json_group_array(json_object(%1)), '[]'), count(*)%2 FROM (%3) t")
                            .arg(outer.join(kComma), count, sql);
    return statement;
}

QByteArray RestSql::csvHeader() const
{
    QStringList keys;
    for (const SelectExpr &item : m_select) {
        QString key = item.key;
        if (key.contains(u',') || key.contains(u'"') || key.contains(u'\n'))
            key = u'"' + key.replace(u'"', QStringLiteral("\"\"")) + u'"';
        keys << key;
    }
    return keys.join(u',').toUtf8();
}

QString RestSql::jsonOver(const QString &source) const
{
    QStringList list;
    for (const SelectExpr &item : m_select)
        list << item.sql + QStringLiteral(" AS ") + q(item.key);
    return QStringLiteral("SELECT coalesce(json_agg(_postgrest_t), '[]')::text, count(*) FROM (SELECT %1 FROM %2) _postgrest_t")
        .arg(list.join(kComma), source);
}

QString RestSql::sqliteJsonObject()
{
    QStringList pairs;
    for (qsizetype i = 0; i < m_select.size(); ++i) {
        const SelectExpr item = m_select.at(i);
        const QString key = param(item.key, RestBind::Type::Text);
        pairs << key + kComma
                     + (item.jsonValue ? QStringLiteral("CASE WHEN json_valid(%1) THEN json(%1) ELSE %1 END").arg(item.sql)
                                       : item.sql);
    }
    return QStringLiteral("json_object(%1)").arg(pairs.join(kComma));
}

RestStatement RestSql::countProbe() const
{
    QStringList list;
    for (const SelectExpr &item : m_select)
        list << item.sql;
    return {QStringLiteral("SELECT %1%2").arg(aggregating() ? list.join(kComma) : QStringLiteral("1"), innerFrom()), m_binds};
}

} // namespace tw::data
