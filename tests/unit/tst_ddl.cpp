// DDL from hand-built snapshots: identifier quoting, statement shapes,
// creation order, partitions, NOT_FOUND with suggestions, SQLite texts.
#include "catalog/Ddl.h"
#include "catalog/PostgresIdentifiers.h"

#include <QtTest>

using namespace tw;
using namespace tw::catalog;

namespace {

Column column(const QString &name, const QString &type, bool notNull = false)
{
    Column c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    return c;
}

Constraint constraint(const QString &name, Constraint::Type type, const QString &definition)
{
    Constraint c;
    c.name = name;
    c.type = type;
    c.definition = definition;
    return c;
}

Relation relation(ObjectKind kind, const QString &schema, const QString &name)
{
    Relation r;
    r.kind = kind;
    r.schema = schema;
    r.name = name;
    return r;
}

// A small shop: a serial table, an identity table with a FK, a view on a view,
// a partitioned table with a partition, a routine returning a table's rows.
Snapshot shop()
{
    Snapshot s;
    s.driver = config::Driver::Postgres;
    s.schemas = {{QStringLiteral("Sales Data"), {}, QStringLiteral("It's sales")}, {QStringLiteral("public"), {}, {}}};
    s.extensions = {{QStringLiteral("btree_gist"), QStringLiteral("public"), QStringLiteral("1.7"), {}}};
    s.enums = {{QStringLiteral("public"), QStringLiteral("mood"), {QStringLiteral("ok"), QStringLiteral("isn't")}, {}}};
    Domain money;
    money.schema = QStringLiteral("public");
    money.name = QStringLiteral("money2");
    money.baseType = QStringLiteral("numeric(10,2)");
    money.notNull = true;
    money.defaultValue = QStringLiteral("0");
    money.checks = {{QStringLiteral("money2_positive"), QStringLiteral("CHECK ((VALUE >= (0)::numeric))")},
                    {QStringLiteral("money2_cap"), QStringLiteral("CHECK ((VALUE < (100)::numeric)) NOT VALID")}};
    s.domains = {money};
    s.composites = {{QStringLiteral("public"), QStringLiteral("size"),
                     {{QStringLiteral("w"), QStringLiteral("integer"), {}, {}}, {QStringLiteral("label"), QStringLiteral("text"), QStringLiteral("C"), {}}},
                     {}}};

    Relation customer = relation(ObjectKind::Table, QStringLiteral("Sales Data"), QStringLiteral("customer"));
    Column id = column(QStringLiteral("id"), QStringLiteral("integer"), true);
    id.defaultValue = QStringLiteral("nextval('\"Sales Data\".customer_id_seq'::regclass)");
    Column email = column(QStringLiteral("Email"), QStringLiteral("text"));
    email.collation = QStringLiteral("C");
    email.comment = QStringLiteral("Where we write");
    customer.columns = {id, email, column(QStringLiteral("select"), QStringLiteral("boolean"))};
    customer.constraints = {constraint(QStringLiteral("customer_pkey"), Constraint::Type::PrimaryKey, QStringLiteral("PRIMARY KEY (id)")),
                            constraint(QStringLiteral("customer_email_check"), Constraint::Type::Check, QStringLiteral("CHECK ((\"Email\" <> ''::text))")),
                            constraint(QStringLiteral("customer_late"), Constraint::Type::Check, QStringLiteral("CHECK ((id > 0)) NOT VALID"))};
    customer.constraints[2].validated = false;
    Index pkey;
    pkey.name = QStringLiteral("customer_pkey");
    pkey.primary = pkey.unique = true;
    pkey.constraintName = QStringLiteral("customer_pkey");
    pkey.definition = QStringLiteral("CREATE UNIQUE INDEX customer_pkey ON \"Sales Data\".customer USING btree (id)");
    Index byEmail;
    byEmail.name = QStringLiteral("customer_email_idx");
    byEmail.definition = QStringLiteral("CREATE INDEX customer_email_idx ON \"Sales Data\".customer USING btree (\"Email\")");
    byEmail.comment = QStringLiteral("Lookup");
    customer.indexes = {pkey, byEmail};
    Trigger touch;
    touch.name = QStringLiteral("customer_touch");
    touch.definition = QStringLiteral("CREATE TRIGGER customer_touch BEFORE UPDATE ON \"Sales Data\".customer FOR EACH ROW EXECUTE FUNCTION public.touch()");
    touch.enabled = false;
    customer.triggers = {touch};
    customer.comment = QStringLiteral("People's data");

    Relation item = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("Order Items"));
    Column itemId = column(QStringLiteral("id"), QStringLiteral("bigint"), true);
    itemId.identity = QStringLiteral("always");
    Column customerId = column(QStringLiteral("customer_id"), QStringLiteral("integer"));
    Column total = column(QStringLiteral("total"), QStringLiteral("numeric"));
    total.generated = QStringLiteral("(1 + 1)");
    total.generatedStorage = QStringLiteral("stored");
    item.columns = {itemId, customerId, total};
    item.unlogged = true;
    item.constraints = {constraint(QStringLiteral("items_customer_fk"), Constraint::Type::ForeignKey,
                                   QStringLiteral("FOREIGN KEY (customer_id) REFERENCES \"Sales Data\".customer(id)"))};

