// Table paging on a real PostgreSQL 15 (core/data: describeTable, readPage,
// counts) through the DataService front door, on 1,000,000 generated rows.
// Every page is checked row for row against a direct ORDER BY … LIMIT …
// OFFSET … query. Types and awkward names: tst_data_describe_postgres.cpp.
#include "DataPagingSupport.h"
#include "ScratchPostgres.h"

using namespace tw;
using namespace tw::data;
using tw::test::anchored;
using tw::test::rendered;
using tw::test::request;

namespace {

const QString kBigColumns = QStringLiteral("SELECT id::text AS c1, grp::text AS c2, name AS c3, score::text AS c4, flag AS c5 FROM big");

Filter filter(const char *column, FilterOp op, QVariantList values = {})
{
    return Filter{QString::fromLatin1(column), op, std::move(values)};
}

} // namespace

class TestDataPagingPostgres : public QObject
{
    Q_OBJECT

    test::ScratchPostgres m_pg{QStringLiteral("tw_paging")};
    test::DataHarness m_db;
    TableShape m_big;

    // Pages forwards from the first page and back from the last one, each
    // compared with `directSql` (which ends in its ORDER BY) at the same offset.
    void walk(const PageRequest &base, const QString &directSql, int maxPages) { walk(m_big, base, directSql, maxPages); }
    void walk(const TableShape &shape, const PageRequest &base, const QString &directSql, int maxPages)
    {
        const int limit = base.limit;
        const qint64 total = m_db.scalar(QStringLiteral("SELECT count(*) FROM (%1) q").arg(directSql)).toLongLong();
        Result<Page> page = m_db.page(shape, anchored(base, PageAnchor::first()));
        for (int n = 0; n < maxPages; ++n) {
            QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
            const auto expected = m_db.direct(directSql + QStringLiteral(" LIMIT %1 OFFSET %2").arg(limit).arg(qint64(n) * limit));
            QCOMPARE(rendered(page.value()), expected);
            QCOMPARE(page.value().atStart, n == 0);
            const bool end = qint64(n + 1) * limit >= total;
            QCOMPARE(page.value().atEnd, end);
            if (end)
                break;
            page = m_db.page(shape, anchored(base, PageAnchor::after(page.value().rows.last().orderKey)));
        }
        // Backwards from the end.
        page = m_db.page(shape, anchored(base, PageAnchor::last()));
        qint64 start = std::max<qint64>(0, total - limit);
        qint64 end = total;
        for (int n = 0; n < maxPages; ++n) {
            QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
            const auto expected = m_db.direct(directSql + QStringLiteral(" LIMIT %1 OFFSET %2").arg(end - start).arg(start));
            QCOMPARE(rendered(page.value()), expected);
            QCOMPARE(page.value().atStart, start == 0);
            if (start == 0)
                break;
            page = m_db.page(shape, anchored(base, PageAnchor::before(page.value().rows.first().orderKey)));
            end = start;
            start = std::max<qint64>(0, start - limit);
        }
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
        auto profile = m_pg.createDatabase();
        QVERIFY(test::runScript(profile, QStringLiteral(
            "CREATE TABLE big (id bigint PRIMARY KEY, grp int, name text NOT NULL, score numeric, flag boolean);"
            "INSERT INTO big SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE g % 100 END, 'name ' || (g % 1000), "
            "  (g % 5000) / 10.0, g % 3 = 0 FROM generate_series(1, 1000000) g;"
            "CREATE INDEX big_grp ON big (grp, id);"
            "ANALYZE big;"
            "CREATE TABLE heap (v int, note text);"
            "INSERT INTO heap SELECT g, 'n' || g FROM generate_series(1, 20000) g;"
            "ANALYZE heap;"
            "CREATE VIEW small_view AS SELECT id, grp, name FROM big WHERE id <= 1000;"
            "CREATE SEQUENCE counter;"
            "CREATE FUNCTION sneaky() RETURNS boolean LANGUAGE plpgsql AS "
            "$$ BEGIN DELETE FROM big WHERE id = 1; RETURN true; END $$;")).ok());
        QVERIFY(m_db.open(profile).ok());
        auto shape = TW_OK(m_db.describe(QString(), QStringLiteral("big")));
        QVERIFY(shape.ok());
        m_big = shape.value();
    }

