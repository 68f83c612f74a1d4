#pragma once

// The read-only guard of PageReader and its estimate (PageEstimate.cpp).
#include "PageRequest.h"
#include "db/Session.h"
#include "error/Error.h"

#include <QSqlQuery>

namespace tw::data::detail {

// The free WHERE is the user's SQL: whatever it calls, it must not write.
// PostgreSQL: a READ ONLY transaction (nextval, writing functions and
// data-modifying CTEs are refused by the server), always rolled back.
// SQLite: PRAGMA query_only for this job, always reset. The reset goes
// through QSqlQuery directly: Session::exec refuses to run anything once
// the job is cancelled, and a connection left query_only would refuse the
// next job's writes.
template<typename T, typename Fn>
Result<T> guarded(db::Session &session, bool needed, Fn &&fn)
{
    if (!needed)
        return fn();
    const bool postgres = session.profile().driver == config::Driver::Postgres;
    auto begun = session.execute(postgres ? QStringLiteral("BEGIN READ ONLY") : QStringLiteral("PRAGMA query_only = 1"));
    if (!begun)
        return begun.error();
    // A destructor, so that a job that throws is reset too.
    struct Reset
    {
        db::Session &session;
        bool postgres;
        ~Reset()
        {
            QSqlQuery end(session.database());
            end.exec(postgres ? QStringLiteral("ROLLBACK") : QStringLiteral("PRAGMA query_only = 0"));
        }
    } reset{session, postgres};
    return fn();
}

inline bool needsGuard(const PageRequest &request)
{
    return !request.where.trimmed().isEmpty();
}

} // namespace tw::data::detail
