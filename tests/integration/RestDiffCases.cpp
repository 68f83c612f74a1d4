#include "RestDiffCases.h"

namespace tw::test {

namespace {

const QString kItems = QStringLiteral("items");
const QString kOrderItems = QStringLiteral("order items");
const QString kMany = QStringLiteral("many");

using P = QList<std::pair<QString, QString>>;

// A filter on items, ids only, in id order: what differs is which rows match.
DiffRequest where(const QString &name, const QString &column, const QString &value)
{
    return req(name, kItems, P{{QStringLiteral("select"), QStringLiteral("id")}, {column, value}, {QStringLiteral("order"), QStringLiteral("id")}});
}

DiffRequest selecting(const QString &name, const QString &select, const QString &table = kItems)
{
    return req(name, table, P{{QStringLiteral("select"), select}, {QStringLiteral("order"), QStringLiteral("id")}});
}

} // namespace

QList<DiffRequest> selectCases()
{
    return {
        req(QStringLiteral("star"), kItems, P{{QStringLiteral("order"), QStringLiteral("id")}}),
        req(QStringLiteral("no query at all"), kItems, {}),
        selecting(QStringLiteral("select star explicitly"), QStringLiteral("*")),
        selecting(QStringLiteral("select two columns"), QStringLiteral("id,name")),
        selecting(QStringLiteral("select aliases"), QStringLiteral("ident:id,label:name,m:mood")),
        selecting(QStringLiteral("select casts"), QStringLiteral("id,price::text,day::text,big::text,mood::text,uid::text,span::text")),
        selecting(QStringLiteral("select cast alias"), QStringLiteral("id,p:price::float8")),
        selecting(QStringLiteral("select json paths"), QStringLiteral("id,data->a->>b,first:data->arr->0,last:data->arr->>-1,data->n")),
        selecting(QStringLiteral("select json path on json"), QStringLiteral("id,doc->>k,doc->n")),
        selecting(QStringLiteral("select json unicode key"), QStringLiteral("id,data->>ü")),
        selecting(QStringLiteral("select json path cast"), QStringLiteral("id,n:data->>n::int")),
        selecting(QStringLiteral("select json missing key"), QStringLiteral("id,data->nope->>deeper")),
        selecting(QStringLiteral("select star and alias"), QStringLiteral("*,again:id")),
        selecting(QStringLiteral("select table with spaces"), QStringLiteral("id,item id,naïve col"), kOrderItems),
        req(QStringLiteral("table with spaces star"), kOrderItems, {}),
        req(QStringLiteral("column named t"), QStringLiteral("weird"), P{{QStringLiteral("order"), QStringLiteral("id")}}),
        selecting(QStringLiteral("alias named t"), QStringLiteral("id,t:name")),
        req(QStringLiteral("table with spaces filter"), kOrderItems, P{{QStringLiteral("item id"), QStringLiteral("eq.1")}}),
        req(QStringLiteral("table with spaces unicode filter"), kOrderItems, P{{QStringLiteral("naïve col"), QStringLiteral("eq.😀")}}),
        req(QStringLiteral("aggregate group by"), kItems,
            P{{QStringLiteral("select"), QStringLiteral("genre,price.sum(),count()")}, {QStringLiteral("order"), QStringLiteral("genre")}}),
        req(QStringLiteral("aggregates whole table"), kItems,
            P{{QStringLiteral("select"), QStringLiteral("total:price.sum()::text,top:id.max(),price.avg(),big.min()")},
              {QStringLiteral("id"), QStringLiteral("lt.5")}}),
        req(QStringLiteral("aggregate count only"), kItems, P{{QStringLiteral("select"), QStringLiteral("count()")}}),
        req(QStringLiteral("aggregate count column"), kItems, P{{QStringLiteral("select"), QStringLiteral("flag.count()")}}),
        req(QStringLiteral("aggregate cast input"), kItems,
            P{{QStringLiteral("select"), QStringLiteral("genre,n:data->>n::int.sum()")}, {QStringLiteral("order"), QStringLiteral("genre")}}),
        req(QStringLiteral("aggregate filtered"), kItems,
            P{{QStringLiteral("select"), QStringLiteral("mood,c:count()")}, {QStringLiteral("flag"), QStringLiteral("is.true")},
              {QStringLiteral("order"), QStringLiteral("mood")}}),
        req(QStringLiteral("aggregate many"), kMany,
            P{{QStringLiteral("select"), QStringLiteral("v,count(),id.max(),id.min()")}, {QStringLiteral("order"), QStringLiteral("v")}}),
    };
}

QList<DiffRequest> filterCases()
{
    return {
        where(QStringLiteral("eq"), QStringLiteral("id"), QStringLiteral("eq.1")),
        where(QStringLiteral("neq"), QStringLiteral("id"), QStringLiteral("neq.1")),
        where(QStringLiteral("gt"), QStringLiteral("id"), QStringLiteral("gt.3")),
        where(QStringLiteral("gte numeric"), QStringLiteral("price"), QStringLiteral("gte.2.25")),
        where(QStringLiteral("lt"), QStringLiteral("id"), QStringLiteral("lt.2")),
        where(QStringLiteral("lte"), QStringLiteral("id"), QStringLiteral("lte.2")),
        where(QStringLiteral("eq timestamptz"), QStringLiteral("at"), QStringLiteral("eq.2024-02-02T22:00:00Z")),
        where(QStringLiteral("gt timestamptz offset"), QStringLiteral("at"), QStringLiteral("gt.2024-02-03T00:00:00+02:00")),
        where(QStringLiteral("gt date"), QStringLiteral("day"), QStringLiteral("gt.2025-01-01")),
        where(QStringLiteral("eq enum"), QStringLiteral("mood"), QStringLiteral("eq.happy")),
        where(QStringLiteral("gt enum (enum order)"), QStringLiteral("mood"), QStringLiteral("gt.sad")),
        where(QStringLiteral("eq uuid"), QStringLiteral("uid"), QStringLiteral("eq.b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12")),
        where(QStringLiteral("eq bytea hex"), QStringLiteral("raw"), QStringLiteral("eq.\\x68656c6c6f")),
        where(QStringLiteral("eq double infinity"), QStringLiteral("ratio"), QStringLiteral("eq.Infinity")),
        where(QStringLiteral("eq double nan"), QStringLiteral("ratio"), QStringLiteral("eq.NaN")),
        where(QStringLiteral("eq empty string"), QStringLiteral("name"), QStringLiteral("eq.")),
        where(QStringLiteral("eq unicode"), QStringLiteral("name"), QStringLiteral("eq.Ünïcödé 😀 名前")),
        where(QStringLiteral("like star"), QStringLiteral("name"), QStringLiteral("like.*a*")),
        where(QStringLiteral("like percent"), QStringLiteral("name"), QStringLiteral("like.%a%")),
        where(QStringLiteral("like case-sensitive"), QStringLiteral("name"), QStringLiteral("like.A*")),
        where(QStringLiteral("ilike"), QStringLiteral("name"), QStringLiteral("ilike.*A")),
        where(QStringLiteral("ilike unicode"), QStringLiteral("name"), QStringLiteral("ilike.*ünï*")),
        where(QStringLiteral("match"), QStringLiteral("name"), QStringLiteral("match.^[A-Z]")),
        where(QStringLiteral("imatch"), QStringLiteral("name"), QStringLiteral("imatch.^B")),
        where(QStringLiteral("in"), QStringLiteral("id"), QStringLiteral("in.(1,3)")),
        where(QStringLiteral("in quoted"), QStringLiteral("name"), QStringLiteral("in.(\"O'Brien\",\"it's \\\"quoted\\\", ok\")")),
        where(QStringLiteral("in empty"), QStringLiteral("id"), QStringLiteral("in.()")),
        where(QStringLiteral("in enum"), QStringLiteral("mood"), QStringLiteral("in.(sad,ok)")),
        where(QStringLiteral("in with spaces"), QStringLiteral("name"), QStringLiteral("in.(Gamma ray, beta)")),
        where(QStringLiteral("is true"), QStringLiteral("flag"), QStringLiteral("is.true")),
        where(QStringLiteral("is false"), QStringLiteral("flag"), QStringLiteral("is.false")),
        where(QStringLiteral("is null"), QStringLiteral("flag"), QStringLiteral("is.null")),
        where(QStringLiteral("is unknown"), QStringLiteral("flag"), QStringLiteral("is.unknown")),
        where(QStringLiteral("is NULL upper"), QStringLiteral("flag"), QStringLiteral("is.NULL")),
        where(QStringLiteral("is null on text"), QStringLiteral("genre"), QStringLiteral("is.null")),
        where(QStringLiteral("isdistinct"), QStringLiteral("big"), QStringLiteral("isdistinct.10")),
        where(QStringLiteral("cs array"), QStringLiteral("tags"), QStringLiteral("cs.{3}")),
        where(QStringLiteral("cd array"), QStringLiteral("tags"), QStringLiteral("cd.{1,2,3,4}")),
        where(QStringLiteral("ov array"), QStringLiteral("tags"), QStringLiteral("ov.{3,5}")),
        where(QStringLiteral("cs text array quoted"), QStringLiteral("words"), QStringLiteral("cs.{\"comma,here\"}")),
        where(QStringLiteral("eq array"), QStringLiteral("tags"), QStringLiteral("eq.{3,4}")),
        where(QStringLiteral("cs jsonb"), QStringLiteral("data"), QStringLiteral("cs.{\"n\":5}")),
        where(QStringLiteral("cd jsonb"), QStringLiteral("data"), QStringLiteral("cd.{\"n\":4,\"a\":{\"b\":\"x\"}}")),
        where(QStringLiteral("cs range"), QStringLiteral("span"), QStringLiteral("cs.[2,3]")),
        where(QStringLiteral("cd range"), QStringLiteral("span"), QStringLiteral("cd.[0,12)")),
        where(QStringLiteral("ov range"), QStringLiteral("span"), QStringLiteral("ov.[4,6)")),
        where(QStringLiteral("sl"), QStringLiteral("span"), QStringLiteral("sl.[10,20)")),
        where(QStringLiteral("sr"), QStringLiteral("span"), QStringLiteral("sr.[0,1)")),
        where(QStringLiteral("nxl"), QStringLiteral("span"), QStringLiteral("nxl.[0,10)")),
        where(QStringLiteral("nxr"), QStringLiteral("span"), QStringLiteral("nxr.[4,100)")),
        where(QStringLiteral("adj"), QStringLiteral("span"), QStringLiteral("adj.[10,20)")),
        where(QStringLiteral("cs tstzrange"), QStringLiteral("period"), QStringLiteral("cs.2024-01-15T00:00:00Z")),
        where(QStringLiteral("ov tstzrange"), QStringLiteral("period"), QStringLiteral("ov.[2024-01-20T00:00:00Z,2024-02-10T00:00:00Z)")),
        where(QStringLiteral("fts tsvector"), QStringLiteral("body"), QStringLiteral("fts(english).fox")),
        where(QStringLiteral("fts and"), QStringLiteral("body"), QStringLiteral("fts(english).quick & brown")),
        where(QStringLiteral("fts no language"), QStringLiteral("body"), QStringLiteral("fts.quick")),
        where(QStringLiteral("plfts"), QStringLiteral("body"), QStringLiteral("plfts(english).quick fox")),
        where(QStringLiteral("phfts"), QStringLiteral("body"), QStringLiteral("phfts(english).quick brown")),
        where(QStringLiteral("wfts"), QStringLiteral("body"), QStringLiteral("wfts(english).quick -brown")),
        where(QStringLiteral("fts text column"), QStringLiteral("name"), QStringLiteral("fts(english).ray")),
        where(QStringLiteral("plfts text default language"), QStringLiteral("name"), QStringLiteral("plfts.gamma")),
        where(QStringLiteral("json path text filter"), QStringLiteral("data->>n"), QStringLiteral("eq.2")),
        where(QStringLiteral("json nested path filter"), QStringLiteral("data->a->>b"), QStringLiteral("eq.x")),
        where(QStringLiteral("json path jsonb filter"), QStringLiteral("data->n"), QStringLiteral("gt.3")),
        where(QStringLiteral("json path on json filter"), QStringLiteral("doc->>k"), QStringLiteral("eq.w")),
        where(QStringLiteral("not in"), QStringLiteral("id"), QStringLiteral("not.in.(1,2)")),
        where(QStringLiteral("not like"), QStringLiteral("name"), QStringLiteral("not.like.A*")),
        where(QStringLiteral("not is null"), QStringLiteral("flag"), QStringLiteral("not.is.null")),
        where(QStringLiteral("not eq (nulls stay out)"), QStringLiteral("big"), QStringLiteral("not.eq.10")),
        where(QStringLiteral("not cs"), QStringLiteral("tags"), QStringLiteral("not.cs.{3}")),
        where(QStringLiteral("not fts"), QStringLiteral("body"), QStringLiteral("not.fts(english).fox")),
        where(QStringLiteral("not isdistinct"), QStringLiteral("big"), QStringLiteral("not.isdistinct.10")),
        where(QStringLiteral("eq any"), QStringLiteral("id"), QStringLiteral("eq(any).{1,3}")),
        where(QStringLiteral("like any"), QStringLiteral("name"), QStringLiteral("like(any).{A*,b*}")),
        where(QStringLiteral("like all"), QStringLiteral("name"), QStringLiteral("like(all).{*a*,*m*}")),
        where(QStringLiteral("ilike all"), QStringLiteral("name"), QStringLiteral("ilike(all).{*a*,*r*}")),
        where(QStringLiteral("ilike any quoted"), QStringLiteral("name"), QStringLiteral("ilike(any).{\"*quoted\\\"*\",o*}")),
        where(QStringLiteral("gt all"), QStringLiteral("id"), QStringLiteral("gt(all).{1,2}")),
        where(QStringLiteral("match any"), QStringLiteral("name"), QStringLiteral("match(any).{^A,^O}")),
        where(QStringLiteral("not eq any"), QStringLiteral("id"), QStringLiteral("not.eq(any).{1,3}")),
        where(QStringLiteral("not like all"), QStringLiteral("name"), QStringLiteral("not.like(all).{*a*,*m*}")),
        where(QStringLiteral("injection value bound"), QStringLiteral("name"), QStringLiteral("eq.'; DROP TABLE items; --")),
        where(QStringLiteral("percent and plus value"), QStringLiteral("name"), QStringLiteral("eq.50% + 1")),
        req(QStringLiteral("same column twice"), kItems,
            P{{QStringLiteral("select"), QStringLiteral("id")}, {QStringLiteral("id"), QStringLiteral("gt.1")},
              {QStringLiteral("id"), QStringLiteral("lt.4")}}),
        rawReq(QStringLiteral("plus is a space"), kItems, "select=id&name=eq.Gamma+ray"),
        rawReq(QStringLiteral("encoded plus is a plus"), kItems, "select=id&name=eq.Gamma%2Bray"),
        rawReq(QStringLiteral("literal characters unencoded"), kItems, "select=id,name&name=in.(\"O'Brien\",beta)&order=id.desc"),
        rawReq(QStringLiteral("quoted in list with commas raw"), kItems, "select=id&name=in.(%22it's%20%5C%22quoted%5C%22,%20ok%22)"),
    };
}

QList<DiffRequest> shapeCases()
{
    const QString kSelect = QStringLiteral("select");
    const QString kOrder = QStringLiteral("order");
    const QString kId = QStringLiteral("id");
    const Headers exact{{"Prefer", "count=exact"}};
    return {
        req(QStringLiteral("or with nested and"), kItems,
            P{{kSelect, kId}, {QStringLiteral("or"), QStringLiteral("(id.eq.1,and(id.gt.3,flag.is.false))")}, {kOrder, kId}}),
        req(QStringLiteral("not.or"), kItems, P{{kSelect, kId}, {QStringLiteral("not.or"), QStringLiteral("(id.eq.1,id.eq.2)")}, {kOrder, kId}}),
        req(QStringLiteral("filter and or"), kItems,
            P{{kSelect, kId}, {kId, QStringLiteral("lt.5")}, {QStringLiteral("or"), QStringLiteral("(flag.is.true,flag.is.null)")}, {kOrder, kId}}),
        req(QStringLiteral("and with nested or"), kItems,
            P{{kSelect, kId}, {QStringLiteral("and"), QStringLiteral("(id.gte.2,or(name.ilike.*ray,id.eq.5))")}, {kOrder, kId}}),
        req(QStringLiteral("not.and inside or"), kItems,
            P{{kSelect, kId}, {QStringLiteral("or"), QStringLiteral("(id.eq.5,not.and(id.gt.1,id.lt.5))")}, {kOrder, kId}}),
        req(QStringLiteral("or with quoted comma"), kItems,
            P{{kSelect, kId}, {QStringLiteral("or"), QStringLiteral("(name.eq.\"it's \\\"quoted\\\", ok\",id.eq.1)")}, {kOrder, kId}}),
        req(QStringLiteral("or three deep"), kItems,
            P{{kSelect, kId},
              {QStringLiteral("or"), QStringLiteral("(and(id.gt.1,or(mood.eq.sad,and(tags.cs.{5},span.sl.[100,200)))),id.eq.7)")},
              {kOrder, kId}}),
        req(QStringLiteral("or with operators inside"), kItems,
            P{{kSelect, kId},
              {QStringLiteral("or"), QStringLiteral("(body.fts(english).fox,data->>n.eq.2,name.like(any).{O*,G*},tags.ov.{3})")},
              {kOrder, kId}}),
        req(QStringLiteral("order desc nullslast"), kItems, P{{kSelect, kId}, {kOrder, QStringLiteral("big.desc.nullslast,id")}}),
        req(QStringLiteral("order asc nullsfirst"), kItems, P{{kSelect, kId}, {kOrder, QStringLiteral("big.asc.nullsfirst,id")}}),
        req(QStringLiteral("order desc default nulls"), kItems, P{{kSelect, kId}, {kOrder, QStringLiteral("big.desc,id")}}),
        req(QStringLiteral("order two keys"), kItems, P{{kSelect, QStringLiteral("id,genre")}, {kOrder, QStringLiteral("genre,id.desc")}}),
        req(QStringLiteral("order json path"), kItems, P{{kSelect, kId}, {kOrder, QStringLiteral("data->n.desc.nullslast,id")}}),
        req(QStringLiteral("order json text path"), kItems, P{{kSelect, kId}, {kOrder, QStringLiteral("data->>n.asc.nullsfirst,id")}}),
        req(QStringLiteral("order enum"), kItems, P{{kSelect, QStringLiteral("id,mood")}, {kOrder, QStringLiteral("mood.desc,id")}}),
        req(QStringLiteral("order unicode text"), kItems, P{{kSelect, QStringLiteral("id,name")}, {kOrder, QStringLiteral("name.asc")}}),
        req(QStringLiteral("limit offset"), kItems, P{{kOrder, kId}, {QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("offset"), QStringLiteral("1")}}),
        req(QStringLiteral("limit zero"), kItems, P{{QStringLiteral("limit"), QStringLiteral("0")}}),
        req(QStringLiteral("offset past end without count"), kItems, P{{QStringLiteral("offset"), QStringLiteral("10")}}),
        req(QStringLiteral("offset at end with count"), kItems, P{{QStringLiteral("offset"), QStringLiteral("7")}}, exact),
        req(QStringLiteral("offset past end with count"), kItems, P{{QStringLiteral("offset"), QStringLiteral("100")}}, exact),
        req(QStringLiteral("limit with exact count"), kItems, P{{kSelect, kId}, {kOrder, kId}, {QStringLiteral("limit"), QStringLiteral("2")}}, exact),
        req(QStringLiteral("exact count whole"), kItems, P{{kSelect, kId}, {kOrder, kId}}, exact),
        req(QStringLiteral("exact count empty"), kItems, P{{kSelect, kId}, {kId, QStringLiteral("gt.100")}}, exact),
        req(QStringLiteral("exact count filtered"), kItems, P{{kSelect, kId}, {QStringLiteral("genre"), QStringLiteral("eq.rock")}, {QStringLiteral("limit"), QStringLiteral("1")}}, exact),
        req(QStringLiteral("head exact"), kItems, P{{kSelect, kId}}, exact, "HEAD"),
        req(QStringLiteral("head exact filtered"), kItems, P{{QStringLiteral("flag"), QStringLiteral("is.true")}}, exact, "HEAD"),
        req(QStringLiteral("head no count"), kItems, {}, {}, "HEAD"),
        req(QStringLiteral("head planned many"), kMany, P{{QStringLiteral("limit"), QStringLiteral("5")}}, {{"Prefer", "count=planned"}}, "HEAD"),
        req(QStringLiteral("head estimated many"), kMany, P{{QStringLiteral("limit"), QStringLiteral("5")}}, {{"Prefer", "count=estimated"}}, "HEAD"),
        req(QStringLiteral("planned many filtered"), kMany, P{{kSelect, kId}, {QStringLiteral("v"), QStringLiteral("eq.3")}, {QStringLiteral("limit"), QStringLiteral("3")}, {kOrder, kId}},
            {{"Prefer", "count=planned"}}),
        req(QStringLiteral("estimated small table is exact"), kItems, P{{kSelect, kId}, {QStringLiteral("limit"), QStringLiteral("2")}, {kOrder, kId}},
            {{"Prefer", "count=estimated"}}),
        req(QStringLiteral("many capped at max rows"), kMany, P{{kSelect, kId}, {kOrder, kId}}),
        req(QStringLiteral("many capped with count"), kMany, P{{kSelect, kId}, {kOrder, kId}}, exact),
        req(QStringLiteral("many limit above cap"), kMany, P{{kSelect, kId}, {kOrder, kId}, {QStringLiteral("limit"), QStringLiteral("2000")}}),
        req(QStringLiteral("range header"), kItems, P{{kSelect, kId}, {kOrder, kId}}, {{"Range", "1-2"}}),
        req(QStringLiteral("range header open end with count"), kItems, P{{kSelect, kId}, {kOrder, kId}},
            {{"Range", "2-"}, {"Range-Unit", "items"}, {"Prefer", "count=exact"}}),
        req(QStringLiteral("range header with limit"), kItems, P{{kSelect, kId}, {kOrder, kId}, {QStringLiteral("limit"), QStringLiteral("2")}}, {{"Range", "1-5"}}),
        req(QStringLiteral("range header with offset"), kItems, P{{kSelect, kId}, {kOrder, kId}, {QStringLiteral("offset"), QStringLiteral("2")}}, {{"Range", "0-3"}}),
        req(QStringLiteral("range header past end with count"), kItems, P{{kSelect, kId}}, {{"Range", "10-20"}, {"Prefer", "count=exact"}}),
        req(QStringLiteral("range header backwards"), kItems, P{{kSelect, kId}}, {{"Range", "5-2"}}),
        req(QStringLiteral("range header garbage is ignored"), kItems, P{{kSelect, kId}, {kOrder, kId}}, {{"Range", "abc"}}),
        req(QStringLiteral("prefer two headers"), kItems, P{{kSelect, kId}, {QStringLiteral("limit"), QStringLiteral("1")}, {kOrder, kId}},
            {{"Prefer", "handling=lenient"}, {"Prefer", "count=exact"}}),
        req(QStringLiteral("prefer comma joined"), kItems, P{{kSelect, kId}, {QStringLiteral("limit"), QStringLiteral("1")}, {kOrder, kId}},
            {{"Prefer", "count=exact, handling=lenient"}}),
        req(QStringLiteral("prefer strict with a valid preference"), kItems, P{{kSelect, kId}, {kOrder, kId}},
            {{"Prefer", "handling=strict, count=exact"}}),
        req(QStringLiteral("prefer unknown lenient"), kItems, P{{kSelect, kId}, {kOrder, kId}}, {{"Prefer", "foo=bar"}}),
        req(QStringLiteral("prefer return on a read"), kItems, P{{kSelect, kId}, {kOrder, kId}}, {{"Prefer", "return=representation"}}),
        req(QStringLiteral("prefer tx rollback on a read"), kItems, P{{kSelect, kId}, {kOrder, kId}}, {{"Prefer", "tx=rollback"}}),
    };
}

QList<DiffRequest> errorCases()
{
    const QString kSelect = QStringLiteral("select");
    return {
        req(QStringLiteral("unknown column in select"), kItems, P{{kSelect, QStringLiteral("id,nope")}}),
        req(QStringLiteral("unknown column in filter"), kItems, P{{QStringLiteral("nope"), QStringLiteral("eq.1")}}),
        req(QStringLiteral("unknown column in order"), kItems, P{{QStringLiteral("order"), QStringLiteral("id,nope.desc")}}),
        req(QStringLiteral("unknown column in or"), kItems, P{{QStringLiteral("or"), QStringLiteral("(id.eq.1,nope.eq.2)")}}),
        req(QStringLiteral("unknown column in json path"), kItems, P{{kSelect, QStringLiteral("nope->a")}}),
        req(QStringLiteral("unknown column in aggregate"), kItems, P{{kSelect, QStringLiteral("nope.sum()")}}),
        req(QStringLiteral("bad operator"), kItems, P{{QStringLiteral("id"), QStringLiteral("foo.1")}}),
        req(QStringLiteral("missing operator"), kItems, P{{QStringLiteral("id"), QStringLiteral("1")}}),
        req(QStringLiteral("bad value 22P02 int"), kItems, P{{QStringLiteral("id"), QStringLiteral("eq.abc")}}),
        req(QStringLiteral("bad value 22P02 uuid"), kItems, P{{QStringLiteral("uid"), QStringLiteral("eq.not-a-uuid")}}),
        req(QStringLiteral("bad value enum"), kItems, P{{QStringLiteral("mood"), QStringLiteral("eq.angry")}}),
        req(QStringLiteral("bad value timestamptz"), kItems, P{{QStringLiteral("at"), QStringLiteral("gt.yesterday-ish")}}),
        req(QStringLiteral("bad value array"), kItems, P{{QStringLiteral("tags"), QStringLiteral("cs.{x}")}}),
        req(QStringLiteral("bad value range"), kItems, P{{QStringLiteral("span"), QStringLiteral("ov.[5,1)")}}),
        req(QStringLiteral("bad value jsonb"), kItems, P{{QStringLiteral("data"), QStringLiteral("cs.{nope")}}),
        req(QStringLiteral("unknown fts language"), kItems, P{{QStringLiteral("body"), QStringLiteral("fts(klingon).fox")}}),
        req(QStringLiteral("operator without type support"), kItems, P{{QStringLiteral("doc"), QStringLiteral("eq.{}")}}),
        req(QStringLiteral("is with a bad value"), kItems, P{{QStringLiteral("flag"), QStringLiteral("is.maybe")}}),
        req(QStringLiteral("negative limit"), kItems, P{{QStringLiteral("limit"), QStringLiteral("-1")}}),
        req(QStringLiteral("bad order direction"), kItems, P{{QStringLiteral("order"), QStringLiteral("id.sideways")}}),
        req(QStringLiteral("unbalanced or"), kItems, P{{QStringLiteral("or"), QStringLiteral("(id.eq.1,id.eq.2")}}),
        req(QStringLiteral("empty or"), kItems, P{{QStringLiteral("or"), QStringLiteral("()")}}),
        req(QStringLiteral("bad select syntax"), kItems, P{{kSelect, QStringLiteral("id,,name")}}),
        req(QStringLiteral("unknown aggregate"), kItems, P{{kSelect, QStringLiteral("id.median()")}}),
        req(QStringLiteral("aggregate sum of text"), kItems, P{{kSelect, QStringLiteral("name.sum()")}}),
        req(QStringLiteral("cast to unknown type"), kItems, P{{kSelect, QStringLiteral("id::nosuchtype")}}),
        req(QStringLiteral("bad cast value"), kItems, P{{kSelect, QStringLiteral("name::int")}}),
        req(QStringLiteral("prefer strict with an unknown preference"), kItems, {}, {{"Prefer", "handling=strict, foo=bar"}}),
    };
}

} // namespace tw::test