    Relation sales = relation(ObjectKind::PartitionedTable, QStringLiteral("public"), QStringLiteral("sales"));
    sales.columns = {column(QStringLiteral("sold_on"), QStringLiteral("date"), true), column(QStringLiteral("amount"), QStringLiteral("integer"))};
    sales.partitionKey = QStringLiteral("RANGE (sold_on)");
    sales.constraints = {constraint(QStringLiteral("sales_amount_check"), Constraint::Type::Check, QStringLiteral("CHECK ((amount > 0))"))};
    Index salesIdx;
    salesIdx.name = QStringLiteral("sales_sold_on_idx");
    salesIdx.method = QStringLiteral("btree");
    salesIdx.keys = {QStringLiteral("sold_on")};
    salesIdx.definition = QStringLiteral("CREATE INDEX sales_sold_on_idx ON ONLY public.sales USING btree (sold_on)");
    sales.indexes = {salesIdx};

    Relation sales2024 = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("sales_2024"));
    sales2024.columns = sales.columns;
    sales2024.columns[1].defaultValue = QStringLiteral("7");
    sales2024.parentSchema = QStringLiteral("public");
    sales2024.parentTable = QStringLiteral("sales");
    sales2024.partitionBound = QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    sales2024.constraints = sales.constraints;   // inherited check
    Index childIdx = salesIdx;
    childIdx.name = QStringLiteral("sales_2024_sold_on_idx");
    childIdx.definition = QStringLiteral("CREATE INDEX sales_2024_sold_on_idx ON public.sales_2024 USING btree (sold_on)");
    sales2024.indexes = {childIdx};

    Relation recent = relation(ObjectKind::View, QStringLiteral("public"), QStringLiteral("a_recent"));
    recent.viewDefinition = QStringLiteral(" SELECT * FROM public.b_base;");
    recent.dependsOn = {QualifiedName{QStringLiteral("public"), QStringLiteral("b_base")}};
    Relation base = relation(ObjectKind::View, QStringLiteral("public"), QStringLiteral("b_base"));
    base.viewDefinition = QStringLiteral(" SELECT 1 AS one;");
    Relation monthly = relation(ObjectKind::MaterializedView, QStringLiteral("public"), QStringLiteral("monthly"));
    monthly.viewDefinition = QStringLiteral(" SELECT 2 AS two;");

    s.relations = {customer, item, recent, base, monthly, sales, sales2024};

    Sequence serial;
    serial.schema = QStringLiteral("Sales Data");
    serial.name = QStringLiteral("customer_id_seq");
    serial.dataType = QStringLiteral("integer");
    serial.maxValue = 2147483647;
    serial.ownedByTable = QualifiedName{QStringLiteral("Sales Data"), QStringLiteral("customer")};
    serial.ownedByColumn = QStringLiteral("id");
    Sequence identity;
    identity.schema = QStringLiteral("public");
    identity.name = QStringLiteral("Order Items_id_seq");
    identity.dataType = QStringLiteral("bigint");
    identity.maxValue = std::numeric_limits<qint64>::max();
    identity.start = 100;
    identity.minValue = 1;
    identity.increment = 10;
    identity.identity = true;
    identity.ownedByTable = QualifiedName{QStringLiteral("public"), QStringLiteral("Order Items")};
    identity.ownedByColumn = QStringLiteral("id");
    Sequence tickets;
    tickets.schema = QStringLiteral("public");
    tickets.name = QStringLiteral("tickets");
    tickets.dataType = QStringLiteral("integer");
    tickets.minValue = 100;
    tickets.maxValue = 999999;
    tickets.start = 1000;
    tickets.increment = 5;
    tickets.cache = 10;
    tickets.cycle = true;
    s.sequences = {serial, identity, tickets};

    Routine add;
    add.schema = QStringLiteral("public");
    add.name = QStringLiteral("add");
    add.identityArguments = QStringLiteral("a integer, b integer");
    add.arguments = add.identityArguments;
    add.returns = QStringLiteral("integer");
    add.language = QStringLiteral("sql");
    add.definition = QStringLiteral("CREATE OR REPLACE FUNCTION public.add(a integer, b integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$SELECT a + b$function$\n");
    add.comment = QStringLiteral("Adds");
    Routine rows = add;
    rows.name = QStringLiteral("items");
    rows.identityArguments = rows.arguments = QString();
    rows.returns = QStringLiteral("SETOF \"Order Items\"");
    rows.definition = QStringLiteral("CREATE OR REPLACE FUNCTION public.items()\n RETURNS SETOF \"Order Items\"\n LANGUAGE sql\nAS $function$SELECT * FROM \"Order Items\"$function$\n");
    rows.comment.clear();
    s.routines = {add, rows};
    return s;
}

