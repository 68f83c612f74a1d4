#pragma once

#include "RestPayload.h"
#include "RestSql.h"
#include "RestWrite.h"
#include "TableShape.h"

namespace tw::data {

// The statements of one REST write (STYLE.md pattern 2: one place), built
// over a RestSql that holds the filter and the representation's select list.
// Every column is checked against the shape and quoted by the dialect; the
// body is one bound JSON value that the database itself takes apart
// (json_populate_record on PostgreSQL, json_extract on SQLite), so values
// reach their columns with the engine's own conversions.
//
// PostgreSQL: one statement, WITH pgrst_source AS (<write> RETURNING *)
//   SELECT <json or NULL>, <rows>, <rows inserted>, <keys JSON or NULL>.
// SQLite: one statement per group of rows (missing=default groups rows by
//   the keys they have), each RETURNING json_object(…) per row when the rows
//   are wanted back, then json_object(<key columns>) when the table has a
//   primary key; rows affected from sqlite3_changes().
class RestWriteSql
{
public:
    // `representation` holds the filter and the returned columns (already
    // checked); `payload` is null for DELETE.
    static Result<QList<RestStatement>> make(const db::Dialect &dialect, const TableShape &shape, const RestWrite &write,
                                             const RestPayload *payload, RestSql representation);

    // SQLite upsert: how many of the payload's rows already exist (by the
    // conflict target), to tell inserted rows from updated ones.
    static std::optional<RestStatement> sqliteExistingRows(const db::Dialect &dialect, const TableShape &shape,
                                                           const RestWrite &write, const RestPayload &payload);

    // The conflict target: on_conflict=, else the primary key.
    static QStringList conflictTarget(const TableShape &shape, const RestWrite &write);
};

} // namespace tw::data
