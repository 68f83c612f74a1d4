// The REST read (data::readRestRows) on SQLite: the plain subset of
// PostgREST's grammar, bodies built by json_group_array(json_object(…)) and
// compared byte for byte with SQLite's own rendering; the operators SQLite
// lacks are refused with a clear error.
#include "RestReadSupport.h"

#include <QFile>
#include <QTemporaryDir>

using namespace tw;
using namespace tw::data;
using tw::test::idsOf;
using tw::test::Params;

namespace {

const QString kSetup = QStringLiteral(R"SQL(
CREATE TABLE items (id INTEGER PRIMARY KEY, big BIGINT, price NUMERIC, name TEXT, flag BOOLEAN, at TEXT, data JSON,
                    genre TEXT, secret TEXT, "we""ird; col" TEXT);
INSERT INTO items VALUES
 (1, 10, 1.5, 'Alpha', 1, '2024-01-02T03:04:05Z', '{"a":{"b":"x"},"n":1,"arr":[10,20,30]}', 'rock', 's1', 'w1'),
 (2, 20, 2.25, 'beta', 0, '2024-02-03T00:00:00Z', '{"a":{"b":"y"},"n":2,"arr":[1]}', 'jazz', 's2', 'w2'),
 (3, NULL, NULL, 'Gamma ray', NULL, NULL, NULL, 'rock', NULL, NULL),
 (4, 40, 100, 'it''s "quoted", ok', 1, '2025-06-07T08:09:10Z', '{"a":{"b":"x"},"n":4}', 'jazz', 's4', 'w4'),
 (5, 50, 3, 'O''Brien_%', 0, '2026-01-01T00:00:00Z', '{"n":5}', 'rock', 's5', 'w5');
CREATE TABLE "Ünïcode table ü" (id INTEGER PRIMARY KEY, "naïve col" TEXT);
INSERT INTO "Ünïcode table ü" VALUES (1, 'ä'), (2, '😀');
CREATE TABLE "a table" (id INTEGER PRIMARY KEY, v TEXT);
INSERT INTO "a table" VALUES (7, 'seven');
)SQL");

} // namespace

