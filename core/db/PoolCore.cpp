#include "PoolCore.h"

#include "log/Categories.h"

#include <algorithm>
#include <atomic>

namespace tw::db {

namespace {

// Long enough for a hand-over (microseconds) on a busy machine; short next to a connect.
constexpr auto kHandoverGrace = std::chrono::milliseconds(20);

Error poolError(ErrorCode code, const config::ConnectionProfile &profile, const QString &message)
{
    return Error(code, message, {{QStringLiteral("connection"), profile.name}});
}

} // namespace

PoolCore::PoolCore(config::ConnectionProfile profile)
    : m_profile(std::move(profile))
{
    m_stats.connection = m_profile.name;
}

PoolCore::~PoolCore()
{
    // The facade closes before letting go; this covers a core never started.
    if (m_housekeeper.joinable())
        closeNow();
}

void PoolCore::start()
{
    m_housekeeper = std::thread([this] { housekeeping(); });
}

quint64 PoolCore::nextJobId()
{
    // Unique across every pool of the process: a caller that keeps a job id
    // and cancels it by connection name must not hit another job when the
    // connection's pool was replaced meanwhile (a reopened profile).
    static std::atomic<quint64> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

Error PoolCore::timeoutError() const
{
    return poolError(ErrorCode::PoolTimeout, m_profile,
                     QStringLiteral("no connection to '%1' became free within %2 ms")
                         .arg(m_profile.name)
                         .arg(m_profile.pool.acquireTimeoutMs));
}

void PoolCore::failAll(std::vector<Task> &tasks, const Error &error)
{
    for (Task &task : tasks)
        task.fail(error);
    tasks.clear();
}

void PoolCore::enqueue(Task task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_state == State::Open) {
            const auto now = Clock::now();
            ConnectionWorker *target = nullptr;
            std::optional<Clock::time_point> handoverUntil;
            if (!m_idle.empty()) {
                target = m_idle.back();
                m_idle.pop_back();
            } else if (soonIdleLocked()) {
                // Handed over when that worker is released, or a connection
                // of its own after a moment (its hand-over may be slow).
                handoverUntil = now + kHandoverGrace;
            } else if (int(m_workers.size()) < m_profile.pool.size + m_profile.pool.overflow) {
                target = spawnWorkerLocked();
            }
            if (target) {
                m_running.emplace_back(task.id, target);
                target->post(std::move(task));
                return;
            }
            m_waiters.push_back(Waiter{std::move(task), now + std::chrono::milliseconds(m_profile.pool.acquireTimeoutMs),
                                       handoverUntil});
            m_wake.notify_one();
            return;
        }
    }
    task.fail(poolError(ErrorCode::PoolClosed, m_profile,
                        QStringLiteral("connection '%1' is closed").arg(m_profile.name)));
}

ConnectionWorker *PoolCore::spawnWorkerLocked()
{
    auto worker = std::make_unique<ConnectionWorker>(m_profile, m_nextWorkerSerial++, static_cast<WorkerHost *>(this));
    ConnectionWorker *raw = worker.get();
    raw->openedAt = Clock::now();
    raw->idleSince = raw->openedAt;
    m_workers.push_back(std::move(worker));
    raw->start();
    return raw;
}

// A caller that submits its next job as soon as the last one's result
// arrives races that worker's return to the idle list: the result is
// published before the worker is released (see taskFinished). Opening a
// connection for that job would cost a connect and leave a spare one behind;
// it waits for the worker instead, which takes it from the waiters the
// moment it is released. Never for the caller's own worker (a continuation
// running on it that waits for its job would wait for itself), one waiter
// per finishing worker, and for kHandoverGrace at most: what runs on a
// worker as it hands over (a context-less continuation) may take long or
// wait for the very caller (the housekeeper then opens a connection).
bool PoolCore::soonIdleLocked() const
{
    const QThread *caller = QThread::currentThread();
    const auto others = std::count_if(m_publishing.begin(), m_publishing.end(),
                                      [caller](const ConnectionWorker *worker) { return worker != caller; });
    return std::size_t(others) > m_waiters.size();
}

