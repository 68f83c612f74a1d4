// PostgreSQL keyset paging on awkward keys (issue 5 adversarial review).
#include "DataPagingSupport.h"
#include "DataEditSupport.h"
#include "ScratchPostgres.h"

Q_DECLARE_METATYPE(QList<tw::data::SortKey>)

using namespace tw;
using namespace tw::data;
using tw::test::anchored;
using tw::test::rendered;
using tw::test::request;

class TestDataKeysetPostgres : public QObject
{
    Q_OBJECT
    test::ScratchPostgres m_pg{QStringLiteral("tw_review_keyset")};
    test::DataHarness m_db;

    TableShape shape(const char *name)
    {
        auto s = TW_OK(m_db.describe(QString(), QString::fromLatin1(name)));
        return s.valueOr(TableShape{});
    }
private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL");
        auto profile = m_pg.createDatabase();
        QVERIFY(test::runScript(profile, QStringLiteral(
            "CREATE TABLE k (id int PRIMARY KEY, t text COLLATE \"en-x-icu\", c text COLLATE \"C\", ts timestamptz, "
            "  n numeric, f float8, r real, b bytea, e boolean);"
            "INSERT INTO k SELECT g,"
            "  (ARRAY['a','A','b','B','a b','ab','a-b','Ä','z',NULL,'','é','e','E',' a'])[1 + g % 15],"
            "  (ARRAY['a','A','b',NULL,'Ä'])[1 + g % 5],"
            "  CASE WHEN g % 11 = 0 THEN NULL ELSE timestamptz '2024-03-31 01:30:00+00' + (g % 7) * interval '17 minutes 0.123456 s' END,"
            "  (ARRAY[1.5, 1.50, 1.500, NULL, 'NaN', 2, 0.1, -0])[1 + g % 8]::numeric,"
            "  (ARRAY[0.1, 'NaN', 'Infinity', '-Infinity', -0.0, 0.0, NULL, 1e300, 1e-300, 0.30000000000000004])[1 + g % 10]::float8,"
            "  (ARRAY[0.1, 0.2, NULL, 3.4028235e38, 1.17549435e-38])[1 + g % 5]::real,"
            "  CASE WHEN g % 6 = 0 THEN NULL WHEN g % 6 = 1 THEN '\\x'::bytea ELSE decode(lpad(to_hex(g % 256), 2, '0'), 'hex') END,"
            "  CASE WHEN g % 3 = 0 THEN NULL ELSE g % 2 = 0 END"
            "  FROM generate_series(1, 300) g;"
            "CREATE TABLE parted (id int, v text, PRIMARY KEY (id)) PARTITION BY RANGE (id);"
            "CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (100);"
            "CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM (100) TO (1000);"
            "INSERT INTO parted SELECT g, 'v' || g FROM generate_series(1, 250) g;"
            "CREATE VIEW kv AS SELECT id, t FROM k;"
            "CREATE TABLE heap (v int, w text);"
            "INSERT INTO heap SELECT g % 17, 'w' || g FROM generate_series(1, 500) g;")).ok());
        QVERIFY(m_db.open(profile).ok());
    }

    void walksEveryOrder_data()
    {
        QTest::addColumn<QString>("order");
        QTest::addColumn<QList<SortKey>>("keys");
        auto add = [](const char *tag, const char *sql, QList<SortKey> keys) { QTest::newRow(tag) << QString::fromLatin1(sql) << keys; };
        auto K = [](const char *c, bool d) { return SortKey{QString::fromLatin1(c), d}; };
        add("t icu asc", "t ASC NULLS LAST, id ASC", {K("t", false)});
        add("t icu desc", "t DESC NULLS FIRST, id DESC", {K("t", true)});
        add("c asc, t desc", "c ASC NULLS LAST, t DESC NULLS FIRST, id DESC", {K("c", false), K("t", true)});
        add("ts asc", "ts ASC NULLS LAST, id ASC", {K("ts", false)});
        add("ts desc, n asc", "ts DESC NULLS FIRST, n ASC NULLS LAST, id ASC", {K("ts", true), K("n", false)});
        add("n asc", "n ASC NULLS LAST, id ASC", {K("n", false)});
        add("f asc", "f ASC NULLS LAST, id ASC", {K("f", false)});
        add("f desc", "f DESC NULLS FIRST, id DESC", {K("f", true)});
        add("r asc", "r ASC NULLS LAST, id ASC", {K("r", false)});
        add("b asc", "b ASC NULLS LAST, id ASC", {K("b", false)});
        add("e desc, b asc", "e DESC NULLS FIRST, b ASC NULLS LAST, id ASC", {K("e", true), K("b", false)});
        add("id desc", "id DESC", {K("id", true)});
    }
    void walksEveryOrder()
    {
        QFETCH(QString, order);
        QFETCH(QList<SortKey>, keys);
        const TableShape s = shape("k");
        const auto expected = m_db.direct(QStringLiteral("SELECT id::text AS c1, t AS c2, c AS c3, ts::text AS c4, n::text AS c5, f::text AS c6, r::text AS c7, b AS c8, e AS c9 FROM k ORDER BY ") + order);
        QCOMPARE(expected.size(), 300);
        for (int limit : {7, 40}) {
            PageRequest r = request(keys, {}, limit);
            QCOMPARE(test::walkForwards(m_db, s, r), expected);
            QCOMPARE(test::walkBackwards(m_db, s, r), expected);
        }
    }

    // The same browse read on a connection whose TimeZone differs (pooled connections can differ
    // once anything SETs it; here the server default is changed between pages).
    void timestamptzKeysSurviveATimeZoneChangeBetweenPages()
    {
        const TableShape s = shape("k");
        PageRequest r = request({{QStringLiteral("ts"), false}}, {}, 50);
        auto first = TW_OK(m_db.page(s, r));
        QVERIFY(first.ok());
        const QVariantList anchor = first.value().rows.last().orderKey;
        qInfo() << "ts order key" << anchor;
        QVERIFY(m_db.script(QStringLiteral("SET TimeZone = 'America/New_York'")).ok()); // one pooled connection
        const auto expected = m_db.direct(QStringLiteral("SELECT id::text AS c1 FROM k ORDER BY ts ASC NULLS LAST, id LIMIT 50 OFFSET 50"));
        for (int i = 0; i < 6; ++i) {
            auto next = m_db.page(s, anchored(r, PageAnchor::after(anchor)));
            QVERIFY(next.ok());
            QCOMPARE(next.value().rows.first().values.first().toString(), expected.first().first());
        }
    }

    void partitionedTableAndViewPageBothWays()
    {
        const TableShape p = shape("parted");
        QCOMPARE(p.identity, RowIdentity::PrimaryKey);
        const auto expected = m_db.direct(QStringLiteral("SELECT id::text AS c1, v FROM parted ORDER BY id"));
        QCOMPARE(test::walkForwards(m_db, p, request({}, {}, 33)), expected);
        QCOMPARE(test::walkBackwards(m_db, p, request({}, {}, 33)), expected);
        const TableShape v = shape("kv");
        const auto ve = m_db.direct(QStringLiteral("SELECT id::text AS c1, t AS c2 FROM kv ORDER BY t NULLS LAST, id"));
        QCOMPARE(test::walkForwards(m_db, v, request({{QStringLiteral("t"), false}, {QStringLiteral("id"), false}}, {}, 33)), ve);
        QCOMPARE(test::walkBackwards(m_db, v, request({{QStringLiteral("t"), false}, {QStringLiteral("id"), false}}, {}, 33)), ve);
    }

    void ctidTablePagesBothWays()
    {
        const TableShape h = shape("heap");
        QCOMPARE(h.identity, RowIdentity::Ctid);
        const auto expected = m_db.direct(QStringLiteral("SELECT v::text AS c1, w FROM heap ORDER BY v NULLS LAST, ctid"));
        QCOMPARE(test::walkForwards(m_db, h, request({{QStringLiteral("v"), false}}, {}, 23)), expected);
        QCOMPARE(test::walkBackwards(m_db, h, request({{QStringLiteral("v"), false}}, {}, 23)), expected);
        for (double f : {0.1, 0.5, 0.9}) {
            auto page = TW_OK(m_db.page(h, anchored(request({}, {}, 20), PageAnchor::at(f))));
            QVERIFY(page.ok());
            QVERIFY(!page.value().rows.isEmpty());
        }
    }

    void fractionOnEveryOrderLands()
    {
        const TableShape s = shape("k");
        for (const char *c : {"t", "ts", "n", "f", "b", "e"}) {
            for (double f : {0.01, 0.5, 0.99}) {
                auto page = TW_OK(m_db.page(s, anchored(request({{QString::fromLatin1(c), false}}, {}, 20), PageAnchor::at(f))));
                QVERIFY2(page.ok(), c);
                QVERIFY2(!page.value().rows.isEmpty(), c);
            }
        }
    }

    void cleanupTestCase() { m_pg.dropAll(); }
};

QTEST_GUILESS_MAIN(TestDataKeysetPostgres)
#include "tst_data_keyset_postgres.moc"