class TestRestReadSqlite : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DataHarness m_db;

    Result<RestRows> read(const Params &params, const RestReadOptions &options = {}, const QString &table = QStringLiteral("items"))
    {
        return test::restRead(m_db, table, params, options);
    }

    QList<int> ids(const Params &params, const RestReadOptions &options = {})
    {
        Params ordered = params;
        ordered << std::pair<QString, QString>(QStringLiteral("order"), QStringLiteral("id"));
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
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")), QStringLiteral("3"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath(QStringLiteral("rest.sqlite"));
        QFile create(file);
        QVERIFY(create.open(QIODevice::WriteOnly));
        create.close();
        QVERIFY(m_db.open(test::sqliteProfile(file)).ok());
        QVERIFY(m_db.script(kSetup).ok());
    }

    void cleanupTestCase() { m_db.registry.closeAll(); }

    void starIsSqlitesOwnRendering()
    {
        auto result = read({{QStringLiteral("order"), QStringLiteral("id")}});
        TW_REST_OK(result);
        const QString direct = m_db.scalar(QStringLiteral(
            "SELECT json_group_array(json_object('id', id, 'big', big, 'price', price, 'name', name, 'flag', flag, 'at', at, "
            "'data', json(data), 'genre', genre, 'secret', secret, 'we\"ird; col', \"we\"\"ird; col\")) "
            "FROM (SELECT * FROM items ORDER BY id)"));
        QCOMPARE(result.value().body, direct.toUtf8());
        QVERIFY(result.value().body.contains("\"data\":{\"a\":{\"b\":\"x\"}"));
        QCOMPARE(result.value().rows, 5);
        QCOMPARE(result.value().rangeEnd, 4);
    }

    void selectsAliasesCastsAndJsonPaths()
    {
        auto result = read({{QStringLiteral("select"), QStringLiteral("ident:id,price::text,data->a->>b,first:data->arr->0,"
                                                                      "last:data->arr->>-1,a:data->a")},
                            {QStringLiteral("order"), QStringLiteral("id")},
                            {QStringLiteral("limit"), QStringLiteral("2")}});
        TW_REST_OK(result);
        QCOMPARE(result.value().body,
                 QByteArray("[{\"ident\":1,\"price\":\"1.5\",\"b\":\"x\",\"first\":10,\"last\":\"30\",\"a\":{\"b\":\"x\"}},"
                            "{\"ident\":2,\"price\":\"2.25\",\"b\":\"y\",\"first\":1,\"last\":\"1\",\"a\":{\"b\":\"y\"}}]"));
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
        row("eq text value on integer", "big", QStringLiteral("eq.20"), {2});
        row("neq", "id", QStringLiteral("neq.1"), {2, 3, 4, 5});
        row("gt", "id", QStringLiteral("gt.3"), {4, 5});
        row("gte numeric", "price", QStringLiteral("gte.2.25"), {2, 4, 5});
        row("lt", "id", QStringLiteral("lt.2"), {1});
        row("lte", "id", QStringLiteral("lte.2"), {1, 2});
        row("eq boolean", "flag", QStringLiteral("eq.true"), {1, 4});
        row("like star", "name", QStringLiteral("like.*a*"), {1, 2, 3});
        row("like is case-sensitive", "name", QStringLiteral("like.A*"), {1});
        row("like underscore", "name", QStringLiteral("like.bet_"), {2});
        row("like escaped percent", "name", QStringLiteral("like.*\\_\\%"), {5});
        row("like glob characters are literal", "name", QStringLiteral("like.[A]*"), {});
        row("ilike", "name", QStringLiteral("ilike.*A"), {1, 2});
        row("ilike prefix", "name", QStringLiteral("ilike.g*"), {3});
        row("in", "id", QStringLiteral("in.(1,3)"), {1, 3});
        row("in quoted", "name", QStringLiteral("in.(\"O'Brien_%\",\"it's \\\"quoted\\\", ok\")"), {4, 5});
        row("is true", "flag", QStringLiteral("is.true"), {1, 4});
        row("is false", "flag", QStringLiteral("is.false"), {2, 5});
        row("is null", "flag", QStringLiteral("is.null"), {3});
        row("is not_null", "flag", QStringLiteral("is.not_null"), {1, 2, 4, 5});
        row("is unknown", "flag", QStringLiteral("is.unknown"), {3});
        row("isdistinct", "big", QStringLiteral("isdistinct.10"), {2, 3, 4, 5});
        row("json path text", "data->>n", QStringLiteral("eq.2"), {2});
        row("json nested path", "data->a->>b", QStringLiteral("eq.x"), {1, 4});
        row("not in", "id", QStringLiteral("not.in.(1,2)"), {3, 4, 5});
        row("not like", "name", QStringLiteral("not.like.A*"), {2, 3, 4, 5});
        row("eq any", "id", QStringLiteral("eq(any).{1,3}"), {1, 3});
        row("like any", "name", QStringLiteral("like(any).{A*,b*}"), {1, 2});
        row("ilike all", "name", QStringLiteral("ilike(all).{*a*,*r*}"), {3});
        row("gt all", "id", QStringLiteral("gt(all).{1,2}"), {3, 4, 5});
        row("value with injection is bound", "name", QStringLiteral("eq.'; DROP TABLE items; --"), {});
    }

    void eachOperator()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QList<int>, expected);
        QCOMPARE(ids({{key, value}}), expected);
        verifyIntact();
    }

    void logicTrees()
    {
        QCOMPARE(ids({{QStringLiteral("or"), QStringLiteral("(id.eq.1,and(id.gt.3,flag.is.false))")}}), (QList<int>{1, 5}));
        QCOMPARE(ids({{QStringLiteral("not.or"), QStringLiteral("(id.eq.1,id.eq.2)")}}), (QList<int>{3, 4, 5}));
        QCOMPARE(ids({{QStringLiteral("and"), QStringLiteral("(id.gte.2,or(name.ilike.*ray,id.eq.5))")}}), (QList<int>{3, 5}));
    }

    void unsupportedOperatorsAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        for (const char *op : {"cs", "cd", "ov", "sl", "sr", "nxl", "nxr", "adj"})
            QTest::newRow(op) << QStringLiteral("name") << QString::fromLatin1(op) + QStringLiteral(".{1}");
        for (const char *op : {"fts", "plfts", "phfts", "wfts"})
            QTest::newRow(op) << QStringLiteral("name") << QString::fromLatin1(op) + QStringLiteral(".x");
        QTest::newRow("match (no REGEXP)") << QStringLiteral("name") << QStringLiteral("match.^A");
        QTest::newRow("imatch (no REGEXP)") << QStringLiteral("name") << QStringLiteral("imatch.^a");
    }

    void unsupportedOperatorsAreRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        auto result = read({{key, value}});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::ValidationFailed);
        QCOMPARE(http::rest::pgrstCode(result.error()), QStringLiteral("PGRST100"));
        QVERIFY2(result.error().message().contains(QLatin1String("not supported")), qPrintable(result.error().message()));
    }

    void orderLimitOffsetAndCounts()
    {
        auto nulls = read({{QStringLiteral("select"), QStringLiteral("id")}, {QStringLiteral("order"), QStringLiteral("big.desc.nullslast,id")}});
        TW_REST_OK(nulls);
        QCOMPARE(idsOf(nulls.value().body), (QList<int>{5, 4, 2, 1, 3}));
        auto first = read({{QStringLiteral("select"), QStringLiteral("id")}, {QStringLiteral("order"), QStringLiteral("big.asc.nullsfirst")}});
        TW_REST_OK(first);
        QCOMPARE(idsOf(first.value().body), (QList<int>{3, 1, 2, 4, 5}));

        auto page = read({{QStringLiteral("select"), QStringLiteral("id")}, {QStringLiteral("order"), QStringLiteral("id")},
                          {QStringLiteral("offset"), QStringLiteral("3")}},
                         test::counting(RestCount::Planned));
        TW_REST_OK(page);
        QCOMPARE(page.value().body, QByteArray("[{\"id\":4},{\"id\":5}]"));
        QCOMPARE(page.value().rangeStart, 3);
        QCOMPARE(page.value().rangeEnd, 4);
        // SQLite has no planner estimate: planned is exact.
        QCOMPARE(page.value().total, std::optional<qint64>(5));
        QVERIFY(!page.value().totalIsEstimate);

        RestReadOptions capped = test::counting(RestCount::Exact);
        capped.maxRows = 2;
        auto limited = read({{QStringLiteral("id"), QStringLiteral("gt.1")}, {QStringLiteral("limit"), QStringLiteral("100")}}, capped);
        TW_REST_OK(limited);
        QCOMPARE(limited.value().rows, 2);
        QCOMPARE(limited.value().total, std::optional<qint64>(4));
        auto none = read({{QStringLiteral("id"), QStringLiteral("gt.100")}});
        TW_REST_OK(none);
        QCOMPARE(none.value().body, QByteArray("[]"));
    }

    void aggregatesGroupByThePlainColumns()
    {
        auto grouped = read({{QStringLiteral("select"), QStringLiteral("genre,price.sum(),count()")},
                             {QStringLiteral("order"), QStringLiteral("genre")}},
                            test::counting(RestCount::Exact));
        TW_REST_OK(grouped);
        QCOMPARE(grouped.value().body, QByteArray("[{\"genre\":\"jazz\",\"sum\":102.25,\"count\":2},"
                                                  "{\"genre\":\"rock\",\"sum\":4.5,\"count\":3}]"));
        QCOMPARE(grouped.value().total, std::optional<qint64>(2));
        auto whole = read({{QStringLiteral("select"), QStringLiteral("top:id.max(),n:data->>n::integer.sum()")},
                           {QStringLiteral("id"), QStringLiteral("lt.5")}});
        TW_REST_OK(whole);
        QCOMPARE(whole.value().body, QByteArray("[{\"top\":4,\"n\":7}]"));
    }

    void hiddenColumnsAreLeftOutAndRefused()
    {
        RestReadOptions options;
        options.hiddenColumns = {QStringLiteral("secret")};
        auto star = read({{QStringLiteral("id"), QStringLiteral("eq.1")}}, options);
        TW_REST_OK(star);
        QVERIFY(!star.value().body.contains("secret"));
        QVERIFY(star.value().body.contains("\"genre\":\"rock\""));
        for (const Params &params : QList<Params>{{{QStringLiteral("select"), QStringLiteral("secret")}},
                                                  {{QStringLiteral("secret"), QStringLiteral("eq.s1")}},
                                                  {{QStringLiteral("order"), QStringLiteral("secret")}}}) {
            auto result = read(params, options);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code(), ErrorCode::PermissionDenied);
        }
    }

    void unknownTableAndColumns()
    {
        auto table = read({}, {}, QStringLiteral("itemz"));
        QVERIFY(!table.ok());
        QCOMPARE(table.error().code(), ErrorCode::TableNotFound);
        QVERIFY(table.error().details().value(QStringLiteral("suggestions")).toStringList().contains(QStringLiteral("items")));
        auto main = read({{QStringLiteral("id"), QStringLiteral("eq.2")}}, {}, QStringLiteral("main.items"));
        TW_REST_OK(main);
        QCOMPARE(idsOf(main.value().body), QList<int>{2});
        for (const Params &params : QList<Params>{{{QStringLiteral("select"), QStringLiteral("nope")}},
                                                  {{QStringLiteral("nope"), QStringLiteral("eq.1")}},
                                                  {{QStringLiteral("order"), QStringLiteral("nope")}}}) {
            auto result = read(params);
            QVERIFY(!result.ok());
            QCOMPARE(http::rest::pgrstCode(result.error()), QStringLiteral("42703"));
        }
    }

    void injectionIsRefusedOrBound()
    {
        const QList<Params> refused{{{QStringLiteral("select"), QStringLiteral("\"id; DROP TABLE items; --\"")}},
                                    {{QStringLiteral("select"), QStringLiteral("id::text); DROP TABLE items; --")}},
                                    {{QStringLiteral("select"), QStringLiteral("id::int[]")}},
                                    {{QStringLiteral("\"id\"\" OR 1=1 --\""), QStringLiteral("eq.1")}},
                                    {{QStringLiteral("order"), QStringLiteral("\"id; DROP TABLE items\"")}}};
        for (const Params &params : refused) {
            auto result = read(params);
            QVERIFY2(!result.ok(), qPrintable(params.first().second));
            QCOMPARE(result.error().code(), ErrorCode::ValidationFailed);
        }
        auto key = read({{QStringLiteral("select"), QStringLiteral("id,v:data->>\"$'); DROP TABLE items; --\"")},
                         {QStringLiteral("id"), QStringLiteral("eq.1")}});
        TW_REST_OK(key);
        QCOMPARE(key.value().body, QByteArray("[{\"id\":1,\"v\":null}]"));
        QCOMPARE(ids({{QStringLiteral("name"), QStringLiteral("in.(\"') OR 1=1 --\",x)")}}), QList<int>{});
        verifyIntact();
    }

    void tablesWithSpacesAndUnicode()
    {
        auto unicode = read({{QStringLiteral("naïve col"), QStringLiteral("eq.😀")}}, {}, QStringLiteral("Ünïcode table ü"));
        TW_REST_OK(unicode);
        QCOMPARE(unicode.value().body, QByteArray("[{\"id\":2,\"naïve col\":\"😀\"}]"));
        auto spaced = read({}, {}, QStringLiteral("a table"));
        TW_REST_OK(spaced);
        QCOMPARE(spaced.value().body, QByteArray("[{\"id\":7,\"v\":\"seven\"}]"));
    }
};

QTEST_GUILESS_MAIN(TestRestReadSqlite)
#include "tst_rest_read_sqlite.moc"