    void describesTheTableWithItsKeyAndEstimate()
    {
        QCOMPARE(m_big.table.schema, QStringLiteral("public"));
        QCOMPARE(m_big.identity, RowIdentity::PrimaryKey);
        QCOMPARE(m_big.keyColumns, QStringList{QStringLiteral("id")});
        QVERIFY(m_big.editable);
        QVERIFY(m_big.readOnlyReason.isEmpty());
        QVERIFY2(qAbs(m_big.estimatedRows - 1000000) < 50000, qPrintable(QString::number(m_big.estimatedRows)));
        QCOMPARE(m_big.columns.size(), 5);
    }

    void pagesForwardsAndBackwardsByPrimaryKey()
    {
        const QString direct = kBigColumns + QStringLiteral(" ORDER BY id");
        PageRequest r = request();
        Result<Page> page = m_db.page(m_big, r);
        QList<Page> pages;
        for (int n = 0; n < 5; ++n) {
            QVERIFY(page.ok());
            QCOMPARE(rendered(page.value()), m_db.direct(direct + QStringLiteral(" LIMIT 200 OFFSET %1").arg(n * 200)));
            QCOMPARE(page.value().rows.first().key, (QVariantList{QString::number(n * 200 + 1)}));
            QVERIFY(!page.value().rows.first().version.toString().isEmpty());
            pages << page.value();
            page = m_db.page(m_big, anchored(r, PageAnchor::after(page.value().rows.last().orderKey)));
        }
        QVERIFY(pages.first().atStart);
        QVERIFY(!pages.last().atEnd);
        // Backwards from the fifth page: the fourth, third, … first again.
        for (int n = 3; n >= 0; --n) {
            page = m_db.page(m_big, anchored(r, PageAnchor::before(pages.at(n + 1).rows.first().orderKey)));
            QVERIFY(page.ok());
            QCOMPARE(rendered(page.value()), rendered(pages.at(n)));
            QCOMPARE(page.value().atStart, n == 0);
        }
    }

    void jumpsToTheEnd()
    {
        auto page = m_db.page(m_big, anchored(request(), PageAnchor::last()));
        QVERIFY(page.ok());
        QCOMPARE(rendered(page.value()), m_db.direct(kBigColumns + QStringLiteral(" ORDER BY id LIMIT 200 OFFSET 999800")));
        QVERIFY(page.value().atEnd);
        QVERIFY(!page.value().atStart);
        // Sorted descending, the end is the smallest ids.
        page = m_db.page(m_big, anchored(request({{QStringLiteral("id"), true}}), PageAnchor::last()));
        QVERIFY(page.ok());
        QCOMPARE(page.value().rows.last().values.first(), QVariant(QStringLiteral("1")));
    }

    void jumpsToTheMiddleWithoutOffset()
    {
        auto page = m_db.page(m_big, anchored(request(), PageAnchor::at(0.5)));
        QVERIFY(page.ok());
        QCOMPARE(page.value().rows.size(), 200);
        const qint64 first = page.value().rows.first().values.first().toLongLong();
        QVERIFY2(qAbs(first - 500000) < 30000, qPrintable(QString::number(first)));
        QVERIFY(qAbs(page.value().startFraction - 0.5) < 0.03);
        QCOMPARE(rendered(page.value()),
                 m_db.direct(kBigColumns + QStringLiteral(" WHERE id >= %1 ORDER BY id LIMIT 200").arg(first)));
        // The last percent lands on a full last page.
        page = m_db.page(m_big, anchored(request(), PageAnchor::at(0.99999)));
        QVERIFY(page.ok());
        QCOMPARE(page.value().rows.size(), 200);
        QVERIFY(page.value().atEnd);
    }

    void jumpsToTheMiddleOfASortedFilteredBrowseBySampling()
    {
        PageRequest r = request({{QStringLiteral("grp"), false}}, {filter("flag", FilterOp::Equal, {true})});
        auto page = TW_OK(m_db.page(m_big, anchored(r, PageAnchor::at(0.5))));
        QVERIFY(page.ok());
        QCOMPARE(page.value().rows.size(), 200);
        const QString grp = rendered(page.value().rows.first().values.at(1));
        // Half-way with NULLs (1 in 7) last: grp about 58; a sample is an estimate.
        QVERIFY2(grp.toInt() > 40 && grp.toInt() < 76, qPrintable(grp));
        // What follows the landing is exactly the browse's next rows.
        const QString id = page.value().rows.first().values.at(0).toString();
        QCOMPARE(rendered(page.value()),
                 m_db.direct(kBigColumns + QStringLiteral(" WHERE flag AND (grp > %1 OR grp IS NULL OR (grp = %1 AND id >= %2)) "
                                                          "ORDER BY grp NULLS LAST, id LIMIT 200").arg(grp, id)));
    }

