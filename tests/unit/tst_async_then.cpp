// tw::async::then / onFinished / whenAll: continuations for futures that
// other threads finish, run once on the guard's thread.
#include "async/Then.h"

#include <QAtomicInt>
#include <QPointer>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <memory>
#include <stdexcept>
#include <vector>

using namespace tw;

namespace {

// A future in the state a worker leaves it between the two halves of
// QFutureInterface::reportFinished(): finished, its continuation not yet run.
struct HalfFinished : QFutureInterface<int>
{
    void finishWithoutContinuation(int value)
    {
        reportStarted();
        reportResult(value);
        QFutureInterfaceBase::reportFinished();
    }
    void runPendingContinuation() { runContinuation(); }
};

} // namespace

class TestAsyncThen : public QObject
{
    Q_OBJECT

private slots:
    // The exact interleaving of the Qt 6.4 race, made deterministic:
    // QFuture::then(guard, f) here runs f, then runs it again when the
    // worker's half of reportFinished() catches up (and crashes on the
    // promise the first run moved away).
    void attachedBetweenFinishAndContinuationRunsOnce()
    {
        QObject guard;
        HalfFinished interface;
        interface.finishWithoutContinuation(5);
        int runs = 0;
        QFuture<int> result = async::then(interface.future(), &guard, [&runs](int v) {
            ++runs;
            return v * 2;
        });
        interface.runPendingContinuation();
        QCoreApplication::processEvents();
        QCOMPARE(runs, 1);
        QCOMPARE(result.result(), 10);
    }

    // Workers finish promises while this thread attaches continuations to
    // them, the window where Qt 6.4's QFuture::then can run one twice: each
    // runs exactly once, on this thread, with its value.
    void attachingWhileWorkersFinishRunsEachOnce()
    {
        constexpr int kPerRound = 2000;
        for (int round = 0; round < 20; ++round) {
            std::vector<std::shared_ptr<QPromise<int>>> promises;
            QList<QFuture<int>> futures;
            for (int i = 0; i < kPerRound; ++i) {
                promises.push_back(std::make_shared<QPromise<int>>());
                promises.back()->start();
                futures << promises.back()->future();
            }
            // Each worker finishes promise i the moment this thread is
            // about to attach to it.
            QAtomicInt attaching(-1);
            const auto finishSome = [&](int parity) {
                for (int i = parity; i < kPerRound; i += 2) {
                    while (attaching.loadAcquire() < i)
                        ;
                    promises[size_t(i)]->addResult(i * 3);
                    promises[size_t(i)]->finish();
                }
            };
            QFuture<void> evens = QtConcurrent::run(finishSome, 0);
            QFuture<void> odds = QtConcurrent::run(finishSome, 1);
            std::vector<int> calls(kPerRound, 0);
            std::vector<int> seen(kPerRound, -1);
            QList<QFuture<int>> results;
            int elsewhere = 0;
            QObject guard;
            for (int i = 0; i < kPerRound; ++i) {
                attaching.storeRelease(i);
                results << async::then(futures.at(i), &guard, [&, i](int value) {
                    if (QThread::currentThread() != thread())
                        ++elsewhere;
                    ++calls[size_t(i)];
                    seen[size_t(i)] = value;
                    return value + 1;
                });
            }
            evens.waitForFinished();
            odds.waitForFinished();
            QTRY_VERIFY(std::all_of(results.cbegin(), results.cend(), [](const QFuture<int> &f) { return f.isFinished(); }));
            QCoreApplication::processEvents(); // a second run would come as a late event
            QCOMPARE(elsewhere, 0);
            for (int i = 0; i < kPerRound; ++i) {
                QCOMPARE(calls[size_t(i)], 1);
                QCOMPARE(seen[size_t(i)], i * 3);
                QCOMPARE(results.at(i).result(), i * 3 + 1);
            }
        }
    }

    void destroyedGuardRunsNothingAndCancels()
    {
        QPromise<int> promise;
        promise.start();
        auto guard = std::make_unique<QObject>();
        bool called = false;
        QFuture<int> result = async::then(promise.future(), guard.get(), [&called](int v) {
            called = true;
            return v;
        });
        guard.reset();
        promise.addResult(7);
        promise.finish();
        QTRY_VERIFY(result.isFinished());
        QCoreApplication::processEvents();
        QVERIFY(!called);
        QVERIFY(result.isCanceled());
    }

    void cancelledParentCancelsWithoutCalling()
    {
        QPromise<int> promise;
        promise.start();
        QObject guard;
        bool called = false;
        QFuture<int> result = async::then(promise.future(), &guard, [&called](int v) {
            called = true;
            return v;
        });
        promise.future().cancel();
        promise.finish();
        QTRY_VERIFY(result.isFinished());
        QVERIFY(!called);
        QVERIFY(result.isCanceled());
    }

    void finishedFutureRunsBeforeThenReturns()
    {
        QObject guard;
        bool called = false;
        QFuture<QString> result = async::then(QtFuture::makeReadyFuture(2), &guard, [&called](int v) {
            called = true;
            return QString::number(v);
        });
        QVERIFY(called);
        QVERIFY(result.isFinished());
        QCOMPARE(result.result(), QStringLiteral("2"));
    }

