// Which PostgreSQL migrations must run outside one transaction (issue 9).
#include "migrate/TransactionRules.h"

#include <QtTest>

using namespace tw;
using namespace tw::migrate;

class TestTransactionRules : public QObject
{
    Q_OBJECT

private slots:
    void refusedInATransaction_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<bool>("refused");
        QTest::newRow("create index concurrently") << QStringLiteral("CREATE INDEX CONCURRENTLY i ON t (a)") << true;
        QTest::newRow("unique, lower case, comment") << QStringLiteral("/* x */ create unique index\n concurrently i on t (a)") << true;
        QTest::newRow("drop index concurrently") << QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS i") << true;
        QTest::newRow("reindex concurrently") << QStringLiteral("REINDEX TABLE CONCURRENTLY t") << true;
        QTest::newRow("reindex options concurrently") << QStringLiteral("REINDEX (CONCURRENTLY) INDEX i") << true;
        QTest::newRow("vacuum") << QStringLiteral("VACUUM (ANALYZE) t") << true;
        QTest::newRow("alter system") << QStringLiteral("ALTER SYSTEM SET work_mem = '64MB'") << true;
        QTest::newRow("create database") << QStringLiteral("CREATE DATABASE x") << true;
        QTest::newRow("cluster all") << QStringLiteral("CLUSTER") << true;
        QTest::newRow("plain index") << QStringLiteral("CREATE INDEX i ON t (a)") << false;
        QTest::newRow("cluster one table") << QStringLiteral("CLUSTER t USING i") << false;
        QTest::newRow("reindex table") << QStringLiteral("REINDEX TABLE t") << false;
        QTest::newRow("word in a string") << QStringLiteral("INSERT INTO notes VALUES ('VACUUM later')") << false;
        QTest::newRow("analyze") << QStringLiteral("ANALYZE t") << false;
        QTest::newRow("detach partition concurrently") << QStringLiteral("ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY") << true;
        QTest::newRow("detach partition") << QStringLiteral("ALTER TABLE m DETACH PARTITION m_2020") << false;
    }

    void refusedInATransaction()
    {
        QFETCH(QString, statement);
        QFETCH(bool, refused);
        QCOMPARE(!transactionRefusal(statement).isEmpty(), refused);
    }

    void aMigrationWithOneSuchStatementRunsWithoutATransaction()
    {
        auto split = splitPostgresScript(QStringLiteral("CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i1 ON t (a);\n"));
        QVERIFY(split.ok());
        const QString reason = noTransactionReason(split.value(), false);
        QVERIFY2(reason.contains(QStringLiteral("statement 2 (line 2)")), qPrintable(reason));
        QVERIFY(noTransactionReason(splitPostgresScript(QStringLiteral("CREATE TABLE t (a int);")).value(), false).isEmpty());
        QVERIFY(noTransactionReason(splitPostgresScript(QStringLiteral("SELECT 1;")).value(), true).contains(QStringLiteral("marked")));
    }

    void anEnumLabelUsedAfterItsAddValue()
    {
        const auto used = splitPostgresScript(QStringLiteral(
            "ALTER TYPE mood ADD VALUE 'it''s fine';\nUPDATE people SET m = 'it''s fine' WHERE m = 'ok';"));
        QVERIFY(used.ok());
        QVERIFY(noTransactionReason(used.value(), false).contains(QStringLiteral("'it's fine'")));
        const auto unused = splitPostgresScript(QStringLiteral("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm';\nSELECT 1;"));
        QVERIFY(noTransactionReason(unused.value(), false).isEmpty());
    }

    void statementsAMigrationMayNotHold_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<bool>("forbidden");
        QTest::newRow("begin") << QStringLiteral("BEGIN") << true;
        QTest::newRow("begin isolation") << QStringLiteral("begin transaction isolation level serializable") << true;
        QTest::newRow("start transaction") << QStringLiteral("START TRANSACTION") << true;
        QTest::newRow("commit after a comment") << QStringLiteral("-- done\nCOMMIT") << true;
        QTest::newRow("end") << QStringLiteral("END") << true;
        QTest::newRow("rollback") << QStringLiteral("ROLLBACK") << true;
        QTest::newRow("abort") << QStringLiteral("ABORT") << true;
        QTest::newRow("prepare transaction") << QStringLiteral("PREPARE TRANSACTION 'x'") << true;
        QTest::newRow("discard all") << QStringLiteral("DISCARD ALL") << true;
        QTest::newRow("deallocate") << QStringLiteral("DEALLOCATE ALL") << true;
        QTest::newRow("unlock all") << QStringLiteral("SELECT pg_advisory_unlock_all()") << true;
        QTest::newRow("rollback to savepoint") << QStringLiteral("ROLLBACK TO SAVEPOINT s") << false;
        QTest::newRow("savepoint") << QStringLiteral("SAVEPOINT s") << false;
        QTest::newRow("release") << QStringLiteral("RELEASE SAVEPOINT s") << false;
        QTest::newRow("begin atomic body") << QStringLiteral("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END") << false;
        QTest::newRow("do block") << QStringLiteral("DO $$ BEGIN PERFORM 1; END $$") << false;
        QTest::newRow("word in a string") << QStringLiteral("INSERT INTO log VALUES ('COMMIT')") << false;
    }

    void statementsAMigrationMayNotHold()
    {
        QFETCH(QString, statement);
        QFETCH(bool, forbidden);
        QCOMPARE(!forbiddenStatementReason(statement, tw::config::Driver::Postgres).isEmpty(), forbidden);
    }

    void sqliteRefusesTransactionControlOnly()
    {
        QVERIFY(!forbiddenStatementReason(QStringLiteral("COMMIT"), tw::config::Driver::Sqlite).isEmpty());
        QVERIFY(forbiddenStatementReason(QStringLiteral("SAVEPOINT s"), tw::config::Driver::Sqlite).isEmpty());
        QVERIFY(forbiddenStatementReason(QStringLiteral("DEALLOCATE x"), tw::config::Driver::Sqlite).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTransactionRules)
#include "tst_transaction_rules.moc"
