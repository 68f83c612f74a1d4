#include "Pool.h"

#include "log/Categories.h"

#include <algorithm>

namespace tw::db {

namespace {

Error poolError(ErrorCode code, const config::ConnectionProfile &profile, const QString &message)
{
    return Error(code, message, {{QStringLiteral("connection"), profile.name}});
}

} // namespace

Pool::Pool(config::ConnectionProfile profile)
    : m_profile(std::move(profile))
{
    m_stats.connection = m_profile.name;
    m_housekeeper = std::thread([this] { housekeeping(); });
}

Pool::~Pool()
{
    close();
}

QFuture<Status> Pool::open()
{
    return run([](Session &session) -> Status {
        auto pinged = session.execute(session.dialect().pingStatement());
        if (!pinged)
            return pinged.error();
        return {};
    });
}

Error Pool::wrapException(const config::ConnectionProfile &profile)
{
    QString what = QStringLiteral("unknown exception");
    try {
        throw;
    } catch (const std::exception &e) {
        what = QString::fromUtf8(e.what());
    } catch (...) {
    }
    return poolError(ErrorCode::Internal, profile, QStringLiteral("job threw: ") + what);
}

void Pool::enqueue(Task task)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_closing) {
            ConnectionWorker *target = nullptr;
            if (!m_idle.empty()) {
                target = m_idle.back();
                m_idle.pop_back();
            } else if (int(m_workers.size()) < m_profile.pool.size + m_profile.pool.overflow) {
                target = spawnWorkerLocked();
            }
            if (target) {
                m_running.emplace_back(task.id, target);
                target->post(std::move(task));
                return;
            }
            const auto timeout = std::chrono::milliseconds(m_profile.pool.acquireTimeoutMs);
            m_waiters.push_back(Waiter{std::move(task), Clock::now() + timeout});
            m_wake.notify_one();
            return;
        }
    }
    task.fail(poolError(ErrorCode::PoolClosed, m_profile,
                        QStringLiteral("connection '%1' is closed").arg(m_profile.name)));
}

ConnectionWorker *Pool::spawnWorkerLocked()
{
    auto worker = std::make_unique<ConnectionWorker>(m_profile, m_nextWorkerSerial++, static_cast<WorkerHost *>(this));
    ConnectionWorker *raw = worker.get();
    raw->openedAt = Clock::now();
    raw->idleSince = raw->openedAt;
    m_workers.push_back(std::move(worker));
    raw->start();
    return raw;
}

void Pool::retireLocked(ConnectionWorker *worker)
{
    m_idle.erase(std::remove(m_idle.begin(), m_idle.end(), worker), m_idle.end());
    auto it = std::find_if(m_workers.begin(), m_workers.end(),
                           [worker](const auto &owned) { return owned.get() == worker; });
    if (it == m_workers.end())
        return;
    worker->requestStop();
    m_retired.push_back(std::move(*it));
    m_workers.erase(it);
    ++m_stats.closed;
    m_wake.notify_one();
}

std::vector<Task> Pool::expireWaitersLocked(Clock::time_point now)
{
    std::vector<Task> expired;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if (it->deadline <= now) {
            expired.push_back(std::move(it->task));
            it = m_waiters.erase(it);
            ++m_stats.timeouts;
        } else {
            ++it;
        }
    }
    return expired;
}

bool Pool::cancel(quint64 jobId)
{
    std::optional<Task> removed;
    {
        std::lock_guard lock(m_mutex);
        auto waiting = std::find_if(m_waiters.begin(), m_waiters.end(),
                                    [jobId](const Waiter &w) { return w.task.id == jobId; });
        if (waiting != m_waiters.end()) {
            removed = std::move(waiting->task);
            m_waiters.erase(waiting);
            ++m_stats.cancelled;
        } else {
            auto running = std::find_if(m_running.begin(), m_running.end(),
                                        [jobId](const auto &entry) { return entry.first == jobId; });
            if (running == m_running.end())
                return false;
            // Under the lock so the worker cannot be retired and freed meanwhile.
            const bool sent = running->second->cancel(jobId);
            if (sent)
                ++m_stats.cancelled;
            return sent;
        }
    }
    removed->fail(poolError(ErrorCode::QueryCancelled, m_profile,
                            QStringLiteral("cancelled while waiting for a connection")));
    return true;
}

PoolStats Pool::stats() const
{
    std::lock_guard lock(m_mutex);
    PoolStats out = m_stats;
    out.size = int(m_workers.size());
    out.idle = int(m_idle.size());
    out.busy = out.size - out.idle;
    out.waiting = int(m_waiters.size());
    out.overflow = std::max(0, out.size - m_profile.pool.size);
    out.maxSize = m_profile.pool.size + m_profile.pool.overflow;
    return out;
}

void Pool::taskStarting(ConnectionWorker *, double acquireMs)
{
    std::lock_guard lock(m_mutex);
    m_stats.acquireLatency.record(acquireMs);
}

void Pool::connectionOpened(ConnectionWorker *worker, bool replacedDeadOne)
{
    std::lock_guard lock(m_mutex);
    ++m_stats.opened;
    if (replacedDeadOne)
        ++m_stats.replaced;
    worker->openedAt = Clock::now();
}

