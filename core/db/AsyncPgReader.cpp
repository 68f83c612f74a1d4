#include "AsyncPgReader.h"

#include "DirectSession.h"
#include "SqlErrors.h"
#include "log/Categories.h"

#include <QDateTime>
#include <QHash>
#include <QMetaObject>
#include <QSocketNotifier>
#include <QThreadPool>

#include <algorithm>

#include <libpq-fe.h>

#include <atomic>

namespace tw::db {

namespace {

// Statement texts prepared per connection at most (a client making up new
// filters gets the rest unprepared), as on the pool's connections.
constexpr qsizetype kMaxPrepared = 256;
// Reads waiting for a connection, per connection, before the pool takes them.
constexpr size_t kQueuePerConnection = 16;
// How the connections are named in pg_stat_activity.
constexpr char kApplicationName[] = "tablewright api reads";
// After a refused connect, reads go through the pool for this long.
constexpr qint64 kRefusedPauseMs = 2000;

struct PgFinish
{
    void operator()(PGconn *conn) const { PQfinish(conn); }
};

// libpq's connect and PQcancel block (DNS, TLS, authentication): never on
// the loop, and on threads of their own, so a cancel never waits behind
// connects to a server that does not answer.
QThreadPool *newThreadPool()
{
    auto *pool = new QThreadPool; // lives as long as the process
    pool->setMaxThreadCount(2);
    pool->setExpiryTimeout(10000);
    return pool;
}

QThreadPool &connectThreads()
{
    static QThreadPool *pool = newThreadPool();
    return *pool;
}

QThreadPool &cancelThreads()
{
    static QThreadPool *pool = newThreadPool();
    return *pool;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error connectionError(const QString &why)
{
    return Error(ErrorCode::DbUnavailable, why, {{QStringLiteral("asyncRead"), true}});
}

} // namespace

struct AsyncPgReader::Connection
{
    quint64 serial = 0;
    // PQcancel requests sent and not yet returned: no next read starts here
    // until they have, or a late cancel could stop the next one instead.
    int cancelsInFlight = 0;
    std::unique_ptr<PGconn, PgFinish> conn;
    std::unique_ptr<QSocketNotifier> readNotifier;
    std::unique_ptr<QSocketNotifier> writeNotifier;
    QHash<QByteArray, QByteArray> prepared; // text + types → statement name
    std::optional<Request> current;
    QByteArray key;                         // the current statement's text + types
    QByteArray preparingName;
    bool executing = false;
    bool dead = false;                      // closed; removed from the list later (reap)
    QList<QByteArray> toDeallocate;         // forgotten here, still prepared on the server
    bool deallocating = false;              // a DEALLOCATE is on its way: no read meanwhile
    qint64 openedAtMs = 0;
    qint64 idleSinceMs = 0;
    std::optional<Error> error;             // of the command being read
    std::optional<QList<QByteArray>> row;
};

AsyncPgReader::AsyncPgReader(const config::ConnectionProfile &profile, int connections, int statementTimeoutMs,
                             QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_size(std::max(1, connections))
    , m_statementTimeoutMs(std::max(0, statementTimeoutMs))
    , m_owner(std::make_shared<Owner>())
{
    m_owner->reader = this;
    m_sweep.setInterval(250);
    connect(&m_sweep, &QTimer::timeout, this, &AsyncPgReader::sweep);
    m_sweep.start();
}

AsyncPgReader::~AsyncPgReader()
{
    {
        QMutexLocker lock(&m_owner->mutex);
        m_owner->reader = nullptr;
    }
    // Every read still waiting or running is answered (as a connection
    // error: the caller may take it to the pool), so no caller waits for ever.
    std::deque<Request> waiting;
    waiting.swap(m_queue);
    for (auto &connection : m_connections) {
        if (connection->current)
            waiting.push_back(std::move(*connection->current));
    }
    m_connections.clear();
    for (Request &request : waiting)
        request.done(connectionError(QStringLiteral("the API server stopped")));
}

bool AsyncPgReader::isConnectionError(const Error &error)
{
    return error.code() == ErrorCode::DbUnavailable;
}

int AsyncPgReader::openConnections() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(), [](const auto &c) { return !c->dead; }));
}

AsyncPgReader::Stats AsyncPgReader::stats() const
{
    Stats out;
    out.size = m_size;
    for (const auto &connection : m_connections) {
        if (connection->dead)
            continue;
        ++out.open;
        out.busy += connection->current ? 1 : 0;
    }
    out.queued = int(m_queue.size());
    out.opened = m_opened;
    out.closed = m_closed;
    out.reads = m_reads;
    out.errors = m_errors;
    out.cancelled = m_cancelled;
    out.handedToPool = m_handedToPool;
    return out;
}

