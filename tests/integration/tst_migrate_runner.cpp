// The migration runner (issue 9) on real PostgreSQL and SQLite: every case
// runs on both engines, each with a database and a migrations folder of its
// own, through runMigrationCommand — the function the CLI, the GUI and the
// HTTP API all call.
#include "MigrateTestSupport.h"
#include "migrate/MigrationControl.h"
#include "migrate/MigrationHistory.h"

#include <QtTest>

using namespace tw;
using namespace tw::migrate;
using namespace tw::test;

class MigrateRunnerTest : public QObject
{
    Q_OBJECT

private:
    ScratchPostgres m_scratch{QStringLiteral("tw_migrate")};

    void engines()
    {
        QTest::addColumn<int>("driver");
        QTest::newRow("postgres") << int(config::Driver::Postgres);
        QTest::newRow("sqlite") << int(config::Driver::Sqlite);
    }

    // Opens the bench for the current row, or skips / fails the test.
    bool setUp(MigrateBench &bench)
    {
        QFETCH(int, driver);
        QString reason;
        if (!bench.open(config::Driver(driver), m_scratch, &reason)) {
            if (reason == u"PostgreSQL" && !servicesRequired())
                QTest::qSkip("PostgreSQL test server not running", __FILE__, __LINE__);
            else
                QTest::qFail(qPrintable(QStringLiteral("could not open the database: ") + reason), __FILE__, __LINE__);
            return false;
        }
        return true;
    }

private slots:
    void cleanupTestCase() { m_scratch.dropAll(); }

