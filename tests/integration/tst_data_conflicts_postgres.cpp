// PostgreSQL optimistic-concurrency edge cases (issue 5 adversarial review).
#include "DataPagingSupport.h"
#include "ScratchPostgres.h"

#include <QElapsedTimer>

using namespace tw;
using namespace tw::data;
using tw::test::request;

class TestDataConflictsPostgres : public QObject
{
    Q_OBJECT
    test::ScratchPostgres m_pg{QStringLiteral("tw_review_edits")};
    test::DataHarness m_db;
    test::DataHarness m_other; // a second registry: "someone else"
    TableShape m_t;

    Row row(int id)
    {
        auto page = TW_OK(m_db.page(m_t, request({}, {Filter{QStringLiteral("id"), FilterOp::Equal, {id}}})));
        return page.ok() && !page.value().rows.isEmpty() ? page.value().rows.first() : Row{};
    }
    Result<CommitOutcome> setV(const Row &r, const QString &v)
    {
        ChangeSet set;
        set.changes << RowChange{RowChange::Kind::Update, r.key, r.version, {CellValue{QStringLiteral("v"), v}}, 7};
        return test::resultOf(commitChanges(m_db.registry, m_db.connection, m_t, set));
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL");
        auto profile = m_pg.createDatabase();
        QVERIFY(test::runScript(profile, QStringLiteral("CREATE TABLE t (id int PRIMARY KEY, v text, w text);"
                                                        "INSERT INTO t SELECT g, 'v' || g, 'w' FROM generate_series(1, 20) g;")).ok());
        QVERIFY(m_db.open(profile).ok());
        auto other = profile;
        other.name = QStringLiteral("other");
        QVERIFY(m_other.open(other).ok());
        m_t = m_db.describe(QString(), QStringLiteral("t")).valueOr(TableShape{});
    }

    void updateRolledBackBySomeoneElseIsNoConflict()
    {
        const Row r = row(1);
        QVERIFY(!m_other.script(QStringLiteral("UPDATE t SET w = 'x' WHERE id = 1; SELECT 1/0;")).ok());
        auto done = setV(r, QStringLiteral("mine"));
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    }

    void deletedAndReinsertedWithTheSameKeyIsAConflict()
    {
        const Row r = row(2);
        QVERIFY(m_other.script(QStringLiteral("DELETE FROM t WHERE id = 2; INSERT INTO t VALUES (2, 'v2', 'theirs');")).ok());
        auto done = setV(r, QStringLiteral("mine"));
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code(), ErrorCode::Conflict);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT w FROM t WHERE id = 2")), QStringLiteral("theirs"));
    }

    void keyMovedAwayAndAnotherRowTookItIsAConflict()
    {
        const Row r = row(3);
        QVERIFY(m_other.script(QStringLiteral("UPDATE t SET id = 300 WHERE id = 3; INSERT INTO t VALUES (3, 'new', 'theirs');")).ok());
        auto done = setV(r, QStringLiteral("mine"));
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code(), ErrorCode::Conflict);
    }

    // Someone holds the row locked: the commit gives up after lock_timeout, writes nothing, and the
    // pooled connection is left without the 5 s lock_timeout.
    void aLockedRowGivesUpAndLeavesThePoolClean()
    {
        const Row r = row(4);
        auto holder = m_other.registry.pool(m_other.connection)->run([](db::Session &s) {
            return s.executeScript(QStringLiteral("SELECT 1 FROM t WHERE id = 4 FOR UPDATE; SELECT pg_sleep(7);"));
        });
        QTest::qWait(500);
        QElapsedTimer timer;
        timer.start();
        auto done = setV(r, QStringLiteral("mine"));
        qInfo() << "locked commit after" << timer.elapsed() << "ms:" << (done.ok() ? QString() : done.error().toString());
        QVERIFY(!done.ok());
        QVERIFY(timer.elapsed() < 6500);
        test::waitFor(holder, 20000);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(m_db.scalar(QStringLiteral("SELECT current_setting('lock_timeout')")), QStringLiteral("0"));
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT v FROM t WHERE id = 4")), QStringLiteral("v4"));
    }

    void cleanupTestCase() { m_pg.dropAll(); }
};

QTEST_GUILESS_MAIN(TestDataConflictsPostgres)
#include "tst_data_conflicts_postgres.moc"
