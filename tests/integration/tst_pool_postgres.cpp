// The pool against a real PostgreSQL 15 started by tools/pg-test-server.sh.
#include "TestEnv.h"
#include "NativeRowsCheck.h"
#include "db/Pool.h"
#include "db/Transaction.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QThread>
#include <QSqlQuery>
#include <QtTest>

#include <atomic>

using namespace tw;
using namespace tw::db;

// Accepts connections on 127.0.0.1 and pipes each to the real server after
// a delay: a slow network, without leaving loopback. Runs on the test
// thread's event loop (test::waitFor spins it).
class DelayingProxy : public QObject
{
public:
    DelayingProxy(int targetPort, int delayMs)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this, targetPort, delayMs] {
            QTcpSocket *client = m_server.nextPendingConnection();
            QTimer::singleShot(delayMs, client, [client, targetPort] {
                auto *upstream = new QTcpSocket(client);
                connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
                connect(upstream, &QTcpSocket::connected, upstream, [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                upstream->connectToHost(QHostAddress::LocalHost, quint16(targetPort));
            });
        });
    }
    int port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

class TestPoolPostgres : public QObject
{
    Q_OBJECT

private:
    config::ConnectionProfile profile(int size = 4, int overflow = 2)
    {
        auto p = *test::postgresProfile();
        p.pool.size = size;
        p.pool.overflow = overflow;
        return p;
    }


private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(test::postgresProfile().has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
    }

    void concurrentJobsShareSixConnections()
    {
        Pool pool(profile(4, 2));
        std::atomic<int> running{0};
        std::atomic<int> peak{0};
        QList<QFuture<Result<int>>> futures;
        for (int i = 0; i < 32; ++i) {
            futures << pool.run([&running, &peak](Session &s) -> Result<int> {
                const int now = ++running;
                int seen = peak.load();
                while (now > seen && !peak.compare_exchange_weak(seen, now)) {}
                auto pid = s.scalar(QStringLiteral("SELECT pg_backend_pid() FROM pg_sleep(0.05)"));
                --running;
                if (!pid)
                    return pid.error();
                return pid.value().toInt();
            });
        }
        QSet<int> backends;
        for (auto &f : futures) {
            const auto result = test::resultOf(f);
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
            backends.insert(result.value());
        }
        QVERIFY2(peak.load() <= 6, qPrintable(QString::number(peak.load())));
        QVERIFY2(peak.load() >= 5, "the burst should have used overflow connections");
        QVERIFY(!backends.isEmpty());

        const PoolStats stats = pool.stats();
        QCOMPARE(stats.completed, quint64(32));
        QCOMPARE(stats.acquireLatency.count(), quint64(32));
        QCOMPARE(stats.acquireLatency.cumulative().back(), quint64(32));
        QCOMPARE(stats.waiting, 0);
        QCOMPARE(stats.timeouts, quint64(0));
        // A connection is handed back just after its result is published.
        QTRY_COMPARE(pool.stats().busy, 0);
        const PoolStats settled = pool.stats();
        // Overflow connections are closed as soon as they are returned.
        QVERIFY2(settled.size <= 4, qPrintable(QString::number(settled.size)));
        QCOMPARE(settled.overflow, 0);
        QCOMPARE(settled.opened - settled.closed, quint64(settled.size));
        QCOMPARE(settled.idle, settled.size);
    }

