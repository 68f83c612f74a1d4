// PostgREST's request grammar (issue 8), parsed without a database: query
// string decoding, select / filters / logic trees / order / limit, the
// limits a request may not exceed, and the PGRST codes of what is refused
// (the Prefer and Range headers: tst_rest_headers). Each parse is rendered in a compact text
// form so a case reads as "this URL means that".
#include "http/rest/QueryString.h"
#include "http/rest/RestError.h"
#include "http/rest/RestQueryParser.h"
#include "http/rest/SelectParser.h"

#include <QtTest>

using namespace tw;
using namespace tw::http::rest;

namespace {

QString fieldText(const Field &field)
{
    QString out = field.name;
    for (const JsonStep &step : field.path)
        out += (step.asText ? QStringLiteral("->>") : QStringLiteral("->")) + (step.isIndex ? QStringLiteral("#") : QString()) + step.key;
    return out;
}

QString selectText(const SelectItem &item)
{
    if (item.kind == SelectItem::Kind::Star)
        return QStringLiteral("*");
    QString out;
    if (!item.alias.isEmpty())
        out += item.alias + u':';
    out += fieldText(item.field);
    if (!item.cast.isEmpty())
        out += QStringLiteral("::") + item.cast;
    if (item.kind == SelectItem::Kind::Aggregate)
        out += (item.field.name.isEmpty() ? QString() : QStringLiteral(".")) + aggregateName(item.aggregate) + QStringLiteral("()");
    if (!item.aggregateCast.isEmpty())
        out += QStringLiteral("::") + item.aggregateCast;
    return out;
}

QString isText(IsValue value)
{
    switch (value) {
    case IsValue::Null: return QStringLiteral("null");
    case IsValue::NotNull: return QStringLiteral("not_null");
    case IsValue::True: return QStringLiteral("true");
    case IsValue::False: return QStringLiteral("false");
    case IsValue::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

QString conditionText(const Condition &c)
{
    QString out = (c.negated ? QStringLiteral("not ") : QString()) + fieldText(c.field) + u' ' + opName(c.op);
    if (c.quantifier == Quantifier::Any)
        out += QStringLiteral("(any)");
    if (c.quantifier == Quantifier::All)
        out += QStringLiteral("(all)");
    if (!c.language.isEmpty())
        out += u'(' + c.language + u')';
    if (c.op == FilterOp::Is)
        return out + u' ' + isText(c.isValue);
    if (c.op == FilterOp::In || c.quantifier != Quantifier::None)
        return out + QStringLiteral(" [") + c.values.join(u'|') + u']';
    return out + QStringLiteral(" \"") + c.value + u'"';
}

QString nodeText(const FilterNode &node)
{
    if (node.kind == FilterNode::Kind::Condition)
        return conditionText(node.condition);
    QStringList parts;
    for (const FilterNode &child : node.children)
        parts << nodeText(child);
    return (node.negated ? QStringLiteral("not ") : QString())
           + (node.kind == FilterNode::Kind::And ? QStringLiteral("and(") : QStringLiteral("or(")) + parts.join(u',') + u')';
}

QString queryText(const RestQuery &q)
{
    QStringList parts;
    if (q.selectGiven) {
        QStringList items;
        for (const SelectItem &item : q.select)
            items << selectText(item);
        parts << QStringLiteral("select: ") + items.join(u',');
    }
    if (q.hasFilter()) {
        QStringList filters;
        for (const FilterNode &node : q.where.children)
            filters << nodeText(node);
        parts << QStringLiteral("where: ") + filters.join(QStringLiteral(" & "));
    }
    if (!q.order.isEmpty()) {
        QStringList terms;
        for (const OrderTerm &t : q.order)
            terms << fieldText(t.field) + (t.descending ? QStringLiteral(" desc") : QStringLiteral(" asc"))
                         + (t.nulls == OrderTerm::Nulls::First ? QStringLiteral(" nullsfirst")
                            : t.nulls == OrderTerm::Nulls::Last ? QStringLiteral(" nullslast") : QString());
        parts << QStringLiteral("order: ") + terms.join(u',');
    }
    if (q.limit)
        parts << QStringLiteral("limit: %1").arg(*q.limit);
    if (q.offset)
        parts << QStringLiteral("offset: %1").arg(*q.offset);
    if (q.columns)
        parts << QStringLiteral("columns: ") + q.columns->join(u',');
    if (q.onConflict)
        parts << QStringLiteral("on_conflict: ") + q.onConflict->join(u',');
    return parts.join(QStringLiteral(" ; "));
}

QString errorText(const Error &e)
{
    return pgrstCode(e) + u' ' + e.message() + QStringLiteral(" | ") + pgrstDetails(e) + QStringLiteral(" | ") + e.hint();
}

} // namespace

class TestRestGrammar : public QObject
{
    Q_OBJECT

private slots:
    void queryStringIsFormDecodedInOrder_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QStringList>("expected"); // key=value per parameter
        QTest::newRow("plus is a space") << QByteArray("name=eq.John+Doe") << QStringList{u"name=eq.John Doe"_qs};
        QTest::newRow("%2B is a plus") << QByteArray("n=eq.1%2B1") << QStringList{u"n=eq.1+1"_qs};
        QTest::newRow("repeated keys kept in order") << QByteArray("age=gt.18&age=lt.65")
                                                     << QStringList{u"age=gt.18"_qs, u"age=lt.65"_qs};
        QTest::newRow("empty segments skipped") << QByteArray("&a=1&&b=2&") << QStringList{u"a=1"_qs, u"b=2"_qs};
        QTest::newRow("key without value") << QByteArray("flag") << QStringList{u"flag="_qs};
        QTest::newRow("utf-8 percent-encoded") << QByteArray("%C3%A9t%C3%A9=eq.%E2%9C%93")
                                               << QStringList{QString::fromUtf8("été=eq.✓")};
        QTest::newRow("encoded ampersand and equals stay in the value") << QByteArray("a=eq.x%26y%3Dz")
                                                                        << QStringList{u"a=eq.x&y=z"_qs};
        QTest::newRow("encoded key") << QByteArray("my%20col=eq.1") << QStringList{u"my col=eq.1"_qs};
    }
    void queryStringIsFormDecodedInOrder()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QStringList, expected);
        const auto params = parseQueryString(raw);
        QVERIFY2(params.ok(), params.ok() ? "" : qPrintable(errorText(params.error())));
        QStringList got;
        for (const QueryParam &p : params.value())
            got << p.key + u'=' + p.value;
        QCOMPARE(got, expected);
    }

    void queryStringRefusesBadEncoding_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("truncated escape") << QByteArray("a=eq.%4");
        QTest::newRow("non-hex escape") << QByteArray("a=eq.%zz");
        QTest::newRow("bare percent") << QByteArray("a=eq.50%");
        QTest::newRow("invalid utf-8") << QByteArray("a=eq.%C3%28");
        QTest::newRow("NUL byte") << QByteArray("name=eq.one%00XYZ");
        QTest::newRow("lone continuation byte in key") << QByteArray("%80=eq.1");
    }
    void queryStringRefusesBadEncoding()
    {
        QFETCH(QByteArray, raw);
        const auto params = parseQueryString(raw);
        QVERIFY(!params.ok());
        QCOMPARE(pgrstCode(params.error()), QStringLiteral("PGRST100"));
        QCOMPARE(params.error().httpStatus(), 400);
    }

    void grammarParses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *raw, const char *expected) {
            QTest::newRow(name) << QByteArray(raw) << QString::fromUtf8(expected);
        };
        // every operator
        row("eq", "a=eq.5", "where: a eq \"5\"");
        row("neq", "a=neq.5", "where: a neq \"5\"");
        row("gt", "a=gt.5", "where: a gt \"5\"");
        row("gte", "a=gte.5", "where: a gte \"5\"");
        row("lt", "a=lt.5", "where: a lt \"5\"");
        row("lte", "a=lte.5", "where: a lte \"5\"");
        row("like keeps the star", "a=like.*ab*", "where: a like \"*ab*\"");
        row("ilike", "a=ilike.*AB*", "where: a ilike \"*AB*\"");
        row("match", "a=match.^ab.*$", "where: a match \"^ab.*$\"");
        row("imatch", "a=imatch.^ab", "where: a imatch \"^ab\"");
        row("isdistinct", "a=isdistinct.5", "where: a isdistinct \"5\"");
        row("cs array", "tags=cs.{a,b}", "where: tags cs \"{a,b}\"");
        row("cd array", "tags=cd.{1,2,3}", "where: tags cd \"{1,2,3}\"");
        row("cs json passes as text", "doc=cs.{\"k\":[1,2]}", "where: doc cs \"{\"k\":[1,2]}\"");
        row("ov range", "p=ov.[2017-01-01,2017-06-30]", "where: p ov \"[2017-01-01,2017-06-30]\"");
        row("sl", "r=sl.(1,10)", "where: r sl \"(1,10)\"");
        row("sr", "r=sr.(1,10)", "where: r sr \"(1,10)\"");
        row("nxl", "r=nxl.(1,10)", "where: r nxl \"(1,10)\"");
        row("nxr", "r=nxr.(1,10)", "where: r nxr \"(1,10)\"");
        row("adj", "r=adj.(1,10)", "where: r adj \"(1,10)\"");
        row("fts", "tsv=fts.cat", "where: tsv fts \"cat\"");
        row("fts with language", "tsv=fts(french).amusant", "where: tsv fts(french) \"amusant\"");
        row("plfts with spaces", "tsv=plfts.The%20Fat%20Cats", "where: tsv plfts \"The Fat Cats\"");
        row("not.phfts with language", "tsv=not.phfts(english).The+Fat", "where: not tsv phfts(english) \"The Fat\"");
        row("wfts", "tsv=wfts.a+-b", "where: tsv wfts \"a -b\"");
        // not. and modifiers
        row("not.eq", "a=not.eq.2", "where: not a eq \"2\"");
        row("not.in", "a=not.in.(1,2)", "where: not a in [1|2]");
        row("not.is.null", "a=not.is.null", "where: not a is null");
        row("like(any)", "n=like(any).{O*,P*}", "where: n like(any) [O*|P*]");
        row("like(all)", "n=like(all).{O*,*n}", "where: n like(all) [O*|*n]");
        row("ilike(any) quoted item", "n=ilike(any).{\"a,b\",c}", "where: n ilike(any) [a,b|c]");
        row("eq(any)", "a=eq(any).{1,2}", "where: a eq(any) [1|2]");
        row("gt(all)", "a=gt(all).{1, 2}", "where: a gt(all) [1|2]");
        row("not.match(any)", "a=not.match(any).{^a,^b}", "where: not a match(any) [^a|^b]");
        row("imatch(all) empty", "a=imatch(all).{}", "where: a imatch(all) []");
        // in lists
        row("in plain", "id=in.(1,2,3)", "where: id in [1|2|3]");
        row("in quoted comma", "n=in.(\"hi,there\",\"yes,you\")", "where: n in [hi,there|yes,you]");
        row("in quoted parenthesis", "n=in.(\"a)b\",c)", "where: n in [a)b|c]");
        row("in backslash escapes", "n=in.(\"a\\\"b\",\"c\\\\d\")", "where: n in [a\"b|c\\d]");
        row("in empty list", "id=in.()", "where: id in []");
        row("in empty item kept", "n=in.(a,,b)", "where: n in [a||b]");
        row("in encoded quote", "n=in.(%22x,y%22)", "where: n in [x,y]");
        row("in quote inside plain item", "n=in.(a\"b)", "where: n in [a\"b]");
        // is
        row("is null", "a=is.null", "where: a is null");
        row("is not_null", "a=is.not_null", "where: a is not_null");
        row("is true", "a=is.true", "where: a is true");
        row("is false any case", "a=is.FALSE", "where: a is false");
        row("is unknown", "a=is.unknown", "where: a is unknown");
        // values
        row("value keeps dots", "v=eq.1.2.3", "where: v eq \"1.2.3\"");
        row("value may be empty", "v=eq.", "where: v eq \"\"");
        row("value plus is space", "v=eq.a+b", "where: v eq \"a b\"");
        row("value %2B is plus", "v=eq.a%2Bb", "where: v eq \"a+b\"");
        row("top-level quotes are literal", "v=eq.\"x\"", "where: v eq \"\"x\"\"");
        row("same column twice", "age=gt.18&age=lt.65", "where: age gt \"18\" & age lt \"65\"");
        // logic trees
        row("or", "or=(a.lt.18,a.gt.21)", "where: or(a lt \"18\",a gt \"21\")");
        row("and", "and=(a.gte.0,a.lte.100)", "where: and(a gte \"0\",a lte \"100\")");
        row("not.and", "not.and=(a.gte.0,a.lte.100)", "where: not and(a gte \"0\",a lte \"100\")");
        row("not.or", "not.or=(a.eq.1,b.eq.2)", "where: not or(a eq \"1\",b eq \"2\")");
        row("nested and in or", "or=(a.eq.1,and(b.lt.2,c.gt.3))", "where: or(a eq \"1\",and(b lt \"2\",c gt \"3\"))");
        row("nested not.and", "or=(a.eq.14,not.and(a.gte.11,a.lte.17))", "where: or(a eq \"14\",not and(a gte \"11\",a lte \"17\"))");
        row("three levels", "and=(a.eq.1,or(b.eq.2,and(c.eq.3,not.or(d.eq.4,e.eq.5))))",
            "where: and(a eq \"1\",or(b eq \"2\",and(c eq \"3\",not or(d eq \"4\",e eq \"5\"))))");
        row("logic quoted value with comma and parens", "or=(n.eq.\"a,b\",n.eq.\"(c)\")", "where: or(n eq \"a,b\",n eq \"(c)\")");
        row("logic quoted dot", "or=(n.eq.\"a.b\")", "where: or(n eq \"a.b\")");
        row("logic in list", "or=(id.in.(1,2),n.in.(\"x,y\"))", "where: or(id in [1|2],n in [x,y])");
        row("logic not.op and is", "or=(a.not.eq.1,b.is.null,c.not.is.true)", "where: or(not a eq \"1\",b is null,not c is true)");
        row("logic array value keeps commas", "or=(tags.cs.{a,b},tags.cd.{c})", "where: or(tags cs \"{a,b}\",tags cd \"{c}\")");
        row("logic like(any)", "or=(n.like(any).{a*,b*},m.eq.1)", "where: or(n like(any) [a*|b*],m eq \"1\")");
        row("logic fts language", "or=(t.fts(english).cat,t.wfts.dog)", "where: or(t fts(english) \"cat\",t wfts \"dog\")");
        row("logic spaces after commas", "or=(a.eq.1,+b.eq.2)", "where: or(a eq \"1\",b eq \"2\")");
        row("logic column named or", "or=(or.eq.1,not.eq.2)", "where: or(or eq \"1\",not eq \"2\")");
        row("logic json path", "or=(data->>a.eq.x,data->b->0.gt.1)", "where: or(data->>a eq \"x\",data->b->#0 gt \"1\")");
        row("logic combined with filters", "a=eq.1&or=(b.eq.2,c.eq.3)&d=is.null",
            "where: a eq \"1\" & or(b eq \"2\",c eq \"3\") & d is null");
        // select
        row("select columns", "select=a,b", "select: a,b");
        row("select star", "select=*", "select: *");
        row("select star and column", "select=*,full_name", "select: *,full_name");
        row("select alias", "select=fullName:full_name", "select: fullName:full_name");
        row("select cast", "select=salary::text", "select: salary::text");
        row("select cast with space", "select=n::character+varying", "select: n::character varying");
        row("select json path", "select=id,json_data->>blood_type,json_data->phones",
            "select: id,json_data->>blood_type,json_data->phones");
        row("select json index", "select=data->phones->0->>number", "select: data->phones->#0->>number");
        row("select negative index", "select=arr->-1", "select: arr->#-1");
        row("select alias path cast", "select=bt:data->>blood_type::text", "select: bt:data->>blood_type::text");
        row("select spaces around items", "select=a+,+b", "select: a,b");
        row("select dashed name", "select=first-name", "select: first-name");
        row("select quoted name with comma", "select=\"a,b\"", "select: a,b");
        row("select column with spaces", "select=my+col,%22other+col%22", "select: my col,other col");
        row("select unicode", "select=%C3%A9t%C3%A9,%E5%90%8D%E5%89%8D", "select: été,名前");
        row("select dollar and digits", "select=$x,123", "select: $x,123");
        // aggregates
        row("sum", "select=amount.sum()", "select: amount.sum()");
        row("avg min max", "select=price.avg(),price.min(),price.max()", "select: price.avg(),price.min(),price.max()");
        row("count without column", "select=count()", "select: count()");
        row("count with column", "select=id.count()", "select: id.count()");
        row("group by plain columns", "select=genre,amount.sum(),count()", "select: genre,amount.sum(),count()");
        row("aggregate alias", "select=total:amount.sum()", "select: total:amount.sum()");
        row("aggregate output cast", "select=amount.avg()::int", "select: amount.avg()::int");
        row("aggregate input cast", "select=d->tax::numeric.sum()", "select: d->tax::numeric.sum()");
        row("aggregate both casts and alias", "select=t:d->>x::numeric.sum()::text", "select: t:d->>x::numeric.sum()::text");
        row("count alias and cast", "select=n:count()::text", "select: n:count()::text");
        // order
        row("order plain", "order=age", "order: age asc");
        row("order desc and asc", "order=age.desc,height.asc", "order: age desc,height asc");
        row("order nullsfirst", "order=age.nullsfirst", "order: age asc nullsfirst");
        row("order desc nullslast", "order=age.desc.nullslast", "order: age desc nullslast");
        row("order json path", "order=data->>k.desc,data->0", "order: data->>k desc,data->#0 asc");
        row("order quoted column", "order=%22my+col%22.desc", "order: my col desc");
        // limits, columns, on_conflict
        row("limit and offset", "limit=15&offset=30", "limit: 15 ; offset: 30");
        row("limit zero", "limit=0", "limit: 0");
        row("columns", "columns=source,publication_date", "columns: source,publication_date");
        row("on_conflict", "on_conflict=name,email", "on_conflict: name,email");
        // filters on odd columns
        row("filter json path", "json_data->>blood_type=eq.A-", "where: json_data->>blood_type eq \"A-\"");
        row("filter json arrow comparison", "data->age=gt.20", "where: data->age gt \"20\"");
        row("filter unicode column", "%C3%A9t%C3%A9=eq.1", "where: été eq \"1\"");
        row("filter column with spaces", "my+col=eq.1", "where: my col eq \"1\"");
        row("filter quoted column with dot", "%22a.b%22=eq.1", "where: a.b eq \"1\"");
        row("select non-BMP letter", "select=%F0%9D%92%B3", "select: \xF0\x9D\x92\xB3");
        row("select legacy count is a column", "select=count", "select: count");
        row("logic quote not closing the term stays literal", "or=(a.eq.%22x%22y)", "where: or(a eq \"\"x\"y\")");
        row("logic isdistinct", "and=(a.isdistinct.1,not.or(b.eq.1))", "where: and(a isdistinct \"1\",not or(b eq \"1\"))");
        row("value starting with not", "a=eq.not.x", "where: a eq \"not.x\"");
        row("empty query", "", "");
    }
    void grammarParses()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const auto parsed = parseRestQuery(raw);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(errorText(parsed.error())));
        QCOMPARE(queryText(parsed.value()), expected);
    }

    void grammarRefuses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("contains"); // in message | details | hint
        const auto row = [](const char *name, const char *raw, const char *code, const char *contains) {
            QTest::newRow(name) << QByteArray(raw) << QString::fromLatin1(code) << QString::fromUtf8(contains);
        };
        row("unknown operator", "a=noop.1", "PGRST100", "unknown operator \"noop\"");
        row("no operator", "a=5", "PGRST100", "failed to parse filter (a=5)");
        row("operator without value dot", "a=gt", "PGRST100", "expecting \".\"");
        row("not without operator", "a=not.", "PGRST100", "expecting operator");
        row("is maybe", "a=is.maybe", "PGRST100", "expecting null, not_null, true, false or unknown");
        row("is with trailing text", "a=is.null.x", "PGRST100", "expecting end of input");
        row("any on a range operator", "a=cs(any).{1}", "PGRST100", "cs takes no (any)/(all) modifier");
        row("any without braces", "a=eq(any).1,2", "PGRST100", "expecting \"{\"");
        row("unknown modifier", "a=eq(some).{1}", "PGRST100", "expecting \"(any)\"");
        row("in without parenthesis", "a=in.1,2", "PGRST100", "expecting \"(\"");
        row("in unbalanced", "a=in.(1,2", "PGRST100", "expecting \",\" or \")\"");
        row("in unclosed quote", "a=in.(\"x,y)", "PGRST100", "closing double quote");
        row("in trailing text", "a=in.(1)x", "PGRST100", "expecting end of input");
        row("fts unclosed language", "t=fts(english.cat", "PGRST100", "expecting \")\"");
        row("empty column", "=eq.1", "PGRST100", "column name");
        row("trailing dot in order", "order=age.", "PGRST100", "expecting \"asc\", \"desc\"");
        row("bad order direction", "order=id.ac", "PGRST100", "unexpected \"a\"");
        row("order direction twice", "order=id.descc", "PGRST100", "unexpected \"c\"");
        row("order nulls typo", "order=id.asc.nlsfst", "PGRST100", "expecting \"nullsfirst\" or \"nullslast\"");
        row("order empty term", "order=a,,b", "PGRST100", "failed to parse order");
        row("unbalanced or", "or=(a.eq.1,b.eq.2", "PGRST100", "expecting \",\" or \")\"");
        row("or without parenthesis", "or=a.eq.1", "PGRST100", "failed to parse logic tree");
        row("or trailing text", "or=(a.eq.1))", "PGRST100", "expecting end of input");
        row("empty or", "or=()", "PGRST100", "column name");
        row("or with unknown group", "or=(a.eq.1,xor(b.eq.2))", "PGRST100", "failed to parse logic tree");
        row("or term without operator", "or=(a,b)", "PGRST100", "expecting \".\" and an operator");
        row("or unclosed quote", "or=(a.eq.\"x)", "PGRST100", "closing double quote");
        row("select empty", "select=", "PGRST100", "failed to parse select parameter");
        row("select trailing comma", "select=a,", "PGRST100", "unexpected end of input");
        row("select empty cast", "select=a::", "PGRST100", "expecting type name");
        row("select unknown aggregate", "select=a.median()", "PGRST100", "aggregate function");
        row("select aggregate without parens", "select=a.sum", "PGRST100", "expecting \"()\"");
        row("select sum without column", "select=sum()", "PGRST100", "sum() needs a column");
        row("select unbalanced quote", "select=%22abc", "PGRST100", "closing double quote");
        row("select bracket", "select=name[]", "PGRST100", "unexpected \"[\"");
        row("select bad json index", "select=data->>-78xy", "PGRST100", "failed to parse select parameter");
        row("select embedding", "select=id,client(name)", "PGRST100", "Resource embedding");
        row("select embedding with alias and hint", "select=c:clients!inner(*)", "PGRST100", "is not supported");
        row("select spread", "select=...clients(name)", "PGRST100", "Spreading an embedded resource");
        row("filter on embedded resource", "clients.name=eq.x", "PGRST100", "Filtering an embedded resource");
        row("order on embedded resource", "order=clients(name)", "PGRST100", "Ordering by an embedded resource");
        row("embedded limit", "clients.limit=1", "PGRST100", "embedded resource (clients.limit)");
        row("embedded or", "clients.or=(a.eq.1)", "PGRST100", "embedded resource");
        row("limit negative", "limit=-1", "PGRST103", "Limit should be greater than or equal to zero"); // PostgREST 12: 416
        row("offset negative", "offset=-1", "PGRST100", "non-negative integer");
        row("limit not a number", "limit=abc", "PGRST100", "failed to parse limit parameter (abc)");
        row("offset with sign", "offset=%2B5", "PGRST100", "non-negative integer");
        row("limit empty", "limit=", "PGRST100", "non-negative integer");
        row("select twice", "select=a&select=b", "PGRST100", "select parameter is given more than once");
        row("columns empty item", "columns=a,,b", "PGRST100", "failed to parse columns parameter");
        row("on_conflict empty", "on_conflict=", "PGRST100", "failed to parse on_conflict parameter");
        row("bad percent escape", "a=eq.%G1", "PGRST100", "invalid percent escape");
    }
    void grammarRefuses()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, code);
        QFETCH(QString, contains);
        const auto parsed = parseRestQuery(raw);
        QVERIFY2(!parsed.ok(), qPrintable(parsed.ok() ? queryText(parsed.value()) : QString()));
        QCOMPARE(pgrstCode(parsed.error()), code);
        QCOMPARE(parsed.error().httpStatus(), 400);
        QVERIFY2(errorText(parsed.error()).contains(contains), qPrintable(errorText(parsed.error())));
    }

    void limitsAreEnforced_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("maxTerms");
        QTest::addColumn<int>("maxDepth");
        QTest::addColumn<int>("maxList");
        QTest::addColumn<QString>("limitName"); // empty: within the limits
        QTest::newRow("terms at the limit") << QByteArray("a=eq.1&b=eq.2&or=(c.eq.1,d.eq.2)") << 5 << 8 << 10 << QString();
        QTest::newRow("too many terms") << QByteArray("a=eq.1&b=eq.2&or=(c.eq.1,d.eq.2)") << 4 << 8 << 10
                                        << QStringLiteral("maxFilterTerms");
        QTest::newRow("aggregates count as terms") << QByteArray("select=a.sum(),b.sum(),count()&x=eq.1") << 3 << 8 << 10
                                                   << QStringLiteral("maxFilterTerms");
        QTest::newRow("depth at the limit") << QByteArray("or=(a.eq.1,and(b.eq.2,or(c.eq.3)))") << 100 << 3 << 10 << QString();
        QTest::newRow("too deep") << QByteArray("or=(a.eq.1,and(b.eq.2,or(c.eq.3,and(d.eq.4))))") << 100 << 3 << 10
                                  << QStringLiteral("maxNestingDepth");
        QTest::newRow("in list at the limit") << QByteArray("a=in.(1,2,3)") << 100 << 8 << 3 << QString();
        QTest::newRow("in list too long") << QByteArray("a=in.(1,2,3,4)") << 100 << 8 << 3 << QStringLiteral("maxListItems");
        QTest::newRow("any list too long") << QByteArray("a=like(any).{a,b,c,d}") << 100 << 8 << 3 << QStringLiteral("maxListItems");
        QTest::newRow("in list in logic too long") << QByteArray("or=(a.in.(1,2,3,4))") << 100 << 8 << 3
                                                   << QStringLiteral("maxListItems");
    }
    void limitsAreEnforced()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, maxTerms);
        QFETCH(int, maxDepth);
        QFETCH(int, maxList);
        QFETCH(QString, limitName);
        const auto parsed = parseRestQuery(raw, RestLimits{maxTerms, maxDepth, maxList});
        if (limitName.isEmpty()) {
            QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(errorText(parsed.error())));
            return;
        }
        QVERIFY(!parsed.ok());
        QCOMPARE(pgrstCode(parsed.error()), QStringLiteral("PGRST100"));
        QVERIFY2(parsed.error().message().contains(limitName), qPrintable(errorText(parsed.error())));
    }

    void hugeAndDeepInputsStayBounded()
    {
        // 100 000 in-list items or 10 000 nested groups: refused by the limit, not by a crash.
        QByteArray list = "a=in.(";
        for (int i = 0; i < 100000; ++i)
            list += QByteArray::number(i) + ',';
        list += "0)";
        const auto wide = parseRestQuery(list);
        QVERIFY(!wide.ok());
        QVERIFY(wide.error().message().contains(u"maxListItems"_qs));

        QByteArray deep = "or=(";
        for (int i = 0; i < 10000; ++i)
            deep += "and(";
        deep += "a.eq.1" + QByteArray(10001, ')');
        const auto nested = parseRestQuery(deep);
        QVERIFY(!nested.ok());
        QVERIFY(nested.error().message().contains(u"maxNestingDepth"_qs));
    }

    void complexityCountsLeavesGroupsAndAggregates()
    {
        const auto parsed = parseRestQuery(QByteArray("select=a.sum()&x=eq.1&or=(b.eq.1,and(c.eq.1,d.eq.1))"));
        QVERIFY(parsed.ok());
        // 1 aggregate + 1 top-level leaf + or + b + and + c + d
        QCOMPARE(parsed.value().complexity, 7);
        QVERIFY(parsed.value().hasAggregates());
    }

    void structuresHoldWhatTheTextSays()
    {
        const auto parsed = parseRestQuery(QByteArray("select=t:d->>x::numeric.sum()::text,data->items->0&data->>k=like(any).{a*,%22b,c%22}"));
        QVERIFY(parsed.ok());
        const RestQuery &q = parsed.value();
        QCOMPARE(q.select.size(), 2);
        const SelectItem &sum = q.select.at(0);
        QCOMPARE(sum.kind, SelectItem::Kind::Aggregate);
        QCOMPARE(sum.aggregate, Aggregate::Sum);
        QCOMPARE(sum.alias, u"t"_qs);
        QCOMPARE(sum.field.name, u"d"_qs);
        QCOMPARE(sum.field.path, (QList<JsonStep>{{true, false, u"x"_qs}}));
        QCOMPARE(sum.cast, u"numeric"_qs);
        QCOMPARE(sum.aggregateCast, u"text"_qs);
        QCOMPARE(q.select.at(1).field.path,
                 (QList<JsonStep>{{false, false, u"items"_qs}, {false, true, u"0"_qs}}));
        QCOMPARE(q.where.kind, FilterNode::Kind::And);
        QCOMPARE(q.where.children.size(), 1);
        const Condition &c = q.where.children.at(0).condition;
        QCOMPARE(c.op, FilterOp::Like);
        QCOMPARE(c.quantifier, Quantifier::Any);
        QCOMPARE(c.values, (QStringList{u"a*"_qs, u"b,c"_qs}));
        QVERIFY(q.selectGiven);
    }

    void absentSelectMeansStar()
    {
        const auto parsed = parseRestQuery(QByteArray("a=eq.1"));
        QVERIFY(parsed.ok());
        QVERIFY(!parsed.value().selectGiven);
        QCOMPARE(parsed.value().select.size(), 1);
        QCOMPARE(parsed.value().select.at(0).kind, SelectItem::Kind::Star);
        QVERIFY(!parsed.value().hasAggregates());
    }

    void operatorNamesRoundTrip()
    {
        const QStringList names{u"eq"_qs, u"neq"_qs, u"gt"_qs, u"gte"_qs, u"lt"_qs, u"lte"_qs, u"like"_qs, u"ilike"_qs,
                                u"match"_qs, u"imatch"_qs, u"in"_qs, u"is"_qs, u"isdistinct"_qs, u"cs"_qs, u"cd"_qs,
                                u"ov"_qs, u"sl"_qs, u"sr"_qs, u"nxl"_qs, u"nxr"_qs, u"adj"_qs, u"fts"_qs, u"plfts"_qs,
                                u"phfts"_qs, u"wfts"_qs};
        for (const QString &name : names) {
            const auto op = opFromName(name);
            QVERIFY2(op.has_value(), qPrintable(name));
            QCOMPARE(opName(*op), name);
        }
        QVERIFY(!opFromName(u"EQ").has_value());
        QVERIFY(!opFromName(u"not").has_value());
    }
};

QTEST_GUILESS_MAIN(TestRestGrammar)
#include "tst_rest_grammar.moc"
