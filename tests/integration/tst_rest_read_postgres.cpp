// The REST read (data::readRestRows) on a real PostgreSQL 15: PostgREST
// query parameters, parsed by the real parser, read through the front door.
// Bodies are compared byte for byte with the server's own json_agg of the
// same rows, so the rendering of every type is PostgreSQL's.
#include "RestReadSupport.h"
#include "ScratchPostgres.h"
#include "data/RestSql.h"

using namespace tw;
using namespace tw::data;
using tw::test::idsOf;
using tw::test::Params;

namespace {

const QString kSetup = QStringLiteral(R"SQL(
CREATE TABLE items (
    id int PRIMARY KEY, big bigint, price numeric(10,2), name text, flag boolean, at timestamptz, day date,
    data jsonb, tags int[], span int4range, doc tsvector, genre text, secret text, "we""ird; col" text);
INSERT INTO items VALUES
 (1, 10, 1.50, 'Alpha', true, '2024-01-02 03:04:05.123+00', '2024-01-02',
  '{"a":{"b":"x"},"n":1,"arr":[10,20,30]}', '{1,2,3}', '[1,5)', to_tsvector('english','the quick brown fox'), 'rock', 's1', 'w1'),
 (2, 20, 2.25, 'beta', false, '2024-02-03 00:00:00+02', '2024-02-03',
  '{"a":{"b":"y"},"n":2,"arr":[1]}', '{3,4}', '[5,10)', to_tsvector('english','lazy dogs jumping'), 'jazz', 's2', 'w2'),
 (3, NULL, NULL, 'Gamma ray', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'rock', NULL, NULL),
 (4, 40, 100.00, 'it''s "quoted", ok', true, '2025-06-07 08:09:10+00', '2025-06-07',
  '{"a":{"b":"x"},"n":4}', '{}', 'empty', to_tsvector('english','foxes are quick'), 'jazz', 's4', 'w4'),
 (5, 50, 3.00, 'O''Brien', false, '2026-01-01 00:00:00+00', '2026-01-01',
  '{"n":5}', '{5}', '[20,30)', to_tsvector('english','slow turtles'), 'rock', 's5', 'w5');
CREATE TABLE many (id int PRIMARY KEY, v int);
INSERT INTO many SELECT g, g % 10 FROM generate_series(1, 20000) g;
ANALYZE many;
CREATE TABLE "Ünïcode table ü" (id int PRIMARY KEY, "naïve col" text);
INSERT INTO "Ünïcode table ü" VALUES (1, 'ä'), (2, '😀');
CREATE SCHEMA "sp ace";
CREATE TABLE "sp ace"."a table" (id int PRIMARY KEY, v text);
INSERT INTO "sp ace"."a table" VALUES (7, 'seven');
CREATE TABLE "dot.ted" (id int PRIMARY KEY);
INSERT INTO "dot.ted" VALUES (9);
)SQL");

const QString kAllColumns = QStringLiteral(
    "id, big, price, name, flag, at, day, data, tags, span, doc, genre, secret, \"we\"\"ird; col\"");

} // namespace

class TestRestReadPostgres : public QObject
{
    Q_OBJECT

    test::ScratchPostgres m_pg{QStringLiteral("tw_rest_read")};
    test::DataHarness m_db;

    Result<RestRows> read(const Params &params, const RestReadOptions &options = {}, const QString &table = QStringLiteral("items"))
    {
        return test::restRead(m_db, table, params, options);
    }

    // The server's own rendering of `select` (a select list and the rest of the query).
    QByteArray direct(const QString &select, const QString &rest = QStringLiteral("ORDER BY id"))
    {
        return m_db.scalar(QStringLiteral("SELECT coalesce(json_agg(t), '[]')::text FROM (SELECT %1 FROM items %2) t").arg(select, rest))
            .toUtf8();
    }

    QList<int> ids(const Params &params, const RestReadOptions &options = {})
    {
        Params ordered = params;
        ordered << std::pair{QStringLiteral("order"), QStringLiteral("id")};
        auto result = read(ordered, options);
        if (!result.ok()) {
            qWarning() << result.error().toString();
            return {-2};
        }
        return idsOf(result.value().body);
    }

