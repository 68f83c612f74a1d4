// Per-subject limits of the API server: the token-bucket rate limit (with
// Retry-After seconds and bounded memory) and the in-flight cap with its RAII
// permit. Time is a fake steady clock moved by the test: no sleeps.
#include "http/limits/ConcurrencyLimiter.h"
#include "http/limits/RateLimiter.h"

#include <QtTest>

#include <thread>
#include <vector>

using namespace tw::http::limits;
using namespace std::chrono_literals;

namespace {

// A fake clock: starts at an arbitrary point, moved only by the test.
struct FakeClock
{
    RateLimiter::Clock::time_point now = RateLimiter::Clock::time_point(1000s);
    void advance(RateLimiter::Clock::duration by) { now += by; }
};

const QString kAlice = QStringLiteral("alice");
const QString kBob = QStringLiteral("bob");

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void burstIsAllowedThenRefused()
    {
        FakeClock clock;
        RateLimiter limiter({/*rate*/ 2, /*burst*/ 5, /*maxSubjects*/ 100});
        for (int i = 0; i < 5; ++i)
            QVERIFY2(limiter.take(kAlice, clock.now).allowed, qPrintable(QString::number(i)));
        const RateDecision refused = limiter.take(kAlice, clock.now);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1); // 1 token at 2/s: 0.5 s, rounded up
    }

    void subjectsHaveTheirOwnBuckets()
    {
        FakeClock clock;
        RateLimiter limiter({1, 1, 100});
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QVERIFY(!limiter.take(kAlice, clock.now).allowed);
        QVERIFY(limiter.take(kBob, clock.now).allowed);
    }

    void tokensRefillAtTheConfiguredRate()
    {
        FakeClock clock;
        RateLimiter limiter({2, 2, 100});
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QVERIFY(!limiter.take(kAlice, clock.now).allowed);
        clock.advance(400ms); // 0.8 tokens: still not one
        QVERIFY(!limiter.take(kAlice, clock.now).allowed);
        clock.advance(100ms); // 1.0 token
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QVERIFY(!limiter.take(kAlice, clock.now).allowed);
        // Refill never exceeds the burst, however long the pause.
        clock.advance(1h);
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QVERIFY(!limiter.take(kAlice, clock.now).allowed);
    }

    void retryAfterIsRoundedUpSeconds()
    {
        FakeClock clock;
        RateLimiter limiter({0.25, 1, 100}); // one token every 4 s
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QCOMPARE(limiter.take(kAlice, clock.now).retryAfterSeconds, 4);
        clock.advance(1500ms); // 2.5 s to go
        QCOMPARE(limiter.take(kAlice, clock.now).retryAfterSeconds, 3);
        clock.advance(2400ms); // 0.1 s to go: still at least 1
        QCOMPARE(limiter.take(kAlice, clock.now).retryAfterSeconds, 1);
        clock.advance(100ms);
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        // Refused takes cost nothing: waiting the announced time is enough.
        const int wait = limiter.take(kAlice, clock.now).retryAfterSeconds;
        QCOMPARE(wait, 4);
        clock.advance(std::chrono::seconds(wait));
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
    }

    void fullBucketsAreForgotten()
    {
        FakeClock clock;
        RateLimiter limiter({10, 5, 100});
        for (int i = 0; i < 50; ++i)
            QVERIFY(limiter.take(QStringLiteral("user%1").arg(i), clock.now).allowed);
        QCOMPARE(limiter.trackedSubjects(), 50);
        clock.advance(50ms); // half a token back: none is full yet
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QCOMPARE(limiter.trackedSubjects(), 51);
        clock.advance(100ms); // the 50 are full again; alice (2 + 1 tokens) is not
        QVERIFY(limiter.take(kBob, clock.now).allowed);
        QCOMPARE(limiter.trackedSubjects(), 2);
    }

    void trackedSubjectsAreCappedByEvictingTheOldest()
    {
        FakeClock clock;
        RateLimiter limiter({0.001, 1, 3}); // buckets stay empty for 1000 s
        for (const char *name : {"a", "b", "c"})
            QVERIFY(limiter.take(QString::fromLatin1(name), clock.now).allowed);
        QVERIFY(!limiter.take(QStringLiteral("a"), clock.now).allowed); // "a" is now the most recent
        QVERIFY(limiter.take(QStringLiteral("d"), clock.now).allowed);  // evicts "b", the oldest
        QCOMPARE(limiter.trackedSubjects(), 3);
        QVERIFY(!limiter.take(QStringLiteral("a"), clock.now).allowed);
        QVERIFY(!limiter.take(QStringLiteral("c"), clock.now).allowed);
        QVERIFY(!limiter.take(QStringLiteral("d"), clock.now).allowed);
        // "b" was forgotten, so it starts with a full bucket again.
        QVERIFY(limiter.take(QStringLiteral("b"), clock.now).allowed);
        QCOMPARE(limiter.trackedSubjects(), 3);
    }

    void manySubjectsStayWithinTheCap()
    {
        FakeClock clock;
        RateLimiter limiter({1, 1, 1000});
        for (int i = 0; i < 20000; ++i)
            limiter.take(QString::number(i), clock.now);
        QCOMPARE(limiter.trackedSubjects(), 1000);
    }

    void zeroRateMeansNoLimit()
    {
        FakeClock clock;
        RateLimiter limiter({0, 1, 10});
        for (int i = 0; i < 100; ++i)
            QVERIFY(limiter.take(kAlice, clock.now).allowed);
        QCOMPARE(limiter.trackedSubjects(), 0);
    }

    void clockSteppingBackRefillsNothing()
    {
        FakeClock clock;
        RateLimiter limiter({1, 1, 10});
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
        clock.advance(-10s);
        QVERIFY(!limiter.take(kAlice, clock.now).allowed);
        clock.advance(10s);
        QVERIFY(!limiter.take(kAlice, clock.now).allowed);
        clock.advance(1s);
        QVERIFY(limiter.take(kAlice, clock.now).allowed);
    }

    void concurrentTakesNeverGrantMoreThanTheBurst()
    {
        FakeClock clock;
        RateLimiter limiter({1, 1000, 10});
        std::atomic<int> allowed{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 500; ++i)
                    allowed += limiter.take(kAlice, clock.now).allowed ? 1 : 0;
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(allowed.load(), 1000);
    }

    void concurrencyCapPerSubject()
    {
        ConcurrencyLimiter limiter(2);
        auto first = limiter.tryAcquire(kAlice);
        auto second = limiter.tryAcquire(kAlice);
        QVERIFY(first.isValid());
        QVERIFY(second.isValid());
        QCOMPARE(limiter.inFlight(kAlice), 2);
        auto third = limiter.tryAcquire(kAlice);
        QVERIFY(!third);
        QCOMPARE(limiter.inFlight(kAlice), 2); // a refusal takes no slot
        QVERIFY(limiter.tryAcquire(kBob));     // others are not affected
        QCOMPARE(limiter.inFlight(kBob), 0);   // the temporary permit released at once
    }

    void permitReleasesOnDestructionAndOnlyOnce()
    {
        ConcurrencyLimiter limiter(1);
        {
            auto permit = limiter.tryAcquire(kAlice);
            QVERIFY(permit);
            QVERIFY(!limiter.tryAcquire(kAlice));
            permit.release();
            permit.release(); // a second release must not free someone else's slot
            QCOMPARE(limiter.inFlight(kAlice), 0);
            auto again = limiter.tryAcquire(kAlice);
            QVERIFY(again);
        }
        QCOMPARE(limiter.inFlight(kAlice), 0);
        QCOMPARE(limiter.trackedSubjects(), 0);
    }

    void permitMovesCarryTheSlot()
    {
        ConcurrencyLimiter limiter(1);
        ConcurrencyLimiter::Permit outer;
        {
            auto inner = limiter.tryAcquire(kAlice);
            outer = std::move(inner);
            QVERIFY(!inner.isValid());
        } // the moved-from permit dies here and must not release
        QVERIFY(outer);
        QCOMPARE(limiter.inFlight(kAlice), 1);
        auto moved = std::move(outer);
        QCOMPARE(limiter.inFlight(kAlice), 1);

        // Assigning over a live permit releases the old slot first.
        auto bobs = limiter.tryAcquire(kBob);
        moved = std::move(bobs);
        QCOMPARE(limiter.inFlight(kAlice), 0);
        QCOMPARE(limiter.inFlight(kBob), 1);
        static_assert(!std::is_copy_constructible_v<ConcurrencyLimiter::Permit>);
        static_assert(!std::is_copy_assignable_v<ConcurrencyLimiter::Permit>);
    }

    void permitMayOutliveTheLimiter()
    {
        ConcurrencyLimiter::Permit permit;
        {
            ConcurrencyLimiter limiter(1);
            permit = limiter.tryAcquire(kAlice);
            QVERIFY(permit);
        }
        permit.release(); // must not touch freed memory (checked under ASan)
        QVERIFY(!permit);
    }

    void zeroMaxMeansNoCap()
    {
        ConcurrencyLimiter limiter(0);
        std::vector<ConcurrencyLimiter::Permit> permits;
        for (int i = 0; i < 50; ++i) {
            permits.push_back(limiter.tryAcquire(kAlice));
            QVERIFY(permits.back());
        }
        QCOMPARE(limiter.inFlight(kAlice), 50);
        permits.clear();
        QCOMPARE(limiter.inFlight(kAlice), 0);
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
