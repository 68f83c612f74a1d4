#include "Session.h"

#include "SqlErrors.h"
#include "log/Categories.h"

#include <QSqlError>
#include <QThread>

namespace tw::db {

Session::Session(QSqlDatabase &db, NativeConnection &native, StatementCache &statements,
                 const config::ConnectionProfile &profile, const std::atomic<bool> *cancelled)
    : m_db(db)
    , m_native(native)
    , m_statements(statements)
    , m_cancelled(cancelled)
    , m_profile(profile)
    , m_dialect(dialectFor(profile.driver))
{}

Error Session::errorFrom(const QSqlError &error) const
{
    Error mapped = mapSqlError(m_profile.driver, error, m_native.looksAlive());
    mapped.withDetail(QStringLiteral("connection"), m_profile.name);
    return mapped;
}

namespace {

// PostgreSQL refuses to run a prepared plan whose result columns changed
// underneath it (ALTER TABLE after PREPARE): re-prepare once.
bool isStalePlan(const Error &error)
{
    return error.details().value(QStringLiteral("sqlstate")).toString() == QLatin1String("0A000");
}

} // namespace

// busy_timeout already waits inside SQLite; this outer retry covers the
// cases where SQLite returns BUSY at once (lock upgrades, WAL recovery).
// False when the attempts are used up or the job was cancelled; otherwise
// waits (10 ms, doubling up to 500) before the next one.
bool Session::pauseBeforeBusyRetry(int attempt, int &delayMs) const
{
    if (attempt >= m_profile.pool.busyRetries || isCancelled())
        return false;
    qCDebug(lcDb) << "SQLITE_BUSY on" << m_profile.name << "retry" << attempt + 1 << "in" << delayMs << "ms";
    QThread::msleep(delayMs);
    delayMs = std::min(delayMs * 2, 500);
    return true;
}

bool Session::execWithBusyRetry(QSqlQuery &query, const QString *unpreparedSql)
{
    int delayMs = 10;
    for (int attempt = 0;; ++attempt) {
        if (unpreparedSql ? query.exec(*unpreparedSql) : query.exec())
            return true;
        if (!isBusyError(m_profile.driver, query.lastError()) || !pauseBeforeBusyRetry(attempt, delayMs))
            return false;
    }
}

Error Session::cancelledError() const
{
    return Error(ErrorCode::QueryCancelled, QStringLiteral("the job was cancelled"),
                 {{QStringLiteral("connection"), m_profile.name}});
}

Result<Rows> Session::exec(const QString &sql, const QVariantList &binds)
{
    if (isCancelled())
        return cancelledError();
    if (binds.isEmpty()) {
        QSqlQuery query = makeQuery(m_db);
        if (!execWithBusyRetry(query, &sql))
            return errorFrom(query.lastError());
        return Rows(query);
    }

    for (int attempt = 0;; ++attempt) {
        StatementCache::Lease lease;
        if (auto prepareError = m_statements.acquire(m_db, sql, lease))
            return errorFrom(*prepareError);
        for (int i = 0; i < binds.size(); ++i)
            lease.query.bindValue(i, binds.at(i));
        if (execWithBusyRetry(lease.query, nullptr))
            return Rows(lease.query, lease.token);
        const Error error = errorFrom(lease.query.lastError());
        if (lease.cached && attempt == 0 && isStalePlan(error)) {
            m_statements.drop(sql);
            continue;
        }
        return error;
    }
}

Result<qint64> Session::execute(const QString &sql, const QVariantList &binds)
{
    auto query = exec(sql, binds);
    if (!query)
        return query.error();
    return query.value().rowsAffected();
}

Result<QVariant> Session::scalar(const QString &sql, const QVariantList &binds)
{
    auto query = exec(sql, binds);
    if (!query)
        return query.error();
    if (!query.value().next())
        return Error(ErrorCode::NotFound, QStringLiteral("query returned no rows"));
    return query.value().value(0);
}

Status Session::readRows(const QString &sql, const std::function<void(const NativeRow &)> &each)
{
    // SQLITE_BUSY before the first row is retried as exec() retries it;
    // after a row has been handed out, never (it would be handed out twice).
    int delayMs = 10;
    for (int attempt = 0;; ++attempt) {
        if (isCancelled())
            return cancelledError();
        qint64 delivered = 0;
        const Status read = readNativeRows(m_native, sql, [&](const NativeRow &row) {
            ++delivered;
            each(row);
        });
        const bool busy = !read.ok()
                          && isBusyError(m_profile.driver,
                                         QSqlError(QString(), QString(), QSqlError::StatementError,
                                                   read.error().details().value(QStringLiteral("sqliteCode")).toString()));
        if (!busy || delivered > 0 || !pauseBeforeBusyRetry(attempt, delayMs))
            return nativeOutcome(read);
    }
}

Status Session::executeScript(const QString &sql)
{
    if (isCancelled())
        return cancelledError();
    return nativeOutcome(m_native.executeScript(sql));
}

Result<qint64> Session::executeSqlite(const QString &sql, const QVariantList &binds)
{
    int delayMs = 10;
    for (int attempt = 0;; ++attempt) {
        if (isCancelled())
            return cancelledError();
        auto done = m_native.executeSqlite(sql, binds);
        if (done || done.error().code() == ErrorCode::Internal) // a caller's mistake, not the engine's answer
            return done;
        const Status failed = nativeOutcome(done.error());
        if (failed.error().code() != ErrorCode::Busy || !pauseBeforeBusyRetry(attempt, delayMs))
            return failed.error();
    }
}

// A native call's failure in the terms exec() gives: the same code for the
// same SQLSTATE or SQLite result (a missing table, a denied permission, a
// cancelled statement, a busy file, a lost server).
Status Session::nativeOutcome(const Status &status) const
{
    if (status.ok())
        return {};
    if (isCancelled())
        return cancelledError();
    const Error &raw = status.error();
    if (raw.code() == ErrorCode::DbUnavailable && !m_native.looksAlive())
        return Error(raw).withDetail(QStringLiteral("connection"), m_profile.name);
    const bool pg = m_profile.driver == config::Driver::Postgres;
    const QString native = raw.details().value(pg ? QStringLiteral("sqlstate") : QStringLiteral("sqliteCode")).toString();
    Error error = mapSqlError(m_profile.driver, QSqlError(QString(), raw.message(), QSqlError::StatementError, native),
                              m_native.looksAlive());
    error.withDetail(QStringLiteral("connection"), m_profile.name);
    return error;
}

} // namespace tw::db
