// The SQL text PageSql builds, without a server: quoting, bound values,
// the keyset condition's shapes and NULL handling. The live behaviour is
// covered by tests/integration/tst_data_paging_*.cpp.
#include "data/PageSql.h"

#include <QtTest>

using namespace tw;
using namespace tw::data;

namespace {

TableShape shape(config::Driver driver)
{
    TableShape s;
    s.table = {driver == config::Driver::Postgres ? QStringLiteral("public") : QString(), QStringLiteral("t\"x")};
    ColumnInfo id;
    id.name = QStringLiteral("id");
    id.notNull = true;
    id.logical = db::LogicalType::Integer;
    ColumnInfo grp;
    grp.name = QStringLiteral("grp");
    grp.logical = db::LogicalType::Integer;
    ColumnInfo body;
    body.name = QStringLiteral("body");
    body.logical = db::LogicalType::Text;
    body.mayBeLarge = true;
    s.columns = {id, grp, body};
    s.identity = RowIdentity::PrimaryKey;
    s.keyColumns = {QStringLiteral("id")};
    s.editable = true;
    return s;
}

int placeholders(const QString &sql)
{
    return int(sql.count(QLatin1Char('?')));
}

} // namespace

class TestPageSql : public QObject
{
    Q_OBJECT

private slots:
    void sortedPageOnPostgresUsesNullAwareKeysetAndBindsEverything()
    {
        PageRequest r;
        r.order = {{QStringLiteral("grp"), false}};
        r.filters = {{QStringLiteral("body"), FilterOp::ILike, {QStringLiteral("%a%")}}};
        auto sql = PageSql::make(db::dialectFor(config::Driver::Postgres), shape(config::Driver::Postgres), r);
        QVERIFY(sql.ok());
        const SqlStatement page = sql.value().page(PageSql::Bound::After, {QStringLiteral("5"), QStringLiteral("10")}, false, 201);
        qInfo().noquote() << "postgres:" << page.sql;
        QVERIFY(page.sql.contains(QLatin1String("FROM \"public\".\"t\"\"x\"")));
        QVERIFY(page.sql.contains(QLatin1String("\"body\" ILIKE ?")));
        QVERIFY(page.sql.contains(QLatin1String("((\"grp\" > ? OR \"grp\" IS NULL)) OR (\"grp\" = ? AND \"id\" > ?)")));
        QVERIFY(page.sql.contains(QLatin1String("ORDER BY \"grp\" ASC NULLS LAST, \"id\" ASC LIMIT ?")));
        QVERIFY(page.sql.contains(QLatin1String("left(\"body\"::text, 2001)")));
        QVERIFY(page.sql.contains(QLatin1String("xmin::text")));
        QCOMPARE(placeholders(page.sql), page.binds.size());
        QCOMPARE(page.binds.last(), QVariant(qint64(201)));
    }

    void backwardsOnSqliteFlipsDirectionsAndNullPlacement()
    {
        PageRequest r;
        r.order = {{QStringLiteral("grp"), true}};
        auto sql = PageSql::make(db::dialectFor(config::Driver::Sqlite), shape(config::Driver::Sqlite), r);
        QVERIFY(sql.ok());
        const SqlStatement page = sql.value().page(PageSql::Bound::After, {QVariant(), qint64(7)}, true, 51);
        qInfo().noquote() << "sqlite:" << page.sql;
        // Read backwards from (NULL, 7) in "grp DESC NULLS FIRST, id DESC":
        // ascending, NULLs last; nothing is greater than NULL.
        QVERIFY(page.sql.contains(QLatin1String("ORDER BY \"grp\" ASC NULLS LAST, \"id\" ASC")));
        QVERIFY(page.sql.contains(QLatin1String("((\"grp\" IS NULL AND \"id\" > ?))")));
        QVERIFY(page.sql.contains(QLatin1String("tw_row_version(\"id\", \"grp\", \"body\")")));
        QCOMPARE(placeholders(page.sql), page.binds.size());
    }

