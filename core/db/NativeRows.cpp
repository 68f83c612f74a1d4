#include "NativeRows.h"

#include "NativeConnection.h"

#include <libpq-fe.h>
#include <sqlite3.h>

namespace tw::db {

bool NativeRow::isNull(int column) const
{
    if (m_pg)
        return PQgetisnull(m_pg, m_row, column) != 0;
    return sqlite3_column_type(m_sqlite, column) == SQLITE_NULL;
}

QByteArrayView NativeRow::utf8(int column) const
{
    if (m_pg)
        return QByteArrayView(PQgetvalue(m_pg, m_row, column), PQgetlength(m_pg, m_row, column));
    // text() before bytes(): SQLite's documented order for a value's size.
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_sqlite, column));
    return QByteArrayView(text, text ? sqlite3_column_bytes(m_sqlite, column) : 0);
}

QString NativeRow::text(int column) const
{
    if (isNull(column))
        return {};
    const QByteArrayView bytes = utf8(column);
    // An empty text is not NULL: an empty, non-null QString.
    return bytes.isEmpty() ? QStringLiteral("") : QString::fromUtf8(bytes);
}

qint64 NativeRow::int64(int column) const
{
    if (m_pg)
        return utf8(column).toLongLong();
    return sqlite3_column_int64(m_sqlite, column);
}

class NativeRowReader
{
public:
    static Status readPg(PGconn *pg, const QByteArray &sql, const std::function<void(const NativeRow &)> &each)
    {
        // Row by row as the server sends them (single-row mode): reading a
        // thousand history rows overlaps the server producing the rest, where
        // PQexec waited for the last before the first was read (PostgreSQL
        // `status` 0.5-1.4 ms sooner). A failure after some rows ends the
        // read with the error; the callers drop what they had gathered.
        if (!PQsendQuery(pg, sql.constData()))
            return Error(ErrorCode::QueryFailed, QString::fromUtf8(PQerrorMessage(pg)).trimmed());
        PQsetSingleRowMode(pg); // refused only if called out of turn: the rows then come in one result, read below too
        Status outcome;
        while (PGresult *result = PQgetResult(pg)) { // until null: the connection is free again only then
            const ExecStatusType status = PQresultStatus(result);
            if ((status == PGRES_SINGLE_TUPLE || status == PGRES_TUPLES_OK) && outcome.ok()) {
                NativeRow row;
                row.m_pg = result;
                const int rows = PQntuples(result); // 1, then 0 in the closing result
                for (row.m_row = 0; row.m_row < rows; ++row.m_row)
                    each(row);
            } else if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK && outcome.ok()) {
                const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
                outcome = Error(ErrorCode::QueryFailed, QString::fromUtf8(PQerrorMessage(pg)).trimmed(),
                                {{QStringLiteral("sqlstate"), QString::fromLatin1(state ? state : "")}});
            }
            PQclear(result);
        }
        return outcome;
    }

    static Status readSqlite(sqlite3 *db, const QByteArray &sql, const std::function<void(const NativeRow &)> &each)
    {
        sqlite3_stmt *statement = nullptr;
        int rc = sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement, nullptr);
        if (rc == SQLITE_OK) {
            NativeRow row;
            row.m_sqlite = statement;
            while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
                each(row);
        }
        Status outcome;
        if (rc != SQLITE_OK && rc != SQLITE_DONE)
            outcome = Error(rc == SQLITE_INTERRUPT ? ErrorCode::QueryCancelled : ErrorCode::QueryFailed,
                            QString::fromUtf8(sqlite3_errmsg(db)), {{QStringLiteral("sqliteCode"), rc}});
        sqlite3_finalize(statement);
        return outcome;
    }
};

Status readNativeRows(const NativeConnection &connection, const QString &sql,
                      const std::function<void(const NativeRow &)> &each)
{
    if (connection.pg())
        return NativeRowReader::readPg(connection.pg(), sql.toUtf8(), each);
    if (connection.sqlite())
        return NativeRowReader::readSqlite(connection.sqlite(), sql.toUtf8(), each);
    return Error(ErrorCode::DbUnavailable, QStringLiteral("connection is not open"));
}

} // namespace tw::db
