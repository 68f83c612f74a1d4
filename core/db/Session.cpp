#include "Session.h"

#include "SqlErrors.h"
#include "log/Categories.h"

#include <QSqlError>
#include <QThread>

namespace tw::db {

Session::Session(QSqlDatabase &db, NativeConnection &native, const config::ConnectionProfile &profile)
    : m_db(db)
    , m_native(native)
    , m_profile(profile)
    , m_dialect(dialectFor(profile.driver))
{}

Error Session::errorFrom(const QSqlError &error) const
{
    Error mapped = mapSqlError(m_profile.driver, error, m_native.looksAlive());
    mapped.withDetail(QStringLiteral("connection"), m_profile.name);
    return mapped;
}

Result<QSqlQuery> Session::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // PostgreSQL cannot PREPARE utility statements (DDL, SET, BEGIN), so a
    // statement without parameters is sent as it is.
    const bool prepared = !binds.isEmpty();
    if (prepared) {
        if (!query.prepare(sql))
            return errorFrom(query.lastError());
        for (const QVariant &value : binds)
            query.addBindValue(value);
    }

    // busy_timeout already waits inside SQLite; this outer retry covers the
    // cases where SQLite returns BUSY at once (lock upgrades, WAL recovery).
    int delayMs = 10;
    for (int attempt = 0;; ++attempt) {
        if (prepared ? query.exec() : query.exec(sql))
            return query;
        const QSqlError error = query.lastError();
        if (!isBusyError(m_profile.driver, error) || attempt >= m_profile.pool.busyRetries)
            return errorFrom(error);
        qCDebug(lcDb) << "SQLITE_BUSY on" << m_profile.name << "retry" << attempt + 1 << "in" << delayMs << "ms";
        QThread::msleep(delayMs);
        delayMs = std::min(delayMs * 2, 500);
    }
}

Result<qint64> Session::execute(const QString &sql, const QVariantList &binds)
{
    auto query = exec(sql, binds);
    if (!query)
        return query.error();
    return static_cast<qint64>(query.value().numRowsAffected());
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

Status Session::executeScript(const QString &sql)
{
    Status status = m_native.executeScript(sql);
    if (!status.ok()) {
        Error error = status.error();
        if (!m_native.looksAlive())
            error = Error(ErrorCode::DbUnavailable, error.message(), error.details());
        error.withDetail(QStringLiteral("connection"), m_profile.name);
        return error;
    }
    return {};
}

} // namespace tw::db
