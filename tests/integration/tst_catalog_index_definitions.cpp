// The PostgreSQL snapshot spells most index and key-constraint definitions
// itself instead of calling pg_get_indexdef / pg_get_constraintdef per row,
// and maps key columns from attnums
// instead of a name subquery per row (core/catalog/sql/postgres/indexes.sql,
// constraints.sql). These tests hold both to the server's own answers, byte
// for byte, over databases with many index shapes and awkward names.
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "catalog/PostgresCatalog.h"
#include "db/Pool.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tw;

namespace {

// Every index shape the reader may spell or must leave to the server, with
// names that need quoting: keywords PostgreSQL quotes ("user", "order",
// "from", "select") and unreserved ones it does not (name, data, comment).
const char *const kShapes = R"sql(
CREATE SCHEMA "Sales Dept";
CREATE SCHEMA "select";
CREATE TABLE "Sales Dept"."Order Items" (
    id integer PRIMARY KEY,
    "user" text NOT NULL,
    "order" integer,
    "from" date,
    name text,
    data jsonb,
    comment varchar(40),
    "MixedCase" text COLLATE "C",
    "a""b" int,
    "ÜmlautSpalte" text,
    tags integer[],
    span int4range,
    price numeric(10, 2),
    place point,
    -- a keyword only from PostgreSQL 16 on: the server's own list decides
    "system_user" int,
    UNIQUE ("user", "order"),
    UNIQUE NULLS NOT DISTINCT ("from")
);
CREATE INDEX "Idx One" ON "Sales Dept"."Order Items" ("order", "from");
CREATE INDEX user_order ON "Sales Dept"."Order Items" ("user") INCLUDE ("order", name);
CREATE UNIQUE INDEX uq_name_data ON "Sales Dept"."Order Items" (name) INCLUDE (data);
CREATE INDEX desc_idx ON "Sales Dept"."Order Items" ("order" DESC);
CREATE INDEX nulls_first_idx ON "Sales Dept"."Order Items" ("from" NULLS FIRST);
CREATE INDEX collate_c_idx ON "Sales Dept"."Order Items" (name COLLATE "C");
CREATE INDEX collate_default_idx ON "Sales Dept"."Order Items" ("MixedCase" COLLATE "default");
CREATE INDEX column_collation_idx ON "Sales Dept"."Order Items" ("MixedCase");
CREATE INDEX pattern_idx ON "Sales Dept"."Order Items" (name text_pattern_ops);
CREATE INDEX varchar_idx ON "Sales Dept"."Order Items" (comment);
CREATE INDEX varchar_pattern_idx ON "Sales Dept"."Order Items" (comment varchar_pattern_ops);
CREATE INDEX expr_idx ON "Sales Dept"."Order Items" (lower(name), "order");
CREATE INDEX partial_idx ON "Sales Dept"."Order Items" ("order") WHERE "order" > 10;
CREATE INDEX fill_idx ON "Sales Dept"."Order Items" (price) WITH (fillfactor = 70);
CREATE INDEX gin_idx ON "Sales Dept"."Order Items" USING gin (data);
CREATE INDEX gin_array_idx ON "Sales Dept"."Order Items" USING gin (tags);
CREATE INDEX gist_idx ON "Sales Dept"."Order Items" USING gist (span);
CREATE INDEX spgist_idx ON "Sales Dept"."Order Items" USING spgist (place);
CREATE INDEX brin_idx ON "Sales Dept"."Order Items" USING brin ("from");
CREATE INDEX hash_idx ON "Sales Dept"."Order Items" USING hash ("user");
CREATE INDEX quote_idx ON "Sales Dept"."Order Items" ("a""b", "ÜmlautSpalte");
CREATE INDEX "select" ON "Sales Dept"."Order Items" ("user", data, comment, name);
CREATE INDEX system_user_idx ON "Sales Dept"."Order Items" ("system_user", id);
CREATE INDEX int_array_btree_idx ON "Sales Dept"."Order Items" (tags);

CREATE TABLE "select"."ÜmlautTäble" (
    "Id" bigint PRIMARY KEY,
    "user" text,
    "order" int REFERENCES "Sales Dept"."Order Items" (id),
    UNIQUE ("user") DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX "ÜmlautIdx" ON "select"."ÜmlautTäble" ("order", "Id");

CREATE DOMAIN public.positive AS integer CHECK (VALUE > 0);
CREATE TABLE public.with_domain (id public.positive, code char(3), o oid, n name);
CREATE INDEX domain_idx ON public.with_domain (id);
CREATE INDEX bpchar_idx ON public.with_domain (code);
CREATE INDEX oid_idx ON public.with_domain (o);
CREATE INDEX name_idx ON public.with_domain (n);
CREATE INDEX name_default_collation_idx ON public.with_domain (n COLLATE "default");

CREATE TABLE public.measurements (
    city_id int NOT NULL,
    logdate date NOT NULL,
    "value" int,
    PRIMARY KEY (city_id, logdate)
) PARTITION BY RANGE (logdate);
CREATE INDEX measurements_value_idx ON public.measurements ("value");
CREATE INDEX measurements_desc_idx ON public.measurements (logdate DESC);
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY RANGE (logdate);
CREATE TABLE public.measurements_2024_h1 PARTITION OF public.measurements_2024
    FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
CREATE TABLE public.measurements_2025 PARTITION OF public.measurements
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX measurements_2025_city ON public.measurements_2025 (city_id);

CREATE TABLE public.dropped (a int, b int, c int, d text);
ALTER TABLE public.dropped DROP COLUMN b;
CREATE INDEX dropped_idx ON public.dropped (d, a) INCLUDE (c);
ALTER TABLE public.dropped ADD CONSTRAINT dropped_check CHECK (tableoid <> 0 AND c > a);

-- An exclusion constraint with an expression: conkey holds a 0 for it.
CREATE TABLE public.bookings (
    during int4range,
    EXCLUDE USING gist (during WITH &&, int4range(lower(during), upper(during) + 1) WITH &&)
);

CREATE MATERIALIZED VIEW public.mv AS SELECT id, "user" FROM "Sales Dept"."Order Items";
CREATE UNIQUE INDEX mv_id ON public.mv (id);

-- A key to a table the snapshot does not load (an extension member): its
-- column names cannot come from the loaded columns.
CREATE TABLE public.ext_member (k int PRIMARY KEY, "Other Key" int UNIQUE);
ALTER EXTENSION plpgsql ADD TABLE public.ext_member;
CREATE TABLE public.refs_ext (v int REFERENCES public.ext_member ("Other Key"));
CREATE TABLE public.fk_more (
    id int,
    a int, b int,
    CONSTRAINT fk_more_pkey PRIMARY KEY (id) INCLUDE (a),
    CONSTRAINT set_null_cols FOREIGN KEY (a, b) REFERENCES public.fk_parent2 (x, y) ON DELETE SET NULL (b),
    CONSTRAINT deferrable_fk FOREIGN KEY (b, a) REFERENCES public.fk_parent2 (x, y) MATCH SIMPLE
        ON UPDATE RESTRICT ON DELETE SET DEFAULT DEFERRABLE,
    CONSTRAINT "Unique Include" UNIQUE (b) INCLUDE (a)
);
ALTER TABLE public.fk_more ADD CONSTRAINT not_valid_fk FOREIGN KEY (b, a) REFERENCES public.fk_parent2 NOT VALID;
CREATE TABLE public.fk_child (
    a int, b int, c int,
    FOREIGN KEY (b, a) REFERENCES public.fk_parent2 (y, x) MATCH FULL ON DELETE CASCADE ON UPDATE SET NULL
);
)sql";

// The fk_parent2 of kShapes must exist before fk_child: a second script.
const char *const kShapesFirst = R"sql(
CREATE TABLE public.fk_parent2 (x int, y int, PRIMARY KEY (x, y));
)sql";

