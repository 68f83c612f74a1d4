// DDL from hand-built snapshots (DdlSamples.h) for the objects around the
// tables: sequences, types, domains, enums, extensions, routines, collation
// names, trigger modes and row-level security, and SQLite's stored texts.
// Tables, constraints and partitions: tst_ddl.cpp.
#include "DdlSamples.h"
#include "catalog/Ddl.h"

#include <QtTest>

using namespace tw;
using namespace tw::catalog;
using namespace tw::catalog::samples;

class TestDdlObjects : public QObject
{
    Q_OBJECT

private slots:
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

    // review2: CREATE ROLE "PUBLIC" is a real role; written unquoted it
    // became the PUBLIC pseudo-role, every role. An empty list is PUBLIC.
    void aPolicyForARoleNamedPublicIsNotForEveryone()
    {
        Snapshot s = shop();
        Relation &customer = s.relations[0];
        customer.rowSecurity = true;
        Policy named;
        named.name = QStringLiteral("only \"PUBLIC\" role");
        named.command = QStringLiteral("SELECT");
        named.roles = {QStringLiteral("PUBLIC"), QStringLiteral("public_reader")};
        named.usingExpression = QStringLiteral("(id = 1)");
        Policy everyone;
        everyone.name = QStringLiteral("everyone");
        everyone.command = QStringLiteral("SELECT");
        customer.policies = {named, everyone};

        const QString sql = objectDdl(s, {ObjectKind::Table, QStringLiteral("Sales Data"), QStringLiteral("customer"), {}}).value();
        const QString table = QStringLiteral("\"Sales Data\".customer");
        QVERIFY2(sql.contains(QStringLiteral("CREATE POLICY \"only \"\"PUBLIC\"\" role\" ON %1 FOR SELECT TO \"PUBLIC\", public_reader "
                                            "USING ((id = 1));\n").arg(table)),
                 qPrintable(sql));
        QVERIFY(sql.contains(QStringLiteral("CREATE POLICY everyone ON %1 FOR SELECT;\n").arg(table)));
        QVERIFY(!sql.contains(QStringLiteral("TO PUBLIC")));
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

QTEST_GUILESS_MAIN(TestDdlObjects)
#include "tst_ddl_objects.moc"
