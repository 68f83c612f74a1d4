#pragma once

#include "ConnectionWorker.h"
#include "PoolStats.h"
#include "Session.h"
#include "config/ConnectionProfile.h"

#include <QFuture>
#include <QPromise>

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

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
class Pool final : private WorkerHost
{
public:
    explicit Pool(config::ConnectionProfile profile);
    ~Pool() override;
    Pool(const Pool &) = delete;
    Pool &operator=(const Pool &) = delete;

    const config::ConnectionProfile &profile() const { return m_profile; }
    const QString &name() const { return m_profile.name; }

    // Opens one connection now and checks it, so a bad profile is reported
    // when it is set up, not on first use.
    QFuture<Status> open();

    template<typename Fn>
    auto submit(Fn fn) -> Job<std::invoke_result_t<Fn &, Session &>>;

    template<typename Fn>
    auto run(Fn fn) { return submit(std::move(fn)).future; }

    // Stops a job: removed from the queue if it is still waiting, otherwise
    // the statement running for it is cancelled (PQcancel / sqlite3_interrupt).
    // Its future then holds QUERY_CANCELLED (or whatever the job made of it).
    bool cancel(quint64 jobId);

    PoolStats stats() const;

    enum class CloseMode { Graceful, CancelRunning };
    // Fails queued jobs with POOL_CLOSED and closes every connection. Blocks
    // until running jobs end: Graceful lets them finish, CancelRunning
    // cancels their statements first (for shutdown). Never call it from the
    // GUI thread with Graceful while long jobs may run.
    void close(CloseMode mode = CloseMode::Graceful);

private:
    struct Waiter
    {
        Task task;
        Clock::time_point deadline;
    };

    void enqueue(Task task);
    void housekeeping();
    std::vector<Task> expireWaitersLocked(Clock::time_point now);
    ConnectionWorker *spawnWorkerLocked();
    void retireLocked(ConnectionWorker *worker);

    void taskStarting(ConnectionWorker *worker, double acquireMs) override;
    void connectionOpened(ConnectionWorker *worker, bool replacedDeadOne) override;
    void taskFinished(ConnectionWorker *worker, Outcome outcome) override;

    static Error wrapException(const config::ConnectionProfile &profile);

    const config::ConnectionProfile m_profile;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_closing = false;
    quint64 m_nextJobId = 1;
    quint64 m_nextWorkerSerial = 1;
    std::vector<std::unique_ptr<ConnectionWorker>> m_workers;
    std::vector<ConnectionWorker *> m_idle;            // LIFO: warm ones first
    std::vector<std::pair<quint64, ConnectionWorker *>> m_running;
    std::deque<Waiter> m_waiters;
    std::vector<std::unique_ptr<ConnectionWorker>> m_retired; // joined by housekeeping
    PoolStats m_stats;
    std::thread m_housekeeper;
};

template<typename Fn>
auto Pool::submit(Fn fn) -> Job<std::invoke_result_t<Fn &, Session &>>
{
    using R = std::invoke_result_t<Fn &, Session &>;
    // Cursors belong to the worker's connection and thread.
    static_assert(!std::is_same_v<R, Result<Rows>> && !std::is_same_v<R, Result<QSqlQuery>>,
                  "a pool job must not return rows or queries; copy the values out inside the job");
    auto promise = std::make_shared<QPromise<R>>();
    Job<R> job;
    job.future = promise->future();
    promise->start();

    Task task;
    const config::ConnectionProfile *profile = &m_profile;
    task.run = [promise, fn = std::move(fn), profile](Session &session) mutable -> std::function<void()> {
        // A throwing job must not take the worker down; its Transaction
        // guard has already rolled back during unwinding.
        auto result = std::make_shared<std::optional<R>>();
        try {
            result->emplace(fn(session));
        } catch (...) {
            result->emplace(wrapException(*profile));
        }
        return [promise, result] {
            promise->addResult(std::move(**result));
            promise->finish();
        };
    };
    task.fail = [promise](const Error &error) {
        promise->addResult(R(error));
        promise->finish();
    };
    {
        std::lock_guard lock(m_mutex);
        task.id = m_nextJobId++;
    }
    job.id = task.id;
    enqueue(std::move(task));
    return job;
}

} // namespace tw::db
