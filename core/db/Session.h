#pragma once

#include "Dialect.h"
#include "NativeConnection.h"
#include "NativeRows.h"
#include "Rows.h"
#include "StatementCache.h"
#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <atomic>
#include <functional>


namespace tw::db {

// What a pool job sees: one open connection, on the worker thread that owns
// it, for the duration of the job. Never stored past the job.
class Session
{
public:
    Session(QSqlDatabase &db, NativeConnection &native, StatementCache &statements,
            const config::ConnectionProfile &profile, const std::atomic<bool> *cancelled = nullptr);

    // True once the job was cancelled; statements then fail with QUERY_CANCELLED.
    bool isCancelled() const { return m_cancelled && m_cancelled->load(); }

    QSqlDatabase &database() { return m_db; }
    NativeConnection &native() { return m_native; }
    const Dialect &dialect() const { return m_dialect; }
    const config::ConnectionProfile &profile() const { return m_profile; }

    // Binds `binds` positionally to '?' and executes. Statements with
    // parameters are prepared once per connection and reused (StatementCache);
    // statements without are sent as they are (PostgreSQL cannot prepare DDL).
    // SQLite statements that hit SQLITE_BUSY are retried with bounded backoff.
    Result<Rows> exec(const QString &sql, const QVariantList &binds = {});
    // exec() for statements whose rows are not wanted; gives rows affected.
    Result<qint64> execute(const QString &sql, const QVariantList &binds = {});
    // First column of the first row, or NOT_FOUND when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {});
    // Multi-statement script through the engine's native API.
    Status executeScript(const QString &sql);
    // SQLite only: one statement with binds on the native handle, prepared
    // once per connection (NativeConnection::executeSqlite), retried on
    // SQLITE_BUSY as exec() is; gives the rowid of the last row inserted.
    Result<qint64> executeSqlite(const QString &sql, const QVariantList &binds);
    // Reads every row of `sql` (no parameters) on the native handle, without
    // a QVariant per value: for bulk reads (see NativeRows.h).
    Status readRows(const QString &sql, const std::function<void(const NativeRow &)> &each);

    Error errorFrom(const QSqlError &error) const;
    Error cancelledError() const;

    bool inTransaction() const { return m_transactionDepth > 0; }

    // Closes this connection after the job instead of returning it to the
    // pool: for jobs that ran statements the pool cannot vouch for (a
    // migration's SET, DEALLOCATE, a session lock it could not release).
    void retireConnectionAfterJob() { m_retire = true; }
    bool retireRequested() const { return m_retire; }

private:
    friend class Transaction;
    bool execWithBusyRetry(QSqlQuery &query, const QString *unpreparedSql);
    bool pauseBeforeBusyRetry(int attempt, int &delayMs) const;
    Status nativeOutcome(const Status &status) const;

    QSqlDatabase &m_db;
    NativeConnection &m_native;
    StatementCache &m_statements;
    const std::atomic<bool> *m_cancelled;
    const config::ConnectionProfile &m_profile;
    const Dialect &m_dialect;
    int m_transactionDepth = 0;
    bool m_retire = false;
};

} // namespace tw::db