void PoolCore::serveOverdueHandoversLocked(Clock::time_point now)
{
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if (!it->handoverUntil || *it->handoverUntil > now) {
            ++it;
            continue;
        }
        if (int(m_workers.size()) >= m_profile.pool.size + m_profile.pool.overflow) {
            it->handoverUntil.reset(); // no room: it waits like any other job
            ++it;
            continue;
        }
        ConnectionWorker *worker = spawnWorkerLocked();
        m_running.emplace_back(it->task.id, worker);
        worker->post(std::move(it->task));
        it = m_waiters.erase(it);
    }
}

bool PoolCore::isLiveLocked(const ConnectionWorker *worker) const
{
    return std::any_of(m_workers.begin(), m_workers.end(),
                       [worker](const auto &owned) { return owned.get() == worker; });
}

void PoolCore::retireLocked(ConnectionWorker *worker)
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

std::vector<Task> PoolCore::expireWaitersLocked(Clock::time_point now)
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

namespace {

// PQcancel connects to the server: never under a lock, never on the
// caller's (possibly GUI) thread.
void sendCancelRequests(std::vector<std::function<bool(QString *)>> requests, const QString &connection)
{
    if (requests.empty())
        return;
    std::thread([requests = std::move(requests), connection] {
        for (const auto &request : requests) {
            QString error;
            if (!request(&error))
                qCWarning(lcPool) << "cancel request to" << connection << "failed:" << error;
        }
    }).detach();
}

} // namespace

bool PoolCore::cancel(quint64 jobId)
{
    std::optional<Task> removed;
    std::function<bool(QString *)> request;
    {
        std::unique_lock lock(m_mutex);
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
            // Under the lock so the worker cannot be retired and freed meanwhile;
            // the request itself is sent after it.
            const bool accepted = running->second->cancel(jobId, &request);
            if (accepted)
                ++m_stats.cancelled;
            lock.unlock();
            if (request)
                sendCancelRequests({std::move(request)}, m_profile.name);
            return accepted;
        }
    }
    removed->fail(poolError(ErrorCode::QueryCancelled, m_profile,
                            QStringLiteral("cancelled while waiting for a connection")));
    return true;
}

PoolStats PoolCore::stats() const
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

void PoolCore::taskStarting(ConnectionWorker *, double acquireMs)
{
    std::lock_guard lock(m_mutex);
    m_stats.acquireLatency.record(acquireMs);
}

void PoolCore::connectionOpened(ConnectionWorker *worker, bool replacedDeadOne)
{
    std::lock_guard lock(m_mutex);
    ++m_stats.opened;
    if (replacedDeadOne)
        ++m_stats.replaced;
    worker->openedAt = Clock::now();
}

void PoolCore::taskFinished(ConnectionWorker *worker, Outcome outcome)
{
    // Book-keeping only: the worker stays busy until its result is published
    // (taskReleased), so a continuation running on it can never be handed
    // work that it might then wait for.
    std::lock_guard lock(m_mutex);
    m_running.erase(std::remove_if(m_running.begin(), m_running.end(),
                                   [worker](const auto &entry) { return entry.second == worker; }),
                    m_running.end());
    ++m_stats.completed;
    if (m_state != State::Open)
        return;
    const bool tooOld = m_profile.pool.maxLifetimeMs > 0
                        && Clock::now() - worker->openedAt > std::chrono::milliseconds(m_profile.pool.maxLifetimeMs);
    if (outcome == Outcome::Broken || tooOld)
        retireLocked(worker);
    else if (int(m_workers.size()) <= m_profile.pool.size)
        m_publishing.push_back(worker); // an overflow worker closes on release instead
}

void PoolCore::taskReleased(ConnectionWorker *worker)
{
    std::vector<Task> expired;
    {
        std::lock_guard lock(m_mutex);
        m_publishing.erase(std::remove(m_publishing.begin(), m_publishing.end(), worker), m_publishing.end());
        if (m_state != State::Open)
            return;
        const auto now = Clock::now();
        expired = expireWaitersLocked(now);
        ConnectionWorker *target = isLiveLocked(worker) ? worker : nullptr;
        if (!m_waiters.empty()) {
            if (!target && int(m_workers.size()) < m_profile.pool.size + m_profile.pool.overflow)
                target = spawnWorkerLocked();
            if (target) {
                Task next = std::move(m_waiters.front().task);
                m_waiters.pop_front();
                m_running.emplace_back(next.id, target);
                target->post(std::move(next));
            }
        } else if (target) {
            // Overflow connections exist only for bursts: close on return.
            if (int(m_workers.size()) > m_profile.pool.size) {
                retireLocked(target);
            } else {
                target->idleSince = now;
                m_idle.push_back(target);
            }
        }
    }
    failAll(expired, timeoutError());
}

