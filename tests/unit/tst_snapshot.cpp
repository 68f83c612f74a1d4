// The snapshot's plain-value helpers, without a database: name search,
// narrowing by schema and object, the JSON shape, close-match suggestions.
#include "catalog/CatalogService.h"
#include "catalog/SearchIndex.h"
#include "catalog/SnapshotFilter.h"
#include "catalog/SnapshotJson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

using namespace tw;
using namespace tw::catalog;

namespace {

Relation table(const QString &schema, const QString &name, const QStringList &columns)
{
    Relation r;
    r.schema = schema;
    r.name = name;
    int position = 0;
    for (const QString &c : columns) {
        Column column;
        column.name = c;
        column.position = ++position;
        column.type = QStringLiteral("integer");
        r.columns << column;
    }
    return r;
}

Snapshot shop()
{
    Snapshot s;
    s.connection = QStringLiteral("shop");
    s.driver = config::Driver::Postgres;
    s.schemas = {{QStringLiteral("public"), QStringLiteral("admin"), {}}, {QStringLiteral("sales"), {}, QStringLiteral("money")}};
    Relation orders = table(QStringLiteral("sales"), QStringLiteral("orders"), {QStringLiteral("id"), QStringLiteral("customer_id")});
    Constraint pk;
    pk.name = QStringLiteral("orders_pkey");
    pk.type = Constraint::Type::PrimaryKey;
    pk.columns = {QStringLiteral("id")};
    pk.definition = QStringLiteral("PRIMARY KEY (id)");
    orders.constraints << pk;
    Index byCustomer;
    byCustomer.name = QStringLiteral("orders_customer_idx");
    byCustomer.keys = {QStringLiteral("customer_id")};
    orders.indexes << byCustomer;
    orders.estimatedRows = 1200;
    s.relations << table(QStringLiteral("public"), QStringLiteral("customers"), {QStringLiteral("id"), QStringLiteral("name")})
                << table(QStringLiteral("public"), QStringLiteral("Order Items"), {QStringLiteral("order_id"), QStringLiteral("qty")})
                << orders;
    Routine f;
    f.schema = QStringLiteral("public");
    f.name = QStringLiteral("order_total");
    f.identityArguments = QStringLiteral("integer");
    f.returns = QStringLiteral("numeric");
    f.language = QStringLiteral("sql");
    s.routines << f;
    s.enums << EnumType{QStringLiteral("sales"), QStringLiteral("order_state"), {QStringLiteral("new"), QStringLiteral("paid")}, {}};
    return s;
}

QStringList names(const QList<SearchHit> &hits)
{
    QStringList out;
    for (const auto &h : hits)
        out << objectKindName(h.ref.kind) + QLatin1Char(':') + h.ref.displayName();
    return out;
}

} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void searchPutsPrefixMatchesBeforeSubstrings()
    {
        const SearchIndex index(shop());
        const QStringList hits = names(index.search(QStringLiteral("CUSTOMER")));
        // Names starting with the text first: the table and the column;
        // then names containing it: the index.
        QCOMPARE(hits, (QStringList{QStringLiteral("table:public.customers"), QStringLiteral("column:sales.orders.customer_id"),
                                    QStringLiteral("index:sales.orders.orders_customer_idx")}));
        const QStringList orders = names(index.search(QStringLiteral("order")));
        for (const char *expected : {"table:sales.orders", "table:public.Order Items", "column:public.Order Items.order_id",
                                     "function:public.order_total(integer)", "enum:sales.order_state",
                                     "constraint:sales.orders.orders_pkey"})
            QVERIFY2(orders.contains(QLatin1String(expected)), expected);
        QVERIFY(!orders.contains(QStringLiteral("table:public.customers")));
    }

    void searchHonoursTheLimitAndIgnoresBlankText()
    {
        const SearchIndex index(shop());
        QCOMPARE(index.search(QStringLiteral("o"), 2).size(), 2);
        QVERIFY(index.search(QStringLiteral("   ")).isEmpty());
        QVERIFY(index.search(QStringLiteral("zzz")).isEmpty());
    }

    void searchStaysFastOnFiveThousandTables()
    {
        Snapshot big;
        for (int t = 0; t < 5000; ++t) {
            QStringList columns;
            for (int c = 0; c < 8; ++c)
                columns << QStringLiteral("col_%1").arg(c);
            big.relations << table(QStringLiteral("s%1").arg(t % 5), QStringLiteral("table_%1").arg(t), columns);
        }
        const SearchIndex index(big);
        QCOMPARE(index.size(), 5000 * 9);
        QElapsedTimer timer;
        timer.start();
        const auto hits = index.search(QStringLiteral("table_49"));
        const qint64 ms = timer.elapsed();
        QCOMPARE(hits.size(), 111); // table_49, table_490..499, table_4900..4999
        qInfo("substring search over %d names: %lld ms", index.size(), ms);
        QVERIFY2(ms < 500, "a linear scan of 45,000 names must not take half a second");
    }

    void restrictToSchemaKeepsOnlyItsObjects()
    {
        const auto sales = restrictToSchema(shop(), QStringLiteral("sales"));
        QVERIFY(sales.ok());
        QCOMPARE(sales.value().relations.size(), 1);
        QCOMPARE(sales.value().relations.first().name, QStringLiteral("orders"));
        QCOMPARE(sales.value().enums.size(), 1);
        QVERIFY(sales.value().routines.isEmpty());
        QCOMPARE(sales.value().schemas.size(), 1);
    }

    void unknownSchemaIsNamedWithCloseMatches()
    {
        const auto wrong = restrictToSchema(shop(), QStringLiteral("sale"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code(), ErrorCode::NotFound);
        QVERIFY(wrong.error().message().contains(QLatin1String("'sale'")));
        QCOMPARE(wrong.error().details().value(QStringLiteral("suggestions")).toStringList(), QStringList{QStringLiteral("sales")});
    }

    void findObjectsAcceptsEverySpelling_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("found");
        QTest::newRow("plain") << QStringLiteral("customers") << QStringLiteral("public.customers");
        QTest::newRow("qualified") << QStringLiteral("sales.orders") << QStringLiteral("sales.orders");
        QTest::newRow("spaces") << QStringLiteral("Order Items") << QStringLiteral("public.Order Items");
        QTest::newRow("case-insensitive") << QStringLiteral("ORDER ITEMS") << QStringLiteral("public.Order Items");
        QTest::newRow("column") << QStringLiteral("orders.customer_id") << QStringLiteral("sales.orders.customer_id");
        QTest::newRow("index") << QStringLiteral("sales.orders.orders_customer_idx") << QStringLiteral("sales.orders.orders_customer_idx");
        QTest::newRow("function by name") << QStringLiteral("order_total") << QStringLiteral("public.order_total(integer)");
        QTest::newRow("function by signature") << QStringLiteral("order_total(integer)") << QStringLiteral("public.order_total(integer)");
    }

    void findObjectsAcceptsEverySpelling()
    {
        QFETCH(QString, name);
        QFETCH(QString, found);
        const auto refs = findObjects(shop(), name);
        QVERIFY2(refs.ok(), qPrintable(refs.ok() ? QString() : refs.error().toString()));
        QCOMPARE(refs.value().size(), 1);
        QCOMPARE(refs.value().first().displayName(), found);
    }

    void unknownObjectIsNamedWithCloseMatches()
    {
        const auto refs = findObjects(shop(), QStringLiteral("custmers"));
        QVERIFY(!refs.ok());
        QVERIFY(refs.error().message().contains(QLatin1String("'custmers'")));
        QVERIFY(refs.error().hint().contains(QLatin1String("customers")));
    }

    void restrictToObjectsKeepsAChildWithItsRelation()
    {
        const Snapshot s = shop();
        const auto refs = findObjects(s, QStringLiteral("orders.customer_id"));
        QVERIFY(refs.ok());
        const Snapshot narrowed = restrictToObjects(s, refs.value());
        QCOMPARE(narrowed.relations.size(), 1);
        QCOMPARE(narrowed.relations.first().columns.size(), 1);
        QCOMPARE(narrowed.relations.first().columns.first().name, QStringLiteral("customer_id"));
        QVERIFY(narrowed.relations.first().indexes.isEmpty());
        // Its schema stays (and only it), so listings that walk schemas find it.
        QCOMPARE(narrowed.schemas.size(), 1);
        QCOMPARE(narrowed.schemas.first().name, QStringLiteral("sales"));
    }

    void jsonHasEveryKeyAndNullForMissingText()
    {
        const QJsonObject json = snapshotToJson(shop());
        for (const char *key : {"formatVersion", "driver", "connection", "schemas", "relations", "sequences", "routines", "enums",
                                "domains", "compositeTypes", "extensions", "problems", "loadedAt", "serverVersion"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        const QJsonObject orders = json.value(QStringLiteral("relations")).toArray().at(2).toObject();
        QCOMPARE(orders.value(QStringLiteral("name")).toString(), QStringLiteral("orders"));
        QVERIFY(orders.value(QStringLiteral("comment")).isNull());
        QCOMPARE(orders.value(QStringLiteral("estimatedRows")).toInt(), 1200);
        const QJsonObject pk = orders.value(QStringLiteral("constraints")).toArray().first().toObject();
        QCOMPARE(pk.value(QStringLiteral("type")).toString(), QStringLiteral("primary_key"));
        QVERIFY(pk.value(QStringLiteral("references")).isNull());
        QCOMPARE(json.value(QStringLiteral("routines")).toArray().first().toObject().value(QStringLiteral("signature")).toString(),
                 QStringLiteral("order_total(integer)"));
    }

    void jsonWithoutStatsComparesEqualAcrossLoads()
    {
        Snapshot a = shop();
        Snapshot b = shop();
        b.relations[2].estimatedRows = 99;
        b.loadMs = 7;
        b.loadedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(snapshotToJson(a) != snapshotToJson(b));
        QCOMPARE(snapshotToJson(a, JsonStats::Omit), snapshotToJson(b, JsonStats::Omit));
        b.relations[2].columns[0].type = QStringLiteral("bigint");
        QVERIFY(snapshotToJson(a, JsonStats::Omit) != snapshotToJson(b, JsonStats::Omit));
    }

    void closeMatchesRanksPrefixesThenTypos()
    {
        const QStringList known{QStringLiteral("chinook"), QStringLiteral("chinook-lite"), QStringLiteral("demo"), QStringLiteral("prod")};
        QCOMPARE(closeMatches(QStringLiteral("chinok"), known).first(), QStringLiteral("chinook"));
        QCOMPARE(closeMatches(QStringLiteral("chin"), known), (QStringList{QStringLiteral("chinook"), QStringLiteral("chinook-lite")}));
        QCOMPARE(closeMatches(QStringLiteral("dmeo"), known), QStringList{QStringLiteral("demo")});
        QVERIFY(closeMatches(QStringLiteral("warehouse"), known).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
