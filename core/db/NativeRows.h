#pragma once

#include "error/Error.h"

#include <QByteArrayView>
#include <QString>

#include <functional>

struct pg_result;
struct sqlite3_stmt;

namespace tw::db {

class NativeConnection;

// One row of a statement read on the native handle (libpq's text result or
// SQLite's statement), valid only inside the callback that receives it.
// Bulk reads go through it instead of QSqlQuery: QSQLITE copies every column
// of a row into a QVariant before the first value() call, and each value()
// copies it again — most of the time of reading a thousand history rows.
class NativeRow
{
public:
    bool isNull(int column) const;
    QByteArrayView utf8(int column) const;   // empty for NULL
    QString text(int column) const;          // a null QString for NULL
    qint64 int64(int column) const;          // 0 for NULL or not a number

private:
    friend class NativeRowReader;
    NativeRow() = default;
    pg_result *m_pg = nullptr;
    int m_row = 0;
    sqlite3_stmt *m_sqlite = nullptr;
};

// Runs `sql` (no parameters) and calls `each` per row, in order. The error
// is the server's (PostgreSQL: its message and SQLSTATE; SQLite: its message
// and result code) or DbUnavailable without a connection.
Status readNativeRows(const NativeConnection &connection, const QString &sql,
                      const std::function<void(const NativeRow &)> &each);

} // namespace tw::db