struct ServerIndex
{
    QString definition;
    QStringList keys;
    QStringList include;
};

struct ServerConstraint
{
    QString definition;
    QStringList columns;
    QStringList refColumns;
};

QStringList jsonStrings(const QVariant &value)
{
    QStringList out;
    for (const auto &item : QJsonDocument::fromJson(value.toString().toUtf8()).array())
        out << item.toString();
    return out;
}

// The server's answers, keyed "schema.table.name": pg_get_indexdef and the
// key-column subquery the loader used before it mapped attnums itself.
Result<QHash<QString, ServerIndex>> serverIndexes(const config::ConnectionProfile &profile)
{
    db::Pool pool(profile);
    return test::resultOf(pool.run([](db::Session &s) -> Result<QHash<QString, ServerIndex>> {
        auto rows = s.exec(QStringLiteral(R"sql(
SELECT n.nspname, c.relname, ic.relname, pg_get_indexdef(i.indexrelid), i.indnkeyatts,
       array_to_json(ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0
                                       THEN pg_get_indexdef(i.indexrelid, k, true)
                                       ELSE (SELECT a.attname::text FROM pg_attribute a
                                             WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1])
                                  END
                           FROM generate_series(1, i.indnatts) AS k
                           ORDER BY k))::text
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
)sql"));
        if (!rows.ok())
            return rows.error();
        QHash<QString, ServerIndex> out;
        while (rows.value().next()) {
            db::Rows &r = rows.value();
            const QStringList columns = jsonStrings(r.value(5));
            const int keys = r.value(4).toInt();
            out.insert(r.value(0).toString() + u'.' + r.value(1).toString() + u'.' + r.value(2).toString(),
                       ServerIndex{r.value(3).toString(), columns.mid(0, keys), columns.mid(keys)});
        }
        return out;
    }));
}