    void sortsByANullableNonUniqueColumnAcrossNullGroups_data()
    {
        QTest::addColumn<bool>("descending");
        QTest::newRow("asc") << false;
        QTest::newRow("desc") << true;
    }
    void sortsByANullableNonUniqueColumnAcrossNullGroups()
    {
        QFETCH(bool, descending);
        // 3,000 rows in pages of 97: duplicates of grp everywhere, the NULL
        // group (every 7th id) at the end (asc) or the start (desc).
        PageRequest r = request({{QStringLiteral("grp"), descending}}, {filter("id", FilterOp::Between, {1, 3000})}, 97);
        const QString dir = descending ? QStringLiteral("DESC NULLS FIRST, id DESC") : QStringLiteral("ASC NULLS LAST, id ASC");
        walk(r, kBigColumns + QStringLiteral(" WHERE id BETWEEN 1 AND 3000 ORDER BY grp ") + dir, 40);
    }

    void sortsByTwoColumnsWithMixedDirections()
    {
        PageRequest r = request({{QStringLiteral("flag"), true}, {QStringLiteral("grp"), false}},
                                {filter("id", FilterOp::LessOrEqual, {QStringLiteral("700")})}, 50);
        walk(r, kBigColumns + QStringLiteral(" WHERE id <= 700 ORDER BY flag DESC NULLS FIRST, grp ASC NULLS LAST, id ASC"), 20);
    }

    void filtersMatchDirectQueries_data()
    {
        QTest::addColumn<QList<Filter>>("filters");
        QTest::addColumn<QString>("where");
        using L = QList<Filter>;
        QTest::newRow("eq") << L{filter("grp", FilterOp::Equal, {42})} << QStringLiteral("grp = 42");
        QTest::newRow("neq+lt") << L{filter("grp", FilterOp::NotEqual, {1}), filter("id", FilterOp::Less, {500})}
                                << QStringLiteral("grp <> 1 AND id < 500");
        QTest::newRow("lte+gt+gte") << L{filter("id", FilterOp::LessOrEqual, {QStringLiteral("900")}),
                                         filter("id", FilterOp::Greater, {100}), filter("score", FilterOp::GreaterOrEqual, {QStringLiteral("50.5")})}
                                    << QStringLiteral("id <= 900 AND id > 100 AND score >= 50.5");
        QTest::newRow("like") << L{filter("name", FilterOp::Like, {QStringLiteral("name 12%")})} << QStringLiteral("name LIKE 'name 12%'");
        QTest::newRow("ilike on a number") << L{filter("score", FilterOp::ILike, {QStringLiteral("%.5")}), filter("id", FilterOp::Less, {3000})}
                                           << QStringLiteral("score::text ILIKE '%.5' AND id < 3000");
        QTest::newRow("ilike") << L{filter("name", FilterOp::ILike, {QStringLiteral("NAME 99%")})} << QStringLiteral("name ILIKE 'NAME 99%'");
        QTest::newRow("is null") << L{filter("grp", FilterOp::IsNull), filter("id", FilterOp::Less, {2000})}
                                 << QStringLiteral("grp IS NULL AND id < 2000");
        QTest::newRow("not null+in") << L{filter("grp", FilterOp::IsNotNull), filter("grp", FilterOp::In, {3, QStringLiteral("5"), 8})}
                                     << QStringLiteral("grp IS NOT NULL AND grp IN (3, 5, 8)");
        QTest::newRow("between+bool") << L{filter("id", FilterOp::Between, {10, 5000}), filter("flag", FilterOp::Equal, {QStringLiteral("true")})}
                                      << QStringLiteral("id BETWEEN 10 AND 5000 AND flag");
    }
    void filtersMatchDirectQueries()
    {
        QFETCH(QList<Filter>, filters);
        QFETCH(QString, where);
        PageRequest r = request({{QStringLiteral("grp"), true}}, filters, 150);
        walk(r, kBigColumns + QStringLiteral(" WHERE ") + where + QStringLiteral(" ORDER BY grp DESC NULLS FIRST, id DESC"), 3);
        auto count = m_db.count(m_big, r);
        QVERIFY(count.ok());
        QCOMPARE(QString::number(count.value()), m_db.scalar(QStringLiteral("SELECT count(*) FROM big WHERE ") + where));
    }

    void freeWhereIsCombinedWithFilters()
    {
        PageRequest r = request({}, {filter("grp", FilterOp::Equal, {5})}, 100);
        r.where = QStringLiteral("name LIKE 'name 1%' OR id < 0");
        walk(r, kBigColumns + QStringLiteral(" WHERE grp = 5 AND (name LIKE 'name 1%' OR id < 0) ORDER BY id"), 3);
        auto count = m_db.count(m_big, r);
        QVERIFY(count.ok());
        QCOMPARE(QString::number(count.value()), m_db.scalar(QStringLiteral("SELECT count(*) FROM big WHERE grp = 5 AND (name LIKE 'name 1%' OR id < 0)")));
    }

