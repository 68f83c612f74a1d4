#include "Transaction.h"

#include "log/Categories.h"

#include <sqlite3.h>

namespace tw::db {

Transaction::Transaction(Session &session)
    : m_session(session)
{
    if (session.inTransaction()) {
        m_begun = Error(ErrorCode::Internal, QStringLiteral("a transaction is already open on this session"));
        return;
    }
    auto begin = session.execute(session.dialect().beginWriteStatement());
    if (!begin) {
        m_begun = begin.error();
        return;
    }
    m_active = true;
    ++m_session.m_transactionDepth;
}

Transaction::~Transaction()
{
    if (m_active) {
        const Status rolledBack = rollback();
        if (!rolledBack.ok())
            qCWarning(lcDb) << "rollback failed on" << m_session.profile().name << rolledBack.error().toString();
    }
}

Status Transaction::commit()
{
    if (!m_active)
        return Error(ErrorCode::Internal, QStringLiteral("commit without an open transaction"));
    auto result = m_session.execute(QStringLiteral("COMMIT"));
    // A failed COMMIT has already ended the transaction on both engines
    // except SQLite BUSY, where it is still open: roll that back explicitly.
    if (!result && result.error().code() == ErrorCode::Busy)
        return result.error();
    m_active = false;
    --m_session.m_transactionDepth;
    if (!result)
        return result.error();
    return {};
}

Status Transaction::rollback()
{
    if (!m_active)
        return {};
    m_active = false;
    --m_session.m_transactionDepth;
    // SQLite ends the transaction itself when an interrupt or some errors
    // stop a statement: a ROLLBACK then would only fail with "no transaction".
    if (sqlite3 *handle = m_session.native().sqlite(); handle && sqlite3_get_autocommit(handle))
        return {};
    auto result = m_session.execute(QStringLiteral("ROLLBACK"));
    if (!result)
        return result.error();
    return {};
}

} // namespace tw::db