    void acquireTimeoutGivesPoolTimeout()
    {
        auto p = profile(1, 0);
        p.pool.acquireTimeoutMs = 200;
        Pool pool(p);
        auto slow = pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT pg_sleep(1.5)")); });
        QTest::qWait(100); // let the slow job take the only connection
        QElapsedTimer timer;
        timer.start();
        auto starved = test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); }));
        const qint64 waited = timer.elapsed();
        QVERIFY(!starved.ok());
        QCOMPARE(starved.error().code(), ErrorCode::PoolTimeout);
        QCOMPARE(starved.error().details().value(QStringLiteral("connection")).toString(), p.name);
        QVERIFY2(waited >= 150 && waited < 1000, qPrintable(QString::number(waited)));
        QCOMPARE(pool.stats().timeouts, quint64(1));
        QVERIFY(test::resultOf(slow).ok());
    }

    void prePingRecoversAfterServerRestart()
    {
        Pool pool(profile(2, 0));
        auto before = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT pg_backend_pid()")); }));
        QVERIFY(before.ok());

        QString error;
        QVERIFY2(test::restartPostgres(&error), qPrintable(error));
        QTest::qWait(600); // past the pre-ping bypass window

        auto after = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT pg_backend_pid()")); }));
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().toString()));
        QVERIFY(after.value().toInt() != before.value().toInt());
        QVERIFY(pool.stats().replaced >= 1);
    }

    void brokenConnectionWithoutPrePingIsReplaced()
    {
        auto p = profile(1, 0);
        p.pool.prePing = false;
        Pool pool(p);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); })).ok());
        QString error;
        QVERIFY2(test::restartPostgres(&error), qPrintable(error));
        // The first job sees the dead socket and fails with DB_UNAVAILABLE...
        auto failed = test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); }));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::DbUnavailable);
        // ...and the pool drops that connection, so the next job gets a fresh one.
        auto next = test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); }));
        QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().toString()));
    }

    void transactionRollsBackOnErrorAndException()
    {
        Pool pool(profile(1, 0));
        const QString table = QStringLiteral("tw_tx_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(test::resultOf(pool.run([table](Session &s) {
                    return s.execute(QStringLiteral("CREATE TABLE %1 (id int PRIMARY KEY)").arg(table));
                })).ok());

        auto failed = test::resultOf(pool.run([table](Session &s) {
            return inTransaction(s, [&](Session &tx) -> Result<qint64> {
                auto first = tx.execute(QStringLiteral("INSERT INTO %1 VALUES (?)").arg(table), {1});
                if (!first)
                    return first;
                return tx.execute(QStringLiteral("INSERT INTO %1 VALUES (?)").arg(table), {1});
            });
        }));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::ConstraintViolation);
        QCOMPARE(failed.error().details().value(QStringLiteral("sqlstate")).toString(), QStringLiteral("23505"));

        auto thrown = test::resultOf(pool.run([table](Session &s) -> Result<qint64> {
            Transaction tx(s);
            auto inserted = s.execute(QStringLiteral("INSERT INTO %1 VALUES (?)").arg(table), {2});
            if (!inserted)
                return inserted;
            throw std::runtime_error("boom");
        }));
        QVERIFY(!thrown.ok());
        QCOMPARE(thrown.error().code(), ErrorCode::Internal);
        QVERIFY(thrown.error().message().contains(QLatin1String("boom")));

        // Same single connection: it must not be left inside a transaction.
        auto count = test::resultOf(pool.run([table](Session &s) {
            return s.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
        }));
        QVERIFY(count.ok());
        QCOMPARE(count.value().toInt(), 0);

        auto committed = test::resultOf(pool.run([table](Session &s) {
            return inTransaction(s, [&](Session &tx) {
                return tx.execute(QStringLiteral("INSERT INTO %1 VALUES (?)").arg(table), {3});
            });
        }));
        QVERIFY(committed.ok());
        QCOMPARE(test::resultOf(pool.run([table](Session &s) {
                     return s.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
                 })).value().toInt(), 1);
        QVERIFY(test::resultOf(pool.run([table](Session &s) {
                    return s.execute(QStringLiteral("DROP TABLE %1").arg(table));
                })).ok());
    }

    void cancelStopsSleepWithinOneSecond()
    {
        Pool pool(profile(1, 0));
        auto job = pool.submit([](Session &s) { return s.execute(QStringLiteral("SELECT pg_sleep(30)")); });
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(pool.cancel(job.id));
        job.future.waitForFinished();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        const auto result = job.future.result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::QueryCancelled);
        QCOMPARE(result.error().details().value(QStringLiteral("sqlstate")).toString(), QStringLiteral("57014"));
        // The connection survives a cancel.
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); })).ok());
    }

    void cancelledTransactionNeverLeaksIntoTheNextJob()
    {
        // The job's Transaction cannot send ROLLBACK once the job is
        // cancelled; the worker must end the transaction before the next
        // job, or that job runs inside an aborted transaction.
        Pool pool(profile(1, 0));
        auto job = pool.submit([](Session &s) -> Result<bool> {
            Transaction tx(s);
            if (!tx.begun().ok())
                return tx.begun().error();
            auto made = s.execute(QStringLiteral("CREATE TEMP TABLE leak_probe (x int)"));
            if (!made)
                return made.error();
            auto slept = s.execute(QStringLiteral("SELECT pg_sleep(30)"));
            if (!slept)
                return slept.error();
            return true;
        });
        QTest::qWait(300);
        QVERIFY(pool.cancel(job.id));
        QCOMPARE(test::resultOf(job.future).error().code(), ErrorCode::QueryCancelled);
        const auto after = test::resultOf(pool.run([](Session &s) {
            return s.scalar(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'leak_probe'"));
        }));
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().toString()));
        QCOMPARE(after.value().toInt(), 0); // rolled back, not committed by a later statement
    }

    void forgottenBeginIsRolledBackAfterTheJob()
    {
        Pool pool(profile(1, 0));
        const auto begun = test::resultOf(pool.run([](Session &s) -> Result<bool> {
            auto b = s.execute(QStringLiteral("BEGIN"));
            if (!b)
                return b.error();
            auto t = s.execute(QStringLiteral("CREATE TEMP TABLE forgotten (x int)"));
            if (!t)
                return t.error();
            return true; // no COMMIT
        }));
        QVERIFY(begun.ok());
        const auto state = test::resultOf(pool.run([](Session &s) -> Result<QString> {
            auto inTx = s.scalar(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'forgotten'"));
            if (!inTx)
                return inTx.error();
            return inTx.value().toString();
        }));
        QVERIFY(state.ok());
        QCOMPARE(state.value(), QStringLiteral("0"));
    }

    void cancelWhileConnectingIsNotLost()
    {
        // The proxy holds each new connection for 700 ms: the cancel arrives
        // while libpq is connecting.
        DelayingProxy proxy(test::postgresProfile()->port, 700);
        auto p = profile(1, 0);
        p.name = QStringLiteral("slow-accept");
        p.port = proxy.port();
        Pool pool(p);
        std::atomic<bool> ran{false};
        auto job = pool.submit([&ran](Session &s) {
            ran = true;
            return s.execute(QStringLiteral("SELECT 1"));
        });
        QTest::qWait(200);
        QVERIFY(pool.cancel(job.id));
        QVERIFY(test::waitFor(job.future, 10000));
        QVERIFY(!ran.load());
        QCOMPARE(job.future.result().error().code(), ErrorCode::QueryCancelled);
        // The connection it opened meanwhile is fine for the next job.
        auto next = pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 7")); });
        QVERIFY(test::waitFor(next, 10000));
        QCOMPARE(next.result().value().toInt(), 7);
    }

    void cancelNeverBlocksTheCaller()
    {
        // PQcancel opens a new connection to the server; through the proxy
        // that takes 700 ms, which the caller (a GUI) must not wait for.
        DelayingProxy proxy(test::postgresProfile()->port, 700);
        auto p = profile(1, 0);
        p.port = proxy.port();
        Pool pool(p);
        auto job = pool.submit([](Session &s) { return s.execute(QStringLiteral("SELECT pg_sleep(30)")); });
        QTRY_COMPARE_WITH_TIMEOUT(pool.stats().acquireLatency.count(), quint64(1), 5000); // it is running
        QTest::qWait(200);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(pool.cancel(job.id));
        QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(test::waitFor(job.future, 10000));
        QCOMPARE(job.future.result().error().code(), ErrorCode::QueryCancelled);
    }

    void lateCancelRequestNeverHitsTheNextJob()
    {
        // The cancel request needs 700 ms through the proxy; job A ends
        // before it arrives. Job B, next on the same connection, must not be
        // the one it cancels.
        DelayingProxy proxy(test::postgresProfile()->port, 700);
        auto p = profile(1, 0);
        p.port = proxy.port();
        Pool pool(p);
        auto a = pool.submit([](Session &s) { return s.execute(QStringLiteral("SELECT pg_sleep(0.3)")); });
        auto b = pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT pg_sleep(1)")); });
        QTRY_COMPARE_WITH_TIMEOUT(pool.stats().acquireLatency.count(), quint64(1), 5000); // A is running
        QTest::qWait(100);
        QVERIFY(pool.cancel(a.id));
        QVERIFY(test::waitFor(b, 10000));
        QVERIFY2(b.result().ok(), qPrintable(b.result().ok() ? QString() : b.result().error().toString()));
        QVERIFY(a.future.isFinished());
    }

    void cancelBetweenStatementsStopsTheRest()
    {
        Pool pool(profile(1, 0));
        std::atomic<bool> firstDone{false};
        auto job = pool.submit([&firstDone](Session &s) -> Result<qint64> {
            auto first = s.execute(QStringLiteral("SELECT 1"));
            firstDone = true;
            QThread::msleep(300); // not in a statement: nothing to interrupt
            if (!first)
                return first;
            return s.execute(QStringLiteral("SELECT 2"));
        });
        QTRY_VERIFY(firstDone.load());
        QVERIFY(pool.cancel(job.id));
        job.future.waitForFinished();
        QCOMPARE(job.future.result().error().code(), ErrorCode::QueryCancelled);
    }

    void cancelWhileWaitingRemovesTheJob()
    {
        Pool pool(profile(1, 0));
        auto busy = pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT pg_sleep(0.5)")); });
        QTest::qWait(50);
        auto queued = pool.submit([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); });
        QCOMPARE(pool.stats().waiting, 1);
        QVERIFY(pool.cancel(queued.id));
        QCOMPARE(test::resultOf(queued.future).error().code(), ErrorCode::QueryCancelled);
        QVERIFY(test::resultOf(busy).ok());
        QVERIFY(!pool.cancel(queued.id)); // already gone
    }

    void preparedStatementsAreReusedPerConnection()
    {
        Pool pool(profile(1, 0));
        const QString table = QStringLiteral("tw_cache_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(test::resultOf(pool.run([table](Session &s) {
                    return s.execute(QStringLiteral("CREATE TABLE %1 (id int PRIMARY KEY, name text)").arg(table));
                })).ok());
        const QString select = QStringLiteral("SELECT * FROM %1 WHERE id > ?").arg(table);
        auto counts = test::resultOf(pool.run([select, table](Session &s) -> Result<QList<int>> {
            QList<int> out;
            for (int i = 0; i < 5; ++i) {
                auto inserted = s.execute(QStringLiteral("INSERT INTO %1 VALUES (?, ?)").arg(table), {i, QStringLiteral("n%1").arg(i)});
                if (!inserted)
                    return inserted.error();
                auto rows = s.exec(select, {-1});
                if (!rows)
                    return rows.error();
            }
            auto prepared = s.scalar(QStringLiteral("SELECT count(*) FROM pg_prepared_statements"));
            if (!prepared)
                return prepared.error();
            out << prepared.value().toInt();
            return out;
        }));
        QVERIFY2(counts.ok(), qPrintable(counts.ok() ? QString() : counts.error().toString()));
        // One INSERT and one SELECT, each prepared once for five runs.
        QCOMPARE(counts.value().first(), 2);

        // A schema change under a cached plan: re-prepared, not an error.
        auto widened = test::resultOf(pool.run([select, table](Session &s) -> Result<int> {
            auto altered = s.execute(QStringLiteral("ALTER TABLE %1 ADD COLUMN extra int DEFAULT 7").arg(table));
            if (!altered)
                return altered.error();
            auto rows = s.exec(select, {3});
            if (!rows)
                return rows.error();
            if (!rows.value().next())
                return Error(ErrorCode::NotFound, QStringLiteral("no row"));
            return rows.value().record().count() * 100 + rows.value().value(2).toInt();
        }));
        QVERIFY2(widened.ok(), qPrintable(widened.ok() ? QString() : widened.error().toString()));
        QCOMPARE(widened.value(), 307);

        // The same SQL twice at once: the second use must not disturb the first.
        auto nested = test::resultOf(pool.run([select](Session &s) -> Result<QStringList> {
            QStringList seen;
            auto outer = s.exec(select, {2});
            if (!outer)
                return outer.error();
            while (outer.value().next()) {
                auto inner = s.exec(select, {outer.value().value(0).toInt()});
                if (!inner)
                    return inner.error();
                int after = 0;
                while (inner.value().next())
                    ++after;
                seen << QStringLiteral("%1:%2").arg(outer.value().value(0).toInt()).arg(after);
            }
            return seen;
        }));
        QVERIFY(nested.ok());
        QCOMPARE(nested.value(), (QStringList{QStringLiteral("3:1"), QStringLiteral("4:0")}));
        QVERIFY(test::resultOf(pool.run([table](Session &s) {
                    return s.execute(QStringLiteral("DROP TABLE %1").arg(table));
                })).ok());
    }

    void errorsAreMapped()
    {
        Pool pool(profile(1, 0));
        auto syntax = test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELEC 1")); }));
        QCOMPARE(syntax.error().code(), ErrorCode::QueryFailed);
        QCOMPARE(syntax.error().details().value(QStringLiteral("sqlstate")).toString(), QStringLiteral("42601"));
        auto missing = test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT * FROM tw_no_such_table")); }));
        QCOMPARE(missing.error().code(), ErrorCode::TableNotFound);
        QVERIFY(missing.error().message().contains(QLatin1String("tw_no_such_table")));
    }

    void readonlyProfileRefusesWrites()
    {
        auto p = profile(1, 0);
        p.readonly = true;
        Pool pool(p);
        auto write = test::resultOf(pool.run([](Session &s) {
            return s.execute(QStringLiteral("CREATE TABLE tw_should_not_exist (id int)"));
        }));
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code(), ErrorCode::PermissionDenied);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); })).ok());
    }

    void wrongPasswordNamesProfileButNotPassword()
    {
        auto p = profile(1, 0);
        p.name = QStringLiteral("badpass");
        p.password = QStringLiteral("Wr0ng-S3cret-Value");
        Pool pool(p);
        auto opened = test::resultOf(pool.open());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::DbUnavailable);
        QVERIFY(opened.error().message().contains(QLatin1String("'badpass'")));
        QVERIFY(opened.error().message().contains(QLatin1String("password authentication failed")));
        QVERIFY(!opened.error().toString().contains(p.password));
        QCOMPARE(pool.stats().size, 0); // the failed connection is not kept
    }

    void closedPoolRefusesJobs()
    {
        auto p = profile(1, 0);
        Pool pool(p);
        auto busy = pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT pg_sleep(0.3)")); });
        QTest::qWait(50);
        auto queued = pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); });
        pool.close();
        QCOMPARE(test::resultOf(queued).error().code(), ErrorCode::PoolClosed);
        QVERIFY(test::resultOf(busy).ok()); // running work is allowed to finish
        QCOMPARE(test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("SELECT 1")); })).error().code(),
                 ErrorCode::PoolClosed);
    }

    void bulkReadsGoThroughTheNativeHandle()
    {
        Pool pool(profile(1, 0));
        test::verifyNativeRows(pool);
    }
};

QTEST_GUILESS_MAIN(TestPoolPostgres)
#include "tst_pool_postgres.moc"
