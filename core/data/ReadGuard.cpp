#include "ReadGuard.h"

#include <libpq-fe.h>

namespace tw::data::detail {

Status checkSingleCondition(db::Session &session, const QString &probe)
{
    PGconn *conn = session.native().pg();
    if (!conn)
        return Error(ErrorCode::DbUnavailable, QStringLiteral("no PostgreSQL connection to check the WHERE condition on"));
    // The unnamed statement: replaced by the next one, nothing to clean up.
    PGresult *result = PQprepare(conn, "", probe.toUtf8().constData(), 0, nullptr);
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    const QString message = ok ? QString() : QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    const QString state = ok ? QString() : QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    PQclear(result);
    if (ok)
        return {};
    return Error(ErrorCode::ValidationFailed,
                 QStringLiteral("the WHERE condition is not a single SQL condition: %1").arg(message),
                 {{QStringLiteral("where"), QStringLiteral("rejected")}, {QStringLiteral("sqlstate"), state}},
                 QStringLiteral("Write one condition, such as price > 10 AND name LIKE 'A%'; "
                                "statements and semicolons are not allowed"));
}

} // namespace tw::data::detail