    void applyStatusAndUndo_data() { engines(); }
    void applyStatusAndUndo()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__people.sql"), "CREATE TABLE people (id integer PRIMARY KEY, name text);\n"
                                                    "INSERT INTO people VALUES (1, 'ada');\n");
        bench.add(QStringLiteral("U1__people.sql"), "DROP TABLE people;\n");
        bench.add(QStringLiteral("V2__pets.sql"), "CREATE TABLE pets (id integer PRIMARY KEY, owner integer);\n");
        bench.add(QStringLiteral("U2__pets.sql"), "DROP TABLE pets;\n");
        bench.add(QStringLiteral("V10__toys.sql"), "CREATE TABLE toys (id integer);\n");
        bench.add(QStringLiteral("R__people_view.sql"), "CREATE VIEW people_names AS SELECT name FROM people;\n");

        auto before = bench.command(MigrationCommand::Status);
        QVERIFY2(before, why(before).constData());
        QCOMPARE(states(before.value()),
                 QStringList({"1=pending", "2=pending", "10=pending", "people view=pending"}));
        QVERIFY2(!bench.tableExists(QStringLiteral("tablewright_schema_history")), "status must create nothing");

        auto up = bench.up(QStringLiteral("2"));
        QVERIFY2(up, why(up).constData());
        QVERIFY(!up.value().failure);
        QCOMPARE(up.value().steps.size(), 2);
        QCOMPARE(states(up.value()), QStringList({"1=applied", "2=applied", "10=pending", "people view=pending"}));
        QVERIFY(bench.tableExists(QStringLiteral("pets")));
        QVERIFY(!bench.tableExists(QStringLiteral("toys")));

        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QCOMPARE(up.value().steps.size(), 2); // 10, then the repeatable
        QCOMPARE(up.value().steps.last().action, PlannedStep::Action::Reapply);
        QCOMPARE(states(up.value()), QStringList({"1=applied", "2=applied", "10=applied", "people view=applied"}));
        QCOMPARE(bench.column(QStringLiteral("SELECT name FROM people_names")), QStringList{"ada"});

        // The GUI's status carries the text each migration ran (for its
        // diff); the command line's and the API's leave it out, same states.
        auto full = bench.command(MigrationCommand::Status);
        QVERIFY2(full, why(full).constData());
        QVERIFY(full.value().status.first().last);
        QVERIFY(full.value().status.first().last->sql.contains(QStringLiteral("INSERT INTO people")));
        QCOMPARE(full.value().status.first().last->statementHashes.size(), 2);
        MigrationRequest lean;
        lean.command = MigrationCommand::Status;
        lean.appliedText = false;
        auto brief = bench.run(lean);
        QVERIFY2(brief, why(brief).constData());
        QCOMPARE(states(brief.value()), states(full.value()));
        QVERIFY(brief.value().status.first().last);
        QVERIFY(brief.value().status.first().last->sql.isEmpty());
        QVERIFY(brief.value().status.first().last->statementHashes.isEmpty());
        QCOMPARE(brief.value().status.first().last->checksum, full.value().status.first().last->checksum);

        // A second up has nothing to do; a changed repeatable runs again.
        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(up.value().steps.isEmpty());
        bench.add(QStringLiteral("R__people_view.sql"),
                  "DROP VIEW people_names;\nCREATE VIEW people_names AS SELECT upper(name) AS name FROM people;\n");
        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QCOMPARE(up.value().steps.size(), 1);
        QCOMPARE(bench.column(QStringLiteral("SELECT name FROM people_names")), QStringList{"ADA"});

        // down without a target undoes the newest version only — 10 has no undo file.
        auto down = bench.command(MigrationCommand::Down);
        QVERIFY(!down);
        QCOMPARE(down.error().code(), ErrorCode::ValidationFailed);
        QVERIFY2(down.error().message().contains(QLatin1String("version 10")), qPrintable(down.error().message()));
        bench.add(QStringLiteral("U10__toys.sql"), "DROP TABLE toys;\n");
        down = bench.command(MigrationCommand::Down);
        QVERIFY2(down, why(down).constData());
        QCOMPARE(down.value().steps.size(), 1);
        QVERIFY(!bench.tableExists(QStringLiteral("toys")));
        QCOMPARE(states(down.value()).mid(0, 3), QStringList({"1=applied", "2=applied", "10=pending"}));

        // down --target 1 undoes 2 (newest first), keeps 1.
        MigrationRequest request;
        request.command = MigrationCommand::Down;
        request.plan.target = MigrationVersion::parse(QStringLiteral("1"));
        down = bench.run(request);
        QVERIFY2(down, why(down).constData());
        QCOMPARE(states(down.value()).mid(0, 3), QStringList({"1=applied", "2=pending", "10=pending"}));
        QVERIFY(!bench.tableExists(QStringLiteral("pets")));
        QVERIFY(bench.tableExists(QStringLiteral("people")));
        const QStringList rows = bench.history();
        QVERIFY2(rows.contains(QStringLiteral("2:undo:applied")), qPrintable(rows.join(u' ')));
        // Undone versions run again on up.
        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(bench.tableExists(QStringLiteral("pets")) && bench.tableExists(QStringLiteral("toys")));
    }

    void failingMigrationLeavesEverythingAsBefore_data() { engines(); }
    void failingMigrationLeavesEverythingAsBefore()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\nINSERT INTO a VALUES (1);\n");
        bench.add(QStringLiteral("V2__b.sql"),
                  "CREATE TABLE b (id integer);\nINSERT INTO a VALUES (2);\n-- the typo:\nINSERT INTO nosuch VALUES (1);\n");
        bench.add(QStringLiteral("V3__c.sql"), "CREATE TABLE c (id integer);\n");
        auto up = bench.up(QStringLiteral("1"));
        QVERIFY2(up, why(up).constData());
        QVERIFY(up && !up.value().failure);
        const QStringList historyBefore = bench.history();

        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(up.value().failure.has_value());
        const StepOutcome failed = up.value().steps.last();
        QCOMPARE(failed.script, QStringLiteral("V2__b.sql"));
        QVERIFY(!failed.ok);
        QVERIFY2(failed.error.startsWith(QLatin1String("statement 3 (line 4):")), qPrintable(failed.error));
        QCOMPARE(up.value().failure->details().value(QStringLiteral("line")).toInt(), 4);
        // Nothing of V2 is left, V3 never ran, V1's row and data are intact.
        QVERIFY(!bench.tableExists(QStringLiteral("b")));
        QVERIFY(!bench.tableExists(QStringLiteral("c")));
        QCOMPARE(bench.column(QStringLiteral("SELECT id FROM a")), QStringList{"1"});
        // The history gains exactly one row saying the attempt failed and was rolled back.
        const QStringList historyAfter = bench.history();
        QCOMPARE(historyAfter.mid(0, historyBefore.size()), historyBefore);
        QCOMPARE(historyAfter.mid(historyBefore.size()), QStringList{"2:versioned:failed-rolled-back"});
        QCOMPARE(states(up.value()), QStringList({"1=applied", "2=failed", "3=pending"}));

        // Fixed, it runs; repair then clears the failed row.
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\nINSERT INTO a VALUES (2);\n");
        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(up && !up.value().failure);
        QCOMPARE(states(up.value()), QStringList({"1=applied", "2=applied", "3=applied"}));
        auto repaired = bench.command(MigrationCommand::Repair);
        QVERIFY2(repaired, why(repaired).constData());
        QVERIFY(!bench.history().contains(QStringLiteral("2:versioned:failed-rolled-back")));
        QVERIFY(bench.history().last().startsWith(QLatin1String("-:repair:applied")));
    }

    void singleTransactionRollsBackTheWholeRun_data() { engines(); }
    void singleTransactionRollsBackTheWholeRun()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\n");
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\n");
        bench.add(QStringLiteral("V3__c.sql"), "CREATE TABLE c (id integer);\nINSERT INTO nosuch VALUES (1);\n");
        MigrationRequest request;
        request.command = MigrationCommand::Up;
        request.plan.singleTransaction = true;
        auto up = bench.run(request);
        QVERIFY2(up, why(up).constData());
        QVERIFY(up.value().failure);
        QVERIFY(!bench.tableExists(QStringLiteral("a")));
        QVERIFY(!bench.tableExists(QStringLiteral("b")));
        QCOMPARE(states(up.value()), QStringList({"1=pending", "2=pending", "3=failed"}));
    }

    void checksumChangesAreDetectedButNotLineEndingsOrBom_data() { engines(); }
    void checksumChangesAreDetectedButNotLineEndingsOrBom()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\nCREATE TABLE a2 (id integer);\n");
        QVERIFY(bench.up());
        // CRLF and a byte-order mark: the same migration.
        bench.add(QStringLiteral("V1__a.sql"), "\xEF\xBB\xBF" "CREATE TABLE a (id integer);\r\nCREATE TABLE a2 (id integer);\r\n");
        auto valid = bench.command(MigrationCommand::Validate);
        QVERIFY2(valid, why(valid).constData());
        QVERIFY2(valid.value().problems.isEmpty(), qPrintable(valid.value().problems.join(u'\n')));
        QCOMPARE(states(valid.value()), QStringList{"1=applied"});

        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id bigint);\nCREATE TABLE a2 (id integer);\n");
        valid = bench.command(MigrationCommand::Validate);
        QVERIFY2(valid, why(valid).constData());
        QCOMPARE(states(valid.value()), QStringList{"1=checksum-changed"});
        // The history kept the text that ran, so the change can be shown.
        QCOMPARE(valid.value().status.first().last->sql,
                 QStringLiteral("CREATE TABLE a (id integer);\nCREATE TABLE a2 (id integer);\n"));
        QCOMPARE(valid.value().problems.size(), 1);
        // up refuses while they disagree, repair accepts the file as it is.
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\n");
        auto up = bench.up();
        QVERIFY(!up);
        QCOMPARE(up.error().code(), ErrorCode::ValidationFailed);
        QVERIFY(!bench.tableExists(QStringLiteral("b")));
        QVERIFY(bench.command(MigrationCommand::Repair));
        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(up && !up.value().failure);
        QCOMPARE(states(up.value()), QStringList({"1=applied", "2=applied"}));

        // A file removed after it ran: missing-file, and validate says so.
        bench.remove(QStringLiteral("V1__a.sql"));
        valid = bench.command(MigrationCommand::Validate);
        QVERIFY2(valid, why(valid).constData());
        QCOMPARE(states(valid.value()), QStringList({"1=missing-file", "2=applied"}));
        QCOMPARE(valid.value().problems.size(), 1);
    }

    void baselineSkipsOlderVersions_data() { engines(); }
    void baselineSkipsOlderVersions()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__old.sql"), "CREATE TABLE old1 (id integer);\n");
        bench.add(QStringLiteral("V2__old.sql"), "CREATE TABLE old2 (id integer);\n");
        bench.add(QStringLiteral("V3__new.sql"), "CREATE TABLE new3 (id integer);\n");
        MigrationRequest request;
        request.command = MigrationCommand::Baseline;
        auto refused = bench.run(request);
        QVERIFY(!refused); // needs a version
        request.plan.target = MigrationVersion::parse(QStringLiteral("2"));
        auto baseline = bench.run(request);
        QVERIFY2(baseline, why(baseline).constData());
        QCOMPARE(states(baseline.value()), QStringList({"1=below-baseline", "2=below-baseline", "3=pending"}));
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(up && !up.value().failure);
        QVERIFY(!bench.tableExists(QStringLiteral("old1")));
        QVERIFY(bench.tableExists(QStringLiteral("new3")));
        // A second baseline on a migrated database is refused.
        QVERIFY(!bench.run(request));
    }

    void outOfOrderOnlyWhenAsked_data() { engines(); }
    void outOfOrderOnlyWhenAsked()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\n");
        bench.add(QStringLiteral("V3__c.sql"), "CREATE TABLE c (id integer);\n");
        QVERIFY(bench.up());
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\n");
        auto up = bench.up();
        QVERIFY(!up);
        QVERIFY2(up.error().message().contains(QLatin1String("V2__b.sql")), qPrintable(up.error().message()));
        MigrationRequest request;
        request.command = MigrationCommand::Up;
        request.plan.outOfOrder = true;
        up = bench.run(request);
        QVERIFY2(up, why(up).constData());
        QVERIFY(up && !up.value().failure);
        QVERIFY(bench.tableExists(QStringLiteral("b")));
    }

    void dryRunRunsNothing_data() { engines(); }
    void dryRunRunsNothing()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\nINSERT INTO a VALUES (1);\n");
        auto dry = bench.command(MigrationCommand::DryRun);
        QVERIFY2(dry, why(dry).constData());
        QCOMPARE(dry.value().plan.steps.size(), 1);
        QCOMPARE(dry.value().plan.steps.first().statements.size(), 2);
        QVERIFY(dry.value().plan.steps.first().transactional());
        QVERIFY(!dry.value().plan.lockPlan.isEmpty());
        QVERIFY(!bench.tableExists(QStringLiteral("a")));
        QVERIFY(!bench.tableExists(QStringLiteral("tablewright_schema_history")));
    }

    void otherToolsFoldersRun_data() { engines(); }
    void otherToolsFoldersRun()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        // dbmate: one file per version, both directions in it.
        bench.add(QStringLiteral("20240101120000_create_a.sql"),
                  "-- migrate:up\nCREATE TABLE a (id integer);\n\n-- migrate:down\nDROP TABLE a;\n");
        bench.add(QStringLiteral("20240102120000_create_b.sql"),
                  "-- migrate:up\nCREATE TABLE b (id integer);\n-- migrate:down\nDROP TABLE b;\n");
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(!up.value().failure);
        QVERIFY(bench.tableExists(QStringLiteral("a")) && bench.tableExists(QStringLiteral("b")));
        auto down = bench.command(MigrationCommand::Down);
        QVERIFY2(down, why(down).constData());
        QVERIFY(!bench.tableExists(QStringLiteral("b")));
        QVERIFY(bench.tableExists(QStringLiteral("a")));

        // golang-migrate, on a database of its own (its history is another folder's).
        MigrateBench golang;
        if (!setUp(golang))
            return;
        golang.add(QStringLiteral("000001_create_g.up.sql"), "CREATE TABLE g (id integer);\n");
        golang.add(QStringLiteral("000001_create_g.down.sql"), "DROP TABLE g;\n");
        golang.add(QStringLiteral("000002_create_h.up.sql"), "CREATE TABLE h (id integer);\n");
        golang.add(QStringLiteral("000002_create_h.down.sql"), "DROP TABLE h;\n");
        up = golang.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(golang.tableExists(QStringLiteral("g")) && golang.tableExists(QStringLiteral("h")));
        down = golang.command(MigrationCommand::Down);
        QVERIFY2(down, why(down).constData());
        QVERIFY(!golang.tableExists(QStringLiteral("h")));
    }

    void cancelStopsBetweenStatementsAndRollsBack_data() { engines(); }
    void cancelStopsBetweenStatementsAndRollsBack()
    {
        MigrateBench bench;
        if (!setUp(bench))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\nINSERT INTO a VALUES (1);\n");
        MigrationControl control;
        MigrationRequest request;
        request.command = MigrationCommand::Up;
        // Cancelled after the first statement: the step rolls back, the lock is released.
        auto up = bench.run(request, [&control](const MigrationEvent &event) {
            if (event.kind == MigrationEvent::Kind::StatementDone)
                control.cancel();
        }, &control);
        QVERIFY2(up, why(up).constData());
        QVERIFY(up.value().failure);
        QCOMPARE(up.value().failure->code(), ErrorCode::QueryCancelled);
        QVERIFY(!bench.tableExists(QStringLiteral("a")));
        // The lock was released: the next run proceeds at once.
        request.lockTimeoutMs = 0;
        up = bench.run(request);
        QVERIFY2(up, why(up).constData());
        QVERIFY(!up.value().failure);
        QVERIFY(bench.tableExists(QStringLiteral("a")));
    }

    void cancelInterruptsARunningStatement()
    {
        ScratchPostgres &scratch = m_scratch;
        TW_REQUIRE_SERVICE(scratch.available(), QStringLiteral("PostgreSQL"));
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Postgres, scratch, &reason), qPrintable(reason));
        bench.add(QStringLiteral("V1__slow.sql"), "CREATE TABLE s (id integer);\nSELECT pg_sleep(60);\n");
        MigrationControl control;
        MigrationRequest request;
        request.command = MigrationCommand::Up;
        QElapsedTimer timer;
        timer.start();
        auto future = bench.pool->run([&](db::Session &session) {
            return runMigrationCommand(session, request, [&control](const MigrationEvent &event) {
                if (event.kind == MigrationEvent::Kind::StatementDone)
                    QTimer::singleShot(0, qApp, [] {}); // keep the loop awake
            }, &control);
        });
        QTest::qWait(1500);
        control.cancel();
        auto up = resultOf(future);
        QVERIFY2(timer.elapsed() < 20000, "the running statement was not cancelled");
        QVERIFY2(up, why(up).constData());
        QVERIFY(up.value().failure);
        QCOMPARE(up.value().failure->code(), ErrorCode::QueryCancelled);
        QVERIFY(!bench.tableExists(QStringLiteral("s")));
    }

    void concurrentIndexesResumeAfterTheFailedStatement()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Postgres, m_scratch, &reason), qPrintable(reason));
        bench.add(QStringLiteral("V1__items.sql"),
                  "CREATE TABLE items (id serial PRIMARY KEY, name text, kind text);\n"
                  "INSERT INTO items (name, kind) SELECT 'n' || g, 'k' || (g % 3) FROM generate_series(1, 300) g;\n");
        // Two CREATE INDEX CONCURRENTLY in one file (golang-migrate #284, dbmate #126);
        // the second fails on duplicate kinds.
        bench.add(QStringLiteral("V2__indexes.sql"),
                  "CREATE INDEX CONCURRENTLY items_name_idx ON items (name);\n"
                  "CREATE UNIQUE INDEX CONCURRENTLY items_kind_uq ON items (kind);\n");
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(up.value().failure);
        const StepOutcome failed = up.value().steps.last();
        QVERIFY(!failed.transactional);
        QCOMPARE(failed.statementsApplied, 1);
        QCOMPARE(states(up.value()), QStringList({"1=applied", "2=partial"}));
        // The first index stays; the invalid one the failure left is gone.
        QCOMPARE(bench.column(QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'items' ORDER BY 1")),
                 QStringList({"items_name_idx", "items_pkey"}));

        // A change to the statement that already ran is refused on resume.
        bench.add(QStringLiteral("V2__indexes.sql"),
                  "CREATE INDEX CONCURRENTLY items_name_idx2 ON items (name);\n"
                  "CREATE UNIQUE INDEX CONCURRENTLY items_kind_uq ON items (kind, id);\n");
        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(up);
        QVERIFY(up.value().failure);
        QCOMPARE(up.value().failure->code(), ErrorCode::MigrationChecksumMismatch);

        // Fixing only the failed statement resumes from it.
        bench.add(QStringLiteral("V2__indexes.sql"),
                  "CREATE INDEX CONCURRENTLY items_name_idx ON items (name);\n"
                  "CREATE UNIQUE INDEX CONCURRENTLY items_kind_uq ON items (kind, id);\n");
        up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY2(!up.value().failure, failureText(up).constData());
        QCOMPARE(states(up.value()), QStringList({"1=applied", "2=applied"}));
        QCOMPARE(bench.column(QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'items' ORDER BY 1")),
                 QStringList({"items_kind_uq", "items_name_idx", "items_pkey"}));
        QCOMPARE(bench.column(QStringLiteral("SELECT statements_applied || '/' || statements_total || ' ' || status"
                                             " FROM tablewright_schema_history WHERE version = '2'")),
                 QStringList{"2/2 applied"});
    }

    void enumValueAddedAndUsedRunsOutsideATransaction()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Postgres, m_scratch, &reason), qPrintable(reason));
        bench.add(QStringLiteral("V1__mood.sql"), "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
                                                  "CREATE TABLE people (id integer, m mood);\n");
        bench.add(QStringLiteral("V2__happy.sql"), "ALTER TYPE mood ADD VALUE 'happy';\n"
                                                   "INSERT INTO people VALUES (1, 'happy');\n");
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY2(!up.value().failure, failureText(up).constData());
        QVERIFY(!up.value().steps.last().transactional);
        QCOMPARE(bench.column(QStringLiteral("SELECT m::text FROM people")), QStringList{"happy"});
    }

    void functionBodiesAndRulesSplitCorrectly()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Postgres, m_scratch, &reason), qPrintable(reason));
        bench.add(QStringLiteral("V1__bodies.sql"),
                  "CREATE TABLE \"semi;colon\" (id integer, note text);\n"
                  "CREATE FUNCTION twice(i integer) RETURNS integer LANGUAGE plpgsql AS $fn$\n"
                  "BEGIN\n  RETURN i * 2; -- ; in a comment, $ in a body\nEND;\n$fn$;\n"
                  "CREATE FUNCTION three() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 3; END;\n"
                  "/* a /* nested */ comment; */\n"
                  "INSERT INTO \"semi;colon\" VALUES (twice(21), E'it\\'s; fine');\n"
                  "CREATE TABLE log (id integer);\n"
                  "CREATE RULE keep AS ON INSERT TO log DO ALSO (INSERT INTO \"semi;colon\" VALUES (new.id, 'a'); "
                  "INSERT INTO \"semi;colon\" VALUES (new.id, 'b'));\n"
                  "INSERT INTO log VALUES (7);\n");
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY2(!up.value().failure, failureText(up).constData());
        QCOMPARE(bench.column(QStringLiteral("SELECT id || ':' || note FROM \"semi;colon\" ORDER BY id, note")),
                 QStringList({"7:a", "7:b", "42:it's; fine"}));
        QCOMPARE(bench.column(QStringLiteral("SELECT three()")), QStringList{"3"});
    }

    void sqliteTriggersSplitCorrectly()
    {
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Sqlite, m_scratch, &reason), qPrintable(reason));
        bench.add(QStringLiteral("V1__trigger.sql"),
                  "CREATE TABLE people (id integer PRIMARY KEY, name text);\n"
                  "CREATE TRIGGER people_upper AFTER INSERT ON people BEGIN\n"
                  "  UPDATE people SET name = upper(name) WHERE id = new.id;\n"
                  "  UPDATE people SET name = name || ';' WHERE id = new.id;\nEND;\n"
                  "INSERT INTO people (name) VALUES ('ada');\n");
        auto up = bench.up();
        QVERIFY2(up, why(up).constData());
        QVERIFY(!up.value().failure);
        QCOMPARE(bench.column(QStringLiteral("SELECT name FROM people")), QStringList{"ADA;"});
    }
};

QTEST_GUILESS_MAIN(MigrateRunnerTest)
#include "tst_migrate_runner.moc"
