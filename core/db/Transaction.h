#pragma once

#include "Session.h"

namespace tw::db {

// RAII transaction: begun on construction, rolled back on destruction unless
// commit() succeeded, so an early return or an exception never leaves a
// transaction open on a pooled connection.
class Transaction
{
public:
    explicit Transaction(Session &session);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // The outcome of BEGIN; check it before doing work.
    const Status &begun() const { return m_begun; }
    Status commit();
    Status rollback();
    bool active() const { return m_active; }

private:
    Session &m_session;
    Status m_begun;
    bool m_active = false;
};

// Runs fn(session) in a transaction: commit when it returns a value,
// roll back when it returns an error or throws.
template<typename Fn>
auto inTransaction(Session &session, Fn &&fn) -> decltype(fn(session))
{
    Transaction tx(session);
    if (!tx.begun().ok())
        return tx.begun().error();
    auto result = fn(session);
    if (!result.ok())
        return result;
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return result;
}

} // namespace tw::db
