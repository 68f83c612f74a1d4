// Opening several connections at once: one bad profile must not stop the
// others, and passwords come from the SecretStore.
#include "TestEnv.h"
#include "config/MemorySecretStore.h"
#include "db/ConnectionRegistry.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;

class TestRegistry : public QObject
{
    Q_OBJECT

private slots:
    void partialSetupOpensTheReachableOnes()
    {
        auto good = test::postgresProfile(QStringLiteral("pg-good"));
        TW_REQUIRE_SERVICE(good.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        auto unreachable = *good;
        unreachable.name = QStringLiteral("pg-unreachable");
        unreachable.port = test::closedPort();

        QTemporaryDir dir;
        const QString liteFile = dir.filePath(QStringLiteral("ok.sqlite"));
        QFile create(liteFile);
        QVERIFY(create.open(QIODevice::WriteOnly));
        create.close();
        const auto lite = test::sqliteProfile(liteFile, QStringLiteral("lite-good"));
        const auto missing = test::sqliteProfile(dir.filePath(QStringLiteral("missing.sqlite")), QStringLiteral("lite-missing"));

        db::ConnectionRegistry registry;
        QSignalSpy failedSpy(&registry, &db::ConnectionRegistry::openFailed);
        auto future = registry.openAll({*good, unreachable, lite, missing});
        QVERIFY(test::waitFor(future, 20000));
        const auto outcomes = future.result();
        QCOMPARE(outcomes.size(), 4);
        QCOMPARE(outcomes[0].connection, QStringLiteral("pg-good"));
        QVERIFY(outcomes[0].status.ok());
        QVERIFY(!outcomes[1].status.ok());
        QCOMPARE(outcomes[1].status.error().code(), ErrorCode::DbUnavailable);
        QVERIFY2(outcomes[1].status.error().message().contains(QLatin1String("'pg-unreachable'")),
                 qPrintable(outcomes[1].status.error().message()));
        QVERIFY(outcomes[1].status.error().message().contains(QLatin1String("Connection refused")));
        QVERIFY(outcomes[2].status.ok());
        QVERIFY(!outcomes[3].status.ok());
        QVERIFY(outcomes[3].status.error().message().contains(QLatin1String("'lite-missing'")));
        QCOMPARE(failedSpy.count(), 2);

        // The reachable ones work.
        auto pg = test::resultOf(registry.pool(QStringLiteral("pg-good"))->run([](db::Session &s) {
            return s.scalar(QStringLiteral("SELECT 40 + 2"));
        }));
        QCOMPARE(pg.value().toInt(), 42);
        auto sqlite = test::resultOf(registry.pool(QStringLiteral("lite-good"))->run([](db::Session &s) {
            return s.scalar(QStringLiteral("SELECT 6 * 7"));
        }));
        QCOMPARE(sqlite.value().toInt(), 42);
        QCOMPARE(registry.names().size(), 4);
    }

    void passwordComesFromTheSecretStore()
    {
        auto profile = test::postgresProfile(QStringLiteral("pg-keyed"));
        TW_REQUIRE_SERVICE(profile.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        const QString password = profile->password;
        profile->password.clear();

        config::MemorySecretStore secrets;
        db::ConnectionRegistry registry(&secrets);

        // No secret stored: the server demands one, so opening fails.
        auto without = registry.open(*profile);
        QVERIFY(test::waitFor(without));
        QVERIFY(!without.result().ok());

        QVERIFY(test::waitFor(secrets.write(profile->secretKey(), password)));
        auto with = registry.open(*profile);
        QVERIFY(test::waitFor(with));
        QVERIFY2(with.result().ok(), qPrintable(with.result().ok() ? QString() : with.result().error().toString()));
    }

    void reopeningWithTheSameProfileReusesThePool()
    {
        auto profile = test::postgresProfile(QStringLiteral("pg-reuse"));
        TW_REQUIRE_SERVICE(profile.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        db::ConnectionRegistry registry;
        QVERIFY(test::waitFor(registry.open(*profile)));
        const auto first = registry.pool(profile->name);
        QVERIFY(test::waitFor(registry.open(*profile)));
        QCOMPARE(registry.pool(profile->name), first);

        auto changed = *profile;
        changed.pool.size = 7;
        QVERIFY(test::waitFor(registry.open(changed)));
        QVERIFY(registry.pool(profile->name) != first);
        QCOMPARE(registry.pool(profile->name)->profile().pool.size, 7);
    }

    void replacingABusyPoolKeepsBothWorking()
    {
        // The old pool's connections are still busy while the new pool opens
        // its own: their QSqlDatabase names must not collide.
        auto profile = test::postgresProfile(QStringLiteral("pg-replace"));
        TW_REQUIRE_SERVICE(profile.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        db::ConnectionRegistry registry;
        QVERIFY(test::waitFor(registry.open(*profile)));
        auto old = registry.pool(profile->name)->run([](db::Session &s) {
            return s.scalar(QStringLiteral("SELECT 'old' FROM pg_sleep(0.5)"));
        });
        auto changed = *profile;
        changed.pool.size = 3;
        auto reopened = registry.open(changed);
        QVERIFY(test::waitFor(reopened));
        QVERIFY2(reopened.result().ok(), qPrintable(reopened.result().ok() ? QString() : reopened.result().error().toString()));
        auto fresh = test::resultOf(registry.pool(profile->name)->run([](db::Session &s) {
            return s.scalar(QStringLiteral("SELECT 'new'"));
        }));
        QCOMPARE(fresh.value().toString(), QStringLiteral("new"));
        old.waitForFinished();
        QCOMPARE(old.result().value().toString(), QStringLiteral("old"));
    }

    void aJobIdOfAReplacedPoolNeverCancelsAJobOfItsSuccessor()
    {
        // Pages keep (connection, job id) to cancel a load they supersede;
        // when the profile is reopened meanwhile, the id must not name a job
        // of the new pool.
        auto profile = test::postgresProfile(QStringLiteral("pg-ids"));
        TW_REQUIRE_SERVICE(profile.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        db::ConnectionRegistry registry;
        QVERIFY(test::waitFor(registry.open(*profile)));
        const auto oldJob = registry.pool(profile->name)->submit([](db::Session &s) {
            return s.scalar(QStringLiteral("SELECT 1"));
        });
        QVERIFY(test::resultOf(oldJob.future).ok());
        auto changed = *profile;
        changed.pool.size = 2;
        QVERIFY(test::waitFor(registry.open(changed)));
        auto newJob = registry.pool(profile->name)->submit([](db::Session &s) {
            return s.scalar(QStringLiteral("SELECT 'done' FROM pg_sleep(0.3)"));
        });
        QVERIFY(newJob.id != oldJob.id);
        QVERIFY(!registry.cancel(profile->name, oldJob.id));
        const auto result = test::resultOf(newJob.future);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result.value().toString(), QStringLiteral("done"));
    }

    void closeDoesNotWaitForRunningJobs()
    {
        auto profile = test::postgresProfile(QStringLiteral("pg-close"));
        TW_REQUIRE_SERVICE(profile.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        db::ConnectionRegistry registry;
        QVERIFY(test::waitFor(registry.open(*profile)));
        auto running = registry.pool(profile->name)->run([](db::Session &s) {
            return s.execute(QStringLiteral("SELECT pg_sleep(0.8)"));
        });
        QTest::qWait(100);
        QElapsedTimer timer;
        timer.start();
        registry.close(profile->name);
        QVERIFY2(timer.elapsed() < 300, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!registry.pool(profile->name));
        running.waitForFinished();
        QVERIFY(running.result().ok()); // it was allowed to finish
    }

    void closeAllCancelsRunningStatements()
    {
        auto profile = test::postgresProfile(QStringLiteral("pg-shutdown"));
        TW_REQUIRE_SERVICE(profile.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        db::ConnectionRegistry registry;
        QVERIFY(test::waitFor(registry.open(*profile)));
        auto running = registry.pool(profile->name)->run([](db::Session &s) {
            return s.execute(QStringLiteral("SELECT pg_sleep(30)"));
        });
        QTest::qWait(200);
        QElapsedTimer timer;
        timer.start();
        registry.closeAll();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        running.waitForFinished();
        QCOMPARE(running.result().error().code(), ErrorCode::QueryCancelled);
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