void Pool::taskFinished(ConnectionWorker *worker, Outcome outcome)
{
    std::vector<Task> expired;
    {
        std::lock_guard lock(m_mutex);
        m_running.erase(std::remove_if(m_running.begin(), m_running.end(),
                                       [worker](const auto &entry) { return entry.second == worker; }),
                        m_running.end());
        ++m_stats.completed;
        if (m_closing)
            return;

        const auto now = Clock::now();
        expired = expireWaitersLocked(now);
        const bool tooOld = m_profile.pool.maxLifetimeMs > 0
                            && now - worker->openedAt > std::chrono::milliseconds(m_profile.pool.maxLifetimeMs);

        if (outcome == Outcome::Broken || tooOld) {
            retireLocked(worker);
            worker = nullptr;
        }
        if (!m_waiters.empty()) {
            if (!worker && int(m_workers.size()) < m_profile.pool.size + m_profile.pool.overflow)
                worker = spawnWorkerLocked();
            if (worker) {
                Task next = std::move(m_waiters.front().task);
                m_waiters.pop_front();
                m_running.emplace_back(next.id, worker);
                worker->post(std::move(next));
            }
        } else if (worker) {
            // Overflow connections exist only for bursts: close on return.
            if (int(m_workers.size()) > m_profile.pool.size) {
                retireLocked(worker);
            } else {
                worker->idleSince = now;
                m_idle.push_back(worker);
            }
        }
    }
    for (Task &task : expired)
        task.fail(poolError(ErrorCode::PoolTimeout, m_profile,
                            QStringLiteral("no connection to '%1' became free within %2 ms")
                                .arg(m_profile.name)
                                .arg(m_profile.pool.acquireTimeoutMs)));
}

void Pool::housekeeping()
{
    std::unique_lock lock(m_mutex);
    while (!m_closing) {
        const auto now = Clock::now();
        std::vector<Task> expired = expireWaitersLocked(now);

        const auto idleLimit = std::chrono::milliseconds(m_profile.pool.idleTimeoutMs);
        const auto ageLimit = std::chrono::milliseconds(m_profile.pool.maxLifetimeMs);
        std::vector<ConnectionWorker *> stale;
        for (ConnectionWorker *worker : m_idle) {
            const bool idleTooLong = m_profile.pool.idleTimeoutMs > 0 && now - worker->idleSince > idleLimit;
            const bool tooOld = m_profile.pool.maxLifetimeMs > 0 && now - worker->openedAt > ageLimit;
            if (idleTooLong || tooOld)
                stale.push_back(worker);
        }
        for (ConnectionWorker *worker : stale)
            retireLocked(worker);

        auto retired = std::move(m_retired);
        m_retired.clear();

        auto wakeAt = now + std::chrono::milliseconds(250);
        for (const Waiter &waiter : m_waiters)
            wakeAt = std::min(wakeAt, waiter.deadline);

        lock.unlock();
        for (Task &task : expired)
            task.fail(poolError(ErrorCode::PoolTimeout, m_profile,
                                QStringLiteral("no connection to '%1' became free within %2 ms")
                                    .arg(m_profile.name)
                                    .arg(m_profile.pool.acquireTimeoutMs)));
        retired.clear(); // joins the threads
        lock.lock();
        if (!m_closing)
            m_wake.wait_until(lock, wakeAt);
    }
}

void Pool::close(CloseMode mode)
{
    std::deque<Waiter> waiters;
    std::vector<std::unique_ptr<ConnectionWorker>> workers;
    {
        std::lock_guard lock(m_mutex);
        if (m_closing && !m_housekeeper.joinable())
            return;
        m_closing = true;
        waiters = std::move(m_waiters);
        m_waiters.clear();
        m_idle.clear();
        workers = std::move(m_workers);
        m_workers.clear();
        for (auto &retired : m_retired)
            workers.push_back(std::move(retired));
        m_retired.clear();
        if (mode == CloseMode::CancelRunning) {
            for (const auto &[jobId, worker] : m_running)
                worker->cancel(jobId);
        }
        for (auto &worker : workers)
            worker->requestStop();
        m_wake.notify_all();
    }
    if (m_housekeeper.joinable())
        m_housekeeper.join();
    for (Waiter &waiter : waiters)
        waiter.task.fail(poolError(ErrorCode::PoolClosed, m_profile,
                                   QStringLiteral("connection '%1' was closed").arg(m_profile.name)));
    // The last reference to a pool can die in a job's continuation, on one of
    // this pool's own threads; that thread cannot wait for itself.
    for (auto &worker : workers) {
        if (worker.get() == QThread::currentThread()) {
            qCWarning(lcPool) << "pool" << m_profile.name << "destroyed on its own worker thread; detaching it";
            worker->orphan();
            // A QThread cannot join or delete itself: another thread does.
            std::thread([orphan = worker.release()] {
                orphan->wait();
                delete orphan;
            }).detach();
        }
    }
    workers.clear(); // each destructor waits for its running job to end
    qCDebug(lcPool) << "pool" << m_profile.name << "closed";
}

} // namespace tw::db
