// A job submitted while another worker hands over its result waits for that
// worker only briefly: what runs on it as it hands over (a slow map, a
// context-less continuation waiting for the caller) must not hold the job up
// while the pool has room (from the adversarial review of the hand-over).
#include "TestEnv.h"
#include "db/Pool.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <mutex>
#include <QtTest>

using namespace tw;
using namespace tw::db;

class TestPoolHandover : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

    config::ConnectionProfile profile(int size, int acquireTimeoutMs)
    {
        auto p = test::sqliteProfile(m_file);
        p.pool.size = size;
        p.pool.overflow = 0;
        p.pool.acquireTimeoutMs = acquireTimeoutMs;
        return p;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
        QFile create(m_file);
        QVERIFY(create.open(QIODevice::WriteOnly));
    }

    // A slow but pure `map` (allowed by Pool.h: "a pure function of its
    // argument") on one worker must not make an unrelated job of another
    // thread wait for it while three more connections may be opened.
    void aSlowMapElsewhereDoesNotMakeTheNextJobTimeOut()
    {
        Pool pool(profile(4, 300));
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
        Pool pool(profile(4, 1500));
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
};

QTEST_GUILESS_MAIN(TestPoolHandover)
#include "tst_pool_handover.moc"
