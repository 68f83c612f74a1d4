// The generated part of tst_rest_diff_postgres: every column of "items" ×
// every operator that applies to its type (and a few that do not, which
// must fail the same way), with values taken from kDiffSchema's rows; each
// column rendered alone, cast to text, and ordered every way.
#include "RestDiffCases.h"

#include <QStringList>

namespace tw::test {

namespace {

enum class Kind { Number, Text, Bool, Time, Enum, Uuid, Bytea, Jsonb, Json, Array, Range, TsVector };

struct Column
{
    const char *name;
    Kind kind;
    const char *a;        // a value of some row, as PostgREST reads it
    const char *b;        // a value of another row
    const char *pattern;  // like/fts/containment operand, per kind
};

// a and b are literals of rows 1-7 of kDiffSchema.
const Column kColumns[] = {
    {"id", Kind::Number, "2", "5", "*"},
    {"big", Kind::Number, "20", "9007199254740993", "*0*"},
    {"price", Kind::Number, "2.25", "-0.01", "*.2*"},
    {"ratio", Kind::Number, "1.25", "Infinity", "*5"},
    {"name", Kind::Text, "beta", "O'Brien", "*et*"},
    {"genre", Kind::Text, "jazz", "rock", "*o*"},
    {"flag", Kind::Bool, "true", "false", ""},
    {"at", Kind::Time, "2024-02-03T00:00:00+02:00", "1999-12-31T23:59:59.999999+00:00", "2024*"},
    {"day", Kind::Time, "2024-02-03", "1999-12-31", "2024*"},
    {"mood", Kind::Enum, "sad", "happy", "*a*"},
    {"uid", Kind::Uuid, "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12", "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a15", "b0*"},
    {"raw", Kind::Bytea, "\\x68656c6c6f", "\\x5c", ""},
    {"data", Kind::Jsonb, "{\"n\":2,\"a\":{\"b\":\"y\"},\"arr\":[1]}", "null", "{\"a\":{\"b\":\"x\"}}"},
    {"doc", Kind::Json, "{\"k\":\"w\",\"n\":2}", "null", ""},
    {"tags", Kind::Array, "{3,4}", "{-1}", "{1,3}"},
    {"words", Kind::Array, "{blue}", "{\"with space\",\"comma,here\"}", "{red,\"comma,here\"}"},
    {"span", Kind::Range, "[5,10)", "[-5,0)", "7"},
    {"period", Kind::Range, "[2024-02-01T00:00:00Z,2024-03-01T00:00:00Z)", "empty", "2024-02-15T00:00:00Z"},
    {"body", Kind::TsVector, "fox", "brown", "quick"},
};

// PostgREST's list syntax for in.(…) and the {…} of (any)/(all): values
// holding a reserved character are double-quoted, quotes and backslashes escaped.
QString listItem(const QString &value)
{
    static const QString reserved = QStringLiteral(",.:()\"{}\\ ");
    bool quote = false;
    for (const QChar c : value)
        quote = quote || reserved.contains(c);
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

QStringList operatorsFor(const Column &c)
{
    const QString a = QString::fromUtf8(c.a);
    const QString b = QString::fromUtf8(c.b);
    const QString pattern = QString::fromUtf8(c.pattern);
    const QString list = listItem(a) + u',' + listItem(b);
    QStringList ops{QStringLiteral("is.null"), QStringLiteral("not.is.null")};
    switch (c.kind) {
    case Kind::Number:
    case Kind::Text:
    case Kind::Time:
    case Kind::Enum:
    case Kind::Uuid:
        for (const char *op : {"eq", "neq", "gt", "gte", "lt", "lte", "isdistinct", "not.eq", "not.gt"})
            ops << QString::fromLatin1(op) + u'.' + a;
        ops << QStringLiteral("in.(") + list + u')' << QStringLiteral("not.in.(") + list + u')'
            << QStringLiteral("eq(any).{") + list + u'}' << QStringLiteral("neq(all).{") + list + u'}'
            << QStringLiteral("gt(any).{") + list + u'}' << QStringLiteral("lte(all).{") + list + u'}';
        // Pattern operators on other types: see kIntendedDifferences.
        if (c.kind == Kind::Text) {
            ops << QStringLiteral("like.") + pattern << QStringLiteral("ilike.") + pattern.toUpper()
                << QStringLiteral("match.^") + a.left(2) << QStringLiteral("imatch.") + a.right(2).toUpper()
                << QStringLiteral("like(any).{") + pattern + QStringLiteral(",zz*}") << QStringLiteral("not.ilike.") + pattern
                << QStringLiteral("fts.") + a << QStringLiteral("plfts(english).") + a << QStringLiteral("phfts(simple).") + a
                << QStringLiteral("wfts(english).") + a + QStringLiteral(" or ") + b << QStringLiteral("like(all).{") + pattern + QStringLiteral(",*}")
                << QStringLiteral("ilike(any).{") + a.toUpper() + u',' + listItem(b) + u'}';
        }
        break;
    case Kind::Bool:
        ops << QStringLiteral("eq.true") << QStringLiteral("neq.false") << QStringLiteral("is.true") << QStringLiteral("is.false")
            << QStringLiteral("is.unknown") << QStringLiteral("not.is.true") << QStringLiteral("isdistinct.true")
            << QStringLiteral("in.(true,false)") << QStringLiteral("gt.false") << QStringLiteral("not.isdistinct.false");
        break;
    case Kind::Bytea:
        ops << QStringLiteral("eq.") + a << QStringLiteral("neq.") + a << QStringLiteral("in.(") + list + u')'
            << QStringLiteral("isdistinct.") + b << QStringLiteral("gt.") + b << QStringLiteral("like.*");
        break;
    case Kind::Jsonb:
        ops << QStringLiteral("eq.") + a << QStringLiteral("cs.") + pattern << QStringLiteral("cd.") + a
            << QStringLiteral("not.cs.") + pattern << QStringLiteral("neq.") + b << QStringLiteral("ov.") + pattern
            << QStringLiteral("isdistinct.") + b;
        break;
    case Kind::Json:
        ops << QStringLiteral("eq.") + a << QStringLiteral("cs.") + a << QStringLiteral("isdistinct.") + b;
        break;
    case Kind::Array:
        ops << QStringLiteral("eq.") + a << QStringLiteral("neq.") + a << QStringLiteral("cs.") + a << QStringLiteral("cd.") + pattern
            << QStringLiteral("ov.") + pattern << QStringLiteral("not.ov.") + pattern << QStringLiteral("cs.{}")
            << QStringLiteral("cd.{}") << QStringLiteral("gt.") + b << QStringLiteral("sl.") + a;
        break;
    case Kind::Range:
        for (const char *op : {"eq", "neq", "cs", "cd", "ov", "sl", "sr", "nxl", "nxr", "adj", "not.adj", "not.ov", "lt"})
            ops << QString::fromLatin1(op) + u'.' + a;
        ops << QStringLiteral("cs.") + pattern << QStringLiteral("ov.") + b << QStringLiteral("adj.") + b;
        break;
    case Kind::TsVector:
        for (const char *op : {"fts", "plfts", "phfts", "wfts", "not.fts", "fts(english)", "plfts(simple)", "wfts(english)"})
            ops << QString::fromLatin1(op) + u'.' + a;
        ops << QStringLiteral("fts.") + a + QStringLiteral(" | ") + b << QStringLiteral("phfts(english).") + pattern + u' ' + b
            << QStringLiteral("wfts.\"") + pattern + QStringLiteral(" ") + a + QStringLiteral("\" -") + b
            << QStringLiteral("eq.") + a;
        break;
    }
    return ops;
}

} // namespace

QList<DiffRequest> generatedCases()
{
    const QString items = QStringLiteral("items");
    const QString id = QStringLiteral("id");
    QList<DiffRequest> out;
    for (const Column &c : kColumns) {
        const QString column = QString::fromUtf8(c.name);
        const QString prefix = QStringLiteral("gen ") + column + u' ';
        out << req(prefix + QStringLiteral("select"), items, {{QStringLiteral("select"), id + u',' + column}, {QStringLiteral("order"), id}});
        out << req(prefix + QStringLiteral("select as text"), items,
                   {{QStringLiteral("select"), QStringLiteral("id,t:") + column + QStringLiteral("::text")}, {QStringLiteral("order"), id}});
        for (const char *order : {".asc", ".desc", ".asc.nullsfirst", ".desc.nullslast", ".nullsfirst"})
            out << req(prefix + QStringLiteral("order") + QString::fromLatin1(order), items,
                       {{QStringLiteral("select"), id}, {QStringLiteral("order"), column + QString::fromLatin1(order) + QStringLiteral(",id")}});
        for (const QString &op : operatorsFor(c))
            out << req(prefix + op, items, {{QStringLiteral("select"), id}, {column, op}, {QStringLiteral("order"), id}});
        out << req(prefix + QStringLiteral("in or"), items,
                   {{QStringLiteral("select"), id}, {QStringLiteral("or"), u'(' + column + QStringLiteral(".is.null,id.eq.1)")}, {QStringLiteral("order"), id}});
    }
    return out;
}

} // namespace tw::test