quint64 AsyncPgReader::read(Statement statement, Done done)
{
    openMore();
    const size_t open = size_t(openConnections());
    if (open == 0 || m_queue.size() >= kQueuePerConnection * open)
        return 0;
    const quint64 id = ++m_lastId;
    m_queue.push_back(Request{id, std::move(statement), std::move(done), nowMs()});
    // Sent from the event loop, not from here: the caller has not yet
    // returned its future, and an answer must never arrive inside read().
    QMetaObject::invokeMethod(this, &AsyncPgReader::dispatch, Qt::QueuedConnection);
    return id;
}

void AsyncPgReader::cancel(quint64 id)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->id == id) {
            Done done = std::move(it->done);
            m_queue.erase(it);
            deliver(std::move(done), Error(ErrorCode::QueryCancelled, QStringLiteral("the client went away")));
            return;
        }
    }
    for (auto &connection : m_connections) {
        if (!connection->dead && connection->current && connection->current->id == id) {
            // PGcancel is a copy of what the request needs: safe to use on
            // another thread while this connection goes on.
            std::shared_ptr<PGcancel> request(PQgetCancel(connection->conn.get()), PQfreeCancel);
            if (request) {
                ++connection->cancelsInFlight;
                // Once PQcancel returns, the server has signalled the backend:
                // a signal that finds it idle is dropped, so the next read
                // on this connection is safe from it.
                cancelThreads().start([request, owner = m_owner, serial = connection->serial] {
                    char message[256] = {};
                    PQcancel(request.get(), message, sizeof message);
                    postToOwner(owner, [serial](AsyncPgReader &reader) { reader.cancelSent(serial); });
                });
            }
            return;
        }
    }
}

void AsyncPgReader::openMore()
{
    if (m_refusedAtMs && nowMs() - m_refusedAtMs < kRefusedPauseMs)
        return;
    while (openConnections() + m_opening < m_size) {
        ++m_opening;
        // Named apart in pg_stat_activity from the pool's connections;
        // read-only when the profile is (connectPostgres), as the pool's are.
        const QString setup = QStringLiteral("SET statement_timeout = %1; SET application_name = '%2'")
                                  .arg(m_statementTimeoutMs)
                                  .arg(QLatin1String(kApplicationName));
        connectThreads().start([profile = m_profile, setup, owner = m_owner] {
            auto opened = connectPostgres(profile, setup);
            // If the reader is gone before the handover runs, the holder
            // (dropped with the call) closes the connection.
            auto holder = std::make_shared<std::unique_ptr<PGconn, PgFinish>>(opened ? opened.value() : nullptr);
            const QString why = opened ? QString() : opened.error().message();
            postToOwner(owner, [holder, why](AsyncPgReader &reader) {
                reader.adopt(holder->release());
                if (!why.isEmpty())
                    qCWarning(lcDb) << "reads of the API server use the pool:" << why;
            });
        });
    }
}

void AsyncPgReader::postToOwner(const std::shared_ptr<Owner> &owner, std::function<void(AsyncPgReader &)> fn)
{
    // Under the mutex: the reader cannot finish its destructor meanwhile,
    // and a call posted to it is dropped by Qt if it goes before the call runs.
    QMutexLocker lock(&owner->mutex);
    if (!owner->reader)
        return;
    QMetaObject::invokeMethod(
        owner->reader,
        [owner, fn = std::move(fn)] {
            if (AsyncPgReader *reader = owner->reader) // read on the owning thread, where it is cleared
                fn(*reader);
        },
        Qt::QueuedConnection);
}

void AsyncPgReader::adopt(PGconn *conn)
{
    --m_opening;
    if (!conn) {
        m_refusedAtMs = nowMs();
        return;
    }
    m_refusedAtMs = 0;
    ++m_opened;
    auto connection = std::make_unique<Connection>();
    connection->serial = ++m_lastSerial;
    connection->openedAtMs = connection->idleSinceMs = nowMs();
    connection->conn.reset(conn);
    if (PQsetnonblocking(conn, 1) != 0 || PQsocket(conn) < 0)
        return; // closed with `connection`
    Connection *raw = connection.get();
    connection->readNotifier = std::make_unique<QSocketNotifier>(PQsocket(conn), QSocketNotifier::Read);
    connection->writeNotifier = std::make_unique<QSocketNotifier>(PQsocket(conn), QSocketNotifier::Write);
    connection->writeNotifier->setEnabled(false);
    connect(connection->readNotifier.get(), &QSocketNotifier::activated, this, [this, raw] { readable(*raw); });
    connect(connection->writeNotifier.get(), &QSocketNotifier::activated, this, [this, raw] { flush(*raw); });
    m_connections.push_back(std::move(connection));
    QMetaObject::invokeMethod(this, &AsyncPgReader::dispatch, Qt::QueuedConnection);
}