    void nullableKeysetIsSplitIntoIndexRanges()
    {
        PageRequest r;
        r.order = {{QStringLiteral("grp"), false}};
        auto sql = PageSql::make(db::dialectFor(config::Driver::Postgres), shape(config::Driver::Postgres), r);
        QVERIFY(!sql.value().rowValueKeyset({QStringLiteral("5"), QStringLiteral("10")}));
        const auto parts = sql.value().segments(PageSql::Bound::After, {QStringLiteral("5"), QStringLiteral("10")}, false);
        QCOMPARE(parts.size(), 3);
        QVERIFY(parts.at(0).sql.contains(QLatin1String("WHERE \"grp\" = ? AND \"id\" > ? ORDER BY \"id\" ASC LIMIT ?")));
        QVERIFY(parts.at(1).sql.contains(QLatin1String("WHERE \"grp\" > ? ORDER BY \"grp\" ASC, \"id\" ASC LIMIT ?")));
        QVERIFY(parts.at(2).sql.contains(QLatin1String("WHERE \"grp\" IS NULL ORDER BY \"id\" ASC LIMIT ?")));
        for (const SqlStatement &part : parts)
            QCOMPARE(placeholders(part.sql), part.binds.size() + 1);
        // After a NULL: only the rest of the NULL group.
        QCOMPARE(sql.value().segments(PageSql::Bound::After, {QVariant(), QStringLiteral("10")}, false).size(), 1);
    }

    void notNullSameDirectionKeysUseARowValueComparison()
    {
        PageRequest r;
        r.order = {{QStringLiteral("id"), true}};
        auto sql = PageSql::make(db::dialectFor(config::Driver::Sqlite), shape(config::Driver::Sqlite), r);
        const SqlStatement page = sql.value().page(PageSql::Bound::AtOrAfter, {qint64(7)}, false, 10);
        QVERIFY(page.sql.contains(QLatin1String("WHERE \"id\" <= ? ORDER BY \"id\" DESC LIMIT ?")));
    }

    void filterValidationNamesColumnAndOperator()
    {
        PageRequest r;
        r.filters = {{QStringLiteral("grp"), FilterOp::Between, {1}}};
        auto sql = PageSql::make(db::dialectFor(config::Driver::Postgres), shape(config::Driver::Postgres), r);
        QVERIFY(!sql.ok());
        QCOMPARE(sql.error().code(), ErrorCode::ValidationFailed);
        QCOMPARE(sql.error().details().value(QStringLiteral("operator")).toString(), QStringLiteral("between"));
        r.filters = {{QStringLiteral("x\"y"), FilterOp::IsNull, {}}};
        sql = PageSql::make(db::dialectFor(config::Driver::Postgres), shape(config::Driver::Postgres), r);
        QCOMPARE(sql.error().details().value(QStringLiteral("column")).toString(), QStringLiteral("x\"y"));
    }

    void aQuestionMarkInTheWhereIsRefusedWithTheWayAround()
    {
        PageRequest r;
        r.where = QStringLiteral("doc ? 'a'");
        auto sql = PageSql::make(db::dialectFor(config::Driver::Postgres), shape(config::Driver::Postgres), r);
        QVERIFY(!sql.ok());
        QCOMPARE(sql.error().code(), ErrorCode::ValidationFailed);
        QVERIFY(sql.error().hint().contains(QLatin1String("jsonb_exists")));
        r.where = QStringLiteral("name = '?'");
        QVERIFY(!PageSql::make(db::dialectFor(config::Driver::Sqlite), shape(config::Driver::Sqlite), r).ok());
    }

    // Parenthesised so its OR stays inside, on lines of its own so a
    // trailing "-- comment" cannot swallow what follows.
    void freeWhereIsParenthesisedOnItsOwnLines()
    {
        PageRequest r;
        r.where = QStringLiteral("grp = 1 OR grp = 2 -- note");
        r.filters = {{QStringLiteral("id"), FilterOp::Greater, {3}}};
        auto sql = PageSql::make(db::dialectFor(config::Driver::Sqlite), shape(config::Driver::Sqlite), r);
        const QString count = sql.value().count().sql;
        QVERIFY2(count.contains(QLatin1String("WHERE \"id\" > ? AND (\ngrp = 1 OR grp = 2 -- note\n)")), qPrintable(count));
        QCOMPARE(sql.value().whereProbe(), QStringLiteral("SELECT 1 FROM \"t\"\"x\" WHERE (\ngrp = 1 OR grp = 2 -- note\n)"));
    }
};

QTEST_GUILESS_MAIN(TestPageSql)
#include "tst_page_sql.moc"
