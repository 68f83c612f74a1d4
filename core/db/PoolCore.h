#pragma once

#include "ConnectionWorker.h"
#include "PoolStats.h"
#include "config/ConnectionProfile.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <optional>
#include <mutex>
#include <thread>
#include <vector>

namespace tw::db {

enum class CloseMode { Graceful, CancelRunning };

// The state and threads behind a Pool. Shared-owned so that it outlives the
// Pool facade whenever the facade dies on one of the core's own threads (a
// job continuation holding the last reference): closing then moves to a
// thread of its own, which can join everybody.
class PoolCore final : public WorkerHost, public std::enable_shared_from_this<PoolCore>
{
public:
    explicit PoolCore(config::ConnectionProfile profile);
    ~PoolCore() override;

    void start();
    const config::ConnectionProfile &profile() const { return m_profile; }
    quint64 nextJobId();
    void enqueue(Task task);
    bool cancel(quint64 jobId);
    PoolStats stats() const;
    // Blocks until closed, except on the core's own threads, where it closes
    // in the background. Safe to call from several threads and repeatedly.
    void close(CloseMode mode);

private:
    struct Waiter
    {
        Task task;
        Clock::time_point deadline;
        // Waiting for a finishing worker (see soonIdleLocked): past this, a
        // connection of its own when there is room.
        std::optional<Clock::time_point> handoverUntil;
    };
    enum class State { Open, Closing, Closed };

    void closeNow();
    void housekeeping();
    bool ownsCurrentThreadLocked() const;
    std::vector<Task> expireWaitersLocked(Clock::time_point now);
    ConnectionWorker *spawnWorkerLocked();
    bool soonIdleLocked() const;
    void serveOverdueHandoversLocked(Clock::time_point now);
    void retireLocked(ConnectionWorker *worker);
    bool isLiveLocked(const ConnectionWorker *worker) const;
    void failAll(std::vector<Task> &tasks, const Error &error);
    Error timeoutError() const;

    void taskStarting(ConnectionWorker *worker, double acquireMs) override;
    void connectionOpened(ConnectionWorker *worker, bool replacedDeadOne) override;
    void taskFinished(ConnectionWorker *worker, Outcome outcome) override;
    void taskReleased(ConnectionWorker *worker) override;

    const config::ConnectionProfile m_profile;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_closed;
    State m_state = State::Open;
    quint64 m_nextWorkerSerial = 1;
    std::vector<std::unique_ptr<ConnectionWorker>> m_workers;
    std::vector<ConnectionWorker *> m_idle;            // LIFO: warm ones first
    std::vector<std::pair<quint64, ConnectionWorker *>> m_running;
    std::vector<ConnectionWorker *> m_publishing;      // finished, handing over the result: idle in a moment
    std::deque<Waiter> m_waiters;
    std::vector<std::unique_ptr<ConnectionWorker>> m_retired; // joined by housekeeping
    std::vector<ConnectionWorker *> m_joining;         // being joined right now
    PoolStats m_stats;
    std::thread m_housekeeper;
};

} // namespace tw::db
