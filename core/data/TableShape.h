#pragma once

#include "catalog/Snapshot.h"
#include "catalog/TableList.h"
#include "db/Dialect.h"

#include <QString>
#include <QStringList>

namespace tw::data {

// What the browser and the REST layer need to know about one column to read,
// show and write its values. Built by describeTable() from the live catalog.
struct ColumnInfo
{
    QString name;
    QString nativeType;          // as the engine spells it: "character varying(40)", "integer[]", "mood"
    db::LogicalType logical = db::LogicalType::Other;
    bool notNull = false;
    QString defaultExpression;   // empty: none
    bool generated = false;      // GENERATED ALWAYS AS (…): never written
    bool identityAlways = false; // GENERATED ALWAYS AS IDENTITY: never written
    bool identity = false;       // any identity column (shown as default on insert)
    bool isArray = false;
    bool sortable = true;        // the type has an ordering (json, xml, point have none)
    // Values longer than the page's truncation limit come back cut short and
    // flagged (Row::truncated); loadCell() fetches them whole.
    bool mayBeLarge = false;
    QStringList enumLabels;      // PostgreSQL enums, in sort order; empty otherwise

    bool writable() const { return !generated && !identityAlways; }
};

struct ForeignKeyRef
{
    QString name;
    QStringList columns;         // in this table
    catalog::QualifiedName referenced;
    QStringList referencedColumns;
};

// How a row is found again for the next page and for an edit.
enum class RowIdentity {
    PrimaryKey, // the table's primary key columns
    Ctid,       // PostgreSQL table without a primary key: physical position, read-only
    Rowid,      // SQLite rowid table without a primary key: editable
    None,       // views: paged by position (OFFSET), read-only
};

struct TableShape
{
    catalog::QualifiedName table;   // schema empty for SQLite
    catalog::TableRef::Kind kind = catalog::TableRef::Kind::Table;
    QList<ColumnInfo> columns;
    RowIdentity identity = RowIdentity::None;
    // Column names that identify a row, in key order. For Ctid / Rowid the
    // pseudo column ("ctid" / "rowid"); empty for None.
    QStringList keyColumns;
    bool editable = false;
    QString readOnlyReason;         // set exactly when !editable: shown to the user
    qint64 estimatedRows = -1;      // catalog estimate; -1: unknown
    QList<ForeignKeyRef> foreignKeys;

    int columnIndex(const QString &name) const;   // -1 when absent
    const ColumnInfo *column(const QString &name) const;
};

} // namespace tw::data
