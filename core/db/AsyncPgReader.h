#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace tw::db {

// Reads on PostgreSQL sent from the thread that owns this object (the API
// server's event loop) over non-blocking libpq connections of its own,
// their sockets watched by that thread's event loop. A pooled read wakes a
// worker thread and the worker wakes the event loop back: on two cores
// those switches were most of the server's time per request (bench/rest).
//
// Each statement is prepared once per connection (then only bound and
// executed), as on the pool's connections. Connections are opened on a
// thread of their own (libpq's connect blocks) and handed over; one that
// breaks is closed and opened again on a later read; idle ones close after
// the pool's idle timeout, old ones after its lifetime. Each has the
// server's statement_timeout as its deadline, and a read waiting for a
// connection longer than that is answered as timed out; a read whose
// client left is cancelled (cancel()).
//
// Not thread-safe: used and destroyed on the owning thread only.
class AsyncPgReader : public QObject
{
    Q_OBJECT

public:
    struct Statement
    {
        QByteArray sql;              // $n placeholders
        std::vector<unsigned> types; // pg_type oids, 0: inferred
        QList<QByteArray> values;
        QList<bool> nulls;
    };
    // The first row's values; called once, on the owning thread, never from
    // inside read().
    using Done = std::function<void(Result<QList<QByteArray>>)>;

    AsyncPgReader(const config::ConnectionProfile &profile, int connections, int statementTimeoutMs,
                  QObject *parent = nullptr);
    ~AsyncPgReader() override;

    // 0 when it cannot take the read now (no connection open yet, every
    // one busy with a full queue, or the server refused the last attempt
    // to connect): the caller reads through the pool instead. Otherwise the
    // read's id, for cancel().
    quint64 read(Statement statement, Done done);

    // The read's client left: a waiting read is answered at once with
    // QUERY_CANCELLED, a running one is cancelled on the server (PQcancel,
    // from another thread: it opens a connection) and answered when the
    // server stops it. Nothing for a read already answered.
    void cancel(quint64 id);

    // Whether an error came from the connection (lost, refused) rather than
    // from the statement: such a read is worth running through the pool.
    static bool isConnectionError(const Error &error);

    const config::ConnectionProfile &profile() const { return m_profile; }
    int openConnections() const;

    // What /api/v1/connections/{c}/stats and /metrics report beside the pool's:
    // these are server connections too (pg_stat_activity: "tablewright api reads").
    struct Stats
    {
        int size = 0;          // connections kept at most (pool.api_reads)
        int open = 0;
        int busy = 0;          // running a read
        int queued = 0;        // reads waiting for a connection
        quint64 opened = 0;    // connections opened, and closed, since this reader began
        quint64 closed = 0;
        quint64 reads = 0;     // reads answered: with rows, with an error (cancelled ones too)
        quint64 errors = 0;
        quint64 cancelled = 0; // client gone, waited or ran past the statement timeout
        quint64 handedToPool = 0; // lost with their connection, answered by the pool instead
    };
    Stats stats() const;

private:
    struct Connection;
    struct Owner;
    struct Request
    {
        quint64 id = 0;
        Statement statement;
        Done done;
        qint64 queuedAtMs = 0;
    };

    void openMore();
    void adopt(PGconn *conn);
    void dispatch();
    void send(Connection &connection);
    void flush(Connection &connection);
    void readable(Connection &connection);
    void finished(Connection &connection);
    void broken(Connection &connection, const QString &why);
    void close(Connection &connection);
    void reap();
    void sweep();
    void deliver(Done done, Result<QList<QByteArray>> result);
    void cancelSent(quint64 connectionSerial);
    // Runs fn on the owning thread if the reader still exists then.
    static void postToOwner(const std::shared_ptr<Owner> &owner, std::function<void(AsyncPgReader &)> fn);

    config::ConnectionProfile m_profile;
    int m_size;
    int m_statementTimeoutMs;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::deque<Request> m_queue;
    QTimer m_sweep;
    int m_opening = 0;
    quint64 m_lastId = 0;
    qint64 m_refusedAtMs = 0; // the last failed connect: none again for a while
    // What the connect and cancel threads post back to: cleared, under its
    // mutex, before this object goes, so none posts to a dead object.
    struct Owner
    {
        QMutex mutex;
        AsyncPgReader *reader = nullptr;
    };
    std::shared_ptr<Owner> m_owner;
    quint64 m_lastSerial = 0;
    quint64 m_opened = 0;
    quint64 m_closed = 0;
    quint64 m_reads = 0;
    quint64 m_errors = 0;
    quint64 m_cancelled = 0;
    quint64 m_handedToPool = 0;
};

} // namespace tw::db
