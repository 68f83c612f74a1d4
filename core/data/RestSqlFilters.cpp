// RestSql: the WHERE tree of a REST read (PostgREST's operators).
#include "RestSql.h"

#include "RestSqlErrors.h"

namespace tw::data {

using namespace http::rest;

namespace {

// PostgREST reads '*' in like/ilike as '%'.
QString likePattern(QString value)
{
    return value.replace(u'*', u'%');
}

QString globLiteral(QChar c)
{
    if (c == u'*')
        return QStringLiteral("[*]");
    if (c == u'?')
        return QStringLiteral("[?]");
    if (c == u'[')
        return QStringLiteral("[[]");
    return QString(c);
}

// SQLite's LIKE ignores ASCII case; its GLOB is case-sensitive like
// PostgreSQL's LIKE. '%' and '*' match any run, '_' one character, and a
// backslash makes the next character literal (PostgreSQL's default escape).
QString globPattern(const QString &like)
{
    QString out;
    for (qsizetype i = 0; i < like.size(); ++i) {
        const QChar c = like.at(i);
        if (c == u'\\' && i + 1 < like.size())
            out += globLiteral(like.at(++i));
        else if (c == u'*' || c == u'%')
            out += u'*';
        else if (c == u'_')
            out += u'?';
        else
            out += globLiteral(c);
    }
    return out;
}

const char *comparisonOperator(FilterOp op)
{
    switch (op) {
    case FilterOp::Eq: return "=";
    case FilterOp::Neq: return "<>";
    case FilterOp::Gt: return ">";
    case FilterOp::Gte: return ">=";
    case FilterOp::Lt: return "<";
    case FilterOp::Lte: return "<=";
    case FilterOp::Cs: return "@>";
    case FilterOp::Cd: return "<@";
    case FilterOp::Ov: return "&&";
    case FilterOp::Sl: return "<<";
    case FilterOp::Sr: return ">>";
    case FilterOp::Nxl: return "&>"; // does not extend to the left of
    case FilterOp::Nxr: return "&<"; // does not extend to the right of
    case FilterOp::Adj: return "-|-";
    default: return nullptr;
    }
}

QString tsQueryFunction(FilterOp op)
{
    switch (op) {
    case FilterOp::PlFts: return QStringLiteral("plainto_tsquery");
    case FilterOp::PhFts: return QStringLiteral("phraseto_tsquery");
    case FilterOp::WFts: return QStringLiteral("websearch_to_tsquery");
    default: return QStringLiteral("to_tsquery");
    }
}

} // namespace

Result<QString> RestSql::where(const FilterNode &node, int depth)
{
    QString sql;
    if (node.kind == FilterNode::Kind::Condition) {
        auto leaf = condition(node.condition);
        if (!leaf)
            return leaf.error();
        sql = leaf.value();
    } else {
        const bool isAnd = node.kind == FilterNode::Kind::And;
        QStringList parts;
        for (const FilterNode &child : node.children) {
            auto part = where(child, depth + 1);
            if (!part)
                return part.error();
            parts << part.value();
        }
        if (parts.isEmpty())
            sql = isAnd ? QStringLiteral("(1 = 1)") : QStringLiteral("(1 = 0)");
        else
            sql = u'(' + parts.join(isAnd ? QStringLiteral(" AND ") : QStringLiteral(" OR ")) + u')';
    }
    return node.negated ? QStringLiteral("NOT ") + sql : sql;
}

Result<QString> RestSql::condition(const Condition &c)
{
    bool textValued = false;
    auto expr = field(c.field, &textValued);
    if (!expr)
        return expr.error();
    // PostgreSQL has LIKE and ~ for text only: other types compare as their text form.
    const QString textExpr = textValued || !m_postgres ? expr.value() : u'(' + expr.value() + QStringLiteral(")::text");
    QString sql;
    switch (c.op) {
    case FilterOp::In: {
        QStringList items;
        for (const QString &value : c.values)
            items << param(value);
        sql = items.isEmpty() ? QStringLiteral("1 = 0")
                              : expr.value() + QStringLiteral(" IN (") + items.join(QStringLiteral(", ")) + u')';
        break;
    }
    case FilterOp::Is:
        switch (c.isValue) {
        case IsValue::Null: sql = expr.value() + QStringLiteral(" IS NULL"); break;
        case IsValue::NotNull: sql = expr.value() + QStringLiteral(" IS NOT NULL"); break;
        case IsValue::True: sql = expr.value() + QStringLiteral(" IS TRUE"); break;
        case IsValue::False: sql = expr.value() + QStringLiteral(" IS FALSE"); break;
        case IsValue::Unknown:
            sql = expr.value() + (m_postgres ? QStringLiteral(" IS UNKNOWN") : QStringLiteral(" IS NULL"));
            break;
        }
        break;
    default:
        if (c.quantifier == Quantifier::None) {
            auto one = comparison(c, expr.value(), textExpr, c.value);
            if (!one)
                return one.error();
            sql = one.value();
            break;
        }
        {
            const bool any = c.quantifier == Quantifier::Any;
            QStringList parts;
            for (const QString &value : c.values) {
                auto one = comparison(c, expr.value(), textExpr, value);
                if (!one)
                    return one.error();
                parts << one.value();
            }
            // Empty: nothing matches any of none; everything matches all of none.
            sql = parts.isEmpty() ? (any ? QStringLiteral("1 = 0") : QStringLiteral("1 = 1"))
                                  : u'(' + parts.join(any ? QStringLiteral(" OR ") : QStringLiteral(" AND ")) + u')';
        }
        break;
    }
    return c.negated ? QStringLiteral("NOT (") + sql + u')' : sql;
}

Result<QString> RestSql::comparison(const Condition &c, const QString &expr, const QString &textExpr, const QString &value)
{
    const QString engine = m_postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    const FilterOp op = c.op;
    if (op == FilterOp::Eq || op == FilterOp::Neq || op == FilterOp::Gt || op == FilterOp::Gte || op == FilterOp::Lt
        || op == FilterOp::Lte) {
        // SQLite stores booleans as 0/1 and has no 'true' literal to infer.
        const ColumnInfo *column = m_shape->column(c.field.name);
        const bool sqliteBool = !m_postgres && c.field.path.isEmpty() && column && column->logical == db::LogicalType::Boolean
                                && (value == u"true" || value == u"false");
        const QString p = sqliteBool ? param(value == u"true" ? QStringLiteral("1") : QStringLiteral("0"),
                                             RestBind::Type::Integer)
                                     : param(value);
        return expr + u' ' + QLatin1String(comparisonOperator(op)) + u' ' + p;
    }
    switch (op) {
    case FilterOp::Like:
        if (m_postgres)
            return textExpr + QStringLiteral(" LIKE ") + param(likePattern(value));
        return textExpr + QStringLiteral(" GLOB ") + param(globPattern(value));
    case FilterOp::ILike:
        if (m_postgres)
            return textExpr + QStringLiteral(" ILIKE ") + param(likePattern(value));
        return QStringLiteral("lower(%1) LIKE lower(%2) ESCAPE '\\'").arg(expr, param(likePattern(value)));
    case FilterOp::Match:
    case FilterOp::IMatch:
        if (m_postgres)
            return textExpr + (op == FilterOp::Match ? QStringLiteral(" ~ ") : QStringLiteral(" ~* ")) + param(value);
        // Only where a REGEXP function is registered (checked before running).
        m_usesRegexp = true;
        return expr + QStringLiteral(" REGEXP ") + param(op == FilterOp::IMatch ? QStringLiteral("(?i)") + value : value);
    case FilterOp::IsDistinct:
        return expr + (m_postgres ? QStringLiteral(" IS DISTINCT FROM ") : QStringLiteral(" IS NOT ")) + param(value);
    default:
        break;
    }
    if (!m_postgres)
        return unsupportedOperatorError(opName(op), engine);
    if (const char *sqlOp = comparisonOperator(op))
        return expr + u' ' + QLatin1String(sqlOp) + u' ' + param(value);
    if (isFtsOp(op)) {
        const ColumnInfo *column = m_shape->column(c.field.name);
        const bool vector = c.field.path.isEmpty() && column && column->nativeType == u"tsvector";
        const QString language = c.language.isEmpty() ? QString() : param(c.language) + QStringLiteral("::regconfig, ");
        const QString document = vector ? expr : QStringLiteral("to_tsvector(%1%2)").arg(language, textExpr);
        return QStringLiteral("%1 @@ %2(%3%4)").arg(document, tsQueryFunction(op), language, param(value));
    }
    return restError(kBadQuery, QStringLiteral("operator \"%1\" takes no single value").arg(opName(op)));
}

} // namespace tw::data
