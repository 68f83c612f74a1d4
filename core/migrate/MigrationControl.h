#pragma once

#include <QMutex>

#include <atomic>

namespace tw::db {
class NativeConnection;
}

// Cancelling a migration run from another thread (issue 9): the runner stops
// before its next statement, and the statement running now is cancelled on
// the server (PQcancel / sqlite3_interrupt). Unlike cancelling the pool job,
// the runner can still roll back, record the failure in the history and
// release its lock on the same connection.
namespace tw::migrate {

class MigrationControl
{
public:
    // Any thread. PQcancel connects to the server, so it is sent from a
    // thread-pool thread, never the caller's (the GUI's).
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    // The runner, around its work on the connection.
    void attach(db::NativeConnection *native);
    void detach();

private:
    std::atomic<bool> m_cancelled{false};
    QMutex m_mutex;
    db::NativeConnection *m_native = nullptr;
};

} // namespace tw::migrate
