// The read-only guard of the free WHERE on PostgreSQL 15 (from the issue 5
// adversarial review): nothing the user types there can write or leave state behind.
#include "DataPagingSupport.h"
#include "ScratchPostgres.h"

using namespace tw;
using namespace tw::data;
using tw::test::anchored;
using tw::test::request;

class TestDataWhereGuard : public QObject
{
    Q_OBJECT
    test::ScratchPostgres m_pg{QStringLiteral("tw_review_guard")};
    test::DataHarness m_db;
    TableShape m_t;

    void reset()
    {
        QVERIFY(m_db.script(QStringLiteral("DELETE FROM t; INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 10) g;")).ok());
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL");
        auto profile = m_pg.createDatabase();
        QVERIFY(test::runScript(profile, QStringLiteral("CREATE TABLE t (id int PRIMARY KEY, v text);"
                                                        "CREATE TABLE victim (x int);")).ok());
        QVERIFY(m_db.open(profile).ok());
        auto shape = TW_OK(m_db.describe(QString(), QStringLiteral("t")));
        QVERIFY(shape.ok());
        m_t = shape.value();
    }

    // A second statement smuggled into the WHERE box after a COMMIT that ends the READ ONLY transaction.
    void pageWhereCannotEscapeTheReadOnlyTransaction_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("commit+delete") << QStringLiteral("1=1); COMMIT; DELETE FROM t; --");
        QTest::newRow("rollback+delete") << QStringLiteral("1=1); ROLLBACK; DELETE FROM t; --");
        // QtSql turns "v?$b$" into the identifier "v$1$b$", which would let
        // the ';' out of the dollar-quoted string the server's check saw.
        QTest::newRow("question mark reshaping a dollar quote")
            << QStringLiteral("1=1) AND (v::jsonb?$b$); DELETE FROM t; SELECT (c$b$");
        QTest::newRow("commit+delete newline") << QStringLiteral("1=1); COMMIT; DELETE FROM t; SELECT (1\n");
    }
    void pageWhereCannotEscapeTheReadOnlyTransaction()
    {
        reset();
        QFETCH(QString, where);
        PageRequest r = request();
        r.where = where;
        auto page = m_db.page(m_t, r);
        qInfo() << "page result ok:" << page.ok() << (page.ok() ? QString() : page.error().toString());
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("10"));
    }

    void countWhereCannotEscapeTheReadOnlyTransaction()
    {
        reset();
        PageRequest r = request();
        r.where = QStringLiteral("1=1); COMMIT; DELETE FROM t; --");
        auto count = m_db.count(m_t, r);
        qInfo() << "count result ok:" << count.ok() << (count.ok() ? QString() : count.error().toString());
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("10"));
    }

    void fractionWhereCannotEscapeTheReadOnlyTransaction()
    {
        reset();
        PageRequest r = anchored(request(), PageAnchor::at(0.5));
        r.where = QStringLiteral("1=1); COMMIT; DELETE FROM t; --");
        auto page = m_db.page(m_t, r);
        qInfo() << "fraction result ok:" << page.ok();
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("10"));
    }

    void estimateWhereCannotEscape()
    {
        reset();
        PageRequest r = request();
        r.where = QStringLiteral("1=1); COMMIT; DELETE FROM t; --");
        auto e = m_db.estimate(m_t, r);
        qInfo() << "estimate ok:" << e.ok();
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("10"));
    }

    // A session-level setting changed by the WHERE must not outlive the job.
    void whereCannotChangeSessionSettingsOfThePool()
    {
        const QString before = m_db.scalar(QStringLiteral("SELECT current_setting('TimeZone')"));
        for (int i = 0; i < 6; ++i) { // every pooled connection
            PageRequest r = request();
            r.where = QStringLiteral("set_config('TimeZone', 'Pacific/Chatham', false) IS NOT NULL");
            auto page = m_db.page(m_t, r);
            QVERIFY(page.ok());
        }
        for (int i = 0; i < 6; ++i)
            QCOMPARE(m_db.scalar(QStringLiteral("SELECT current_setting('TimeZone')")), before);
    }

    // A session-level advisory lock taken by the WHERE is not released by ROLLBACK.
    void whereCannotLeaveASessionLockBehind()
    {
        PageRequest r = request();
        r.where = QStringLiteral("pg_advisory_lock(4242) IS NOT NULL");
        auto page = m_db.page(m_t, r);
        QVERIFY(page.ok());
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242")),
                 QStringLiteral("0"));
    }

    // After a guarded job fails, the connection must accept writes again.
    void guardDoesNotLeakIntoTheNextJob()
    {
        reset();
        for (int i = 0; i < 6; ++i) {
            PageRequest r = request();
            r.where = QStringLiteral("1/0 = 1");
            QVERIFY(!m_db.page(m_t, r).ok());
        }
        for (int i = 0; i < 12; ++i)
            QVERIFY(m_db.script(QStringLiteral("INSERT INTO victim VALUES (1)")).ok());
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM victim")), QStringLiteral("12"));
    }

    // jsonb's ? operator is taken as a placeholder by QtSql: refused with an
    // error (never a wrong result), and jsonb_exists() does the same job.
    void jsonbQuestionMarkIsRefusedAndJsonbExistsWorks()
    {
        reset();
        PageRequest r = request();
        r.where = QStringLiteral("'{\"a\":1}'::jsonb ? 'a'");
        QVERIFY(!m_db.page(m_t, r).ok());
        r.where = QStringLiteral("jsonb_exists('{\"a\":1}'::jsonb, 'a')");
        auto page = TW_OK(m_db.page(m_t, r));
        QVERIFY(page.ok());
        QCOMPARE(page.value().rows.size(), 10);
    }

    // A trailing line comment stays inside the condition: our LIMIT still applies.
    void aTrailingCommentCannotSwallowTheLimit()
    {
        reset();
        PageRequest r = request();
        r.limit = 3;
        r.where = QStringLiteral("id > 0 -- the rest of the line");
        auto page = TW_OK(m_db.page(m_t, r));
        QVERIFY(page.ok());
        QCOMPARE(page.value().rows.size(), 3);
    }

    void cleanupTestCase() { m_pg.dropAll(); }
};

QTEST_GUILESS_MAIN(TestDataWhereGuard)
#include "tst_data_where_guard.moc"
