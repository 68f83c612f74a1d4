#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QThread>

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

// Runs fn on the finished future's value (or on the future itself, when fn
// takes one) and settles the promise with what fn returns.
template<typename T, typename R, typename F>
void settle(QPromise<R> &promise, const QFuture<T> &done, F &fn)
{
    // Like QFuture::then: a cancelled parent cancels the continuation's future
    // without calling it.
    if (done.isCanceled()) {
        promise.future().cancel();
        promise.finish();
        return;
    }
    const auto call = [&]() -> decltype(auto) {
        if constexpr (Invoked<T, F>::takesFuture)
            return std::invoke(fn, done);
        else if constexpr (std::is_void_v<T>)
            return std::invoke(fn);
        else
            return std::invoke(fn, done.result());
    };
    if constexpr (std::is_void_v<R>) {
        call();
    } else {
        promise.addResult(call());
    }
    promise.finish();
}

} // namespace detail

// done() on guard's thread once `future` has finished (cancelled or not);
// never if guard is destroyed first. Runs before onFinished() returns when
// the future is already finished and this is guard's thread.
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
// every one has finished (cancelled ones too), delivered on guard's thread.
template<typename T>
QFuture<QList<QFuture<T>>> whenAll(const QList<QFuture<T>> &futures, QObject *guard)
{
    auto promise = std::make_shared<QPromise<QList<QFuture<T>>>>();
    QFuture<QList<QFuture<T>>> result = promise->future();
    promise->start();
    auto remaining = std::make_shared<qsizetype>(futures.size() + 1);
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

} // namespace tw::async
