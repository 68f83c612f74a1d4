#pragma once

// The read-only guard of PageReader and its estimate (PageEstimate.cpp).
#include "PageRequest.h"
#include "PageSql.h"
#include "db/Session.h"
#include "error/Error.h"

#include <QSqlQuery>

namespace tw::data::detail {

// PostgreSQL only: whether the user's WHERE, alone in `probe` (a SELECT), is
// exactly one statement the server accepts. QPSQL prepares with
// PQexec("PREPARE … AS <text>"), and PQexec runs every statement of a
// multi-statement string: "1=1); COMMIT; DELETE FROM t; --" would end the
// READ ONLY transaction and delete in autocommit. PQprepare takes one
// statement and never runs it, so this is checked before anything runs.
Status checkSingleCondition(db::Session &session, const QString &probe);

// The free WHERE is the user's SQL: whatever it calls, it must not write.
// PostgreSQL: checked to be one condition, then a READ ONLY transaction
// (nextval, writing functions and data-modifying CTEs are refused by the
// server), always rolled back, and session advisory locks it may have taken
// released. SQLite: PRAGMA query_only for this job, always reset (QSQLITE
// refuses multi-statement text itself). The reset goes through QSqlQuery
// directly: Session::exec refuses to run anything once the job is
// cancelled, and a connection left query_only would refuse the next job's
// writes.
template<typename T, typename Fn>
Result<T> guarded(db::Session &session, const PageSql &sql, Fn &&fn)
{
    if (sql.request().where.trimmed().isEmpty())
        return fn();
    const bool postgres = session.profile().driver == config::Driver::Postgres;
    if (postgres) {
        if (Status single = checkSingleCondition(session, sql.whereProbe()); !single)
            return single.error();
    }
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
            if (postgres) {
                end.exec(QStringLiteral("ROLLBACK"));
                // pg_advisory_lock() in a condition outlives the transaction.
                end.exec(QStringLiteral("SELECT pg_catalog.pg_advisory_unlock_all()"));
            } else {
                end.exec(QStringLiteral("PRAGMA query_only = 0"));
            }
        }
    } reset{session, postgres};
    return fn();
}

} // namespace tw::data::detail
