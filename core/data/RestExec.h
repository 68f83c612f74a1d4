#pragma once

#include "RestSql.h"
#include "db/AsyncPgReader.h"
#include "error/Error.h"

#include <QByteArray>
#include <QList>

namespace tw::db {
class Session;
}

// Runs the REST layer's statements through the engines' native APIs (libpq
// PQexecParams, sqlite3_prepare_v2), bypassing QtSql: the bodies are JSON
// text built by the database and must arrive as bytes, untouched.
namespace tw::data {

struct RestResult
{
    QList<QList<QByteArray>> rows; // every row, every column, as the engine's text
    qint64 affected = 0;           // rows an INSERT/UPDATE/DELETE touched
};

// PostgreSQL: parameters of Type::Infer are sent untyped, so the server
// infers each value's type from the column it meets, as a literal would.
// SQLite: BUSY is retried with bounded backoff.
Result<RestResult> runRestStatement(db::Session &session, const RestStatement &statement);

// The first row of the result (empty when there is none).
Result<QList<QByteArray>> runRestQuery(db::Session &session, const RestStatement &statement);

// A PostgreSQL statement as db::AsyncPgReader sends it: the same parameter
// types and values as runRestStatement() sends.
db::AsyncPgReader::Statement asyncStatement(const RestStatement &statement);

} // namespace tw::data
