// The script splitter of the migration runner and the SQL console: where
// PostgreSQL's and SQLite's statements end, with the cases that break
// naive splitting (golang-migrate #590: $$ bodies) and psql's own rules.
#include "migrate/StatementSplitter.h"

#include <QtTest>

using namespace tw;
using namespace tw::migrate;

namespace {

QStringList texts(const Result<QList<ScriptStatement>> &result)
{
    QStringList out;
    if (!result.ok())
        return {QStringLiteral("ERROR: ") + result.error().message()};
    for (const ScriptStatement &statement : result.value())
        out << statement.text;
    return out;
}

} // namespace

class TestStatementSplitter : public QObject
{
    Q_OBJECT

private slots:
    void postgresStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << QStringLiteral("SELECT 1; SELECT 2;") << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
        QTest::newRow("no final semicolon") << QStringLiteral("SELECT 1;\nSELECT 2") << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
        QTest::newRow("string with semicolon and doubled quote")
            << QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s;');SELECT 2")
            << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s;')"), QStringLiteral("SELECT 2")};
        QTest::newRow("E string with escaped quote")
            << QStringLiteral("SELECT E'\\';' ; SELECT 2") << QStringList{QStringLiteral("SELECT E'\\';'"), QStringLiteral("SELECT 2")};
        QTest::newRow("identifier with semicolon")
            << QStringLiteral("CREATE TABLE \"a;b\" (\"c\"\";\" int); SELECT 1")
            << QStringList{QStringLiteral("CREATE TABLE \"a;b\" (\"c\"\";\" int)"), QStringLiteral("SELECT 1")};
        QTest::newRow("dollar body")
            << QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT f();")
            << QStringList{QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql"), QStringLiteral("SELECT f()")};
        QTest::newRow("tagged dollar body holding $$ and $")
            << QStringLiteral("DO $body$ BEGIN RAISE NOTICE '$$;'; PERFORM $x$;$x$; END $body$; SELECT $1")
            << QStringList{QStringLiteral("DO $body$ BEGIN RAISE NOTICE '$$;'; PERFORM $x$;$x$; END $body$"), QStringLiteral("SELECT $1")};
        QTest::newRow("nested comments")
            << QStringLiteral("/* a /* b; */ c; */ SELECT 1; -- x; y\nSELECT 2")
            << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
        QTest::newRow("comments only are no statement") << QStringLiteral("-- nothing;\n/* ; */\n;;") << QStringList{};
        QTest::newRow("begin atomic")
            << QStringLiteral("CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END; "
                              "SELECT 2; END; SELECT g(1);")
            << QStringList{QStringLiteral("CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 "
                                          "ELSE 0 END; SELECT 2; END"),
                           QStringLiteral("SELECT g(1)")};
        QTest::newRow("transaction BEGIN is a statement")
            << QStringLiteral("BEGIN; UPDATE t SET a = CASE WHEN a THEN 1 END; COMMIT;")
            << QStringList{QStringLiteral("BEGIN"), QStringLiteral("UPDATE t SET a = CASE WHEN a THEN 1 END"), QStringLiteral("COMMIT")};
        QTest::newRow("create rule with parenthesised actions")
            << QStringLiteral("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1")
            << QStringList{QStringLiteral("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))"),
                           QStringLiteral("SELECT 1")};
        QTest::newRow("begin and case outside a routine body")
            << QStringLiteral("CREATE TABLE t (begin int, \"end\" int); CREATE VIEW v AS SELECT CASE WHEN begin > 0 THEN 1 END AS x FROM t; "
                              "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1, 2); END; SELECT 1")
            << QStringList{QStringLiteral("CREATE TABLE t (begin int, \"end\" int)"),
                           QStringLiteral("CREATE VIEW v AS SELECT CASE WHEN begin > 0 THEN 1 END AS x FROM t"),
                           QStringLiteral("CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1, 2); END"),
                           QStringLiteral("SELECT 1")};
        QTest::newRow("create index concurrently twice")
            << QStringLiteral("CREATE INDEX CONCURRENTLY i1 ON t (a);\nCREATE INDEX CONCURRENTLY i2 ON t (b);")
            << QStringList{QStringLiteral("CREATE INDEX CONCURRENTLY i1 ON t (a)"), QStringLiteral("CREATE INDEX CONCURRENTLY i2 ON t (b)")};
    }