void AsyncPgReader::dispatch()
{
    // send() may close a connection (broken()): closed ones stay in the
    // list, marked dead, until reap() runs from the event loop.
    for (size_t i = 0; i < m_connections.size(); ++i) {
        Connection &connection = *m_connections[i];
        if (connection.dead || connection.current || connection.deallocating || connection.cancelsInFlight > 0)
            continue;
        if (!connection.toDeallocate.isEmpty()) {
            // Statements forgotten after an error go from the server too,
            // before the next read on this connection (results ignored).
            const QByteArray sql = "DEALLOCATE " + connection.toDeallocate.join("; DEALLOCATE ");
            connection.toDeallocate.clear();
            connection.deallocating = true;
            if (!PQsendQuery(connection.conn.get(), sql.constData())) {
                broken(connection, QString::fromUtf8(PQerrorMessage(connection.conn.get())).trimmed());
                continue;
            }
            flush(connection);
            continue;
        }
        if (m_queue.empty())
            return;
        connection.current = std::move(m_queue.front());
        m_queue.pop_front();
        send(connection);
    }
}

void AsyncPgReader::send(Connection &connection)
{
    const Statement &statement = connection.current->statement;
    QByteArray &key = connection.key;
    key = statement.sql;
    key.append('\0').append(reinterpret_cast<const char *>(statement.types.data()),
                            qsizetype(statement.types.size() * sizeof(unsigned)));
    std::vector<const char *> values;
    values.reserve(size_t(statement.values.size()));
    for (qsizetype i = 0; i < statement.values.size(); ++i)
        values.push_back(statement.nulls.value(i) ? nullptr : statement.values.at(i).constData());
    const int count = int(values.size());
    PGconn *conn = connection.conn.get();
    connection.error.reset();
    connection.row.reset();
    int sent = 0;
    if (const auto it = connection.prepared.constFind(key); it != connection.prepared.cend()) {
        connection.executing = true;
        sent = PQsendQueryPrepared(conn, it.value().constData(), count, values.data(), nullptr, nullptr, 0);
    } else if (connection.prepared.size() >= kMaxPrepared) {
        connection.executing = true;
        sent = PQsendQueryParams(conn, statement.sql.constData(), count, statement.types.data(), values.data(), nullptr,
                                 nullptr, 0);
    } else {
        static std::atomic<quint64> counter{0};
        connection.executing = false;
        connection.preparingName = "tw_aread_" + QByteArray::number(++counter); // never reused in this process
        sent = PQsendPrepare(conn, connection.preparingName.constData(), statement.sql.constData(),
                             int(statement.types.size()), statement.types.data());
    }
    if (!sent) {
        broken(connection, QString::fromUtf8(PQerrorMessage(conn)).trimmed());
        return;
    }
    flush(connection);
}

void AsyncPgReader::flush(Connection &connection)
{
    const int left = PQflush(connection.conn.get());
    if (left < 0) {
        broken(connection, QString::fromUtf8(PQerrorMessage(connection.conn.get())).trimmed());
        return;
    }
    connection.writeNotifier->setEnabled(left == 1);
}

void AsyncPgReader::readable(Connection &connection)
{
    PGconn *conn = connection.conn.get();
    if (!PQconsumeInput(conn)) {
        broken(connection, QString::fromUtf8(PQerrorMessage(conn)).trimmed());
        return;
    }
    while (connection.deallocating && !PQisBusy(conn)) {
        PGresult *result = PQgetResult(conn);
        if (!result) {
            connection.deallocating = false;
            dispatch();
            return;
        }
        PQclear(result);
    }
    while (connection.current && !PQisBusy(conn)) {
        PGresult *result = PQgetResult(conn);
        if (!result) {
            finished(connection);
            return; // `connection` may be gone, or busy with the next read
        }
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
            if (connection.executing && !connection.row) {
                QList<QByteArray> row;
                if (PQntuples(result) > 0) {
                    for (int c = 0; c < PQnfields(result); ++c)
                        row << QByteArray(PQgetvalue(result, 0, c), PQgetlength(result, 0, c));
                }
                connection.row = std::move(row);
            }
        } else if (!connection.error) {
            connection.error = postgresResultError(conn, result);
        }
        PQclear(result);
    }
    if (!connection.current && !connection.deallocating) {
        // Nothing asked: a notice or a notification, or the server closing.
        if (PQstatus(conn) != CONNECTION_OK)
            broken(connection, QString::fromUtf8(PQerrorMessage(conn)).trimmed());
    }
}

