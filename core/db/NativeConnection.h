#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QVariantList>

#include <functional>
#include <memory>

typedef struct pg_conn PGconn;
typedef struct pg_cancel PGcancel;
struct sqlite3;
struct sqlite3_stmt;

namespace tw::db {

// The engine-native side of one QSqlDatabase: what QtSql does not offer
// (cancel, liveness, multi-statement scripts). Lives with its worker; only
// cancel() may be called from other threads.
class NativeConnection
{
public:
    explicit NativeConnection(config::Driver driver);
    ~NativeConnection();
    NativeConnection(const NativeConnection &) = delete;
    NativeConnection &operator=(const NativeConnection &) = delete;

    // Re-reads the driver handle after (re)opening; clears it when closed.
    void attach(const QSqlDatabase &db);
    void detach();
    // Takes a connection libpq opened directly (no QSqlDatabase); closes it on detach.
    void adopt(PGconn *conn);
    // Gives an adopted connection back without closing it (null when none).
    PGconn *release();

    // Thread-safe. Interrupts the SQLite statement running now at once, or
    // prepares a PostgreSQL cancel request and returns it to be sent. PQcancel
    // opens a connection to the server, so callers send it outside their
    // locks and off the GUI thread. Empty when there is nothing to cancel.
    std::function<bool(QString *)> cancel();

    // False once libpq has seen the socket die; SQLite is always alive.
    bool looksAlive() const;

    // After a job: a transaction the job left open (a cancelled job whose
    // ROLLBACK was refused, a BEGIN without COMMIT) is rolled back here, so
    // the next job never runs inside it. Failed means the connection is in
    // an unknown state and must be closed.
    enum class TransactionCleanup { Clean, RolledBack, Failed };
    TransactionCleanup endAbandonedTransaction();

    // Runs a multi-statement script through the native API in one round trip.
    Status executeScript(const QString &sql) const;

    // SQLite: runs one statement with positional `binds` on a statement this
    // connection prepared once (kept until it closes), and gives
    // sqlite3_last_insert_rowid(). Strings, bools, ints, 64-bit integers,
    // doubles, byte arrays and nulls bind as QSQLITE binds them (a null
    // QString, an invalid date or time is NULL); anything else as its text.
    // For writes repeated per migration: QtSql's binding by placeholder name
    // cost more than the INSERT itself. The error carries the result code.
    Result<qint64> executeSqlite(const QString &sql, const QVariantList &binds);

    PGconn *pg() const { return m_pg; }

    // Statements this connection has prepared through libpq (PQprepare), by
    // their text and parameter types, for the REST layer's repeated
    // statements; forgotten when the connection closes (they die with it).
    QHash<QByteArray, QByteArray> &preparedStatements() { return m_prepared; }
    sqlite3 *sqlite() const { return m_sqlite; }

private:
    config::Driver m_driver;
    PGconn *m_pg = nullptr;
    bool m_ownsPg = false;
    sqlite3 *m_sqlite = nullptr;
    QHash<QString, sqlite3_stmt *> m_sqliteStatements; // finalized on detach, before QtSql closes the handle
    mutable QMutex m_cancelMutex;
    // Shared so that a cancel request in flight outlives a reconnect.
    QHash<QByteArray, QByteArray> m_prepared;
    std::shared_ptr<PGcancel> m_pgCancel;
};

} // namespace tw::db
