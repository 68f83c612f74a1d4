#pragma once

#include "db/Session.h"
#include "error/Error.h"

#include <QString>

#include <functional>

namespace tw::catalog {

// The text of one catalog query, embedded from core/catalog/sql/postgres/
// (`name` without ".sql"). INTERNAL when the resource is missing, which
// means the core library was linked without its resources.
Result<QString> postgresCatalogSql(const QString &name);

// Runs the statements of one snapshot load and counts them (the count is the
// proof that the load stays a fixed number of queries, whatever the size of
// the database). Each part runs in a savepoint, so a part the server refuses
// rolls back alone and the transaction stays usable for the next part.
class PostgresCatalogRunner
{
public:
    explicit PostgresCatalogRunner(db::Session &session)
        : m_session(session)
    {}

    // A control statement (BEGIN, ROLLBACK): no rows wanted.
    Status execute(const QString &sql);
    // Runs query file `name` and hands its rows to `read`, inside a savepoint.
    // The error, when the query failed, after rolling back to the savepoint.
    Status part(const QString &name, const std::function<void(db::Rows &)> &read);
    // Runs query file `name` outside a savepoint (the first statement).
    Status query(const QString &name, const std::function<void(db::Rows &)> &read);

    // Lines of a query file that end in "-- PostgreSQL 15+" (a condition on
    // a catalog column older servers lack) are left out below that version.
    // Until set (the session part gives it), every line is kept.
    void setServerVersion(int versionNum) { m_serverVersion = versionNum; }

    int statements() const { return m_statements; }
    // Errors after which nothing else can work on this connection: the job
    // was cancelled, the connection died, or the savepoint could not be undone.
    bool broken() const { return m_broken; }

private:
    Result<db::Rows> run(const QString &sql);
    Result<QString> partSql(const QString &name) const;

    db::Session &m_session;
    int m_serverVersion = 0;
    int m_statements = 0;
    bool m_broken = false;
};

} // namespace tw::catalog
