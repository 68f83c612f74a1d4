// `tablewright migrate` as separate processes (issue 9): exit codes for
// every outcome, --json, several runners at once on one database (each
// migration applied exactly once), a lock holder killed with SIGKILL (the
// next runner proceeds at once), and a held lock reported with its holder.
#include "AppRun.h"
#include "MigrateTestSupport.h"
#include "migrate/MigrationJson.h"
#include "migrate/MigrationLock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QtTest>

#include <csignal>

using namespace tw;
using namespace tw::test;

namespace {

using Run = AppRun;

QString databaseUrl(const config::ConnectionProfile &p, const QString &migrations)
{
    return QStringLiteral("postgres://%1:%2@%3:%4/%5?migrations=%6")
        .arg(p.user, p.password, p.host)
        .arg(p.port)
        .arg(p.database, migrations);
}

// A runner as its own process, started and left running.
std::unique_ptr<QProcess> startRunner(const QStringList &args, const QMap<QString, QString> &env)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("TABLEWRIGHT_CONFIG"));
    environment.remove(QStringLiteral("DATABASE_URL"));
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(TW_APP_BINARY), QStringList{QStringLiteral("migrate")} + args);
    return process;
}

bool waitForText(QProcess &process, QByteArray *seen, const QByteArray &text, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        process.waitForReadyRead(100);
        *seen += process.readAllStandardError();
        if (seen->contains(text))
            return true;
        if (process.state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

} // namespace

class MigrateCliTest : public QObject
{
    Q_OBJECT

    ScratchPostgres m_scratch{QStringLiteral("tw_migrate_cli")};

    // A SQLite bench and a config file naming it "lite".
    QString sqliteConfig(MigrateBench &bench)
    {
        QString reason;
        if (!bench.open(config::Driver::Sqlite, m_scratch, &reason))
            return {};
        const QString path = bench.dir.filePath(QStringLiteral("tw.yaml"));
        writeFile(path, QStringLiteral("connections:\n  - name: lite\n    driver: sqlite\n    file: %1\n    migrations: %2\n")
                            .arg(bench.profile.database, bench.migrations())
                            .toUtf8());
        return path;
    }

    Run migrate(const QStringList &args, const QMap<QString, QString> &env = {})
    {
        return runApp(QStringLiteral(TW_APP_BINARY), QStringList{QStringLiteral("migrate")} + args, env);
    }

private slots:
    void cleanupTestCase() { m_scratch.dropAll(); }

    void badArgumentsExitTwo()
    {
        QCOMPARE(migrate({}).exitCode, 2);
        const Run unknown = migrate({QStringLiteral("sideways"), QStringLiteral("--connection"), QStringLiteral("x")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QLatin1String("unknown command 'sideways'")), qPrintable(unknown.err));
        QCOMPARE(migrate({QStringLiteral("up")}).exitCode, 2); // no connection
        QCOMPARE(migrate({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("x"), QStringLiteral("--target"),
                          QStringLiteral("v1.x")})
                     .exitCode,
                 2);
        QCOMPARE(migrate({QStringLiteral("baseline"), QStringLiteral("--connection"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(migrate({QStringLiteral("new"), QStringLiteral("--dir"), QStringLiteral("/tmp")}).exitCode, 2); // no name
        QCOMPARE(migrate({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("x"), QStringLiteral("--lock-timeout"),
                          QStringLiteral("soon")})
                     .exitCode,
                 2);
        QCOMPARE(migrate({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("x"), QStringLiteral("--lock-timeout"),
                          QStringLiteral("nan")})
                     .exitCode,
                 2);
        // Scripts that ask for JSON get it for bad arguments too.
        const Run badJson = migrate({QStringLiteral("sideways"), QStringLiteral("--json")});
        QCOMPARE(badJson.exitCode, 2);
        const QJsonObject refusal = QJsonDocument::fromJson(badJson.out.toUtf8()).object();
        QCOMPARE(refusal.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY2(refusal.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(
                     QLatin1String("sideways")),
                 qPrintable(badJson.out));
        const Run help = migrate({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("Exit codes")));
    }

    void exitCodesTellWhatHappened()
    {
        MigrateBench bench;
        const QString config = sqliteConfig(bench);
        QVERIFY(!config.isEmpty());
        const QStringList base{QStringLiteral("--connection"), QStringLiteral("lite"), QStringLiteral("--config"), config};
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\n");
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\nINSERT INTO nosuch VALUES (1);\n");

        Run status = migrate(QStringList{QStringLiteral("status")} + base);
        QCOMPARE(status.exitCode, 3); // pending
        QVERIFY2(status.out.contains(QLatin1String("2 pending")), qPrintable(status.out));

        Run up = migrate(QStringList{QStringLiteral("up")} + base);
        QCOMPARE(up.exitCode, 1); // V2 failed
        QVERIFY2(up.err.contains(QLatin1String("V2__b.sql")) && up.err.contains(QLatin1String("rolled back")), qPrintable(up.err));

        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\n");
        QCOMPARE(migrate(QStringList{QStringLiteral("up")} + base).exitCode, 0);
        status = migrate(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + base);
        QCOMPARE(status.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("pending")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("status")).toArray().size(), 2);
        QCOMPARE(json.value(QStringLiteral("status")).toArray().at(1).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("applied"));

        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id bigint);\n");
        QCOMPARE(migrate(QStringList{QStringLiteral("validate")} + base).exitCode, 5);
        QCOMPARE(migrate(QStringList{QStringLiteral("up")} + base).exitCode, 5);
        QCOMPARE(migrate(QStringList{QStringLiteral("repair")} + base).exitCode, 0);
        QCOMPARE(migrate(QStringList{QStringLiteral("validate")} + base).exitCode, 0);

        // new: the next version and its undo file; --dir wins over the connection's folder; --json answers JSON.
        QTemporaryDir elsewhere;
        const Run other = migrate(QStringList{QStringLiteral("new"), QStringLiteral("side"), QStringLiteral("--dir"),
                                              elsewhere.path(), QStringLiteral("--json")} + base);
        QCOMPARE(other.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(other.out.toUtf8()).object().value(QStringLiteral("version")).toString(), QStringLiteral("1"));
        QVERIFY(QFile::exists(elsewhere.filePath(QStringLiteral("V1__side.sql"))));
        QVERIFY(!QFile::exists(bench.migrations() + QStringLiteral("/V3__side.sql")));
        const Run created = migrate(QStringList{QStringLiteral("new"), QStringLiteral("add_c")} + base);
        QCOMPARE(created.exitCode, 0);
        QVERIFY(QFile::exists(bench.migrations() + QStringLiteral("/V3__add_c.sql")));
        QVERIFY(QFile::exists(bench.migrations() + QStringLiteral("/U3__add_c.sql")));

        // dry-run prints the statements and runs nothing.
        bench.add(QStringLiteral("V3__add_c.sql"), "CREATE TABLE c (id integer);\n");
        const Run dry = migrate(QStringList{QStringLiteral("dry-run")} + base);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QLatin1String("CREATE TABLE c (id integer);")), qPrintable(dry.out));
        QVERIFY(!bench.tableExists(QStringLiteral("c")));
    }

    void upCreatesAMissingSqliteFileStatusDoesNot()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("new.db"));
        const QString config = dir.filePath(QStringLiteral("tw.yaml"));
        writeFile(config, QStringLiteral("connections:\n  - name: lite\n    driver: sqlite\n    file: %1\n    migrations: %2\n")
                              .arg(file, dir.filePath(QStringLiteral("m")))
                              .toUtf8());
        writeFile(dir.filePath(QStringLiteral("m/V1__a.sql")), "CREATE TABLE a (id integer);\n");
        const QStringList base{QStringLiteral("--connection"), QStringLiteral("lite"), QStringLiteral("--config"), config};
        QCOMPARE(migrate(QStringList{QStringLiteral("status")} + base).exitCode, 1);
        QVERIFY(!QFile::exists(file));
        const Run up = migrate(QStringList{QStringLiteral("up")} + base);
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QVERIFY2(up.err.contains(QLatin1String("created the SQLite database")), qPrintable(up.err));
        QCOMPARE(migrate(QStringList{QStringLiteral("status")} + base).exitCode, 0);
    }

    void fourPostgresRunnersApplyEachMigrationOnce()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Postgres, m_scratch, &reason), qPrintable(reason));
        bench.add(QStringLiteral("V0__log.sql"), "CREATE TABLE applied (version text);\n");
        for (int v = 1; v <= 12; ++v)
            bench.add(QStringLiteral("V%1__step.sql").arg(v),
                      QStringLiteral("INSERT INTO applied VALUES ('%1');\nSELECT pg_sleep(0.05);\n").arg(v).toUtf8());
        const QMap<QString, QString> env{{QStringLiteral("DATABASE_URL"), databaseUrl(bench.profile, bench.migrations())}};
        std::vector<std::unique_ptr<QProcess>> runners;
        for (int i = 0; i < 4; ++i)
            runners.push_back(startRunner({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("default")}, env));
        for (auto &runner : runners) {
            QVERIFY(runner->waitForFinished(60000));
            QVERIFY2(runner->exitCode() == 0, runner->readAllStandardError().constData());
        }
        QCOMPARE(bench.column(QStringLiteral("SELECT count(*) FROM applied")), QStringList{"12"});
        QCOMPARE(bench.column(QStringLiteral("SELECT count(DISTINCT version) FROM applied")), QStringList{"12"});
        QCOMPARE(bench.column(QStringLiteral("SELECT count(*) FROM tablewright_schema_history WHERE status = 'applied'")),
                 QStringList{"13"});
    }

    // status, validate and dry-run on PostgreSQL with the password at hand
    // run on a connection of their own (db::DirectSession), not the pool:
    // they must answer what the pooled runner answers.
    void postgresReadsAnswerAsThePooledRunnerDoes()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Postgres, m_scratch, &reason), qPrintable(reason));
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\n");
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (id integer);\n");
        bench.add(QStringLiteral("V3__c.sql"), "CREATE TABLE c (id integer);\n");
        migrate::MigrationRequest up;
        up.command = migrate::MigrationCommand::Up;
        up.plan.target = migrate::MigrationVersion::parse(QStringLiteral("2"));
        const auto applied = bench.run(up);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id bigint);\n"); // its checksum changes
        const QMap<QString, QString> env{{QStringLiteral("DATABASE_URL"), databaseUrl(bench.profile, bench.migrations())}};
        const QStringList base{QStringLiteral("--connection"), QStringLiteral("default")};

        const Run status = migrate(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + base, env);
        QCOMPARE(status.exitCode, 3); // V3 pending
        migrate::MigrationRequest request;
        request.command = migrate::MigrationCommand::Status;
        const auto pooled = bench.run(request);
        QVERIFY(pooled.ok());
        const QJsonObject fromCli = QJsonDocument::fromJson(status.out.toUtf8()).object();
        const QJsonObject fromPool = migrate::reportToJson(pooled.value());
        QCOMPARE(fromCli.value(QStringLiteral("status")), fromPool.value(QStringLiteral("status")));
        QCOMPARE(fromCli.value(QStringLiteral("pending")), fromPool.value(QStringLiteral("pending")));
        const QJsonArray states = fromCli.value(QStringLiteral("status")).toArray();
        QCOMPARE(states.size(), 3);
        QCOMPARE(states.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("checksum-changed"));
        QCOMPARE(states.at(1).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("applied"));
        QCOMPARE(states.at(2).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));

        const Run validate = migrate(QStringList{QStringLiteral("validate")} + base, env);
        QCOMPARE(validate.exitCode, 5);
        QVERIFY2((validate.out + validate.err).contains(QLatin1String("V1__a.sql")), qPrintable(validate.out + validate.err));

        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\n");
        const Run dry = migrate(QStringList{QStringLiteral("dry-run")} + base, env);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QLatin1String("CREATE TABLE c (id integer);")), qPrintable(dry.out));
        QVERIFY(!dry.out.contains(QLatin1String("CREATE TABLE b")));
        QCOMPARE(bench.column(QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'c'")), QStringList{"0"});

        // A refused login: named as libpq names it, exit 1, nothing of Qt's driver in the words.
        config::ConnectionProfile wrong = bench.profile;
        wrong.password = QStringLiteral("not-the-password");
        const Run refused = migrate(QStringList{QStringLiteral("status")} + base,
                                    {{QStringLiteral("DATABASE_URL"), databaseUrl(wrong, bench.migrations())}});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("password authentication failed")), qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QLatin1String("QPSQL")), qPrintable(refused.err));
    }

    void twoSqliteRunnersApplyEachMigrationOnce()
    {
        MigrateBench bench;
        const QString config = sqliteConfig(bench);
        QVERIFY(!config.isEmpty());
        bench.add(QStringLiteral("V0__log.sql"), "CREATE TABLE applied (version text);\n");
        for (int v = 1; v <= 12; ++v)
            bench.add(QStringLiteral("V%1__step.sql").arg(v),
                      QStringLiteral("INSERT INTO applied VALUES ('%1');\n").arg(v).toUtf8());
        std::vector<std::unique_ptr<QProcess>> runners;
        for (int i = 0; i < 2; ++i)
            runners.push_back(startRunner({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("lite"),
                                           QStringLiteral("--config"), config},
                                          {}));
        for (auto &runner : runners) {
            QVERIFY(runner->waitForFinished(60000));
            QVERIFY2(runner->exitCode() == 0, runner->readAllStandardError().constData());
        }
        QCOMPARE(bench.column(QStringLiteral("SELECT count(*) FROM applied")), QStringList{"12"});
        QCOMPARE(bench.column(QStringLiteral("SELECT count(DISTINCT version) FROM applied")), QStringList{"12"});
    }

    void killedPostgresLockHolderDoesNotBlockTheNext()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Postgres, m_scratch, &reason), qPrintable(reason));
        // The first runner's V1 sleeps a minute; the next one's V1 (another
        // folder, same version) is quick.
        bench.add(QStringLiteral("V1__slow.sql"), "CREATE TABLE t (id integer);\nSELECT pg_sleep(60);\n");
        const QString quick = bench.dir.filePath(QStringLiteral("quick"));
        writeFile(quick + QStringLiteral("/V1__slow.sql"), "CREATE TABLE t (id integer);\n");
        QByteArray seen;
        auto holder = startRunner({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("default")},
                                  {{QStringLiteral("DATABASE_URL"), databaseUrl(bench.profile, bench.migrations())}});
        QVERIFY2(waitForText(*holder, &seen, "apply V1__slow.sql", 20000), seen.constData());
        QTest::qWait(300);
        ::kill(pid_t(holder->processId()), SIGKILL);
        holder->waitForFinished(5000);

        QElapsedTimer timer;
        timer.start();
        const Run next = migrate({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("default"),
                                  QStringLiteral("--lock-timeout"), QStringLiteral("30")},
                                 {{QStringLiteral("DATABASE_URL"), databaseUrl(bench.profile, quick)}});
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QStringLiteral("waited %1 ms for a dead runner's lock").arg(timer.elapsed())));
        QVERIFY(bench.tableExists(QStringLiteral("t")));
    }

    void killedSqliteLockHolderDoesNotBlockTheNext()
    {
        MigrateBench bench;
        const QString config = sqliteConfig(bench);
        QVERIFY(!config.isEmpty());
        // A statement that runs for minutes (a large recursive count).
        bench.add(QStringLiteral("V1__slow.sql"),
                  "CREATE TABLE t (id integer);\n"
                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000000) SELECT count(*) FROM n;\n");
        QByteArray seen;
        auto holder = startRunner({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("lite"),
                                   QStringLiteral("--config"), config},
                                  {});
        QVERIFY2(waitForText(*holder, &seen, "apply V1__slow.sql", 20000), seen.constData());
        QTest::qWait(300);
        ::kill(pid_t(holder->processId()), SIGKILL);
        holder->waitForFinished(5000);

        bench.add(QStringLiteral("V1__slow.sql"), "CREATE TABLE t (id integer);\n");
        QElapsedTimer timer;
        timer.start();
        const Run next = migrate({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("lite"),
                                  QStringLiteral("--config"), config, QStringLiteral("--lock-timeout"), QStringLiteral("30")});
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("waited %1 ms for a dead runner's lock").arg(timer.elapsed())));
        QVERIFY(bench.tableExists(QStringLiteral("t")));
    }

    void heldLockIsReportedWithItsHolder()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        MigrateBench bench;
        QString reason;
        QVERIFY2(bench.open(config::Driver::Postgres, m_scratch, &reason), qPrintable(reason));
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id integer);\n");
        // This test's own session holds the lock for the length of the job.
        QSemaphore held, release;
        auto holding = bench.pool->run([&](db::Session &session) -> Status {
            auto locked = session.scalar(QStringLiteral("SELECT pg_advisory_lock(CAST(? AS bigint))"),
                                         {QString::number(migrate::MigrationLock::advisoryKey())});
            held.release();
            release.acquire();
            if (!locked)
                return locked.error();
            (void)session.scalar(QStringLiteral("SELECT pg_advisory_unlock(CAST(? AS bigint))"),
                                 {QString::number(migrate::MigrationLock::advisoryKey())});
            return {};
        });
        held.acquire();
        const Run locked = migrate({QStringLiteral("up"), QStringLiteral("--connection"), QStringLiteral("default"),
                                    QStringLiteral("--lock-timeout"), QStringLiteral("1.5"), QStringLiteral("--json")},
                                   {{QStringLiteral("DATABASE_URL"), databaseUrl(bench.profile, bench.migrations())}});
        release.release();
        QVERIFY(resultOf(holding).ok());
        QCOMPARE(locked.exitCode, 4);
        const QJsonObject error = QJsonDocument::fromJson(locked.out.toUtf8()).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("MIGRATION_LOCKED"));
        QVERIFY2(error.value(QStringLiteral("details")).toObject().value(QStringLiteral("pid")).toInt() > 0, qPrintable(locked.out));
        QVERIFY(!bench.tableExists(QStringLiteral("a")));
    }
};

QTEST_GUILESS_MAIN(MigrateCliTest)
#include "tst_migrate_cli.moc"