    void voidFuturesAndFutureArguments()
    {
        QObject guard;
        QPromise<void> promise;
        promise.start();
        int runs = 0;
        QFuture<void> plain = async::then(promise.future(), &guard, [&runs] { ++runs; });
        QFuture<bool> withFuture = async::then(promise.future(), &guard, [&runs](const QFuture<void> &f) {
            ++runs;
            return f.isFinished();
        });
        promise.finish();
        QTRY_VERIFY(plain.isFinished() && withFuture.isFinished());
        QCOMPARE(runs, 2);
        QVERIFY(withFuture.result());
    }

    // Attached from a worker: the continuation still runs on the guard's thread.
    void attachedOnAnotherThreadRunsOnTheGuardsThread()
    {
        QObject guard;
        QPromise<int> promise;
        promise.start();
        QThread *ran = nullptr;
        QFuture<int> result = QtConcurrent::run([&] {
                                  return async::then(promise.future(), &guard, [&ran](int v) {
                                      ran = QThread::currentThread();
                                      return v * 2;
                                  });
                              }).result();
        promise.addResult(21);
        promise.finish();
        QTRY_VERIFY(result.isFinished());
        QCOMPARE(result.result(), 42);
        QCOMPARE(ran, QThread::currentThread());
    }

    // What a continuation throws lands in its future, never in the event
    // loop (where Qt would abort), on both the queued and the immediate path.
    void aThrowingContinuationFailsItsFuture()
    {
        QObject guard;
        QPromise<int> promise;
        promise.start();
        const auto boom = [](int) -> int { throw std::runtime_error("boom"); };
        QFuture<int> queued = async::then(promise.future(), &guard, boom);
        promise.addResult(1);
        promise.finish();
        QTRY_VERIFY(queued.isFinished());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, queued.waitForFinished());

        QFuture<int> immediate;
        immediate = async::then(QtFuture::makeReadyFuture(1), &guard, boom);
        QVERIFY(immediate.isFinished());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, immediate.waitForFinished());
    }

    // A parent that failed with an exception: passed on to the result, or
    // handed over when the continuation takes the future (as QFuture::then).
    void aParentsExceptionIsPassedOn()
    {
        QObject guard;
        QPromise<int> promise;
        promise.start();
        bool valueCalled = false;
        QFuture<int> byValue = async::then(promise.future(), &guard, [&valueCalled](int v) {
            valueCalled = true;
            return v;
        });
        QFuture<bool> byFuture = async::then(promise.future(), &guard, [](const QFuture<int> &f) {
            try {
                QFuture<int>(f).waitForFinished();
            } catch (const std::runtime_error &) {
                return true;
            }
            return false;
        });
        promise.setException(std::make_exception_ptr(std::runtime_error("parent")));
        promise.finish();
        QTRY_VERIFY(byValue.isFinished() && byFuture.isFinished());
        QVERIFY(!valueCalled);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, byValue.waitForFinished());
        QVERIFY(byFuture.result());
    }

    void unwrapDeliversTheInnerOutcome()
    {
        QObject guard;
        QPromise<int> gate;
        gate.start();
        const auto outer = async::then(gate.future(), &guard, [](int v) {
            return QtConcurrent::run([v] { return v * 6; }); // finishes on a pool thread
        });
        QFuture<int> inner = async::unwrap(outer, &guard);
        gate.addResult(7);
        gate.finish();
        QTRY_VERIFY(inner.isFinished());
        QCOMPARE(inner.result(), 42);

        QPromise<int> never;
        never.start();
        QFuture<int> cancelled = async::unwrap(QtFuture::makeReadyFuture(never.future()), &guard);
        never.future().cancel();
        never.finish();
        QTRY_VERIFY(cancelled.isFinished());
        QVERIFY(cancelled.isCanceled());
    }

    void whenAllKeepsOrderAndCountsCancelledOnes()
    {
        QObject guard;
        QPromise<int> first, second, third;
        for (auto *p : {&first, &second, &third})
            p->start();
        QFuture<QList<QFuture<int>>> all = async::whenAll(QList{first.future(), second.future(), third.future()}, &guard);
        third.addResult(3);
        third.finish();
        second.future().cancel();
        second.finish();
        QCoreApplication::processEvents();
        QVERIFY(!all.isFinished());
        first.addResult(1);
        first.finish();
        QTRY_VERIFY(all.isFinished());
        const QList<QFuture<int>> done = all.result();
        QCOMPARE(done.size(), 3);
        QCOMPARE(done.at(0).result(), 1);
        QVERIFY(done.at(1).isCanceled());
        QCOMPARE(done.at(2).result(), 3);

        QFuture<QList<QFuture<int>>> none = async::whenAll(QList<QFuture<int>>{}, &guard);
        QVERIFY(none.isFinished());
        QVERIFY(none.result().isEmpty());
    }
};

QTEST_MAIN(TestAsyncThen)
#include "tst_async_then.moc"
