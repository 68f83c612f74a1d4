#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <type_traits>

// Continuations for futures that finish on another thread (a pool worker,
// QtConcurrent), run on a guard object's thread — what QFuture::then(context,
// f) promises, without its Qt 6.4 race:
//
// QFutureInterfaceBase::setContinuation() runs the continuation at once when
// the future is already finished and then stores it anyway, and
// runContinuation() runs whatever is stored. A future finished by a worker
// between its reportFinished() and runContinuation() while another thread
// attaches a continuation therefore runs that continuation twice. The second
// run moves a promise the first one already moved away: a crash in
// QPromise::start (seen in `tablewright serve` under load, core dump in
// hand). QtFuture::whenAll() attaches such continuations to every input.
//
// A QFutureWatcher hears of the end through call-out events posted under the
// future's own mutex, once. Modelled on Qt Creator's Utils::onResultReady /
// onFinished (a guard object bounds the continuation).
namespace tw::async {

namespace detail {

template<typename T, typename F>
struct Invoked
{
    static constexpr bool takesFuture = std::is_invocable_v<F &, const QFuture<T> &>;
    using type = typename std::conditional_t<takesFuture, std::invoke_result<F &, const QFuture<T> &>,
                                             std::invoke_result<F &, const T &>>::type;
};

template<typename F>
struct Invoked<void, F>
{
    static constexpr bool takesFuture = std::is_invocable_v<F &, const QFuture<void> &>;
    using type = typename std::conditional_t<takesFuture, std::invoke_result<F &, const QFuture<void> &>,
                                             std::invoke_result<F &>>::type;
};

// The exception a finished future holds, if any (waitForFinished rethrows it).
template<typename T>
std::exception_ptr heldException(const QFuture<T> &done)
{
    try {
        QFuture<T>(done).waitForFinished();
    } catch (...) {
        return std::current_exception();
    }
    return nullptr;
}

// Runs fn on the finished future's value (or on the future itself, when fn
// takes one) and settles the promise with what fn returns — or with what it
// throws: an exception never escapes into the event loop.
template<typename T, typename R, typename F>
void settle(QPromise<R> &promise, const QFuture<T> &done, F &fn)
{
    const auto call = [&]() -> decltype(auto) {
        if constexpr (Invoked<T, F>::takesFuture)
            return std::invoke(fn, done);
        else if constexpr (std::is_void_v<T>)
            return std::invoke(fn);
        else
            return std::invoke(fn, done.result());
    };
    try {
        // Like QFuture::then: a cancelled parent cancels the continuation's
        // future without calling it; one that failed with an exception
        // passes it on, or hands itself to fn when fn takes the future.
        if (done.isCanceled()) {
            const std::exception_ptr failure = heldException(done);
            if (!failure || !Invoked<T, F>::takesFuture) {
                if (failure)
                    promise.setException(failure);
                else
                    promise.future().cancel();
                promise.finish();
                return;
            }
        }
        if constexpr (std::is_void_v<R>)
            call();
        else
            promise.addResult(call());
    } catch (...) {
        promise.setException(std::current_exception());
    }
    promise.finish();
}

} // namespace detail

// done() on guard's thread once `future` has finished (cancelled or not);
// never if guard is destroyed first. Runs before onFinished() returns when
// the future is already finished and this is guard's thread. done must not
// throw (there is no future to carry it; Qt aborts on an exception thrown
// through its event loop).
template<typename T, typename Done>
void onFinished(const QFuture<T> &future, QObject *guard, Done &&done)
{
    const bool onGuardThread = guard->thread() == QThread::currentThread();
    if (onGuardThread && future.isFinished()) {
        std::invoke(done);
        return;
    }
    auto *watcher = new QFutureWatcher<T>();
    if (onGuardThread) {
        watcher->setParent(guard);
    } else {
        watcher->moveToThread(guard->thread());
        QObject::connect(guard, &QObject::destroyed, watcher, &QObject::deleteLater);
    }
    QObject::connect(watcher, &QFutureWatcherBase::finished, guard,
                     [watcher, done = std::forward<Done>(done)]() mutable {
                         watcher->deleteLater();
                         std::invoke(done);
                     });
    watcher->setFuture(future);
}

// fn(value), or fn(future) when it takes the QFuture, on guard's thread once
// `future` has finished, as QFuture::then(guard, fn) would; nothing runs if
// guard is destroyed first (the returned future is then cancelled). Returns
// the future of fn's result.
template<typename T, typename F>
auto then(const QFuture<T> &future, QObject *guard, F &&fn) -> QFuture<typename detail::Invoked<T, std::decay_t<F>>::type>
{
    using R = typename detail::Invoked<T, std::decay_t<F>>::type;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> result = promise->future();
    promise->start();
    onFinished(future, guard, [promise, future, function = std::decay_t<F>(std::forward<F>(fn))]() mutable {
        detail::settle(*promise, future, function);
    });
    return result;
}

// QtFuture::whenAll without its race: the futures, in the order given, once
// every one has finished (cancelled ones too), delivered on guard's thread
// (on the caller's when every future had already finished).
template<typename T>
QFuture<QList<QFuture<T>>> whenAll(const QList<QFuture<T>> &futures, QObject *guard)
{
    auto promise = std::make_shared<QPromise<QList<QFuture<T>>>>();
    QFuture<QList<QFuture<T>>> result = promise->future();
    promise->start();
    // Atomic: the last count may be taken on the caller's thread.
    auto remaining = std::make_shared<std::atomic<qsizetype>>(futures.size() + 1);
    const auto finishOne = [promise, remaining, futures] {
        if (--*remaining == 0) {
            promise->addResult(futures);
            promise->finish();
        }
    };
    for (const QFuture<T> &future : futures)
        onFinished(future, guard, finishOne);
    finishOne(); // the +1: an empty list, or every future already finished
    return result;
}

// QFuture::unwrap without its race: the inner future's outcome, once the
// outer one and then the inner one have finished, on guard's thread.
template<typename T>
QFuture<T> unwrap(const QFuture<QFuture<T>> &outer, QObject *guard)
{
    static_assert(!std::is_void_v<T>, "unwrap of QFuture<void> is not needed yet");
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> result = promise->future();
    promise->start();
    onFinished(outer, guard, [outer, guard, promise] {
        if (outer.isCanceled() || outer.resultCount() == 0) {
            promise->future().cancel();
            promise->finish();
            return;
        }
        const QFuture<T> inner = outer.result();
        onFinished(inner, guard, [inner, promise] {
            if (inner.isCanceled() || inner.resultCount() == 0)
                promise->future().cancel();
            else
                promise->addResult(inner.result());
            promise->finish();
        });
    });
    return result;
}

} // namespace tw::async