Result<QHash<QString, ServerConstraint>> serverConstraints(const config::ConnectionProfile &profile)
{
    db::Pool pool(profile);
    return test::resultOf(pool.run([](db::Session &s) -> Result<QHash<QString, ServerConstraint>> {
        // The loader reads with an empty search_path, so referenced tables
        // come schema-qualified: compare in the same setting.
        if (auto set = s.exec(QStringLiteral("SELECT set_config('search_path', '', false)")); !set.ok())
            return set.error();
        auto rows = s.exec(QStringLiteral(R"sql(
SELECT n.nspname, c.relname, con.conname, pg_get_constraintdef(con.oid),
       array_to_json(ARRAY(SELECT a.attname
                           FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                           ORDER BY k.ord))::text,
       array_to_json(ARRAY(SELECT a.attname
                           FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                           ORDER BY k.ord))::text
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
)sql"));
        if (!rows.ok())
            return rows.error();
        QHash<QString, ServerConstraint> out;
        while (rows.value().next()) {
            db::Rows &r = rows.value();
            out.insert(r.value(0).toString() + u'.' + r.value(1).toString() + u'.' + r.value(2).toString(),
                       ServerConstraint{r.value(3).toString(), jsonStrings(r.value(4)), jsonStrings(r.value(5))});
        }
        return out;
    }));
}

Result<catalog::Snapshot> snapshotOf(const config::ConnectionProfile &profile)
{
    db::Pool pool(profile);
    return test::resultOf(pool.run([](db::Session &s) { return catalog::readPostgresSnapshot(s); }));
}

} // namespace

class TestCatalogIndexDefinitions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void indexDefinitionsAreTheServersOwn_data();
    void indexDefinitionsAreTheServersOwn();
    void constraintsAreTheServersOwn_data();
    void constraintsAreTheServersOwn();
    void keywordsAreQuotedAsTheServerQuotesThem();

private:
    void addDatabases();

    std::unique_ptr<test::ScratchPostgres> m_pg;
    config::ConnectionProfile m_shapes;
    config::ConnectionProfile m_objects;
    config::ConnectionProfile m_chinook;
};

void TestCatalogIndexDefinitions::initTestCase()
{
    m_pg = std::make_unique<test::ScratchPostgres>(QStringLiteral("tw_indexdefs"));
    TW_REQUIRE_SERVICE(m_pg->available(), QStringLiteral("PostgreSQL (TW_TEST_PG_*)"));

    m_shapes = m_pg->createDatabase(QStringLiteral("shapes"));
    QVERIFY2(test::runScript(m_shapes, QString::fromLatin1(kShapesFirst)).ok(), "fk_parent2");
    const Status shapes = test::runScript(m_shapes, QString::fromUtf8(kShapes));
    QVERIFY2(shapes.ok(), qPrintable(shapes.ok() ? QString() : shapes.error().toString()));

    m_objects = m_pg->createDatabaseFrom(QStringLiteral("tests/fixtures/schema/postgres_objects.sql"));

    const auto chinook = test::chinookPostgresScript();
    QVERIFY2(chinook.ok(), qPrintable(chinook.ok() ? QString() : chinook.error().toString()));
    m_chinook = m_pg->createDatabase(QStringLiteral("chinook"));
    const Status loaded = test::runScript(m_chinook, chinook.value());
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
}

