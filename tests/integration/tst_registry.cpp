// Opening several connections at once: one bad profile must not stop the
// others, and passwords come from the SecretStore.
#include "TestEnv.h"
#include "config/MemorySecretStore.h"
#include "db/ConnectionRegistry.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;

namespace {

int closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const int port = probe.serverPort();
    probe.close();
    return port;
}

template<typename R>
R awaitPool(QFuture<R> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

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
        unreachable.port = closedPort();

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
        auto pg = awaitPool(registry.pool(QStringLiteral("pg-good"))->run([](db::Session &s) {
            return s.scalar(QStringLiteral("SELECT 40 + 2"));
        }));
        QCOMPARE(pg.value().toInt(), 42);
        auto sqlite = awaitPool(registry.pool(QStringLiteral("lite-good"))->run([](db::Session &s) {
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
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