void AsyncPgReader::finished(Connection &connection)
{
    if (!connection.executing) { // a PREPARE answered
        if (connection.error) {
            Request request = std::move(*connection.current);
            connection.current.reset();
            const Error error = *connection.error;
            connection.idleSinceMs = nowMs();
            deliver(std::move(request.done), error);
            dispatch();
            return;
        }
        connection.prepared.insert(connection.key, connection.preparingName);
        send(connection);
        return;
    }
    Request request = std::move(*connection.current);
    connection.current.reset();
    Result<QList<QByteArray>> result = connection.error ? Result<QList<QByteArray>>(*connection.error)
                                                        : Result<QList<QByteArray>>(connection.row.value_or(QList<QByteArray>()));
    if (connection.error) {
        const QString state = connection.error->details().value(QStringLiteral("sqlstate")).toString();
        // The plan may no longer fit the table (or is gone): that statement
        // only is forgotten, here and on the server, to be prepared afresh.
        if (state == u"0A000" || state == u"26000") {
            const QByteArray name = connection.prepared.take(connection.key);
            if (!name.isEmpty() && state == u"0A000")
                connection.toDeallocate << name;
        }
    }
    connection.idleSinceMs = nowMs();
    const bool lost = PQstatus(connection.conn.get()) != CONNECTION_OK;
    deliver(std::move(request.done), std::move(result));
    if (lost)
        broken(connection, QStringLiteral("connection lost"));
    dispatch();
}

void AsyncPgReader::broken(Connection &connection, const QString &why)
{
    qCWarning(lcDb) << "an API server read connection to" << m_profile.name << "closed:" << why;
    std::optional<Request> request = std::move(connection.current);
    connection.current.reset();
    close(connection);
    if (request)
        deliver(std::move(request->done), connectionError(QStringLiteral("the read connection closed: ") + why));
    if (openConnections() == 0) {
        // Whatever waits goes to the pool now rather than wait for a reconnect.
        std::deque<Request> waiting;
        waiting.swap(m_queue);
        for (Request &r : waiting)
            deliver(std::move(r.done), connectionError(QStringLiteral("no read connection is open")));
    }
}

void AsyncPgReader::close(Connection &connection)
{
    if (connection.dead)
        return;
    connection.dead = true;
    ++m_closed;
    // Possibly called from one of its notifiers' own signal: they go later,
    // and so does the entry (reap), so no loop over the list loses its place.
    for (auto *notifier : {connection.readNotifier.release(), connection.writeNotifier.release()}) {
        notifier->setEnabled(false);
        notifier->disconnect(this);
        notifier->deleteLater();
    }
    connection.conn.reset(); // PQfinish
    QMetaObject::invokeMethod(this, &AsyncPgReader::reap, Qt::QueuedConnection);
}

void AsyncPgReader::reap()
{
    std::erase_if(m_connections, [](const auto &c) { return c->dead; });
}

void AsyncPgReader::sweep()
{
    const qint64 now = nowMs();
    // Reads waiting longer than the statement timeout for a connection are
    // answered as the pool's deadline answers them.
    while (m_statementTimeoutMs > 0 && !m_queue.empty() && now - m_queue.front().queuedAtMs > m_statementTimeoutMs) {
        Done done = std::move(m_queue.front().done);
        m_queue.pop_front();
        deliver(std::move(done), Error(ErrorCode::QueryCancelled,
                                       QStringLiteral("the read waited longer than the statement timeout for a connection")));
    }
    // The pool's idle timeout and lifetime hold for these connections too.
    const int idleMs = m_profile.pool.idleTimeoutMs;
    const int lifetimeMs = m_profile.pool.maxLifetimeMs;
    for (auto &connection : m_connections) {
        if (connection->dead || connection->current || connection->deallocating || connection->cancelsInFlight > 0)
            continue;
        if ((idleMs > 0 && now - connection->idleSinceMs > idleMs) || (lifetimeMs > 0 && now - connection->openedAtMs > lifetimeMs))
            close(*connection);
    }
}

void AsyncPgReader::cancelSent(quint64 connectionSerial)
{
    for (auto &connection : m_connections) {
        if (connection->serial == connectionSerial) {
            --connection->cancelsInFlight;
            break;
        }
    }
    dispatch();
}

void AsyncPgReader::deliver(Done done, Result<QList<QByteArray>> result)
{
    // A lost connection's read is run again through the pool (the caller
    // does it): its client sees that answer, so it is no error of these.
    if (!result && isConnectionError(result.error())) {
        ++m_handedToPool;
    } else {
        ++m_reads;
        if (!result) {
            ++m_errors;
            m_cancelled += result.error().code() == ErrorCode::QueryCancelled ? 1 : 0;
        }
    }
    done(std::move(result));
}

} // namespace tw::db
