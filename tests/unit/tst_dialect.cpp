// Dialect rules: quoting, pagination, upsert text and type mapping.
#include "db/Dialect.h"

#include <QtTest>

using namespace tw;
using namespace tw::db;

class TestDialect : public QObject
{
    Q_OBJECT

private slots:
    void quotingDoublesEmbeddedQuotes_data()
    {
        QTest::addColumn<int>("driver");
        QTest::newRow("postgres") << int(config::Driver::Postgres);
        QTest::newRow("sqlite") << int(config::Driver::Sqlite);
    }
    void quotingDoublesEmbeddedQuotes()
    {
        QFETCH(int, driver);
        const Dialect &d = dialectFor(config::Driver(driver));
        QCOMPARE(d.quoteIdentifier(QStringLiteral("name")), QStringLiteral("\"name\""));
        QCOMPARE(d.quoteIdentifier(QStringLiteral("we\"ird; DROP")), QStringLiteral("\"we\"\"ird; DROP\""));
        QCOMPARE(d.qualifiedName(QStringLiteral("s"), QStringLiteral("t")), QStringLiteral("\"s\".\"t\""));
        QCOMPARE(d.qualifiedName({}, QStringLiteral("t")), QStringLiteral("\"t\""));
    }

    void placeholders()
    {
        QCOMPARE(dialectFor(config::Driver::Postgres).nativePlaceholder(3), QStringLiteral("$3"));
        QCOMPARE(dialectFor(config::Driver::Sqlite).nativePlaceholder(3), QStringLiteral("?3"));
    }

    void pagination()
    {
        const Dialect &pg = dialectFor(config::Driver::Postgres);
        const Dialect &lite = dialectFor(config::Driver::Sqlite);
        QCOMPARE(pg.paginationClause(50, 100), QStringLiteral(" LIMIT 50 OFFSET 100"));
        QCOMPARE(pg.paginationClause(-1, 10), QStringLiteral(" OFFSET 10"));
        QCOMPARE(lite.paginationClause(-1, 10), QStringLiteral(" LIMIT -1 OFFSET 10"));
        QCOMPARE(lite.paginationClause(5, 0), QStringLiteral(" LIMIT 5"));
    }

    void upsert()
    {
        const Dialect &pg = dialectFor(config::Driver::Postgres);
        QCOMPARE(pg.upsertStatement(QStringLiteral("\"t\""), {QStringLiteral("id"), QStringLiteral("name")}, {QStringLiteral("id")}),
                 QStringLiteral("INSERT INTO \"t\" (\"id\", \"name\") VALUES (?, ?) ON CONFLICT (\"id\") "
                                "DO UPDATE SET \"name\" = excluded.\"name\""));
        QCOMPARE(pg.upsertStatement(QStringLiteral("\"t\""), {QStringLiteral("id")}, {QStringLiteral("id")}),
                 QStringLiteral("INSERT INTO \"t\" (\"id\") VALUES (?) ON CONFLICT (\"id\") DO NOTHING"));
    }

    void postgresTypes_data()
    {
        QTest::addColumn<QString>("native");
        QTest::addColumn<int>("logical");
        QTest::newRow("int4") << "integer" << int(LogicalType::Integer);
        QTest::newRow("int8") << "bigint" << int(LogicalType::BigInt);
        QTest::newRow("varchar(40)") << "character varying(40)" << int(LogicalType::Text);
        QTest::newRow("numeric(10,2)") << "numeric(10,2)" << int(LogicalType::Numeric);
        QTest::newRow("timestamptz") << "timestamp with time zone" << int(LogicalType::TimestampTz);
        QTest::newRow("jsonb") << "jsonb" << int(LogicalType::Json);
        QTest::newRow("bytea") << "bytea" << int(LogicalType::Bytes);
        QTest::newRow("uuid") << "uuid" << int(LogicalType::Uuid);
        QTest::newRow("array") << "integer[]" << int(LogicalType::Other);
        QTest::newRow("unknown") << "tsvector" << int(LogicalType::Other);
    }
    void postgresTypes()
    {
        QFETCH(QString, native);
        QFETCH(int, logical);
        QCOMPARE(int(dialectFor(config::Driver::Postgres).logicalType(native)), logical);
    }

    void sqliteAffinity_data()
    {
        QTest::addColumn<QString>("native");
        QTest::addColumn<int>("logical");
        QTest::newRow("INTEGER") << "INTEGER" << int(LogicalType::Integer);
        QTest::newRow("UNSIGNED BIG INT") << "UNSIGNED BIG INT" << int(LogicalType::BigInt);
        QTest::newRow("NVARCHAR(120)") << "NVARCHAR(120)" << int(LogicalType::Text);
        QTest::newRow("CLOB") << "CLOB" << int(LogicalType::Text);
        QTest::newRow("BLOB") << "BLOB" << int(LogicalType::Bytes);
        QTest::newRow("DOUBLE PRECISION") << "DOUBLE PRECISION" << int(LogicalType::Real);
        QTest::newRow("NUMERIC(10,2)") << "NUMERIC(10,2)" << int(LogicalType::Numeric);
        QTest::newRow("DATETIME") << "DATETIME" << int(LogicalType::Timestamp);
        QTest::newRow("BOOLEAN") << "BOOLEAN" << int(LogicalType::Boolean);
        QTest::newRow("no type") << "" << int(LogicalType::Other);
    }
    void sqliteAffinity()
    {
        QFETCH(QString, native);
        QFETCH(int, logical);
        QCOMPARE(int(dialectFor(config::Driver::Sqlite).logicalType(native)), logical);
    }

    void typeRoundTrip()
    {
        for (auto driver : {config::Driver::Postgres, config::Driver::Sqlite}) {
            const Dialect &d = dialectFor(driver);
            for (auto t : {LogicalType::Boolean, LogicalType::Integer, LogicalType::Real, LogicalType::Text,
                           LogicalType::Date, LogicalType::Bytes, LogicalType::Json}) {
                QCOMPARE(int(d.logicalType(d.nativeTypeName(t))), int(t));
            }
        }
        QCOMPARE(dialectFor(config::Driver::Sqlite).metaType(LogicalType::Numeric), QMetaType::QString);
    }

    void sqliteTakesWriteLockUpFront()
    {
        QCOMPARE(dialectFor(config::Driver::Sqlite).beginWriteStatement(), QStringLiteral("BEGIN IMMEDIATE"));
        QCOMPARE(dialectFor(config::Driver::Postgres).beginWriteStatement(), QStringLiteral("BEGIN"));
    }
};

QTEST_GUILESS_MAIN(TestDialect)
#include "tst_dialect.moc"