    void verifyIntact()
    {
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM items")), QStringLiteral("5"));
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")), QStringLiteral("4"));
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
        auto profile = m_pg.createDatabase();
        QVERIFY(test::runScript(profile, kSetup).ok());
        QVERIFY(m_db.open(profile).ok());
    }

    void cleanupTestCase()
    {
        m_db.registry.closeAll();
        m_pg.dropAll();
    }

    void starIsTheServersOwnRenderingOfEveryType()
    {
        auto result = read({{QStringLiteral("order"), QStringLiteral("id")}});
        TW_REST_OK(result);
        QCOMPARE(result.value().body, direct(kAllColumns));
        QCOMPARE(result.value().rows, 5);
        QCOMPARE(result.value().rangeStart, 0);
        QCOMPARE(result.value().rangeEnd, 4);
        QVERIFY(!result.value().total.has_value());
        // The quoted identifier is a key of its own.
        QVERIFY(result.value().body.contains("\"we\\\"ird; col\":\"w1\""));
    }

    void selectsAliasesCastsAndJsonPaths()
    {
        auto result = read({{QStringLiteral("select"), QStringLiteral("ident:id,price::text,data->a->>b,first:data->arr->0,"
                                                                      "last:data->arr->>-1,d:day::text,span")},
                            {QStringLiteral("order"), QStringLiteral("id")}});
        TW_REST_OK(result);
        QCOMPARE(result.value().body,
                 direct(QStringLiteral("id AS ident, price::text AS price, data->'a'->>'b' AS b, data->'arr'->0 AS first, "
                                       "data->'arr'->>-1 AS last, day::text AS d, span")));
        auto quoted = read({{QStringLiteral("select"), QStringLiteral("id,\"we\\\"ird; col\"")}, {QStringLiteral("id"), QStringLiteral("eq.1")}});
        TW_REST_OK(quoted);
        QCOMPARE(quoted.value().body, QByteArray("[{\"id\":1,\"we\\\"ird; col\":\"w1\"}]"));
    }