    void writingWhereIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("nextval") << QStringLiteral("nextval('counter') > 0");
        QTest::newRow("writing function") << QStringLiteral("sneaky()");
        QTest::newRow("second statement") << QStringLiteral("true); DELETE FROM big WHERE (true");
        QTest::newRow("data-modifying CTE") << QStringLiteral("id IN (WITH d AS (DELETE FROM big WHERE id = 2 RETURNING id) SELECT id FROM d)");
    }
    void writingWhereIsRefusedAndChangesNothing()
    {
        QFETCH(QString, where);
        PageRequest r = request();
        r.where = where;
        auto page = m_db.page(m_big, r);
        QVERIFY(!page.ok());
        QVERIFY(!m_db.count(m_big, r).ok());
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM big WHERE id IN (1, 2)")), QStringLiteral("2"));
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT last_value::text || is_called::text FROM counter")), QStringLiteral("1false"));
        // The connection is usable and not left read-only.
        QVERIFY(m_db.script(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS scratch (x int); INSERT INTO scratch VALUES (1)")).ok());
    }

    void badFiltersAreValidationErrorsNamingTheColumn_data()
    {
        QTest::addColumn<Filter>("bad");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown column") << filter("nope", FilterOp::Equal, {1}) << QStringLiteral("nope");
        QTest::newRow("between one value") << filter("id", FilterOp::Between, {1}) << QStringLiteral("between");
        QTest::newRow("eq no value") << filter("grp", FilterOp::Equal) << QStringLiteral("grp");
        QTest::newRow("is null with value") << filter("grp", FilterOp::IsNull, {1}) << QStringLiteral("is_null");
        QTest::newRow("in empty") << filter("grp", FilterOp::In) << QStringLiteral("in");
    }
    void badFiltersAreValidationErrorsNamingTheColumn()
    {
        QFETCH(Filter, bad);
        QFETCH(QString, named);
        auto page = m_db.page(m_big, request({}, {bad}));
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code(), ErrorCode::ValidationFailed);
        QVERIFY2(page.error().message().contains(named), qPrintable(page.error().message()));
        QCOMPARE(page.error().details().value(QStringLiteral("column")).toString(), bad.column);
        auto sorted = m_db.page(m_big, request({{QStringLiteral("nope"), false}}));
        QCOMPARE(sorted.error().code(), ErrorCode::ValidationFailed);
    }

    void tableWithoutPrimaryKeyPagesByCtidReadOnly()
    {
        auto shape = TW_OK(m_db.describe(QString(), QStringLiteral("heap")));
        QVERIFY(shape.ok());
        QCOMPARE(shape.value().identity, RowIdentity::Ctid);
        QCOMPARE(shape.value().keyColumns, QStringList{QStringLiteral("ctid")});
        QVERIFY(!shape.value().editable);
        QCOMPARE(shape.value().readOnlyReason, QStringLiteral("no primary key: rows cannot be identified safely for editing"));
        PageRequest r = request({}, {}, 1500);
        QStringList seen;
        auto page = m_db.page(shape.value(), r);
        while (page.ok()) {
            for (const Row &row : page.value().rows) {
                seen << row.values.first().toString();
                QVERIFY(row.key.first().toString().startsWith(QLatin1Char('(')));
            }
            if (page.value().atEnd)
                break;
            page = m_db.page(shape.value(), anchored(r, PageAnchor::after(page.value().rows.last().orderKey)));
        }
        QVERIFY(page.ok());
        QCOMPARE(seen.size(), 20000);
        QCOMPARE(seen.first(), QStringLiteral("1"));
        QCOMPARE(seen.last(), QStringLiteral("20000"));
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 20000);
        // The middle by block number.
        page = m_db.page(shape.value(), anchored(request(), PageAnchor::at(0.5)));
        QVERIFY(page.ok());
        const int first = page.value().rows.first().values.first().toInt();
        QVERIFY2(qAbs(first - 10000) < 600, qPrintable(QString::number(first)));
        // Sorted: keyset on (v desc, ctid).
        walk(shape.value(), request({{QStringLiteral("v"), true}}, {filter("v", FilterOp::LessOrEqual, {3000})}, 400),
             QStringLiteral("SELECT v::text AS c1, note FROM heap WHERE v <= 3000 ORDER BY v DESC"), 10);
    }

    void viewsPageByOffsetAndAreReadOnly()
    {
        auto shape = TW_OK(m_db.describe(QStringLiteral("public"), QStringLiteral("small_view")));
        QVERIFY(shape.ok());
        QCOMPARE(shape.value().kind, catalog::TableRef::Kind::View);
        QCOMPARE(shape.value().identity, RowIdentity::None);
        QVERIFY(!shape.value().editable);
        QVERIFY(shape.value().readOnlyReason.contains(QLatin1String("view")));
        const QString direct = QStringLiteral("SELECT id::text AS c1, grp::text AS c2, name FROM small_view ORDER BY grp NULLS LAST, id");
        PageRequest r = request({{QStringLiteral("grp"), false}, {QStringLiteral("id"), false}}, {}, 300);
        auto page = m_db.page(shape.value(), r);
        for (int n = 0; n < 4; ++n) {
            QVERIFY(page.ok());
            QCOMPARE(rendered(page.value()), m_db.direct(direct + QStringLiteral(" LIMIT 300 OFFSET %1").arg(n * 300)));
            QCOMPARE(page.value().rows.first().orderKey, (QVariantList{qint64(n * 300)}));
            QVERIFY(page.value().rows.first().key.isEmpty());
            QCOMPARE(page.value().atEnd, n == 3);
            page = m_db.page(shape.value(), anchored(r, PageAnchor::after(page.value().rows.last().orderKey)));
        }
        page = m_db.page(shape.value(), anchored(r, PageAnchor::last()));
        QVERIFY(page.ok());
        QCOMPARE(rendered(page.value()), m_db.direct(direct + QStringLiteral(" LIMIT 300 OFFSET 700")));
        page = m_db.page(shape.value(), anchored(r, PageAnchor::before(page.value().rows.first().orderKey)));
        QCOMPARE(rendered(page.value()), m_db.direct(direct + QStringLiteral(" LIMIT 300 OFFSET 400")));
        page = m_db.page(shape.value(), anchored(r, PageAnchor::at(0.5)));
        QCOMPARE(rendered(page.value()), m_db.direct(direct + QStringLiteral(" LIMIT 300 OFFSET 500")));
        QCOMPARE(page.value().startFraction, 0.5);
        auto estimate = m_db.estimate(shape.value(), request());
        QVERIFY(estimate.ok());
        QVERIFY2(estimate.value() > 100 && estimate.value() < 10000, qPrintable(QString::number(estimate.value())));
    }

    void countsAndEstimates()
    {
        auto count = m_db.count(m_big, request());
        QVERIFY(count.ok());
        QCOMPARE(count.value(), 1000000);
        auto estimate = m_db.estimate(m_big, request());
        QVERIFY(estimate.ok());
        QVERIFY(qAbs(estimate.value() - 1000000) < 50000);
        PageRequest filtered = request({}, {filter("id", FilterOp::Less, {100000})});
        filtered.where = QStringLiteral("grp IS NOT NULL");
        estimate = m_db.estimate(m_big, filtered);
        QVERIFY2(estimate.ok(), qPrintable(estimate.ok() ? QString() : estimate.error().toString()));
        QVERIFY2(estimate.value() > 50000 && estimate.value() < 150000, qPrintable(QString::number(estimate.value())));
        PageRequest writing = request();
        writing.where = QStringLiteral("nextval('counter') > 0");
        // EXPLAIN does not run the expression, and the guard keeps it read-only anyway.
        (void)m_db.estimate(m_big, writing);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT is_called::text FROM counter")), QStringLiteral("false"));
    }

    void unknownTableIsTableNotFoundWithSuggestions()
    {
        auto missing = m_db.describe(QString(), QStringLiteral("bgi"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code(), ErrorCode::TableNotFound);
        QCOMPARE(missing.error().details().value(QStringLiteral("table")).toString(), QStringLiteral("bgi"));
        QVERIFY(missing.error().details().value(QStringLiteral("suggestions")).toStringList().contains(QStringLiteral("public.big")));
        for (const QString &bad : {QString(), QStringLiteral("   "), QStringLiteral("x\"; DROP TABLE big; --"), QStringLiteral("a.b.c")}) {
            auto result = m_db.describe(QStringLiteral("public"), bad);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code(), ErrorCode::TableNotFound);
        }
        QCOMPARE(m_db.describe(QStringLiteral("nosuchschema"), QStringLiteral("big")).error().code(), ErrorCode::TableNotFound);
    }
};

QTEST_GUILESS_MAIN(TestDataPagingPostgres)
#include "tst_data_paging_postgres.moc"