    void postgresStatements()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        QCOMPARE(texts(splitPostgresScript(script)), expected);
    }

    void postgresLinesAndNumbers()
    {
        auto result = splitPostgresScript(QStringLiteral("-- header\n\nSELECT 1;\nSELECT\n  'a\nb';\n\n  SELECT 3;"));
        QVERIFY(result.ok());
        QCOMPARE(result.value().size(), 3);
        QCOMPARE(result.value().at(0).line, 3);
        QCOMPARE(result.value().at(1).line, 4);
        QCOMPARE(result.value().at(2).line, 8);
        QCOMPARE(result.value().at(2).number, 3);
    }

    void postgresRefusals_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::newRow("copy from stdin") << QStringLiteral("SELECT 1;\nCOPY t FROM stdin;\n1\n\\.\n") << QStringLiteral("COPY") << 2;
        QTest::newRow("open string") << QStringLiteral("SELECT 1;\n\nSELECT 'abc") << QStringLiteral("string") << 3;
        QTest::newRow("open dollar quote") << QStringLiteral("DO $x$ BEGIN") << QStringLiteral("$x$") << 1;
        QTest::newRow("open comment") << QStringLiteral("SELECT 1; /* /* */") << QStringLiteral("comment") << 1;
        QTest::newRow("open identifier") << QStringLiteral("SELECT \"a") << QStringLiteral("identifier") << 1;
        QTest::newRow("open block") << QStringLiteral("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1;")
                                    << QStringLiteral("not complete") << 1;
    }

    void postgresRefusals()
    {
        QFETCH(QString, script);
        QFETCH(QString, message);
        QFETCH(int, line);
        const auto result = splitPostgresScript(script);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(message), qPrintable(result.error().message()));
        QCOMPARE(result.error().details().value(QStringLiteral("line")).toInt(), line);
    }

    void copyFromAFileIsAStatement()
    {
        QCOMPARE(texts(splitPostgresScript(QStringLiteral("COPY t FROM '/tmp/x.csv' WITH (FORMAT csv);"))),
                 QStringList{QStringLiteral("COPY t FROM '/tmp/x.csv' WITH (FORMAT csv)")});
    }

    void sqliteStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << QStringLiteral("SELECT 1; SELECT 2") << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
        QTest::newRow("trigger body")
            << QStringLiteral("CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (1); UPDATE c SET n = n + 1; END;\nSELECT 1;")
            << QStringList{QStringLiteral("CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (1); UPDATE c SET n = n + 1; END"),
                           QStringLiteral("SELECT 1")};
        QTest::newRow("strings identifiers comments")
            << QStringLiteral("INSERT INTO \"a;b\" VALUES ('x;y', [c;d]); -- tail;\n/* ; */ SELECT 2; -- end")
            << QStringList{QStringLiteral("INSERT INTO \"a;b\" VALUES ('x;y', [c;d])"), QStringLiteral("SELECT 2")};
        QTest::newRow("comments only") << QStringLiteral("-- a;\n/* b; */ ;") << QStringList{};
    }

    void sqliteStatements()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        QCOMPARE(texts(splitSqliteScript(script)), expected);
    }

    void sqliteLinesAndIncompleteTail()
    {
        auto result = splitSqliteScript(QStringLiteral("-- head\nSELECT 1;\n\nSELECT 2;"));
        QVERIFY(result.ok());
        QCOMPARE(result.value().at(0).line, 2);
        QCOMPARE(result.value().at(1).line, 4);
        const auto open = splitSqliteScript(QStringLiteral("SELECT 1;\nCREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;"));
        QVERIFY(!open.ok());
        QCOMPARE(open.error().details().value(QStringLiteral("line")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestStatementSplitter)
#include "tst_statement_splitter.moc"