void PoolCore::housekeeping()
{
    std::unique_lock lock(m_mutex);
    while (m_state == State::Open) {
        const auto now = Clock::now();
        std::vector<Task> expired = expireWaitersLocked(now);
        serveOverdueHandoversLocked(now);

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
        for (const auto &worker : retired)
            m_joining.push_back(worker.get());

        lock.unlock();
        failAll(expired, timeoutError());
        retired.clear(); // joins the threads
        lock.lock();
        m_joining.clear();

        // Computed after relocking so a waiter queued meanwhile is not missed.
        auto wakeAt = Clock::now() + std::chrono::milliseconds(250);
        for (const Waiter &waiter : m_waiters)
            wakeAt = std::min(wakeAt, waiter.handoverUntil.value_or(waiter.deadline));
        if (m_state == State::Open && m_retired.empty())
            m_wake.wait_until(lock, wakeAt);
    }
}

bool PoolCore::ownsCurrentThreadLocked() const
{
    if (std::this_thread::get_id() == m_housekeeper.get_id())
        return true;
    const QThread *current = QThread::currentThread();
    auto isCurrent = [current](const auto &worker) { return worker.get() == current; };
    return std::any_of(m_workers.begin(), m_workers.end(), isCurrent)
           || std::any_of(m_retired.begin(), m_retired.end(), isCurrent)
           || std::find(m_joining.begin(), m_joining.end(), current) != m_joining.end();
}

void PoolCore::close(CloseMode mode)
{
    std::unique_lock lock(m_mutex);
    if (mode == CloseMode::CancelRunning) {
        std::vector<std::function<bool(QString *)>> requests;
        for (const auto &[jobId, worker] : m_running) {
            std::function<bool(QString *)> request;
            worker->cancel(jobId, &request);
            if (request)
                requests.push_back(std::move(request));
        }
        sendCancelRequests(std::move(requests), m_profile.name);
    }
    if (m_state == State::Closed)
        return;
    const bool ownThread = ownsCurrentThreadLocked();
    if (m_state == State::Closing) {
        // Another thread is closing; it may be waiting for this very thread.
        if (!ownThread)
            m_closed.wait(lock, [this] { return m_state == State::Closed; });
        return;
    }
    m_state = State::Closing;
    m_wake.notify_all();
    if (ownThread) {
        // This thread cannot join itself: close from a thread of its own,
        // which keeps the core alive until everything has ended.
        lock.unlock();
        std::thread([self = shared_from_this()] { self->closeNow(); }).detach();
        return;
    }
    lock.unlock();
    closeNow();
}

void PoolCore::closeNow()
{
    std::deque<Waiter> waiters;
    std::vector<std::unique_ptr<ConnectionWorker>> workers;
    {
        std::lock_guard lock(m_mutex);
        m_state = State::Closing;
        waiters = std::move(m_waiters);
        m_waiters.clear();
        m_idle.clear();
        workers = std::move(m_workers);
        m_workers.clear();
        for (auto &retired : m_retired)
            workers.push_back(std::move(retired));
        m_retired.clear();
        for (auto &worker : workers)
            worker->requestStop();
        m_wake.notify_all();
    }
    if (m_housekeeper.joinable())
        m_housekeeper.join();
    const Error closed = poolError(ErrorCode::PoolClosed, m_profile,
                                   QStringLiteral("connection '%1' was closed").arg(m_profile.name));
    for (Waiter &waiter : waiters)
        waiter.task.fail(closed);
    const auto closedCount = workers.size();
    workers.clear(); // each destructor waits for its running job to end
    {
        std::lock_guard lock(m_mutex);
        m_stats.closed += closedCount;
        m_state = State::Closed;
    }
    m_closed.notify_all();
    qCDebug(lcPool) << "pool" << m_profile.name << "closed";
}

} // namespace tw::db
