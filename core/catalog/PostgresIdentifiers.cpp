#include "PostgresIdentifiers.h"

#include "db/Dialect.h"

#include <QSet>

namespace tw::catalog {

namespace {

// SELECT word FROM pg_get_keywords() WHERE catcode <> 'U' on PostgreSQL 15
// (reserved, type/function-name and column-name keywords) plus the ones 16
// added (json_*, system_user): DDL may be applied to a newer server, and
// quoting one name too many is harmless.
const char *const kKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
    "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
    "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
    "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
    "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for",
    "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike",
    "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
    "isnull", "join", "json_array", "json_arrayagg", "json_object", "json_objectagg", "lateral",
    "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national", "natural",
    "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on",
    "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision",
    "primary", "real", "references", "returning", "right", "row", "select", "session_user", "setof",
    "similar", "smallint", "some", "substring", "symmetric", "system_user", "table", "tablesample",
    "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user",
    "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with",
    "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
    "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};

const QSet<QString> &keywords()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (const char *word : kKeywords)
            s.insert(QString::fromLatin1(word));
        return s;
    }();
    return set;
}

bool isPlainIdentifier(const QString &name)
{
    if (name.isEmpty())
        return false;
    const QChar first = name.at(0);
    if (!(first >= u'a' && first <= u'z') && first != u'_')
        return false;
    for (const QChar c : name) {
        // Only ASCII lower case: PostgreSQL folds unquoted names to lower
        // case, and non-ASCII letters would fold by the server's locale.
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

} // namespace

bool pgNeedsQuotingAsKeyword(const QString &word)
{
    return keywords().contains(word);
}

QString pgIdent(const QString &name)
{
    if (isPlainIdentifier(name) && !pgNeedsQuotingAsKeyword(name))
        return name;
    return db::dialectFor(config::Driver::Postgres).quoteIdentifier(name);
}

void PgServerQuoting::setKeywords(const QStringList &keywords, bool quoteAll)
{
    m_keywords = QSet<QString>(keywords.cbegin(), keywords.cend());
    m_fromServer = true;
    m_quoteAll = quoteAll;
}

QString PgServerQuoting::ident(const QString &name) const
{
    const bool keyword = m_fromServer ? m_keywords.contains(name) : pgNeedsQuotingAsKeyword(name);
    if (!m_quoteAll && isPlainIdentifier(name) && !keyword)
        return name;
    return db::dialectFor(config::Driver::Postgres).quoteIdentifier(name);
}

QString pgQualified(const QString &schema, const QString &name)
{
    if (schema.isEmpty())
        return pgIdent(name);
    return pgIdent(schema) + QLatin1Char('.') + pgIdent(name);
}

QString pgLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace tw::catalog
