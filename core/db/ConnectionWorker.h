#pragma once

#include "NativeConnection.h"
#include "StatementCache.h"
#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <future>

namespace tw::db {

class Session;
using Clock = std::chrono::steady_clock;

// One unit of pool work. Exactly one of `run` and `fail` is called. `run`
// does the work and returns the step that publishes its result; the worker
// calls that only after handing the connection back, so whoever sees the
// result also sees the pool with the connection free again.
struct Task
{
    quint64 id = 0;
    std::function<std::function<void()>(Session &)> run;
    std::function<void(const Error &)> fail;
    Clock::time_point submitted = Clock::now();
};

class ConnectionWorker;

// What a worker tells its pool. Called on the worker's thread.
class WorkerHost
{
public:
    enum class Outcome { Usable, Broken };
    virtual ~WorkerHost() = default;
    virtual void taskStarting(ConnectionWorker *worker, double acquireMs) = 0;
    virtual void connectionOpened(ConnectionWorker *worker, bool replacedDeadOne) = 0;
    // The job is done and its connection checked; its result is not yet
    // published.
    virtual void taskFinished(ConnectionWorker *worker, Outcome outcome) = 0;
    // The result is published (continuations without a context have run on
    // this thread); only now may the worker take new work.
    virtual void taskReleased(ConnectionWorker *worker) = 0;
};

// A pooled connection: one thread that owns one QSqlDatabase for its whole
// life, because Qt 6.4 connections cannot move between threads.
class ConnectionWorker final : public QThread
{
public:
    ConnectionWorker(const config::ConnectionProfile &profile, quint64 serial, WorkerHost *host);
    ~ConnectionWorker() override;

    quint64 serial() const { return m_serial; }

    void post(Task task);
    // Thread-safe: stops the task if it is running or about to run here.
    // False when the task is not here. `send` receives a PostgreSQL cancel
    // request still to be sent (see NativeConnection::cancel).
    bool cancel(quint64 taskId, std::function<bool(QString *)> *send = nullptr);
    // Closes the connection and ends the thread once the queue is empty.
    void requestStop();

    // Book-keeping owned by the pool, read and written under its lock.
    Clock::time_point idleSince;
    Clock::time_point openedAt;

protected:
    void run() override;

private:
    Status prepareConnection();
    Status open();
    void close();
    bool ping();
    void runTask(Task &task);

    const config::ConnectionProfile m_profile;
    const quint64 m_serial;
    WorkerHost *const m_host;
    const QString m_connectionName;
    NativeConnection m_native;
    StatementCache m_statements;
    bool m_everOpened = false;
    Clock::time_point m_lastUsed;

    QMutex m_queueMutex;
    QWaitCondition m_queueCondition;
    std::deque<Task> m_queue;
    bool m_stop = false;

    QMutex m_taskMutex;           // guards the two ids below against cancel()
    quint64 m_currentTask = 0;    // from the moment runTask() starts it
    quint64 m_cancelBeforeStart = 0;
    // Taken off the queue, not yet started (guarded by m_queueMutex): a
    // cancel in that moment found the task neither queued nor current, and
    // was lost (a client leaving at once kept its job running).
    quint64 m_takenTask = 0;
    // Set by cancel(); checked before opening and before every statement,
    // so a cancel between statements or during connect is not lost.
    std::atomic<bool> m_cancelRequested{false};
    // Done once a PostgreSQL cancel request for the current job has reached
    // the server; the connection is not handed on before, or the late
    // request could cancel the next job's statement.
    std::shared_future<void> m_cancelDelivered;
};

} // namespace tw::db
