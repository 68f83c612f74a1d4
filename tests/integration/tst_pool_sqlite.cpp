// The pool against real SQLite files in a temporary directory.
#include "TestEnv.h"
#include "NativeRowsCheck.h"
#include "db/Pool.h"
#include "db/Transaction.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <QtTest>

using namespace tw;
using namespace tw::db;

namespace {

QString describe(const Status &s)
{
    return s.ok() ? QString() : s.error().toString();
}

} // namespace

class TestPoolSqlite : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

    config::ConnectionProfile profile(int size = 2)
    {
        auto p = test::sqliteProfile(m_file);
        p.pool.size = size;
        p.pool.overflow = 0;
        return p;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
        QFile create(m_file);
        QVERIFY(create.open(QIODevice::WriteOnly)); // an empty file is a valid empty database
        create.close();
        Pool pool(profile(1));
        QVERIFY(test::resultOf(pool.run([](Session &s) {
                    return s.execute(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT)"));
                })).ok());
    }

    void connectionsUseWalAndForeignKeys()
    {
        Pool pool(profile(1));
        auto mode = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("PRAGMA journal_mode")); }));
        QCOMPARE(mode.value().toString(), QStringLiteral("wal"));
        auto fk = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("PRAGMA foreign_keys")); }));
        QCOMPARE(fk.value().toInt(), 1);
        auto timeout = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("PRAGMA busy_timeout")); }));
        QCOMPARE(timeout.value().toInt(), 5000);
    }

    void twoWritersBothCommitThanksToBusyRetry()
    {
        auto slowProfile = profile(1);
        slowProfile.name = QStringLiteral("writer-a");
        auto fastProfile = profile(1);
        fastProfile.name = QStringLiteral("writer-b");
        // A short busy_timeout makes SQLite give up long before writer A is
        // done, so only the bounded retry can get writer B through.
        fastProfile.pool.busyTimeoutMs = 20;
        fastProfile.pool.busyRetries = 8;
        Pool poolA(slowProfile);
        Pool poolB(fastProfile);

        auto a = poolA.run([](Session &s) {
            return inTransaction(s, [](Session &tx) -> Result<qint64> {
                auto r = tx.execute(QStringLiteral("INSERT INTO t (who) VALUES ('a')"));
                QThread::msleep(400); // hold the write lock
                return r;
            });
        });
        QTest::qWait(100);
        QElapsedTimer timer;
        timer.start();
        auto b = test::resultOf(poolB.run([](Session &s) {
            return inTransaction(s, [](Session &tx) { return tx.execute(QStringLiteral("INSERT INTO t (who) VALUES ('b')")); });
        }));
        QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().toString()));
        QVERIFY2(timer.elapsed() >= 200, "writer B should have waited for writer A");
        QVERIFY(test::resultOf(a).ok());
        auto count = test::resultOf(poolA.run([](Session &s) { return s.scalar(QStringLiteral("SELECT count(*) FROM t")); }));
        QCOMPARE(count.value().toInt(), 2);
    }

    void withoutRetriesTheSecondWriterGetsBusy()
    {
        auto holder = profile(1);
        auto impatient = profile(1);
        impatient.name = QStringLiteral("impatient");
        impatient.pool.busyTimeoutMs = 20;
        impatient.pool.busyRetries = 0;
        Pool poolA(holder);
        Pool poolB(impatient);
        auto a = poolA.run([](Session &s) {
            return inTransaction(s, [](Session &tx) -> Result<qint64> {
                auto r = tx.execute(QStringLiteral("INSERT INTO t (who) VALUES ('a')"));
                QThread::msleep(400);
                return r;
            });
        });
        QTest::qWait(100);
        auto b = test::resultOf(poolB.run([](Session &s) {
            return inTransaction(s, [](Session &tx) { return tx.execute(QStringLiteral("INSERT INTO t (who) VALUES ('b')")); });
        }));
        QVERIFY(!b.ok());
        QCOMPARE(b.error().code(), ErrorCode::Busy);
        QVERIFY(test::resultOf(a).ok());
        // Nothing of B's was written, A's row is there.
        auto rows = test::resultOf(poolA.run([](Session &s) { return s.scalar(QStringLiteral("SELECT group_concat(who) FROM t")); }));
        QCOMPARE(rows.value().toString(), QStringLiteral("a"));
    }

    void cancelInterruptsARunawayQuery()
    {
        Pool pool(profile(1));
        auto job = pool.submit([](Session &s) {
            return s.scalar(QStringLiteral(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"));
        });
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(pool.cancel(job.id));
        job.future.waitForFinished();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(job.future.result().error().code(), ErrorCode::QueryCancelled);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })).ok());
    }

    void forgottenTransactionIsRolledBackAfterTheJob()
    {
        // A job that leaves BEGIN open would hold the write lock and hand
        // its uncommitted rows to whichever job gets the connection next.
        Pool pool(profile(1));
        QVERIFY(test::resultOf(pool.run([](Session &s) -> Result<bool> {
                    auto b = s.execute(QStringLiteral("BEGIN IMMEDIATE"));
                    if (!b)
                        return b.error();
                    auto i = s.execute(QStringLiteral("INSERT INTO t (who) VALUES ('ghost')"));
                    if (!i)
                        return i.error();
                    return true; // no COMMIT
                })).ok());
        const auto seen = test::resultOf(pool.run([](Session &s) {
            return s.scalar(QStringLiteral("SELECT count(*) FROM t WHERE who = 'ghost'"));
        }));
        QVERIFY(seen.ok());
        QCOMPARE(seen.value().toInt(), 0);
        // And another connection can write at once: the lock was released.
        Pool other(profile(1));
        QVERIFY(test::resultOf(other.run([](Session &s) {
                    return s.execute(QStringLiteral("INSERT INTO t (who) VALUES ('next')"));
                })).ok());
    }

    void foreignKeysAreEnforced()
    {
        Pool pool(profile(1));
        auto result = test::resultOf(pool.run([](Session &s) -> Result<qint64> {
            auto created = s.execute(QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t(id))"));
            if (!created)
                return created;
            return s.execute(QStringLiteral("INSERT INTO child (t_id) VALUES (?)"), {424242});
        }));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::ConstraintViolation);
    }

    void missingFileIsReportedNotCreated()
    {
        auto p = test::sqliteProfile(m_dir.filePath(QStringLiteral("nope/missing.sqlite")), QStringLiteral("ghost"));
        Pool pool(p);
        const Status opened = test::resultOf(pool.open());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::DbUnavailable);
        QVERIFY(opened.error().message().contains(QLatin1String("'ghost'")));
        QVERIFY(opened.error().message().contains(QLatin1String("does not exist")));
        QVERIFY(!QFile::exists(p.database));
    }

    void readonlyProfileRefusesWrites()
    {
        auto p = profile(1);
        p.readonly = true;
        Pool pool(p);
        auto write = test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("INSERT INTO t (who) VALUES ('x')")); }));
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code(), ErrorCode::PermissionDenied);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT count(*) FROM t")); })).ok());
    }

    void idleConnectionsAreRecycled()
    {
        auto p = profile(2);
        p.pool.idleTimeoutMs = 150;
        Pool pool(p);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })).ok());
        QCOMPARE(pool.stats().size, 1);
        QTRY_COMPARE_WITH_TIMEOUT(pool.stats().size, 0, 3000);
        QVERIFY(pool.stats().closed >= 1);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })).ok());
        QCOMPARE(pool.stats().opened, quint64(2));
    }

    // submit(fn, map): the future holds map's answer, made on the worker
    // before the future finishes — for the job's result, for the pool's own
    // errors (a timeout on the housekeeper), and a throwing map fails the
    // future instead of the worker.
    void aMappedJobAnswersFromTheThreadThatFinishesIt()
    {
        auto p = profile(1);
        p.pool.acquireTimeoutMs = 100;
        Pool pool(p);
        QThread *mappedOn = nullptr;
        auto mapped = pool.submit([](Session &s) { return s.scalar(QStringLiteral("SELECT 20 + 22")); },
                                  [&mappedOn](const Result<QVariant> &r) {
                                      mappedOn = QThread::currentThread();
                                      return r.ok() ? QStringLiteral("got %1").arg(r.value().toInt()) : r.error().message();
                                  });
        mapped.future.waitForFinished();
        QCOMPARE(mapped.future.result(), QStringLiteral("got 42"));
        QVERIFY(mappedOn && mappedOn != QThread::currentThread());

        auto busy = pool.run([](Session &s) -> Result<qint64> {
            QThread::msleep(400);
            return s.execute(QStringLiteral("SELECT 1"));
        });
        auto starved = pool.submit([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); },
                                   [](const Result<QVariant> &r) { return r.ok() ? ErrorCode::Internal : r.error().code(); });
        starved.future.waitForFinished();
        QCOMPARE(starved.future.result(), ErrorCode::PoolTimeout);
        busy.waitForFinished();

        auto thrown = pool.submit([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); },
                                  [](const Result<QVariant> &) -> int { throw std::runtime_error("map failed"); });
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, thrown.future.waitForFinished());
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })).ok());
    }

    void lastReferenceDroppedOnAWorkerThread()
    {
        // A context-less continuation runs on the worker that finished the
        // job; here it owns the last reference, so the pool dies there.
        auto pool = std::make_shared<Pool>(profile(1));
        QFuture<bool> chained = pool->run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })
                                    .then([pool](const Result<QVariant> &r) { return r.ok(); });
        pool.reset();
        chained.waitForFinished();
        QVERIFY(chained.result());
    }

    void lastReferenceDroppedOnTheHousekeeper()
    {
        // A timed-out job is failed on the housekeeping thread.
        auto p = profile(1);
        p.pool.acquireTimeoutMs = 100;
        auto pool = std::make_shared<Pool>(p);
        auto busy = pool->run([](Session &s) -> Result<qint64> {
            QThread::msleep(400);
            return s.execute(QStringLiteral("SELECT 1"));
        });
        QFuture<int> starved = pool->run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })
                                   .then([pool](const Result<QVariant> &r) { return int(r.error().code()); });
        pool.reset();
        starved.waitForFinished();
        QCOMPARE(ErrorCode(starved.result()), ErrorCode::PoolTimeout);
        busy.waitForFinished();
        QVERIFY(busy.result().ok());
    }

    void lastReferenceDroppedOnARetiredOverflowWorker()
    {
        auto p = profile(1);
        p.pool.overflow = 1;
        auto pool = std::make_shared<Pool>(p);
        auto first = pool->run([](Session &s) -> Result<qint64> {
            QThread::msleep(200);
            return s.execute(QStringLiteral("SELECT 1"));
        });
        // The second job takes the overflow connection, which is retired
        // when it is handed back; its continuation holds the last reference.
        QFuture<bool> second = pool->run([](Session &s) -> Result<qint64> {
                                       QThread::msleep(300);
                                       return s.execute(QStringLiteral("SELECT 1"));
                                   })
                                   .then([pool](const Result<qint64> &r) { return r.ok(); });
        pool.reset();
        first.waitForFinished();
        second.waitForFinished();
        QVERIFY(first.result().ok());
        QVERIFY(second.result());
    }

    void aJobSubmittedAsTheLastOneFinishesWaitsForItsConnection()
    {
        // The result is out before its worker is back in the idle list (a
        // context-less continuation still runs on it here, for less than the
        // pool's hand-over grace): the next job waits for that worker
        // instead of opening a second connection.
        Pool pool(profile(4));
        for (int i = 0; i < 5; ++i) {
            auto job = pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); });
            auto slowHandover = job.then([](const Result<QVariant> &) { QThread::msleep(3); });
            job.waitForFinished();
            QVERIFY(job.result().ok());
            QVERIFY(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 2")); })).ok());
            slowHandover.waitForFinished();
        }
        QCOMPARE(pool.stats().opened, quint64(1));
    }

    // A job waiting for a finishing worker waits briefly: what runs on that
    // worker as it hands over (a slow map, a context-less continuation that
    // waits for the caller) must not hold the job up while the pool has room
    // (from the adversarial review of the hand-over).
    // A slow but pure `map` (allowed by Pool.h: "a pure function of its
    // argument") on one worker must not make an unrelated job of another
    // thread wait for it while three more connections may be opened.
    void aSlowMapElsewhereDoesNotMakeTheNextJobTimeOut()
    {
        auto p = profile(4);
        p.pool.acquireTimeoutMs = 300;
        Pool pool(p);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })).ok());

        std::atomic<bool> mapping{false};
        auto slow = pool.submit([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); },
                                [&mapping](Result<QVariant> &&r) {
                                    mapping = true;
                                    QThread::msleep(1000); // e.g. a large JSON answer being built
                                    return r.ok();
                                });
        QElapsedTimer waited;
        waited.start();
        while (!mapping && waited.elapsed() < 5000)
            QThread::msleep(1);
        QVERIFY(mapping);

        QElapsedTimer took;
        took.start();
        const auto next = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 2")); }));
        const qint64 ms = took.elapsed();
        slow.future.waitForFinished();
        QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().toString()));
        QVERIFY2(ms < 250, qPrintable(QStringLiteral("the job waited %1 ms for another job's map").arg(ms)));
    }

    // A classic lock order that was safe before: the main thread holds a lock
    // while it waits for a job; a context-less continuation of an earlier job
    // takes the same lock. The new job must not wait for that continuation's
    // worker (which waits for the lock) past the hand-over grace.
    void aJobDoesNotWaitForAContinuationThatWaitsForItsCaller()
    {
        auto p = profile(4);
        p.pool.acquireTimeoutMs = 1500;
        Pool pool(p);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })).ok());

        std::mutex cacheLock;
        std::atomic<bool> continuing{false};
        std::unique_lock held(cacheLock);
        auto first = pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 1")); })
                         .then([&cacheLock, &continuing](const Result<QVariant> &r) {
                             continuing = true;
                             std::lock_guard store(cacheLock); // store the answer in a shared cache
                             return r.ok();
                         });
        QElapsedTimer waited;
        waited.start();
        while (!continuing && waited.elapsed() < 5000)
            QThread::msleep(1);
        QVERIFY(continuing);

        const auto second = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 2")); }));
        held.unlock();
        first.waitForFinished();
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    }

    void continuationMayWaitForAnotherJob()
    {
        // The worker running a continuation is not idle yet, so the job the
        // continuation waits for goes to another connection, not behind it.
        auto p = profile(2);
        p.pool.acquireTimeoutMs = 3000;
        Pool pool(p);
        QFuture<int> chained = pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 20")); })
                                   .then([&pool](const Result<QVariant> &first) {
                                       auto second = pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT 22")); });
                                       second.waitForFinished();
                                       return first.value().toInt() + second.result().value().toInt();
                                   });
        QVERIFY(test::waitFor(chained, 5000));
        QCOMPARE(chained.result(), 42);
    }

    void concurrentClosesAllWaitForTheEnd()
    {
        Pool pool(profile(1));
        auto running = pool.run([](Session &s) -> Result<qint64> {
            QThread::msleep(300);
            return s.execute(QStringLiteral("SELECT 1"));
        });
        QTest::qWait(50);
        std::atomic<int> returnedEarly{0};
        std::vector<std::thread> closers;
        for (int i = 0; i < 3; ++i) {
            closers.emplace_back([&pool, &running, &returnedEarly] {
                pool.close();
                if (!running.isFinished())
                    ++returnedEarly;
            });
        }
        for (auto &closer : closers)
            closer.join();
        QCOMPARE(returnedEarly.load(), 0);
        QVERIFY(running.result().ok());
        QCOMPARE(pool.stats().size, 0);
    }

    void scriptsRunThroughTheNativeApi()
    {
        Pool pool(profile(1));
        const Status script = test::resultOf(pool.run([](Session &s) {
            return s.executeScript(QStringLiteral("INSERT INTO t (who) VALUES ('x'); INSERT INTO t (who) VALUES ('y');"));
        }));
        QVERIFY2(script.ok(), qPrintable(describe(script)));
        QCOMPARE(test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT count(*) FROM t")); })).value().toInt(), 2);
        const Status broken = test::resultOf(pool.run([](Session &s) { return s.executeScript(QStringLiteral("INSERT INTO nowhere VALUES (1);")); }));
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message().contains(QLatin1String("nowhere")));
    }

    void bulkReadsGoThroughTheNativeHandle()
    {
        Pool pool(profile(1));
        test::verifyNativeRows(pool);
    }
};

QTEST_GUILESS_MAIN(TestPoolSqlite)
#include "tst_pool_sqlite.moc"