    void eachOperator_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QList<int>>("expected");
        auto row = [](const char *name, const char *key, const QString &value, QList<int> expected) {
            QTest::newRow(name) << QString::fromUtf8(key) << value << expected;
        };
        row("eq", "id", QStringLiteral("eq.1"), {1});
        row("neq", "id", QStringLiteral("neq.1"), {2, 3, 4, 5});
        row("gt", "id", QStringLiteral("gt.3"), {4, 5});
        row("gte numeric", "price", QStringLiteral("gte.2.25"), {2, 4, 5});
        row("lt", "id", QStringLiteral("lt.2"), {1});
        row("lte", "id", QStringLiteral("lte.2"), {1, 2});
        row("eq timestamptz", "at", QStringLiteral("eq.2024-02-02T22:00:00Z"), {2});
        row("gt date", "day", QStringLiteral("gt.2025-01-01"), {4, 5});
        row("like star", "name", QStringLiteral("like.*a*"), {1, 2, 3});
        row("like is case-sensitive", "name", QStringLiteral("like.A*"), {1});
        row("like on integer", "big", QStringLiteral("like.*0"), {1, 2, 4, 5});
        row("ilike", "name", QStringLiteral("ilike.*A"), {1, 2});
        row("match", "name", QStringLiteral("match.^[A-Z]"), {1, 3, 5});
        row("imatch", "name", QStringLiteral("imatch.^B"), {2});
        row("in", "id", QStringLiteral("in.(1,3)"), {1, 3});
        row("in quoted", "name", QStringLiteral("in.(\"O'Brien\",\"it's \\\"quoted\\\", ok\")"), {4, 5});
        row("in empty", "id", QStringLiteral("in.()"), {});
        row("is true", "flag", QStringLiteral("is.true"), {1, 4});
        row("is false", "flag", QStringLiteral("is.false"), {2, 5});
        row("is null", "flag", QStringLiteral("is.null"), {3});
        row("is not_null", "flag", QStringLiteral("is.not_null"), {1, 2, 4, 5});
        row("is unknown", "flag", QStringLiteral("is.unknown"), {3});
        row("isdistinct", "big", QStringLiteral("isdistinct.10"), {2, 3, 4, 5});
        row("cs array", "tags", QStringLiteral("cs.{3}"), {1, 2});
        row("cd array", "tags", QStringLiteral("cd.{1,2,3,4}"), {1, 2, 4});
        row("ov array", "tags", QStringLiteral("ov.{3,5}"), {1, 2, 5});
        row("cs jsonb", "data", QStringLiteral("cs.{\"n\":5}"), {5});
        row("cs range", "span", QStringLiteral("cs.[2,3]"), {1});
        row("ov range", "span", QStringLiteral("ov.[4,6)"), {1, 2});
        row("sl", "span", QStringLiteral("sl.[10,20)"), {1, 2});
        row("sr", "span", QStringLiteral("sr.[0,1)"), {1, 2, 5});
        // nxl is &> (does not extend to the left of), nxr is &< (… to the right of).
        row("nxl", "span", QStringLiteral("nxl.[5,10)"), {2, 5});
        row("nxr", "span", QStringLiteral("nxr.[4,10)"), {1, 2});
        row("adj", "span", QStringLiteral("adj.[10,20)"), {2, 5});
        row("fts tsvector", "doc", QStringLiteral("fts(english).fox"), {1, 4});
        row("fts and", "doc", QStringLiteral("fts(english).quick & brown"), {1});
        row("plfts", "doc", QStringLiteral("plfts(english).quick fox"), {1, 4});
        row("phfts", "doc", QStringLiteral("phfts(english).quick brown"), {1});
        row("wfts", "doc", QStringLiteral("wfts(english).quick -brown"), {4});
        row("fts text column", "name", QStringLiteral("fts(english).ray"), {3});
        row("fts default language", "name", QStringLiteral("plfts.gamma"), {3});
        row("json path text", "data->>n", QStringLiteral("eq.2"), {2});
        row("json nested path", "data->a->>b", QStringLiteral("eq.x"), {1, 4});
        row("json path jsonb", "data->n", QStringLiteral("gt.3"), {4, 5});
        row("not in", "id", QStringLiteral("not.in.(1,2)"), {3, 4, 5});
        row("not like", "name", QStringLiteral("not.like.A*"), {2, 3, 4, 5});
        row("not is null", "flag", QStringLiteral("not.is.null"), {1, 2, 4, 5});
        row("not eq (null stays out)", "big", QStringLiteral("not.eq.10"), {2, 4, 5});
        row("eq any", "id", QStringLiteral("eq(any).{1,3}"), {1, 3});
        row("like any", "name", QStringLiteral("like(any).{A*,b*}"), {1, 2});
        row("ilike all", "name", QStringLiteral("ilike(all).{*a*,*r*}"), {3});
        row("gt all", "id", QStringLiteral("gt(all).{1,2}"), {3, 4, 5});
        row("not eq any", "id", QStringLiteral("not.eq(any).{1,3}"), {2, 4, 5});
        row("value with injection is bound", "name", QStringLiteral("eq.'; DROP TABLE items; --"), {});
        row("value with percent and plus", "name", QStringLiteral("eq.50% + 1"), {});
    }

    void eachOperator()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QList<int>, expected);
        QCOMPARE(ids({{key, value}}), expected);
        verifyIntact();
    }

    void logicTrees_data()
    {
        QTest::addColumn<Params>("params");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("or with nested and") << Params{{QStringLiteral("or"), QStringLiteral("(id.eq.1,and(id.gt.3,flag.is.false))")}}
                                            << QList<int>{1, 5};
        QTest::newRow("not.or") << Params{{QStringLiteral("not.or"), QStringLiteral("(id.eq.1,id.eq.2)")}} << QList<int>{3, 4, 5};
        QTest::newRow("filter and or") << Params{{QStringLiteral("id"), QStringLiteral("lt.5")},
                                                 {QStringLiteral("or"), QStringLiteral("(flag.is.true,flag.is.null)")}}
                                       << QList<int>{1, 3, 4};
        QTest::newRow("and with nested or") << Params{{QStringLiteral("and"), QStringLiteral("(id.gte.2,or(name.ilike.*ray,id.eq.5))")}}
                                            << QList<int>{3, 5};
        QTest::newRow("not.and in or") << Params{{QStringLiteral("or"), QStringLiteral("(id.eq.5,not.and(id.gt.1,id.lt.5))")}}
                                       << QList<int>{1, 5};
        QTest::newRow("quoted value with comma in or")
            << Params{{QStringLiteral("or"), QStringLiteral("(name.eq.\"it's \\\"quoted\\\", ok\",id.eq.1)")}} << QList<int>{1, 4};
        QTest::newRow("same column twice") << Params{{QStringLiteral("id"), QStringLiteral("gt.1")}, {QStringLiteral("id"), QStringLiteral("lt.4")}}
                                           << QList<int>{2, 3};
    }

    void logicTrees()
    {
        QFETCH(Params, params);
        QFETCH(QList<int>, expected);
        QCOMPARE(ids(params), expected);
    }

    void orderWithNulls_data()
    {
        QTest::addColumn<QString>("order");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("desc nullslast") << QStringLiteral("big.desc.nullslast,id") << QList<int>{5, 4, 2, 1, 3};
        QTest::newRow("asc nullsfirst") << QStringLiteral("big.asc.nullsfirst") << QList<int>{3, 1, 2, 4, 5};
        QTest::newRow("desc (nulls first by default)") << QStringLiteral("big.desc") << QList<int>{3, 5, 4, 2, 1};
        QTest::newRow("two keys") << QStringLiteral("genre,id.desc") << QList<int>{4, 2, 5, 3, 1};
        QTest::newRow("json path") << QStringLiteral("data->n.desc.nullslast") << QList<int>{5, 4, 2, 1, 3};
    }

    void orderWithNulls()
    {
        QFETCH(QString, order);
        QFETCH(QList<int>, expected);
        auto result = read({{QStringLiteral("select"), QStringLiteral("id")}, {QStringLiteral("order"), order}});
        TW_REST_OK(result);
        QCOMPARE(idsOf(result.value().body), expected);
    }

    void limitOffsetAndMaxRows()
    {
        auto page = read({{QStringLiteral("order"), QStringLiteral("id")}, {QStringLiteral("limit"), QStringLiteral("2")},
                          {QStringLiteral("offset"), QStringLiteral("1")}});
        TW_REST_OK(page);
        QCOMPARE(idsOf(page.value().body), (QList<int>{2, 3}));
        QCOMPARE(page.value().body, direct(kAllColumns, QStringLiteral("ORDER BY id LIMIT 2 OFFSET 1")));
        QCOMPARE(page.value().rows, 2);
        QCOMPARE(page.value().rangeStart, 1);
        QCOMPARE(page.value().rangeEnd, 2);

        RestReadOptions capped;
        capped.maxRows = 3;
        QCOMPARE(ids({{QStringLiteral("limit"), QStringLiteral("10")}}, capped), (QList<int>{1, 2, 3}));
        QCOMPARE(ids({}, capped), (QList<int>{1, 2, 3}));
        QCOMPARE(ids({{QStringLiteral("limit"), QStringLiteral("2")}}, capped), (QList<int>{1, 2}));

        auto none = read({{QStringLiteral("limit"), QStringLiteral("0")}});
        TW_REST_OK(none);
        QCOMPARE(none.value().body, QByteArray("[]"));
        auto past = read({{QStringLiteral("offset"), QStringLiteral("10")}}, test::counting(RestCount::Exact));
        TW_REST_OK(past);
        QCOMPARE(past.value().body, QByteArray("[]"));
        QCOMPARE(past.value().rows, 0);
        QCOMPARE(past.value().rangeStart, 10);
        QCOMPARE(past.value().total, std::optional<qint64>(5));
    }

    void counts()
    {
        const Params filtered{{QStringLiteral("id"), QStringLiteral("gt.1")}, {QStringLiteral("limit"), QStringLiteral("1")}};
        auto exact = read(filtered, test::counting(RestCount::Exact));
        TW_REST_OK(exact);
        QCOMPARE(exact.value().rows, 1);
        QCOMPARE(exact.value().total, std::optional<qint64>(4));
        QVERIFY(!exact.value().totalIsEstimate);

        // The planner's guess on an analysed table of 20000 rows.
        RestReadOptions planned = test::counting(RestCount::Planned);
        auto guess = read({{QStringLiteral("limit"), QStringLiteral("5")}}, planned, QStringLiteral("many"));
        TW_REST_OK(guess);
        QVERIFY(guess.value().totalIsEstimate);
        QVERIFY2(qAbs(*guess.value().total - 20000) < 2000, qPrintable(QString::number(*guess.value().total)));
        auto guessFiltered = read({{QStringLiteral("v"), QStringLiteral("eq.3")}, {QStringLiteral("limit"), QStringLiteral("1")}},
                                  planned, QStringLiteral("many"));
        TW_REST_OK(guessFiltered);
        QVERIFY2(qAbs(*guessFiltered.value().total - 2000) < 500, qPrintable(QString::number(*guessFiltered.value().total)));

        // Estimated: exact below the threshold, the planner's above it.
        RestReadOptions estimated = test::counting(RestCount::Estimated);
        estimated.estimateThreshold = 100000;
        auto small = read({{QStringLiteral("v"), QStringLiteral("eq.3")}, {QStringLiteral("limit"), QStringLiteral("1")}},
                          estimated, QStringLiteral("many"));
        TW_REST_OK(small);
        QCOMPARE(small.value().total, std::optional<qint64>(2000));
        QVERIFY(!small.value().totalIsEstimate);
        estimated.estimateThreshold = 100;
        auto large = read({{QStringLiteral("limit"), QStringLiteral("1")}}, estimated, QStringLiteral("many"));
        TW_REST_OK(large);
        QVERIFY(large.value().totalIsEstimate);

        // Counting groups when aggregating.
        auto groups = read({{QStringLiteral("select"), QStringLiteral("genre,count()")}}, test::counting(RestCount::Exact));
        TW_REST_OK(groups);
        QCOMPARE(groups.value().total, std::optional<qint64>(2));
    }

    void aggregatesGroupByThePlainColumns()
    {
        auto grouped = read({{QStringLiteral("select"), QStringLiteral("genre,price.sum(),count()")},
                             {QStringLiteral("order"), QStringLiteral("genre")}});
        TW_REST_OK(grouped);
        QCOMPARE(grouped.value().body,
                 direct(QStringLiteral("genre, sum(price) AS sum, count(*) AS count"), QStringLiteral("GROUP BY genre ORDER BY genre")));
        QCOMPARE(grouped.value().body, QByteArray("[{\"genre\":\"jazz\",\"sum\":102.25,\"count\":2}, "
                                                  "\n "
                                                  "{\"genre\":\"rock\",\"sum\":4.50,\"count\":3}]"));

        auto whole = read({{QStringLiteral("select"), QStringLiteral("total:price.sum()::text,top:id.max(),price.avg(),big.min()")},
                           {QStringLiteral("id"), QStringLiteral("lt.5")}});
        TW_REST_OK(whole);
        QCOMPARE(whole.value().body, direct(QStringLiteral("sum(price)::text AS total, max(id) AS top, avg(price) AS avg, min(big) AS min"),
                                            QStringLiteral("WHERE id < 5")));
        auto castInput = read({{QStringLiteral("select"), QStringLiteral("genre,n:data->>n::int.sum()")},
                               {QStringLiteral("order"), QStringLiteral("genre")}});
        TW_REST_OK(castInput);
        QCOMPARE(castInput.value().body, direct(QStringLiteral("genre, sum((data->>'n')::int) AS n"),
                                                QStringLiteral("GROUP BY genre ORDER BY genre")));
    }

    void hiddenColumnsAreLeftOutAndRefused()
    {
        RestReadOptions options;
        options.hiddenColumns = {QStringLiteral("secret")};
        auto star = read({{QStringLiteral("order"), QStringLiteral("id")}}, options);
        TW_REST_OK(star);
        QCOMPARE(star.value().body, direct(QString(kAllColumns).replace(QStringLiteral(" secret,"), QString())));
        QVERIFY(!star.value().body.contains("secret"));
        const QList<Params> refused{{{QStringLiteral("select"), QStringLiteral("id,secret")}},
                                    {{QStringLiteral("select"), QStringLiteral("s:secret::text")}},
                                    {{QStringLiteral("select"), QStringLiteral("secret.count()")}},
                                    {{QStringLiteral("secret"), QStringLiteral("eq.s1")}},
                                    {{QStringLiteral("or"), QStringLiteral("(id.eq.1,secret.like.s*)")}},
                                    {{QStringLiteral("order"), QStringLiteral("secret")}}};
        for (const Params &params : refused) {
            auto result = read(params, options);
            QVERIFY2(!result.ok(), qPrintable(params.first().second));
            QCOMPARE(result.error().code(), ErrorCode::PermissionDenied);
            QCOMPARE(result.error().details().value(QStringLiteral("sqlstate")).toString(), QStringLiteral("42501"));
            QVERIFY(!result.error().message().contains(QLatin1String("s1")));
        }
    }

    void castsCannotSmuggleSql()
    {
        // A cast is spliced into the SQL: words after a type name would be a
        // UNION reading hidden columns and other tables. Refused as grammar.
        RestReadOptions options;
        options.hiddenColumns = {QStringLiteral("secret")};
        for (const QString &select : {QStringLiteral("name::text FROM items UNION ALL SELECT secret FROM items UNION ALL SELECT name"),
                                      QStringLiteral("count()::text FROM items UNION ALL SELECT secret FROM items UNION ALL SELECT name"),
                                      QStringLiteral("id.sum()::text FROM items UNION ALL SELECT secret FROM items UNION ALL SELECT name")}) {
            auto result = read({{QStringLiteral("select"), select}}, options);
            QVERIFY2(!result.ok(), qPrintable(select));
            QVERIFY2(!result.error().message().contains(QLatin1String("s1")), qPrintable(result.error().message()));
        }
        auto allowed = read({{QStringLiteral("select"), QStringLiteral("p:price::double precision")}, {QStringLiteral("id"), QStringLiteral("eq.1")}});
        TW_REST_OK(allowed);
    }

    void unknownTableAndColumns()
    {
        auto table = read({}, {}, QStringLiteral("itemz"));
        QVERIFY(!table.ok());
        QCOMPARE(table.error().code(), ErrorCode::TableNotFound);
        QVERIFY2(table.error().details().value(QStringLiteral("suggestions")).toStringList().contains(QStringLiteral("public.items")),
                 qPrintable(table.error().toString()));
        auto schema = read({}, {}, QStringLiteral("nope.items"));
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().code(), ErrorCode::TableNotFound);

        const QList<Params> unknown{{{QStringLiteral("select"), QStringLiteral("id,nope")}},
                                    {{QStringLiteral("select"), QStringLiteral("nope->a")}},
                                    {{QStringLiteral("select"), QStringLiteral("nope.sum()")}},
                                    {{QStringLiteral("nope"), QStringLiteral("eq.1")}},
                                    {{QStringLiteral("and"), QStringLiteral("(id.eq.1,or(nope.eq.2))")}},
                                    {{QStringLiteral("order"), QStringLiteral("id,nope.desc")}}};
        for (const Params &params : unknown) {
            auto result = read(params);
            QVERIFY2(!result.ok(), qPrintable(params.first().second));
            QCOMPARE(result.error().code(), ErrorCode::ValidationFailed);
            QCOMPARE(http::rest::pgrstCode(result.error()), QStringLiteral("42703"));
            QCOMPARE(result.error().message(), QStringLiteral("column items.nope does not exist"));
        }
    }

    void serverErrorsKeepTheirSqlState()
    {
        auto bad = read({{QStringLiteral("id"), QStringLiteral("eq.abc")}});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().details().value(QStringLiteral("sqlstate")).toString(), QStringLiteral("22P02"));
        auto language = read({{QStringLiteral("doc"), QStringLiteral("fts(klingon).fox")}});
        QVERIFY(!language.ok());
        QCOMPARE(language.error().details().value(QStringLiteral("sqlstate")).toString(), QStringLiteral("42704"));
    }

    void injectionThroughIdentifiersIsRefusedAndValuesAreBound_data()
    {
        QTest::addColumn<Params>("params");
        const QString drop = QStringLiteral("id; DROP TABLE items; --");
        QTest::newRow("select quoted name") << Params{{QStringLiteral("select"), u'"' + drop + u'"'}};
        QTest::newRow("select bare") << Params{{QStringLiteral("select"), drop}};
        QTest::newRow("select alias") << Params{{QStringLiteral("select"), QStringLiteral("\"x\"\"; DROP TABLE items; --\":id")}};
        QTest::newRow("cast") << Params{{QStringLiteral("select"), QStringLiteral("id::text); DROP TABLE items; --")}};
        QTest::newRow("filter column") << Params{{u'"' + drop + u'"', QStringLiteral("eq.1")}};
        QTest::newRow("filter column quote") << Params{{QStringLiteral("id\"\"=1 OR 1=1 --"), QStringLiteral("eq.1")}};
        QTest::newRow("or column") << Params{{QStringLiteral("or"), QStringLiteral("(\"id\"\" OR 1=1 --\".eq.1)")}};
        QTest::newRow("order") << Params{{QStringLiteral("order"), QStringLiteral("\"id; DROP TABLE items\".desc")}};
        QTest::newRow("order raw") << Params{{QStringLiteral("order"), QStringLiteral("id;DROP TABLE items")}};
        QTest::newRow("fts language") << Params{{QStringLiteral("doc"), QStringLiteral("fts(english'); DROP TABLE items; --).x")}};
        QTest::newRow("limit") << Params{{QStringLiteral("limit"), QStringLiteral("1; DROP TABLE items")}};
    }

    void injectionThroughIdentifiersIsRefusedAndValuesAreBound()
    {
        QFETCH(Params, params);
        auto result = read(params);
        QVERIFY2(!result.ok(), result.ok() ? result.value().body.constData() : "");
        QCOMPARE(result.error().code(), ErrorCode::ValidationFailed);
        verifyIntact();
    }

    void injectionThroughJsonKeysAndValuesIsBound()
    {
        auto key = read({{QStringLiteral("select"), QStringLiteral("id,v:data->>\"n'); DROP TABLE items; --\"")},
                         {QStringLiteral("id"), QStringLiteral("eq.1")}});
        TW_REST_OK(key);
        QCOMPARE(key.value().body, QByteArray("[{\"id\":1,\"v\":null}]"));
        QCOMPARE(ids({{QStringLiteral("data->>\"n'; DROP TABLE items; --\""), QStringLiteral("eq.1")}}), QList<int>{});
        auto bare = read({{QStringLiteral("data->>n'; DROP TABLE items; --"), QStringLiteral("eq.1")}});
        QVERIFY(!bare.ok());
        QCOMPARE(http::rest::pgrstCode(bare.error()), QStringLiteral("PGRST100"));
        QCOMPARE(ids({{QStringLiteral("name"), QStringLiteral("in.(\"') OR 1=1 --\",x)")}}), QList<int>{});
        QCOMPARE(ids({{QStringLiteral("name"), QStringLiteral("like.%' OR '1'='1")}}), QList<int>{});
        verifyIntact();
    }

    void castsAreCheckedAgainstASafePattern()
    {
        QVERIFY(RestSql::safeTypeName(QStringLiteral("text")));
        QVERIFY(RestSql::safeTypeName(QStringLiteral("double precision")));
        QVERIFY(RestSql::safeTypeName(QStringLiteral("numeric(10,2)")));
        QVERIFY(RestSql::safeTypeName(QStringLiteral("character varying(40)")));
        QVERIFY(RestSql::safeTypeName(QStringLiteral("int4[]")));
        QVERIFY(!RestSql::safeTypeName(QStringLiteral("text); DROP TABLE items; --")));
        QVERIFY(!RestSql::safeTypeName(QStringLiteral("text--")));
        QVERIFY(!RestSql::safeTypeName(QStringLiteral("\"text\"")));
        QVERIFY(!RestSql::safeTypeName(QStringLiteral("te$xt")));
        QVERIFY(!RestSql::safeTypeName(QStringLiteral("tëxt")));
        // Free words after a type name would be SQL: only SQL's own multi-word types pass.
        QVERIFY(!RestSql::safeTypeName(QStringLiteral("text FROM items UNION ALL SELECT secret FROM items")));
        QVERIFY(!RestSql::safeTypeName(QStringLiteral("text union all select 1")));
        QVERIFY(RestSql::safeTypeName(QStringLiteral("timestamp with time zone")));
        QVERIFY(RestSql::safeTypeName(QStringLiteral("Double Precision[]")));
        QVERIFY(!RestSql::safeTypeName(QStringLiteral("text/**/")));
        auto dollar = read({{QStringLiteral("select"), QStringLiteral("id::te$xt")}});
        QVERIFY(!dollar.ok());
        QCOMPARE(http::rest::pgrstCode(dollar.error()), QStringLiteral("PGRST100"));
        auto spaced = read({{QStringLiteral("select"), QStringLiteral("id::double precision")}, {QStringLiteral("id"), QStringLiteral("eq.2")}});
        TW_REST_OK(spaced);
        QCOMPARE(spaced.value().body, QByteArray("[{\"id\":2}]"));
    }

    void tablesWithSpacesUnicodeSchemasAndDots()
    {
        auto unicode = read({{QStringLiteral("order"), QStringLiteral("id")}}, {}, QStringLiteral("Ünïcode table ü"));
        TW_REST_OK(unicode);
        QCOMPARE(unicode.value().body, m_db.scalar(QStringLiteral(
            "SELECT json_agg(t)::text FROM (SELECT * FROM \"Ünïcode table ü\" ORDER BY id) t")).toUtf8());
        QVERIFY(unicode.value().body.contains("naïve col"));
        auto column = read({{QStringLiteral("naïve col"), QStringLiteral("eq.😀")}}, {}, QStringLiteral("public.Ünïcode table ü"));
        TW_REST_OK(column);
        QCOMPARE(idsOf(column.value().body), QList<int>{2});
        auto spaced = read({}, {}, QStringLiteral("sp ace.a table"));
        TW_REST_OK(spaced);
        QCOMPARE(spaced.value().body, QByteArray("[{\"id\":7,\"v\":\"seven\"}]"));
        auto dotted = read({}, {}, QStringLiteral("public.dot.ted"));
        TW_REST_OK(dotted);
        QCOMPARE(dotted.value().body, QByteArray("[{\"id\":9}]"));
        // Split at the first dot, never guessed: "dot.ted" is table "ted" of schema "dot".
        auto guessed = read({}, {}, QStringLiteral("dot.ted"));
        QVERIFY(!guessed.ok());
        QCOMPARE(guessed.error().code(), ErrorCode::TableNotFound);
    }

    void unknownConnectionIsNotFound()
    {
        http::rest::RestQuery query;
        auto result = test::resultOf(readRestRows(m_db.registry, QStringLiteral("nope"), QStringLiteral("items"), query));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestRestReadPostgres)
#include "tst_rest_read_postgres.moc"
