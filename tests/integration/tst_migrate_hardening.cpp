// The migration runner under attack (issue 9): the cases an adversarial
// review found (locks left by cancelled or broken runs, transaction control
// inside a migration, session state leaking into the pool, a lost lock, NUL
// bytes, partial undo, huge versions, SQLite's lock timeout) and the checks
// that held (concurrent runners, deferred constraints, a migration dropping
// the runner's own tables). Real PostgreSQL and SQLite.
#include "MigrateTestSupport.h"
#include "migrate/MigrationControl.h"
#include "migrate/MigrationHistory.h"
#include "migrate/MigrationLock.h"
#include "migrate/MigrationNew.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtTest>

using namespace tw;
using namespace tw::migrate;
using namespace tw::test;

namespace {

// A second pool on the bench's database: another "runner" (another backend
// on PostgreSQL, another sqlite3 handle on SQLite).
std::unique_ptr<db::Pool> secondPool(const MigrateBench &bench)
{
    auto pool = std::make_unique<db::Pool>(bench.profile);
    (void)resultOf(pool->open());
    return pool;
}

Result<MigrationReport> upOn(db::Pool &pool, int lockTimeoutMs)
{
    MigrationRequest request;
    request.command = MigrationCommand::Up;
    request.lockTimeoutMs = lockTimeoutMs;
    return resultOf(pool.run([request](db::Session &session) { return runMigrationCommand(session, request); }));
}

// A few seconds of CPU on SQLite (it has no sleep function).
const char *const kSqliteSlow =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30000000) SELECT count(*) FROM c;\n";

} // namespace

class MigrateHardeningTest : public QObject
{
    Q_OBJECT

private:
    ScratchPostgres m_scratch{QStringLiteral("tw_migrate_hard")};

    void engines()
    {
        QTest::addColumn<int>("driver");
        QTest::newRow("postgres") << int(config::Driver::Postgres);
        QTest::newRow("sqlite") << int(config::Driver::Sqlite);
    }

    bool setUp(MigrateBench &bench, config::Driver driver) { return openBenchOrSkip(bench, driver, m_scratch); }
    bool setUp(MigrateBench &bench)
    {
        QFETCH(int, driver);
        return setUp(bench, config::Driver(driver));
    }

private slots:
    void cleanupTestCase() { m_scratch.dropAll(); }

    // Found in review: a pool-level cancel (Pool::cancel of the job: GUI tab closed,
    // HTTP request gone, shutdown of one job) makes the Session refuse every
    // statement, so MigrationLock::release() is refused too: PostgreSQL keeps
    // the session advisory lock on a connection that goes back to the pool;
    // SQLite keeps a lock row naming this (live) process.
    void poolCancelReleasesTheLock_data() { engines(); }
    void poolCancelReleasesTheLock()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        const bool pg = bench.profile.driver == config::Driver::Postgres;
        bench.add(QStringLiteral("V1__slow.sql"), pg ? QByteArray("SELECT pg_sleep(5);\n") : QByteArray(kSqliteSlow));
        MigrationRequest request;
        request.command = MigrationCommand::Up;
        auto job = bench.pool->submit([request](db::Session &session) { return runMigrationCommand(session, request); });
        QThread::msleep(1000);
        bench.pool->cancel(job.id);
        auto first = resultOf(job.future);
        qInfo() << "cancelled run:" << (first ? QStringLiteral("report") : first.error().toString());

