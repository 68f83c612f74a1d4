// Health probes against a live PostgreSQL, a live SQLite file and a server
// that is not there.
#include "TestEnv.h"
#include "db/ConnectionRegistry.h"
#include "monitor/HealthMonitor.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;

class TestHealth : public QObject
{
    Q_OBJECT

private slots:
    void probeReportsUpWithLatency()
    {
        auto profile = test::postgresProfile();
        TW_REQUIRE_SERVICE(profile.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        auto pool = std::make_shared<db::Pool>(*profile);
        auto future = monitor::probeHealth(pool, this);
        QVERIFY(test::waitFor(future));
        const auto status = future.result();
        QVERIFY(status.up);
        QCOMPARE(status.connection, profile->name);
        QVERIFY(status.latencyMs > 0);
        QVERIFY(status.latencyMs < 5000);
        QVERIFY(!status.lastError.has_value());
        QVERIFY(status.checkedAt.isValid());
    }

    void probeReportsDownWithReason()
    {
        auto profile = test::postgresProfile(QStringLiteral("gone"));
        TW_REQUIRE_SERVICE(profile.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        profile->port = test::closedPort();
        auto pool = std::make_shared<db::Pool>(*profile);
        auto future = monitor::probeHealth(pool, this);
        QVERIFY(test::waitFor(future));
        const auto status = future.result();
        QVERIFY(!status.up);
        QVERIFY(status.lastError.has_value());
        QCOMPARE(status.lastError->code(), ErrorCode::DbUnavailable);
        QVERIFY(status.lastError->message().contains(QLatin1String("'gone'")));
    }

    void monitorKeepsLastErrorAfterRecovery()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("late.sqlite"));
        db::ConnectionRegistry registry;
        monitor::HealthMonitor healthMonitor(&registry);
        // The file does not exist yet: the connection is down.
        test::waitFor(registry.open(test::sqliteProfile(file, QStringLiteral("late"))));
        QSignalSpy finished(&healthMonitor, &monitor::HealthMonitor::finished);
        healthMonitor.probeAll();
        QVERIFY(finished.wait(5000));
        auto down = healthMonitor.status(QStringLiteral("late"));
        QVERIFY(down.has_value());
        QVERIFY(!down->up);

        QFile create(file);
        QVERIFY(create.open(QIODevice::WriteOnly));
        create.close();
        healthMonitor.probeAll();
        QVERIFY(finished.wait(5000));
        auto up = healthMonitor.status(QStringLiteral("late"));
        QVERIFY(up->up);
        QVERIFY(up->lastError.has_value());
        QCOMPARE(up->lastError->code(), ErrorCode::DbUnavailable);
    }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
