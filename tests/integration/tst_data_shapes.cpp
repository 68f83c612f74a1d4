// describeTable() on every column type of the issue, awkward identifiers,
// truncated values and readCell(), on PostgreSQL 15 and SQLite.
#include "DataPagingSupport.h"
#include "ScratchPostgres.h"
#include "data/EditSql.h"

#include <QFile>
#include <QTemporaryDir>

using namespace tw;
using namespace tw::data;
using tw::test::anchored;
using tw::test::rendered;
using tw::test::request;
using tw::test::resultOf;

namespace {

// A name with a quote, a dot, spaces, mixed case, a reserved word and
// non-ASCII letters: whatever quoting mistake exists, one of these hits it.
const QString kSchema = QStringLiteral("Odd \"Schema\".x");
const QString kTable = QStringLiteral("Tab le.\"Q\" select");
const QString kKey = QStringLiteral("Key \"Id\"");
const QString kMixed = QStringLiteral("Mixed Case");
const QString kUnicode = QStringLiteral("ünïcødé 列");

const ColumnInfo &col(const TableShape &shape, const char *name)
{
    static const ColumnInfo none;
    const ColumnInfo *c = shape.column(QString::fromUtf8(name));
    if (!c)
        qWarning("no column %s", name);
    return c ? *c : none;
}

QString longText()
{
    // Multi-byte and non-BMP characters: the cut counts characters, not bytes or UTF-16 units.
    QString s;
    for (int i = 0; i < 1000; ++i)
        s += QStringLiteral("aé😀") + QString::number(i % 10);
    return s;
}

} // namespace

class TestDataShapes : public QObject
{
    Q_OBJECT

    test::ScratchPostgres m_pg{QStringLiteral("tw_shapes")};
    test::DataHarness m_pgDb;
    QTemporaryDir m_dir;
    test::DataHarness m_lite;

    void checkAwkward(test::DataHarness &db, const QString &schema)
    {
        auto shape = TW_OK(db.describe(schema, kTable));
        QVERIFY(shape.ok());
        QCOMPARE(shape.value().table.name, kTable);
        QCOMPARE(shape.value().keyColumns, QStringList{kKey});
        QCOMPARE(shape.value().columns.size(), 5);
        PageRequest r = request({{kMixed, true}}, {Filter{QStringLiteral("select"), FilterOp::Like, {QStringLiteral("s%")}},
                                                   Filter{kUnicode, FilterOp::IsNotNull, {}}}, 7);
        QStringList keys;
        auto page = db.page(shape.value(), r);
        while (page.ok()) {
            for (const Row &row : page.value().rows)
                keys << rendered(row.key.first());
            if (page.value().atEnd)
                break;
            page = db.page(shape.value(), anchored(r, PageAnchor::after(page.value().rows.last().orderKey)));
        }
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
        // 40 rows, "Mixed Case" = id % 4 descending (ties: the key, descending too), "select" like 's%' for even ids, ünï… NULL when id % 10 = 0.
        QStringList expected;
        for (int m = 3; m >= 0; --m)
            for (int id = 40; id >= 1; --id)
                if (id % 4 == m && id % 2 == 0 && id % 10 != 0)
                    expected << QString::number(id);
        QCOMPARE(keys, expected);
        page = db.page(shape.value(), anchored(request({{QStringLiteral("a.b"), false}}), PageAnchor::at(0.5)));
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
        page = db.page(shape.value(), anchored(request({}, {}, 10), PageAnchor::at(0.5)));
        QVERIFY(page.ok());
        QVERIFY(!page.value().rows.isEmpty());
        auto cell = db.count(shape.value(), r);
        QCOMPARE(cell.value(), expected.size());
        auto value = resultOf(data::loadCell(db.registry, db.connection, shape.value(), page.value().rows.first().key, kUnicode));
        QVERIFY(value.ok());
    }

