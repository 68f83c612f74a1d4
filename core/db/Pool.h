#pragma once

#include "PoolCore.h"
#include "PoolStats.h"
#include "Session.h"
#include "config/ConnectionProfile.h"

#include <QFuture>
#include <QPromise>

#include <exception>
#include <memory>
#include <optional>
#include <type_traits>

namespace tw::db {

template<typename R>
struct Job
{
    quint64 id = 0;
    QFuture<R> future;
};

// A pool of connection workers for one connection profile.
//
// Jobs are functions `Result<T>(Session &)`; they run on a worker thread and
// their results come back as QFuture. Callers never block: with no free
// connection a job waits in a FIFO queue until one frees up, a new one may
// be opened (up to size + overflow), or its acquire timeout passes
// (POOL_TIMEOUT). A housekeeping thread expires waiters and closes idle,
// aged and surplus connections.
//
// Continue with async::then(future, guard, …) (async/Then.h), on the
// guard's thread: Qt 6.4's QFuture::then can run a continuation twice when
// it is attached while a worker finishes the job. Code that still chains a
// context-less continuation runs it on the thread that finished the job (a
// worker, or the housekeeper for timeouts), where it must never block on
// another job of the same pool.
class Pool final
{
public:
    using CloseMode = db::CloseMode;

    explicit Pool(config::ConnectionProfile profile);
    // Closes gracefully (see close()); on one of the pool's own threads the
    // closing finishes in the background instead.
    ~Pool();
    Pool(const Pool &) = delete;
    Pool &operator=(const Pool &) = delete;

    const config::ConnectionProfile &profile() const { return m_core->profile(); }
    const QString &name() const { return m_core->profile().name; }

    // Opens one connection now and checks it, so a bad profile is reported
    // when it is set up, not on first use.
    QFuture<Status> open();

    template<typename Fn>
    auto submit(Fn fn) -> Job<std::invoke_result_t<Fn &, Session &>>;

    // The same, with the job's outcome (its result, or the pool's error when
    // it never ran) turned into the future's value by `map` on the thread
    // that finishes it — a worker, the housekeeper for a timeout, the caller
    // of cancel() or close() — before the future finishes. For answers made
    // without another trip through an event queue; `map` must be a pure
    // function of its argument (it may run on any of those threads).
    template<typename Fn, typename Map>
    auto submit(Fn fn, Map map) -> Job<std::invoke_result_t<Map &, std::invoke_result_t<Fn &, Session &>>>;

    template<typename Fn>
    auto run(Fn fn) { return submit(std::move(fn)).future; }

    // Stops a job: removed from the queue if it is still waiting; otherwise
    // the statement running for it is cancelled (PQcancel / sqlite3_interrupt)
    // and any later statement of the job fails. Its future then holds
    // QUERY_CANCELLED (or whatever the job made of it).
    bool cancel(quint64 jobId) { return m_core->cancel(jobId); }

    PoolStats stats() const { return m_core->stats(); }

    // Fails queued jobs with POOL_CLOSED and closes every connection. Blocks
    // until running jobs end: Graceful lets them finish, CancelRunning
    // cancels their statements first (for shutdown). Never call it from the
    // GUI thread with Graceful while long jobs may run.
    void close(CloseMode mode = CloseMode::Graceful) { m_core->close(mode); }

private:
    static Error wrapException(const QString &connection);

    // A map that throws fails the future with its exception rather than
    // taking the worker (or the housekeeper) down.
    template<typename M, typename Map, typename R>
    static void settleMapped(QPromise<M> &promise, Map &map, R &&outcome)
    {
        try {
            promise.addResult(map(std::forward<R>(outcome)));
        } catch (...) {
            promise.setException(std::current_exception());
        }
        promise.finish();
    }

    // A job's answer, made on the worker before the hand-over.
    template<typename M>
    struct Mapped
    {
        std::optional<M> value;
        std::exception_ptr error;
    };

    std::shared_ptr<PoolCore> m_core;
};

template<typename Fn>
auto Pool::submit(Fn fn) -> Job<std::invoke_result_t<Fn &, Session &>>
{
    using R = std::invoke_result_t<Fn &, Session &>;
    return submit(std::move(fn), [](R &&result) -> R { return std::move(result); });
}

template<typename Fn, typename Map>
auto Pool::submit(Fn fn, Map map) -> Job<std::invoke_result_t<Map &, std::invoke_result_t<Fn &, Session &>>>
{
    using R = std::invoke_result_t<Fn &, Session &>;
    using M = std::invoke_result_t<Map &, R>;
    // Cursors belong to the worker's connection and thread.
    static_assert(!std::is_same_v<R, Result<Rows>> && !std::is_same_v<R, Result<QSqlQuery>>,
                  "a pool job must not return rows or queries; copy the values out inside the job");
    auto promise = std::make_shared<QPromise<M>>();
    auto mapping = std::make_shared<Map>(std::move(map));
    Job<M> job;
    job.future = promise->future();
    promise->start();

    Task task;
    task.run = [promise, mapping, fn = std::move(fn), connection = name()](Session &session) mutable -> std::function<void()> {
        // A throwing job must not take the worker down; its Transaction
        // guard has already rolled back during unwinding.
        std::optional<R> result;
        try {
            result.emplace(fn(session));
        } catch (...) {
            result.emplace(wrapException(connection));
        }
        // The answer is made here, while the connection still counts as busy:
        // a job waiting for it to come back (see PoolCore::soonIdleLocked)
        // waits for the hand-over only, never for a slow map.
        auto answer = std::make_shared<Mapped<M>>();
        try {
            answer->value.emplace((*mapping)(std::move(*result)));
        } catch (...) {
            answer->error = std::current_exception();
        }
        return [promise, answer] {
            if (answer->error)
                promise->setException(answer->error);
            else
                promise->addResult(std::move(*answer->value));
            promise->finish();
        };
    };
    task.fail = [promise, mapping](const Error &error) { settleMapped(*promise, *mapping, R(error)); };
    task.id = m_core->nextJobId();
    job.id = task.id;
    m_core->enqueue(std::move(task));
    return job;
}

} // namespace tw::db