qsizetype at(const QString &text, const QString &needle)
{
    const qsizetype i = text.indexOf(needle);
    if (i < 0)
        qWarning("missing: %s", qPrintable(needle));
    return i;
}

} // namespace

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

    void sequencesSpellOutOnlyNonDefaultOptions()
    {
        const Snapshot s = shop();
        auto ddl = objectDdl(s, {ObjectKind::Sequence, QStringLiteral("public"), QStringLiteral("tickets"), {}});
        QVERIFY(ddl.ok());
        QCOMPARE(ddl.value(), QStringLiteral("CREATE SEQUENCE public.tickets AS integer\n"
                                             "    INCREMENT BY 5 MINVALUE 100 MAXVALUE 999999 START WITH 1000 CACHE 10 CYCLE;\n"));
    }

    void typesDomainsAndEnums()
    {
        const Snapshot s = shop();
        QCOMPARE(objectDdl(s, {ObjectKind::EnumType, QStringLiteral("public"), QStringLiteral("mood"), {}}).value(),
                 QStringLiteral("CREATE TYPE public.mood AS ENUM ('ok', 'isn''t');\n"));
        QCOMPARE(objectDdl(s, {ObjectKind::Domain, QStringLiteral("public"), QStringLiteral("money2"), {}}).value(),
                 QStringLiteral("CREATE DOMAIN public.money2 AS numeric(10,2)\n    DEFAULT 0\n    NOT NULL\n"
                                "    CONSTRAINT money2_positive CHECK ((VALUE >= (0)::numeric));\n"
                                "ALTER DOMAIN public.money2 ADD CONSTRAINT money2_cap CHECK ((VALUE < (100)::numeric)) NOT VALID;\n"));
        QCOMPARE(objectDdl(s, {ObjectKind::CompositeType, QStringLiteral("public"), QStringLiteral("size"), {}}).value(),
                 QStringLiteral("CREATE TYPE public.size AS (\n    w integer,\n    label text COLLATE \"C\"\n);\n"));
        QCOMPARE(objectDdl(s, {ObjectKind::Extension, {}, QStringLiteral("btree_gist"), {}}).value(),
                 QStringLiteral("CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public VERSION '1.7';\n"));
        QCOMPARE(objectDdl(s, {ObjectKind::Schema, {}, QStringLiteral("public"), {}}).value(),
                 QStringLiteral("CREATE SCHEMA IF NOT EXISTS public;\n"));
        QVERIFY(objectDdl(s, {ObjectKind::Schema, {}, QStringLiteral("Sales Data"), {}}).value()
                    .startsWith(QStringLiteral("CREATE SCHEMA \"Sales Data\";\n")));
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

    void routinesByNameOrSignature()
    {
        const Snapshot s = shop();
        const auto bySignature = objectDdl(s, {ObjectKind::Function, QStringLiteral("public"), QStringLiteral("add(a integer, b integer)"), {}});
        QVERIFY(bySignature.ok());
        QVERIFY(bySignature.value().startsWith(QStringLiteral("CREATE OR REPLACE FUNCTION public.add(a integer, b integer)")));
        QVERIFY(bySignature.value().contains(QStringLiteral("$function$;\n")));
        QVERIFY(bySignature.value().contains(QStringLiteral("COMMENT ON FUNCTION public.add(a integer, b integer) IS 'Adds';")));
        QVERIFY(objectDdl(s, {ObjectKind::Function, QStringLiteral("public"), QStringLiteral("add"), {}}).ok());
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

    void collationsAreQuotedNamesNeverSqlText()
    {
        Snapshot s = shop();
        Relation &customer = s.relations[0];
        // A hostile name, a dotted one, and one in another schema.
        customer.columns[1].collation = QStringLiteral("C\"); DROP TABLE important; --");
        customer.columns[2].type = QStringLiteral("text");
        customer.columns[2].collation = QStringLiteral("C.utf8");
        customer.columns[2].collationSchema = QStringLiteral("pg_catalog");
        s.domains[0].collation = QStringLiteral("mycoll");
        s.domains[0].collationSchema = QStringLiteral("Sales Data");
        const QString table = objectDdl(s, {ObjectKind::Table, QStringLiteral("Sales Data"), QStringLiteral("customer"), {}}).value();
        QVERIFY2(table.contains(QStringLiteral("\"Email\" text COLLATE \"C\"\"); DROP TABLE important; --\",\n")), qPrintable(table));
        QVERIFY2(table.contains(QStringLiteral("\"select\" text COLLATE pg_catalog.\"C.utf8\",\n")), qPrintable(table));
        QVERIFY(!table.contains(QStringLiteral("COLLATE C.utf8")));
        const QString domain = objectDdl(s, {ObjectKind::Domain, QStringLiteral("public"), QStringLiteral("money2"), {}}).value();
        QVERIFY2(domain.startsWith(QStringLiteral("CREATE DOMAIN public.money2 AS numeric(10,2) COLLATE \"Sales Data\".mycoll\n")),
                 qPrintable(domain));
        s.composites[0].attributes[1].collationSchema = QStringLiteral("pg_catalog");
        QCOMPARE(objectDdl(s, {ObjectKind::CompositeType, QStringLiteral("public"), QStringLiteral("size"), {}}).value(),
                 QStringLiteral("CREATE TYPE public.size AS (\n    w integer,\n    label text COLLATE pg_catalog.\"C\"\n);\n"));
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
        child.columns[1].defaultValue.clear();         // dropped in the child
        child.columns << column(QStringLiteral("barks"), QStringLiteral("boolean"), true);
        child.constraints = parent.constraints;        // inherited
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

    void triggerEnableModesAndRowLevelSecurity()
    {
        Snapshot s = shop();
        Relation &customer = s.relations[0];
        Trigger always = customer.triggers.first();
        always.name = QStringLiteral("t_always");
        always.enabled = true;
        always.enabledMode = QStringLiteral("always");
        Trigger replica = always;
        replica.name = QStringLiteral("t_replica");
        replica.enabledMode = QStringLiteral("replica");
        Trigger origin = always;
        origin.name = QStringLiteral("t_origin");
        origin.enabledMode = QStringLiteral("origin");
        customer.triggers << always << replica << origin;
        customer.rowSecurity = true;
        customer.forceRowSecurity = true;
        Policy mine;
        mine.name = QStringLiteral("own rows");
        mine.command = QStringLiteral("ALL");
        mine.usingExpression = QStringLiteral("(id > 0)");
        mine.comment = QStringLiteral("Only yours");
        Policy readers;
        readers.name = QStringLiteral("readers");
        readers.command = QStringLiteral("SELECT");
        readers.permissive = false;
        readers.roles = {QStringLiteral("pg_read_all_data"), QStringLiteral("Odd Role")};
        readers.usingExpression = QStringLiteral("true");
        readers.withCheck = QStringLiteral("(id < 10)");
        customer.policies = {mine, readers};

        const QString sql = objectDdl(s, {ObjectKind::Table, QStringLiteral("Sales Data"), QStringLiteral("customer"), {}}).value();
        const QString table = QStringLiteral("\"Sales Data\".customer");
        QVERIFY2(sql.contains(QStringLiteral("ALTER TABLE %1 ENABLE ALWAYS TRIGGER t_always;\n").arg(table)), qPrintable(sql));
        QVERIFY(sql.contains(QStringLiteral("ALTER TABLE %1 ENABLE REPLICA TRIGGER t_replica;\n").arg(table)));
        QVERIFY(sql.contains(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER customer_touch;\n").arg(table)));
        QVERIFY(!sql.contains(QStringLiteral("TRIGGER t_origin;")));
        QVERIFY(sql.contains(QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY;\nALTER TABLE %1 FORCE ROW LEVEL SECURITY;\n").arg(table)));
        QVERIFY2(sql.contains(QStringLiteral("CREATE POLICY \"own rows\" ON %1 USING ((id > 0));\n").arg(table)), qPrintable(sql));
        QVERIFY(sql.contains(QStringLiteral("CREATE POLICY readers ON %1 AS RESTRICTIVE FOR SELECT TO pg_read_all_data, \"Odd Role\" "
                                            "USING (true) WITH CHECK ((id < 10));\n").arg(table)));
        QVERIFY(sql.contains(QStringLiteral("COMMENT ON POLICY \"own rows\" ON %1 IS 'Only yours';").arg(table)));
        QVERIFY(at(sql, QStringLiteral("CREATE TABLE")) < at(sql, QStringLiteral("ENABLE ROW LEVEL SECURITY")));
    }

    void sqliteReturnsStoredStatementsInOrder()
    {
        Snapshot s;
        s.driver = config::Driver::Sqlite;
        s.schemas = {{QStringLiteral("main"), {}, {}}};
        Relation view = relation(ObjectKind::View, QStringLiteral("main"), QStringLiteral("a_view"));
        view.sql = QStringLiteral("CREATE VIEW a_view AS SELECT * FROM t");
        Relation table = relation(ObjectKind::Table, QStringLiteral("main"), QStringLiteral("t"));
        table.sql = QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE);");
        table.columns = {column(QStringLiteral("id"), QStringLiteral("INTEGER")), column(QStringLiteral("name"), QStringLiteral("TEXT"))};
        Index automatic;
        automatic.name = QStringLiteral("sqlite_autoindex_t_1");
        Index byName;
        byName.name = QStringLiteral("t_name");
        byName.definition = QStringLiteral("CREATE INDEX t_name ON t(name)");
        table.indexes = {automatic, byName};
        Trigger trigger;
        trigger.name = QStringLiteral("t_ins");
        trigger.definition = QStringLiteral("CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN SELECT 1; END");
        table.triggers = {trigger};
        Relation internal = relation(ObjectKind::Table, QStringLiteral("main"), QStringLiteral("sqlite_sequence"));
        internal.sql = QStringLiteral("CREATE TABLE sqlite_sequence(name,seq)");
        s.relations = {view, internal, table};

        QCOMPARE(databaseDdl(s), QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE);\n\n"
                                                "CREATE VIEW a_view AS SELECT * FROM t;\n\n"
                                                "CREATE INDEX t_name ON t(name);\n\n"
                                                "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN SELECT 1; END;\n"));
        QCOMPARE(objectDdl(s, {ObjectKind::Index, QStringLiteral("main"), QStringLiteral("t_name"), QStringLiteral("t")}).value(),
                 QStringLiteral("CREATE INDEX t_name ON t(name);\n"));
        QCOMPARE(objectDdl(s, {ObjectKind::Column, {}, QStringLiteral("name"), QStringLiteral("t")}).value(),
                 QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE);\n"));
        QVERIFY(objectDdl(s, {ObjectKind::Table, {}, QStringLiteral("t"), {}}).value().contains(QStringLiteral("CREATE TRIGGER t_ins")));
        QCOMPARE(objectDdl(s, {ObjectKind::Table, {}, QStringLiteral("tt"), {}}).error().code(), ErrorCode::NotFound);
        QVERIFY(schemaDdl(s, QStringLiteral("main")).ok());
        QCOMPARE(schemaDdl(s, QStringLiteral("temp")).error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDdl)
#include "tst_ddl.moc"