    void checkTruncation(test::DataHarness &db, const TableShape &docs)
    {
        const QString full = longText();
        PageRequest r = request();
        r.truncateAt = 100;
        auto page = TW_OK(db.page(docs, r));
        QVERIFY(page.ok());
        QCOMPARE(page.value().rows.size(), 2);
        const Row &row = page.value().rows.first();
        const int body = docs.columnIndex(QStringLiteral("body"));
        const int blob = docs.columnIndex(QStringLiteral("blob"));
        const int shortText = docs.columnIndex(QStringLiteral("short"));
        QVERIFY(row.truncated.testBit(body));
        QVERIFY(row.truncated.testBit(blob));
        QVERIFY(!row.truncated.testBit(shortText));
        QCOMPARE(row.values.at(body).toString().toUcs4().size(), 100);
        QVERIFY(full.startsWith(row.values.at(body).toString()));
        QCOMPARE(row.values.at(blob).toByteArray().size(), 100);
        QCOMPARE(row.values.at(shortText).toString(), QStringLiteral("short"));
        // The second row: NULL body, empty blob, empty text: none cut, NULL distinct from empty.
        const Row &other = page.value().rows.at(1);
        QVERIFY(!other.values.at(body).isValid());
        QCOMPARE(other.values.at(blob).toByteArray(), QByteArray());
        QVERIFY(other.values.at(blob).isValid());
        QCOMPARE(other.values.at(shortText), QVariant(QStringLiteral("")));
        QVERIFY(other.truncated.count(true) == 0);

        auto whole = resultOf(data::loadCell(db.registry, db.connection, docs, row.key, QStringLiteral("body")));
        QVERIFY(whole.ok());
        QCOMPARE(whole.value().toString(), full);
        whole = resultOf(data::loadCell(db.registry, db.connection, docs, row.key, QStringLiteral("blob")));
        QCOMPARE(whole.value().toByteArray().size(), 5000);
        QCOMPARE(whole.value().toByteArray().at(4999), char(4999 % 251));
        auto empty = resultOf(data::loadCell(db.registry, db.connection, docs, other.key, QStringLiteral("blob")));
        QVERIFY(empty.value().isValid());
        QCOMPARE(empty.value().toByteArray().size(), 0);
        auto null = resultOf(data::loadCell(db.registry, db.connection, docs, other.key, QStringLiteral("body")));
        QVERIFY(null.ok() && !null.value().isValid());
        auto gone = resultOf(data::loadCell(db.registry, db.connection, docs, {QVariant(12345)}, QStringLiteral("body")));
        QCOMPARE(gone.error().code(), ErrorCode::NotFound);
        auto unknown = resultOf(data::loadCell(db.registry, db.connection, docs, row.key, QStringLiteral("nope")));
        QCOMPARE(unknown.error().code(), ErrorCode::ValidationFailed);
        r.truncateAt = 0; // never truncate
        page = db.page(docs, r);
        QCOMPARE(page.value().rows.first().values.at(body).toString(), full);
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
        auto profile = m_pg.createDatabase();
        QVERIFY(m_pgDb.open(profile).ok());
        const db::Dialect &dialect = db::dialectFor(config::Driver::Postgres);
        const QString q = dialect.quoteIdentifier(kSchema);
        const QString t = q + QLatin1Char('.') + dialect.quoteIdentifier(kTable);
        QVERIFY(m_pgDb.script(QStringLiteral(
            "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
            "CREATE DOMAIN posint AS integer CHECK (VALUE > 0);"
            "CREATE DOMAIN flag AS boolean;"
            "CREATE TABLE parent (id int PRIMARY KEY, other int, UNIQUE (id, other));"
            "CREATE TABLE kinds (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n_small smallint, n_big bigint DEFAULT 7,"
            " n_num numeric(10,2), n_real real, n_double double precision, t text, vc varchar(40), vc_free varchar, ch char(3),"
            " b boolean NOT NULL DEFAULT false, fl flag, d date, tm time, ts timestamp, tstz timestamptz, iv interval, u uuid,"
            " j json, jb jsonb, x xml, p point, ints integer[], texts text[], moods mood[], bin bytea, m mood, dom posint,"
            " g int GENERATED ALWAYS AS (n_small * 2) STORED, byid bigint GENERATED BY DEFAULT AS IDENTITY,"
            " parent_id int REFERENCES parent (id), p2 int, p3 int, FOREIGN KEY (p3, p2) REFERENCES parent (id, other));"
            "INSERT INTO parent VALUES (1, 2);"
            "INSERT INTO kinds (n_small, n_num, n_real, n_double, t, vc, b, fl, d, tm, ts, tstz, iv, u, j, jb, x, p, ints, texts,"
            " moods, bin, m, dom, parent_id) VALUES (3, 12.5, 1.5, 0.1, 'text', 'vc', true, true, '2024-02-29', '13:14:15',"
            " '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15+00', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
            " '{\"a\": [1, 2]}', '{\"b\": null}', '<x/>', '(1,2)', '{1,NULL,3}', '{\"a b\",c}', '{sad,happy}', '\\x00ff10',"
            " 'ok', 5, 1);"
            "CREATE VIEW kinds_view AS SELECT id, t FROM kinds;"
            "CREATE MATERIALIZED VIEW kinds_mv AS SELECT id, t FROM kinds;"
            "CREATE TABLE docs (id int PRIMARY KEY, body text, blob bytea, short text);"
            "CREATE SCHEMA %1; CREATE TABLE %2 (\"Key \"\"Id\"\"\" int PRIMARY KEY, \"Mixed Case\" int, \"select\" text,"
            " \"a.b\" text, \"ünïcødé 列\" text);"
            "INSERT INTO %2 SELECT g, g % 4, CASE WHEN g % 2 = 0 THEN 's' || g ELSE 'x' END, 'v' || g,"
            " CASE WHEN g % 10 = 0 THEN NULL ELSE 'ü' END FROM generate_series(1, 40) g;").arg(q, t)).ok());
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath(QStringLiteral("shapes.sqlite"));
        QFile create(file);
        QVERIFY(create.open(QIODevice::WriteOnly));
        create.close();
        QVERIFY(m_lite.open(test::sqliteProfile(file)).ok());
        QVERIFY(m_lite.script(QStringLiteral(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
            "CREATE TABLE kinds (id INTEGER PRIMARY KEY, i INT NOT NULL DEFAULT 3, r REAL, t TEXT, b BOOLEAN, d DATE,"
            " ts DATETIME, j JSON, u UUID, bin BLOB, anything, g INTEGER GENERATED ALWAYS AS (i * 2) VIRTUAL,"
            " gs TEXT GENERATED ALWAYS AS (t || 'x') STORED, parent_id INTEGER REFERENCES parent (id), p2 REFERENCES parent);"
            "INSERT INTO kinds (i, r, t, b, bin, anything) VALUES (1, 0.5, 'x', 1, x'00ff10', 'any');"
            "CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, blob BLOB, short TEXT);"
            "CREATE TABLE \"Tab le.\"\"Q\"\" select\" (\"Key \"\"Id\"\"\" INTEGER PRIMARY KEY, \"Mixed Case\" INTEGER,"
            " \"select\" TEXT, \"a.b\" TEXT, \"ünïcødé 列\" TEXT);"
            "WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < 40) "
            "INSERT INTO \"Tab le.\"\"Q\"\" select\" SELECT g, g % 4, CASE WHEN g % 2 = 0 THEN 's' || g ELSE 'x' END, 'v' || g,"
            " CASE WHEN g % 10 = 0 THEN NULL ELSE 'ü' END FROM s;")).ok());
        // Long values go in bound, as the application would write them.
        QByteArray bytes;
        for (int i = 0; i < 5000; ++i)
            bytes += char(i % 251);
        const QString body = longText();
        for (test::DataHarness *db : {&m_pgDb, &m_lite}) {
            auto inserted = resultOf(db->registry.pool(db->connection)->run([&](db::Session &s) -> Result<qint64> {
                auto one = s.execute(QStringLiteral("INSERT INTO docs VALUES (1, ?, ?, 'short')"),
                                     {body, EditSql::bindable(s.profile().driver, bytes)});
                if (!one)
                    return one.error();
                return s.execute(QStringLiteral("INSERT INTO docs VALUES (2, NULL, ?, ?)"),
                                 {EditSql::bindable(s.profile().driver, QByteArray("", 0)), QStringLiteral("")});
            }));
            QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().toString()));
        }
    }

    void postgresDescribesEveryType()
    {
        auto shape = TW_OK(m_pgDb.describe(QString(), QStringLiteral("kinds")));
        QVERIFY(shape.ok());
        const TableShape &s = shape.value();
        using LT = db::LogicalType;
        QCOMPARE(s.columns.size(), 33);
        QCOMPARE(s.columns.first().name, QStringLiteral("id"));
        QVERIFY(col(s, "id").identityAlways && col(s, "id").identity && !col(s, "id").writable());
        QVERIFY(col(s, "byid").identity && !col(s, "byid").identityAlways && col(s, "byid").writable());
        QVERIFY(col(s, "g").generated && !col(s, "g").writable() && col(s, "g").defaultExpression.isEmpty());
        QCOMPARE(col(s, "n_small").logical, LT::Integer);
        QCOMPARE(col(s, "n_big").logical, LT::BigInt);
        QCOMPARE(col(s, "n_big").defaultExpression, QStringLiteral("7"));
        QCOMPARE(col(s, "n_num").logical, LT::Numeric);
        QCOMPARE(col(s, "n_num").nativeType, QStringLiteral("numeric(10,2)"));
        QCOMPARE(col(s, "n_double").logical, LT::Real);
        QCOMPARE(col(s, "vc").logical, LT::Text);
        QVERIFY(!col(s, "vc").mayBeLarge && col(s, "vc_free").mayBeLarge && col(s, "t").mayBeLarge);
        QVERIFY(col(s, "b").notNull);
        QCOMPARE(col(s, "b").logical, LT::Boolean);
        QCOMPARE(col(s, "fl").logical, LT::Boolean); // domain: its base type
        QCOMPARE(col(s, "dom").logical, LT::Integer);
        QCOMPARE(col(s, "tstz").logical, LT::TimestampTz);
        QCOMPARE(col(s, "ts").logical, LT::Timestamp);
        QCOMPARE(col(s, "d").logical, LT::Date);
        QCOMPARE(col(s, "tm").logical, LT::Time);
        QCOMPARE(col(s, "u").logical, LT::Uuid);
        QCOMPARE(col(s, "jb").logical, LT::Json);
        QCOMPARE(col(s, "bin").logical, LT::Bytes);
        QVERIFY(col(s, "ints").isArray && col(s, "moods").isArray && !col(s, "m").isArray);
        QCOMPARE(col(s, "m").enumLabels, (QStringList{QStringLiteral("sad"), QStringLiteral("ok"), QStringLiteral("happy")}));
        for (const char *sortable : {"id", "t", "vc", "b", "fl", "tstz", "iv", "u", "jb", "ints", "texts", "moods", "bin", "m", "dom"})
            QVERIFY2(col(s, sortable).sortable, sortable);
        for (const char *unsortable : {"j", "x", "p"})
            QVERIFY2(!col(s, unsortable).sortable, unsortable);
        for (const char *large : {"j", "jb", "x", "ints", "bin"})
            QVERIFY2(col(s, large).mayBeLarge, large);
        QCOMPARE(s.foreignKeys.size(), 2);
        // By name: kinds_p3_p2_fkey, kinds_parent_id_fkey.
        QCOMPARE(s.foreignKeys.at(1).columns, QStringList{QStringLiteral("parent_id")});
        QCOMPARE(s.foreignKeys.at(1).referenced.name, QStringLiteral("parent"));
        QCOMPARE(s.foreignKeys.at(1).referenced.schema, QStringLiteral("public"));
        QCOMPARE(s.foreignKeys.at(0).columns, (QStringList{QStringLiteral("p3"), QStringLiteral("p2")}));
        QCOMPARE(s.foreignKeys.at(0).referencedColumns, (QStringList{QStringLiteral("id"), QStringLiteral("other")}));

        // Values as Page.h promises: bool as bool, bytea as bytes, the rest as the server prints it.
        auto page = TW_OK(m_pgDb.page(s, request()));
        QVERIFY(page.ok());
        const Row &row = page.value().rows.first();
        auto v = [&](const char *name) { return row.values.at(s.columnIndex(QString::fromLatin1(name))); };
        QCOMPARE(v("b"), QVariant(true));
        QCOMPARE(v("fl"), QVariant(true));
        QCOMPARE(v("bin"), QVariant(QByteArray::fromHex("00ff10")));
        QCOMPARE(v("n_num"), QVariant(QStringLiteral("12.50")));
        QCOMPARE(v("n_double"), QVariant(QStringLiteral("0.1")));
        QCOMPARE(v("ints"), QVariant(QStringLiteral("{1,NULL,3}")));
        QCOMPARE(v("texts"), QVariant(QStringLiteral("{\"a b\",c}")));
        QCOMPARE(v("iv"), QVariant(QStringLiteral("1 day 02:03:04")));
        QCOMPARE(v("ts"), QVariant(QStringLiteral("2024-02-29 13:14:15.123456")));
        QCOMPARE(v("jb"), QVariant(QStringLiteral("{\"b\": null}")));
        QCOMPARE(v("g"), QVariant(QStringLiteral("6")));
        QVERIFY(!v("vc_free").isValid());
        for (const ColumnInfo &c : s.columns) {
            auto sorted = m_pgDb.page(s, request({{c.name, true}}));
            QCOMPARE(sorted.ok(), c.sortable);
            if (!c.sortable)
                QCOMPARE(sorted.error().code(), ErrorCode::ValidationFailed);
        }
        // Filters on every type take text values, as a filter row types them.
        auto filtered = m_pgDb.page(s, request({}, {Filter{QStringLiteral("tstz"), FilterOp::Equal, {QStringLiteral("2024-02-29 14:14:15+01")}},
                                                    Filter{QStringLiteral("u"), FilterOp::In, {QStringLiteral("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")}},
                                                    Filter{QStringLiteral("ints"), FilterOp::Like, {QStringLiteral("{1,%")}},
                                                    Filter{QStringLiteral("m"), FilterOp::Greater, {QStringLiteral("sad")}},
                                                    Filter{QStringLiteral("bin"), FilterOp::Equal, {QByteArray::fromHex("00ff10")}}}));
        QVERIFY2(filtered.ok(), qPrintable(filtered.ok() ? QString() : filtered.error().toString()));
        QCOMPARE(filtered.value().rows.size(), 1);
    }

    void postgresViewsAndMaterializedViewsAreReadOnly()
    {
        auto view = TW_OK(m_pgDb.describe(QString(), QStringLiteral("kinds_view")));
        QCOMPARE(view.value().kind, catalog::TableRef::Kind::View);
        QCOMPARE(view.value().estimatedRows, -1);
        auto mv = TW_OK(m_pgDb.describe(QString(), QStringLiteral("kinds_mv")));
        QCOMPARE(mv.value().kind, catalog::TableRef::Kind::MaterializedView);
        QCOMPARE(mv.value().identity, RowIdentity::None);
        QVERIFY(!mv.value().editable && mv.value().readOnlyReason.contains(QLatin1String("materialized view")));
        QCOMPARE(m_pgDb.page(mv.value(), request()).value().rows.size(), 1);
    }

    void postgresAwkwardIdentifiers() { checkAwkward(m_pgDb, kSchema); }
    void postgresTruncatesLargeValuesAndLoadsThemWhole()
    {
        auto docs = TW_OK(m_pgDb.describe(QString(), QStringLiteral("docs")));
        QVERIFY(docs.ok());
        checkTruncation(m_pgDb, docs.value());
    }

    void sqliteDescribesEveryType()
    {
        auto shape = TW_OK(m_lite.describe(QString(), QStringLiteral("kinds")));
        QVERIFY(shape.ok());
        const TableShape &s = shape.value();
        using LT = db::LogicalType;
        QCOMPARE(s.columns.size(), 15);
        QCOMPARE(col(s, "i").logical, LT::Integer);
        QVERIFY(col(s, "i").notNull);
        QCOMPARE(col(s, "i").defaultExpression, QStringLiteral("3"));
        QCOMPARE(col(s, "r").logical, LT::Real);
        QCOMPARE(col(s, "b").logical, LT::Boolean);
        QCOMPARE(col(s, "ts").logical, LT::Timestamp);
        QCOMPARE(col(s, "j").logical, LT::Json);
        QCOMPARE(col(s, "bin").logical, LT::Bytes);
        QVERIFY(col(s, "t").mayBeLarge && col(s, "bin").mayBeLarge && col(s, "anything").mayBeLarge && !col(s, "i").mayBeLarge);
        QVERIFY(col(s, "g").generated && !col(s, "g").writable());
        QVERIFY(col(s, "gs").generated && !col(s, "gs").writable());
        QVERIFY(col(s, "t").writable());
        QCOMPARE(s.foreignKeys.size(), 2);
        QCOMPARE(s.foreignKeys.at(0).referenced.name, QStringLiteral("parent"));
        QCOMPARE(s.foreignKeys.at(1).referencedColumns, QStringList{QStringLiteral("id")}); // implicit: the primary key
        auto page = TW_OK(m_lite.page(s, request()));
        QVERIFY(page.ok());
        const Row &row = page.value().rows.first();
        QCOMPARE(row.values.at(s.columnIndex(QStringLiteral("bin"))), QVariant(QByteArray::fromHex("00ff10")));
        QCOMPARE(row.values.at(s.columnIndex(QStringLiteral("g"))), QVariant(qint64(2)));
        QCOMPARE(row.values.at(s.columnIndex(QStringLiteral("gs"))), QVariant(QStringLiteral("xx")));
        QVERIFY(!row.values.at(s.columnIndex(QStringLiteral("d"))).isValid());
        // The version is the same hash the edit side computes.
        const QString version = m_lite.scalar(QStringLiteral(
            "SELECT tw_row_version(id, i, r, t, b, d, ts, j, u, bin, anything, g, gs, parent_id, p2) FROM kinds"));
        QCOMPARE(rendered(row.version), version);
    }

    void sqliteAwkwardIdentifiers() { checkAwkward(m_lite, QString()); }
    void sqliteTruncatesLargeValuesAndLoadsThemWhole()
    {
        auto docs = TW_OK(m_lite.describe(QString(), QStringLiteral("docs")));
        QVERIFY(docs.ok());
        checkTruncation(m_lite, docs.value());
    }
};

QTEST_GUILESS_MAIN(TestDataShapes)
#include "tst_data_shapes.moc"