void TestCatalogIndexDefinitions::cleanupTestCase()
{
    if (m_pg)
        m_pg->dropAll();
}

void TestCatalogIndexDefinitions::addDatabases()
{
    QTest::addColumn<int>("which");
    QTest::newRow("index shapes") << 0;
    QTest::newRow("postgres_objects.sql") << 1;
    QTest::newRow("chinook") << 2;
}

void TestCatalogIndexDefinitions::indexDefinitionsAreTheServersOwn_data() { addDatabases(); }

void TestCatalogIndexDefinitions::indexDefinitionsAreTheServersOwn()
{
    QFETCH(int, which);
    const config::ConnectionProfile profile = which == 0 ? m_shapes : which == 1 ? m_objects : m_chinook;
    const auto server = serverIndexes(profile);
    QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().toString()));
    const auto snapshot = snapshotOf(profile);
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toString()));
    QVERIFY(snapshot.value().problems.isEmpty());

    int compared = 0;
    for (const catalog::Relation &relation : snapshot.value().relations) {
        for (const catalog::Index &index : relation.indexes) {
            const QString key = relation.schema + u'.' + relation.name + u'.' + index.name;
            QVERIFY2(server.value().contains(key), qPrintable(key));
            const ServerIndex &expected = server.value().value(key);
            QCOMPARE(index.definition, expected.definition);
            QCOMPARE(index.keys, expected.keys);
            QCOMPARE(index.include, expected.include);
            ++compared;
        }
    }
    // Every index of the database was in the snapshot (extension members aside: none here).
    QCOMPARE(compared, server.value().size());
    QVERIFY(compared >= (which == 0 ? 40 : 10));
}

void TestCatalogIndexDefinitions::constraintsAreTheServersOwn_data() { addDatabases(); }

// Definitions equal pg_get_constraintdef, key columns the old subqueries.
void TestCatalogIndexDefinitions::constraintsAreTheServersOwn()
{
    QFETCH(int, which);
    const config::ConnectionProfile profile = which == 0 ? m_shapes : which == 1 ? m_objects : m_chinook;
    const auto server = serverConstraints(profile);
    QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().toString()));
    const auto snapshot = snapshotOf(profile);
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toString()));

    int compared = 0;
    int foreignKeys = 0;
    for (const catalog::Relation &relation : snapshot.value().relations) {
        for (const catalog::Constraint &constraint : relation.constraints) {
            const QString key = relation.schema + u'.' + relation.name + u'.' + constraint.name;
            QVERIFY2(server.value().contains(key), qPrintable(key));
            QCOMPARE(constraint.definition, server.value().value(key).definition);
            QCOMPARE(constraint.columns, server.value().value(key).columns);
            QCOMPARE(constraint.refColumns, server.value().value(key).refColumns);
            foreignKeys += constraint.type == catalog::Constraint::Type::ForeignKey;
            ++compared;
        }
    }
    QVERIFY(compared > 0);
    QVERIFY(foreignKeys > 0);
}

// The reader's quoting follows the server's keyword list: "user" and
// "order" are reserved, "name", "data" and "comment" are not, and the
// definitions show it (compared byte for byte above; spelled out here so a
// failure says which rule broke).
void TestCatalogIndexDefinitions::keywordsAreQuotedAsTheServerQuotesThem()
{
    const auto snapshot = snapshotOf(m_shapes);
    QVERIFY(snapshot.ok());
    const catalog::Relation *items = nullptr;
    for (const catalog::Relation &r : snapshot.value().relations)
        if (r.name == QStringLiteral("Order Items"))
            items = &r;
    QVERIFY(items);
    QString select;
    for (const catalog::Index &index : items->indexes)
        if (index.name == QStringLiteral("select"))
            select = index.definition;
    QCOMPARE(select, QStringLiteral("CREATE INDEX \"select\" ON \"Sales Dept\".\"Order Items\" USING btree "
                                    "(\"user\", data, comment, name)"));
}

QTEST_GUILESS_MAIN(TestCatalogIndexDefinitions)
#include "tst_catalog_index_definitions.moc"
