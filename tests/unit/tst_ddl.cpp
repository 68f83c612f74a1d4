// DDL from hand-built snapshots: identifier quoting, tables with their
// columns, constraints, indexes and comments, creation order, partitions,
// inheritance and typed tables, NOT_FOUND with suggestions. Types, routines,
// triggers, row-level security and SQLite: tst_ddl_objects.cpp.
#include "DdlSamples.h"
#include "catalog/Ddl.h"
#include "catalog/PostgresIdentifiers.h"

#include <QtTest>

using namespace tw;
using namespace tw::catalog;
using namespace tw::catalog::samples;

class TestDdl : public QObject
{
    Q_OBJECT

private slots:
    void identifiersAreQuotedOnlyWhenNeeded_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("orders") << QStringLiteral("orders");
        QTest::newRow("underscore digits") << QStringLiteral("_t2_x") << QStringLiteral("_t2_x");
        QTest::newRow("space") << QStringLiteral("Order Items") << QStringLiteral("\"Order Items\"");
        QTest::newRow("reserved") << QStringLiteral("select") << QStringLiteral("\"select\"");
        QTest::newRow("column-name keyword") << QStringLiteral("integer") << QStringLiteral("\"integer\"");
        QTest::newRow("unreserved keyword") << QStringLiteral("name") << QStringLiteral("name");
        QTest::newRow("non-ascii") << QStringLiteral("ÜmlautTäble") << QStringLiteral("\"ÜmlautTäble\"");
        QTest::newRow("lower non-ascii") << QStringLiteral("größe") << QStringLiteral("\"größe\"");
        QTest::newRow("quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\"\"b\"");
        QTest::newRow("upper") << QStringLiteral("Orders") << QStringLiteral("\"Orders\"");
        QTest::newRow("leading digit") << QStringLiteral("1st") << QStringLiteral("\"1st\"");
        QTest::newRow("dollar") << QStringLiteral("a$b") << QStringLiteral("\"a$b\"");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
    }

    void identifiersAreQuotedOnlyWhenNeeded()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(pgIdent(name), expected);
    }

    void literalsDoubleQuotes()
    {
        QCOMPARE(pgLiteral(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QCOMPARE(pgQualified(QStringLiteral("Sales Data"), QStringLiteral("select")), QStringLiteral("\"Sales Data\".\"select\""));
    }

    void tableComesWithColumnsConstraintsIndexesTriggersAndComments()
    {
        const Snapshot s = shop();
        auto ddl = objectDdl(s, {ObjectKind::Table, QStringLiteral("Sales Data"), QStringLiteral("customer"), {}});
        QVERIFY2(ddl.ok(), qPrintable(ddl.ok() ? QString() : ddl.error().toString()));
        const QString sql = ddl.value();
        QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE \"Sales Data\".customer (\n"
                                             "    id integer DEFAULT nextval('\"Sales Data\".customer_id_seq'::regclass) NOT NULL,\n"
                                             "    \"Email\" text COLLATE \"C\",\n"
                                             "    \"select\" boolean,\n"
                                             "    CONSTRAINT customer_email_check CHECK ((\"Email\" <> ''::text))\n"
                                             ");\n")),
                 qPrintable(sql));
        // The serial's sequence before the table, OWNED BY after it.
        QVERIFY(at(sql, QStringLiteral("CREATE SEQUENCE \"Sales Data\".customer_id_seq AS integer;\n")) < at(sql, QStringLiteral("CREATE TABLE")));
        QVERIFY(at(sql, QStringLiteral("ALTER SEQUENCE \"Sales Data\".customer_id_seq OWNED BY \"Sales Data\".customer.id;")) > at(sql, QStringLiteral("CREATE TABLE")));
        QVERIFY(sql.contains(QStringLiteral("ALTER TABLE ONLY \"Sales Data\".customer\n    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);")));
        QVERIFY(sql.contains(QStringLiteral("ALTER TABLE \"Sales Data\".customer\n    ADD CONSTRAINT customer_late CHECK ((id > 0)) NOT VALID;")));
        QVERIFY(sql.contains(QStringLiteral("CREATE INDEX customer_email_idx ON \"Sales Data\".customer USING btree (\"Email\");")));
        QVERIFY2(!sql.contains(QStringLiteral("CREATE UNIQUE INDEX customer_pkey")), "a constraint's index comes with the constraint");
        QVERIFY(at(sql, QStringLiteral("ALTER TABLE \"Sales Data\".customer DISABLE TRIGGER customer_touch;")) > at(sql, QStringLiteral("CREATE TRIGGER customer_touch")));
        QVERIFY(sql.contains(QStringLiteral("COMMENT ON TABLE \"Sales Data\".customer IS 'People''s data';")));
        QVERIFY(sql.contains(QStringLiteral("COMMENT ON COLUMN \"Sales Data\".customer.\"Email\" IS 'Where we write';")));
        QVERIFY(sql.contains(QStringLiteral("COMMENT ON INDEX \"Sales Data\".customer_email_idx IS 'Lookup';")));
        QCOMPARE(sql.count(QStringLiteral("customer_email_check")), 1);
    }

    void identityColumnsNameTheirSequenceAndNonDefaultOptions()
    {
        const Snapshot s = shop();
        auto ddl = objectDdl(s, {ObjectKind::Table, QStringLiteral("public"), QStringLiteral("Order Items"), {}});
        QVERIFY(ddl.ok());
        QVERIFY2(ddl.value().contains(QStringLiteral(
                     "CREATE UNLOGGED TABLE public.\"Order Items\" (\n"
                     "    id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.\"Order Items_id_seq\" INCREMENT BY 10 START WITH 100) NOT NULL,\n"
                     "    customer_id integer,\n"
                     "    total numeric GENERATED ALWAYS AS ((1 + 1)) STORED\n);")),
                 qPrintable(ddl.value()));
        QVERIFY2(!ddl.value().contains(QStringLiteral("CREATE SEQUENCE")), "identity sequences come with their column");
        QCOMPARE(objectDdl(s, {ObjectKind::Sequence, QStringLiteral("public"), QStringLiteral("Order Items_id_seq"), {}}).value(),
                 QStringLiteral("ALTER TABLE public.\"Order Items\" ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY "
                                "(SEQUENCE NAME public.\"Order Items_id_seq\" INCREMENT BY 10 START WITH 100);\n"));
    }

    void partsOfATableStandAlone()
    {
        const Snapshot s = shop();
        const QString schema = QStringLiteral("Sales Data");
        const QString table = QStringLiteral("customer");
        QCOMPARE(objectDdl(s, {ObjectKind::Column, schema, QStringLiteral("select"), table}).value(),
                 QStringLiteral("ALTER TABLE \"Sales Data\".customer ADD COLUMN \"select\" boolean;\n"));
        QCOMPARE(objectDdl(s, {ObjectKind::Index, schema, QStringLiteral("customer_pkey"), table}).value(),
                 QStringLiteral("ALTER TABLE ONLY \"Sales Data\".customer\n    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);\n"));
        QVERIFY(objectDdl(s, {ObjectKind::Trigger, schema, QStringLiteral("customer_touch"), table}).value()
                    .startsWith(QStringLiteral("CREATE TRIGGER customer_touch BEFORE UPDATE")));
        QVERIFY(objectDdl(s, {ObjectKind::Constraint, schema, QStringLiteral("customer_email_check"), table}).value()
                    .startsWith(QStringLiteral("ALTER TABLE \"Sales Data\".customer\n    ADD CONSTRAINT customer_email_check CHECK")));
    }

    void unknownObjectsAreNotFoundWithCloseMatches()
    {
        const Snapshot s = shop();
        const auto table = objectDdl(s, {ObjectKind::Table, QStringLiteral("Sales Data"), QStringLiteral("custmer"), {}});
        QVERIFY(!table.ok());
        QCOMPARE(table.error().code(), ErrorCode::NotFound);
        QVERIFY(table.error().message().contains(QStringLiteral("Sales Data.custmer")));
        QVERIFY(table.error().details().value(QStringLiteral("suggestions")).toStringList().contains(QStringLiteral("Sales Data.customer")));

        const auto col = objectDdl(s, {ObjectKind::Column, QStringLiteral("Sales Data"), QStringLiteral("emal"), QStringLiteral("customer")});
        QCOMPARE(col.error().code(), ErrorCode::NotFound);
        QVERIFY(col.error().details().value(QStringLiteral("suggestions")).toStringList().contains(QStringLiteral("Email")));

        const auto parent = objectDdl(s, {ObjectKind::Column, QStringLiteral("public"), QStringLiteral("x"), QStringLiteral("nope")});
        QCOMPARE(parent.error().code(), ErrorCode::NotFound);
        QVERIFY(parent.error().message().contains(QStringLiteral("public.nope")));

        const auto schema = schemaDdl(s, QStringLiteral("sales data"));
        QCOMPARE(schema.error().code(), ErrorCode::NotFound);
        QVERIFY(schema.error().details().value(QStringLiteral("suggestions")).toStringList().contains(QStringLiteral("Sales Data")));
    }

    void databaseDdlFollowsDependencyOrder()
    {
        const QString sql = databaseDdl(shop());
        QVERIFY(sql.startsWith(QStringLiteral("SET check_function_bodies = false;\n")));
        const QList<QString> order{
            QStringLiteral("CREATE SCHEMA \"Sales Data\";"),
            QStringLiteral("CREATE EXTENSION IF NOT EXISTS btree_gist"),
            QStringLiteral("CREATE TYPE public.mood AS ENUM"),
            QStringLiteral("CREATE DOMAIN public.money2"),
            QStringLiteral("CREATE TYPE public.size AS ("),
            QStringLiteral("CREATE SEQUENCE \"Sales Data\".customer_id_seq"),
            QStringLiteral("CREATE OR REPLACE FUNCTION public.add("),
            QStringLiteral("CREATE TABLE \"Sales Data\".customer ("),
            QStringLiteral("CREATE TABLE public.sales ("),
            QStringLiteral("CREATE TABLE public.sales_2024 PARTITION OF public.sales\n    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"),
            QStringLiteral("CREATE OR REPLACE FUNCTION public.items()"),      // returns a table's rows
            QStringLiteral("CREATE VIEW public.b_base AS\n SELECT 1 AS one;"),
            QStringLiteral("CREATE VIEW public.a_recent AS"),                  // reads b_base
            QStringLiteral("CREATE MATERIALIZED VIEW public.monthly AS\n SELECT 2 AS two\n  WITH NO DATA;"),
            QStringLiteral("CREATE INDEX customer_email_idx"),
            QStringLiteral("ADD CONSTRAINT customer_pkey PRIMARY KEY (id);"),
            QStringLiteral("ALTER INDEX public.sales_sold_on_idx ATTACH PARTITION public.sales_2024_sold_on_idx;"),
            QStringLiteral("ADD CONSTRAINT items_customer_fk FOREIGN KEY"),
            QStringLiteral("CREATE TRIGGER customer_touch"),
            QStringLiteral("ALTER SEQUENCE \"Sales Data\".customer_id_seq OWNED BY"),
            QStringLiteral("COMMENT ON SCHEMA \"Sales Data\" IS 'It''s sales';"),
        };
        qsizetype previous = -1;
        for (const QString &statement : order) {
            const qsizetype position = at(sql, statement);
            QVERIFY2(position > previous, qPrintable(QStringLiteral("out of order: ") + statement + QStringLiteral("\n") + sql));
            previous = position;
        }
        // The partition's check and column come from its parent; only its own default is set.
        QCOMPARE(sql.count(QStringLiteral("sales_amount_check")), 1);
        QVERIFY(sql.contains(QStringLiteral("ALTER TABLE ONLY public.sales_2024 ALTER COLUMN amount SET DEFAULT 7;")));
        QVERIFY(sql.contains(QStringLiteral("CREATE INDEX sales_2024_sold_on_idx ON public.sales_2024")));
        QVERIFY(!sql.contains(QStringLiteral("CREATE SEQUENCE public.\"Order Items_id_seq\"")));
    }

    void standalonePartitionLeavesOutWhatPartitionOfCreates()
    {
        const Snapshot s = shop();
        const auto ddl = objectDdl(s, {ObjectKind::Table, QStringLiteral("public"), QStringLiteral("sales_2024"), {}});
        QVERIFY(ddl.ok());
        QVERIFY(ddl.value().startsWith(QStringLiteral("CREATE TABLE public.sales_2024 PARTITION OF public.sales")));
        QVERIFY2(!ddl.value().contains(QStringLiteral("CREATE INDEX")), qPrintable(ddl.value()));
        QVERIFY(!ddl.value().contains(QStringLiteral("ATTACH")));
        QVERIFY(!ddl.value().contains(QStringLiteral("sales_amount_check")));
    }

    void schemaDdlKeepsToOneSchema()
    {
        const auto ddl = schemaDdl(shop(), QStringLiteral("Sales Data"));
        QVERIFY(ddl.ok());
        QVERIFY(ddl.value().contains(QStringLiteral("CREATE TABLE \"Sales Data\".customer")));
        QVERIFY(!ddl.value().contains(QStringLiteral("CREATE TABLE public.")));
        QVERIFY(!ddl.value().contains(QStringLiteral("CREATE TYPE public.")));
    }

    void inheritanceChildrenAndTypedTablesDeclareOnlyTheirOwnParts()
    {
        Snapshot s = shop();
        Relation parent = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("animal"));
        Column name = column(QStringLiteral("name"), QStringLiteral("text"));
        name.defaultValue = QStringLiteral("'x'::text");
        parent.columns = {column(QStringLiteral("id"), QStringLiteral("integer"), true), name};
        parent.constraints = {constraint(QStringLiteral("animal_id_check"), Constraint::Type::Check, QStringLiteral("CHECK ((id > 0))"))};
        Relation child = relation(ObjectKind::Table, QStringLiteral("a.b"), QStringLiteral("dog"));
        child.inherits = {{QStringLiteral("public"), QStringLiteral("animal")}};
        child.columns = parent.columns;
        for (Column &c : child.columns)
            c.local = false;                           // only inherited (attislocal)
        child.columns[1].defaultValue.clear();         // dropped in the child
        child.columns << column(QStringLiteral("barks"), QStringLiteral("boolean"), true);
        child.constraints = parent.constraints;        // inherited
        child.constraints[0].local = false;
        child.constraints << constraint(QStringLiteral("dog_own"), Constraint::Type::Check, QStringLiteral("CHECK (barks)"));
        Relation typed = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("sizes"));
        typed.ofType = {QStringLiteral("public"), QStringLiteral("size")};
        typed.columns = {column(QStringLiteral("w"), QStringLiteral("integer"), true), column(QStringLiteral("label"), QStringLiteral("text"))};
        s.relations << child << parent << typed;   // child first: order must come from INHERITS

        const QString sql = databaseDdl(s);
        QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE \"a.b\".dog (\n    barks boolean NOT NULL,\n"
                                             "    CONSTRAINT dog_own CHECK (barks)\n)\nINHERITS (public.animal);\n"
                                             "ALTER TABLE ONLY \"a.b\".dog ALTER COLUMN name DROP DEFAULT;\n")),
                 qPrintable(sql));
        QVERIFY(at(sql, QStringLiteral("CREATE TABLE public.animal (")) < at(sql, QStringLiteral("CREATE TABLE \"a.b\".dog (")));
        QCOMPARE(sql.count(QStringLiteral("CONSTRAINT animal_id_check")), 1);
        QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE public.sizes OF public.size;\n"
                                             "ALTER TABLE ONLY public.sizes ALTER COLUMN w SET NOT NULL;\n")),
                 qPrintable(sql));
        QVERIFY(at(sql, QStringLiteral("CREATE TYPE public.size")) < at(sql, QStringLiteral("CREATE TABLE public.sizes")));
    }

    // review2: p1 (a DEFAULT 1), p2 (a DEFAULT 2), kid (a DEFAULT 3) INHERITS
    // (p1, p2): leaving kid's own `a` out fails ("inherits conflicting
    // default values") and loses attislocal.
    void columnsAndChecksBothOwnAndInheritedAreDeclaredAgain()
    {
        Snapshot s = shop();
        auto withDefault = [](const QString &name, const QString &value) {
            Column c = column(name, QStringLiteral("integer"));
            c.defaultValue = value;
            return c;
        };
        Relation p1 = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("p1"));
        p1.columns = {withDefault(QStringLiteral("a"), QStringLiteral("1")), withDefault(QStringLiteral("n"), QStringLiteral("5"))};
        Column twice = column(QStringLiteral("g"), QStringLiteral("integer"));
        twice.generated = QStringLiteral("(a * 2)");
        twice.generatedStorage = QStringLiteral("stored");
        p1.columns << twice;
        p1.constraints = {constraint(QStringLiteral("a_positive"), Constraint::Type::Check, QStringLiteral("CHECK ((a > 0))"))};
        Relation p2 = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("p2"));
        p2.columns = {withDefault(QStringLiteral("a"), QStringLiteral("2")), withDefault(QStringLiteral("n"), QStringLiteral("6"))};
        Relation kid = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("kid"));
        kid.inherits = {{QStringLiteral("public"), QStringLiteral("p1")}, {QStringLiteral("public"), QStringLiteral("p2")}};
        kid.columns = {withDefault(QStringLiteral("a"), QStringLiteral("3")), withDefault(QStringLiteral("n"), QString()), twice,
                       column(QStringLiteral("d"), QStringLiteral("integer"))};
        kid.columns[1].local = false;   // inherited only, its default dropped later
        kid.constraints = p1.constraints;   // local and inherited: conislocal stays true
        Relation plain = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("plain"));
        plain.inherits = {{QStringLiteral("public"), QStringLiteral("p1")}};
        plain.columns = p1.columns;
        for (Column &c : plain.columns)
            c.local = false;
        plain.constraints = p1.constraints;
        plain.constraints[0].local = false;
        s.relations << kid << p1 << p2 << plain;

        const QString sql = databaseDdl(s);
        QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE public.kid (\n    a integer DEFAULT 3,\n    n integer DEFAULT NULL,\n"
                                             "    g integer,\n    d integer,\n    CONSTRAINT a_positive CHECK ((a > 0))\n)\n"
                                             "INHERITS (public.p1, public.p2);\n")),
                 qPrintable(sql));
        QVERIFY(!sql.contains(QStringLiteral("ALTER TABLE ONLY public.kid")));
        QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE public.plain (\n)\nINHERITS (public.p1);\n")), qPrintable(sql));
        QVERIFY(!sql.contains(QStringLiteral("ALTER TABLE ONLY public.plain")));
        QCOMPARE(sql.count(QStringLiteral("CONSTRAINT a_positive")), 2);
    }

    // review2: ALTER TABLE nc ALTER a DROP NOT NULL on an INHERITS child of
    // np (a NOT NULL) came back NOT NULL; a partition cannot drop it.
    void anInheritanceChildKeepsANotNullItDropped()
    {
        Snapshot s = shop();
        Relation np = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("np"));
        np.columns = {column(QStringLiteral("a"), QStringLiteral("integer"), true)};
        Relation nc = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("nc"));
        nc.inherits = {{QStringLiteral("public"), QStringLiteral("np")}};
        nc.columns = {column(QStringLiteral("a"), QStringLiteral("integer"))};
        nc.columns[0].local = false;
        Relation own = nc;              // declared too: NOT NULL comes from np all the same
        own.name = QStringLiteral("own");
        own.columns[0].local = true;
        s.relations << np << nc << own;

        const QString sql = databaseDdl(s);
        QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE public.nc (\n)\nINHERITS (public.np);\n"
                                             "ALTER TABLE ONLY public.nc ALTER COLUMN a DROP NOT NULL;\n")),
                 qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE public.own (\n    a integer\n)\nINHERITS (public.np);\n"
                                             "ALTER TABLE ONLY public.own ALTER COLUMN a DROP NOT NULL;\n")),
                 qPrintable(sql));
        QVERIFY(!sql.contains(QStringLiteral("ALTER TABLE ONLY public.np")));
    }
};

QTEST_GUILESS_MAIN(TestDdl)
#include "tst_ddl.moc"