        auto other = secondPool(bench);
        bench.remove(QStringLiteral("V1__slow.sql"));
        auto second = upOn(*other, 2000);
        QVERIFY2(second || second.error().code() != ErrorCode::MigrationLocked,
                 why(second).constData());
    }

    // Found in review: a no-transaction migration that opens a transaction itself
    // (BEGIN) and then fails leaves the session inside a transaction; on
    // PostgreSQL an aborted one, so pg_advisory_unlock fails and the lock
    // stays on the pooled connection; on SQLite the lock row DELETE runs in
    // the user's transaction, which the pool then rolls back.
    void ownBeginInNoTransactionFileDoesNotLeaveTheLock_data() { engines(); }
    void ownBeginInNoTransactionFileDoesNotLeaveTheLock()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__own_tx.sql"), "-- tablewright:no-transaction\n"
                                                    "CREATE TABLE a (id integer);\n"
                                                    "BEGIN;\n"
                                                    "CREATE TABLE b (id integer);\n"
                                                    "SELECT * FROM no_such_table;\n");
        auto first = bench.up();
        qInfo() << "first run:" << why(first);

        auto other = secondPool(bench);
        auto second = upOn(*other, 2000);
        QVERIFY2(second || second.error().code() != ErrorCode::MigrationLocked,
                 why(second).constData());
        // BEGIN inside a migration is refused before anything runs.
        QVERIFY(!first);
        QCOMPARE(first.error().code(), ErrorCode::ValidationFailed);
        QVERIFY2(first.error().message().contains(QLatin1String("line 3")), why(first).constData());
        QVERIFY(!bench.tableExists(QStringLiteral("a")));
    }

    // Found in review: COMMIT / ROLLBACK inside a transactional migration are run as
    // ordinary statements: the runner's transaction ends early, later
    // statements autocommit, and the history says "failed-rolled-back" while
    // the first statements stay (COMMIT), or "applied" while they are gone
    // (ROLLBACK). The issue promises: database exactly as before a failed
    // migration.
    void commitInsideAMigrationIsNotCommittedHalfway_data() { engines(); }
    void commitInsideAMigrationIsNotCommittedHalfway()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__commit.sql"), "CREATE TABLE a (id integer);\n"
                                                    "COMMIT;\n"
                                                    "CREATE TABLE b (id integer);\n"
                                                    "SELECT * FROM no_such_table;\n");
        auto up = bench.up();
        const bool refused = !up; // refusing the file up front is fine too
        if (!refused)
            QVERIFY(up.value().failure);
        QVERIFY2(!bench.tableExists(QStringLiteral("a")),
                 qPrintable(QStringLiteral("history %1 but table a stayed").arg(bench.history().join(u' '))));
    }

    void rollbackInsideAMigrationIsNotReportedApplied_data() { engines(); }
    void rollbackInsideAMigrationIsNotReportedApplied()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__rollback.sql"), "CREATE TABLE a (id integer);\n"
                                                      "ROLLBACK;\n"
                                                      "CREATE TABLE b (id integer);\n");
        auto up = bench.up();
        if (up && !up.value().failure)
            QVERIFY2(bench.tableExists(QStringLiteral("a")),
                     qPrintable(QStringLiteral("reported applied (%1) but table a is gone").arg(bench.history().join(u' '))));
    }

    // Found in review: a migration that runs SET search_path (not LOCAL) changes the
    // session: historyTableExists() looks in current_schema() only, so the
    // run's own report says nothing is applied, and the next run on the same
    // pooled connection creates a second history table and re-runs
    // everything.
    void searchPathSetByAMigrationDoesNotHideTheHistory()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        bench.add(QStringLiteral("V1__schema.sql"), "CREATE SCHEMA app;\n"
                                                    "SET search_path = app, public;\n"
                                                    "CREATE TABLE t (id integer);\n");
        bench.add(QStringLiteral("V2__more.sql"), "CREATE TABLE public.u (id integer);\n");
        // Two runs, as the GUI or the HTTP API make them: a job each, on the same pool.
        QList<MigrationReport> reports;
        for (int i = 0; i < 2; ++i) {
            auto run = bench.up();
            QVERIFY2(run, why(run).constData());
            reports << run.value();
        }
        auto twice = Result<QList<MigrationReport>>(reports);
        QVERIFY2(twice, why(twice).constData());
        QCOMPARE(states(twice.value().at(0)), QStringList({"1=applied", "2=applied"}));
        QVERIFY2(!twice.value().at(1).failure, twice.value().at(1).failure ? qPrintable(twice.value().at(1).failure->toString()) : "");
        QCOMPARE(twice.value().at(1).steps.size(), 0);
        QCOMPARE(bench.column(QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'tablewright_schema_history'")),
                 QStringList{"1"});
    }

    // A role whose search_path names no schema that exists: the history has
    // nowhere to live, and every command says so instead of guessing one.
    void emptySearchPathIsNamedNotGuessed()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        bench.add(QStringLiteral("V1__t.sql"), "CREATE TABLE t (id integer);\n");
        for (const auto command : {migrate::MigrationCommand::Status, migrate::MigrationCommand::Up}) {
            migrate::MigrationRequest request;
            request.command = command;
            auto report = resultOf(bench.pool->run([request](db::Session &session) -> Result<migrate::MigrationReport> {
                if (auto set = session.execute(QStringLiteral("SET search_path = ''")); !set)
                    return set.error();
                auto run = migrate::runMigrationCommand(session, request, {}, nullptr);
                (void)session.execute(QStringLiteral("RESET search_path"));
                return run;
            }));
            const QString failure = !report ? report.error().toString()
                                   : report.value().failure ? report.value().failure->toString()
                                                            : QString();
            QVERIFY2(failure.contains(QLatin1String("no schema on the search_path")), qPrintable(failure));
        }
        QVERIFY(!bench.tableExists(QStringLiteral("t")));
    }

    // Found in review: session settings made by a migration (or by the runner: the
    // client_connection_check_interval it sets) stay on the pooled
    // connection for every later job.
    void migrationSessionSettingsDoNotLeakIntoThePool()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        bench.add(QStringLiteral("V1__timeout.sql"), "SET statement_timeout = '50ms';\nCREATE TABLE t (id integer);\n");
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(!up.value().failure);
        // Every connection the pool hands out afterwards is as the pool made it.
        for (int i = 0; i < 6; ++i) {
            auto settings = resultOf(bench.pool->run([](db::Session &session) -> Result<QStringList> {
                auto a = session.scalar(QStringLiteral("SHOW statement_timeout"));
                auto b = session.scalar(QStringLiteral("SHOW client_connection_check_interval"));
                if (!a || !b)
                    return Error(ErrorCode::Internal, QStringLiteral("SHOW failed"));
                return QStringList{a.value().toString(), b.value().toString()};
            }));
            QVERIFY2(settings, why(settings).constData());
            QCOMPARE(settings.value(), QStringList({"0", "0"}));
        }
        auto settings = Result<QStringList>(QStringList{"0", "0"});
        QVERIFY2(settings, why(settings).constData());
        QCOMPARE(settings.value(), QStringList({"0", "0"}));
    }

    // Found in review: pg_advisory_unlock_all() (or DISCARD ALL in a no-transaction
    // file) drops the runner's lock; MigrationLock::refresh() is a no-op on
    // PostgreSQL, so the runner goes on without it and a second runner can
    // take the lock and run at the same time.
    void runnerNoticesItLostTheAdvisoryLock()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        // Called directly it is refused up front; through a function only the
        // runner's check after the statement can see it.
        bench.add(QStringLiteral("V1__unlock.sql"), "CREATE FUNCTION unlock_everything() RETURNS boolean LANGUAGE sql"
                                                    " AS 'SELECT pg_advisory_unlock_all() IS NULL';\n"
                                                    "SELECT unlock_everything();\n");
        bench.add(QStringLiteral("V2__slow.sql"), "SELECT pg_sleep(3);\n");
        MigrationRequest request;
        request.command = MigrationCommand::Up;
        auto job = bench.pool->submit([request](db::Session &session) { return runMigrationCommand(session, request); });
        QThread::msleep(1200);
        auto other = secondPool(bench);
        auto taken = resultOf(other->run([](db::Session &session) {
            return session.scalar(QStringLiteral("SELECT pg_try_advisory_lock(CAST(? AS bigint))"),
                                  {QString::number(MigrationLock::advisoryKey())});
        }));
        auto report = resultOf(job.future);
        QVERIFY2(taken, why(taken).constData());
        const bool stolen = taken.value().toBool();
        const bool noticed = !report || report.value().failure;
        QVERIFY2(!stolen || noticed, "a second session took the migration lock while the runner still ran, and the "
                                     "runner finished as if nothing happened");
        QVERIFY2(report && report.value().failure, "the lost lock was not noticed");
        QCOMPARE(report.value().failure->code(), ErrorCode::MigrationLocked);
        QVERIFY(!bench.column(QStringLiteral("SELECT count(*) FROM tablewright_schema_history WHERE status = 'applied'")).contains(QStringLiteral("2")));
    }

    // Found in review: a NUL character in a migration file: PQexec / sqlite3 see the
    // statement only up to the NUL. "DELETE FROM t<NUL> WHERE id = 1" deletes
    // every row. (In a transactional file the history INSERT, whose bound
    // `sql` text is cut at the NUL too, happens to fail and roll it back;
    // outside a transaction nothing saves the rows.)
    void nulCharacterDoesNotTruncateAStatement_data() { engines(); }
    void nulCharacterDoesNotTruncateAStatement()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        // In one run, as `migrate up` of a fresh checkout does (the history
        // INSERT is then a cached prepared statement and goes through).
        bench.add(QStringLiteral("V1__t.sql"), "CREATE TABLE t (id integer);\nINSERT INTO t VALUES (1), (2), (3);\n");
        bench.add(QStringLiteral("V2__delete_one.sql"), QByteArray("-- tablewright:no-transaction\nDELETE FROM t", 44) + QByteArray(1, '\0')
                                                          + QByteArray(" WHERE id = 1;\n"));
        auto up = bench.up();
        qInfo() << "up:" << (up ? (up.value().failure ? up.value().failure->toString() : QStringLiteral("ok")) : up.error().toString());
        const QStringList rows = bench.column(QStringLiteral("SELECT count(*) FROM t"));
        QVERIFY2(rows != QStringList{"0"}, "the statement ran cut at the NUL: every row deleted");
    }

    // Found in review: a partial (no-transaction) migration whose failing last
    // statement is removed from the file stays "partial" forever: the resume
    // has no statement left to run, and only an empty file is marked applied.
    void resumeWithNothingLeftMarksTheMigrationApplied_data() { engines(); }
    void resumeWithNothingLeftMarksTheMigrationApplied()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__two.sql"), "-- tablewright:no-transaction\n"
                                                 "CREATE TABLE a (id integer);\n"
                                                 "CREATE TABLE b (id integer);\n"
                                                 "SELECT * FROM no_such_table;\n");
        auto first = bench.up();
        QVERIFY2(first, why(first).constData());
        QVERIFY(first.value().failure);
        QCOMPARE(states(first.value()), QStringList{"1=partial"});
        bench.add(QStringLiteral("V1__two.sql"), "-- tablewright:no-transaction\n"
                                                 "CREATE TABLE a (id integer);\n"
                                                 "CREATE TABLE b (id integer);\n");
        auto second = bench.up();
        QVERIFY2(second, why(second).constData());
        QVERIFY(!second.value().failure);
        QCOMPARE(states(second.value()), QStringList{"1=applied"});
    }

    // Found in review: an undo that runs outside a transaction and stops part-way is
    // recorded "partial" but not resumable: status keeps the version
    // "applied" (though half of it is undone) and `down` re-runs the undo
    // from its first statement, which now fails: a dirty dead end.
    void partialUndoResumes()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\nCREATE INDEX a_id ON a (id);\n");
        QVERIFY(bench.up());
        bench.add(QStringLiteral("U1__a.sql"), "DROP INDEX CONCURRENTLY a_id;\nSELECT * FROM no_such_table;\nDROP TABLE a;\n");
        auto down = bench.command(MigrationCommand::Down);
        QVERIFY2(down, why(down).constData());
        QVERIFY(down.value().failure);
        qInfo() << "after failed down:" << states(down.value()) << bench.history();
        bench.add(QStringLiteral("U1__a.sql"), "DROP INDEX CONCURRENTLY a_id;\nDROP TABLE a;\n");
        auto again = bench.command(MigrationCommand::Down);
        QVERIFY2(again, why(again).constData());
        QVERIFY2(!again.value().failure, again.value().failure ? qPrintable(again.value().failure->toString()) : "");
        QVERIFY(!bench.tableExists(QStringLiteral("a")));
    }

    // Found in review: `migrate new _fix` (allowed characters) writes V<n>___fix.sql,
    // which parseMigrationFileName reads as version "<n>_" (greedy
    // [0-9._]*), rejects, and lists as ignored: the new migration never runs.
    void newFileIsReadBack()
    {
        QTemporaryDir dir;
        for (const QString &name : {QStringLiteral("first"), QStringLiteral("_fix"), QStringLiteral("2 _x")}) {
            auto files = createMigrationFiles(dir.path(), name);
            QVERIFY2(files, why(files).constData());
        }
        auto read = readMigrationDirectory(dir.path());
        QVERIFY2(read, why(read).constData());
        QVERIFY2(read.value().ignored.isEmpty(), qPrintable(QStringLiteral("ignored: ") + read.value().ignored.join(u' ')));
        QCOMPARE(read.value().versioned.size(), 3);
    }

    // Found in review: a V file whose version does not fit 64 bits is silently
    // "ignored" (up succeeds and runs nothing) instead of being refused.
    void hugeVersionIsAnErrorNotIgnored()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("V99999999999999999999__big.sql")), "SELECT 1;\n"));
        auto read = readMigrationDirectory(dir.path());
        QVERIFY2(!read || read.value().versioned.size() == 1,
                 qPrintable(QStringLiteral("silently ignored: ") + (read ? read.value().ignored.join(u' ') : QString())));
    }


    // Found in review: ALTER TABLE … DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+)
    // cannot run in a transaction block, and TransactionRules does not know
    // it: the file fails instead of running outside a transaction.
    void detachPartitionConcurrentlyRunsOutsideATransaction()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        bench.add(QStringLiteral("V1__parts.sql"),
                  "CREATE TABLE m (id integer, at date) PARTITION BY RANGE (at);\n"
                  "CREATE TABLE m_2020 PARTITION OF m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');\n");
        bench.add(QStringLiteral("V2__detach.sql"), "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY;\n");
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY2(!up.value().failure, up.value().failure ? qPrintable(up.value().failure->toString()) : "");
    }

    // Found in review: SQLite: the lock timeout is not honoured while the holder is
    // inside a step: the waiter's BEGIN IMMEDIATE sits in busy_timeout
    // (5 s) times the session's busy retries before the timeout is looked at.
    void sqliteLockTimeoutIsHonoured()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Sqlite))
            return;
        bench.add(QStringLiteral("V1__slow.sql"), QByteArray("CREATE TABLE s (id integer);\n") + kSqliteSlow);
        MigrationRequest request;
        request.command = MigrationCommand::Up;
        auto job = bench.pool->submit([request](db::Session &session) { return runMigrationCommand(session, request); });
        QThread::msleep(500);
        auto other = secondPool(bench);
        QElapsedTimer timer;
        timer.start();
        auto second = upOn(*other, 500);
        const qint64 waited = timer.elapsed();
        auto first = resultOf(job.future);
        qInfo() << "second runner gave up after" << waited << "ms:" << (second ? QStringLiteral("ran") : second.error().toString());
        QVERIFY2(first, why(first).constData());
        QVERIFY2(waited < 1500, qPrintable(QStringLiteral("--lock-timeout 0.5 s waited %1 ms").arg(waited)));
    }


    // Check: several runners (threads, a pool each) at once: every
    // migration exactly once, the others wait or find nothing to do.
    void concurrentRunnersApplyEachMigrationOnce_data() { engines(); }
    void concurrentRunnersApplyEachMigrationOnce()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__log.sql"), "CREATE TABLE log (n integer);\n");
        for (int v = 2; v <= 15; ++v) {
            QByteArray sql = QByteArray("INSERT INTO log VALUES (") + QByteArray::number(v) + ");\n";
            if (v == 7)
                sql.prepend("-- tablewright:no-transaction\n");
            bench.add(QStringLiteral("V%1__step.sql").arg(v), sql);
        }
        std::vector<std::unique_ptr<db::Pool>> pools;
        QList<QFuture<Result<MigrationReport>>> runs;
        for (int i = 0; i < 4; ++i) {
            pools.push_back(secondPool(bench));
            MigrationRequest request;
            request.command = MigrationCommand::Up;
            request.lockTimeoutMs = 60000;
            runs << pools.back()->run([request](db::Session &session) { return runMigrationCommand(session, request); });
        }
        int stepsRun = 0;
        for (auto &run : runs) {
            auto report = resultOf(run);
            QVERIFY2(report, why(report).constData());
            QVERIFY(!report.value().failure);
            stepsRun += int(report.value().steps.size());
        }
        QCOMPARE(stepsRun, 15);
        QCOMPARE(bench.column(QStringLiteral("SELECT count(*) FROM log")), QStringList{"14"});
        QCOMPARE(bench.column(QStringLiteral("SELECT count(DISTINCT n) FROM log")), QStringList{"14"});
    }


    // Found in review: a pending migration below the newest applied one
    // (out-of-order) is not counted as pending: `status` prints "up to date"
    // and exits 0, so a deploy gate on exit 3 lets it through.
    void outOfOrderCountsAsPending()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Sqlite))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\n");
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\n");
        QVERIFY(bench.up());
        bench.add(QStringLiteral("V1.5__c.sql"), "CREATE TABLE c (id integer);\n");
        auto status = bench.command(MigrationCommand::Status);
        QVERIFY2(status, why(status).constData());
        QCOMPARE(states(status.value()), QStringList({"1=applied", "1.5=out-of-order", "2=applied"}));
        QCOMPARE(status.value().pendingCount(), 1);
    }

    // Check (expected to pass): COMMIT failing on a deferred constraint.
    void commitFailureLeavesNothing()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        bench.add(QStringLiteral("V1__deferred.sql"),
                  "CREATE TABLE p (id integer PRIMARY KEY);\n"
                  "CREATE TABLE c (pid integer REFERENCES p DEFERRABLE INITIALLY DEFERRED);\n"
                  "INSERT INTO c VALUES (42);\n");
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(up.value().failure);
        QVERIFY(!bench.tableExists(QStringLiteral("p")));
        QCOMPARE(bench.history(), QStringList{"1:versioned:failed-rolled-back"});
        auto other = secondPool(bench);
        auto second = upOn(*other, 1000);
        QVERIFY2(second, why(second).constData());
    }

    // Check: a migration that drops the history table (transactional) is
    // rolled back and recorded.
    void migrationDroppingTheHistoryTable_data() { engines(); }
    void migrationDroppingTheHistoryTable()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\n");
        QVERIFY(bench.up());
        bench.add(QStringLiteral("V2__evil.sql"), "DROP TABLE tablewright_schema_history;\nCREATE TABLE b (id integer);\n");
        auto up = bench.up();
        qInfo() << "up:" << (up ? (up.value().failure ? up.value().failure->toString() : QStringLiteral("ok")) : up.error().toString())
                << bench.history();
        QVERIFY(bench.tableExists(QStringLiteral("tablewright_schema_history")));
        QVERIFY(!bench.tableExists(QStringLiteral("b")));
    }

    // Check: SQLite, a migration that drops the lock table.
    void migrationDroppingTheLockTable()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Sqlite))
            return;
        bench.add(QStringLiteral("V1__evil.sql"), "DROP TABLE tablewright_schema_lock;\n");
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\n");
        auto up = bench.up();
        qInfo() << "up:" << (up ? (up.value().failure ? up.value().failure->toString() : QStringLiteral("ok")) : up.error().toString())
                << bench.history() << (up ? up.value().problems : QStringList());
        auto other = secondPool(bench);
        auto second = upOn(*other, 1000);
        QVERIFY2(second, why(second).constData());
    }
};

QTEST_GUILESS_MAIN(MigrateHardeningTest)
#include "tst_migrate_hardening.moc"
